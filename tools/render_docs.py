#!/usr/bin/env python
"""Offline render of the docs site, for machines without Quarto (CI included): `python tools/render_docs.py`.

1. nbdev's own docs processing (what `nbdev_proc_nbs` does: nbdev.yml, sidebar.yml, processed notebooks in
   `_proc/`, show_doc cells run), without nbdev's attempt to download and install Quarto when it is missing.
2. Each processed notebook is turned into the markdown Quarto would hand to pandoc, doing what Quarto does with a
   cell: `#| hide` / `#| include: false` drop it, `#| echo: false` its code, `#| output: false` its outputs;
   show_doc's markdown goes in as markdown (`[source](…){target="_blank"}` is pandoc syntax); plots are written to
   `_html/figures/`; front matter becomes the page's title and description.
3. pandoc (Quarto's own engine; Debian package `pandoc`) renders each page to HTML with MathML math (no network,
   no JavaScript), a table of contents, the page list of `sidebar.yml` in notebook order, previous/next links, and
   links rewritten for the offline site: `NN_name.ipynb` and the site's absolute doc links (`doc_host/…/vae.html#…`)
   become relative links to the rendered pages. Output names follow Quarto's (`output-file:`, e.g. `vae.html`).
4. Self-tests (the cell options above on a small notebook; each page check on a small broken site), then the page
   checks of `tools/check_docs.py` over `_html/`; any problem fails the script. `tools/browser_check.py` then looks
   at one page in headless Chromium (tools/test.sh runs both).

Open `_html/index.html`. Where Quarto is installed, `nbdev_docs` builds the real site from the same `_quarto.yml`.
"""
import base64, json, os, posixpath, re, shutil, subprocess, sys, tempfile, time
from html import escape
from pathlib import Path
import yaml

root = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_docs

def proc_nbs()->Path:
    "Run nbdev's docs preprocessing into `_proc/` (no Quarto needed for this step)."
    import nbdev.quarto as q
    q._ensure_quarto = lambda: None  # nbdev would try to download Quarto here; rendering below does not need it
    q.nbdev_proc_nbs.__wrapped__()
    return root/'_proc'

def pandoc_exe()->str:
    "The pandoc binary: Debian's `pandoc` on PATH, else the one shipped in the `pypandoc_binary` wheel."
    exe = shutil.which('pandoc')
    if exe: return exe
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except Exception: pass
    sys.exit("docs render failed: pandoc not found (apt-get install pandoc, or pip install pypandoc_binary)")

# ---------------------------------------------------------------------------------------------------------------
# Which pages, in which order, under which names

def _flatten(items):
    "Page paths of a Quarto sidebar `contents` list (strings, `{href: …}`, `{section: …, contents: […]}`)."
    for it in items or []:
        if isinstance(it, str): yield it
        elif isinstance(it, dict):
            if 'href' in it: yield it['href']
            yield from _flatten(it.get('contents'))

def page_sources(nbs:Path)->list[str]:
    "Notebooks (relative to `nbs/`) in the sidebar's order, then any notebook the sidebar misses."
    from nbdev.doclinks import nbglob
    found = [Path(p).relative_to(nbs).as_posix() for p in nbglob(nbs)]
    order = []
    sb = nbs/'sidebar.yml'
    if sb.exists():
        side = yaml.safe_load(sb.read_text()) or {}
        order = [p for p in _flatten(side.get('website', {}).get('sidebar', {}).get('contents')) if p in found]
    return order + [p for p in found if p not in order]

def front_matter(nb:dict)->dict:
    "The YAML front matter nbdev put in the first raw cell (title, description, output-file), or {}."
    for c in nb['cells'][:3]:
        src = ''.join(c['source']).strip()
        if c['cell_type'] == 'raw' and src.startswith('---'):
            m = re.match(r'^---\s*\n(.*?)\n---\s*$', src, re.S)
            if m: return yaml.safe_load(m[1]) or {}
    return {}

# ---------------------------------------------------------------------------------------------------------------
# Notebook -> pandoc markdown, with Quarto's cell options

_ansi = re.compile(r'\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07')

def _text(x)->str: return ''.join(x) if isinstance(x, list) else (x or '')

def _plain(s:str)->str:
    "Terminal text as a person saw it: no ANSI colours, each `\\r`-rewritten line at its last state."
    s = _ansi.sub('', s)
    return '\n'.join(l.rsplit('\r', 1)[-1] for l in s.split('\n'))

