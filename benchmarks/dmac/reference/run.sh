#!/usr/bin/env bash
# Runs the DMAC authors' PyTorch code (GitHub drongwbc/DMAC-AAAI25, unchanged) on our BBC and PIE files.
# usage: DMAC_CODE=/path/to/checkout [PYTHON=python3] [SEEDS="1 2 3 4 5"] run.sh OUT_DIR
# Needs torch, numpy, scipy, scikit-learn. Copies evaluation.py (theirs is not published) into the checkout,
# writes data/BBC.mat and data/PIE.mat there with convert.py, then one log per (set, seed) and OUT_DIR/authors.csv.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
py=${PYTHON:-python3}
data=${MVCLUST_DATA:-$here/../../../../shared/datasets}
cd "$DMAC_CODE"
cp "$here/evaluation.py" .
mkdir -p data
[ -f data/BBC.mat ] || "$py" "$here/convert.py" "$data" data
for seed in ${SEEDS:-1 2 3 4 5}; do
  for spec in BBC:4 PIE:3; do
    name=${spec%:*}; views=${spec#*:}; log="$out/$name-$seed.log"
    [ -s "$log" ] && grep -q '^best' "$log" && continue
    start=$(date +%s)
    "$py" main.py --name "$name" --views "$views" --seed "$seed" > "$log.tmp"
    echo "seconds: $(( $(date +%s) - start ))" >> "$log.tmp"
    mv "$log.tmp" "$log"
  done
done
"$py" "$here/collect.py" "$out" > "$out/authors.csv"
