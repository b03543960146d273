#!/usr/bin/env bash
# A fill rule's runs (grid-NAME.yaml, one thread, one run at a time), then ../pattern.py (pattern-NAME.csv) and
# choice.py (the choice, then ACC/NMI; NAME-table.md). Run directories go to fill-NAME/ (not committed); rows already in
# fill-NAME.csv are kept and not run again.
# Usage (from the repository root): benchmarks/incomplete/fill/choose.sh NAME PRESET CURRENT [--data-dir DIR] [CHOICE-OPTIONS]
#   linear bmvc rescale (rule-linear.md); dmac dmac renormalise (rule-dmac.md);
#   dmac2 dmac renormalise --datasets pie,bdgp-incomplete --gate (rule-dmac-2.md; --gate reads the runs' health)
#   DIR default $MVCLUST_DATA or ../shared/datasets
set -euo pipefail
cd "$(dirname "$0")/../../.."
name="$1" preset="$2" current="$3"; shift 3
data="${MVCLUST_DATA:-../shared/datasets}"
if [[ "${1:-}" == "--data-dir" ]]; then data="$2"; shift 2; fi
extra=()
while [[ $# -gt 0 ]]; do
  if [[ "$1" == "--gate" ]]; then extra+=(--gate "benchmarks/incomplete/fill/fill-$name"); else extra+=("$1"); fi
  shift
done
here=benchmarks/incomplete/fill
nice ./mvclust bench --grid "$here/grid-$name.yaml" --results "$here" --data-dir "$data" --threads 1 -q
python3 benchmarks/incomplete/pattern.py "$here/fill-$name" "$here/pattern-$name.csv"
python3 "$here/choice.py" "$preset" "$current" "$here/fill-$name.csv" "$here/pattern-$name.csv" \
  --seeds benchmarks/incomplete/incomplete-seeds.csv "${extra[@]}" > "$here/$name-table.md"
cat "$here/$name-table.md"
