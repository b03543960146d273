"""Each preset as it masks now against mean imputation, ACC/NMI mean ± std over training seeds, per dataset and rate.

"masked" is the preset's default: for ae-kmeans, ddc and comvc (absent: view_mean since fill/rule.md) the rows of
fill/fill.csv ("PRESET view_mean") at rate 0.5 and of incomplete-rates.csv ("PRESET masked") at the other rates; for the
others the "PRESET masked" rows of incomplete-seeds.csv. Imputed: the "PRESET imputed" rows of those files.
Usage: summary.py (from anywhere; reads the CSVs beside it)."""
import csv
import pathlib
import statistics as st
from collections import defaultdict

here = pathlib.Path(__file__).parent
FILLED = {"ae-kmeans", "ddc", "comvc"}
cells = defaultdict(list)


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
        if rate == "0" or not keep(preset, variant, rate):
            continue
        v = "masked" if variant in ("masked", "view_mean") else variant
        cells[(preset, data, rate, v)].append((float(r["acc"]), float(r["nmi"])))


read("incomplete-seeds.csv", lambda p, v, r: v == "imputed" or p not in FILLED)
read("fill/fill.csv", lambda p, v, r: True)
for f in sorted(here.glob("incomplete-rates*.csv")):
    read(f.name, lambda p, v, r: True)


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
