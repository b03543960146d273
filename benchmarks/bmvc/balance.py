#!/usr/bin/env python3
"""Per-view gradient balance of the bmvc runs: for every run under results/bmvc/<cell>/<dataset>/s<seed>/history.csv,
the ratio max/min over views of the encoders' gradient norms ||dL/d eta^v|| (columns grad_norm.enc_v), summarised per
run over all epochs and over the first 300. Writes results/balance.csv and prints it."""
import csv, glob, os, statistics, sys

here = os.path.dirname(os.path.abspath(__file__))
rows = []
for path in sorted(glob.glob(os.path.join(here, "results", "bmvc", "*", "*", "s*", "history.csv"))):
    parts = path.split(os.sep)
    cell, dataset, seed = parts[-4], parts[-3], parts[-2][1:]
    with open(path) as f:
        hist = list(csv.DictReader(f))
    cols = sorted(c for c in hist[0] if c.startswith("grad_norm.enc_"))
    ratios = []
    for r in hist:
        v = [float(r[c]) for c in cols if r[c]]
        if len(v) == len(cols) and min(v) > 0:
            ratios.append(max(v) / min(v))
    means = [statistics.fmean(float(r[c]) for r in hist if r[c]) for c in cols]
    rows.append({"cell": cell, "dataset": dataset, "seed": seed, "epochs": len(hist),
                 "ratio_median": round(statistics.median(ratios), 4),
                 "ratio_mean": round(statistics.fmean(ratios), 4),
                 "ratio_median_first300": round(statistics.median(ratios[:300]), 4),
                 **{"mean_" + c[len("grad_norm."):]: f"{m:.4g}" for c, m in zip(cols, means)}})
if not rows:
    sys.exit("no runs with grad_norm columns found")
out = os.path.join(here, "results", "balance.csv")
keys = list(dict.fromkeys(k for r in rows for k in r))
with open(out, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=keys)
    w.writeheader()
    w.writerows(rows)
print(open(out).read(), end="")
