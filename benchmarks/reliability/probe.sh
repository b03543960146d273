#!/usr/bin/env bash
# Hostile-input probe: makes its own bad inputs in a temporary directory, runs the CLI on each under a time limit, and
# classifies every outcome by exit code, stderr and checks of the files:
#   OK            the input is fine and the run's results are right
#   clear-error   refused with exit 2 and a message naming the place (file, key, option)
#   unclear-error refused with exit 2, but the message is not the expected one
#   unexpected    a fine input refused
#   silent-wrong  exit 0 with a wrong result, or a bad input accepted
#   data-lost     an input file changed, or a finished run's results gone
#   stack-trace   a Java stack trace on stderr
#   crash         exit 1 (internal error), a signal, or a native abort's text
#   hang          killed by the time limit
# Writes results/probe.csv and results/probe.md. Usage: probe.sh [--data-dir DIR] [--limit SECONDS]
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
DATA="${MVCLUST_DATA:-../shared/datasets}"
LIMIT=120
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) DATA="$2"; shift 2 ;;
    --limit) LIMIT="$2"; shift 2 ;;
    *) echo "usage: probe.sh [--data-dir DIR] [--limit SECONDS]" >&2; exit 2 ;;
  esac
done
RES="benchmarks/reliability/results"
mkdir -p "$RES"
S="$(mktemp -d)"
trap 'chmod -R u+w "$S" 2>/dev/null; rm -rf "$S"' EXIT
./mvclust list >/dev/null 2>&1 || { echo "probe: ./mvclust does not start" >&2; exit 1; }
MV="$ROOT/mvclust"
Q=(-q --no-plots --threads 1)
E1=(--set phases.pretrain.epochs=1)

