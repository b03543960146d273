#!/usr/bin/env bash
# Complete data is unchanged by masking: trains the presets whose graphs take the mask since ae-kmeans and ddc did
# (and infoddc, which unwired it) at seed 0 with a short schedule, one thread, and prints the SHA-256 of each run's
# labels.csv. labels-before.csv is this script's output at the commit before those presets masked (the bmvc rows: before
# bmvc masked), labels.csv after; labels-msdib-before.csv: `--only msdib,msdib-balanced` at the commit before msdib and
# msdib-balanced masked; labels-dmac-before.csv: `--only dmac` at the commit before dmac masked.
#   benchmarks/incomplete/labels.sh [--data-dir DIR] [--out FILE] [--only PRESET,...]
#   (default DIR: $MVCLUST_DATA or ../shared/datasets; --only: train only these presets' rows)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
out="$root/benchmarks/incomplete/labels.csv"
only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --only) only=",$2,"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
declare -A short=(
  [simvc]="phases.train.epochs=3"
  [comvc]="phases.train.epochs=3"
  [ae-ddc]="phases.pretrain.epochs=3 phases.train.epochs=3"
  [aecoddc]="phases.pretrain.epochs=3 phases.train.epochs=3"
  [ae-km]="phases.train.epochs=3"
  [aecokm]="phases.train.epochs=3"
  [infoddc]="phases.pretrain.epochs=3 phases.train.epochs=3"
  [eamc]="phases.train.epochs=3"
  [msdib]="phases.train.epochs=3"
  [msdib-balanced]="phases.train.repeat=3"
  [bmvc]="phases.train.epochs=3"
  [dmac]="phases.train.epochs=3"
)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "preset,dataset,labels_sha256" > "$tmp/labels.csv"
for run in simvc:synthetic comvc:synthetic comvc:hw ae-ddc:synthetic aecoddc:synthetic ae-km:synthetic aecokm:synthetic \
           infoddc:synthetic eamc:synthetic eamc:hw msdib:synthetic msdib:hw msdib-balanced:synthetic msdib-balanced:hw \
           bmvc:synthetic bmvc:hw dmac:synthetic dmac:hw; do
  p="${run%%:*}"; d="${run#*:}"
  [[ -z "$only" || "$only" == *",$p,"* ]] || continue
  sets=()
  for s in ${short[$p]}; do sets+=(--set "$s"); done
  nice "$root/mvclust" run --method "$p" --dataset "$d" --data-dir "$data" --seed 0 --threads 1 --no-plots \
    "${sets[@]}" --out "$tmp/$p-$d" > "$tmp/$p-$d.log" 2>&1 || { echo "$p $d failed:"; tail -5 "$tmp/$p-$d.log"; exit 1; }
  echo "$p,$d,$(sha256sum "$tmp/$p-$d/labels.csv" | cut -d' ' -f1)" | tee -a "$tmp/labels.csv"
done
cp "$tmp/labels.csv" "$out"
