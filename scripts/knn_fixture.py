# Regenerate the kNN agreement fixture of org.mvclust.runtime.eval (numpy and scipy only):
#   python3 scripts/knn_fixture.py mvc-runtime/src/test/resources/org/mvclust/runtime/eval
# Writes knn_views.csv (three small float32 views, one row per view and sample) and knn_scores.csv (partitions and
# the score benchmarks/eamc/score.py gives them: the views go through a .mat file and benchmarks/dmac/internal.py).
import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import scipy.io

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "benchmarks", "dmac"))
import internal  # noqa: E402


def score(nbrs, labels):
    # score.py's rule: a partition with fewer than two clusters scores 0.
    return 0.0 if len(np.unique(labels)) < 2 else float(np.mean([internal.score(nb, labels) for nb in nbrs]))


def main(out):
    rng = np.random.default_rng(20241204)
    n, k = 90, 3
    truth = np.repeat(np.arange(k), n // k)
    views = []
    for d, spread in [(6, 1.0), (9, 2.0), (4, 0.7)]:
        centres = rng.normal(0, 2, (k, d))
        views.append((centres[truth] + rng.normal(0, spread, (n, d))).astype(np.float32))
    sparse = rng.random((n, 12)) * (rng.random((n, 12)) < 0.3)  # a text-like view with many zeros
    sparse[np.arange(n), truth * 4] += 1.0
    views.append(sparse.astype(np.float32))
    with tempfile.TemporaryDirectory() as tmp:
        mat = os.path.join(tmp, "fixture.mat")
        cell = np.empty((1, len(views)), dtype=object)
        for i, v in enumerate(views):
            cell[0, i] = v.astype(np.float64)
        scipy.io.savemat(mat, {"X": cell, "Y": (truth + 1).reshape(-1, 1).astype(np.float64)})
        nbrs = [internal.neighbours(x, 10) for x in internal.views(mat)]
    noisy = np.where(rng.random(n) < 0.3, rng.integers(0, k, n), truth)
    cases = [
        ("truth", truth),
        ("noisy", noisy),
        ("random_3", rng.integers(0, 3, n)),
        ("random_7", rng.integers(0, 7, n)),
        ("collapsed", np.where(np.arange(n) < 5, 1, 0)),
        ("one_cluster", np.zeros(n, dtype=int)),
        ("noncontiguous", np.array([0, 4, 9])[noisy]),
    ]
    f = lambda v: np.format_float_positional(v, unique=True, trim="-")
    lines = ["view,values"] + [f"{i}," + " ".join(f(v) for v in row) for i, x in enumerate(views) for row in x]
    (out / "knn_views.csv").write_text("\n".join(lines) + "\n")
    lines = ["name,score,labels"] + [f"{name},{score(nbrs, np.asarray(l))!r}," + " ".join(map(str, l)) for name, l in cases]
    (out / "knn_scores.csv").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    main(target)
