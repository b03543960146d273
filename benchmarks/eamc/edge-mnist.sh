#!/usr/bin/env bash
# EAMC on MNIST with an edge view, each set up as its source did:
#   port    paper Table 3's data (edge-mnist: 70 000 = train + test, vectorised) with the re-implementation's EAMC
#           defaults for vector views (MLP 200-200-500, encoder lr 1e-5), as reference/port.yaml does on hw
#   preset  the same data with the preset as shipped (MLP 512-512-256, encoder lr 1e-3)
#   cnn     the re-implementation's eamc_mnist: e-mnist (60 000 train images in [-1, 1], no further scaling), its CNN
#           encoders (cnn layers mvc_eamc), encoder lr 1e-5
# Every run evaluates ACC/NMI after each --eval-every epochs (history.csv), so accuracy against epochs is kept.
# usage: benchmarks/eamc/edge-mnist.sh [--data-dir DIR] [--epochs E] [--seeds "0 1"] [--configs "port preset cnn"]
#                                      [--threads T] [--device auto|cpu|gpu:N] [--eval-every N]
# Full protocol (the paper's 500 epochs, best of 20 runs by loss) in one command, for a GPU machine:
#   benchmarks/eamc/edge-mnist.sh --epochs 500 --seeds "$(seq -s ' ' 0 19)" --device gpu:0 --eval-every 10
# Resumable: a run whose metrics.json exists is skipped. Results: benchmarks/eamc/results/edge-mnist/ (curves.csv,
# summary.md, curves.svg from curves.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${MVCLUST_DATA:-../shared/datasets}"; epochs=100; seeds="0"; configs="port preset cnn"; threads=1; device=auto; every=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data="$2";; --epochs) epochs="$2";; --seeds) seeds="$2";; --configs) configs="$2";;
    --threads) threads="$2";; --device) device="$2";; --eval-every) every="$2";;
    *) echo "edge-mnist.sh: unknown option $1" >&2; exit 2;;
  esac; shift 2
done
out=benchmarks/eamc/results/edge-mnist
mkdir -p "$out"
for c in $configs; do
  case "$c" in
    port)   args=(--dataset edge-mnist --set vars.latent=500 --set 'nodes.enc.params.hidden=[200, 200]'
                  --set phases.train.steps.0.train.enc.lr=1.0e-5);;
    preset) args=(--dataset edge-mnist);;
    cnn)    args=(--dataset e-mnist --set nodes.enc.type=cnn --set 'nodes.enc.params={layers: mvc_eamc}'
                  --set dataset.preprocess=none --set phases.train.steps.0.train.enc.lr=1.0e-5);;
    *) echo "edge-mnist.sh: unknown config $c (port, preset, cnn)" >&2; exit 2;;
  esac
  for s in $seeds; do
    dir="$out/$c-e$epochs-s$s"
    [[ -f "$dir/metrics.json" ]] && { echo "done earlier: $dir"; continue; }
    ./mvclust run -m eamc "${args[@]}" --data-dir "$data" --seed "$s" --threads "$threads" --device "$device" \
      --set "phases.train.epochs=$epochs" --eval-every "$every" --no-plots --out "$dir" -q
  done
done
python3 benchmarks/eamc/curves.py "$out"
