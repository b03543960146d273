"""The gap statistic on hw computed independently with scikit-learn, to tell the statistic's behaviour from our code's.

Same recipe as `GapStatistic` (rule-3.md): min-max scaled views side by side, k-means with 3 restarts, 10 reference
sets uniform over each column's range, Gap(k) = mean log W*_kb - log W_k, s_k = sd * sqrt(1 + 1/B); different random
streams, so values agree to about the references' spread, not exactly.
Usage: python gap_check.py [--data-dir DIR] > results/gap-check-hw.txt (DIR default $MVCLUST_DATA, else
../shared/datasets relative to the repository root).
"""
import argparse
import os
import pathlib

import numpy as np
import scipy.io as sio
from sklearn.cluster import KMeans

root = pathlib.Path(__file__).resolve().parents[3]
p = argparse.ArgumentParser()
p.add_argument("--data-dir", default=os.environ.get("MVCLUST_DATA", str(root / ".." / "shared" / "datasets")))
args = p.parse_args()
X = sio.loadmat(pathlib.Path(args.data_dir) / "handwritten.mat")["X"]
views = [np.asarray(v, dtype=np.float64) for v in X.ravel()]


def minmax(v):
    lo, hi = v.min(0), v.max(0)
    return (v - lo) / np.where(hi > lo, hi - lo, 1)


x = np.hstack([minmax(v) for v in views]).astype(np.float32).astype(np.float64)
rng = np.random.default_rng(0)
B = 10
refs = [rng.uniform(x.min(0), x.max(0), size=x.shape) for _ in range(B)]
rows = []
print(f"hw: {x.shape[0]} samples x {x.shape[1]} columns; scikit-learn KMeans(n_init=3)")
print("k,log_w,gap,gap_error")
for k in range(2, 21):
    lw = np.log(KMeans(k, n_init=3, random_state=0).fit(x).inertia_)
    lr = np.array([np.log(KMeans(k, n_init=3, random_state=b).fit(r).inertia_) for b, r in enumerate(refs)])
    rows.append((k, lw, lr.mean() - lw, lr.std() * np.sqrt(1 + 1 / B)))
    print("%d,%.4f,%.4f,%.4f" % rows[-1], flush=True)
chosen = next((k for (k, _, g, _), (_, _, g1, s1) in zip(rows, rows[1:]) if g >= g1 - s1), rows[-1][0])
print(f"chosen by Gap(k) >= Gap(k+1) - s_(k+1): {chosen}")
