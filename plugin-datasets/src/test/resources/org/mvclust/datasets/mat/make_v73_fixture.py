"""Writes small_v73.mat: a MATLAB v7.3 (HDF5) file laid out as MATLAB writes one, with h5py.

512-byte MATLAB header as user block, earliest HDF5 format (superblock 0, as MATLAB's), MATLAB_class attributes,
a 1x3 cell X of object references into #refs#, samples as columns: X{1} dense double 3x6, X{2} sparse 4x6,
X{3} uint8 2x6; labels Y 1x6 double (1..3); a char variable and a cell of char like hw-v73's.
Run from this directory with h5py installed: python3 make_v73_fixture.py
"""
import h5py
import numpy as np

N = 6
header = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 ."
header = header.ljust(116, b" ") + b"\0" * 8 + b"\x00\x02" + b"IM"
header = header.ljust(512, b"\0")


def cls(obj, name):
    obj.attrs.create("MATLAB_class", np.bytes_(name))


def char(group, name, text):
    d = group.create_dataset(name, data=np.array([[ord(c)] for c in text], dtype=np.uint16))
    cls(d, "char")
    d.attrs.create("MATLAB_int_decode", np.int32(2))
    return d


with h5py.File("small_v73.mat", "w", userblock_size=512, libver="earliest") as f:
    refs = f.create_group("#refs#")
    dense = np.arange(3 * N, dtype=np.float64).reshape(3, N) / 4  # MATLAB 3xN
    a = refs.create_dataset("a", data=dense.T)
    cls(a, "double")
    rows, cols = 4, N  # MATLAB 4xN sparse with one entry per sample
    ir = np.array([c % rows for c in range(cols)], dtype=np.uint64)
    jc = np.arange(cols + 1, dtype=np.uint64)
    b = refs.create_group("b")
    b.create_dataset("data", data=np.arange(1, cols + 1, dtype=np.float64))
    b.create_dataset("ir", data=ir)
    b.create_dataset("jc", data=jc)
    cls(b, "double")
    b.attrs.create("MATLAB_sparse", np.uint64(rows))
    c = refs.create_dataset("c", data=(np.arange(2 * N, dtype=np.uint8).reshape(2, N)).T)
    cls(c, "uint8")
    x = f.create_dataset("X", (3, 1), dtype=h5py.ref_dtype)
    x[0, 0], x[1, 0], x[2, 0] = a.ref, b.ref, c.ref
    cls(x, "cell")
    y = f.create_dataset("Y", data=np.array([[1, 2, 3, 1, 2, 3]], dtype=np.float64).T)
    cls(y, "double")
    char(f, "data_name", "tiny")
    names = [char(refs, k, t) for k, t in (("d", "one"), ("e", "two"), ("f", "three"))]
    m = f.create_dataset("class_meaning", (3, 1), dtype=h5py.ref_dtype)
    for i, n in enumerate(names):
        m[i, 0] = n.ref
    cls(m, "cell")

with open("small_v73.mat", "r+b") as f:
    f.write(header)
