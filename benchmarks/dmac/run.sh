#!/usr/bin/env bash
# DMAC reproduction on BBC and PIE (5 seeds: the preset, wo/PD, wo/CM; 2 seeds of the literal graph).
# Writes benchmarks/dmac/results/{dmac,literal}.{csv,md}; each run's files go under results/{dmac,literal}/ (not committed).
# Resumable: running it again finishes only the missing runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
[[ -d "$data" ]] || data=/work/shared/datasets
for grid in dmac literal; do
  ./mvclust bench --grid "benchmarks/dmac/$grid.yaml" --data-dir "$data" --results benchmarks/dmac/results --threads 2 -q
done
