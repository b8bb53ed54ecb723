#!/usr/bin/env python
"""Page checks for the offline docs site in `_html/` (run by `tools/render_docs.py`; alone: `python tools/check_docs.py`).

Fails when:
- a notebook in nbs/ (as nbdev lists them) has no page, or a page is not reachable by links from `index.html`;
- the index does not link every page (its page list counts);
- a notebook with plots among its saved outputs gives a page with no `<img>`, or a page has fewer images than the
  visible plot outputs it was rendered from;
- a page's visible text shows what a reader should never see: raw front matter (`output-file:`), `#|` directive lines
  (code included), Quarto/pandoc attribute syntax (`{target=`, `{.cell-output`, `{#…}`, `:::`), shortcodes
  (`{{<`), a literal `$$` or `$…$` outside code (unrendered math), or TeX pandoc could not turn into MathML;
- an internal link or image (`href`/`src` without a scheme) points to a file that does not exist, or to an anchor
  that the target page does not have.
"""
import json, re, sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

root = Path(__file__).resolve().parents[1]

class PageParser(HTMLParser):
    "Collects ids, links, images, math elements, and the visible text outside and inside code."
    skip = {'script', 'style', 'title', 'head'}
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.imgs, self.srcs, self.n_math, self.unconverted = set(), [], [], [], 0, 0
        self.stack, self.prose, self.code = [], [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if 'id' in a: self.ids.add(a['id'])
        if tag == 'a' and a.get('name'): self.ids.add(a['name'])
        if tag == 'a' and 'href' in a: self.links.append(a['href'] or '')
        if a.get('src'): self.srcs.append(a['src'])
        if tag == 'img': self.imgs.append(a.get('src') or '')
        if tag == 'link' and a.get('href'): self.links.append(a['href'])
        if tag == 'math': self.n_math += 1
        if 'math' in (a.get('class') or '').split(): self.unconverted += 1   # pandoc's fallback: raw TeX in a span
        if tag not in ('img', 'br', 'hr', 'meta', 'link', 'input', 'source', 'col', 'wbr'): self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag: pass
    def handle_data(self, data):
        if self.skip & set(self.stack) or 'annotation' in self.stack: return
        (self.code if {'code', 'pre'} & set(self.stack) else self.prose).append(data)

def parse(path:Path)->PageParser:
    p = PageParser(); p.feed(path.read_text()); p.close(); return p

# what must never be visible; (name, regex, where: 'prose' | 'all')
RAW = [
    ('front matter', re.compile(r'output-file:'), 'prose'),
    ('a #| directive', re.compile(r'^[ \t]*#\|', re.M), 'all'),
    ('Quarto link attributes', re.compile(r'\{\s*target\s*='), 'all'),
    ('a Quarto/pandoc attribute block', re.compile(r'\{[.#][A-Za-z][\w-]*'), 'prose'),
    ('.cell-output syntax', re.compile(r'\.cell-output'), 'all'),
    ('a fenced div (:::)', re.compile(r'^\s*:::', re.M), 'prose'),
    ('a shortcode', re.compile(r'\{\{<'), 'all'),
    ('$$ (unrendered display math)', re.compile(r'\$\$'), 'prose'),
    ('$…$ (unrendered inline math)', re.compile(r'\$[^\s$][^$\n]*\$'), 'prose'),
]

def _expected_notebooks(nbs:Path)->list[str]:
    from nbdev.doclinks import nbglob
    return [Path(p).relative_to(nbs).as_posix() for p in nbglob(nbs)]

def _has_plot(nb_path:Path)->bool:
    "Whether the committed notebook shows an image among its saved outputs."
    nb = json.loads(nb_path.read_text())
    return any(k.startswith('image/') for c in nb['cells'] if c['cell_type'] == 'code'
               for o in c.get('outputs', []) for k in o.get('data', {}))

def check_site(out:Path, nbs:Path)->list[str]:
    "All the checks above; returns the problems (empty when the site is fine)."
    problems = []
    mf = out/'pages.json'
    if not mf.exists(): return [f"no {mf} (run tools/render_docs.py)"]
    manifest = json.loads(mf.read_text())
    by_src = {m['src']: m for m in manifest}
    for src in _expected_notebooks(nbs):
        if src not in by_src: problems.append(f"{src}: no page rendered")
    parsed = {}
    for m in manifest:
        f = out/m['html']
        if not f.exists(): problems.append(f"{m['src']}: page {m['html']} missing"); continue
        parsed[m['html']] = parse(f)
    # links and anchors
    for html, pp in parsed.items():
        here = (out/html).parent
        for url in pp.links + pp.srcs:
            if not url or re.match(r'^[a-z][a-z0-9+.-]*:', url, re.I): continue      # http:, https:, mailto:, data:
            path, _, frag = url.partition('#')
            target = (here/unquote(path)).resolve() if path else (out/html).resolve()
            if not target.exists(): problems.append(f"{html}: link to missing file {url}"); continue
            if frag:
                rel = target.relative_to(out.resolve()).as_posix() if target.is_relative_to(out.resolve()) else None
                ids = parsed[rel].ids if rel in parsed else (parse(target).ids if target.suffix == '.html' else None)
                if ids is not None and unquote(frag) not in ids: problems.append(f"{html}: link to missing anchor {url}")
    # the index links every page, and every page is reachable from it
    index = manifest[0]['html'] if manifest else None
    if index != 'index.html': problems.append(f"the site's first page is {index}, not index.html")
    if index in parsed:
        def targets(html):
            here = (out/html).parent
            for url in parsed[html].links:
                path = url.partition('#')[0]
                if path and not re.match(r'^[a-z][a-z0-9+.-]*:', path, re.I) and path.endswith('.html'):
                    t = (here/unquote(path)).resolve()
                    if t.is_relative_to(out.resolve()): yield t.relative_to(out.resolve()).as_posix()
        linked = set(targets(index))
        for m in manifest[1:]:
            if m['html'] not in linked: problems.append(f"index.html does not link {m['html']}")
        seen, todo = {index}, [index]
        while todo:
            for t in targets(todo.pop()):
                if t in parsed and t not in seen: seen.add(t); todo.append(t)
        for m in manifest:
            if m['html'] in parsed and m['html'] not in seen: problems.append(f"{m['html']} is not reachable from index.html")
    # raw syntax, math, images
    for m in manifest:
        pp = parsed.get(m['html'])
        if pp is None: continue
        prose, code = ''.join(pp.prose), ''.join(pp.code)
        for name, rx, where in RAW:
            hit = rx.search(prose) or (rx.search(code) if where == 'all' else None)
            if hit:
                s = (prose if rx.search(prose) else code)
                ctx = s[max(0, hit.start()-40):hit.end()+40].replace('\n', ' ')
                problems.append(f"{m['html']}: shows {name}: …{ctx}…")
        if pp.unconverted: problems.append(f"{m['html']}: {pp.unconverted} math element(s) left as TeX")
        n_img = len(pp.imgs)
        if n_img < m.get('images', 0): problems.append(f"{m['html']}: {m['images']} images rendered, {n_img} <img> on the page")
        nb = nbs/m['src']
        if nb.exists() and _has_plot(nb) and n_img == 0: problems.append(f"{m['html']}: {m['src']} has plots but the page has no image")
    return problems

def selftest()->list[str]:
    "The checks must be able to fail: a small broken site, and the problems each check must report on it."
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        d = Path(d); out, nbs = d/'_html', d/'nbs'; out.mkdir(); nbs.mkdir()
        plot = {'cells': [{'cell_type': 'code', 'source': [], 'metadata': {}, 'execution_count': 1,
                           'outputs': [{'output_type': 'display_data', 'data': {'image/png': 'iVBOR'}, 'metadata': {}}]}],
                'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5}
        for n in ('index', '01_a', '02_b', '03_c'): (nbs/f'{n}.ipynb').write_text(json.dumps(plot if n == '01_a' else {**plot, 'cells': []}))
        (out/'pages.json').write_text(json.dumps([dict(src='index.ipynb', html='index.html', title='i', images=0),
            dict(src='01_a.ipynb', html='a.html', title='a', images=1), dict(src='02_b.ipynb', html='b.html', title='b', images=0)]))
        (out/'index.html').write_text('<html><body><a href="a.html">a</a><p>fine $5 and 6</p></body></html>')
        (out/'a.html').write_text("""<html><body><p>description: x output-file: a.html title: A</p>
<pre><code>#| echo: false
show_doc(f)</code></pre><p>[source](https://x){target="_blank"} and {.cell-output} here</p>
<p>::: {.callout-note}</p><p>$$\\frac{a}{b}$$ and $x_1$ and {{< video u >}}</p><span class="math inline">\\rm x</span>
<a href="missing.html">m</a> <a href="index.html#nope">n</a> <a href="#here">h</a><h2 id="here">h</h2></body></html>""")
        (out/'b.html').write_text('<html><body>b</body></html>')
        got = '\n'.join(check_site(out, nbs))
    want = ['03_c.ipynb: no page rendered', 'index.html does not link b.html', 'b.html is not reachable', 'shows front matter',
            'shows a #| directive', 'Quarto link attributes', '.cell-output syntax', 'a fenced div', 'a shortcode',
            '$$ (unrendered', '$…$ (unrendered', 'left as TeX', 'link to missing file missing.html',
            'link to missing anchor index.html#nope', '1 images rendered, 0 <img>', 'has plots but the page has no image']
    missed = [w for w in want if w not in got]
    if 'fine $5' in got or '#here' in got: missed.append('a false alarm on the index or an existing anchor:\n' + got)
    return [f"check_docs self-test: the check for {w!r} did not fire" for w in missed]

if __name__ == '__main__':
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else root/'_html'
    problems = selftest() + check_site(out, root/'nbs')
    if problems: sys.exit("docs checks failed:\n  " + '\n  '.join(problems))
    print(f"docs checks OK ({out})")
