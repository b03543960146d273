"""A fill rule's label-free choice per dataset (rule-linear.md, rule-dmac.md: mean NMI with the missingness pattern over
seeds 0-2, labels unread), then ACC/NMI of the current rule, view_mean and mean imputation at rate 0.5.
Usage: choice.py PRESET CURRENT RESULTS_CSV PATTERN_CSV [SEEDS_CSV]. RESULTS_CSV holds the cells 'PRESET masked'
(the current rule, named CURRENT in the table), 'PRESET view_mean' and, if run there, 'PRESET imputed'; SEEDS_CSV
(../incomplete-seeds.csv) gives the imputed rows otherwise, and its 'PRESET masked' rows are compared with the rerun."""
import csv
import re
import statistics as st
import sys

preset, current, results, patterns = sys.argv[1:5]
seeds = sys.argv[5] if len(sys.argv) > 5 else None
pat = {}
for r in csv.DictReader(open(patterns)):
    m = re.search(re.escape(preset) + r"_(masked|view_mean)/(\w+)_missing=0\.5/s(\d+)$", r["run"])
    if m and int(m[3]) <= 2:
        pat.setdefault((m[1], m[2]), []).append(float(r["nmi_pattern"]))


def rows(f, variant, d):
    if f is None:
        return {}
    return {int(r["seed"]): (float(r["acc"]), float(r["nmi"])) for r in csv.DictReader(open(f))
            if r["method"] == preset + " " + variant and r["dataset"].startswith(d + ":missing=0.5") and int(r["seed"]) <= 2}


def fmt(xs, i):
    v = [x[i] for x in xs.values()]
    return "–" if not v else f"{st.mean(v):.3f} ± {st.stdev(v):.3f} ({len(v)})" if len(v) > 1 else f"{v[0]:.3f} (1)"


print(f"| dataset | pattern NMI, {current} (seeds) | pattern NMI, view_mean (seeds) | choice |")
print("|---|---|---|---|")
choice = {}
for d in ["hw", "cub"]:
    a, b = pat.get(("masked", d), []), pat.get(("view_mean", d), [])
    if not a or not b:
        print(f"| {d} | ({len(a)}) | ({len(b)}) | not run |")
        continue
    ma, mb = round(st.mean(a), 3), round(st.mean(b), 3)
    choice[d] = "view_mean" if mb < ma else current
    print(f"| {d} | {ma:.3f} ({len(a)}) | {mb:.3f} ({len(b)}) | {choice[d]} |")
both = len(choice) == 2 and set(choice.values()) == {"view_mean"}
print(f"\n{preset}'s default: {'view_mean' if both else current} (view_mean only if chosen on both datasets).\n")
print(f"| dataset | {current} ACC / NMI | view_mean ACC / NMI | mean-imputed ACC / NMI | {current} rerun = {seeds or '–'} |")
print("|---|---|---|---|---|")
for d in ["hw", "cub"]:
    cur, vm = rows(results, "masked", d), rows(results, "view_mean", d)
    old = rows(seeds, "masked", d)
    imp = rows(results, "imputed", d) or rows(seeds, "imputed", d)
    if not cur or not vm:
        continue
    diff = [f"seed {s} {cur[s][0]:.4f} vs {old[s][0]:.4f}" for s in cur if s in old and abs(cur[s][0] - old[s][0]) > 1e-6]
    same = "–" if not old else "yes" if not diff else "no: " + ", ".join(diff)
    print(f"| {d} | {fmt(cur, 0)} / {fmt(cur, 1)} | {fmt(vm, 0)} / {fmt(vm, 1)} | {fmt(imp, 0)} / {fmt(imp, 1)} | {same} |")
