#!/usr/bin/env python3
"""Label-free check of a clustering against each view's own neighbourhoods: for every view (rows l2-normalised, as
DMAC preprocesses), the share of each sample's k nearest neighbours (cosine) that fall in its predicted cluster,
adjusted for chance: (agree - e) / (1 - e) with e = sum_c (n_c / n)^2, averaged over the views. Reads only the
'cluster' column of labels.csv files (never the class column).
Usage: internal.py [--views 2,3,1] DATASET_FILE.mat LABELS.csv [LABELS.csv ...]
  (bbc: BBC4view_685.mat, pie: PIE_face_10.mat; --views picks views by 1-based position, as the dataset option does:
  BMvC's HW is handwritten.mat with --views 2,3,1)"""
import csv
import sys

import numpy as np
import scipy.io


def raw_views(path):
    """The views of a benchmark .mat file (cell X, labels Y or gt) as dense float64 arrays, samples as rows, and the
    labels as stored."""
    m = scipy.io.loadmat(path)
    xs = [m["X"][0, i] for i in range(m["X"].shape[1])] if m["X"].shape[0] == 1 else [m["X"][i, 0] for i in range(m["X"].shape[0])]
    xs = [np.asarray(x.todense() if hasattr(x, "todense") else x, dtype=np.float64) for x in xs]
    label = np.asarray(m["Y"] if "Y" in m else m["gt"]).ravel()
    return [x if x.shape[0] == label.size else x.T for x in xs], label


def views(path):
    xs, _ = raw_views(path)
    return [x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12) for x in xs]


def neighbours(x, k):
    sim = x @ x.T
    np.fill_diagonal(sim, -np.inf)
    return np.argsort(-sim, axis=1)[:, :k]


def score(nbrs, labels):
    agree = np.mean(labels[nbrs] == labels[:, None])
    sizes = np.bincount(labels) / labels.size
    e = np.sum(sizes ** 2)
    return (agree - e) / (1 - e)


def main():
    args = sys.argv[1:]
    pick = None
    if args[0] == "--views":
        pick = [int(v) - 1 for v in args[1].split(",")]
        args = args[2:]
    xs = views(args[0])
    if pick is not None:
        xs = [xs[i] for i in pick]
    nbrs = [neighbours(x, 10) for x in xs]
    for path in args[1:]:
        with open(path) as f:
            labels = np.array([int(r["cluster"]) for r in csv.DictReader(f)])
        per = [score(nb, labels) for nb in nbrs]
        print(f"{path}\t{np.mean(per):.4f}\t" + " ".join(f"{p:.3f}" for p in per))


if __name__ == "__main__":
    main()
