#!/usr/bin/env bash
# The 12-task grid (grid.yaml) run by the local bench and by Spark's local mode (2 task slots x 1 thread), then a
# restart of the Spark run and a failure-injection run (grid-bad.yaml). Writes results/timings.csv (wall seconds and
# exit code of each step), results/local.csv, results/spark.csv, results/failure.csv (the bench CSVs) and
# results/check.txt (rows and labels.csv checksums compared). load_before/after: the 1-minute load average of the
# machine (other processes included) when a step started and ended. Run files go to runs/ (not committed).
# Usage (one command): benchmarks/spark/run.sh [--data-dir DIR] (default $MVCLUST_DATA, else ../shared/datasets)
set -uo pipefail
cd "$(dirname "$0")/../.."
data="${MVCLUST_DATA:-../shared/datasets}"
[[ "${1:-}" == --data-dir ]] && data="$2"
here=benchmarks/spark
runs=$here/runs
mkdir -p "$here/results"
rm -rf "$runs"
./mvclust list > /dev/null || exit 1 # builds the modules first, outside the timings
common=(--threads 1 -q --data-dir "$data" --reported none)
grid=(--grid "$here/grid.yaml")
echo "step,wall_seconds,exit_code,load_before,load_after" > "$here/results/timings.csv"
step() { # NAME CMD...: runs CMD, appends its wall time and exit code
  local name="$1" t0 t1 rc l0
  shift
  l0=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  "$@"
  rc=$?
  t1=$(date +%s.%N)
  printf '%s,%.1f,%d,%s,%s\n' "$name" "$(echo "$t1 - $t0" | bc)" "$rc" "$l0" "$(cut -d' ' -f1 /proc/loadavg)" >> "$here/results/timings.csv"
}
step local ./mvclust bench "${grid[@]}" "${common[@]}" --results "$runs/local"
step spark ./mvclust bench "${grid[@]}" "${common[@]}" --results "$runs/spark" --engine spark --master 'local[2,2]'
touch "$runs/.before-restart"
step spark-restart ./mvclust bench "${grid[@]}" "${common[@]}" --results "$runs/spark" --engine spark --master 'local[2,2]'
step spark-failure ./mvclust bench "${common[@]}" --grid "$here/grid-bad.yaml" --results "$runs/failure" --engine spark --master 'local[2,2]'
cp "$runs/local/spark-grid.csv" "$here/results/local.csv"
cp "$runs/spark/spark-grid.csv" "$here/results/spark.csv"
cp "$runs/failure/spark-grid.csv" "$here/results/failure.csv"
python3 - "$runs" "$here/results/timings.csv" > "$here/results/check.txt" <<'PY'
import csv, hashlib, pathlib, sys
runs = pathlib.Path(sys.argv[1])
wall = {r["step"]: float(r["wall_seconds"]) for r in csv.DictReader(open(sys.argv[2]))}
print(f"wall: local {wall['local']:.1f} s, spark local[2] {wall['spark']:.1f} s, speed-up {wall['local'] / wall['spark']:.2f}x")
for name in ("local", "spark"):
    rs = list(csv.DictReader(open(runs / name / "spark-grid.csv")))
    busy = sum(float(r["train_seconds"] or 0) + float(r["readout_seconds"] or 0) for r in rs)
    print(f"{name}: sum over tasks of train + readout seconds {busy:.1f}; highest peak_rss_mb (the JVM's) {max(float(r['peak_rss_mb']) for r in rs):.0f}")
timing = {"train_seconds", "step_seconds", "readout_seconds", "peak_rss_mb", "gflops"}
def rows(p):
    return [{k: v for k, v in r.items() if k not in timing} for r in csv.DictReader(open(p))]
def labels(d):
    return {str(f.relative_to(d)): hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(d.rglob("labels.csv"))}
local, spark = rows(runs / "local/spark-grid.csv"), rows(runs / "spark/spark-grid.csv")
print(f"rows (timing columns left out): local {len(local)}, spark {len(spark)}, equal row for row: {local == spark}")
ll, sl = labels(runs / "local/spark-grid"), labels(runs / "spark/spark-grid")
print(f"labels.csv files: local {len(ll)}, spark {len(sl)}, identical SHA-256 for every run: {ll == sl}")
marker = (runs / ".before-restart").stat().st_mtime
newer = [str(f) for f in (runs / "spark").rglob("*") if f.is_file() and f.stat().st_mtime > marker
         and f.name not in ("spark-grid.csv", "spark-grid.md")]
print(f"run files written by the restart: {len(newer)}")
fail = list(csv.DictReader(open(runs / "failure/spark-grid.csv")))
bad = [r for r in fail if r.get("error")]
print(f"failure-injection run: {len(fail)} rows, {len(fail) - len(bad)} completed, {len(bad)} error rows")
for r in bad:
    print(f"  error row: method={r['method']} dataset={r['dataset']} seed={r['seed']} error={r['error']}")
PY
cat "$here/results/timings.csv" "$here/results/check.txt"
