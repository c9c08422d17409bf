"""Fit the concept model of the ``coverage`` method on the tuning data only.

Every stemmed bigram (not two stop words) and content word of a cluster is a concept; its
label is whether a human reference of the cluster contains it. The eight features are those
of ``concept_features`` in src/summarize/coverage.rs (share of documents, share of document
leads (first 3 sentences), share of first sentences, ln(1 + sentences), 1 - mean earliest
relative position, bigram flag, share of documents x bigram flag, single-document flag),
computed with presslens's own sentences, tokens and stems. The model is a logistic regression
(scikit-learn, C=1) over DUC 2002 (all 59 clusters) and the DUC 2004 dev split; the DUC 2004
test split is never read. The printed coefficients are ``COEFFICIENTS`` in coverage.rs.

    python benchmarks/fit_duc_concepts.py
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from typing import Any

import numpy as np
from eval_duc import load
from sklearn.linear_model import LogisticRegression

import presslens
from presslens import _presslens

LEAD = 3
STOPS = presslens.stop_words("english")
Key = tuple[str, ...]


def terms(text: str) -> list[tuple[str, bool]]:
    words = presslens.tokenize(text)
    return list(zip(presslens.stem(words), [w in STOPS for w in words], strict=True))


def keys_of(toks: list[tuple[str, bool]]) -> set[Key]:
    out: set[Key] = {(a, b) for (a, sa), (b, sb) in itertools.pairwise(toks) if not (sa and sb)}
    out.update((a,) for a, stop in toks if not stop)
    return out


def features(cluster: dict[str, Any]) -> tuple[list[Key], np.ndarray]:
    texts = [d["text"] for d in cluster["documents"]]
    docs, pos, starts, ends, _, _ = _presslens.sentence_scores(texts, method="lead")
    n_docs = len(texts)
    doc_len = np.bincount(docs, minlength=n_docs)
    st: dict[Key, dict[str, Any]] = defaultdict(
        lambda: {"docs": {}, "lead": set(), "first": set(), "sents": 0}
    )
    for d, p, s, e in zip(docs, pos, starts, ends, strict=True):
        rel = int(p) / max(int(doc_len[d]), 1)
        for k in keys_of(terms(texts[d][int(s) : int(e)])):
            x = st[k]
            x["sents"] += 1
            x["docs"].setdefault(int(d), rel)
            if p < LEAD:
                x["lead"].add(int(d))
            if p == 0:
                x["first"].add(int(d))
    names = list(st)
    rows = []
    for k in names:
        x = st[k]
        df = len(x["docs"])
        bigram = 1.0 if len(k) == 2 else 0.0
        rows.append(
            [
                df / n_docs,
                len(x["lead"]) / n_docs,
                len(x["first"]) / n_docs,
                math.log1p(x["sents"]),
                1.0 - sum(x["docs"].values()) / df,
                bigram,
                df / n_docs * bigram,
                1.0 if df == 1 else 0.0,
            ]
        )
    return names, np.array(rows)


def main() -> None:
    clusters = load("duc2002", "all") + load("duc2004", "dev")
    xs, ys = [], []
    for c in clusters:
        names, x = features(c)
        ref: set[Key] = set()
        for r in c["references"]:
            ref |= keys_of(terms(r))
        xs.append(x)
        ys.append(np.array([k in ref for k in names]))
    model = LogisticRegression(C=1.0, max_iter=5000)
    model.fit(np.vstack(xs), np.concatenate(ys))
    coef = [float(model.intercept_[0]), *(float(b) for b in model.coef_[0])]
    print(f"{len(clusters)} clusters, {sum(len(y) for y in ys)} concepts")
    print("COEFFICIENTS (intercept first):")
    print(", ".join(f"{b:.6f}" for b in coef))


if __name__ == "__main__":
    main()
