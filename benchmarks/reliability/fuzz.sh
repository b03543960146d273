#!/usr/bin/env bash
# Graph-file fuzz: random mutations of every preset, each loaded and (with build=all) built into a model in-process by
# plugin-methods' GraphFuzzTest; writes results/fuzz.txt (the command, the tally, and any failure).
# Usage: fuzz.sh [MUTANTS_PER_PRESET [SEED]]   (default 150 and 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
mutants="${1:-150}"
seed="${2:-1}"
cmd="mvn -B -o -q -pl plugin-methods -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=GraphFuzzTest -Dmvclust.fuzz.mutants=$mutants -Dmvclust.fuzz.seed=$seed -Dmvclust.fuzz.build=all"
status=0
$cmd >/dev/null 2>&1 || status=$?
mkdir -p benchmarks/reliability/results
{
  echo "command: benchmarks/reliability/fuzz.sh $mutants $seed  ($cmd)"
  echo "exit: $status"
  cat plugin-methods/target/graph-fuzz-summary.txt 2>/dev/null || echo "no summary: the test JVM died (see plugin-methods/target/graph-fuzz-current.yaml)"
} > benchmarks/reliability/results/fuzz.txt
cat benchmarks/reliability/results/fuzz.txt
exit $status
