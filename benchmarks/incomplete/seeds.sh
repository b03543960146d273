#!/usr/bin/env bash
# seeds.yaml: rate 0.5 masked vs mean-imputed (and complete data) over training seeds 0-2. Seed 0's rows are taken from
# incomplete.csv (grid.yaml's runs, the same cells), so only seeds 1 and 2 train. Writes incomplete-seeds.csv/.md here.
# Usage (from the repository root): benchmarks/incomplete/seeds.sh [--data-dir DIR]   (default: $MVCLUST_DATA or ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${MVCLUST_DATA:-../shared/datasets}"
[[ "${1:-}" == "--data-dir" ]] && data="$2"
here=benchmarks/incomplete
mkdir -p "$here/results"
if [[ ! -f "$here/results/incomplete-seeds.csv" ]]; then
  if [[ -f "$here/incomplete-seeds.csv" ]]; then cp "$here/incomplete-seeds.csv" "$here/results/"
  else python3 - "$here/incomplete.csv" "$here/results/incomplete-seeds.csv" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["seed"] == "0" and ("missing=0.5" in r["dataset"] or r["dataset"].endswith("missing=0"))]
w = csv.DictWriter(open(sys.argv[2], "w", newline=""), fieldnames=list(rows[0].keys()), lineterminator="\n")
w.writeheader(); w.writerows(rows)
PY
  fi
fi
nice ./mvclust bench --grid "$here/seeds.yaml" --results "$here/results" --data-dir "$data" --threads 1 -q
cp "$here/results/incomplete-seeds.csv" "$here/results/incomplete-seeds.md" "$here/"
python3 "$here/seeds_table.py" "$here/incomplete-seeds.csv" > "$here/incomplete-seeds-table.md"
cat "$here/incomplete-seeds-table.md"
