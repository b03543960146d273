#!/usr/bin/env bash
# mvclust tune for each preset's grid (benchmarks/tune/grids/PRESET.yaml) on each dataset, smallest first, then
# k-means on the concatenated inputs (2 seeds), then results/table.md (default vs tuned ACC; labels read only there).
# Usage: benchmarks/tune/run.sh [--data-dir DIR] [DATASET ...] (default bbcsport pie cub; DIR default $MVCLUST_DATA,
# else ../shared/datasets). Resumable: a tune reads the runs it finds under its results directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
if [[ "${1:-}" == "--data-dir" ]]; then data="$2"; shift 2; fi
datasets=("$@")
[[ ${#datasets[@]} -eq 0 ]] && datasets=(bbcsport pie cub)
presets=(${PRESETS:-eamc ddc msdib dmac bmvc})
cd "$root"
out="$here/results"
mkdir -p "$out"
for d in "${datasets[@]}"; do
  for p in "${presets[@]}"; do
    echo "== $p on $d" >&2
    nice ./mvclust tune --method "$p" --dataset "$d" --data-dir "$data" --grid "$here/grids/$p.yaml" \
      --out "$out/$p-$d" --threads 1 -q | grep '^chosen' || echo "$p on $d failed" >&2
  done
done
ds="$(IFS=';'; echo "${datasets[*]}")"
nice ./mvclust bench --methods kmeans-concat --datasets "$ds" --seeds 2 --results "$out" --name "kmeans-${ds//;/-}" \
  --data-dir "$data" --reported none --threads 1 -q >/dev/null
python3 "$here/table.py" "$out" > "$out/table.md"
cat "$out/table.md"
