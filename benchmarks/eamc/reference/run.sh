#!/usr/bin/env bash
# The EAMC re-implementation (GitHub DanielTrosten/mvc, commit 1212f799653ba90c07f49e46dbdea1e852b0db88) on hw, bbcsport
# and pie through our glue (driver.py, mvdata.py); see README.md for the checkout and its one-line change.
# usage: MVC_SRC=/path/to/mvc/src [PYTHON=python3] [MVCLUST_DATA=dir] run.sh LOG_DIR     (one core, about 65 minutes)
# Appends to results.csv / results_extra.csv (final model) and results_*bestloss.csv (the checkpoint its own
# lowest-loss selection would keep) beside this script.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
logs=$(mkdir -p "$1" && cd "$1" && pwd)
py=${PYTHON:-python3}
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 MVC_SRC
run() { "$py" "$here/driver.py" "$@"; }
for seed in 0 1 2; do for m in eamc ddc; do for d in hw bbcsport pie; do
  run --method $m --dataset $d --seed $seed --epochs 100 > "$logs/${m}_${d}_s${seed}_e100.log" 2>&1
done; done; done
extra=(--csv "$here/results_extra.csv" --csv_best "$here/results_extra_bestloss.csv")
for seed in 0 1 2; do for d in hw bbcsport pie; do
  run --method eamc_rgbdlr --dataset $d --seed $seed --epochs 100 "${extra[@]}" > "$logs/eamc_rgbdlr_${d}_s${seed}_e100.log" 2>&1
done; done
for d in bbcsport pie hw; do
  run --method eamc --dataset $d --seed 0 --epochs 500 "${extra[@]}" > "$logs/eamc_${d}_s0_e500.log" 2>&1
done
for seed in 0 1 2; do for d in hw bbcsport pie; do
  run --method eamc_noadv --dataset $d --seed $seed --epochs 100 "${extra[@]}" > "$logs/eamc_noadv_${d}_s${seed}_e100.log" 2>&1
done; done
