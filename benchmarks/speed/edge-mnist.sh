#!/usr/bin/env bash
# Speed at 70 000 samples: EAMC on edge-mnist (vectorised, MLP encoders 200-200-500 as the re-implementation sets
# vector views up) and on e-mnist (60 000 images, its CNN encoders), mvclust against the re-implementation
# (DanielTrosten/mvc, PyTorch, through benchmarks/eamc/reference/driver.py), the same epochs, seed and threads, one
# after the other. Each evaluates ACC once, at the end; the re-implementation also computes its selection loss over
# all samples after every epoch, as its training loop does. Run it on an otherwise idle machine.
# usage: MVC_SRC=/path/to/mvc/src [PYTHON=python3] [THREADS=2] [EPOCHS=3] [CONFIGS="mlp cnn"]
#        benchmarks/speed/edge-mnist.sh [--data-dir DIR] [--device auto|cpu|gpu:N]
# writes benchmarks/speed/results/edge-mnist.csv (one row per implementation and set-up; seconds per epoch are the
# whole process's wall time divided by the epochs, so loading the data counts; peak_rss_mb from /usr/bin/time) and
# keeps each run's log (the re-implementation's FINAL line gives its training-loop seconds) and mvclust's history.csv
# and metrics.json (per-epoch seconds) in benchmarks/speed/results/edge-mnist/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data="${MVCLUST_DATA:-$root/../shared/datasets}"; device=auto
while [[ $# -gt 0 ]]; do
  case "$1" in --data-dir) data="$2";; --device) device="$2";; *) echo "edge-mnist.sh: unknown option $1" >&2; exit 2;; esac
  shift 2
done
py=${PYTHON:-python3}; threads=${THREADS:-2}; epochs=${EPOCHS:-3}
export MVC_SRC MVCLUST_DATA="$data"
out="$here/results/edge-mnist.csv"; mkdir -p "$here/results"
tmp=$(mktemp -d)
[ -s "$out" ] || echo "setup,dataset,implementation,threads,epochs,seconds,seconds_per_epoch,step_seconds_per_epoch,gflops,peak_rss_mb,acc,cpu" > "$out"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//; s/,//g')
for c in ${CONFIGS:-mlp cnn}; do
  case "$c" in
    mlp) ds=edge-mnist; method=eamc
         args=(--set vars.latent=500 --set 'nodes.enc.params.hidden=[200, 200]' --set phases.train.steps.0.train.enc.lr=1.0e-5);;
    cnn) ds=e-mnist; method=eamc_cnn
         args=(--set nodes.enc.type=cnn --set 'nodes.enc.params={layers: mvc_eamc}' --set dataset.preprocess=none
               --set phases.train.steps.0.train.enc.lr=1.0e-5);;
    *) echo "edge-mnist.sh: unknown set-up $c (mlp, cnn)" >&2; exit 2;;
  esac
  if [[ -n "${MVC_SRC:-}" ]]; then
    start=$(date +%s.%N)
    OMP_NUM_THREADS=$threads /usr/bin/time -f %M -o "$tmp/ref.rss" "$py" "$root/benchmarks/eamc/reference/driver.py" \
      --method $method --dataset $ds --seed 0 --epochs $epochs --threads $threads --eval_every $epochs \
      --csv "$tmp/ref.csv" --csv_best "$tmp/refbest.csv" > "$tmp/ref-$c.log" 2>&1
    secs=$(echo "$(date +%s.%N) - $start" | bc)
    acc=$(tail -1 "$tmp/ref.csv" | cut -d, -f5)
    rss=$(echo "$(tail -1 "$tmp/ref.rss") / 1024" | bc)
    echo "$c,$ds,reimplementation-pytorch,$threads,$epochs,$secs,$(echo "scale=2; $secs / $epochs" | bc),,,$rss,$acc,$cpu" >> "$out"
  fi
  start=$(date +%s.%N)
  (cd "$root" && ./mvclust run -m eamc --dataset $ds --data-dir "$data" --seed 0 --threads $threads --device "$device" \
     "${args[@]}" --set phases.train.epochs=$epochs --eval-every $epochs --no-plots --out "$tmp/$c" -q > /dev/null)
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  read -r steps gflops rss acc < <(python3 -c "
import json, sys
m = json.load(open(sys.argv[1]))
print(round(m['step_seconds'] / int(sys.argv[2]), 2), round(m['train_gflop'] / m['step_seconds'], 1) if m['step_seconds'] else '', round(m['peak_rss_mb']), round(m['metrics']['acc'], 4))
" "$tmp/$c/metrics.json" "$epochs")
  echo "$c,$ds,mvclust,$threads,$epochs,$secs,$(echo "scale=2; $secs / $epochs" | bc),$steps,$gflops,$rss,$acc,$cpu" >> "$out"
done
keep="$here/results/edge-mnist"; mkdir -p "$keep"
for c in ${CONFIGS:-mlp cnn}; do
  [[ -f "$tmp/ref-$c.log" ]] && cp "$tmp/ref-$c.log" "$keep/"
  cp "$tmp/$c/history.csv" "$keep/mvclust-$c-history.csv"; cp "$tmp/$c/metrics.json" "$keep/mvclust-$c-metrics.json"
done
rm -rf "$tmp"
column -s, -t "$out"
