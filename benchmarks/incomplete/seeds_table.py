"""Mean ± std over seeds of masked vs mean-imputed ACC/NMI at each rate, from incomplete-seeds.csv. Usage: seeds_table.py CSV"""
import csv
import statistics as st
import sys
from collections import defaultdict

cells = defaultdict(list)
for r in csv.DictReader(open(sys.argv[1])):
    if r.get("error"):
        continue
    preset, variant = r["method"].rsplit(" ", 1)
    data, opts = r["dataset"].split(":", 1)
    rate = opts.split(",")[0].split("=")[1]
    cells[(preset, data, rate, variant)].append((float(r["acc"]), float(r["nmi"]), float(r["clusters_used"] or "nan")))


def fmt(xs, i):
    v = [x[i] for x in xs]
    return f"{st.mean(v):.3f} ± {st.stdev(v):.3f}" if len(v) > 1 else f"{v[0]:.3f}"


print("| preset | dataset | rate | seeds | masked ACC | imputed ACC | masked NMI | imputed NMI | masked ≥ imputed (ACC mean) |")
print("|---|---|---|---|---|---|---|---|---|")
for (p, d, rate, v) in sorted(k for k in cells if k[3] == "masked"):
    m = cells[(p, d, rate, "masked")]
    i = cells.get((p, d, rate, "imputed"))
    if not i:
        print(f"| {p} | {d} | {rate} | {len(m)} | {fmt(m, 0)} | (complete) | {fmt(m, 1)} | | |")
        continue
    better = st.mean(x[0] for x in m) >= st.mean(x[0] for x in i)
    print(f"| {p} | {d} | {rate} | {len(m)}/{len(i)} | {fmt(m, 0)} | {fmt(i, 0)} | {fmt(m, 1)} | {fmt(i, 1)} | {'yes' if better else 'no'} |")
