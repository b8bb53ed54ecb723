#!/usr/bin/env python
"""Write README.md from nbs/index.ipynb (the site home), or check that it is in step (`--check`).

nbdev_readme renders README.md through Quarto, which cannot be installed on every machine (no downloads on ours).
The index notebook is mostly markdown, so this script renders it directly: markdown cells as they are, code cells
that are not `#| hide` as python blocks followed by their text outputs. Where Quarto is installed, `nbdev_readme`
makes an equivalent README; CI runs `--check`, so the committed README never drifts from the notebook.
"""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parents[1]

def render(nb_path=root/'nbs'/'index.ipynb') -> str:
    "README markdown from the index notebook."
    nb = json.loads(Path(nb_path).read_text())
    parts = []
    for cell in nb['cells']:
        src = ''.join(cell['source']).rstrip()
        if cell['cell_type'] == 'markdown': parts.append(src)
        elif cell['cell_type'] == 'code':
            lines = src.splitlines()
            directives = [l for l in lines if l.startswith('#|')]
            if any(d.replace(' ', '') in ('#|hide', '#|exporti', '#|hide_input') for d in directives): continue
            code = '\n'.join(l for l in lines if not l.startswith('#|')).strip()
            if code and not any(d.replace(' ', '') == '#|echo:false' for d in directives): parts.append(f"```python\n{code}\n```")
            for o in cell.get('outputs', []):
                text = o.get('text') or o.get('data', {}).get('text/markdown') or o.get('data', {}).get('text/plain')
                if text: parts.append(''.join(text).rstrip() if 'text/markdown' in o.get('data', {}) else f"    " + ''.join(text).rstrip().replace('\n', '\n    '))
    # links between notebooks are relative to nbs/ (the site's root); README sits one level up
    body = re.sub(r'\]\((?!https?:|/|#|nbs/)([^)]+\.ipynb)\)', r'](nbs/\1)', '\n\n'.join(p for p in parts if p))
    head = "<!-- WARNING: generated from nbs/index.ipynb by tools/sync_readme.py; edit the notebook, not this file -->\n\n"
    return head + body + '\n'

if __name__ == '__main__':
    text, readme = render(), root/'README.md'
    if '--check' in sys.argv:
        if not readme.exists() or readme.read_text() != text:
            sys.exit("README.md is out of step with nbs/index.ipynb: run `python tools/sync_readme.py` and commit.")
        print("README.md is in step with nbs/index.ipynb")
    else:
        readme.write_text(text); print(f"wrote {readme}")
