"""Fit the word-level reuse model on METER showbiz (never on courts) and print the Rust constants.

Run: ``python benchmarks/fit_reuse_words.py`` (needs ../shared/data/meter and scikit-learn).

Every article word gets the alignment features of ``src/overlap/reuse_words.rs`` (through the
private ``_presslens.reuse_word_features``) and the label of the METER journalists' word-level
annotation: derived when it lies in a ``verbatim`` or ``rewrite`` span, else not (``new`` or
unannotated). A gradient-boosted tree ensemble (scikit-learn, depth 3) learns the probability
that a word is derived; a covered word is a tiled or gap word with probability at least the
word threshold. The threshold is chosen by 5-fold cross-validation grouped by story (all
articles of one date/catchline in one fold) so that passages cover at least 90% of verbatim
characters with the best precision. The document label is then a linear score of the
article's aggregate features (covered share, mean word probability, word 1- to 4-gram
containment), the feature subset and ridge penalty chosen by the same grouped cross-validation,
on out-of-fold word probabilities. Two rules for the label are compared by that
cross-validation: two thresholds on the score, or a threshold on the score for derived and one
on word unigram containment for wholly derived (4 x ``--seeds`` repetitions; the mean, the
spread and the paired difference are printed). Prints the CV numbers and the constants of
``src/overlap/reuse.rs`` and ``src/overlap/reuse_words.rs``.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any

import _meter as meter
import numpy as np
from _common import shared
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import presslens
from presslens import _presslens

Array = np.ndarray[Any, Any]
ORDER = {"non-derived": 0, "partially-derived": 1, "wholly-derived": 2}
N_FOLDS = 5
TREES = 60
DEPTH = 3
LEARNING_RATE = 0.1
MIN_LEAF = 20


@dataclass
class Article:
    """One article's words: features, char spans, labels and alignment."""

    art: dict[str, Any]
    x: Array
    spans: list[tuple[int, int]]
    sentence: Array
    tiled: list[tuple[int, int]]
    gap: Array
    y: Array | None  # 1 derived (verbatim/rewrite), 0 not; None when unannotated
    group: str


def story(a: dict[str, Any]) -> str:
    parts = a["id"].split("/")
    return f"{parts[2]}/{parts[3]}"


def prepare(pa: dict[str, dict[str, Any]], arts: list[dict[str, Any]]) -> list[Article]:
    out = []
    for a in arts:
        srcs = [pa[s]["text"] for s in a["candidate_sources"]]
        _, rows, spans, sent, tiled, gap = _presslens.reuse_word_features(a["text"], srcs)
        x = np.array(rows, dtype=float).reshape(len(spans), -1)
        y = None
        if a.get("spans"):
            kind = np.zeros(len(a["text"]) + 1, dtype=np.int8)
            for s in a["spans"]:
                kind[s["start"] : s["end"]] = {"verbatim": 1, "rewrite": 2, "new": 3}[s["type"]]
            y = np.array([1 if kind[s] in (1, 2) else 0 for s, _ in spans], dtype=int)
        out.append(Article(a, x, spans, np.array(sent), tiled, np.array(gap), y, story(a)))
    return out


def folds(groups: list[str], seed: int) -> Array:
    """Fold of each article: stories shuffled and dealt to folds by size."""
    rng = np.random.default_rng(seed)
    uniq = sorted(set(groups))
    rng.shuffle(uniq)
    size = {g: groups.count(g) for g in uniq}
    load = [0] * N_FOLDS
    fold_of = {}
    for g in sorted(uniq, key=lambda g: -size[g]):
        k = int(np.argmin(load))
        fold_of[g] = k
        load[k] += size[g]
    return np.array([fold_of[g] for g in groups])


def word_model(kind: str) -> Any:
    if kind == "logistic":
        return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    return GradientBoostingClassifier(
        n_estimators=TREES,
        max_depth=DEPTH,
        learning_rate=LEARNING_RATE,
        min_samples_leaf=MIN_LEAF,
        random_state=0,
    )


