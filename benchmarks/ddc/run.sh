#!/usr/bin/env bash
# DDC check: the ddc preset on hw (30 epochs), bbcsport and pie (100 epochs), seeds 0-2, one thread each, one run at a time.
# Writes results/<dataset>-s<seed>/ (run dirs, not committed) and results.csv here (one row per run, from metrics.json).
# Usage (from the repository root): benchmarks/ddc/run.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${1:-${MVCLUST_DATA:-../shared/datasets}}"
out=benchmarks/ddc/results
run() {  # DATASET SEED EPOCHS
  [[ -f "$out/$1-s$2/metrics.json" ]] || nice ./mvclust run --method ddc --dataset "$1" --data-dir "$data" --threads 1 \
    --seed "$2" --out "$out/$1-s$2" -q --no-plots --eval-every 5 --set "phases.train.epochs=$3"
}
for s in 0 1 2; do run hw "$s" 30; done
for s in 0 1 2; do run bbcsport "$s" 100; done
for s in 0 1 2; do run pie "$s" 100; done
python3 - "$out" > benchmarks/ddc/results.csv <<'PY'
import json, pathlib, sys
print("dataset,seed,epochs,acc,nmi,ari,final_loss")
for m in sorted(pathlib.Path(sys.argv[1]).glob("*/metrics.json")):
    j = json.loads(m.read_text())
    print(f"{j['dataset']},{j['seed']},{j['epochs']},{j['metrics']['acc']:.4f},{j['metrics']['nmi']:.4f},"
          f"{j['metrics']['ari']:.4f},{j['final_loss']:.4f}")
PY
cat benchmarks/ddc/results.csv
