"""METER corpus helpers shared by fit_reuse_meter.py, eval_meter.py and the METER test.

Reads ../shared/data/meter (evaluation-only data, never copied into the repository).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

import presslens

LABELS = ["wholly-derived", "partially-derived", "non-derived"]


def load(meter_dir: Path) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """PA texts by id, and the newspaper articles."""
    with (meter_dir / "pa.jsonl").open(encoding="utf-8") as fh:
        pa = {r["id"]: r for r in map(json.loads, fh)}
    with (meter_dir / "newspapers.jsonl").open(encoding="utf-8") as fh:
        news = [json.loads(line) for line in fh]
    return pa, news


def analyse(pa: dict[str, dict[str, Any]], articles: list[dict[str, Any]]) -> list[presslens.Reuse]:
    """presslens.reuse of every article against its candidate sources."""
    return [
        presslens.reuse(a["text"], {s: pa[s]["text"] for s in a["candidate_sources"]})
        for a in articles
    ]


def containment_baseline(
    pa: dict[str, dict[str, Any]], article: dict[str, Any], n: int = 3
) -> float:
    """Plain word n-gram containment of the article in the union of its sources (pure Python)."""

    def grams(text: str) -> set[tuple[str, ...]]:
        toks = presslens.tokenize(text)
        return {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)}

    a = grams(article["text"])
    if not a:
        return 0.0
    src: set[tuple[str, ...]] = set()
    for s in article["candidate_sources"]:
        src |= grams(pa[s]["text"])
    return len(a & src) / len(a)


def f1s(truth: list[str], pred: list[str]) -> tuple[float, float]:
    """3-way macro F1, and F1 of derived (wholly or partially) vs non-derived."""

    def f1(t: np.ndarray[Any, Any], p: np.ndarray[Any, Any]) -> float:
        tp = float(np.sum(t & p))
        prec = tp / max(float(np.sum(p)), 1.0)
        rec = tp / max(float(np.sum(t)), 1.0)
        return 0.0 if tp == 0 else 2 * prec * rec / (prec + rec)

    t = np.array(truth)
    p = np.array(pred)
    macro = float(np.mean([f1(t == c, p == c) for c in LABELS]))
    derived = f1(t != "non-derived", p != "non-derived")
    return macro, derived


def two_thresholds(score: list[float], truth: list[str]) -> tuple[float, float]:
    """Thresholds (low, high) on one score maximising 3-way macro F1: >= high wholly,
    >= low partially, else non-derived."""
    grid = sorted(set(np.round(score, 3)))
    best = (-1.0, 0.0, 0.0)
    for i, lo in enumerate(grid):
        for hi in grid[i:]:
            pred = [rule(s, lo, hi) for s in score]
            m, _ = f1s(truth, pred)
            if m > best[0]:
                best = (m, lo, hi)
    return best[1], best[2]


def rule(s: float, lo: float, hi: float) -> str:
    return "wholly-derived" if s >= hi else "partially-derived" if s >= lo else "non-derived"


def coverage(articles: list[dict[str, Any]], results: list[presslens.Reuse]) -> tuple[float, float]:
    """Share of verbatim-span characters inside a reuse passage, and share of passage-covered
    characters inside verbatim or rewrite spans (annotated articles; whitespace ignored)."""
    verb_total = verb_cov = cov_total = cov_in = 0
    for a, r in zip(articles, results, strict=True):
        if not a.get("spans"):
            continue
        text = a["text"]
        covered = np.zeros(len(text), dtype=bool)
        for p in r.passages:
            covered[p.start : p.end] = True
        kind = np.zeros(len(text), dtype=np.int8)  # 0 none, 1 verbatim, 2 rewrite, 3 new
        code = {"verbatim": 1, "rewrite": 2, "new": 3}
        for s in a["spans"]:
            kind[s["start"] : s["end"]] = code[s["type"]]
        ws = np.array([c.isspace() for c in text], dtype=bool)
        verb = (kind == 1) & ~ws
        verb_total += int(verb.sum())
        verb_cov += int((verb & covered).sum())
        cov = covered & ~ws
        cov_total += int(cov.sum())
        cov_in += int((cov & ((kind == 1) | (kind == 2))).sum())
    return verb_cov / max(verb_total, 1), cov_in / max(cov_total, 1)


def split(news: list[dict[str, Any]], domain: str) -> list[dict[str, Any]]:
    return [a for a in news if a["domain"] == domain]