# ---- fixtures ----
python3 - "$S" <<'EOF' || { echo "probe: needs python3 with numpy and scipy" >&2; exit 1; }
import sys, os, numpy as np, scipy.io as sio
s = sys.argv[1]; r = np.random.default_rng(0); N, K = 60, 3; y = np.repeat(np.arange(1, K + 1), N // K)
v1 = r.normal(size=(K, 10))[y - 1] * 3 + r.normal(size=(N, 10)); v2 = r.normal(size=(K, 6))[y - 1] * 3 + r.normal(size=(N, 6))
def cell(*vs):
    X = np.empty((1, len(vs)), object)
    for i, v in enumerate(vs): X[0, i] = v
    return X
Y = y.reshape(-1, 1).astype(float)
m = lambda name, **kw: sio.savemat(os.path.join(s, name), kw)
m('good.mat', X=cell(v1, v2), Y=Y); m('huge.mat', X=cell(v1 * 1e300, v2), Y=Y); m('tiny.mat', X=cell(v1 * 1e-300, v2), Y=Y)
m('complex.mat', X=cell(v1 + 1j * v1, v2), Y=Y); m('single_view.mat', X=cell(v1), Y=Y)
m('one_sample.mat', X=cell(v1[:1], v2[:1]), Y=[[1.0]]); m('one_class.mat', X=cell(v1, v2), Y=np.ones((N, 1)))
m('wrongvar.mat', data=cell(v1, v2), labs=Y)
sio.savemat(os.path.join(s, 'v4.mat'), {'X1': v1, 'Y': Y}, format='4')
open(os.path.join(s, 'trunc_128.mat'), 'wb').write(open(os.path.join(s, 'good.mat'), 'rb').read()[:128])
yy = np.repeat([0, 1, 2], 10); a = r.normal(size=(30, 4)) + yy[:, None] * 3; b = r.normal(size=(30, 3)) + yy[:, None] * 3
def csvdir(name, header, idx):
    d = os.path.join(s, 'csv', name); os.makedirs(d)
    for f, x in (('view1.csv', a), ('view2.csv', b)):
        rows = [(str(i) + ',' if idx else '') + ','.join(repr(float(v)) for v in row) for i, row in enumerate(x)]
        hdr = ([(',' if idx else '') + ','.join(str(j) for j in range(x.shape[1]))] if header else [])
        open(os.path.join(d, f), 'w').write('\n'.join(hdr + rows) + '\n')
    lab = [(str(i) + ',' if idx else '') + str(c) for i, c in enumerate(yy)]
    open(os.path.join(d, 'labels.csv'), 'w').write('\n'.join(([(',' if idx else '') + '0'] if header else []) + lab) + '\n')
csvdir('good', False, False); csvdir('pandas', True, False); csvdir('pandas_idx', True, True)
os.makedirs(os.path.join(s, 'csv', 'empty'))
open(os.path.join(s, 'huge.csv'), 'w').write('a:f1,a:f2,b:f1,label\n' + ''.join(f'{1e300 * (i + 1)},{i},{i % 3},{i % 3}\n' for i in range(30)))
open(os.path.join(s, 'latin1.csv'), 'wb').write('caf\xe9:f1,b:f1,label\n'.encode('latin-1') + b''.join(f'{i},{i % 3},{i % 3}\n'.encode() for i in range(30)))
EOF
G="$S/good.mat"
deep="$S/deep.yaml"; python3 -c "print('a: ' + '[' * 5000 + ']' * 5000)" > "$deep"
printf 'extends: ae-kmeans\nname: dup\nvars:\n  latent: 10\n  latent: 3\n' > "$S/dupkey.yaml"
printf 'extends: ae-kmeans\nname: anchor\nvars: {w: &w [16]}\nset:\n  enc.hidden: *w\n' > "$S/anchor.yaml"
H2000="[$(python3 -c "print(','.join(['2'] * 2000))")]"
mkdir -p "$S/plug" && head -c 5000 /dev/urandom > "$S/plug/evil.jar"
printf 'x' > "$S/afile"
sha() { sha256sum "$1" | cut -d' ' -f1; }
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

# ---- the runner ----
printf 'id,area,input,expect,exit,seconds,verdict,message\n' > "$RES/probe.csv"
N=0
declare -A TALLY
# probe ID AREA "INPUT" EXPECT(ok|error) REGEX -- COMMAND...; optional OKCHECK (for ok) and SAFECHECK (always) as bash code
probe() {
  local id="$1" area="$2" input="$3" expect="$4" regex="$5"; shift 6
  local log="$S/log.$id" t0 t1 rc verdict msg
  t0=$(date +%s.%N)
  (cd "${CWD:-$ROOT}" && timeout -s KILL "$LIMIT" "$@") >"$log.out" 2>"$log.err"; rc=$?
  t1=$(date +%s.%N)
  msg="$(grep -v -E '^(I0000|WARNING: All log|mvclust: building|\[0m)' "$log.err" | grep -E 'error|note|warning|could not|cannot|below|above' | head -1 | cut -c1-220)"
  if [[ $rc -eq 137 || $rc -eq 124 ]]; then verdict=hang
  elif [[ $rc -eq 1 || $rc -ge 128 ]] || grep -q -E 'terminate called|Check failed|SIGSEGV|fatal error has been detected' "$log.err"; then verdict=crash
  elif grep -q -E '^\s+at [a-zA-Z_$][\w.$]*\(|^Exception in thread|^Caused by: ' "$log.err"; then verdict=stack-trace
  elif [[ -n "${SAFECHECK:-}" ]] && ! (eval "$SAFECHECK") >/dev/null 2>&1; then verdict=data-lost
  elif [[ "$expect" == ok ]]; then
    if [[ $rc -eq 0 ]]; then
      if [[ -z "${OKCHECK:-}" ]] || (eval "$OKCHECK") >/dev/null 2>&1; then verdict=OK; else verdict=silent-wrong; fi
    else verdict=unexpected; fi
  else
    if [[ $rc -eq 0 ]]; then verdict=silent-wrong
    elif [[ $rc -eq 2 ]] && grep -q -E -- "$regex" "$log.err" "$log.out"; then verdict=clear-error
    else verdict=unclear-error; fi
  fi
  [[ $expect == ok && -z "$msg" ]] && msg="$(grep -E '^(result|wrote)' "$log.out" | head -1 | cut -c1-160)"
  N=$((N + 1)); TALLY[$verdict]=$(( ${TALLY[$verdict]:-0} + 1 ))
  printf '%s,%s,"%s",%s,%s,%.1f,%s,"%s"\n' "$id" "$area" "${input//\"/\"\"}" "$expect" "$rc" "$(awk "BEGIN{print $t1 - $t0}")" "$verdict" \
    "$(echo "$msg" | sed -E "s#$S#SCRATCH#g; s#$ROOT#REPO#g; s#process [0-9]+, started [0-9T:.Z-]+#process PID, started TIME#; s#\"#\"\"#g")" >> "$RES/probe.csv"
  echo "[$N] $id: $verdict (exit $rc)" >&2
  OKCHECK=; SAFECHECK=; CWD=
}

# ---- data ----
probe huge-mat data "values 1e300 (beyond float32)" error 'overflow|float32' -- "$MV" run --method kmeans-concat --dataset "$S/huge.mat" --out "$S/o/huge" "${Q[@]}"
probe huge-impute data "1e300 with nan=impute-mean" error 'overflow|float32' -- "$MV" run --method kmeans-concat --dataset "$S/huge.mat:nan=impute-mean" --out "$S/o/huge2" "${Q[@]}"
OKCHECK='grep -q "below float32" "$S/log.tiny.err"'
probe tiny data "values 1e-300 (underflow)" ok '' -- "$MV" run --method kmeans-concat --dataset "$S/tiny.mat" --out "$S/o/tiny" --no-plots --threads 1
probe complex data "complex view" error 'complex' -- "$MV" run --method kmeans-concat --dataset "$S/complex.mat" --out "$S/o/c" "${Q[@]}"
probe v4 data "MATLAB v4 file" error 'v4' -- "$MV" run --method kmeans-concat --dataset "$S/v4.mat" --out "$S/o/v4" "${Q[@]}"
probe trunc128 data ".mat cut after its 128-byte header" error 'trunc|no variables|empty' -- "$MV" run --method kmeans-concat --dataset "$S/trunc_128.mat" --out "$S/o/t" "${Q[@]}"
probe one-sample data "1 sample" error 'cluster|sample' -- "$MV" run --method kmeans-concat --dataset "$S/one_sample.mat" --out "$S/o/os" "${Q[@]}"
probe one-class data "labels of one class" error 'single class' -- "$MV" run --method kmeans-concat --dataset "$S/one_class.mat" --out "$S/o/oc" "${Q[@]}"
probe clusters1 data "--clusters 1" error 'at least 2 clusters' -- "$MV" run --method kmeans-concat --dataset "$G" --clusters 1 --out "$S/o/k1" "${Q[@]}"
probe wrongvar data "labels under another name" error 'labels=' -- "$MV" run --method kmeans-concat --dataset "$S/wrongvar.mat" --out "$S/o/wv" "${Q[@]}"
OKCHECK='[[ $(json "$S/o/sv/metrics.json" "d[\"views\"]") == 1 ]]'
probe single-view data "single-view dataset, concat fusion" ok '' -- "$MV" run --method kmeans-concat --dataset "$S/single_view.mat" --out "$S/o/sv" "${Q[@]}"
probe huge-csv data "CSV cells 1e300" error 'overflow|float32' -- "$MV" run --method kmeans-concat --dataset "$S/huge.csv" --out "$S/o/hc" "${Q[@]}"
probe latin1 data "Latin-1 CSV header" error 'UTF-8' -- "$MV" run --method kmeans-concat --dataset "$S/latin1.csv" --out "$S/o/l1" "${Q[@]}"
probe empty-dir data "empty directory as dataset" error 'a directory' -- "$MV" run --method kmeans-concat --dataset "$S/csv/empty" --out "$S/o/ed" "${Q[@]}"
probe empty-dataset data "--dataset ''" error 'dataset is empty' -- "$MV" run --method kmeans-concat --dataset "" --out "$S/o/e" "${Q[@]}"
OKCHECK='[[ $(json "$S/o/pd/metrics.json" "(d[\"samples\"], d[\"clusters\"])") == "(30, 3)" ]]'
probe pandas data "pandas headers 0,1,2,3 and 0" ok '' -- "$MV" run --method kmeans-concat --dataset "$S/csv/pandas" --out "$S/o/pd" "${Q[@]}"
OKCHECK='[[ $(json "$S/o/pi/metrics.json" "(d[\"samples\"], d[\"clusters\"])") == "(30, 3)" ]]'
probe pandas-index data "pandas index column" ok '' -- "$MV" run --method kmeans-concat --dataset "$S/csv/pandas_idx" --out "$S/o/pi" "${Q[@]}"
if [[ -f "$DATA/MANIFEST.csv" ]]; then
  OKCHECK='grep -q "^result:" "$S/log.named.out"'
  probe named data "a named benchmark from --data-dir" ok '' -- "$MV" run --method kmeans-concat --dataset 3sources --data-dir "$(cd "$DATA" && pwd)" --out "$S/o/named" "${Q[@]}"
fi

# ---- graph values and options ----
probe latent0 config "latent=0" error 'nodes.enc.*at least 1' -- "$MV" run --dataset "$G" --set latent=0 "${E1[@]}" --out "$S/o/l0" "${Q[@]}"
probe latent-neg config "latent=-1" error 'nodes.enc.*at least 1' -- "$MV" run --dataset "$G" --set latent=-1 "${E1[@]}" --out "$S/o/ln" "${Q[@]}"
probe latent-1e9 config "latent=1e9" error 'nodes.enc.*at most' -- "$MV" run --dataset "$G" --set latent=1e9 "${E1[@]}" --out "$S/o/lb" "${Q[@]}"
probe latent-2p31 config "latent=2147483648" error 'expected int' -- "$MV" run --dataset "$G" --set latent=2147483648 "${E1[@]}" --out "$S/o/l31" "${Q[@]}"
probe hidden0 config "enc.hidden=[0]" error 'at least 1' -- "$MV" run --dataset "$G" --set 'enc.hidden=[0]' "${E1[@]}" --out "$S/o/h0" "${Q[@]}"
probe hidden2000 config "enc.hidden of 2000 layers" error 'at most 100' -- "$MV" run --dataset "$G" --set "enc.hidden=$H2000" "${E1[@]}" --out "$S/o/h2" "${Q[@]}"
probe weight-nan config "losses.recon.weight=NaN" error 'finite' -- "$MV" run --dataset "$G" --set losses.recon.weight=NaN "${E1[@]}" --out "$S/o/wn" "${Q[@]}"
probe var-ref config "latent=\${nosuch}" error 'another variable|variable' -- "$MV" run --dataset "$G" --set 'latent=${nosuch}' "${E1[@]}" --out "$S/o/vr" "${Q[@]}"
probe restarts0 config "readout.params.restarts=0" error 'readout.params' -- "$MV" run --dataset "$G" --set readout.params.restarts=0 --out "$S/o/r0" "${Q[@]}"
probe threads-neg config "--threads -1" error 'threads' -- "$MV" run --dataset "$G" --threads -1 --out "$S/o/tn" -q
probe threads-big config "--threads 100000" error 'threads' -- "$MV" run --dataset "$G" --threads 100000 --out "$S/o/tb" -q
probe dupkey yaml "a key given twice" error 'latent' -- "$MV" run --method "$S/dupkey.yaml" --dataset "$G" --out "$S/o/dk" "${Q[@]}"
probe anchor yaml "YAML anchor and alias" error 'alias' -- "$MV" run --method "$S/anchor.yaml" --dataset "$G" --out "$S/o/an" "${Q[@]}"
probe deep yaml "5000-deep nesting" error 'deep|nest' -- "$MV" describe "$S/deep.yaml"

# ---- outputs ----
mkdir -p "$S/views" && cp "$S/csv/good/"* "$S/views/"
LSHA=$(sha "$S/views/labels.csv")
SAFECHECK='[[ $(sha "$S/views/labels.csv") == "$LSHA" ]]'; CWD="$S/views"
probe out-empty out "--out '' run from the dataset's directory" error 'out is empty' -- "$MV" run --method kmeans-concat --dataset . --out "" "${Q[@]}"
SAFECHECK='[[ $(sha "$S/views/labels.csv") == "$LSHA" ]]'
probe out-is-data out "--out = the dataset's directory" error "dataset's own files" -- "$MV" run --method kmeans-concat --dataset "$S/views" --out "$S/views" "${Q[@]}"
SAFECHECK='[[ $(sha "$S/views/labels.csv") == "$LSHA" ]]'
probe out-foreign out "--out a directory holding someone's labels.csv" error 'not an mvclust run directory' -- "$MV" run --method kmeans-concat --dataset "$G" --out "$S/views" "${Q[@]}"
probe out-file out "--out an existing file" error 'is a file' -- "$MV" run --method kmeans-concat --dataset "$G" --out "$S/afile" "${Q[@]}"
if [[ $(id -u) -ne 0 ]]; then
  mkdir -p "$S/ro" && chmod 555 "$S/ro"
  probe out-ro out "--out a read-only directory" error 'not writable|lock file' -- "$MV" run --dataset "$G" --out "$S/ro" "${Q[@]}"
fi
# two runs into one directory at once: the second is refused, the first's results are whole
( cd "$ROOT" && timeout -s KILL "$LIMIT" "$MV" run --dataset "$G" --set phases.pretrain.epochs=300 --seed 1 --out "$S/o/two" "${Q[@]}" >"$S/two1.out" 2>"$S/two1.err"; echo $? > "$S/two1.rc" ) &
for _ in $(seq 1 200); do [[ -s "$S/o/two/.mvclust.lock" ]] && break; sleep 0.2; done
SAFECHECK='for _ in $(seq 1 1500); do [[ -s "$S/two1.rc" ]] && break; sleep 0.2; done; [[ $(cat "$S/two1.rc") == 0 && $(json "$S/o/two/metrics.json" "d[\"seed\"]") == 1 ]]'
probe concurrent out "a second run into a directory in use" error 'in use by another mvclust run' -- "$MV" run --dataset "$G" --seed 2 "${E1[@]}" --out "$S/o/two" "${Q[@]}"
wait
printf 'process 999999, started long ago\n' > "$S/o/two/.mvclust.lock"
OKCHECK='grep -q "taking it over" "$S/log.stale-lock.err" && [[ $(json "$S/o/two/metrics.json" "d[\"seed\"]") == 3 ]]'
probe stale-lock out "a lock left by a killed run" ok '' -- "$MV" run --method kmeans-concat --dataset "$G" --seed 3 --out "$S/o/two" --no-plots --threads 1
"$MV" run --dataset "$G" "${E1[@]}" --runs 2 --out "$S/o/re" -q --threads 1 >/dev/null 2>&1
OKCHECK='[[ ! -e "$S/o/re/curves.png" && ! -e "$S/o/re/run-1" && ! -e "$S/o/re/runs.csv" ]] && grep -q kmeans-concat "$S/o/re/metrics.json"'
probe rerun out "rerun (other method, --no-plots, 1 run) into a used directory" ok '' -- "$MV" run --method kmeans-concat --dataset "$G" --out "$S/o/re" "${Q[@]}"
mkdir -p "$S/ünï 数据" && cp "$G" "$S/ünï 数据/vues à.mat"
OKCHECK='[[ -f "$S/ünï 数据/out é/labels.csv" ]]'
probe lang-c paths "non-ASCII paths under LANG=C" ok '' -- env LC_ALL=C LANG=C "$MV" run --method kmeans-concat --dataset "$S/ünï 数据/vues à.mat" --out "$S/ünï 数据/out é" "${Q[@]}"
mkdir -p "$S/rep/arr" "$S/rep/cut" && echo '[1, 2]' > "$S/rep/arr/metrics.json" && echo '{"method": "x", "met' > "$S/rep/cut/metrics.json"
probe report-array report "metrics.json holding a list" error 'metrics.json' -- "$MV" report "$S/rep/arr"
probe report-cut report "truncated metrics.json" error 'metrics.json' -- "$MV" report "$S/rep/cut"

# ---- bench and plugins ----
printf 'name: mix\ncells:\n  - {method: ae-kmeans, name: bad, datasets: ["%s"], set: [latent=0]}\n  - {method: kmeans-concat, datasets: ["%s"]}\n' "$G" "$G" > "$S/mix.yaml"
OKCHECK=
SAFECHECK='[[ -n $(python3 -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); print(r[1][\"acc\"] if len(r)==2 and r[0][\"error\"] else \"\")" "$S/res/mix.csv") ]]'
probe bench-bad-cell bench "a cell with latent=0 before a good cell" error 'latent|at least 1' -- "$MV" bench --grid "$S/mix.yaml" --seeds 1 --results "$S/res" -q --threads 1
printf 'name: ../../escaped\ncells:\n  - {method: kmeans-concat, datasets: ["%s"]}\n' "$G" > "$S/trav.yaml"
probe bench-name bench "grid name ../../escaped" error 'grid name' -- "$MV" bench --grid "$S/trav.yaml" --seeds 1 --results "$S/res" -q --threads 1
OKCHECK='grep -q "evil.jar" "$S/log.plugin-garbage.out" "$S/log.plugin-garbage.err"'
probe plugin-garbage plugins "a garbage .jar in --plugins" ok '' -- "$MV" list --plugins "$S/plug"

# ---- summary ----
{
  echo "# Hostile-input probe"
  echo
  echo "\`benchmarks/reliability/probe.sh --limit $LIMIT\`, on a 2-core CPU, no GPU, --threads 1. Inputs are made by the script;"
  echo "SCRATCH is its temporary directory, REPO the repository. Verdicts as in the script's header."
  echo
  echo "| verdict | rows |"
  echo "|---|---|"
  for v in OK clear-error unclear-error unexpected silent-wrong data-lost stack-trace crash hang; do echo "| $v | ${TALLY[$v]:-0} |"; done
  echo "| **total** | **$N** |"
  echo
  echo "| id | area | input | expect | exit | s | verdict | message |"
  echo "|---|---|---|---|---|---|---|---|"
  python3 -c "
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    print('| ' + ' | '.join(r[k].replace('|', '\\\\|') for k in ['id', 'area', 'input', 'expect', 'exit', 'seconds', 'verdict', 'message']) + ' |')
" "$RES/probe.csv"
} > "$RES/probe.md"
echo "wrote $RES/probe.csv and $RES/probe.md" >&2
bad=0
for v in silent-wrong data-lost stack-trace crash hang; do bad=$((bad + ${TALLY[$v]:-0})); done
[[ $bad -eq 0 ]]
