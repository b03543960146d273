"""Writes python_export.csv, a CSV fixture made by another tool than mvclust (Python's csv module).

One file, columns named VIEW:FEATURE for two views plus a text label column; quoting as
csv.QUOTE_NONNUMERIC does it (text quoted, numbers bare), Windows line ends, floats as repr() writes them.
Run from this directory: python3 make_python_export.py
"""
import csv
import math

species = ["setosa", "versicolor", "virginica"]
with open("python_export.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC)
    w.writerow(["colour:r", "colour:g", "colour:b", "species", "shape:area", "shape:aspect ratio"])
    for i in range(12):
        k = i % 3
        w.writerow([i / 10, round(math.sin(i), 6), 1e-05 * (i + 1), species[k], float(100 * k + i), -2.5 * k])