def fit_words(arts: list[Article], kind: str) -> Any:
    ann = [a for a in arts if a.y is not None]
    x = np.vstack([a.x for a in ann])
    y = np.concatenate([a.y for a in ann if a.y is not None])
    return word_model(kind).fit(x, y)


def probabilities(model: Any, a: Article) -> Array:
    if len(a.x) == 0:
        return np.zeros(0)
    return np.asarray(model.predict_proba(a.x)[:, 1])


def passages(a: Article, covered: Array) -> list[tuple[int, int, int]]:
    """Word-range passages (start, end, tiled words), as reuse_words::passages in Rust."""
    out = []
    cur: list[int] | None = None  # source, start, end, last tiled end, source end, words

    def close() -> None:
        nonlocal cur
        if cur is not None:
            out.append((cur[1], cur[3], cur[5]))
        cur = None

    for i in range(len(covered)):
        if not covered[i]:
            close()
            continue
        s, j = a.tiled[i]
        if s >= 0:
            if cur is not None and cur[0] == s and cur[2] == i and cur[4] <= j <= cur[4] + 30:
                cur[2], cur[3], cur[4], cur[5] = i + 1, i + 1, j + 1, cur[5] + 1
                continue
            close()
            cur = [s, i, i + 1, i + 1, j + 1, 1]
        elif cur is not None and a.gap[i] == cur[0] and cur[2] == i:
            cur[2] = i + 1
        else:
            close()
    close()
    return out


def covered_words(a: Article, p: Array, threshold: float) -> Array:
    tiled = np.array([s >= 0 for s, _ in a.tiled], dtype=bool)
    cand = tiled | (a.gap >= 0)
    return cand & (p >= threshold)


@dataclass
class _P:
    start: int
    end: int


@dataclass
class _R:
    passages: list[_P]


def char_passages(a: Article, p: Array, threshold: float) -> _R:
    """Character passages: word runs widened over the punctuation attached to their ends."""
    cov = covered_words(a, p, threshold)
    text = a.art["text"]
    out = []
    for s, e, _ in passages(a, cov):
        cs, ce = a.spans[s][0], a.spans[e - 1][1]
        while ce < len(text) and not text[ce].isspace() and not text[ce].isalnum():
            ce += 1
        while cs > 0 and not text[cs - 1].isspace() and not text[cs - 1].isalnum():
            cs -= 1
        out.append(_P(cs, ce))
    return _R(out)


def aggregates(a: Article, p: Array, threshold: float) -> list[float]:
    """Document features from word probabilities, as reuse.rs computes them: the share of words
    inside a passage (``share``) and the mean word probability (``derived_mean``)."""
    n = len(p)
    if n == 0:
        return [0.0, 0.0]
    cov = np.zeros(n, dtype=bool)
    for s, e, _ in passages(a, covered_words(a, p, threshold)):
        cov[s:e] = True
    return [float(cov.mean()), float(p.mean())]


AGGREGATES = ["share", "derived_mean"]


def coverage_of(arts: list[Article], probs: list[Array], threshold: float) -> tuple[float, float]:
    ann = [(a, p) for a, p in zip(arts, probs, strict=True) if a.y is not None]
    res = [char_passages(a, p, threshold) for a, p in ann]
    return meter.coverage([a.art for a, _ in ann], res)  # type: ignore[arg-type]


def oof_probabilities(arts: list[Article], kind: str, seed: int) -> list[Array]:
    fold = folds([a.group for a in arts], seed)
    probs: list[Array] = [np.zeros(0)] * len(arts)
    for k in range(N_FOLDS):
        model = fit_words([a for a, f in zip(arts, fold, strict=True) if f != k], kind)
        for i, a in enumerate(arts):
            if fold[i] == k:
                probs[i] = probabilities(model, a)
    return probs


DOC_SUBSETS = {
    "containment": ["containment_1", "containment_2", "containment_3", "containment_4"],
    "mean+containment": ["derived_mean", "containment_1", "containment_2"],
    "share+containment": ["share", "containment_1", "containment_2"],
    "mean": ["derived_mean"],
    "mean+share": ["derived_mean", "share"],
}
CONTAINMENT = ["containment_1", "containment_2", "containment_3", "containment_4"]
CONTAINMENT_1 = len(AGGREGATES)  # column of containment_1 in doc_matrix
THRESHOLDS = np.round(np.arange(0.30, 0.71, 0.02), 2)


