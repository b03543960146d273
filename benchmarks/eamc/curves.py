#!/usr/bin/env python3
"""Accuracy against epochs for benchmarks/eamc/edge-mnist.sh: reads each run's history.csv (ours: DIR/CONFIG-eE-sS)
and the reference's curve CSVs (reference/curve-*.csv), writes DIR/curves.csv, DIR/summary.md and DIR/curves.svg.
Usage: curves.py DIR"""
import csv
import glob
import json
import os
import re
import statistics
import sys

out = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
rows = []
for d in sorted(glob.glob(os.path.join(out, "*-e*-s*"))):
    m = re.fullmatch(r"(.+)-e(\d+)-s(\d+)", os.path.basename(d))
    if not m or not os.path.exists(os.path.join(d, "history.csv")):
        continue
    with open(os.path.join(d, "history.csv")) as f:
        for r in csv.DictReader(f):
            if r.get("acc"):
                rows.append(dict(source="mvclust", config=m[1], epochs=int(m[2]), seed=int(m[3]),
                                 epoch=int(r["epoch"]), acc=float(r["acc"]), nmi=float(r["nmi"]),
                                 seconds=float(r["seconds"])))
for p in sorted(glob.glob(os.path.join(here, "reference", "curve-*.csv"))):
    with open(p) as f:
        for r in csv.DictReader(f):
            rows.append(dict(source="reference", config=r["method"] + "/" + r["dataset"], epochs=None,
                             seed=int(r["seed"]), epoch=int(r["epoch"]), acc=float(r["acc"]), nmi=float(r["nmi"]),
                             seconds=float(r["seconds"])))

with open(os.path.join(out, "curves.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["source", "config", "seed", "epoch", "acc", "nmi", "seconds"])
    w.writeheader()
    for r in rows:
        w.writerow({k: r[k] for k in w.fieldnames})

series = {}
for r in rows:
    series.setdefault((r["source"], r["config"]), {}).setdefault(r["seed"], []).append(r)
marks = [1, 2, 5, 10, 20, 50, 100, 200, 500]
lines = ["| source | config | seeds | last epoch | ACC at epoch " + " / ".join(map(str, marks)) +
         " | final ACC (mean ± sd) | final NMI | s / epoch |", "|---|---|---|---|---|---|---|---|"]
for (src, cfg), by_seed in sorted(series.items()):
    last = min(max(r["epoch"] for r in v) for v in by_seed.values())
    finals = [max(v, key=lambda r: r["epoch"]) for v in by_seed.values()]
    at = []
    for e in marks:
        vals = [r["acc"] for v in by_seed.values() for r in v if r["epoch"] == e]
        at.append(f"{statistics.mean(vals):.3f}" if vals else "–")
    sd = lambda xs: f" ± {statistics.stdev(xs):.3f}" if len(xs) > 1 else ""
    accs, nmis = [r["acc"] for r in finals], [r["nmi"] for r in finals]
    spe = statistics.mean(r["seconds"] / r["epoch"] for r in finals) if src == "reference" else \
        statistics.mean(statistics.mean(r["seconds"] for r in v) for v in by_seed.values())
    lines.append(f"| {src} | {cfg} | {len(by_seed)} | {last} | " + " / ".join(at) +
                 f" | {statistics.mean(accs):.4f}{sd(accs)} | {statistics.mean(nmis):.4f}{sd(nmis)} | {spe:.1f} |")
with open(os.path.join(out, "summary.md"), "w") as f:
    f.write("\n".join(lines) + "\n")

# A plain SVG: mean ACC over seeds against epoch, one line per (source, config).
W, H, L, B = 640, 360, 50, 30
emax = max((r["epoch"] for r in rows), default=1)
colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<line x1="{L}" y1="{H-B}" x2="{W-10}" y2="{H-B}" stroke="black"/><line x1="{L}" y1="10" x2="{L}" y2="{H-B}" stroke="black"/>',
       f'<text x="{W/2}" y="{H-5}" text-anchor="middle">epoch</text>',
       f'<text x="12" y="{H/2}" transform="rotate(-90 12 {H/2})" text-anchor="middle">ACC (mean over seeds)</text>']
for t in [0, 0.2, 0.4, 0.6, 0.8, 1.0]:
    y = H - B - t * (H - B - 10)
    svg.append(f'<text x="{L-5}" y="{y+4}" text-anchor="end">{t:.1f}</text>'
               f'<line x1="{L}" y1="{y}" x2="{W-10}" y2="{y}" stroke="#ddd"/>')
for i, ((src, cfg), by_seed) in enumerate(sorted(series.items())):
    ep = sorted({r["epoch"] for v in by_seed.values() for r in v})
    pts = []
    for e in ep:
        vals = [r["acc"] for v in by_seed.values() for r in v if r["epoch"] == e]
        pts.append(f'{L + (e / emax) * (W - 10 - L):.1f},{H - B - statistics.mean(vals) * (H - B - 10):.1f}')
    c = colors[i % len(colors)]
    svg.append(f'<polyline fill="none" stroke="{c}" stroke-width="1.5" points="{" ".join(pts)}"/>')
    svg.append(f'<text x="{L+10}" y="{20 + 14*i}" fill="{c}">{src}: {cfg}</text>')
svg.append(f'<text x="{W-10}" y="{H-B+14}" text-anchor="end">{emax}</text></svg>')
with open(os.path.join(out, "curves.svg"), "w") as f:
    f.write("\n".join(svg) + "\n")
print(open(os.path.join(out, "summary.md")).read())
