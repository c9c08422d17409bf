"""Candidate article features for the ``presslens.reuse`` label, on METER showbiz (never courts).

Run: ``python benchmarks/explore_reuse_label.py [--reps 10]`` (needs ../shared/data/meter and
scikit-learn).

For every showbiz article: the shipped features (``Reuse.features``; ``derived_mean`` from
out-of-fold word probabilities, as in ``fit_reuse_words.py``) and candidates computed here from
the alignment (``_presslens.reuse_word_features``): the share of the best source (most tiled
words) and of any source that the article uses, the number of sources, the log length ratio of
the article to the best, longest and shortest source, whether the tiles keep the best source's
order (the longest increasing run of source offsets, weighted by tile length, over tiled words
and over article words; Kendall tau of the tile starts), the matched share and mean word
probability outside and inside quotation marks (``presslens.quotes``), and the lead's (first
sentence's, first two sentences') matched share. Prints the AUC of every feature for
non-derived against partially derived and partially against wholly derived articles, then the
grouped cross-validation (5 folds by story, ``--reps`` repetitions; mean and standard
deviation; repetition r uses the out-of-fold word probabilities of seed r % 5, whose noise
is of the size of most differences) of the ridge score with two thresholds (``fit_reuse_meter.fit``) on each feature
alone and added to ``derived_mean``.
"""

from __future__ import annotations

import argparse
from typing import Any

import _meter as meter
import fit_reuse_meter as frm
import fit_reuse_words as frw
import numpy as np
from _common import shared
from sklearn.metrics import roc_auc_score

import presslens

Array = np.ndarray[Any, Any]
OOF_SEEDS = 5


def tiles(tiled: list[tuple[int, int]], core: Array) -> list[tuple[int, int, int, int]]:
    """Runs of core-tiled words with consecutive source words: (article start, length, source,
    source start)."""
    out: list[list[int]] = []
    for i, (s, j) in enumerate(tiled):
        if not core[i]:
            continue
        last = out[-1] if out else None
        if last and last[2] == s and last[0] + last[1] == i and last[3] + last[1] == j:
            last[1] += 1
            continue
        out.append([i, 1, s, j])
    return [(a, n, s, b) for a, n, s, b in out]


def increasing(seq: list[tuple[int, int]]) -> int:
    """Largest total weight of a subsequence with strictly increasing keys ((key, weight))."""
    best: list[int] = []
    for i, (k, w) in enumerate(seq):
        best.append(w + max([best[j] for j in range(i) if seq[j][0] < k], default=0))
    return max(best, default=0)


def kendall(a: list[int], b: list[int]) -> float:
    if len(a) < 3:
        return 0.0
    x, y = np.array(a), np.array(b)
    s = np.sign(x[:, None] - x[None, :]) * np.sign(y[:, None] - y[None, :])
    pairs = len(a) * (len(a) - 1)
    return float(s.sum() / pairs)


def candidates(
    art: frw.Article, source_words: list[int], quotes: list[tuple[int, int]], prob: Array
) -> dict[str, float]:
    n = len(art.spans)
    if n == 0:
        return {}
    core = np.array(
        [s >= 0 and p in (1, 2) for (s, _), p in zip(art.tiled, art.x[:, 2], strict=True)]
    )
    ts = tiles(art.tiled, core)
    lens = np.array(source_words, dtype=float)
    counts = np.zeros(len(lens))
    used: list[set[int]] = [set() for _ in lens]
    for _, k, s, b in ts:
        counts[s] += k
        used[s].update(range(b, b + k))
    best = int(np.argmax(counts)) if len(lens) else 0
    use = np.array([len(u) for u in used]) / np.maximum(lens, 1.0)
    own = [t for t in ts if t[2] == best]
    run = increasing([(b, k) for _, k, _, b in own])
    tiled = sum(k for _, k, _, _ in own)
    quoted = np.array([any(qs <= s and e <= qe for qs, qe in quotes) for s, e in art.spans])
    out, lead1, lead2 = ~quoted, art.sentence <= 0, art.sentence <= 1

    def mean(v: Array, m: Array) -> float:
        return float(v[m].mean()) if m.any() else 0.0

    return {
        "source_used_best": float(use[best]) if len(lens) else 0.0,
        "source_used_max": float(use.max()) if len(lens) else 0.0,
        "sources": float(np.log1p(len(lens))),
        "length_vs_best": float(np.log((n + 1) / (lens[best] + 1))) if len(lens) else 0.0,
        "length_vs_longest": float(np.log((n + 1) / (lens.max() + 1))) if len(lens) else 0.0,
        "length_vs_shortest": float(np.log((n + 1) / (lens.min() + 1))) if len(lens) else 0.0,
        "in_order_of_tiled": run / tiled if tiled else 0.0,
        "in_order_of_article": run / n,
        "kendall_tau": kendall([a for a, _, _, _ in own], [b for _, _, _, b in own]),
        "quoted_share": float(quoted.mean()),
        "tiled_outside_quotes": mean(core, out),
        "tiled_inside_quotes": mean(core, quoted),
        "mean_outside_quotes": mean(prob, out),
        "mean_inside_quotes": mean(prob, quoted),
        "lead_tiled": mean(core, lead1),
        "lead2_tiled": mean(core, lead2),
    }


