"""Reads run.sh's logs: one row per (dataset, seed) with the last iteration's scores and the code's best-per-metric."""
import glob
import re
import sys

ROW = re.compile(r'epoch (\d+): acc: ([\d.]+), nmi: ([\d.]+), ari: ([-\d.]+), f1: ([\d.]+), loss: ([-\d.e+]+)')
print('dataset,seed,iterations,last_acc,last_nmi,last_ari,last_f1,best_acc,best_acc_iteration,best_nmi,best_ari,best_f1,seconds')
for log in sorted(glob.glob(f'{sys.argv[1]}/*-*.log')):
    name, seed = log.rsplit('/', 1)[1][:-4].split('-')
    text = open(log).read()
    train = text.split('Start Train', 1)[1]
    rows = [tuple(float(x) for x in m.groups()) for m in ROW.finditer(train)]
    last = rows[-1]
    best = max(rows, key=lambda r: r[1])
    secs = re.search(r'seconds: (\d+)', text).group(1)
    print(f'{name},{seed},{len(rows)},{last[1]:.4f},{last[2]:.4f},{last[3]:.4f},{last[4]:.4f},'
          f'{best[1]:.4f},{int(best[0]) + 1},{max(r[2] for r in rows):.4f},{max(r[3] for r in rows):.4f},'
          f'{max(r[4] for r in rows):.4f},{secs}')
