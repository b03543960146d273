"""eva(y_true, y_pred) -> acc, nmi, ari, f1: the metrics the DMAC code imports (its evaluation.py is not in its repository)."""
import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn import metrics


def eva(y_true, y_pred):
    y_true = np.asarray(y_true).ravel()
    y_pred = np.asarray(y_pred).ravel()
    t = np.unique(y_true)
    p = np.unique(y_pred)
    count = np.zeros((len(p), len(t)))
    for i, c in enumerate(p):
        for j, k in enumerate(t):
            count[i, j] = np.sum((y_pred == c) & (y_true == k))
    rows, cols = linear_sum_assignment(-count)
    mapping = {p[r]: t[c] for r, c in zip(rows, cols)}
    mapped = np.array([mapping.get(c, -1) for c in y_pred])
    acc = count[rows, cols].sum() / len(y_true)
    nmi = metrics.normalized_mutual_info_score(y_true, y_pred, average_method='arithmetic')
    ari = metrics.adjusted_rand_score(y_true, y_pred)
    f1 = metrics.f1_score(y_true, mapped, average='macro')
    return acc, nmi, ari, f1
