#!/usr/bin/env bash
# rule-linear.md's runs (grid-linear.yaml, one thread, one run at a time), then ../pattern.py (pattern-linear.csv) and
# linear_table.py (the choice, then ACC/NMI; linear-table.md). Run directories go to fill/ (not committed); rows already
# in fill-linear.csv are kept and not run again.
# Usage (from the repository root): benchmarks/incomplete/fill/linear.sh [--data-dir DIR]   (default: $MVCLUST_DATA or ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/../../.."
data="${MVCLUST_DATA:-../shared/datasets}"
[[ "${1:-}" == "--data-dir" ]] && data="$2"
here=benchmarks/incomplete/fill
nice ./mvclust bench --grid "$here/grid-linear.yaml" --results "$here" --data-dir "$data" --threads 1 -q
python3 benchmarks/incomplete/pattern.py "$here/fill-linear" "$here/pattern-linear.csv"
python3 "$here/linear_table.py" > "$here/linear-table.md"
cat "$here/linear-table.md"
