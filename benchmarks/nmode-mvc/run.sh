#!/usr/bin/env bash
# nmODE-MVC and its "w/o nmODE" ablation (sdmvc) on HW:
#   benchmarks/nmode-mvc/run.sh [--data-dir DIR] [SEEDS] [GRID]    (seeds 0..SEEDS-1, default 5; GRID grid (default) or small)
# grid.yaml: the presets with a shortened schedule (hours per run here); small.yaml: smaller autoencoders, about
# 10 minutes per run. Writes benchmarks/nmode-mvc/results/GRIDNAME.csv and .md (mean ± std beside the paper); every
# run's files go to benchmarks/nmode-mvc/results/GRIDNAME/ (not committed). Resumable: finished runs are kept, an
# interrupted run continues from its checkpoint. Data: DIR, else $MVCLUST_DATA, else ../shared/datasets beside the
# repository. One thread, niced.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
if [[ "${1:-}" == --data-dir ]]; then
  data="$2"
  shift 2
fi
seeds="${1:-5}"
grid="${2:-grid}"
name=nmode-mvc
[ "$grid" = grid ] || name="$grid"
nice ./mvclust bench --grid "benchmarks/nmode-mvc/$grid.yaml" --name "$name" --seeds "$seeds" --data-dir "$data" \
  --results benchmarks/nmode-mvc/results --reported benchmarks/reported.csv --threads 1 -q
