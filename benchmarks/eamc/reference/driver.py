"""Glue driver (ours, not upstream): train DanielTrosten/mvc models (EAMC, SiMVC-as-DDC) on mvclust .mat data.

Mirrors src/models/train.py::train() (DataLoader shuffle=True, drop_last=True, net.train_step(batch, epoch=e-1, it=i,
n_batches)) without wandb / file callbacks. Additionally mirrors the upstream model selection (ModelSaver "best.pt" =
lowest eval loss `best_loss_term`, evaluated every `eval_interval` epochs with evaluate.batch_predict semantics) in memory,
reported separately from the primary "final model" result.

Usage: driver.py --method {eamc,eamc_cnn,eamc_rgbdlr,eamc_noadv,ddc} --dataset {hw,bbcsport,pie,edge-mnist,e-mnist}
       --seed S [--epochs 100] [--csv out.csv] [--eval_every N --curve curve.csv]
"""
import argparse
import copy
import csv
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("MVC_SRC") or sys.exit("set MVC_SRC to the checkout's src/ (README.md)"))
sys.path.insert(0, HERE)

import numpy as np
import torch as th
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import normalized_mutual_info_score

import config  # upstream package (src/config)
from config.defaults import MLP, DDC, Fusion, SiMVC, Experiment, Dataset, Loss as DDCLoss
from config.eamc.defaults import EAMC, EAMCExperiment, AttentionLayer, Loss as EAMCLoss, Optimizer as EAMCOptimizer
from config.eamc.experiments import BACKBONE_MLP_LAYERS, CNN_BACKBONES
from models.build_model import build_model
import helpers

import mvdata


def build_cfg(method, dims, n_clusters, epochs, eamc_opt=None):
    n_views = len(dims)
    if method.startswith("eamc"):
        # As upstream eamc_rgbd (the only EAMC config with vector/MLP encoders): MLP(layers=(200, 200, 500)),
        # default relu, no BN. Attention net with n_views=V (as upstream eamc_coil does for 3 views).
        # Everything else: upstream EAMC defaults.
        opt = EAMCOptimizer() if eamc_opt is None else EAMCOptimizer(**eamc_opt)
        # eamc_cnn: upstream eamc_mnist (its CNN backbones for 1x28x28 views), everything else the same defaults.
        backbones = CNN_BACKBONES if method == "eamc_cnn" else tuple(
            MLP(layers=BACKBONE_MLP_LAYERS, input_size=(d,)) for d in dims)
        model_cfg = EAMC(
            backbone_configs=backbones,
            cm_config=DDC(n_clusters=n_clusters),
            attention_config=AttentionLayer(n_views=n_views),
            loss_config=EAMCLoss(),
            optimizer_config=opt,
        )
        if method == "eamc_noadv":
            # Ablation via upstream switches: no discriminators, loss without the adversarial terms.
            model_cfg.discriminator_config = None
            model_cfg.loss_config.funcs = "ddc_1|ddc_2_flipped|ddc_3|att"
        cfg = EAMCExperiment(dataset_config=Dataset(name="mvclust"), model_config=model_cfg, n_epochs=epochs)
    elif method == "ddc":
        # Upstream SiMVC (encoders + weighted-mean fusion + DDC head, DDC loss, no adversary/contrast), configured as
        # upstream `rgbd` (the SiMVC config with vector/MLP encoders): MLP defaults (512, 512, 256), relu, no BN.
        model_cfg = SiMVC(
            backbone_configs=tuple(MLP(input_size=(d,)) for d in dims),
            fusion_config=Fusion(method="weighted_mean", n_views=n_views),
            cm_config=DDC(n_clusters=n_clusters),
            loss_config=DDCLoss(funcs="ddc_1|ddc_2|ddc_3"),
        )
        cfg = Experiment(dataset_config=Dataset(name="mvclust"), model_config=model_cfg, n_epochs=epochs)
    else:
        raise ValueError(method)
    # as config.get_config_by_name()
    cfg.model_config.loss_config.n_clusters = cfg.model_config.cm_config.n_clusters
    return cfg


def acc_nmi(y, pred):
    cm = np.zeros((pred.max() + 1, y.max() + 1), dtype=np.int64)
    np.add.at(cm, (pred, y), 1)
    r, c = linear_sum_assignment(-cm)
    acc = cm[r, c].sum() / y.size
    nmi = normalized_mutual_info_score(y, pred, average_method="arithmetic")
    return float(acc), float(nmi), int(np.unique(pred).size)


def predict_all(net, views):
    net.eval()
    with th.no_grad():  # in batches of 2000: one pass over 70 000 images would not fit in memory
        out = [net([th.from_numpy(v[i:i + 2000]) for v in views]).argmax(dim=1).numpy()
               for i in range(0, views[0].shape[0], 2000)]
    net.train()
    return np.concatenate(out)


