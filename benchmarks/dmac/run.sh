#!/usr/bin/env bash
# DMAC reproduction on BBC and PIE: the preset over 5 seeds (dmac.yaml); its ablations over 3 (ablations.yaml); variants over 2 (variants.yaml);
# the wide variants (dmac-wide.yaml, dmac-wide-std.yaml) over 3 (wide.yaml, wide-std.yaml).
# Writes benchmarks/dmac/results/GRID.{csv,md}; each run's files go under results/GRID/ (not committed).
# Resumable: running it again finishes only the missing runs.
#   benchmarks/dmac/run.sh [--data-dir DIR]   (default DIR: $MVCLUST_DATA or ../shared/datasets beside the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
for grid in dmac ablations pretrained variants wide wide-std; do
  ./mvclust bench --grid "benchmarks/dmac/$grid.yaml" --data-dir "$data" --results benchmarks/dmac/results --threads 2 -q
done
