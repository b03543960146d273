#!/usr/bin/env bash
# rule-4.md's development data: round three's sets with --clusters auto,criterion=gap_pca and kmeans-concat; writes
# results/dev4/DATASET/ and results/dev4.csv (eigengap and gap picks are round three's). Then reruns criterion=gap on
# the four smallest sets into results/dev4-gap/DATASET/ and checks that their clusters.csv equal round three's (the gap
# statistic's code was refactored for the new reference). Usage as dev2.sh:
# [ONLY="webkb msrc"] benchmarks/tune/clusters-auto/dev4.sh [--data-dir DIR].
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
[[ "${1:-}" == "--data-dir" ]] && data="$2"
ROUND=4 "$here/dev2.sh" --data-dir "$data"
cd "$root"
for d in webkb 3sources msrc 20newsgroups; do
  if [[ -n "${ONLY:-}" && " $ONLY " != *" $d "* ]]; then continue; fi
  dir="$here/results/dev4-gap/$d"
  [[ -f "$dir/metrics.json" ]] || nice ./mvclust run --method kmeans-concat --dataset "$d" --data-dir "$data" \
    --clusters auto,criterion=gap --threads 1 --no-plots -q --out "$dir" | grep '^clusters:' || true
  if cmp -s "$dir/clusters.csv" "$here/results/dev3/$d/clusters.csv"; then echo "$d: gap unchanged"; else echo "$d: gap CHANGED"; fi
done
