#!/usr/bin/env bash
# Development data for choosing the --clusters auto criterion: generated synthetic variants whose k is known by
# construction (never hw or cub). Runs --clusters auto,criterion=stability (which also scores silhouette and
# eigengap) with kmeans-concat on each variant and writes results/dev/VARIANT/ and results/dev.csv: every criterion's
# chosen k beside the generated k.
# Usage: [ONLY="k3 k6"] benchmarks/tune/clusters-auto/dev.sh (default: every variant). A variant whose directory
# holds metrics.json is not run again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"
out="$here/results/dev"
mkdir -p "$out"
# name k dataset
variants=(
  "k3 3 synthetic:clusters=3,seed=11"
  "k6 6 synthetic:clusters=6,seed=12"
  "k10 10 synthetic:clusters=10,seed=13"
  "k15 15 synthetic:clusters=15,samples=1500,seed=14"
  "k3-noisy 3 synthetic:clusters=3,noise=[1.5,2.0,2.5],seed=15"
  "k6-6views 6 synthetic:clusters=6,dims=[20,30,40,50,60,70],noise=[0.5,1.0,1.5,2.0,2.5,3.0],seed=16"
  "k6-sep1.5 6 synthetic:clusters=6,separation=1.5,seed=17"
  "k10-2views 10 synthetic:clusters=10,dims=[40,60],noise=[1.0,1.5],seed=18"
  "k10-sep2 10 synthetic:clusters=10,separation=2.0,seed=19"
  "k10-latent4 10 synthetic:clusters=10,latent=4,seed=20"
  "k15-sep2 15 synthetic:clusters=15,samples=1500,separation=2.0,seed=21"
  "k15-4views 15 synthetic:clusters=15,samples=1500,dims=[30,40,50,60],noise=[1.0,1.0,2.0,2.0],seed=22"
  "k6-imb4 6 synthetic:clusters=6,imbalance=4,seed=23"
  "k10-imb4 10 synthetic:clusters=10,imbalance=4,seed=24"
  "k15-imb3 15 synthetic:clusters=15,samples=1500,imbalance=3,seed=25"
)
for v in "${variants[@]}"; do
  set -- $v
  name="$1"
  if [[ -n "${ONLY:-}" && " $ONLY " != *" $name "* ]]; then continue; fi
  if [[ ! -f "$out/$name/metrics.json" ]]; then
    nice ./mvclust run --method kmeans-concat --dataset "$3" --clusters auto,criterion=stability --threads 1 --no-plots -q --out "$out/$name" \
      | grep '^clusters:' || true
  fi
done
{
  echo "variant,dataset,true_k,stability,silhouette,eigengap"
  for v in "${variants[@]}"; do
    set -- $v
    f="$out/$1/clusters.csv"
    [[ -f "$f" ]] || continue
    pick() { awk -F, -v c="$1" 'NR==1 {for (i=1;i<=NF;i++) if ($i==c) col=i} NR>1 && $col==1 {print $1}' "$f"; }
    echo "$1,\"$3\",$2,$(pick by_stability),$(pick by_silhouette),$(pick by_eigengap)"
  done
} > "$here/results/dev.csv"
cat "$here/results/dev.csv"
