#!/usr/bin/env bash
# A fill rule's runs (grid-NAME.yaml, one thread, one run at a time), then ../pattern.py (pattern-NAME.csv) and
# choice.py (the choice, then ACC/NMI; NAME-table.md). Run directories go to fill-NAME/ (not committed); rows already in
# fill-NAME.csv are kept and not run again.
# Usage (from the repository root): benchmarks/incomplete/fill/choose.sh NAME PRESET CURRENT [--data-dir DIR]
#   linear bmvc rescale (rule-linear.md), dmac dmac renormalise (rule-dmac.md); DIR default $MVCLUST_DATA or ../shared/datasets
set -euo pipefail
cd "$(dirname "$0")/../../.."
name="$1" preset="$2" current="$3"; shift 3
data="${MVCLUST_DATA:-../shared/datasets}"
[[ "${1:-}" == "--data-dir" ]] && data="$2"
here=benchmarks/incomplete/fill
nice ./mvclust bench --grid "$here/grid-$name.yaml" --results "$here" --data-dir "$data" --threads 1 -q
python3 benchmarks/incomplete/pattern.py "$here/fill-$name" "$here/pattern-$name.csv"
python3 "$here/choice.py" "$preset" "$current" "$here/fill-$name.csv" "$here/pattern-$name.csv" \
  benchmarks/incomplete/incomplete-seeds.csv > "$here/$name-table.md"
cat "$here/$name-table.md"
