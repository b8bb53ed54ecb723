#!/usr/bin/env python
"""A real headless browser looks at one page of the offline site (`_html/`, from `tools/render_docs.py`).

`python tools/browser_check.py [PAGE.html] [--shot FILE.png] [--no-selftest]` — PAGE defaults to the VAE page (`vae.html`), else the
page with the most math. Headless Chromium (Debian package `chromium`) loads the page from disk with every network
feature off, then:
- in the DOM after the page's layout ran (a copy of the page with a small script appended, dumped with
  `--dump-dom`): the page has MathML that the browser lays out as math (`display: math` or `block math`, non-zero
  size), and the text a reader sees outside code blocks has no raw TeX (`$$`, `\\frac`, `$\\`…), no `#|` directives, no
  `{target=` / `.cell-output` / `:::` Quarto syntax and no front matter; the page list links every page;
- in a screenshot (`--screenshot`, 1280×2000): the PNG is not blank (enough non-white pixels, enough distinct
  colours), so something was drawn.
Then a self-test shows the check can fail: a page with raw `$$…$$`, a `#|` line and `{target=` but no MathML, and a
blank page, must both be reported. Exits 0 with a printed note (SKIP) where no Chromium is installed; fails on any
problem.
"""
import json, os, re, shutil, subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).resolve().parents[1]

FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-extensions', '--disable-default-apps', '--mute-audio',
         '--hide-scrollbars', '--virtual-time-budget=5000']

PROBE = r"""<script>
(() => {
  const maths = [...document.querySelectorAll('math')];
  const laid = maths.filter(m => { const r = m.getBoundingClientRect(), d = getComputedStyle(m).display;
                                  return r.width > 0 && r.height > 0 && /math/.test(d); });
  // the text a reader sees outside code blocks (code may quote `$x$` or `#|` on purpose)
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n; (n = walker.nextNode());) {
    const el = n.parentElement;
    if (el.closest('pre, code, script, style, annotation')) continue;
    if (el.checkVisibility && !el.checkVisibility()) continue;
    text += n.textContent + (getComputedStyle(el).display === 'inline' ? '' : '\n');
  }
  const pats = {'$$': /\$\$/, 'raw TeX': /\\(frac|mathbb|mathcal|sum|beta|begin)\b|\$\\/, '#| directive': /^[ \t]*#\|/m,
                '{target=': /\{\s*target\s*=/, '.cell-output': /\.cell-output/, ':::': /^\s*:::/m,
                'front matter': /output-file:/};
  const raw = Object.entries(pats).filter(([k, re]) => re.test(text)).map(([k]) => k);
  const side = [...document.querySelectorAll('#sidebar li a')].map(a => a.getAttribute('href'));
  const res = {math: maths.length, math_laid_out: laid.length, math_display: maths.length ? getComputedStyle(maths[0]).display : null,
               raw, sidebar: side, title: document.querySelector('h1.title')?.innerText, text_len: text.length};
  const pre = document.createElement('pre'); pre.id = 'browser-check-result'; pre.textContent = JSON.stringify(res);
  document.body.appendChild(pre);
})();
</script>
"""

def find_browser()->str|None:
    for name in ('chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'):
        if exe := shutil.which(name): return exe
    return None

def pick_page(out:Path)->Path:
    if (out/'vae.html').exists(): return out/'vae.html'
    pages = sorted(out.rglob('*.html'), key=lambda p: -p.read_text().count('<math'))
    return pages[0]

def run(browser, args, user_dir, timeout=120):
    env = {**os.environ, 'HOME': user_dir}
    return subprocess.run([browser, *FLAGS, f'--user-data-dir={user_dir}', *args], capture_output=True, text=True,
                          timeout=timeout, env=env)

def png_stats(path:Path)->tuple[float, int]:
    "Fraction of non-white pixels and number of distinct colours of a PNG."
    from PIL import Image
    im = Image.open(path).convert('RGB')
    im.thumbnail((640, 1000))
    px = list(im.get_flattened_data() if hasattr(im, 'get_flattened_data') else im.getdata())
    return sum(1 for p in px if min(p) < 235) / len(px), len(set(px))

