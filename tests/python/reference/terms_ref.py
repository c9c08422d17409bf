"""Pure-Python oracles for presslens.terms: log-odds with an informative Dirichlet prior,
bigram LLR/PMI, MTLD."""

from __future__ import annotations

import itertools
import math
from collections import Counter


def log_odds_dirichlet(
    groups: dict[str, Counter[str]], alpha: float, min_count: int, top: int
) -> list[tuple[str, str, int, float, float]]:
    """Monroe, Colaresi & Quinn (2008), each group against the others; prior alpha * y_w."""
    total: Counter[str] = Counter()
    for c in groups.values():
        total.update(c)
    n = sum(total.values())
    a0 = alpha * n
    out = []
    for g, counts in groups.items():
        n_i = sum(counts.values())
        n_j = n - n_i
        rows = []
        for w, yi in counts.items():
            if yi < max(min_count, 1):
                continue
            yj = total[w] - yi
            aw = alpha * total[w]
            delta = math.log((yi + aw) / (n_i + a0 - yi - aw)) - math.log(
                (yj + aw) / (n_j + a0 - yj - aw)
            )
            var = 1 / (yi + aw) + 1 / (yj + aw)
            rows.append((g, w, yi, delta, delta / math.sqrt(var)))
        rows.sort(key=lambda r: (-r[4], r[1]))
        out.extend(rows[:top])
    return out


def _xlogx(k: float, e: float) -> float:
    return k * math.log(k / e) if k > 0 else 0.0


def bigram_scores(
    sentences: list[list[str]], measure: str, min_count: int
) -> dict[tuple[str, str], tuple[int, float]]:
    """Dunning's LLR or PMI of every bigram inside the given token sentences."""
    pairs: Counter[tuple[str, str]] = Counter()
    for s in sentences:
        pairs.update(itertools.pairwise(s))
    first: Counter[str] = Counter()
    second: Counter[str] = Counter()
    for (a, b), k in pairs.items():
        first[a] += k
        second[b] += k
    n = sum(pairs.values())
    out = {}
    for (a, b), k in pairs.items():
        if k < min_count:
            continue
        c1, c2 = first[a], second[b]
        if measure == "pmi":
            score = math.log2(k * n / (c1 * c2))
        else:
            k11, k12, k21 = k, c1 - k, c2 - k
            k22 = n - c1 - c2 + k
            r1, r2, s1, s2 = c1, n - c1, c2, n - c2
            score = 2 * (
                _xlogx(k11, r1 * s1 / n)
                + _xlogx(k12, r1 * s2 / n)
                + _xlogx(k21, r2 * s1 / n)
                + _xlogx(k22, r2 * s2 / n)
            )
        out[(a, b)] = (k, score)
    return out


def mtld(words: list[str], threshold: float = 0.72) -> float:
    """Bidirectional MTLD (McCarthy & Jarvis 2010), NaN when no factor is completed."""

    def one(seq: list[str]) -> float:
        types: set[str] = set()
        tokens = 0
        ttr = 1.0
        factors = 0.0
        for w in seq:
            tokens += 1
            types.add(w)
            ttr = len(types) / tokens
            if ttr <= threshold:
                factors += 1
                types, tokens, ttr = set(), 0, 1.0
        factors += (1 - ttr) / (1 - threshold)
        return len(seq) / factors if factors else math.nan

    if not words:
        return math.nan
    return (one(words) + one(words[::-1])) / 2
