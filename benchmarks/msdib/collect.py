"""Joins the bench grids of run.sh (RESULTS/<dataset>/<setting>.csv) into one CSV and prints mean ± std per cell."""
import csv
import statistics
import sys
from pathlib import Path

SETTINGS = ["kmeans", "ddc", "ddc-ic", "ddc-ip", "full"]
results, out = Path(sys.argv[1]), Path(sys.argv[2])
rows = []


def clusters_used(run_dir, seed):
    """How many distinct clusters the read-out uses (a label-free collapse check)."""
    for f in run_dir.glob(f"*/*/s{seed}/labels.csv"):
        return len({r["cluster"] for r in csv.DictReader(f.open())})
    return ""


for s in SETTINGS:
    for f in sorted(results.glob(f"*/{s}.csv")):
        for r in csv.DictReader(f.open()):
            rows.append({"setting": s, "dataset": r["dataset"], "seed": r["seed"], "acc": r["acc"], "nmi": r["nmi"],
                         "ari": r["ari"], "clusters_used": clusters_used(f.parent / s, r["seed"]),
                         "final_loss": r["final_loss"], "train_seconds": r["train_seconds"]})
with out.open("w", newline="") as fh:
    w = csv.DictWriter(fh, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
cells = {}
for r in rows:
    cells.setdefault((r["dataset"], r["setting"]), []).append(r)
print("| dataset | setting | runs | ACC mean ± std | NMI mean ± std | clusters used | run with lowest final loss: ACC / NMI |")
print("|---|---|---|---|---|---|---|")
for (d, s), rs in sorted(cells.items(), key=lambda kv: (kv[0][0], SETTINGS.index(kv[0][1]))):
    acc = [float(r["acc"]) * 100 for r in rs]
    nmi = [float(r["nmi"]) * 100 for r in rs]
    sd = lambda v: statistics.stdev(v) if len(v) > 1 else 0.0
    losses = [float(r["final_loss"]) if r["final_loss"] not in ("", None) else float("inf") for r in rs]
    best = rs[losses.index(min(losses))]
    pick = "—" if s == "kmeans" else f"{float(best['acc']) * 100:.1f} / {float(best['nmi']) * 100:.1f}"
    used = "/".join(str(r["clusters_used"]) for r in rs)
    print(f"| {d} | {s} | {len(rs)} | {statistics.mean(acc):.1f} ± {sd(acc):.1f} | {statistics.mean(nmi):.1f} ± {sd(nmi):.1f} | {used} | {pick} |")
