"""Default vs tuned ACC per preset and dataset from results/PRESET-DATASET/candidates.csv, beside k-means.

The default is candidate 0 (each grid lists the preset's default value first); the tuned one is the candidate the
label-free rule selected. ACC is read here, for the table only. Usage: table.py RESULTS_DIR
"""
import csv
import os
import sys

res = sys.argv[1]
km = {}
for name in sorted(os.listdir(res)):
    if name.startswith("kmeans") and name.endswith(".csv"):
        for r in csv.DictReader(open(os.path.join(res, name))):
            if not r.get("error"):
                km.setdefault(r["dataset"], []).append(float(r["acc"]))
rows = []
for name in sorted(os.listdir(res)):
    f = os.path.join(res, name, "candidates.csv")
    if not os.path.isfile(f):
        continue
    c = list(csv.DictReader(open(f)))
    preset, dataset = name.split("-", 1)
    chosen = [r for r in c if r["selected"] == "1"]
    if not chosen or len(c) < 2:
        continue
    keys = list(c[0].keys())
    setting = " ".join(f"{k}={chosen[0][k]}" for k in keys[1:keys.index("seeds")])
    k = sum(km[dataset]) / len(km[dataset]) if dataset in km else float("nan")
    rows.append((dataset, preset, float(c[0]["acc"]), float(chosen[0]["acc"]), setting, int(chosen[0]["candidate"]), k))
print("| dataset | preset | default ACC | tuned ACC | chosen (label-free) | k-means ACC | tuned − k-means |")
print("|---|---|---|---|---|---|---|")
for d, p, a, b, s, i, k in sorted(rows, key=lambda r: (["bbcsport", "pie", "cub", "hw", "mnist-usps"].index(r[0]) if r[0] in ["bbcsport", "pie", "cub", "hw", "mnist-usps"] else 9, r[1])):
    gap = b - k
    print(f"| {d} | {p} | {a:.3f} | {b:.3f} | {s}{' (default)' if i == 0 else ''} | {k:.3f} | {gap:+.3f}{' **below by > 5 points**' if gap < -0.05 else ''} |")
better = sum(1 for r in rows if r[3] >= r[2])
print(f"\nTuned ≥ default on {better} of {len(rows)} cells; tuned more than 5 points below k-means on "
      f"{sum(1 for r in rows if r[3] - r[6] < -0.05)} of {len(rows)}.")
