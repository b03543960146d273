#!/usr/bin/env bash
# DeepMVC's NoisyMNIST and EdgeMNIST (all 70 000 samples) at a protocol cut to fit a 2-core CPU, no GPU: every DeepMVC
# preset with its default MLP encoders instead of cnn_small, seed 0, one run (not the best of 5), 10 training epochs
# instead of 100 and 5 pre-training epochs instead of 50 (mvscn: 5 Siamese epochs), ACC every 5 epochs; dmsc at its
# preset's full schedule (its 3000-sample subset as one batch: one step an epoch). No k-means row: 10 restarts on
# 70 000 × 1568 did not finish in 8 minutes on one thread (each run's health columns hold its agreement with k-means).
# The views as the derived sets scale them (dataset.preprocess=none, as full.yaml). The full protocol is
# run.sh --device gpu:0.
# Usage: [ONLY="noisy-mnist"] [CELLS="simvc comvc"] benchmarks/deepmvc/mnist-reduced.sh [--data-dir DIR] [--threads N]
#   (DIR default $MVCLUST_DATA, else ../shared/datasets; N default 2). Writes results/mnist-reduced/NAME/DATASET/; a
#   run whose directory holds metrics.json is skipped. Table and curves: mnist_table.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${MVCLUST_DATA:-../shared/datasets}"
threads=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "mnist-reduced.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
cells=(
  "simvc|simvc|phases.train.epochs=10"
  "comvc|comvc|phases.train.epochs=10"
  "eamc|eamc|phases.train.epochs=10 phases.train.cycle=false phases.train.steps.0.train.enc.lr=1.0e-5 phases.train.steps.0.clip=0"
  "ae-km|ae-km|phases.train.epochs=10"
  "ae-ddc|ae-ddc|phases.pretrain.epochs=5 phases.train.epochs=10"
  "aecokm|aecokm|phases.train.epochs=10"
  "aecoddc|aecoddc|phases.pretrain.epochs=5 phases.train.epochs=10"
  "infoddc|infoddc|phases.pretrain.epochs=5 phases.train.epochs=10"
  "mviic|mviic|phases.train.epochs=10"
  "multi-vae|multi-vae|phases.train.epochs=10"
  "dmsc|dmsc|"
  "mvscn|mvscn|phases.siamese.epochs=5 phases.train.epochs=10"
)
for d in noisy-mnist edge-mnist; do
  if [[ -n "${ONLY:-}" && " $ONLY " != *" $d "* ]]; then continue; fi
  for c in "${cells[@]}"; do
    IFS='|' read -r name method sets <<< "$c"
    if [[ -n "${CELLS:-}" && " $CELLS " != *" $name "* ]]; then continue; fi
    out="benchmarks/deepmvc/results/mnist-reduced/$name/$d"
    [[ -f "$out/metrics.json" ]] && continue
    args=(--set dataset.preprocess=none)
    for s in $sets; do args+=(--set "$s"); done
    echo "$name on $d"
    nice ./mvclust run --method "$method" --dataset "$d" --data-dir "$data" --seed 0 --threads "$threads" --eval-every 5 \
      --no-plots -q "${args[@]}" --out "$out" 2>&1 | grep -E '^(result|health|warning|error)' || true
  done
done
