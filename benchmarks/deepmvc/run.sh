#!/usr/bin/env bash
# DeepMVC benchmark.
#   benchmarks/deepmvc/run.sh [--data-dir DIR] [--device auto|cpu|gpu:N] [--threads N]
#     The full DeepMVC protocol (full.yaml: cnn_small encoders, 100 epochs (+50 pre-training), batch 100, 5 runs, the
#     lowest-total-loss run kept) for every preset on noisy-mnist and edge-mnist: one command, meant for a GPU.
#   benchmarks/deepmvc/run.sh --reduced [--data-dir DIR]
#     The reduced protocol that fits a 2-core CPU (hw-reduced.yaml: hw, seed 0, one run, 30 epochs (15 pre-training),
#     MLP encoders, one thread), whose results are committed in results/.
# Data: --data-dir, else $MVCLUST_DATA, else ../shared/datasets beside the repository. Resumable: finished runs are skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${MVCLUST_DATA:-../shared/datasets}"
device=auto
threads=""
reduced=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data="$2"; shift 2 ;;
    --device) device="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --reduced) reduced=true; shift ;;
    *) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
out=benchmarks/deepmvc/results
if $reduced; then
  nice ./mvclust bench --grid benchmarks/deepmvc/hw-reduced.yaml --data-dir "$data" --results "$out" --threads 1 -q
else
  # the derived sets are already min-max scaled per view as DeepMVC does; the presets' per-column minmax would rescale each pixel
  ./mvclust bench --grid benchmarks/deepmvc/full.yaml --data-dir "$data" --results "$out" --device "$device" \
    --runs 5 --select min-loss --set dataset.preprocess=none ${threads:+--threads "$threads"} -q
fi