def doc_matrix(arts: list[Article], probs: list[Array], threshold: float, cont: Array) -> Array:
    agg = np.array([aggregates(a, p, threshold) for a, p in zip(arts, probs, strict=True)])
    return np.hstack([agg, cont])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind", default="logistic", choices=["trees", "logistic"])
    ap.add_argument("--seeds", type=int, default=3)
    args = ap.parse_args()
    pa, news = meter.load(shared("data", "meter"))
    show = meter.split(news, "showbiz")
    arts = prepare(pa, show)
    print(f"showbiz: {len(arts)} articles, {sum(a.y is not None for a in arts)} annotated")
    y = np.array([ORDER[a["classification"]] for a in show])
    cont = np.array([[r.features[c] for c in CONTAINMENT] for r in meter.analyse(pa, show)])
    names = AGGREGATES + CONTAINMENT
    oof = [oof_probabilities(arts, args.kind, seed) for seed in range(args.seeds)]
    # Word threshold: best min(coverage, precision), cross-validated.
    cps = {t: np.mean([coverage_of(arts, p, t) for p in oof], axis=0) for t in THRESHOLDS}
    threshold = float(max(THRESHOLDS, key=lambda t: min(cps[t])))
    for t in THRESHOLDS[::2]:
        print(f"  word threshold {t:.2f}: cv coverage {cps[t][0]:.3f} precision {cps[t][1]:.3f}")
    cov, prec = cps[threshold]
    print(f"chose word threshold {threshold:.2f}: cv coverage {cov:.3f}, precision {prec:.3f}")
    # Document label: feature subset by grouped cross-validation on out-of-fold words.
    best = (-1.0, "", 0.0)
    for name, subset in DOC_SUBSETS.items():
        cols = [names.index(c) for c in subset]
        macro, derived = [], []
        for seed, probs in enumerate(oof):
            x = doc_matrix(arts, probs, threshold, cont)
            fold = folds([a.group for a in arts], 100 + seed)
            pred = np.empty(len(y), dtype=int)
            for k in range(N_FOLDS):
                tr = fold != k
                pred[~tr] = doc_predict(doc_fit(x[tr], y[tr], cols), x[~tr])
            macro.append(doc_macro_f1(y, pred))
            derived.append(binary_f1(y > 0, pred > 0))
        m, d = float(np.mean(macro)), float(np.mean(derived))
        print(f"  doc features {name:<18} cv macro-F1 {m:.3f} derived F1 {d:.3f}")
        if m > best[0] + 1e-9:
            best = (m, name, d)
    _, name, derived_f1 = best
    print(f"chose doc features {name}: cv macro-F1 {best[0]:.3f}, derived F1 {derived_f1:.3f}")
    cols = [names.index(c) for c in DOC_SUBSETS[name]]
    c1 = names.index("containment_1")
    assert c1 == CONTAINMENT_1
    rules = {
        "score": (lambda x, t: doc_fit(x, t, cols), doc_predict),
        "score+containment_1": (lambda x, t: wholly_fit(x, t, cols, c1), wholly_predict),
    }
    cv_macro: dict[str, Array] = {}
    for rule, (fit, predict) in rules.items():
        macro, derived = [], []
        for seed in range(max(args.seeds, 1) * 4):
            x = doc_matrix(arts, oof[seed % len(oof)], threshold, cont)
            fold = folds([a.group for a in arts], 100 + seed)
            pred = np.empty(len(y), dtype=int)
            for k in range(N_FOLDS):
                tr = fold != k
                pred[~tr] = predict(fit(x[tr], y[tr]), x[~tr])
            macro.append(doc_macro_f1(y, pred))
            derived.append(binary_f1(y > 0, pred > 0))
        cv_macro[rule] = np.array(macro)
        print(
            f"  label rule {rule:<20} cv macro-F1 {np.mean(macro):.3f} +- {np.std(macro):.3f}, "
            f"derived F1 {np.mean(derived):.3f} +- {np.std(derived):.3f}"
        )
    diff = cv_macro["score+containment_1"] - cv_macro["score"]
    print(
        f"  containment_1 for wholly minus score: {diff.mean():+.3f} +- {diff.std():.3f} "
        f"(better in {int(np.sum(diff > 0))} of {len(diff)} repetitions)"
    )
    # Refit everything on all of showbiz and print the constants.
    model = fit_words(arts, args.kind)
    weights, bias = export_logistic(model)
    probs = [probabilities(model, a) for a in arts]
    x = doc_matrix(arts, probs, threshold, cont)
    w, b, lo, wholly = wholly_fit(x, y, cols, c1)
    feat = list(_presslens.reuse_word_features("", [])[0])
    print("\n// src/overlap/reuse_words.rs and src/overlap/reuse.rs")
    print("pub const WORD_WEIGHTS: [f64; N_WORD_FEATURES] = [")
    for n, v in zip(feat, weights, strict=True):
        print(f"    {v:.6f}, // {n}")
    print("];")
    print(f"pub const WORD_BIAS: f64 = {bias:.6f};")
    print(f"pub const WORD_MIN_PROBABILITY: f64 = {threshold:.2f};")
    by_name = dict(zip(names, w, strict=True))
    print("pub const LABEL_WEIGHTS: [f64; N_FEATURES] = [")
    for n in presslens.reuse("", []).features:
        print(f"    {by_name.get(n, 0.0):.4f}, // {n}")
    print("];")
    print(f"pub const LABEL_BIAS: f64 = {b:.4f};")
    print(f"pub const WHOLLY_MIN_CONTAINMENT: f64 = {wholly:.3f};")
    print(f"pub const DERIVED_MIN_SCORE: f64 = {lo:.3f};")


