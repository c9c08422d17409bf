"""MSRP loading and the lexical baselines of issue 7 (tf-idf cosine and Dice on stems)."""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

import numpy as np
from _common import shared

import presslens


def load(split: str) -> tuple[list[str], list[str], np.ndarray[Any, np.dtype[np.int64]]]:
    """Sentences and labels of one MSRP split."""
    a: list[str] = []
    b: list[str] = []
    y: list[int] = []
    with shared("data", "msrp", "pairs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["split"] == split:
                a.append(row["text1"])
                b.append(row["text2"])
                y.append(int(row["label"]))
    return a, b, np.asarray(y, dtype=np.int64)


def _stems(texts: list[str]) -> list[list[str]]:
    return [presslens.tokenize(t, stem=True) for t in texts]


def tfidf_cosine(a: list[str], b: list[str]) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Cosine of tf-idf vectors over stems, idf (smoothed) over the split's sentences."""
    sa, sb = _stems(a), _stems(b)
    docs = {tuple(s) for s in sa + sb}
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    n = len(docs)
    idf = {w: math.log((1 + n) / (1 + c)) + 1 for w, c in df.items()}
    out = []
    for x, z in zip(sa, sb, strict=False):
        vx = {w: c * idf[w] for w, c in Counter(x).items()}
        vz = {w: c * idf[w] for w, c in Counter(z).items()}
        dot = sum(v * vz.get(w, 0.0) for w, v in vx.items())
        nx = math.sqrt(sum(v * v for v in vx.values()))
        nz = math.sqrt(sum(v * v for v in vz.values()))
        out.append(dot / (nx * nz) if nx and nz else 0.0)
    return np.asarray(out)


def dice(a: list[str], b: list[str]) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Dice coefficient of the stem sets."""
    out = []
    for x, z in zip(_stems(a), _stems(b), strict=False):
        sx, sz = set(x), set(z)
        out.append(2 * len(sx & sz) / (len(sx) + len(sz)) if sx or sz else 0.0)
    return np.asarray(out)


def best_threshold(
    scores: np.ndarray[Any, np.dtype[np.float64]], y: np.ndarray[Any, np.dtype[np.int64]]
) -> float:
    """The threshold maximising accuracy (ties: the lowest), over the observed scores."""
    grid = np.unique(np.round(scores, 2))
    accs = [float(((scores >= t) == y).mean()) for t in grid]
    return float(grid[int(np.argmax(accs))])


def acc_f1(
    scores: np.ndarray[Any, np.dtype[np.float64]],
    y: np.ndarray[Any, np.dtype[np.int64]],
    threshold: float,
) -> tuple[float, float]:
    """Accuracy and F1 of ``scores >= threshold``."""
    pred = scores >= threshold
    tp = int((pred & (y == 1)).sum())
    f1 = 2 * tp / (int(pred.sum()) + int((y == 1).sum()))
    return float((pred == (y == 1)).mean()), f1
