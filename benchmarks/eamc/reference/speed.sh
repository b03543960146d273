#!/usr/bin/env bash
# Wall time of the EAMC re-implementation (through driver.py) and of our port set up the same way (port.yaml's
# overrides) on the same data, epochs and seed, one after the other, same thread count, each evaluating every 10
# epochs as it does by default (the driver also computes its selection loss every 5). Run it on an idle machine.
# usage: MVC_SRC=/path/to/mvc/src [PYTHON=python3] [THREADS=2] [SETS="hw bbcsport pie"] [EPOCHS=100] speed.sh OUT.csv
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
py=${PYTHON:-python3}
threads=${THREADS:-2}
epochs=${EPOCHS:-100}
export MVC_SRC MVCLUST_DATA=${MVCLUST_DATA:-$root/../shared/datasets}
tmp=$(mktemp -d)
[ -s "$out" ] || echo "dataset,implementation,threads,epochs,seconds,acc,cpu" > "$out"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//; s/,//g')
for ds in ${SETS:-hw bbcsport pie}; do
  start=$(date +%s.%N)
  OMP_NUM_THREADS=$threads "$py" "$here/driver.py" --method eamc --dataset $ds --seed 0 --epochs $epochs --threads $threads \
    --csv "$tmp/ref.csv" --csv_best "$tmp/refbest.csv" > "$tmp/$ds.log" 2>&1
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  acc=$(tail -1 "$tmp/ref.csv" | cut -d, -f5)
  echo "$ds,reimplementation-pytorch,$threads,$epochs,$secs,$acc,$cpu" >> "$out"
  start=$(date +%s.%N)
  (cd "$root" && ./mvclust run -m eamc --dataset $ds --data-dir "$MVCLUST_DATA" --seed 0 --threads $threads \
     --set phases.train.epochs=$epochs --set vars.latent=500 --set 'nodes.enc.params.hidden=[200, 200]' \
     --set phases.train.steps.0.train.enc.lr=1.0e-5 --out "$tmp/$ds" -q > /dev/null 2>&1)
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  acc=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['metrics']['acc'], 4))" "$tmp/$ds/metrics.json")
  echo "$ds,mvclust,$threads,$epochs,$secs,$acc,$cpu" >> "$out"
done
rm -rf "$tmp"
