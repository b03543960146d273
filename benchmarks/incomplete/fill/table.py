"""rule.md's choice per preset and dataset (mean NMI with the missingness pattern, labels unread), then ACC/NMI of the
current rule, view_mean and mean imputation at rate 0.5. Usage: table.py [EXTRA_PATTERN_CSV ...] (pattern.py's output
for more runs of the current rule). The current rule's and imputed rows come from
../incomplete-seeds.csv when it exists, else from the seed-0 rows of ../incomplete.csv (the table says which)."""
import csv
import pathlib
import re
import statistics as st
import sys

here = pathlib.Path(__file__).parent
up = here.parent
PRESETS, DATASETS = ["ae-kmeans", "ddc", "comvc"], ["hw", "cub"]


def patterns(files):
    """(preset, variant, dataset) -> {seed: nmi_pattern}; a run path .../PRESET_VARIANT/DATASET_missing=0.5/sS."""
    out = {}
    for f in files:
        for r in csv.DictReader(open(f)):
            m = re.search(r"([\w-]+)_(masked|view_mean)/(\w+)_missing=0\.5/s(\d+)$", r["run"])
            if m:
                out.setdefault((m[1], m[2], m[3]), {})[int(m[4])] = float(r["nmi_pattern"])
    return out


seeds_csv = up / "incomplete-seeds.csv"
source = seeds_csv if seeds_csv.exists() else up / "incomplete.csv"
runs = {}
for f in [source, here / "fill.csv"]:
    for r in csv.DictReader(open(f)):
        if r.get("error") or not r["dataset"].endswith("missing=0.5") and "missing=0.5," not in r["dataset"]:
            continue
        if int(r["seed"]) > 2 or (f == source and not seeds_csv.exists() and r["seed"] != "0"):
            continue
        preset, variant = r["method"].rsplit(" ", 1)
        runs.setdefault((preset, variant, r["dataset"].split(":")[0]), []).append((float(r["acc"]), float(r["nmi"])))
pat = patterns([up / "pattern.csv", here / "pattern.csv"] + sys.argv[1:])


def fmt(xs, i):
    v = [x[i] for x in xs]
    return f"{st.mean(v):.3f} ± {st.stdev(v):.3f}" if len(v) > 1 else f"{v[0]:.3f}"


print(f"Current rule and mean imputation from `{source.name}`" + ("" if seeds_csv.exists() else " (seed 0 only)") + ".\n")
print("| preset | dataset | pattern NMI, current (seeds) | pattern NMI, view_mean (seeds) | choice |")
print("|---|---|---|---|---|")
for p in PRESETS:
    for d in DATASETS:
        c, v = pat.get((p, "masked", d), {}), pat.get((p, "view_mean", d), {})
        mc, mv = st.mean(c.values()), st.mean(v.values())
        choice = "view_mean" if round(mv, 3) < round(mc, 3) else "current"
        print(f"| {p} | {d} | {mc:.3f} ({len(c)}) | {mv:.3f} ({len(v)}) | {choice} |")
print()
print("| preset | dataset | current ACC / NMI (seeds) | view_mean ACC / NMI (seeds) | mean-imputed ACC / NMI (seeds) |")
print("|---|---|---|---|---|")
for p in PRESETS:
    for d in DATASETS:
        cells = [runs.get((p, v, d), []) for v in ["masked", "view_mean", "imputed"]]
        print(f"| {p} | {d} | " + " | ".join(f"{fmt(x, 0)} / {fmt(x, 1)} ({len(x)})" if x else "–" for x in cells) + " |")
