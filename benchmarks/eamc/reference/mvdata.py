"""Glue (ours, not upstream): load mvclust benchmark .mat files as a list of float32 views + 0-based labels.

Each view is min-max scaled per feature to [0, 1] (constant features -> 0), samples as rows.
"""
import os
import sys

import gzip

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


def _idx(path):
    with gzip.open(path, "rb") as f:
        b = f.read()
    ndim = b[3]
    dims = [int.from_bytes(b[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(b, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def mnist(split):
    """MNIST images (n x 784, 0-255 as float64) and labels; split 'all' = train then test, as mvclust's idx reader."""
    parts = ["train", "t10k"] if split == "all" else [split]
    xs = [_idx(f"{DATA_DIR}/mnist/{p}-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float64) for p in parts]
    ys = [_idx(f"{DATA_DIR}/mnist/{p}-labels-idx1-ubyte.gz").astype(np.int64) for p in parts]
    return np.concatenate(xs), np.concatenate(ys)


def edge(x):
    """3x3 grey dilation (in-image neighbours, as cv2.dilate) minus the image, as the mvc make_dataset.py recipe."""
    im = x.reshape(-1, 28, 28)
    pad = np.pad(im, ((0, 0), (1, 1), (1, 1)), constant_values=-np.inf)
    dil = np.max([pad[:, i:i + 28, j:j + 28] for i in range(3) for j in range(3)], axis=0)
    return (dil - im).reshape(-1, 784)


def _global_minmax(x):
    lo, hi = x.min(), x.max()
    return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)


def load(name):
    if name == "edge-mnist":  # mvclust's edge-mnist: 70000, each view min-max scaled as a whole, then per feature
        x, y = mnist("all")
        return [minmax(_global_minmax(v)).astype(np.float32) for v in (x, edge(x))], y
    if name == "e-mnist":  # mvclust's e-mnist (the re-implementation's): 60000 train images, views in [-1, 1]
        x, y = mnist("train")
        return [(v / 127.5 - 1).astype(np.float32).reshape(-1, 1, 28, 28) for v in (x, edge(x))], y
    views, y = internal.raw_views(f"{DATA_DIR}/{DATASETS[name]}")
    # 0-based contiguous labels
    _, y = np.unique(y.astype(np.int64), return_inverse=True)
    return [minmax(v).astype(np.float32) for v in views], y
