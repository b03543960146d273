#!/usr/bin/env bash
# Every preset on cub (3 seeds), mnist-usps and hdigit (1 seed each), k-means on the concatenated views beside it, at
# the cut schedules of the grids (README.md says which); then results/table.md.
# usage: benchmarks/standing/run.sh [--data-dir DIR] [DATASET ...]   (DIR default $MVCLUST_DATA, else ../shared/datasets;
#        datasets default: cub mnist-usps hdigit). Resumable: a finished run is not trained again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${MVCLUST_DATA:-$root/../shared/datasets}"
if [[ "${1:-}" == "--data-dir" ]]; then data="$2"; shift 2; fi
sets=("$@"); [[ ${#sets[@]} -eq 0 ]] && sets=(cub mnist-usps hdigit)
cd "$root"
for d in "${sets[@]}"; do
  ./mvclust bench --grid "$here/$d.yaml" --data-dir "$data" --results "$here/results" --threads 1 -q || true
done
python3 "$here/table.py" "$here/results" > "$here/results/table.md"
cat "$here/results/table.md"
