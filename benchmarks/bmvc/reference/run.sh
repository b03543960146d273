#!/usr/bin/env bash
# Run the BMvC authors' demo code (guanyuezhen/BMvC, folder BMvC/) through bmvc_ref.py, one run per
# (alpha, seed), single-threaded, and collect results.csv / results.md.
#
#   benchmarks/bmvc/reference/run.sh --src DIR --python PY --data-dir DIR --out DIR \
#       [--data-name cub-2view] [--alphas "3"] [--seeds "0 1 2 3 4"] [--epochs 3000] [--jobs 1] [--runs "A:S A:S ..."]
#
# --src       the authors' code: a checkout of guanyuezhen/BMvC (root or its BMvC/ folder)
# --python    a Python with torch, numpy, scipy, scikit-learn, pandas (the authors' Logger uses pandas)
# --data-dir  folder with <data-name>.mat (for CUB: cub-2view.mat, the authors' own copy)
# --out       output folder: <out>/a<alpha>_s<seed>/{result.json,run.log,cub-2view.csv,joint_z.npy,labels.npy}
# --alphas/--seeds  the grid (lambda = 10^alpha); or --runs with explicit alpha:seed pairs, run in that order
# --snapshot-every N  also save eval-mode joint features every N epochs (training unchanged; see bmvc_ref.py)
# --jobs      runs in parallel (each single-threaded); wall times grow with the machine's load, cpu_seconds less so
# Runs whose result.json exists are skipped.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="" py="python3" data="" out="" name="cub-2view" alphas="3" seeds="0 1 2 3 4" epochs=3000 jobs=1 runs="" snap=0
while [ $# -gt 0 ]; do
  case "$1" in
    --src) src="$2"; shift 2;;
    --python) py="$2"; shift 2;;
    --data-dir) data="$2"; shift 2;;
    --out) out="$2"; shift 2;;
    --data-name) name="$2"; shift 2;;
    --alphas) alphas="$2"; shift 2;;
    --seeds) seeds="$2"; shift 2;;
    --epochs) epochs="$2"; shift 2;;
    --jobs) jobs="$2"; shift 2;;
    --runs) runs="$2"; shift 2;;
    --snapshot-every) snap="$2"; shift 2;;
    *) echo "unknown argument $1" >&2; exit 2;;
  esac
done
[ -n "$src" ] && [ -n "$data" ] && [ -n "$out" ] || { echo "need --src, --data-dir and --out" >&2; exit 2; }
mkdir -p "$out"
if [ -z "$runs" ]; then
  for a in $alphas; do for s in $seeds; do runs="$runs $a:$s"; done; done
fi
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 NUMEXPR_NUM_THREADS=1
one() {
  local a="${1%%:*}" s="${1##*:}" d="$out/a${1%%:*}_s${1##*:}"
  [ -f "$d/result.json" ] && { echo "skip alpha=$a seed=$s (done)"; return 0; }
  mkdir -p "$d"
  "$py" "$here/bmvc_ref.py" --src "$src" --data-dir "$data" --out "$d" --data-name "$name" \
      --alpha "$a" --seed "$s" --epochs "$epochs" --snapshot-every "$snap" > "$d/run.log" 2>&1 \
    && tail -n 1 "$d/run.log" || { echo "FAILED alpha=$a seed=$s, see $d/run.log" >&2; return 1; }
}
export -f one; export out py here src data name epochs snap
printf '%s\n' $runs | xargs -P "$jobs" -I{} bash -c 'one {}'
"$py" "$here/summarize.py" "$out"
