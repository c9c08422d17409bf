"""Rewrite-aware word features for the reuse word model, tested by grouped CV on METER showbiz.

Run: ``python benchmarks/explore_reuse_rewrite.py`` (needs ../shared/data/meter and scikit-learn;
never touches courts). Adds to the 21 alignment features of ``src/overlap/reuse_words.rs``,
computed here in Python: (a) stemmed matching (the word's Snowball stem occurs in a source;
a stemmed bigram with a neighbour occurs in a source) and (b) sentence alignment (each article
sentence's best source sentence by Dice over stemmed content words, found through an inverted
index over stems; that similarity, whether the word's stem occurs in the aligned sentence, the
share of the article sentence's content stems found there). The word model, word threshold and
label rule (score over the ``--subset`` document features, wholly by containment_1) are those of
``fit_reuse_words.py`` with the same folds and seeds; prints mean +- sd of the correlation of the
mean word probability with the journalists' derived share, its AUC for non-derived against
partially derived articles, word-level derived F1 (probability >= 0.5), coverage/precision and
label macro-F1 for each feature set (``--only`` picks some), and the paired differences.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from itertools import pairwise
from typing import Any

import _meter as meter
import fit_reuse_words as fw
import numpy as np
from _common import shared
from sklearn.metrics import roc_auc_score

from presslens import _presslens

Array = np.ndarray[Any, Any]
STOP = set(_presslens.stop_words("english"))
NEW = ["stem_in_source", "stem_bigram", "sent_sim", "stem_in_aligned", "sent_share"]


def stems_of(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return _presslens.stem([text[s:e].lower() for s, e in spans])


def sentences(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Sentence index of each token."""
    out, k, t = [0] * len(spans), 0, 0
    for _, e in _presslens.sentence_spans(text):
        while t < len(spans) and spans[t][0] < e:
            out[t] = k
            t += 1
        k += 1
    for i in range(t, len(spans)):
        out[i] = k
    return out


def rewrite_features(a: fw.Article, pa: dict[str, dict[str, Any]]) -> Array:
    text = a.art["text"]
    st = stems_of(text, a.spans)
    content = [
        text[s:e].lower() not in STOP and any(c.isalnum() for c in text[s:e]) for s, e in a.spans
    ]
    # Sources: stems, stemmed bigrams, content-stem sets per sentence, inverted index.
    src_stems: set[str] = set()
    src_bigrams: set[tuple[str, str]] = set()
    sent_sets: list[set[str]] = []
    index: dict[str, list[int]] = defaultdict(list)
    for sid in a.art["candidate_sources"]:
        s_text = pa[sid]["text"]
        sp = _presslens.token_spans(s_text)
        ss = stems_of(s_text, sp)
        src_stems.update(ss)
        src_bigrams.update(pairwise(ss))
        sents = sentences(s_text, sp)
        groups: dict[int, set[str]] = defaultdict(set)
        for w, (s, e), k in zip(ss, sp, sents, strict=True):
            if s_text[s:e].lower() not in STOP and any(c.isalnum() for c in s_text[s:e]):
                groups[k].add(w)
        for k in sorted(groups):
            for w in groups[k]:
                index[w].append(len(sent_sets))
            sent_sets.append(groups[k])
    n = len(st)
    x = np.zeros((n, len(NEW)))
    asent = sentences(text, a.spans)
    by_sent: dict[int, list[int]] = defaultdict(list)
    for i, k in enumerate(asent):
        by_sent[k].append(i)
    for idx in by_sent.values():
        cs = {st[i] for i in idx if content[i]}
        hits: dict[int, int] = defaultdict(int)
        for w in cs:
            for j in index.get(w, ()):
                hits[j] += 1
        best, sim = -1, 0.0
        for j, h in hits.items():
            d = 2 * h / (len(cs) + len(sent_sets[j]))
            if d > sim:
                best, sim = j, d
        aligned = sent_sets[best] if best >= 0 else set()
        share = len(cs & aligned) / len(cs) if cs else 0.0
        for i in idx:
            x[i, 2] = sim
            x[i, 3] = float(st[i] in aligned)
            x[i, 4] = share
    for i in range(n):
        x[i, 0] = float(st[i] in src_stems)
        left = i > 0 and (st[i - 1], st[i]) in src_bigrams
        right = i + 1 < n and (st[i], st[i + 1]) in src_bigrams
        x[i, 1] = float(left or right)
    return x


