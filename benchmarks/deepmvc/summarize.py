#!/usr/bin/env python3
"""Prints the README's hw table from the runs' metrics.json under results/hw-reduced/, in the grid's order."""
import json
import pathlib

import yaml

here = pathlib.Path(__file__).parent
cells = yaml.safe_load(open(here / "hw-reduced.yaml"))["cells"]
print("| method | ACC | NMI | ARI | final total loss | epochs (all phases) | train s (shared CPU) |")
print("|---|---|---|---|---|---|---|")
for c in cells:
    name = c.get("name", c["method"])
    f = here / "results" / "hw-reduced" / name / "hw" / "s0" / "metrics.json"
    if not f.exists():
        print(f"| `{name}` | not run here | | | | | |")
        continue
    j = json.loads(f.read_text())
    m = j["metrics"]
    loss = j.get("final_loss")
    loss = f"{loss:.4f}" if isinstance(loss, (int, float)) and j.get("final_losses") else "–"
    print(f"| `{name}` | {m['acc']:.3f} | {m['nmi']:.3f} | {m['ari']:.3f} | {loss} | {j['epochs']} | {j['train_seconds']:.0f} |")
