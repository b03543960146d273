#!/usr/bin/env bash
# In-sample vs held-back metrics of every preset on HW, 80/20 seeded split: writes results/predict.csv and
# results/predict.md (and each run's files, model directory included, under results/predict/). Needs the HW file
# (--data-dir DIR, else $MVCLUST_DATA, else ../shared/datasets). GRID=splits runs splits.yaml instead (three splits,
# results/predict-splits.*).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${MVCLUST_DATA:-../shared/datasets}"
if [ "${1:-}" = "--data-dir" ]; then DATA="$2"; shift 2; fi
./mvclust bench --grid "benchmarks/predict/${GRID:-grid}.yaml" --data-dir "$DATA" --results benchmarks/predict/results --threads 1 -q "$@"
