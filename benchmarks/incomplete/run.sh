#!/usr/bin/env bash
# Incomplete views: the grid.yaml sweep (masked vs mean-imputed, seed 0, one thread, one run at a time), then bdgp.sh
# (bdgp-incomplete's own missing views). Writes results/ here (run dirs, not committed), incomplete.csv, incomplete.md,
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
benchmarks/incomplete/bdgp.sh --data-dir "$data"
python3 "$here/pattern.py" "$here/results" "$here/pattern.csv"
cat "$here/incomplete.md" "$here/bdgp.csv" "$here/pattern.csv"