def eval_losses(net, dataset, batch_size, gen):
    """As upstream evaluate.batch_predict: eval mode, shuffled batches, losses only on full batches."""
    loader = th.utils.data.DataLoader(dataset, batch_size=batch_size, shuffle=True, drop_last=False, generator=gen)
    losses = []
    net.eval()
    with th.no_grad():
        for *batch, label in loader:
            net(batch)
            if label.size(0) == batch_size:
                lv = net.calc_losses(ignore_in_total=("contrast",))
                losses.append({k: float(v) for k, v in lv.items()})
    net.train()
    return {k: float(np.mean([d[k] for d in losses])) for k in losses[0]} if losses else {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--method", required=True)
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--csv", default=os.path.join(HERE, "results.csv"))
    ap.add_argument("--csv_best", default=os.path.join(HERE, "results_bestloss.csv"))
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--eval_every", type=int, default=10, help="print ACC/NMI every N epochs")
    ap.add_argument("--curve", default=None, help="append epoch,acc,nmi,clusters,seconds rows to this CSV")
    args = ap.parse_args()

    th.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    th.manual_seed(args.seed)

    views, y = mvdata.load(args.dataset)
    dims = [int(np.prod(v.shape[1:])) for v in views]
    k = int(y.max() + 1)
    eamc_opt = None
    if args.method == "eamc_rgbdlr":  # optional variant: upstream eamc_rgbd optimizer overrides
        eamc_opt = dict(lr_backbones=6e-5, lr_disc=2e-5)
    cfg = build_cfg(args.method, dims, k, args.epochs, eamc_opt)
    print(f"[{args.method} {args.dataset} seed={args.seed}] n={y.size} dims={dims} k={k}", flush=True)
    print("CONFIG:", cfg.json(), flush=True)

    net = build_model(cfg.model_config)
    dataset = th.utils.data.TensorDataset(*[th.from_numpy(v) for v in views], th.from_numpy(y).float())
    loader = th.utils.data.DataLoader(dataset, batch_size=int(cfg.batch_size), shuffle=True, num_workers=0,
                                      drop_last=True, pin_memory=False)
    eval_gen = th.Generator().manual_seed(10_000 + args.seed)
    best_term = cfg.best_loss_term
    best = {"loss": np.inf, "state": None, "epoch": 0}

    t0 = time.time()
    n_batches = len(loader)
    stopped = ""
    cur = float("nan")
    for e in range(1, cfg.n_epochs + 1):
        iter_losses = []
        for i, data in enumerate(loader):
            *batch, _ = data
            try:
                bl = net.train_step(batch, epoch=(e - 1), it=i, n_batches=n_batches)
            except Exception as err:  # as upstream train(): stop training on exception
                stopped = f"exception at epoch {e}: {err}"
                break
            iter_losses.append({kk: float(v.detach()) for kk, v in bl.items()})
        if stopped:
            print("Training stopped due to", stopped, flush=True)
            break
        if e % cfg.eval_interval == 0:
            el = eval_losses(net, dataset, int(cfg.batch_size), eval_gen)
            cur = el.get(best_term, np.inf)
            if np.isnan(cur):
                stopped = f"NaN eval loss at epoch {e}"
                print(stopped, flush=True)
                break
            if cur < best["loss"]:
                best = {"loss": cur, "state": copy.deepcopy(net.state_dict()), "epoch": e}
        if e % args.eval_every == 0 or e == cfg.n_epochs:
                a, n_, c = acc_nmi(y, predict_all(net, views))
                if args.curve:
                    _append(args.curve, dict(method=args.method, dataset=args.dataset, seed=args.seed, epoch=e,
                                             acc=round(a, 4), nmi=round(n_, 4), clusters_used=c,
                                             seconds=round(time.time() - t0, 1)))
                tr = {kk: round(float(np.mean([d[kk] for d in iter_losses if kk in d])), 4) for kk in iter_losses[0]}
                w = getattr(net, "weights", None)
                if w is None and getattr(net, "fusion", None) is not None:
                    w = net.fusion.get_weights(softmax=True)
                w = np.round(helpers.npy(w), 3).tolist() if w is not None else None
                print(f"epoch {e:4d} t={time.time()-t0:7.1f}s acc={a:.4f} nmi={n_:.4f} clusters={c} "
                      f"eval[{best_term}]={cur:.4f} train_losses(first batch types)={tr} fusion_w={w}", flush=True)
    secs = time.time() - t0

    acc, nmi, used = acc_nmi(y, predict_all(net, views))
    print(f"FINAL {args.method} {args.dataset} seed={args.seed} acc={acc:.4f} nmi={nmi:.4f} clusters={used} "
          f"secs={secs:.1f} {stopped}", flush=True)
    row = dict(method=args.method, dataset=args.dataset, seed=args.seed, epochs=args.epochs, acc=round(acc, 4),
               nmi=round(nmi, 4), clusters_used=used, seconds=round(secs, 1))
    _append(args.csv, row)

    if best["state"] is not None:
        net.load_state_dict(best["state"])
        bacc, bnmi, bused = acc_nmi(y, predict_all(net, views))
        print(f"BESTLOSS {args.method} {args.dataset} seed={args.seed} epoch={best['epoch']} "
              f"{best_term}={best['loss']:.4f} acc={bacc:.4f} nmi={bnmi:.4f} clusters={bused}", flush=True)
        brow = dict(row, acc=round(bacc, 4), nmi=round(bnmi, 4), clusters_used=bused, best_epoch=best["epoch"],
                    best_loss_term=best_term)
        _append(args.csv_best, brow)


def _append(path, row):
    new = not os.path.exists(path)
    with open(path, "a", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(row.keys()))
        if new:
            w.writeheader()
        w.writerow(row)


if __name__ == "__main__":
    main()
