#!/usr/bin/env bash
# --clusters auto on hw, cub and synthetic:clusters=8 with the default range 2..min(20, N/10): writes
# results/METHOD[-CRITERION]-DATASET/ (clusters.csv, clusters.svg and the final run) and results/clusters-auto.csv
# (true k from the dataset's classes, read only for this table, beside the chosen k).
# Usage: benchmarks/tune/clusters-auto/run.sh [--data-dir DIR] [--criterion NAME] [METHOD ...] (default kmeans-concat;
# NAME default gap; the stability directories carry no criterion name; DIR default $MVCLUST_DATA, else ../shared/datasets).
# A dataset whose results directory holds metrics.json is not run again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
criterion=gap
while [[ $# -gt 0 && "$1" == --* ]]; do
  case "$1" in
    --data-dir) data="$2"; shift 2;;
    --criterion) criterion="$2"; shift 2;;
    *) echo "run.sh: unknown option $1" >&2; exit 2;;
  esac
done
methods=("$@")
[[ ${#methods[@]} -eq 0 ]] && methods=(kmeans-concat)
cd "$root"
out="$here/results"
mkdir -p "$out"
datasets=("synthetic:clusters=8 8" "hw 10" "cub 10")
resdir() { # METHOD CRITERION DATASET
  local c=""; [[ "$2" != stability ]] && c="-$2"
  echo "$1$c-${3//[:=]/_}"
}
for m in "${methods[@]}"; do
  for d in "${datasets[@]}"; do
    set -- $d
    dir="$out/$(resdir "$m" "$criterion" "$1")"
    if [[ ! -f "$dir/metrics.json" ]]; then
      nice ./mvclust run --method "$m" --dataset "$1" --data-dir "$data" --clusters "auto,criterion=$criterion" --threads 1 \
        --no-plots -q --out "$dir" | grep '^clusters:' || true
    fi
  done
done
{
  echo "method,criterion,dataset,true_k,range,chosen_k,within_one"
  for m in kmeans-concat "${methods[@]}"; do
    for c in stability silhouette calinski_harabasz davies_bouldin eigengap eigengap_local gap gap_pca; do
      for d in "${datasets[@]}"; do
        set -- $d
        f="$out/$(resdir "$m" "$c" "$1")/clusters.csv"
        [[ -f "$f" ]] || continue
        chosen="$(awk -F, 'NR==1 {for (i=1;i<=NF;i++) if ($i=="chosen") col=i} NR>1 && $col==1 {print $1}' "$f")"
        range="$(awk -F, 'NR==2 {a=$1} NR>1 {b=$1} END {print a ".." b}' "$f")"
        diff=$(( chosen > $2 ? chosen - $2 : $2 - chosen ))
        echo "$m,$c,$1,$2,$range,$chosen,$([[ $diff -le 1 ]] && echo yes || echo no)"
      done
    done
  done | awk '!seen[$0]++'
} > "$out/clusters-auto.csv"
cat "$out/clusters-auto.csv"