def _fence(body:str, attrs:str='')->str:
    "A fenced code block that no run of backticks inside `body` can close."
    n = max([3] + [len(m) + 1 for m in re.findall(r'`{3,}', body)])
    return f"{'`'*n}{attrs}\n{body.rstrip()}\n{'`'*n}"

_directive = re.compile(r'^\s*#\|\s*([\w-]+)\s*:?\s*(.*?)\s*$')

def cell_options(src:str)->tuple[dict, str]:
    "Quarto/nbdev `#|` options of a code cell (YAML values) and the source without them."
    opts, keep = {}, []
    for line in src.splitlines():
        m = _directive.match(line)
        if m:
            try: v = yaml.safe_load(m[2]) if m[2] else True
            except yaml.YAMLError: v = m[2]
            opts[m[1].lower().replace('-', '_')] = v
        else: keep.append(line)
    return opts, '\n'.join(keep).strip('\n')

def tex_compat(md:str)->str:
    "TeX that MathJax (Quarto's default) reads but Debian's pandoc 2.17 cannot turn into MathML, said the long way."
    md = re.sub(r'\{\\(rm|bf|it|sf|tt)\s+([^{}]*)\}', lambda m: '{\\math%s{%s}}' % (m[1], m[2]), md)   # {\rm x}
    return re.sub(r'\{([pbBvV]?)smallmatrix\}', r'{\1matrix}', md)                             # psmallmatrix

def _is(opts, key, value)->bool: return key in opts and opts[key] is value

class Page:
    "One notebook rendered to pandoc markdown; images written under `fig_dir`."
    def __init__(self, nb:dict, stem:str, fig_dir:Path, fig_rel:str):
        self.nb, self.stem, self.fig_dir, self.fig_rel, self.n_img = nb, stem, fig_dir, fig_rel, 0

    def image(self, data:str, ext:str, md:dict)->str:
        self.n_img += 1
        name = f"{self.stem}-{self.n_img}.{ext}"
        raw = data.encode() if ext == 'svg' else base64.b64decode(data)
        (self.fig_dir/name).write_bytes(raw)
        size = ' '.join(f'{k}="{md[k]}"' for k in ('width', 'height') if isinstance(md.get(k), (int, float)))
        img = f'![]({self.fig_rel}/{name}){{{size}}}' if size else f'![]({self.fig_rel}/{name})'
        return f'[{img}]({self.fig_rel}/{name})'                  # a click opens the plot at full size

    def output(self, o:dict, asis:bool)->str:
        "One output as markdown, picking the richest type a static page can show."
        t = o['output_type']
        if t == 'stream':
            text = _plain(_text(o.get('text')))
            if not text.strip(): return ''
            if asis: return text
            return f"::: {{.cell-output .cell-output-{o.get('name', 'stdout')}}}\n{_fence(text)}\n:::"
        if t == 'error':
            tb = _plain('\n'.join(o.get('traceback') or [f"{o.get('ename')}: {o.get('evalue')}"]))
            return f"::: {{.cell-output .cell-output-error}}\n{_fence(tb)}\n:::"
        data, md = o.get('data', {}), o.get('metadata', {})
        if 'text/markdown' in data: return tex_compat(_text(data['text/markdown']))
        for mime, ext in (('image/png', 'png'), ('image/jpeg', 'jpg'), ('image/svg+xml', 'svg'), ('image/gif', 'gif')):
            if mime in data:
                return f"::: {{.cell-output .cell-output-display}}\n{self.image(_text(data[mime]), ext, md.get(mime, {}))}\n:::"
        if 'text/html' in data:
            return f"::: {{.cell-output .cell-output-display}}\n{_fence(_text(data['text/html']), '{=html}')}\n:::"
        if 'text/latex' in data: return _text(data['text/latex'])
        if 'text/plain' in data:
            text = _plain(_text(data['text/plain']))
            if asis: return text
            return f"::: {{.cell-output .cell-output-display}}\n{_fence(text)}\n:::"
        return ''

    def code_cell(self, c:dict)->str:
        opts, src = cell_options(_text(c['source']))
        if 'hide' in opts and opts['hide'] is not False: return ''          # nbdev's `#| hide`
        if _is(opts, 'include', False): return ''
        echo = not (_is(opts, 'echo', False) or 'hide_input' in opts)
        show_out = not (_is(opts, 'output', False) or 'hide_output' in opts)
        asis = opts.get('output') == 'asis'
        parts = []
        if echo and src.strip(): parts.append(_fence(src, ' {.python .cell-code}'))
        if show_out: parts += [s for o in c.get('outputs', []) if (s := self.output(o, asis).strip('\n'))]
        if not parts: return ''
        return '::: {.cell}\n' + '\n\n'.join(parts) + '\n:::' if not asis else '\n\n'.join(parts)

    def markdown_cell(self, c:dict)->str:
        src = tex_compat(_text(c['source']))
        for name, att in (c.get('attachments') or {}).items():   # `![](attachment:x.png)` -> a written file
            mime, data = next(iter(att.items()))
            self.n_img += 1
            fn = f"{self.stem}-att{self.n_img}-{re.sub(r'[^A-Za-z0-9._-]', '_', name)}"
            (self.fig_dir/fn).write_bytes(base64.b64decode(_text(data)))
            src = src.replace(f'attachment:{name}', f'{self.fig_rel}/{fn}')
        return src

    def markdown(self)->str:
        out = []
        for i, c in enumerate(self.nb['cells']):
            src = _text(c['source'])
            if c['cell_type'] == 'raw':
                if src.strip().startswith('---') and not any(out): continue   # the front matter: page metadata
                fmt = (c.get('metadata') or {}).get('format') or (c.get('metadata') or {}).get('raw_mimetype', '')
                out.append(_fence(src, '{=html}') if 'html' in fmt else src)
            elif c['cell_type'] == 'markdown': out.append(self.markdown_cell(c))
            elif c['cell_type'] == 'code': out.append(self.code_cell(c))
        return '\n\n'.join(s for s in out if s.strip()) + '\n'

