#!/usr/bin/env bash
# The whole test suite, as README's test command and CI (.ci/run) run it. It fails when:
#   - nbdev_export would change latent_nbs/ (package out of step with the notebooks),
#   - nbdev_clean would change a notebook, or README.md is out of step with nbs/index.ipynb,
#   - any notebook test fails (nbdev_test, default flags: `#| slow` cells skipped),
#   - 00_core / 01_data fail top to bottom in a real Jupyter kernel (cwd nbs/, inline matplotlib, slow cells too),
#   - the offline docs render (pandoc) fails or its page checks fail (tools/check_docs.py: hidden cells, no raw Quarto
#     syntax or TeX, links and anchors resolve, every page reachable from the index, plots shown), or headless
#     Chromium does not show one page's math rendered (tools/browser_check.py; skipped with a note without chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
# nbdev_test runs notebooks in parallel (one per core): one torch thread each, or small ops thrash on shared cores
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1} MKL_NUM_THREADS=${MKL_NUM_THREADS:-1}
export WANDB_MODE=${WANDB_MODE:-disabled} LATENT_NBS_PROGRESS=${LATENT_NBS_PROGRESS:-0} PYTHONWARNINGS=${PYTHONWARNINGS:-ignore::DeprecationWarning}
t_start=$(date +%s)
step() { printf '\n== %s (%ss elapsed)\n' "$1" "$(( $(date +%s) - t_start ))"; }
sums() { find "$@" -type f \( -name '*.py' -o -name '*.ipynb' \) -not -path '*/.ipynb_checkpoints/*' -print0 | sort -z | xargs -0 sha1sum; }

step "nbdev_export leaves latent_nbs/ unchanged"
before=$(sums latent_nbs); nbdev_export; after=$(sums latent_nbs)
if [ "$before" != "$after" ]; then
  diff <(echo "$before") <(echo "$after") || true
  echo "FAIL: nbdev_export changed latent_nbs/ — export the notebooks and commit the package"; exit 1
fi

step "nbdev_clean leaves nbs/ unchanged; README.md in step with index.ipynb"
before=$(sums nbs); nbdev_clean; after=$(sums nbs)
if [ "$before" != "$after" ]; then
  diff <(echo "$before") <(echo "$after") || true
  echo "FAIL: nbdev_clean changed notebooks — run nbdev_clean (or nbdev_install_hooks) and commit"; exit 1
fi
python tools/sync_readme.py --check

step "nbdev_test (all notebooks, default flags)"
n_nbs=$(find nbs -name '[0-9]*.ipynb' -o -name 'index.ipynb' | grep -v checkpoints | wc -l)
set +e
nbdev_test --timing 2>&1 | tee /tmp/latent_nbs_test.log
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" != 0 ]; then
  n_failed=$(sed -n '/Tests Failed On The Following Notebooks/,$p' /tmp/latent_nbs_test.log | grep -c '\.ipynb' || true)
  echo "$(( n_nbs - n_failed )) passed, ${n_failed} failed"; exit 1
fi

step "00_core and 01_data top to bottom in a real Jupyter kernel"
tmp=$(mktemp -d)
for nb in nbs/00_core.ipynb nbs/01_data.ipynb; do
  t0=$(date +%s)
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 --output-dir "$tmp" "$nb" >/dev/null 2>"$tmp/log" \
    || { cat "$tmp/log"; echo "FAIL: $nb does not run top to bottom in a Jupyter kernel"; exit 1; }
  echo "kernel run ok: $nb ($(( $(date +%s) - t0 ))s)"
done
rm -rf "$tmp"

step "offline docs render and page checks"
python tools/render_docs.py

step "headless browser looks at one page"
python tools/browser_check.py

step "done"
echo "total wall time: $(( $(date +%s) - t_start ))s"
echo "${n_nbs} passed, 0 failed"
