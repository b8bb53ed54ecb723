#!/usr/bin/env python
"""Offline render of the docs site, for machines without Quarto (CI included).

1. nbdev's own docs processing (what `nbdev_proc_nbs` does: nbdev.yml, sidebar.yml, processed notebooks in
   `_proc/`), but without nbdev's attempt to download and install Quarto when it is missing.
2. Every processed page rendered to standalone HTML with nbconvert into `_html/` (ignored by git).
3. Fails if a page does not render, or if a notebook that has plots among its saved outputs gives a page with no image.

Where Quarto is installed, `nbdev_docs` builds the real site from the same `_quarto.yml`.
"""
import json, sys, shutil, time
from pathlib import Path

root = Path(__file__).resolve().parents[1]

def proc_nbs():
    "Run nbdev's docs preprocessing into `_proc/` (no Quarto needed for this step)."
    import nbdev.quarto as q
    q._ensure_quarto = lambda: None  # nbdev would try to download Quarto here; rendering below does not need it
    q.nbdev_proc_nbs.__wrapped__()
    return root/'_proc'

def has_plot(nb_path:Path)->bool:
    "Whether the committed notebook shows an image among its saved outputs."
    nb = json.loads(nb_path.read_text())
    return any('image/png' in o.get('data', {}) or 'image/svg+xml' in o.get('data', {})
               for c in nb['cells'] if c['cell_type'] == 'code' for o in c.get('outputs', []))

def render(proc:Path, out:Path)->list[str]:
    "Render each processed notebook to HTML; return the problems found."
    import nbformat
    from nbconvert import HTMLExporter
    exporter, problems = HTMLExporter(), []
    shutil.rmtree(out, ignore_errors=True); out.mkdir()
    pages = sorted(p for p in proc.rglob('*.ipynb') if '.ipynb_checkpoints' not in p.parts)
    if not pages: return ['no pages found in _proc/']
    for page in pages:
        t0 = time.time()
        try:
            html, _ = exporter.from_notebook_node(nbformat.read(page, as_version=4))
        except Exception as e:
            problems.append(f"{page.name}: render failed: {type(e).__name__}: {e}"); continue
        (out/page.with_suffix('.html').name).write_text(html)
        src = root/'nbs'/page.relative_to(proc)
        n_img = html.count('<img')
        if src.exists() and has_plot(src) and n_img == 0: problems.append(f"{page.name}: notebook has plots but the page has no image")
        print(f"rendered {page.name:32s} {len(html)/1e3:8.0f} kB  {n_img:3d} images  {time.time()-t0:5.1f}s")
    return problems

if __name__ == '__main__':
    problems = render(proc_nbs(), root/'_html')
    if problems: sys.exit("docs render failed:\n  " + '\n  '.join(problems))
    print(f"docs render OK: pages in {root/'_html'}")
