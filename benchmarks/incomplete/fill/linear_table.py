"""rule-linear.md's choice per dataset (mean NMI with the missingness pattern, labels unread), then ACC/NMI of bmvc's
current rule (rescale), view_mean and mean imputation at rate 0.5, and whether the rerun current rule reproduces
../incomplete-seeds.csv. Reads fill-linear.csv, pattern-linear.csv and ../incomplete-seeds.csv."""
import csv
import pathlib
import re
import statistics as st

here = pathlib.Path(__file__).parent
pat = {}
for r in csv.DictReader(open(here / "pattern-linear.csv")):
    m = re.search(r"bmvc_(masked|view_mean)/(\w+)_missing=0\.5/s(\d+)$", r["run"])
    if m and int(m[3]) <= 2:
        pat.setdefault((m[1], m[2]), []).append(float(r["nmi_pattern"]))


def rows(f, variant, d):
    return {int(r["seed"]): (float(r["acc"]), float(r["nmi"])) for r in csv.DictReader(open(f))
            if r["method"] == "bmvc " + variant and r["dataset"].startswith(d + ":missing=0.5") and int(r["seed"]) <= 2}


def fmt(xs, i):
    v = [x[i] for x in xs.values()]
    return f"{st.mean(v):.3f} ± {st.stdev(v):.3f} ({len(v)})" if len(v) > 1 else f"{v[0]:.3f} (1)"


print("| dataset | pattern NMI, rescale (seeds) | pattern NMI, view_mean (seeds) | choice |")
print("|---|---|---|---|")
choice = {}
for d in ["hw", "cub"]:
    a, b = pat.get(("masked", d), []), pat.get(("view_mean", d), [])
    if not a or not b:
        print(f"| {d} | ({len(a)}) | ({len(b)}) | not run |")
        continue
    ma, mb = round(st.mean(a), 3), round(st.mean(b), 3)
    choice[d] = "view_mean" if mb < ma else "rescale"
    print(f"| {d} | {ma:.3f} ({len(a)}) | {mb:.3f} ({len(b)}) | {choice[d]} |")
both = len(choice) == 2 and set(choice.values()) == {"view_mean"}
print(f"\nbmvc's default: {'view_mean' if both else 'rescale'} (view_mean only if chosen on both datasets).\n")
print("| dataset | rescale ACC / NMI | view_mean ACC / NMI | mean-imputed ACC / NMI | rescale rerun = incomplete-seeds.csv |")
print("|---|---|---|---|---|")
seeds = here.parent / "incomplete-seeds.csv"
for d in ["hw", "cub"]:
    cur, vm = rows(here / "fill-linear.csv", "masked", d), rows(here / "fill-linear.csv", "view_mean", d)
    old, imp = rows(seeds, "masked", d), rows(seeds, "imputed", d)
    if not cur or not vm:
        continue
    same = all(abs(cur[s][0] - old[s][0]) < 1e-6 for s in cur if s in old)
    print(f"| {d} | {fmt(cur, 0)} / {fmt(cur, 1)} | {fmt(vm, 0)} / {fmt(vm, 1)} | {fmt(imp, 0)} / {fmt(imp, 1)} | "
          f"{'yes' if same else 'no: ' + ', '.join(f'seed {s} {cur[s][0]:.4f} vs {old[s][0]:.4f}' for s in cur if s in old)} |")