def word_f1(arts: list[fw.Article], probs: list[Array]) -> float:
    tp = fp = fn = 0
    for a, p in zip(arts, probs, strict=True):
        if a.y is None:
            continue
        pred = p >= 0.5
        tp += int(np.sum(pred & (a.y == 1)))
        fp += int(np.sum(pred & (a.y == 0)))
        fn += int(np.sum(~pred & (a.y == 1)))
    return 2 * tp / (2 * tp + fp + fn)


def evaluate(
    arts: list[fw.Article], y: Array, cont: Array, seeds: int, subset: str = "mean"
) -> dict[str, Array]:
    oof = [fw.oof_probabilities(arts, "logistic", seed) for seed in range(seeds)]
    cps = {t: np.mean([fw.coverage_of(arts, p, t) for p in oof], axis=0) for t in fw.THRESHOLDS}
    threshold = float(max(fw.THRESHOLDS, key=lambda t: min(cps[t])))
    cols = [(fw.AGGREGATES + fw.CONTAINMENT).index(c) for c in fw.DOC_SUBSETS[subset]]
    macro = []
    for seed in range(seeds * 4):
        x = fw.doc_matrix(arts, oof[seed % len(oof)], threshold, cont)
        fold = fw.folds([a.group for a in arts], 100 + seed)
        pred = np.empty(len(y), dtype=int)
        for k in range(fw.N_FOLDS):
            tr = fold != k
            pred[~tr] = fw.wholly_predict(
                fw.wholly_fit(x[tr], y[tr], cols, fw.CONTAINMENT_1), x[~tr]
            )
        macro.append(fw.doc_macro_f1(y, pred))
    cp = np.array([fw.coverage_of(arts, p, threshold) for p in oof])
    ann = [i for i, a in enumerate(arts) if a.y is not None and len(a.y)]
    truth = np.array([arts[i].y.mean() for i in ann])  # type: ignore[union-attr]
    corr = [np.corrcoef(truth, [p[i].mean() for i in ann])[0, 1] for p in oof]
    low = y < 2
    auc = [
        roc_auc_score(y[low] == 1, np.array([q.mean() if len(q) else 0.0 for q in p])[low])
        for p in oof
    ]
    return {
        "share corr": np.array(corr),
        "nd/pd AUC": np.array(auc),
        "word F1": np.array([word_f1(arts, p) for p in oof]),
        "coverage": cp[:, 0],
        "precision": cp[:, 1],
        "threshold": np.array([threshold]),
        "macro-F1": np.array(macro),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--subset", default="mean", choices=list(fw.DOC_SUBSETS))
    ap.add_argument("--only", nargs="*", default=[], help="feature sets besides the baseline")
    args = ap.parse_args()
    pa, news = meter.load(shared("data", "meter"))
    show = meter.split(news, "showbiz")
    base = fw.prepare(pa, show)
    y = np.array([fw.ORDER[a["classification"]] for a in show])
    cont = np.array([[r.features[c] for c in fw.CONTAINMENT] for r in meter.analyse(pa, show)])
    extra = [rewrite_features(a, pa) for a in base]
    sets = {"baseline": base}
    configs = [("+stems", [0, 1]), ("+sentences", [2, 3, 4]), ("+both", [0, 1, 2, 3, 4])]
    for name, cols in [c for c in configs if not args.only or c[0] in args.only]:
        sets[name] = [
            fw.Article(
                a.art,
                np.hstack([a.x, e[:, cols]]),
                a.spans,
                a.sentence,
                a.tiled,
                a.gap,
                a.y,
                a.group,
            )
            for a, e in zip(base, extra, strict=True)
        ]
    res = {name: evaluate(arts, y, cont, args.seeds, args.subset) for name, arts in sets.items()}
    for name, r in res.items():
        print(
            f"{name:<12} threshold {r['threshold'][0]:.2f} "
            + "  ".join(
                f"{k} {v.mean():.3f} +- {v.std():.3f}" for k, v in r.items() if k != "threshold"
            )
        )
        if name != "baseline":
            print(
                "   paired vs baseline: "
                + "  ".join(
                    f"{k} {(v - res['baseline'][k]).mean():+.3f} +- {(v - res['baseline'][k]).std():.3f}"
                    for k, v in r.items()
                    if k != "threshold"
                )
            )


if __name__ == "__main__":
    main()
