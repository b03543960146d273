#!/usr/bin/env bash
# EAMC benchmark: EAMC vs k-means on the concatenated views (hw, bbcsport, pie; 5 seeds), then the component study
# and loss-term analysis (bbcsport, pie; 3 seeds), all at 100 epochs; then the unchanged preset (500 epochs) once on
# bbcsport and pie, and the component study and loss analysis again at 500 epochs. Resumable: finished runs are skipped. Results in benchmarks/eamc/results/ (summary.md: tables).
# Data: $MVCLUST_DATA, else ../shared/datasets beside the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${MVCLUST_DATA:-../shared/datasets}"
for grid in eamc eamc-ablation eamc-full eamc-ablation-500; do
  nice ./mvclust bench --grid "benchmarks/eamc/$grid.yaml" --data-dir "$data" --results benchmarks/eamc/results --threads 2 -q
done
python3 benchmarks/eamc/summarize.py > benchmarks/eamc/results/summary.md
