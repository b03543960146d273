#!/usr/bin/env bash
# MSDIB benchmark: the full model (alpha = beta = 1, the paper's "free-parameter" setting), its Table-2 ablations and a
# k-means-on-concatenated-views baseline, on two-view sets available here (the paper's five datasets are not).
# bench keys runs by method/dataset/seed, so each setting gets its own grid (results/msdib/<dataset>/<setting>.csv).
# Writes benchmarks/msdib/results.csv (every run) and benchmarks/msdib/summary.md (mean ± std, lowest-loss run).
# Usage (from the repository root): benchmarks/msdib/run.sh [DATA_DIR]; rerunning finishes only missing runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${1:-${MVCLUST_DATA:-../shared/datasets}}"

run_dataset() {  # DATASET SEEDS SETTING...
  local d="$1" seeds="$2" dir="results/msdib/$(echo "$1" | tr -c 'A-Za-z0-9\n' '_')"
  shift 2
  for setting in "$@"; do
    local args=(--methods msdib)
    case "$setting" in
      kmeans) args=(--methods benchmarks/msdib/kmeans-concat.yaml) ;;
      ddc) args+=(--set alpha=0 --set beta=0) ;;
      ddc-ic) args+=(--set alpha=0) ;;
      ddc-ip) args+=(--set beta=0) ;;
      full) ;;
    esac
    nice ./mvclust bench -q --data-dir "$data" --seeds "$seeds" --datasets "$d" --results "$dir" --name "$setting" "${args[@]}"
  done
}

# about 2 minutes per MSDIB run of bbcsport and 4 of hw on 2 busy cores: 2 seeds on bbcsport, 1 on hw (fewer settings)
run_dataset bbcsport "${SEEDS_BBCSPORT:-2}" kmeans ddc ddc-ic ddc-ip full
run_dataset "hw:views=1,2" "${SEEDS_HW:-1}" kmeans ddc full
python3 benchmarks/msdib/collect.py results/msdib benchmarks/msdib/results.csv > benchmarks/msdib/summary.md
cat benchmarks/msdib/summary.md
