"""Fit the concept models of the ``coverage`` method on the tuning data only.

Every stemmed bigram (not two stop words) and content word of a cluster's documents is a
concept. ``_presslens.coverage_concepts`` gives its nine features (``concept_features`` in
src/summarize/coverage.rs: share of documents, of document leads (first 3 sentences) and of
first sentences carrying it, ln(1 + sentences), 1 - mean earliest relative position,
single-document flag, ln(1 + occurrences), ln(occurrences / all occurrences of its kind),
squared share of documents) and the share of the cluster's human references that contain it,
all from presslens's own sentences, tokens and stems. ROUGE recall averages over the
references, so that share is what one mention of the concept is worth; each model is a
logistic regression (scikit-learn, C=1) on it as a fractional label, one for bigrams and one
for content words, fitted over DUC 2002 (all 59 clusters) and the DUC 2004 dev split. The
DUC 2004 test split is never read. The printed coefficients are ``BIGRAM_MODEL`` and
``UNIGRAM_MODEL`` in coverage.rs.

    python benchmarks/fit_duc_concepts.py
"""

from __future__ import annotations

from typing import Any

import numpy as np
from eval_duc import load
from sklearn.linear_model import LogisticRegression

from presslens import _presslens

Table = tuple[np.ndarray, np.ndarray, np.ndarray]


def table(cluster: dict[str, Any]) -> Table:
    texts = [d["text"] for d in cluster["documents"]]
    return _presslens.coverage_concepts(texts, list(cluster["references"]))


def fit_one(x: np.ndarray, y: np.ndarray) -> list[float]:
    # a fractional label y as two weighted rows: (x, 1) with weight y and (x, 0) with 1 - y
    model = LogisticRegression(C=1.0, max_iter=5000)
    model.fit(
        np.vstack([x, x]),
        np.concatenate([np.ones(len(y)), np.zeros(len(y))]),
        sample_weight=np.concatenate([y, 1.0 - y]),
    )
    return [float(model.intercept_[0]), *(float(b) for b in model.coef_[0])]


def fit(tables: list[Table]) -> tuple[list[float], list[float]]:
    """(bigram model, content-word model): intercept first, then the coefficients."""
    x = np.vstack([t[0] for t in tables])
    bigram = np.concatenate([t[1] for t in tables])
    y = np.concatenate([t[2] for t in tables])
    return fit_one(x[bigram], y[bigram]), fit_one(x[~bigram], y[~bigram])


def main() -> None:
    clusters = load("duc2002", "all") + load("duc2004", "dev")
    tables = [table(c) for c in clusters]
    bigram, unigram = fit(tables)
    print(f"{len(clusters)} clusters, {sum(len(t[1]) for t in tables)} concepts")
    print("BIGRAM_MODEL (intercept first):")
    print(", ".join(f"{b:.6f}" for b in bigram))
    print("UNIGRAM_MODEL (intercept first):")
    print(", ".join(f"{b:.6f}" for b in unigram))


if __name__ == "__main__":
    main()
