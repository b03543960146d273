"""For each run with a missing.csv: NMI of its clusters with the missingness pattern (which views a sample has), with
the number of views a sample has, and with the classes. Usage: pattern.py RESULTS_DIR PATTERN_CSV (rows of PATTERN_CSV
whose run is not under RESULTS_DIR are kept)."""
import pathlib, sys
import numpy as np


def nmi(a, b):
    a = np.unique(a, return_inverse=True)[1]
    b = np.unique(b, return_inverse=True)[1]
    c = np.zeros((a.max() + 1, b.max() + 1))
    np.add.at(c, (a, b), 1)
    p = c / len(a)
    pa, pb = p.sum(1), p.sum(0)
    nz = p > 0
    mi = (p[nz] * np.log(p[nz] / np.outer(pa, pb)[nz])).sum()
    h = lambda q: -(q[q > 0] * np.log(q[q > 0])).sum()
    return 2 * mi / (h(pa) + h(pb)) if h(pa) + h(pb) > 0 else 0.0


out = pathlib.Path(sys.argv[2])
rows = {}
for line in out.read_text().splitlines()[1:] if out.exists() else []:
    rows[line.rsplit(",", 3)[0]] = line
for m in sorted(pathlib.Path(sys.argv[1]).glob("**/missing.csv")):
    labels = np.loadtxt(m.parent / "labels.csv", delimiter=",", skiprows=1, dtype=int)
    mask = np.loadtxt(m, delimiter=",", skiprows=1, dtype=int)[:, 1:]
    pattern = mask.dot(1 << np.arange(mask.shape[1]))
    run = m.parent.relative_to(sys.argv[1])
    rows[str(run)] = f"{run},{nmi(labels[:, 1], pattern):.3f},{nmi(labels[:, 1], mask.sum(1)):.3f},{nmi(labels[:, 1], labels[:, 2]):.3f}"
out.write_text("run,nmi_pattern,nmi_view_count,nmi_class\n" + "".join(rows[r] + "\n" for r in sorted(rows)))
