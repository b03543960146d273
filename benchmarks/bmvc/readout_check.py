#!/usr/bin/env python3
"""The authors' evaluation protocol applied to finished bmvc runs (needs numpy, scipy, scikit-learn).

For each run directory (with checkpoint.bin, preprocess.json, labels.csv) it rebuilds the joint features f from the
checkpoint's encoder and fusion weights, then prints our readout's metrics (labels.csv) beside the authors': the mean
over 20 scikit-learn KMeans(n_init=10) fits with random states from random.seed(42) (BMvC main.py, last epoch only).
Usage: readout_check.py [--data handwritten.mat] [--views 2,3,1] RUN_DIR..."""
import argparse, json, os, random, struct
import numpy as np
import scipy.io as sio
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def checkpoint(path):
    b = open(path, 'rb').read()
    n = struct.unpack('>i', b[15:19])[0]
    off, out = 19 + n, {}
    for name, size in json.loads(b[19:19 + n])['variables'].items():
        out[name] = np.frombuffer(b[off:off + 4 * size], dtype='<f4').astype(np.float64)
        off += 4 * size
    return out


def accuracy(y, p):
    w = np.zeros((max(y.max(), p.max()) + 1,) * 2)
    np.add.at(w, (p, y), 1)
    r, c = linear_sum_assignment(-w)
    return w[r, c].sum() / len(y)


def scores(y, p):
    return accuracy(y, p), normalized_mutual_info_score(y, p), adjusted_rand_score(y, p)


def joint_features(run, views):
    w = checkpoint(os.path.join(run, 'checkpoint.bin'))
    pre = json.load(open(os.path.join(run, 'preprocess.json')))
    zs = []
    for v, x in enumerate(views):
        h = (x - np.array(pre[v]['shift'])) / np.array(pre[v]['scale'])
        layer = 0
        while f'enc_{v}.l{layer}.w' in w:
            b = w[f'enc_{v}.l{layer}.b']
            h = np.maximum(h @ w[f'enc_{v}.l{layer}.w'].reshape(-1, b.size) + b, 0)
            layer += 1
        zs.append(h)
    z = np.concatenate(zs, 1)
    b = w['fusion.l0.b']
    return z @ w['fusion.l0.w'].reshape(-1, b.size) + b


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--data', default=os.path.join(os.path.dirname(__file__), '../../../shared/datasets/handwritten.mat'))
    p.add_argument('--views', default='2,3,1', help='1-based views of the file, as in hw:views=...')
    p.add_argument('runs', nargs='+')
    a = p.parse_args()
    d = sio.loadmat(a.data)
    views = [np.asarray(d['X'][0, int(v) - 1], dtype=np.float64) for v in a.views.split(',')]
    y = d['Y'].ravel().astype(int)
    y -= y.min()
    random.seed(42)
    states = random.sample(range(10000), 20)
    print('run,ours_acc,ours_nmi,ours_ari,authors_acc,authors_nmi,authors_ari,authors_acc_min,authors_acc_max')
    for run in a.runs:
        ours = scores(y, np.loadtxt(os.path.join(run, 'labels.csv'), delimiter=',', skiprows=1, dtype=int)[:, 1])
        f = joint_features(run, views)
        s = np.array([scores(y, KMeans(n_clusters=y.max() + 1, n_init=10, random_state=r).fit_predict(f)) for r in states])
        print(run, *(f'{v:.4f}' for v in (*ours, *s.mean(0), s[:, 0].min(), s[:, 0].max())), sep=',')


if __name__ == '__main__':
    main()
