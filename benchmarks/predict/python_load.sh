#!/usr/bin/env bash
# Runs the README's Python lines on exported SavedModels: trains ddc (argmax readout) and a short nmode-mvc (readout
# through the stored scaled codes R) on 300 synthetic samples, exports each model, labels 100 new samples with
# `mvclust predict` and with the SavedModel loaded by TensorFlow for Python, and compares. Writes
# results/python_load.txt. The interpreter (with tensorflow or tensorflow-cpu and numpy) is the first argument, else
# $PYTHON, else python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${1:-${PYTHON:-python3}}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out=benchmarks/predict/results/python_load.txt
"$PY" benchmarks/predict/python_load.py make "$work"
train() { # NAME METHOD SET...
  local name="$1" method="$2"; shift 2
  local sets=(); for s in "$@"; do sets+=(--set "$s"); done
  ./mvclust run --method "$method" --dataset "$work/train" --seed 0 --threads 1 -q --out "$work/$name/run" ${sets[@]+"${sets[@]}"} >/dev/null
  ./mvclust export --model "$work/$name/run/model" --format savedmodel "$work/$name/saved" >/dev/null
  ./mvclust predict --model "$work/$name/run/model" --dataset "$work/new" --soft --threads 1 --out "$work/$name/pred" >/dev/null
}
train ddc ddc
train nmode-mvc nmode-mvc phases.pretrain.epochs=20 phases.rounds.repeat=2 phases.rounds.phases.ode-fit.epochs=10 \
  phases.rounds.phases.finetune.epochs=10 enc.hidden=[64] dec.hidden=[64] nmode.neurons=32
{
  echo "# benchmarks/predict/python_load.sh PYTHON   (PYTHON: an interpreter with tensorflow-cpu and numpy; versions below)"
  "$PY" benchmarks/predict/python_load.py check "$work" ddc
  "$PY" benchmarks/predict/python_load.py check "$work" nmode-mvc | tail -n +2
} | tee "$out.partial"
mv "$out.partial" "$out"
