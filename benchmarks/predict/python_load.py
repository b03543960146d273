"""Loads mvclust's exported SavedModels with TensorFlow for Python, using the README's lines, and compares the labels
with those `mvclust predict` wrote for the same samples. Called by python_load.sh: python_load.py make DIR | check DIR NAME."""
import csv
import os
import sys

import numpy as np


def make(d):
    """Three Gaussian blobs in two views (widths 6 and 5): 300 samples to train on, 100 new ones."""
    rng = np.random.default_rng(7)
    for part, n in (("train", 300), ("new", 100)):
        y = rng.integers(0, 3, n)
        os.makedirs(os.path.join(d, part), exist_ok=True)
        for v, w in enumerate((6, 5)):
            centres = rng.normal(0, 3, (3, w)) if part == "train" else CENTRES[v]
            CENTRES[v] = centres
            x = centres[y] + rng.normal(0, 1, (n, w))
            np.savetxt(os.path.join(d, part, "view%d.csv" % v), x, delimiter=",", fmt="%.6f")
        np.savetxt(os.path.join(d, part, "labels.csv"), y, fmt="%d")


CENTRES = {}


def views(d):
    return [np.loadtxt(os.path.join(d, "view%d.csv" % v), delimiter=",", dtype=np.float32) for v in range(2)]


def check(d, name):
    import tensorflow as tf
    x0, x1 = views(os.path.join(d, "new"))
    # --- the README's lines ---
    model = tf.saved_model.load(os.path.join(d, name, "saved"))
    serve = model.signatures["serving_default"]
    out = serve(view0=tf.constant(x0, tf.float32), view1=tf.constant(x1, tf.float32))  # one argument per view
    labels = out["cluster"].numpy()
    # ---
    with open(os.path.join(d, name, "pred", "labels.csv")) as f:
        java = np.array([int(r["cluster"]) for r in csv.DictReader(f)])
    same = int((labels == java).sum())
    line = "%s: %d samples, %d same labels as mvclust predict, %d different" % (name, len(java), same, len(java) - same)
    if "soft" in out:
        soft = np.loadtxt(os.path.join(d, name, "pred", "soft.csv"), delimiter=",", skiprows=1, dtype=np.float64)
        soft = soft[:, -out["soft"].shape[1]:]
        line += "; soft assignments differ by at most %.2g" % np.abs(out["soft"].numpy() - soft).max()
    print(line)
    print("  outputs: " + ", ".join("%s %s %s" % (k, v.dtype.name, list(v.shape)) for k, v in sorted(out.items())))
    return same == len(java)


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    else:
        import tensorflow as tf
        print("TensorFlow %s, NumPy %s" % (tf.__version__, np.__version__))
        sys.exit(0 if check(sys.argv[2], sys.argv[3]) else 1)
