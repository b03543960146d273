#!/usr/bin/env bash
# absent: view_mean at missing rate 0.5 (grid.yaml: ae-kmeans, ddc and comvc on hw and cub, seeds 0-2), one thread, one
# run at a time; then pattern.py (NMI of each run's clusters with the missingness pattern) and table.py (rule.md's
# choice, then ACC/NMI beside the current rule and mean imputation). Writes fill.csv / fill.md, pattern.csv and
# table.md here; run directories go to fill/ (not committed). Rows already in fill.csv are kept and not run again.
# Usage (from the repository root): benchmarks/incomplete/fill/run.sh [--data-dir DIR]   (default: $MVCLUST_DATA or ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/../../.."
data="${MVCLUST_DATA:-../shared/datasets}"
[[ "${1:-}" == "--data-dir" ]] && data="$2"
here=benchmarks/incomplete/fill
nice ./mvclust bench --grid "$here/grid.yaml" --results "$here" --data-dir "$data" --threads 1 -q
python3 benchmarks/incomplete/pattern.py "$here" "$here/pattern.csv"
python3 "$here/table.py" > "$here/table.md"
cat "$here/fill.md" "$here/table.md"
