#!/usr/bin/env bash
# Speed benchmark: writes results/speed.csv and results/speed.md (seconds per epoch, GFLOP/s of the training steps and
# their fraction of a 2048² matmul measured in the same process). Needs ../shared/datasets (or MVCLUST_DATA).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvclust bench --grid benchmarks/speed/grid.yaml --data-dir "${MVCLUST_DATA:-../shared/datasets}" --results benchmarks/speed/results -q "$@"
