#!/usr/bin/env python3
"""The standing table: mean ± std ACC/NMI per preset and dataset from results/DATASET.csv, k-means beside it.
usage: table.py RESULTS_DIR > RESULTS_DIR/table.md"""
import csv, os, statistics, sys

res = sys.argv[1]
order = ["cub", "mnist-usps", "hdigit"]
rows = {}
for ds in order:
    path = os.path.join(res, ds + ".csv")
    if not os.path.exists(path):
        continue
    for r in csv.DictReader(open(path)):
        if r.get("error"):
            continue
        rows.setdefault(ds, {}).setdefault(r["method"], []).append(r)


def ms(vals):
    return f"{statistics.mean(vals):.3f}" + (f" ± {statistics.stdev(vals):.3f}" if len(vals) > 1 else "")


print("| dataset | preset | seeds | ACC | NMI | clusters used | ACC − k-means | health: kNN agreement | s/run |")
print("|---|---|---|---|---|---|---|---|---|")
for ds in order:
    if ds not in rows:
        continue
    km = statistics.mean(float(r["acc"]) for r in rows[ds].get("kmeans-concat", [])) if "kmeans-concat" in rows[ds] else None
    for m, rs in rows[ds].items():
        acc = [float(r["acc"]) for r in rs]
        nmi = [float(r["nmi"]) for r in rs]
        used = "/".join(r["clusters_used"] for r in rs)
        d = "" if km is None or m == "kmeans-concat" else f"{statistics.mean(acc) - km:+.3f}" + (
            " **below by > 5 points**" if statistics.mean(acc) - km < -0.05 else "")
        knn = ms([float(r["knn_agreement"]) for r in rs]) if all(r["knn_agreement"] for r in rs) else ""
        secs = statistics.mean(float(r["train_seconds"]) for r in rs)
        print(f"| {ds} | {m} | {len(rs)} | {ms(acc)} | {ms(nmi)} | {used} | {d} | {knn} | {secs:.0f} |")
