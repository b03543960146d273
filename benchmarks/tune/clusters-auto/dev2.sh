#!/usr/bin/env bash
# rule-2.md's development data: real datasets whose number of classes is known (never hw, cub or sets derived from
# them). Runs --clusters auto,criterion=stability (which also scores silhouette, calinski_harabasz, davies_bouldin and
# eigengap) with kmeans-concat on each and writes results/dev2/DATASET/ and results/dev2.csv: every criterion's k beside
# the number of classes (read only for that table).
# Usage: [ONLY="webkb msrc"] benchmarks/tune/clusters-auto/dev2.sh [--data-dir DIR] (DIR default $MVCLUST_DATA, else
# ../shared/datasets). A dataset whose directory holds metrics.json is not run again. ROUND=3 runs rule-3.md's instead
# (dev3.sh): hdigit added, --clusters auto,criterion=gap, the criteria that train nothing, results/dev3*. ROUND=4 runs
# rule-4.md's (dev4.sh): round three's sets, --clusters auto,criterion=gap_pca, results/dev4*; the table's gap column is
# round three's pick (results/dev3/DATASET/clusters.csv).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
[[ "${1:-}" == "--data-dir" ]] && data="$2"
cd "$root"
round="${ROUND:-2}"
out="$here/results/dev$round"
mkdir -p "$out"
sets=("webkb 4" "bbcsport 5" "20newsgroups 5" "3sources 6" "msrc 7" "mnist-usps 10")
criteria=(stability silhouette calinski_harabasz davies_bouldin eigengap)
asked=stability
if [[ "$round" == 3 ]]; then
  sets+=("hdigit 10")
  criteria=(eigengap eigengap_local gap)
  asked=gap
elif [[ "$round" == 4 ]]; then
  sets+=("hdigit 10")
  criteria=(eigengap gap gap_pca)
  asked=gap_pca
fi
for s in "${sets[@]}"; do
  set -- $s
  if [[ -n "${ONLY:-}" && " $ONLY " != *" $1 "* ]]; then continue; fi
  if [[ ! -f "$out/$1/metrics.json" ]]; then
    nice ./mvclust run --method kmeans-concat --dataset "$1" --data-dir "$data" --clusters auto,criterion=$asked \
      --threads 1 --no-plots -q --out "$out/$1" | grep '^clusters:' || true
  fi
done
{
  echo "dataset,true_k,$(IFS=,; echo "${criteria[*]}")"
  for s in "${sets[@]}"; do
    set -- $s
    f="$out/$1/clusters.csv"
    [[ -f "$f" ]] || continue
    pick() { awk -F, -v c="by_$1" 'NR==1 {for (i=1;i<=NF;i++) if ($i==c) col=i} NR>1 && $col==1 {print $1}' "$2"; }
    row="$1,$2"
    for c in "${criteria[@]}"; do
      from="$f"
      [[ "$round" == 4 && "$c" == gap ]] && from="$here/results/dev3/$1/clusters.csv"
      row="$row,$(pick "$c" "$from")"
    done
    echo "$row"
  done
} > "$out.csv"
cat "$out.csv"
