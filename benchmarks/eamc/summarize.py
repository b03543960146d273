#!/usr/bin/env python3
"""Summaries of the EAMC benchmark: mean ± std per method and dataset, paper orderings, learned view weights."""
import csv, glob, json, os, statistics as st, sys

here = os.path.dirname(os.path.abspath(__file__))
res = os.path.join(here, "results")
rows = []
for name in ("eamc.csv", "eamc-ablation.csv"):
    path = os.path.join(res, name)
    if os.path.exists(path):
        rows += list(csv.DictReader(open(path)))

def cell(method, dataset, metric="acc", seeds=None):
    v = [float(r[metric]) for r in rows if r["method"] == method and r["dataset"] == dataset
         and (seeds is None or int(r["seed"]) in seeds)]
    return v

def fmt(v):
    return "–" if not v else f"{st.mean(v):.4f} ± {st.stdev(v):.4f}" if len(v) > 1 else f"{v[0]:.4f}"

out = ["| method | dataset | seeds | ACC | NMI | ARI |", "|---|---|---|---|---|---|"]
for m in ("kmeans-concat", "eamc"):
    for d in ("hw", "bbcsport", "pie"):
        out.append(f"| {m} | {d} | {len(cell(m, d))} | {fmt(cell(m, d))} | {fmt(cell(m, d, 'nmi'))} | {fmt(cell(m, d, 'ari'))} |")
print("\n".join(out) + "\n")

def table(title, variants):
    lines = [title, "", "| variant | " + " | ".join(f"{d} ACC | {d} NMI" for d in ("bbcsport", "pie")) + " |",
             "|---|" + "---|---|" * 2]
    for label, m in variants:
        lines.append(f"| {label} | " + " | ".join(f"{fmt(cell(m, d, 'acc', {0, 1, 2}))} | {fmt(cell(m, d, 'nmi', {0, 1, 2}))}"
                                               for d in ("bbcsport", "pie")) + " |")
    print("\n".join(lines) + "\n")

table("Component study (paper Table 4; seeds 0-2):", [("EAMC", "eamc"), ("EAMC_att (no adversarial)", "eamc-noadv"),
      ("EAMC_adv (no attention)", "eamc-noatt"), ("EAMC_none", "eamc-none")])
table("Loss analysis (paper Table 5; seeds 0-2):", [("D_sc", "eamc-dsc"), ("D_sc + D_sim", "eamc-dsc-dsim"),
      ("D_sc + D_sim + D_reg", "eamc")])

print("Learned view weights (metrics.json report.w, eval mode on all samples), mean over seeds:\n")
for d in ("hw", "bbcsport", "pie"):
    ws = [json.load(open(f))["report"]["w"] for f in sorted(glob.glob(os.path.join(res, "eamc", "eamc", d, "s*", "metrics.json")))]
    if ws:
        mean = [st.mean(c) for c in zip(*ws)]
        print(f"- {d}: " + ", ".join(f"{w:.4f}" for w in mean) + f" ({len(ws)} seeds)")
