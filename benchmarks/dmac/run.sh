#!/usr/bin/env bash
# DMAC reproduction on BBC and PIE: the preset over 5 seeds (dmac.yaml); ablations and variants over 2 (variants.yaml).
# Writes benchmarks/dmac/results/{dmac,variants}.{csv,md}; each run's files go under results/{dmac,variants}/ (not committed).
# Resumable: running it again finishes only the missing runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
[[ -d "$data" ]] || data=/work/shared/datasets
for grid in dmac variants; do
  ./mvclust bench --grid "benchmarks/dmac/$grid.yaml" --data-dir "$data" --results benchmarks/dmac/results --threads 2 -q
done
