#!/usr/bin/env bash
# Incomplete views: the grid.yaml sweep (masked vs mean-imputed, seed 0, one thread, one run at a time), then
# bdgp-incomplete (its own missing views, read with nan=absent) without imputation for the presets that mask, and ddc
# with mean imputation for comparison. Writes results/ here (run dirs, not committed), incomplete.csv, incomplete.md,
# incomplete-missing.png (ACC/NMI against the rate) and bdgp.csv, and pattern.csv (pattern.py: clusters against the missingness pattern).
# Usage (from the repository root): benchmarks/incomplete/run.sh [--data-dir DIR]   (default: $MVCLUST_DATA or ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${MVCLUST_DATA:-../shared/datasets}"
[[ "${1:-}" == "--data-dir" ]] && data="$2"
here=benchmarks/incomplete
nice ./mvclust bench --grid "$here/grid.yaml" --results "$here/results" --data-dir "$data" --threads 1 -q
cp "$here/results/incomplete.csv" "$here/results/incomplete.md" "$here/"
nice ./mvclust report "$here/results" --out "$here/results/report.html"
cp "$here/results/incomplete-missing.png" "$here/"
run() {  # METHOD DATASET-OPTIONS EPOCH-OVERRIDE
  [[ -f "$here/results/bdgp/$1-$2/metrics.json" ]] || nice ./mvclust run --method "$1" --dataset "bdgp-incomplete:$2" \
    --data-dir "$data" --threads 1 --seed 0 --out "$here/results/bdgp/$1-$2" -q --no-plots ${3:+--set "$3"}
}
run ddc nan=absent phases.train.epochs=20
run ae-kmeans nan=absent
run ddc nan=absent,impute=mean phases.train.epochs=20
python3 - "$here/results/bdgp" > "$here/bdgp.csv" <<'PY'
import json, pathlib, sys
print("method,dataset,epochs,absent_pairs,pairs,impute,masked_by,acc,nmi")
for m in sorted(pathlib.Path(sys.argv[1]).glob("*/metrics.json")):
    j = json.loads(m.read_text()); x = j.get("missing", {})
    print(f"{j['method']},{j['dataset']},{j['epochs']},{x.get('absent_pairs')},{x.get('pairs')},{x.get('impute')},"
          f"{' '.join(x.get('masked_by', []))},{j['metrics']['acc']:.4f},{j['metrics']['nmi']:.4f}")
PY
python3 "$here/pattern.py" "$here/results" > "$here/pattern.csv"
cat "$here/incomplete.md" "$here/bdgp.csv" "$here/pattern.csv"
