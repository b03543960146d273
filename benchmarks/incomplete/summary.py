"""Each preset as it masks now against mean imputation, ACC/NMI mean ± std over training seeds, per dataset and rate.

"masked" is the preset's default: for ae-kmeans, ddc and comvc (absent: view_mean since fill/rule.md) the rows of
fill/fill.csv ("PRESET view_mean") at rate 0.5 and of incomplete-rates.csv ("PRESET masked") at the other rates; for
dmac (masked since fill/rule-dmac.md) fill/fill-dmac.csv's "dmac masked" and "dmac imputed" rows at 0.5 and
incomplete-rates-dmac.csv's at the others; for the others the "PRESET masked" rows of incomplete-seeds.csv and
incomplete-rates*.csv and incomplete-others.csv (simvc at 0.5: fill/fill-others.csv's view_mean rows, its default since
fill/rule-others.md). Imputed: the "PRESET imputed" rows of those files.
Usage: summary.py [--csv FILE] (from anywhere; reads the CSVs beside it; --csv also writes every row the table uses,
the fill rows renamed "PRESET masked" and the complete runs at rate 0 included, for `mvclust report`)."""
import csv
import pathlib
import statistics as st
import sys
from collections import defaultdict

here = pathlib.Path(__file__).parent
FILLED = {"ae-kmeans", "ddc", "comvc"}
OTHERS_FILLED = {"simvc"}  # fill/rule-others.md
cells = defaultdict(list)
used = []


def read(name, keep):
    f = here / name
    if not f.exists():
        return
    for r in csv.DictReader(open(f)):
        if r.get("error"):
            continue
        preset, variant = r["method"].rsplit(" ", 1)
        data, opts = r["dataset"].split(":", 1)
        rate = opts.split(",")[0].split("=")[1]
        if not keep(preset, variant, rate):
            continue
        v = "masked" if variant in ("masked", "view_mean") else variant
        used.append(dict(r, method=f"{preset} {v}"))
        if rate != "0":
            cells[(preset, data, rate, v)].append((float(r["acc"]), float(r["nmi"])))


read("incomplete-seeds.csv", lambda p, v, r: v == "imputed" or p not in FILLED or r == "0")
read("fill/fill.csv", lambda p, v, r: True)
read("fill/fill-dmac.csv", lambda p, v, r: v in ("masked", "imputed"))
for f in sorted(here.glob("incomplete-rates*.csv")):
    read(f.name, lambda p, v, r: True)
read("incomplete-others.csv", lambda p, v, r: not (p in OTHERS_FILLED and v == "masked" and r == "0.5"))
read("fill/fill-others.csv", lambda p, v, r: p in OTHERS_FILLED)
if "--csv" in sys.argv:
    with open(sys.argv[sys.argv.index("--csv") + 1], "w", newline="") as out:
        w = csv.DictWriter(out, fieldnames=list(used[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(used)


def fmt(xs, i):
    v = [x[i] for x in xs]
    return f"{st.mean(v):.3f} ± {st.stdev(v):.3f}" if len(v) > 1 else f"{v[0]:.3f}"


print("| preset | dataset | rate | seeds (masked / imputed) | masked ACC | imputed ACC | masked NMI | imputed NMI | masked ≥ imputed (ACC) |")
print("|---|---|---|---|---|---|---|---|---|")
wins = total = 0
for (p, d, rate, v) in sorted(k for k in cells if k[3] == "masked"):
    m, i = cells[(p, d, rate, "masked")], cells.get((p, d, rate, "imputed"), [])
    if not i:
        continue
    ok = st.mean(x[0] for x in m) >= st.mean(x[0] for x in i)
    if rate == "0.5":
        wins, total = wins + ok, total + 1
    print(f"| {p} | {d} | {rate} | {len(m)} / {len(i)} | {fmt(m, 0)} | {fmt(i, 0)} | {fmt(m, 1)} | {fmt(i, 1)} | {'yes' if ok else '**no**'} |")
print(f"\nAt rate 0.5: masked ≥ imputed (mean ACC) in {wins} of {total} preset × dataset cells.")