def midpoints(v: Array) -> Array:
    """Thresholds halfway between consecutive distinct values (and below the smallest)."""
    u = np.unique(v)
    return np.concatenate([[u[0] - 1e-6], (u[1:] + u[:-1]) / 2]) if len(u) else u


def wholly_fit(x: Array, y: Array, cols: list[int], c1: int) -> tuple[Array, float, float, float]:
    """The ridge score of ``doc_fit``; then a threshold on the score (derived or not) and one on
    column ``c1`` (wholly derived or not) that maximise 3-way macro-F1 together."""
    w, b, _, _ = doc_fit(x, y, cols)
    score = x @ w + b
    best = (-1.0, 0.0, 0.0)
    for lo in midpoints(score):
        derived = score >= lo
        for hi in midpoints(x[:, c1]):
            m = doc_macro_f1(y, np.where(x[:, c1] >= hi, 2, derived.astype(int)))
            if m > best[0] + 1e-12:
                best = (m, float(lo), float(hi))
    return w, b, best[1], best[2]


def wholly_predict(model: tuple[Array, float, float, float], x: Array) -> Array:
    w, b, lo, hi = model
    return np.where(x[:, CONTAINMENT_1] >= hi, 2, (x @ w + b >= lo).astype(int))


def export_logistic(model: Any) -> tuple[Array, float]:
    """Raw-feature weights and bias of the standardised logistic regression."""
    scaler, lr = model.steps[0][1], model.steps[1][1]
    coef = lr.coef_[0] / scaler.scale_
    return coef, float(lr.intercept_[0] - np.sum(coef * scaler.mean_))


def doc_fit(x: Array, y: Array, cols: list[int]) -> tuple[Array, float, float, float]:
    import fit_reuse_meter

    return fit_reuse_meter.fit(x, y, cols, 1.0)


def doc_predict(model: tuple[Array, float, float, float], x: Array) -> Array:
    import fit_reuse_meter

    return fit_reuse_meter.predict(model, x)


def doc_macro_f1(y: Array, p: Array) -> float:
    import fit_reuse_meter

    return fit_reuse_meter.macro_f1(y, p)


def binary_f1(t: Array, p: Array) -> float:
    tp = float(np.sum(t & p))
    return 0.0 if tp == 0 else 2 * tp / float(np.sum(t) + np.sum(p))


if __name__ == "__main__":
    main()
