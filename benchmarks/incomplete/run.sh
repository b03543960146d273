#!/usr/bin/env bash
# Incomplete views: the grid.yaml sweep (masked vs mean-imputed, seed 0, one thread, one run at a time), then
# bdgp-incomplete (its own missing views, read with nan=absent) without imputation for ae-kmeans, ddc, comvc and eamc, and ddc
# with mean imputation for comparison. Writes results/ here (run dirs, not committed), incomplete.csv, incomplete.md,
# incomplete-missing.png (ACC/NMI against the rate) and bdgp.csv, and pattern.csv (pattern.py: clusters against the missingness pattern).
# Usage (from the repository root): benchmarks/incomplete/run.sh [--data-dir DIR]   (default: $MVCLUST_DATA or ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${MVCLUST_DATA:-../shared/datasets}"
[[ "${1:-}" == "--data-dir" ]] && data="$2"
here=benchmarks/incomplete
# the committed rows count as done (bench's rule): only cells without a row run; remove results/ and the rows to redo them
[[ -f "$here/results/incomplete.csv" ]] || { mkdir -p "$here/results"; cp "$here/incomplete.csv" "$here/results/"; }
nice ./mvclust bench --grid "$here/grid.yaml" --results "$here/results" --data-dir "$data" --threads 1 -q
cp "$here/results/incomplete.csv" "$here/results/incomplete.md" "$here/"
nice ./mvclust report "$here/results" --out "$here/results/report.html"
cp "$here/results/incomplete-missing.png" "$here/"
run() {  # METHOD DATASET-OPTIONS EPOCH-OVERRIDE; a run whose row is in bdgp.csv is kept (delete the row to redo it)
  local recorded="bdgp-incomplete"; [[ "$2" == *impute=* ]] && recorded="bdgp-incomplete:${2#*,}"
  grep -q "^$1,$recorded," "$here/bdgp.csv" 2>/dev/null && return 0
  [[ -f "$here/results/bdgp/$1-$2/metrics.json" ]] || nice ./mvclust run --method "$1" --dataset "bdgp-incomplete:$2" \
    --data-dir "$data" --threads 1 --seed 0 --out "$here/results/bdgp/$1-$2" -q --no-plots ${3:+--set "$3"}
}
run ddc nan=absent phases.train.epochs=20
run ae-kmeans nan=absent
run ddc nan=absent,impute=mean phases.train.epochs=20
run comvc nan=absent phases.train.epochs=20
run eamc nan=absent phases.train.epochs=100
# bdgp.csv and pattern.csv keep their committed rows for runs whose directory is not under results/
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
cat "$here/incomplete.md" "$here/bdgp.csv" "$here/pattern.csv"
