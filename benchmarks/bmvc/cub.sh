#!/usr/bin/env bash
# BMvC on CUB: writes benchmarks/bmvc/results/cub.csv and cub.md (a row per cell and seed, means beside Table 1) and
# every run's files under benchmarks/bmvc/results/cub/. Resumable.
# Usage: benchmarks/bmvc/cub.sh [SEEDS] (default 5) [--data-dir DIR] (default $MVCLUST_DATA, else ../shared/datasets).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
seeds="${1:-5}"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
[[ "${2:-}" == "--data-dir" ]] && data="$3"
nice ./mvclust bench --grid benchmarks/bmvc/cub.yaml --name cub --seeds "$seeds" --threads 1 --data-dir "$data" \
  --results benchmarks/bmvc/results --reported benchmarks/reported.csv -q