# ---------------------------------------------------------------------------------------------------------------
# Page template, stylesheet, links

TEMPLATE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$pagetitle$</title>
$if(description-meta)$<meta name="description" content="$description-meta$">$endif$
<link rel="stylesheet" href="$site-root$site.css">
<link rel="stylesheet" href="$site-root$styles.css">
<style>
$highlighting-css$
</style>
</head>
<body>
<!--SIDEBAR-->
<main id="content">
<header id="title-block-header">
<h1 class="title">$title$</h1>
$if(description)$<div class="description">$description$</div>$endif$
</header>
$body$
<!--PAGER-->
</main>
$if(toc)$<nav id="toc" aria-label="On this page"><h2>On this page</h2>
$table-of-contents$
</nav>$endif$
</body>
</html>
"""

CSS = """/* Offline docs (tools/render_docs.py): a plain, readable page; Quarto's own theme is used by nbdev_docs. */
:root { --fg:#1f2328; --muted:#57606a; --line:#d0d7de; --bg-code:#f6f8fa; --accent:#0b5cad; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin:0; color:var(--fg); background:#fff; line-height:1.55;
  font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, Helvetica, Arial, sans-serif;
  display:grid; grid-template-columns: 16rem minmax(0, 54rem) 15rem; column-gap: 2rem; }
math [mathvariant="normal"] mi, math mi[mathvariant="normal"] { text-transform:none; font-style:normal; }
math [mathvariant="bold"] { font-weight:bold; } math [mathvariant="bold"] mi { text-transform:none; }
math { font-family: "Latin Modern Math", "STIX Two Math", "DejaVu Math TeX Gyre", math; font-size: 1.05em; }
a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
#sidebar { position:sticky; top:0; height:100vh; overflow-y:auto; padding:1.2rem 1rem; background:#f8f9fb;
  border-right:1px solid var(--line); font-size:.92rem; }
