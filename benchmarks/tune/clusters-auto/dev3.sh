#!/usr/bin/env bash
# rule-3.md's development data: dev2.sh's real datasets and hdigit, --clusters auto,criterion=gap with kmeans-concat
# (which also scores eigengap and eigengap_local; none of the three trains the method); writes results/dev3/DATASET/ and
# results/dev3.csv. Usage as dev2.sh: [ONLY="webkb msrc"] benchmarks/tune/clusters-auto/dev3.sh [--data-dir DIR].
ROUND=3 exec "$(dirname "${BASH_SOURCE[0]}")/dev2.sh" "$@"
