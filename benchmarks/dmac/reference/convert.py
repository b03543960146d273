"""Writes our benchmark files in the layout the DMAC code reads (data/NAME.mat with X1..Xv and Y, samples as rows).

usage: convert.py DATASETS_DIR OUT_DIR
"""
import os
import sys

import numpy as np
import scipy.io as sio

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import internal  # noqa: E402

SETS = {'BBC': 'BBC4view_685.mat', 'PIE': 'PIE_face_10.mat'}


def main(src, out):
    for name, file in SETS.items():
        views, y = internal.raw_views(f'{src}/{file}')
        data = {f'X{i + 1}': v for i, v in enumerate(views)}
        data['Y'] = y.astype(np.int64).reshape(-1, 1)
        sio.savemat(f'{out}/{name}.mat', data)
        print(name, len(y), [v.shape[1] for v in views], len(np.unique(y)), 'classes')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
