#!/usr/bin/env bash
# Wall time of the DMAC authors' code (PyTorch, CPU) and of our dmac-code graph on the same data and schedule
# (1000 pretraining epochs, 50 iterations, k-means on the fused Z after every iteration), one after the other,
# same thread count. Run it on an otherwise idle machine.
# usage: DMAC_CODE=/path/to/checkout [PYTHON=python3] [THREADS=2] [SETS="PIE BBC"] speed.sh OUT.csv
# (run.sh first: it puts evaluation.py and data/*.mat into the checkout)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
py=${PYTHON:-python3}
threads=${THREADS:-2}
data=${MVCLUST_DATA:-$root/../shared/datasets}
tmp=$(mktemp -d)
[ -s "$out" ] || echo "dataset,implementation,threads,seconds,last_acc,cpu" > "$out"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//; s/,//g')
for name in ${SETS:-PIE BBC}; do
  case $name in BBC) views=4; ds=bbc ;; PIE) views=3; ds=pie ;; esac
  start=$(date +%s.%N)
  (cd "$DMAC_CODE" && OMP_NUM_THREADS=$threads MKL_NUM_THREADS=$threads "$py" main.py --name $name --views $views --seed 1 > "$tmp/$name.log")
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  acc=$(grep -E '^epoch 49: acc' "$tmp/$name.log" | sed 's/.*acc: \([0-9.]*\),.*/\1/')
  echo "$ds,authors-pytorch,$threads,$secs,$acc,$cpu" >> "$out"
  start=$(date +%s.%N)
  (cd "$root" && ./mvclust run -m benchmarks/dmac/dmac-code.yaml --dataset $ds --data-dir "$data" --seed 1 --eval-every 0 \
     --threads $threads --out "$tmp/$ds" -q > /dev/null 2>&1)
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  acc=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['metrics']['acc'], 4))" "$tmp/$ds/metrics.json")
  echo "$ds,mvclust,$threads,$secs,$acc,$cpu" >> "$out"
done
rm -rf "$tmp"
