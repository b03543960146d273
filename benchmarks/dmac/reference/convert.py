"""Writes our benchmark files in the layout the DMAC code reads (data/NAME.mat with X1..Xv and Y, samples as rows).

usage: convert.py DATASETS_DIR OUT_DIR
"""
import sys
import numpy as np
import scipy.io as sio
import scipy.sparse as sp

SETS = {  # name -> (file, label key, samples as columns)
    'BBC': ('BBC4view_685.mat', 'Y', False),
    'PIE': ('PIE_face_10.mat', 'gt', True),
}


def dense(v):
    return np.asarray(v.todense() if sp.issparse(v) else v, dtype=np.float64)


def main(src, out):
    for name, (file, label, cols) in SETS.items():
        m = sio.loadmat(f'{src}/{file}')
        views = [dense(v) for v in m['X'].ravel()]
        if cols:
            views = [v.T for v in views]
        y = np.asarray(m[label]).ravel().astype(np.int64)
        for v in views:
            assert v.shape[0] == len(y), (file, v.shape, len(y))
        data = {f'X{i + 1}': v for i, v in enumerate(views)}
        data['Y'] = y.reshape(-1, 1)
        sio.savemat(f'{out}/{name}.mat', data)
        print(name, len(y), [v.shape[1] for v in views], len(np.unique(y)), 'classes')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
