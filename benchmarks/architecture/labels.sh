#!/usr/bin/env bash
# Trains every preset on `synthetic` and `hw` at seed 0 with a short schedule and prints the SHA-256 of each run's
# labels.csv. A structural change must leave this file unchanged: run it before and after, compare with labels.csv.
#   benchmarks/architecture/labels.sh [--data-dir DIR] [--out FILE]   (default DIR: $MVCLUST_DATA or ../shared/datasets)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
out="$root/benchmarks/architecture/labels.csv"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
# Each preset's phases cut to a few epochs (names as in the preset files).
declare -A short=(
  [ae-kmeans]="phases.pretrain.epochs=3"
  [kmeans-concat]=""
  [ddc]="phases.train.epochs=3"
  [eamc]="phases.train.epochs=3"
  [msdib]="phases.train.epochs=3"
  [msdib-balanced]="phases.train.repeat=3"
  [dmac]="phases.train.epochs=3"
  [bmvc]="phases.train.epochs=5"
  [nmode-mvc]="phases.pretrain.epochs=3 phases.rounds.repeat=2 phases.rounds.phases.ode-fit.epochs=2 phases.rounds.phases.finetune.epochs=2"
  [sdmvc]="phases.pretrain.epochs=3 phases.rounds.repeat=2 phases.rounds.phases.finetune.epochs=2"
)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "preset,dataset,labels_sha256" > "$tmp/labels.csv"
for p in ae-kmeans kmeans-concat ddc eamc msdib msdib-balanced dmac bmvc nmode-mvc sdmvc; do
  for d in synthetic hw; do
    sets=()
    for s in ${short[$p]}; do sets+=(--set "$s"); done
    "$root/mvclust" run --method "$p" --dataset "$d" --data-dir "$data" --seed 0 --threads 1 --no-plots \
      "${sets[@]}" --out "$tmp/$p-$d" > "$tmp/$p-$d.log" 2>&1 || { echo "$p $d failed:"; tail -5 "$tmp/$p-$d.log"; exit 1; }
    echo "$p,$d,$(sha256sum "$tmp/$p-$d/labels.csv" | cut -d' ' -f1)" | tee -a "$tmp/labels.csv"
  done
done
cp "$tmp/labels.csv" "$out"
