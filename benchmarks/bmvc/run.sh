#!/usr/bin/env bash
# BMvC reproduction on HW (3 views) with the Table 2 ablations: writes benchmarks/bmvc/results/bmvc.csv and bmvc.md
# (one row per cell and seed; the markdown puts the means beside the paper's numbers) and every run's files under
# benchmarks/bmvc/results/bmvc/. Resumable: running it again finishes only the missing runs.
# Usage: benchmarks/bmvc/run.sh [SEEDS] (default 5); DATA=dir with handwritten.mat (default ../shared/datasets).
# Seed 0 of every cell runs first, then the remaining seeds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
seeds="${1:-5}"
data="${DATA:-$root/../shared/datasets}"
for n in 1 "$seeds"; do
  nice ./mvclust bench --grid benchmarks/bmvc/grid.yaml --name bmvc --seeds "$n" --data-dir "$data" \
    --results benchmarks/bmvc/results --reported benchmarks/reported.csv -q
done