#sidebar .site-title { display:block; font-weight:700; font-size:1.15rem; color:var(--fg); margin-bottom:.8rem; }
#sidebar ol { list-style:none; margin:0; padding:0; }
#sidebar li a { display:block; padding:.22rem .5rem; border-radius:4px; color:var(--fg); }
#sidebar li a .nb { color:var(--muted); font-size:.8em; font-variant-numeric: tabular-nums; margin-right:.35em; }
#sidebar li a:hover { background:#eaeef2; text-decoration:none; }
#sidebar li a.active { background:var(--accent); color:#fff; } #sidebar li a.active .nb { color:#dbe8f7; }
#content { padding: 1.5rem 0 4rem; min-width:0; }
#toc { position:sticky; top:0; max-height:100vh; overflow-y:auto; padding:1.5rem .5rem; font-size:.85rem; }
#toc h2 { font-size:.8rem; text-transform:uppercase; letter-spacing:.05em; color:var(--muted); margin:0 0 .4rem; }
#toc ul { list-style:none; padding-left:.8rem; margin:0; } #toc > ul { padding-left:0; }
#toc a { color:var(--muted); } #toc a:hover { color:var(--accent); }
h1.title { font-size:2.2rem; margin:.2rem 0 .3rem; }
h1, h2, h3, h4 { line-height:1.25; margin-top:1.8rem; } h2 { border-bottom:1px solid var(--line); padding-bottom:.2rem; }
h3 { font-size:1.2rem; } h4 { font-size:1.05rem; }
.description { color:var(--muted); font-size:1.15rem; margin-bottom:1.5rem; }
p, li { overflow-wrap: anywhere; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size:.86em; background:var(--bg-code);
  padding:.08em .3em; border-radius:4px; }