def cv(
    xs: list[Array], y: Array, groups: list[str], cols: list[int], reps: int
) -> tuple[Array, Array]:
    """Macro-F1 and derived F1 of each repetition of the grouped 5-fold cross-validation
    (repetition ``r`` uses the word probabilities of seed ``r % len(xs)``)."""
    macro, derived = [], []
    for rep in range(reps):
        x = xs[rep % len(xs)]
        fold = frw.folds(groups, 100 + rep)
        pred = np.empty(len(y), dtype=int)
        for k in range(frw.N_FOLDS):
            tr = fold != k
            pred[~tr] = frm.predict(frm.fit(x[tr], y[tr], cols, 1.0), x[~tr])
        macro.append(frm.macro_f1(y, pred))
        derived.append(frw.binary_f1(y > 0, pred > 0))
    return np.array(macro), np.array(derived)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=10)
    reps = ap.parse_args().reps
    pa, news = meter.load(shared("data", "meter"))
    show = meter.split(news, "showbiz")
    arts = frw.prepare(pa, show)
    y = np.array([frw.ORDER[a["classification"]] for a in show])
    groups = [a.group for a in arts]
    shipped = [r.features for r in meter.analyse(pa, show)]
    found = presslens.quotes([a["text"] for a in show])
    lens = [[len(presslens.tokenize(pa[s]["text"])) for s in a["candidate_sources"]] for a in show]
    quotes = [found[found["doc"].astype(str) == str(i)] for i in range(len(show))]
    names: list[str] = []
    xs = []  # one matrix per seed of the out-of-fold word probabilities
    for seed in range(OOF_SEEDS):
        rows = []
        for i, p in enumerate(frw.oof_probabilities(arts, "logistic", seed)):
            q = list(zip(quotes[i]["start"], quotes[i]["end"], strict=True))
            f = dict(shipped[i])
            f["derived_mean"] = float(p.mean()) if len(p) else 0.0
            rows.append(f | candidates(arts[i], lens[i], q, p))
        names = sorted(set().union(*rows), key=lambda k: (k not in shipped[0], k))
        xs.append(np.array([[r.get(k, 0.0) for k in names] for r in rows]))
    x = xs[0]
    print(f"showbiz: {len(y)} articles; AUC non vs partially, partially vs wholly derived")
    for j, k in enumerate(names):
        a01 = roc_auc_score(y[y < 2], x[y < 2, j])
        a12 = roc_auc_score(y[y > 0] == 2, x[y > 0, j])
        print(f"  {k:<22} {a01:.3f}  {a12:.3f}")
    print(f"grouped 5-fold CV, {reps} repetitions: macro-F1, derived F1 (mean +- sd)")
    base = names.index("derived_mean")
    for j, k in enumerate(names):
        for cols, tag in (([j], "alone"), ([base, j], "+ derived_mean")):
            if tag != "alone" and j == base:
                continue
            m, d = cv(xs, y, groups, cols, reps)
            print(
                f"  {k:<22} {tag:<15} {m.mean():.3f} +- {m.std():.3f}   "
                f"{d.mean():.3f} +- {d.std():.3f}"
            )


if __name__ == "__main__":
    main()
