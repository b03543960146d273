#!/usr/bin/env python3
"""Per run of a bench grid: ACC/NMI after the first iteration, at the last one, and the best over the iterations.
The best is chosen with the labels, as the authors' code reports it; it is printed for comparison, never used to pick
anything. Usage: curves.py RESULTS_DIR/GRID > FILE.csv"""
import csv
import os
import sys


def main():
    root = sys.argv[1]
    out = csv.writer(sys.stdout)
    out.writerow(["cell", "dataset", "seed", "acc_first", "nmi_first", "acc_last", "nmi_last",
                  "acc_best", "acc_best_iter", "nmi_best", "nmi_best_iter", "sp_first", "sp_last"])
    for cell in sorted(os.listdir(root)):
        for ds in sorted(os.listdir(os.path.join(root, cell))):
            for seed in sorted(os.listdir(os.path.join(root, cell, ds))):
                path = os.path.join(root, cell, ds, seed, "history.csv")
                if not os.path.exists(path):
                    continue
                with open(path) as f:
                    rows = [r for r in csv.DictReader(f) if r["acc"] and "pretrain" not in r["phase"]]
                acc = [float(r["acc"]) for r in rows]
                nmi = [float(r["nmi"]) for r in rows]
                ia, im = max(range(len(acc)), key=acc.__getitem__), max(range(len(nmi)), key=nmi.__getitem__)
                out.writerow([cell, ds, seed.lstrip("s"), acc[0], nmi[0], acc[-1], nmi[-1], acc[ia], ia + 1, nmi[im], im + 1,
                              rows[0].get("sp", ""), rows[-1].get("sp", "")])


if __name__ == "__main__":
    main()
