"""bdgp.csv and pattern.csv as the README's table: each masking preset without imputation, mean imputation beside where
it ran, with the NMI of the clusters with the missingness pattern. Usage: bdgp_table.py (reads the CSVs beside it)."""
import csv
import pathlib

here = pathlib.Path(__file__).parent
pat = {}
for line in (here / "pattern.csv").read_text().splitlines()[1:]:
    run, p, _, _ = line.rsplit(",", 3)  # run names may hold commas
    if run.startswith("bdgp/"):
        pat[run[5:]] = p
runs = {}
for r in csv.DictReader(open(here / "bdgp.csv")):
    runs.setdefault(r["method"], {})[r["impute"] == "mean"] = r
print("| preset (epochs) | masked by | masked ACC / NMI (pattern NMI) | mean-imputed ACC / NMI (pattern NMI) |")
print("|---|---|---|---|")
for m in sorted(runs):
    a, b = runs[m].get(False), runs[m].get(True)
    if a is None:
        continue
    imp = f"{float(b['acc']):.3f} / {float(b['nmi']):.3f} ({pat.get(m + '-nan=absent,impute=mean', '–')})" if b else "–"
    print(f"| {m} ({a['epochs']}) | {a['masked_by'].replace(' ', ', ')} | {float(a['acc']):.3f} / {float(a['nmi']):.3f} "
          f"({pat.get(m + '-nan=absent', '–')}) | {imp} |")
