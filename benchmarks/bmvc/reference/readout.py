#!/usr/bin/env python3
"""The authors' readout (main.py L86-110) on saved joint features: mean over 20 sklearn KMeans(n_init=10)
with random states random.sample(range(10000), 20) after random.seed(seed), metrics from their
utils/clusteringPerformance.py.  Usage: readout.py --src BMvC_DIR --seed S JOINT_Z.npy LABELS.npy"""
import argparse
import os
import random
import sys

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics.cluster import pair_confusion_matrix


def pairwise_f(y, p):
    """pairwise F-score (mvclust's Metrics.fscore); the authors' "Fscore" is the B-cubed F"""
    c = pair_confusion_matrix(y, p)
    return 2.0 * c[1, 1] / (2.0 * c[1, 1] + c[0, 1] + c[1, 0])

ap = argparse.ArgumentParser()
ap.add_argument("--src", required=True)
ap.add_argument("--seed", type=int, required=True)
ap.add_argument("z")
ap.add_argument("labels")
ap.add_argument("--json-into", help="add f_pairwise (and this readout's metrics under 'readout') to this result.json")
a = ap.parse_args()
src = os.path.abspath(a.src)
if not os.path.isfile(os.path.join(src, "main.py")):
    src = os.path.join(src, "BMvC")
sys.path.insert(0, src)
from utils.clusteringPerformance import clusteringMetrics

random.seed(a.seed)
states = random.sample(range(10000), 20)
z, y = np.load(a.z), np.load(a.labels)
rows = []
for s in states:
    p = KMeans(n_clusters=len(np.unique(y)), n_init=10, random_state=s).fit_predict(z)
    rows.append(list(clusteringMetrics(y, p)) + [pairwise_f(y, p)])
m = np.array(rows).mean(axis=0) * 100
print("acc %.4f nmi %.4f purity %.4f ari %.4f f %.4f f_pairwise %.4f" % (m[0], m[1], m[2], m[3], m[4], m[7]))
if a.json_into:
    import json
    r = json.load(open(a.json_into))
    r["readout"] = dict(zip(["acc", "nmi", "purity", "ari", "f", "precision", "recall", "f_pairwise"], m.tolist()))
    r["f_pairwise"] = float(m[7])
    json.dump(r, open(a.json_into, "w"), indent=1)
