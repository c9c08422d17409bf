"""Fit a label rule on the article-level reuse features alone, on METER showbiz (never courts).

Run: ``python benchmarks/fit_reuse_meter.py`` (needs ../shared/data/meter).

This was the label rule before the word model; the shipped constants now come from
``benchmarks/fit_reuse_words.py``, which uses this module's ridge fit and thresholds. The rule
(documented in src/overlap/reuse.rs) is a linear score with two thresholds:
``score = bias + sum(w_i * feature_i)``; wholly-derived when ``score >= hi``, else
partially-derived when ``score >= lo``, else non-derived. The weights are a ridge regression of
the ordinal label (non 0, partially 1, wholly 2) on standardised features; the thresholds
maximise 3-way macro-F1. The feature subset and the ridge penalty are chosen by repeated 5-fold
cross-validation (by article) on showbiz; the winner is refitted on all of showbiz and printed
in the form of the ``LABEL_WEIGHTS`` / ``LABEL_BIAS`` / ``WHOLLY_MIN_SCORE`` /
``DERIVED_MIN_SCORE`` constants, for comparison.
"""

from __future__ import annotations

from typing import Any

import _meter as meter
import numpy as np
from _common import shared

import presslens

ORDER = {"non-derived": 0, "partially-derived": 1, "wholly-derived": 2}
SUBSETS = {
    "all": None,
    "containment": ["containment_1", "containment_2", "containment_3", "containment_4"],
    "tiling": ["tiled_3", "tiled_5", "tiled_8", "tiled_near", "longest_share", "sentences_new"],
    "mixed": ["containment_1", "containment_2", "tiled_3", "tiled_5", "sentences_new"],
}
ALPHAS = [1.0, 10.0, 50.0]

Array = np.ndarray[Any, Any]


def macro_f1(y: Array, p: Array) -> float:
    out = []
    for c in range(3):
        tp = float(np.sum((y == c) & (p == c)))
        out.append(0.0 if tp == 0 else 2 * tp / float(np.sum(y == c) + np.sum(p == c)))
    return float(np.mean(out))


def thresholds(s: Array, y: Array) -> tuple[float, float]:
    grid = np.unique(np.round(s, 3))
    best = (-1.0, 0.0, 0.0)
    for i, lo in enumerate(grid):
        for hi in grid[i:]:
            m = macro_f1(y, np.where(s >= hi, 2, np.where(s >= lo, 1, 0)))
            if m > best[0] + 1e-12:
                best = (m, float(lo), float(hi))
    return best[1], best[2]


def fit(x: Array, y: Array, cols: list[int], alpha: float) -> tuple[Array, float, float, float]:
    """Raw-feature weights (zero outside cols), bias, lo, hi."""
    z = x[:, cols]
    mu, sd = z.mean(0), z.std(0) + 1e-9
    zs = (z - mu) / sd
    ym = y.mean()
    beta = np.linalg.solve(zs.T @ zs + alpha * np.eye(len(cols)), zs.T @ (y - ym))
    w = np.zeros(x.shape[1])
    w[cols] = beta / sd
    bias = float(ym - np.sum(beta * mu / sd))
    lo, hi = thresholds(x @ w + bias, y)
    return w, bias, lo, hi


def predict(model: tuple[Array, float, float, float], x: Array) -> Array:
    w, bias, lo, hi = model
    s = x @ w + bias
    return np.where(s >= hi, 2, np.where(s >= lo, 1, 0))


def cv(x: Array, y: Array, cols: list[int], alpha: float, reps: int = 4) -> float:
    scores = []
    for r in range(reps):
        perm = np.random.default_rng(r).permutation(len(y))
        pred = np.empty(len(y), dtype=int)
        for fold in np.array_split(perm, 5):
            train = np.setdiff1d(perm, fold)
            pred[fold] = predict(fit(x[train], y[train], cols, alpha), x[fold])
        scores.append(macro_f1(y, pred))
    return float(np.mean(scores))


def main() -> None:
    pa, news = meter.load(shared("data", "meter"))
    arts = meter.split(news, "showbiz")
    y = np.array([ORDER[a["classification"]] for a in arts])
    names = list(presslens.reuse("", []).features)
    x = np.array([list(r.features.values()) for r in meter.analyse(pa, arts)])
    best = (-1.0, "", 0.0)
    for name, subset in SUBSETS.items():
        for alpha in ALPHAS:
            cols = list(range(len(names))) if subset is None else [names.index(f) for f in subset]
            m = cv(x, y, cols, alpha)
            print(f"  cv macro-F1 {m:.3f}  features={name:<12} alpha={alpha:g}")
            if m > best[0] + 1e-9:
                best = (m, name, alpha)
    _, name, alpha = best
    subset = SUBSETS[name]
    cols = list(range(len(names))) if subset is None else [names.index(f) for f in subset]
    w, bias, lo, hi = fit(x, y, cols, alpha)
    train = macro_f1(y, predict((w, bias, lo, hi), x))
    print(f"showbiz ({len(arts)} articles): chose features={name} alpha={alpha:g}")
    print(f"  cv macro-F1 {best[0]:.3f}, refitted on all of showbiz {train:.3f}")
    print("Rust constants (src/overlap/reuse.rs):")
    print("pub const LABEL_WEIGHTS: [f64; N_FEATURES] = [")
    for n, v in zip(names, w, strict=True):
        print(f"    {v:.4f}, // {n}")
    print("];")
    print(f"pub const LABEL_BIAS: f64 = {bias:.4f};")
    print(f"pub const WHOLLY_MIN_SCORE: f64 = {hi:.3f};")
    print(f"pub const DERIVED_MIN_SCORE: f64 = {lo:.3f};")


if __name__ == "__main__":
    main()
