#!/usr/bin/env bash
# bdgp-incomplete (its own missing views, read with nan=absent), seed 0, one thread, one run at a time: every preset that
# masks, without imputation, and the main ones with mean imputation beside. Shortened schedules as grid.yaml (ddc and
# the presets extending it: 20 training epochs; eamc 100; msdib 30, msdib-balanced 30 repeats; bmvc 500). Writes
# results/bdgp/ (run dirs, not committed), bdgp.csv and pattern.csv here; a run whose row is in bdgp.csv is kept
# (delete the row to redo it).
# Usage (from the repository root): benchmarks/incomplete/bdgp.sh [--data-dir DIR]   (default: $MVCLUST_DATA or ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${MVCLUST_DATA:-../shared/datasets}"
[[ "${1:-}" == "--data-dir" ]] && data="$2"
here=benchmarks/incomplete
run() {  # METHOD DATASET-OPTIONS [SET ...]
  local m="$1" opts="$2"; shift 2
  local recorded="bdgp-incomplete"; [[ "$opts" == *impute=* ]] && recorded="bdgp-incomplete:${opts#*,}"
  grep -q "^$m,$recorded," "$here/bdgp.csv" 2>/dev/null && return 0
  local sets=(); for s in "$@"; do sets+=(--set "$s"); done
  [[ -f "$here/results/bdgp/$m-$opts/metrics.json" ]] || nice ./mvclust run --method "$m" --dataset "bdgp-incomplete:$opts" \
    --data-dir "$data" --threads 1 --seed 0 --out "$here/results/bdgp/$m-$opts" -q --no-plots "${sets[@]}"
}
short=phases.train.epochs=20
for imp in nan=absent nan=absent,impute=mean; do
  run ae-kmeans "$imp"
  run ddc "$imp" "$short"
  run comvc "$imp" "$short"
  run eamc "$imp" phases.train.epochs=100
  run msdib "$imp" phases.train.epochs=30
  run bmvc "$imp" phases.train.epochs=500
  run dmac "$imp"
done
run simvc nan=absent "$short"
run ae-ddc nan=absent "$short"
run aecoddc nan=absent "$short"
run ae-km nan=absent "$short"
run aecokm nan=absent "$short"
run msdib-balanced nan=absent phases.train.repeat=30
# bdgp.csv keeps its committed rows for runs whose directory is not under results/
python3 - "$here/results/bdgp" "$here/bdgp.csv" <<'PY'
import json, pathlib, sys
rows = {}
old = pathlib.Path(sys.argv[2])
for line in old.read_text().splitlines()[1:] if old.exists() else []:
    rows[tuple(line.split(",")[:2])] = line
for m in sorted(pathlib.Path(sys.argv[1]).glob("*/metrics.json")):
    j = json.loads(m.read_text()); x = j.get("missing", {})
    rows[(j['method'], j['dataset'])] = (f"{j['method']},{j['dataset']},{j['epochs']},{x.get('absent_pairs')},{x.get('pairs')},"
        f"{x.get('impute')},{' '.join(x.get('masked_by', []))},{j['metrics']['acc']:.4f},{j['metrics']['nmi']:.4f}")
old.write_text("method,dataset,epochs,absent_pairs,pairs,impute,masked_by,acc,nmi\n" + "".join(r + "\n" for _, r in sorted(rows.items())))
PY
python3 "$here/pattern.py" "$here/results" "$here/pattern.csv"
python3 "$here/bdgp_table.py"
