#!/usr/bin/env python3
"""Table and ACC-against-epochs curves of mnist-reduced.sh's runs (results/mnist-reduced/NAME/DATASET/).

Writes results/mnist-reduced.csv (one row per run, DeepMVC's ACC/NMI beside), results/mnist-reduced-curves.csv (ACC and
NMI at every evaluated epoch, phases in order) and prints the README's table.
"""
import csv
import json
import pathlib

here = pathlib.Path(__file__).parent
runs = here / "results" / "mnist-reduced"
# DeepMVC's README table (DanielTrosten/DeepMVC@39ffec55, img/results.png): ACC, NMI
DEEPMVC = {
    "dmsc": ("DMSC", (0.66, 0.67), (0.51, 0.47)), "mvscn": ("MvSCN", (0.15, 0.02), (0.14, 0.01)),
    "eamc": ("EAMC", (0.83, 0.90), (0.76, 0.79)), "simvc": ("SiMVC", (1.00, 1.00), (0.89, 0.90)),
    "comvc": ("CoMVC", (1.00, 1.00), (0.97, 0.94)), "multi-vae": ("Multi-VAE", (0.98, 0.96), (0.85, 0.76)),
    "ae-km": ("AE-KM", (0.74, 0.71), (0.60, 0.57)), "ae-ddc": ("AE-DDC", (1.00, 1.00), (0.88, 0.88)),
    "aecokm": ("AECoKM", (1.00, 0.99), (0.38, 0.31)), "aecoddc": ("AECoDDC", (1.00, 0.99), (0.89, 0.90)),
    "infoddc": ("InfoDDC", (0.90, 0.92), (0.62, 0.52)), "mviic": ("MvIIC", (0.52, 0.79), (0.31, 0.21)),
}
ORDER = list(DEEPMVC)
SETS = ["noisy-mnist", "edge-mnist"]

rows, curves = [], []
for name in ORDER:
    for d in SETS:
        f = runs / name / d / "metrics.json"
        if not f.exists():
            continue
        j = json.loads(f.read_text())
        ref = DEEPMVC[name][1 + SETS.index(d)]
        h = j.get("health", {})
        rows.append({"name": name, "dataset": d, "acc": j["metrics"]["acc"], "nmi": j["metrics"]["nmi"],
                     "ari": j["metrics"]["ari"], "epochs": j["epochs"], "train_seconds": round(j["train_seconds"], 1),
                     "clusters_used": h.get("clusters_used"), "size_entropy": h.get("size_entropy"),
                     "deepmvc_acc": ref[0], "deepmvc_nmi": ref[1]})
        hist = runs / name / d / "history.csv"
        if hist.exists():
            for r in csv.DictReader(open(hist)):
                if r.get("acc"):
                    curves.append({"name": name, "dataset": d, "phase": r["phase"], "epoch": r["epoch"],
                                   "acc": r["acc"], "nmi": r["nmi"]})

for path, data in [("mnist-reduced.csv", rows), ("mnist-reduced-curves.csv", curves)]:
    if data:
        with open(here / "results" / path, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(data[0]))
            w.writeheader()
            w.writerows(data)


def cell(name, d):
    r = next((r for r in rows if r["name"] == name and r["dataset"] == d), None)
    if r is None:
        return "not run"
    warn = "" if r["clusters_used"] is None or r["clusters_used"] >= 5 else f" ({r['clusters_used']} clusters used)"
    return f"{r['acc']:.3f} / {r['nmi']:.3f}{warn}"


print("| method | DeepMVC NoisyMNIST | ours NoisyMNIST (cut) | DeepMVC EdgeMNIST | ours EdgeMNIST (cut) |")
print("|---|---|---|---|---|")
for name in ORDER:
    paper, noisy, edge = DEEPMVC[name]
    print(f"| {paper} (`{name}`) | {noisy[0]:.2f} / {noisy[1]:.2f} | {cell(name, 'noisy-mnist')} | {edge[0]:.2f} / {edge[1]:.2f} "
          f"| {cell(name, 'edge-mnist')} |")
