"""Reference values for PcaTest: top principal components of a small fixed matrix (numpy eigh of the n-1 covariance)."""
import numpy as np

X = np.array([
    [2.5, 2.4, 0.5, 1.0],
    [0.5, 0.7, 1.5, 0.0],
    [2.2, 2.9, 0.2, 1.5],
    [1.9, 2.2, 0.9, 0.5],
    [3.1, 3.0, -0.3, 2.0],
    [2.3, 2.7, 0.4, 1.0],
    [2.0, 1.6, 1.1, -0.5],
    [1.0, 1.1, 1.8, 0.5],
    [1.5, 1.6, 0.6, 0.0],
    [1.1, 0.9, 1.4, 1.0],
]).astype(np.float32).astype(np.float64)  # the test holds the matrix as floats
vals, vecs = np.linalg.eigh(np.cov(X, rowvar=False))
order = np.argsort(vals)[::-1]
vals, vecs = vals[order], vecs[:, order]
for c in range(vecs.shape[1]):  # sign: the entry of largest magnitude is positive
    if vecs[np.argmax(np.abs(vecs[:, c])), c] < 0:
        vecs[:, c] = -vecs[:, c]
scores = (X - X.mean(axis=0)) @ vecs[:, :2]
np.set_printoptions(precision=12, floatmode="fixed", suppress=True)
print("variances", repr(vals))
print("total", np.trace(np.cov(X, rowvar=False)))
print("components", repr(vecs[:, :2].T))
print("scores[0:3]", repr(scores[:3]))