pre { background:var(--bg-code); padding:.7rem .9rem; border-radius:6px; overflow-x:auto; line-height:1.4; }
pre code { background:none; padding:0; font-size:.84rem; }
div.sourceCode { margin:0; background:none; } pre > code.sourceCode > span > a:first-child::before { text-decoration:none; }
.cell { margin:1rem 0; }
.cell-output pre { background:#fff; border-left:2px solid lightsalmon; border-radius:0; margin:.2rem 0 0 .8rem; }
.cell-output-stderr pre { border-left-color:#d4a72c; background:#fffbea; }
.cell-output-error pre { border-left-color:#cf222e; background:#fff5f5; }
.cell-output-display { overflow-x:auto; }
img { max-width:100%; height:auto; }
table { border-collapse:collapse; margin:1rem 0; font-size:.9rem; display:block; overflow-x:auto; }
th, td { border:1px solid var(--line); padding:.3rem .6rem; text-align:left; vertical-align:top; }
thead th { background:#f3f5f7; }
blockquote { margin:1rem 0; padding:.1rem 1rem; border-left:4px solid var(--line); color:var(--muted); }
hr { border:none; border-top:1px solid var(--line); margin:2rem 0 1rem; }
.callout, div[class*="callout-"] { border-left:4px solid var(--accent); background:#f3f8fe; padding:.5rem 1rem; margin:1rem 0; }
.pager { display:flex; justify-content:space-between; gap:1rem; margin-top:3rem; padding-top:1rem; border-top:1px solid var(--line); }
@media (max-width: 1250px) { body { grid-template-columns: 15rem minmax(0, 1fr); } #toc { display:none; } #content { padding-right:1.5rem; } }
@media (max-width: 760px) { body { display:block; } #sidebar { position:static; height:auto; border-right:none;
  border-bottom:1px solid var(--line); } #content { padding:1rem; } }
"""

def _nb_prefix(src:str)->str:
    m = re.match(r'^(\d+[a-z]?)_', Path(src).name)
    return m[1] if m else ''

def _inline(md:str)->str:
    "A title's inline markdown for the page list: `code` spans as <code>, the rest as text."
    return re.sub(r'`([^`]+)`', r'<code>\1</code>', escape(md))

def sidebar_html(pages:list[dict], cur:dict, site_title:str)->str:
    here = posixpath.dirname(cur['html'])
    rel = lambda p: posixpath.relpath(p['html'], here or '.')
    items = []
    for p in pages:
        cls = ' class="active" aria-current="page"' if p is cur else ''
        nb = f'<span class="nb">{escape(_nb_prefix(p["src"]))}</span>' if _nb_prefix(p['src']) else ''
        items.append(f'<li><a href="{escape(rel(p))}"{cls} title="{escape(p["src"])}">{nb}{_inline(p["title"])}</a></li>')
    home = posixpath.relpath(pages[0]['html'], here or '.')
    return (f'<nav id="sidebar" aria-label="Pages"><a class="site-title" href="{escape(home)}">{escape(site_title)}</a>\n'
            f'<ol>\n' + '\n'.join(items) + '\n</ol></nav>')

def pager_html(pages:list[dict], i:int)->str:
    here = posixpath.dirname(pages[i]['html']) or '.'
    link = lambda p, arrow: f'<a href="{escape(posixpath.relpath(p["html"], here))}">{arrow}</a>'
    prev = link(pages[i-1], f'← {_inline(pages[i-1]["title"])}') if i > 0 else '<span></span>'
    nxt = link(pages[i+1], f'{_inline(pages[i+1]["title"])} →') if i+1 < len(pages) else '<span></span>'
    return f'<nav class="pager" aria-label="Previous and next page">{prev}{nxt}</nav>'

def link_rewriter(pages:list[dict], cur:dict, doc_url:str):
    "Rewrite one href/src of `cur`: `.ipynb` targets and the site's absolute URLs become relative offline links."
    by_src = {p['src']: p['html'] for p in pages}
    src_dir, here = posixpath.dirname(cur['src']), posixpath.dirname(cur['html']) or '.'
    def target(url:str)->str|None:
        path, sep, frag = url.partition('#')
        if doc_url and path.startswith(doc_url):                 # https://host/baseurl/vae.html#x -> vae.html#x
            p = path[len(doc_url):].lstrip('/') or pages[0]['html']   # a page that is not there: the checks say so
            return posixpath.relpath(p, here) + sep + frag
        if re.match(r'^[a-z][a-z0-9+.-]*:', path, re.I) or not path.endswith('.ipynb'): return None
        for cand in (posixpath.normpath(posixpath.join(src_dir, path)),                 # relative to the notebook
                     posixpath.normpath(re.sub(r'^(\./)?nbs/', '', path))):           # README-style nbs/NN.ipynb
            if cand in by_src: return posixpath.relpath(by_src[cand], here) + sep + frag
        return None
    def sub(m):
        new = target(m[2].replace('&amp;', '&'))
        return f'{m[1]}="{escape(new)}"' if new is not None else m[0]
    return lambda html: re.sub(r'\b(href|src)="([^"]*)"', sub, html)

# ---------------------------------------------------------------------------------------------------------------

def render(proc:Path, out:Path, nbs:Path)->tuple[list[dict], list[str]]:
    "Render every processed notebook to `out`; return the page manifest and the problems found."
    from nbdev.config import get_config
    cfg = get_config()
    site_title = cfg.get('title', cfg.get('lib_name', 'docs'))
    doc_url = (cfg.get('doc_host', '').rstrip('/') + '/' + cfg.get('doc_baseurl', '').strip('/')).rstrip('/') + '/'
    if doc_url == '/': doc_url = ''
    pandoc = pandoc_exe()
    shutil.rmtree(out, ignore_errors=True); (out/'figures').mkdir(parents=True)
    (out/'site.css').write_text(CSS)
    styles = nbs/'styles.css'
    (out/'styles.css').write_text(styles.read_text() if styles.exists() else '')
    problems, pages = [], []
    for src in page_sources(nbs):
        p = proc/src
        if not p.exists(): problems.append(f"{src}: nbdev did not process it (no {p.relative_to(root)})"); continue
        try: nb = json.loads(p.read_text())
        except Exception as e: problems.append(f"{src}: unreadable processed notebook: {e}"); continue
        fm = front_matter(nb)
        name = fm.get('output-file') or Path(src).with_suffix('.html').name
        html_path = posixpath.join(posixpath.dirname(src), name) if posixpath.dirname(src) else name
        pages.append(dict(src=src, html=html_path, title=str(fm.get('title') or Path(src).stem), fm=fm, nb=nb))
    dup = {p['html'] for p in pages if sum(q['html'] == p['html'] for q in pages) > 1}
    if dup: problems.append(f"two notebooks render to the same page: {sorted(dup)}")
    with tempfile.TemporaryDirectory() as tmp:
        tpl = Path(tmp)/'page.html'; tpl.write_text(TEMPLATE)
        for i, pg in enumerate(pages):
            t0 = time.time()
            dest = out/pg['html']; dest.parent.mkdir(parents=True, exist_ok=True)
            depth = pg['html'].count('/')
            fig_rel = '../'*depth + 'figures'
            page = Page(pg['nb'], Path(pg['html']).stem.replace('/', '_'), out/'figures', fig_rel)
            body = page.markdown()
            meta = dict(title=pg['title'], pagetitle=f"{pg['title']} – {site_title}" if pg['title'] != site_title else site_title)
            desc = pg['fm'].get('description')
            if desc: meta.update(description=str(desc), **{'description-meta': re.sub(r'[`*_$]', '', str(desc))})
            md = '---\n' + yaml.safe_dump(meta, allow_unicode=True) + '---\n\n' + body
            cmd = [pandoc, '--from=markdown', '--to=html5', '--standalone', f'--template={tpl}', '--mathml',
                   '--toc', '--toc-depth=3', '--wrap=none', f'--variable=site-root:{"../"*depth}', f'--resource-path={nbs}']
            r = subprocess.run(cmd, input=md, capture_output=True, text=True)
            if r.returncode:
                problems.append(f"{pg['src']}: pandoc failed: {r.stderr.strip()[:500]}"); continue
            for w in re.findall(r'\[WARNING\][^\n]*(?:\n(?!\[)[^\n]*)*', r.stderr):
                if 'Could not convert TeX math' in w: problems.append(f"{pg['src']}: {' '.join(w.split())[:300]}")
                else: print(f"  note from pandoc on {pg['src']}: {' '.join(w.split())[:300]}")
            html = r.stdout.replace('<!--SIDEBAR-->', sidebar_html(pages, pg, site_title), 1)
            html = html.replace('<!--PAGER-->', pager_html(pages, i), 1)
            html = link_rewriter(pages, pg, doc_url)(html)
            html = re.sub(r'<colgroup>.*?</colgroup>\n?', '', html, flags=re.S)   # let the browser size table columns
            dest.write_text(html)
            pg['images'] = page.n_img
            print(f"rendered {pg['src']:30s} -> {pg['html']:24s} {len(html)/1e3:7.0f} kB {page.n_img:3d} images  {time.time()-t0:5.1f}s")
    manifest = [dict(src=p['src'], html=p['html'], title=p['title'], images=p.get('images', 0)) for p in pages]
    (out/'pages.json').write_text(json.dumps(manifest, indent=1))
    return manifest, problems

def selftest()->list[str]:
    "Quarto's cell options on a small notebook: what each must hide, and what must stay."
    code = lambda src, text: {'cell_type': 'code', 'source': src, 'metadata': {}, 'outputs': [
        {'output_type': 'stream', 'name': 'stdout', 'text': text}]}
    nb = {'cells': [{'cell_type': 'raw', 'source': '---\ntitle: T\n---', 'metadata': {}},
                    code('#| hide\nsecret_hide()', 'out_hide'), code('#| include: false\nsecret_include()', 'out_include'),
                    code('#| echo: false\nsecret_echo()', 'shown_output'), code('#| output: false\nshown_code()', 'out_output'),
                    code('#|eval: false\nplain()', '\x1b[31mred\x1b[0m\n10%\r100%'),
                    {'cell_type': 'markdown', 'source': 'see [b](02_b.ipynb) $x$ {\\rm y}', 'metadata': {}}]}
    with tempfile.TemporaryDirectory() as d: md = Page(nb, 't', Path(d), 'figures').markdown()
    bad = [w for w in ('secret_hide', 'out_hide', 'secret_include', 'out_include', 'secret_echo', 'out_output', '#|',
                       'title: T', '\x1b', '10%') if w in md]
    bad += [f'missing {w}' for w in ('shown_output', 'shown_code', 'plain()', 'red\n100%', '{\\mathrm{y}}') if w not in md]
    return [f"render_docs self-test: cell options mishandled ({', '.join(bad)}):\n{md}"] if bad else []

if __name__ == '__main__':
    t0 = time.time()
    try: proc = proc_nbs()
    except Exception as e: sys.exit(f"docs render failed: nbdev's docs processing (nbdev_proc_nbs) failed:\n{e}")
    t1 = time.time()
    print(f"nbdev docs processing: {t1-t0:.1f}s")
    out = root/'_html'
    manifest, problems = render(proc, out, root/'nbs')
    print(f"pandoc render: {time.time()-t1:.1f}s")
    problems += selftest() + check_docs.selftest() + check_docs.check_site(out, root/'nbs')
    if problems: sys.exit("docs render failed:\n  " + '\n  '.join(problems))
    print(f"docs render OK: {len(manifest)} pages, checks passed; open {out/'index.html'} ({time.time()-t0:.1f}s in all)")
