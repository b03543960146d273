#!/usr/bin/env bash
# DMAC scale benchmark on the synthetic generator (3 views of 30/50/80 features, 6 clusters), same graph and anchors
# (m = 100) for every n: seconds per training epoch and peak resident memory of the whole run.
#   full:  full batch, n = 5k, 10k, 20k, 40k, 80k (an n×n float matrix would be 0.1, 0.4, 1.6, 6.4, 25.6 GB; the
#          last is more than this 23 GB machine holds)
#   batch: mini-batches of 10k with per-batch anchor graphs, n = 10k, 100k, 1M (the issue's sizes)
# Seconds per epoch: the second of three epochs (the first holds graph warm-up, the last the evaluation).
# Usage: benchmarks/dmac/scale.sh [--out DIR] [full|batch|all]   (appends to benchmarks/dmac/results/scale.csv; the runs
# go to DIR, by default a new temporary folder)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out=""
what=all
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    full|batch|all) what="$1"; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -n "$out" ]] || out="$(mktemp -d)"
echo "runs in $out" >&2
csv=benchmarks/dmac/results/scale.csv
mkdir -p "$out"
[[ -f "$csv" ]] || echo "mode,samples,batch,anchors,steps_per_epoch,seconds_per_epoch,seconds_per_step,peak_rss_mb,run_seconds,load_avg" > "$csv"

run() {
  local mode=$1 n=$2 batch=$3
  local epochs=3 row=3
  local dir="$out/$mode-$n"
  rm -rf "$dir"
  local t0=$SECONDS
  /usr/bin/time -f "%M" -o "$dir.rss" ./mvclust run --method dmac --dataset "synthetic:samples=$n" --threads 2 \
    --out "$dir" --eval-every 0 --checkpoint-every 0 -q \
    --set anchors.count=100 --set phases.train.epochs=$epochs --set phases.train.batch="$batch" \
    --set phases.train.actions.0.kmeans.restarts=1 --set phases.train.actions.0.kmeans.max_iter=10 \
    --set readout.params.restarts=1 > "$dir.log" 2>&1
  local secs steps rss
  secs=$(awk -F, -v r="$row" 'NR==r {print $3}' "$dir/history.csv")
  steps=$(( (n + batch - 1) / batch ))
  rss=$(tail -1 "$dir.rss")
  echo "$mode,$n,$batch,100,$steps,$secs,$(awk -v s="$secs" -v k="$steps" 'BEGIN {printf "%.3f", s / k}'),$((rss / 1024)),$((SECONDS - t0)),$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$csv"
}

if [[ "$what" == full || "$what" == all ]]; then
  for n in 5000 10000 20000 40000 80000; do run full "$n" "$n"; done
fi
if [[ "$what" == batch || "$what" == all ]]; then
  for n in 10000 100000 1000000; do run batch "$n" 10000; done
fi
