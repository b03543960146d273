#!/usr/bin/env bash
# --clusters auto on hw, cub and synthetic:clusters=8 with the default range 2..min(20, N/10): writes
# results/METHOD-DATASET/ (clusters.csv, clusters.svg and the final run) and results/clusters-auto.csv
# (true k from the dataset's classes, read only for this table, beside the chosen k).
# Usage: benchmarks/tune/clusters-auto/run.sh [--data-dir DIR] [METHOD ...] (default kmeans-concat; DIR default
# $MVCLUST_DATA, else ../shared/datasets). A dataset whose results directory holds metrics.json is not run again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
if [[ "${1:-}" == "--data-dir" ]]; then data="$2"; shift 2; fi
methods=("$@")
[[ ${#methods[@]} -eq 0 ]] && methods=(kmeans-concat)
cd "$root"
out="$here/results"
mkdir -p "$out"
for m in "${methods[@]}"; do
  for d in "synthetic:clusters=8 8" "hw 10" "cub 10"; do
    set -- $d
    dir="$out/$m-${1//[:=]/_}"
    if [[ ! -f "$dir/metrics.json" ]]; then
      nice ./mvclust run --method "$m" --dataset "$1" --data-dir "$data" --clusters auto --threads 1 --no-plots -q --out "$dir" \
        | grep '^clusters:' || true
    fi
  done
done
{
  echo "method,dataset,true_k,range,chosen_k,within_one"
  for f in "$out"/*/clusters.csv; do
    name="$(basename "$(dirname "$f")")"
    case "$name" in *synthetic*) ds="synthetic:clusters=8"; k=8;; *-hw) ds=hw; k=10;; *-cub) ds=cub; k=10;; *) continue;; esac
    m="${name%-*}"; [[ "$ds" == synthetic* ]] && m="${name%-synthetic*}"
    chosen="$(awk -F, 'NR>1 && $NF==1 {print $1}' "$f")"
    range="$(awk -F, 'NR==2 {a=$1} NR>1 {b=$1} END {print a ".." b}' "$f")"
    d=$(( chosen > k ? chosen - k : k - chosen ))
    echo "$m,$ds,$k,$range,$chosen,$([[ $d -le 1 ]] && echo yes || echo no)"
  done
} > "$out/clusters-auto.csv"
cat "$out/clusters-auto.csv"
