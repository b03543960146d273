#!/usr/bin/env python3
"""Label-free score of every run of a bench grid: internal.py's kNN agreement (all views of the dataset), and the
number of clusters used; reads only the 'cluster' column of each labels.csv. A dataset directory like hw_views=1_2 scores those views only. Prints one row per run, then the mean per
cell and dataset. Usage: score.py RESULTS_DIR/GRID DATA_DIR"""
import csv
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "dmac"))
import internal  # noqa: E402

FILES = {"hw": "handwritten.mat", "bbcsport": "BBCSport.mat", "pie": "PIE_face_10.mat", "bbc": "BBC4view_685.mat"}


def main():
    root, data = sys.argv[1], sys.argv[2]
    cache, rows = {}, []
    for cell in sorted(os.listdir(root)):
        for ds in sorted(os.listdir(os.path.join(root, cell))):
            if ds not in cache:
                name, _, opt = ds.partition("_views=")
                xs = internal.views(os.path.join(data, FILES[name]))
                if opt:
                    xs = [xs[int(v) - 1] for v in opt.split("_")]
                cache[ds] = [internal.neighbours(x, 10) for x in xs]
            for seed in sorted(os.listdir(os.path.join(root, cell, ds))):
                path = os.path.join(root, cell, ds, seed, "labels.csv")
                if not os.path.exists(path):
                    continue
                with open(path) as f:
                    labels = np.array([int(r["cluster"]) for r in csv.DictReader(f)])
                used = len(np.unique(labels))
                s = 0.0 if used < 2 else float(np.mean([internal.score(nb, labels) for nb in cache[ds]]))
                rows.append((cell, ds, seed, s, used))
                print(f"{cell}\t{ds}\t{seed}\tkNN {s:.4f}\tclusters {used}")
    print("\ncell\tdataset\truns\tmean kNN\tmean clusters")
    for key in sorted({(r[0], r[1]) for r in rows}):
        sel = [r for r in rows if (r[0], r[1]) == key]
        print(f"{key[0]}\t{key[1]}\t{len(sel)}\t{np.mean([r[3] for r in sel]):.4f}\t{np.mean([r[4] for r in sel]):.1f}")


if __name__ == "__main__":
    main()