def check(page:Path, shot:Path, quiet=False)->list[str]:
    say = (lambda *a: None) if quiet else print
    browser = find_browser()
    if browser is None:
        say("SKIP browser check: no chromium installed (apt-get install chromium); the page checks still ran")
        return []
    problems = []
    probe = page.with_name(f'.browser-check-{page.name}')      # beside the page: same relative CSS and images
    probe.write_text(page.read_text().replace('</body>', PROBE + '</body>', 1))
    with tempfile.TemporaryDirectory() as ud:
        try:
            r = run(browser, ['--dump-dom', probe.resolve().as_uri()], ud)
            m = re.search(r'<pre id="browser-check-result">(.*?)</pre>', r.stdout, re.S)
            if not m: problems.append(f"no result in the dumped DOM (rc={r.returncode}): {r.stderr.strip()[-400:]}")
            else:
                import html
                res = json.loads(html.unescape(m[1]))
                say(f"browser DOM: {res['math']} <math>, {res['math_laid_out']} laid out as math "
                      f"(display: {res['math_display']}), title {res.get('title')!r}, {len(res['sidebar'])} pages in the page list")
                if res['math'] == 0: problems.append("no MathML on the page")
                elif res['math_laid_out'] < res['math']: problems.append(f"only {res['math_laid_out']} of {res['math']} math elements laid out as math")
                if res['raw']: problems.append(f"the page shows raw {res['raw']}")
                n_pages = len(json.loads((page.parent/'pages.json').read_text())) if (page.parent/'pages.json').exists() else 0
                if len(res['sidebar']) < n_pages: problems.append(f"the page list has {len(res['sidebar'])} of {n_pages} pages")
        finally: probe.unlink(missing_ok=True)
        shot.parent.mkdir(parents=True, exist_ok=True); shot.unlink(missing_ok=True)
        r = run(browser, ['--window-size=1280,2000', f'--screenshot={shot.resolve()}', page.resolve().as_uri()], ud)
    if not shot.exists(): problems.append(f"no screenshot written (rc={r.returncode}): {r.stderr.strip()[-400:]}")
    else:
        ink, colours = png_stats(shot)
        say(f"screenshot {shot}: {ink:.1%} non-white pixels, {colours} colours")
        if ink < 0.02 or colours < 16: problems.append(f"screenshot looks blank ({ink:.1%} non-white, {colours} colours)")
    return problems

def selftest()->list[str]:
    "The browser check must be able to fail: a page with raw TeX and a directive but no MathML, and a blank page."
    bad = ('<html><body><nav id="sidebar"><ol></ol></nav><h1 class="title">Bad</h1><p>output-file: bad.html</p>'
           '<p>#| echo: false</p><p>$$\\frac{a}{b}$$ and [source](u){target="_blank"}</p></body></html>')
    missed = []
    with tempfile.TemporaryDirectory() as d:
        d = Path(d); (d/'bad.html').write_text(bad); (d/'blank.html').write_text('<html><body></body></html>')
        got = '\n'.join(check(d/'bad.html', d/'bad.png', quiet=True))
        for w in ('no MathML', "'$$'", "'raw TeX'", "'#| directive'", "'{target='", "'front matter'"):
            if w not in got: missed.append(w)
        if 'looks blank' not in '\n'.join(check(d/'blank.html', d/'blank.png', quiet=True)): missed.append('blank screenshot')
    return [f"browser check self-test: the check for {w} did not fire" for w in missed]

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if a != '--no-selftest']
    if find_browser() is None:
        sys.exit(print("SKIP browser check: no chromium installed (apt-get install chromium); the page checks still ran"))
    shot = root/'_html'/'_screenshot.png'
    if '--shot' in args: i = args.index('--shot'); shot = Path(args[i+1]); del args[i:i+2]
    out = root/'_html'
    page = (out/args[0]) if args else pick_page(out)
    problems = check(page, shot)
    if find_browser() and '--no-selftest' not in sys.argv: problems += selftest()
    if problems: sys.exit(f"browser check failed on {page.name}:\n  " + '\n  '.join(problems))
    print(f"browser check OK: {page.name}")
