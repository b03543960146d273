#!/usr/bin/env bash
# A fill rule's runs (grid-NAME.yaml, one thread, one run at a time), then ../pattern.py (pattern-NAME.csv) and
# choice.py (the choice, then ACC/NMI; NAME-table.md). Run directories go to fill-NAME/ (not committed); rows already in
# fill-NAME.csv are kept and not run again.
# Usage (from the repository root): benchmarks/incomplete/fill/choose.sh NAME PRESET CURRENT [--data-dir DIR] [CHOICE-OPTIONS]
#   linear bmvc rescale (rule-linear.md); dmac dmac renormalise (rule-dmac.md);
#   dmac2 dmac renormalise --datasets pie,bdgp-incomplete --gate (rule-dmac-2.md; --gate reads the runs' health)
#   others PRESET renormalise|zeros --current benchmarks/incomplete/incomplete-others.csv benchmarks/incomplete/results/incomplete-others --gate
#   (rule-others.md; --current CSV DIR: the current rule's rows and run directories from another grid; then
#   NAME-table.md is PRESET-others-table.md)
#   DIR default $MVCLUST_DATA or ../shared/datasets
set -euo pipefail
cd "$(dirname "$0")/../../.."
name="$1" preset="$2" current="$3"; shift 3
data="${MVCLUST_DATA:-../shared/datasets}"
if [[ "${1:-}" == "--data-dir" ]]; then data="$2"; shift 2; fi
extra=() runs=() table="$name"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --gate) extra+=(--gate "benchmarks/incomplete/fill/fill-$name"); gate=1 ;;
    --current) extra+=(--more "$2"); runs+=("$3"); table="$preset-$name"; shift 2 ;;
    *) extra+=("$1") ;;
  esac
  shift
done
for r in "${runs[@]}"; do [[ -n "${gate:-}" ]] && extra+=(--gate "$r"); done
here=benchmarks/incomplete/fill
nice ./mvclust bench --grid "$here/grid-$name.yaml" --results "$here" --data-dir "$data" --threads 1 -q
python3 benchmarks/incomplete/pattern.py "$here/fill-$name" "$here/pattern-$name.csv"
for r in "${runs[@]}"; do python3 benchmarks/incomplete/pattern.py "$r" "$here/pattern-$name.csv"; done
python3 "$here/choice.py" "$preset" "$current" "$here/fill-$name.csv" "$here/pattern-$name.csv" \
  --seeds benchmarks/incomplete/incomplete-seeds.csv "${extra[@]}" > "$here/$table-table.md"
cat "$here/$table-table.md"
