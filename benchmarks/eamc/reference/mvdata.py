"""Glue (ours, not upstream): load mvclust benchmark .mat files as a list of float32 views + 0-based labels.

Each view is min-max scaled per feature to [0, 1] (constant features -> 0), samples as rows.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../dmac"))
import internal  # noqa: E402  (benchmarks/dmac/internal.py reads the .mat files)

DATA_DIR = os.environ.get("MVCLUST_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/datasets"))

DATASETS = {"hw": "handwritten.mat", "bbcsport": "BBCSport.mat", "pie": "PIE_face_10.mat"}


def minmax(x):
    mn = x.min(axis=0, keepdims=True)
    mx = x.max(axis=0, keepdims=True)
    rng = mx - mn
    out = np.zeros_like(x)
    nz = rng[0] > 0
    out[:, nz] = (x[:, nz] - mn[:, nz]) / rng[:, nz]
    return out


def load(name):
    views, y = internal.raw_views(f"{DATA_DIR}/{DATASETS[name]}")
    # 0-based contiguous labels
    _, y = np.unique(y.astype(np.int64), return_inverse=True)
    return [minmax(v).astype(np.float32) for v in views], y
