#!/usr/bin/env bash
# Reproduces the HW row of nmODE-MVC's Table III for nmode-mvc and sdmvc: benchmarks/nmode-mvc/run.sh [SEEDS]
# Runs seeds 0..SEEDS-1 (default 5) of both presets with the schedule in grid.yaml. Resumable: finished runs are kept
# and an interrupted run continues from its checkpoint. Every run's files go to runs/bench/nmode-mvc/; the summary
# (results.csv, results.md: mean ± std beside the paper) is copied here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/benchmarks/nmode-mvc"
seeds="${1:-5}"
data="${MVCLUST_DATA:-/work/shared/datasets}"
cd "$root"
mkdir -p runs
sed "s/^seeds: .*/seeds: $seeds/" "$here/grid.yaml" > runs/nmode-mvc-grid.yaml
nice ./mvclust bench --grid runs/nmode-mvc-grid.yaml --name nmode-mvc --results runs/bench --data-dir "$data" --threads 2
cp runs/bench/nmode-mvc.csv "$here/results.csv"
cp runs/bench/nmode-mvc.md "$here/results.md"
