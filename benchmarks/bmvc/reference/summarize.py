#!/usr/bin/env python3
"""Collect <out>/*/result.json into <out>/results.csv and <out>/results.md (mean ± sample sd per alpha), and
the snapshot readouts (<out>/*/snapshots/joint_z_e<E>.readout, from readout.py) into <out>/snapshots.csv.
acc/nmi/ari/f are main.py's logged metrics (percent; f = B-cubed F); f_pairwise = pairwise F (mvclust's)."""
import glob
import json
import os
import re
import statistics as st
import sys

out = sys.argv[1]
rows = [json.load(open(p)) for p in glob.glob(os.path.join(out, "*", "result.json"))]
rows.sort(key=lambda r: (r["alpha"], r["seed"]))
cols = ["alpha", "lambda", "seed", "acc", "nmi", "ari", "f", "f_pairwise", "seconds", "cpu_seconds", "train_seconds",
        "eval_seconds"]


def fmt(r, c):
    v = r.get(c)
    if v is None:
        return ""
    if c in ("alpha", "lambda", "seed"):
        return "%g" % v
    return "%.4f" % v if c in ("acc", "nmi", "ari", "f", "f_pairwise") else "%.1f" % v


with open(os.path.join(out, "results.csv"), "w") as fh:
    fh.write(",".join(cols) + "\n")
    for r in rows:
        fh.write(",".join(fmt(r, c) for c in cols) + "\n")
lines = ["| alpha | lambda | seeds | ACC | NMI | ARI | F (B-cubed) | F (pairwise) | wall s | CPU s |",
         "|---|---|---|---|---|---|---|---|---|---|"]
for a in sorted({r["alpha"] for r in rows}):
    rs = [r for r in rows if r["alpha"] == a]

    def f(k):
        v = [r[k] for r in rs if r.get(k) is not None]
        if not v:
            return ""
        return "%.2f ± %.2f" % (st.mean(v), st.stdev(v)) if len(v) > 1 else "%.2f" % v[0]
    lines.append("| %d | %g | %s | %s | %s | %s | %s | %s | %s | %s |" % (
        a, 10.0 ** a, ",".join(str(r["seed"]) for r in rs), f("acc"), f("nmi"), f("ari"), f("f"), f("f_pairwise"),
        " / ".join("%.0f" % r["seconds"] for r in rs), " / ".join("%.0f" % r["cpu_seconds"] for r in rs)))
open(os.path.join(out, "results.md"), "w").write("\n".join(lines) + "\n")
print("\n".join(lines))

snaps = []
for p in glob.glob(os.path.join(out, "*", "snapshots", "joint_z_e*.readout")):
    m = re.search(r"a(-?\d+)_s(\d+)/snapshots/joint_z_e(\d+)\.readout$", p)
    txt = open(p).read().split()
    if not m or len(txt) < 10:
        continue
    d = dict(zip(txt[0::2], txt[1::2]))
    snaps.append((int(m.group(1)), int(m.group(2)), int(m.group(3)), d))
snaps.sort(key=lambda t: t[:3])
with open(os.path.join(out, "snapshots.csv"), "w") as fh:
    fh.write("alpha,seed,epoch,acc,nmi,ari,f,f_pairwise\n")
    for a, s, e, d in snaps:
        fh.write("%d,%d,%d,%s,%s,%s,%s,%s\n" % (a, s, e, d["acc"], d["nmi"], d["ari"], d["f"], d.get("f_pairwise", "")))
