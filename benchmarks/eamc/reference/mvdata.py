"""Glue (ours, not upstream): load mvclust benchmark .mat files as a list of float32 views + 0-based labels.

Each view is min-max scaled per feature to [0, 1] (constant features -> 0), samples as rows.
"""
import os

import numpy as np
import scipy.io as sio
import scipy.sparse as sp

DATA_DIR = os.environ.get("MVCLUST_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/datasets"))

DATASETS = {
    # name: (file, label variable, samples_as_columns)
    "hw": ("handwritten.mat", "Y", False),
    "bbcsport": ("BBCSport.mat", "Y", False),
    "pie": ("PIE_face_10.mat", "gt", True),
}


def _dense(v):
    if sp.issparse(v):
        v = v.toarray()
    return np.asarray(v, dtype=np.float64)


def minmax(x):
    mn = x.min(axis=0, keepdims=True)
    mx = x.max(axis=0, keepdims=True)
    rng = mx - mn
    out = np.zeros_like(x)
    nz = rng[0] > 0
    out[:, nz] = (x[:, nz] - mn[:, nz]) / rng[:, nz]
    return out


def load(name):
    fname, yvar, cols = DATASETS[name]
    m = sio.loadmat(f"{DATA_DIR}/{fname}")
    y = np.asarray(m[yvar]).ravel().astype(np.int64)
    views = []
    for v in m["X"].ravel():
        v = _dense(v)
        if cols:
            v = v.T
        assert v.shape[0] == y.shape[0], (name, v.shape, y.shape)
        views.append(minmax(v).astype(np.float32))
    # 0-based contiguous labels
    _, y = np.unique(y, return_inverse=True)
    return views, y
