#!/usr/bin/env bash
# The batch-scaling rule of README.md: mvclust tune over batch A = 100 and B = min(samples, max(100, 10 k)) for ddc,
# eamc and msdib on orl and pie (seeds 0 and 1, --select health), then results/table.md (labels read only there).
# Usage: benchmarks/tune/scaling/run.sh [--data-dir DIR] (default $MVCLUST_DATA, else ../shared/datasets). Resumable.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
if [[ "${1:-}" == "--data-dir" ]]; then data="$2"; shift 2; fi
cd "$root"
out="$here/results"
mkdir -p "$out"
for d in orl pie; do
  for p in ddc eamc msdib; do
    echo "== $p on $d" >&2
    nice ./mvclust tune --method "$p" --dataset "$d" --data-dir "$data" --grid "$here/grids/$p-$d.yaml" \
      --out "$out/$p-$d" --threads 1 -q | grep '^chosen' || echo "$p on $d failed" >&2
  done
done
nice ./mvclust bench --methods kmeans-concat --datasets "orl;pie" --seeds 2 --results "$out" --name kmeans \
  --data-dir "$data" --reported none --threads 1 -q >/dev/null
python3 "$root/benchmarks/tune/table.py" "$out" > "$out/table.md"
cat "$out/table.md"
