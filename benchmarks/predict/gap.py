"""Where a split run's held-back ACC differs from its in-sample ACC: for each run directory given, the in-sample ACC,
the held-back ACC (each matched to the classes by its own Hungarian assignment), the held-back ACC with the clusters
matched to the classes on the training samples instead, and the in-sample labels' mean ACC over 200 random subsets of
the held-back size (each matched on itself: what matching on fewer samples alone adds), and the in-sample ACC per class
weighted by the held-back samples' class counts (what the held-back part's mix of classes alone changes). Needs numpy
and scipy.
Usage: python gap.py RUN_DIR... (directories with labels.csv and held_out_labels.csv)"""
import csv
import os
import sys

import numpy as np
from scipy.optimize import linear_sum_assignment


def read(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return np.array([int(r["cluster"]) for r in rows]), np.array([int(r["class"]) for r in rows])


def mapping(c, y):
    k = max(c.max(), y.max()) + 1
    w = np.zeros((k, k))
    np.add.at(w, (c, y), 1)
    r, t = linear_sum_assignment(-w)
    return dict(zip(r, t))


def acc(c, y, m=None):
    m = m or mapping(c, y)
    return float(np.mean([m.get(a, -1) == b for a, b in zip(c, y)]))


print("run | in-sample ACC | held-back ACC | held-back ACC, matched on the training samples | in-sample ACC on 200 subsets of the held-back size, mean ± std | in-sample ACC weighted to the held-back classes")
for d in sys.argv[1:]:
    c, y = read(os.path.join(d, "labels.csv"))
    hc, hy = read(os.path.join(d, "held_out_labels.csv"))
    rng = np.random.default_rng(0)
    sub = [acc(c[i], y[i]) for i in (rng.choice(len(c), len(hc), replace=False) for _ in range(200))]
    m = mapping(c, y)
    right = np.array([m.get(a, -1) == b for a, b in zip(c, y)])
    per_class = {j: right[y == j].mean() for j in np.unique(y)}
    mixed = np.mean([per_class.get(j, np.nan) for j in hy])
    print("%s | %.4f | %.4f | %.4f | %.4f ± %.4f | %.4f" % (d, acc(c, y), acc(hc, hy), acc(hc, hy, m), np.mean(sub), np.std(sub), mixed))
