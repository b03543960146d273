"""A fill rule's label-free choice per dataset (rule-linear.md, rule-dmac.md, rule-dmac-2.md: mean NMI with the
missingness pattern over seeds 0-2, labels unread), then ACC/NMI of the current rule, view_mean and mean imputation.
Usage: choice.py PRESET CURRENT RESULTS_CSV PATTERN_CSV [--seeds SEEDS_CSV] [--datasets hw,cub] [--more CSV]...
[--gate RUNS_DIR]... (--more: further rows, e.g. the current rule's from another grid)
RESULTS_CSV holds the cells 'PRESET masked' (the current rule, named CURRENT here), 'PRESET view_mean' and, if run there,
'PRESET imputed'; SEEDS_CSV (../incomplete-seeds.csv) gives imputed rows otherwise, and its 'PRESET masked' rows are
compared with the rerun. --gate: a rule is eligible on a dataset only if none of its runs (RUNS_DIR/.../metrics.json)
collapsed as run health defines it (clusters used < k/2, or k^size_entropy < k/2)."""
import argparse
import csv
import json
import pathlib
import re
import statistics as st

ap = argparse.ArgumentParser()
ap.add_argument("preset"); ap.add_argument("current"); ap.add_argument("results"); ap.add_argument("patterns")
ap.add_argument("--seeds"); ap.add_argument("--datasets", default="hw,cub")
ap.add_argument("--more", action="append", default=[]); ap.add_argument("--gate", action="append")
a = ap.parse_args()
datasets = a.datasets.split(",")
pat = {}
for r in csv.DictReader(open(a.patterns)):
    m = re.search(re.escape(a.preset) + r"_(masked|view_mean)/([\w-]+?)_[^/]*/s(\d+)$", r["run"])
    if m and int(m[3]) <= 2:
        pat.setdefault((m[1], m[2]), []).append(float(r["nmi_pattern"]))


def collapsed(variant, d):
    """The seeds whose run collapsed (run health's two conditions), from the runs' metrics.json."""
    out = []
    for f in sorted(x for g in a.gate for x in pathlib.Path(g).glob(f"{a.preset}_{variant}/{d}_*/s*/metrics.json")
                    if re.fullmatch(r"[\w-]+?_(missing=0\.5.*|(?!.*missing=).*)", x.parent.parent.name)):
        j = json.loads(f.read_text())
        k, h = j["clusters"], j["health"]
        if 2 * h["clusters_used"] < k or k ** h["size_entropy"] < k / 2 - 1e-9:
            out.append(f.parent.name)
    return out


def rows(f, variant, d):
    files = [] if f is None else [f] + (a.more if f == a.results else [])
    return {int(r["seed"]): (float(r["acc"]), float(r["nmi"])) for g in files for r in csv.DictReader(open(g))
            if r["method"] == a.preset + " " + variant and r["dataset"].split(":")[0] == d
            and ("missing=0.5" in r["dataset"] or "missing=" not in r["dataset"]) and int(r["seed"]) <= 2}


def fmt(xs, i):
    v = [x[i] for x in xs.values()]
    return "–" if not v else f"{st.mean(v):.3f} ± {st.stdev(v):.3f} ({len(v)})" if len(v) > 1 else f"{v[0]:.3f} (1)"


gate = " | collapsed runs, " + a.current + " / view_mean" if a.gate else ""
print(f"| dataset | pattern NMI, {a.current} (seeds) | pattern NMI, view_mean (seeds){gate} | choice |")
print("|---|---|---|" + ("---|" if a.gate else "") + "---|")
choice = {}
for d in datasets:
    x, y = pat.get(("masked", d), []), pat.get(("view_mean", d), [])
    if not x or not y:
        print(f"| {d} | ({len(x)}) | ({len(y)}) |" + (" |" if a.gate else "") + " not run |")
        continue
    mx, my = round(st.mean(x), 3), round(st.mean(y), 3)
    healthy = {"masked": True, "view_mean": True}
    cell = ""
    if a.gate:
        bad = {v: collapsed(v, d) for v in healthy}
        healthy = {v: not bad[v] for v in healthy}
        cell = f" {', '.join(bad['masked']) or 'none'} / {', '.join(bad['view_mean']) or 'none'} |"
    if healthy["masked"] and healthy["view_mean"]:
        choice[d] = "view_mean" if my < mx else a.current
    else:
        choice[d] = "view_mean" if healthy["view_mean"] else a.current
    print(f"| {d} | {mx:.3f} ({len(x)}) | {my:.3f} ({len(y)}) |{cell} {choice[d]} |")
both = len(choice) == len(datasets) and set(choice.values()) == {"view_mean"}
print(f"\n{a.preset}'s default: {'view_mean' if both else a.current} (view_mean only if chosen on every dataset).\n")
print(f"| dataset | {a.current} ACC / NMI | view_mean ACC / NMI | mean-imputed ACC / NMI | {a.current} rerun = {a.seeds or '–'} |")
print("|---|---|---|---|---|")
for d in datasets:
    cur, vm = rows(a.results, "masked", d), rows(a.results, "view_mean", d)
    old = rows(a.seeds, "masked", d)
    imp = rows(a.results, "imputed", d) or rows(a.seeds, "imputed", d)
    if not cur or not vm:
        continue
    diff = [f"seed {s} {cur[s][0]:.4f} vs {old[s][0]:.4f}" for s in cur if s in old and abs(cur[s][0] - old[s][0]) > 1e-6]
    same = "–" if not old else "yes" if not diff else "no: " + ", ".join(diff)
    print(f"| {d} | {fmt(cur, 0)} / {fmt(cur, 1)} | {fmt(vm, 0)} / {fmt(vm, 1)} | {fmt(imp, 0)} / {fmt(imp, 1)} | {same} |")
