"""Refit the logistic weights of presslens.similarity on MSRP train (needs scikit-learn).

Prints the weights, the intercept and the train-accuracy threshold to paste into
``src/align/similarity.rs``; reports 5-fold cross-validated train accuracy, never test. The
features come from the native ``sentence_features`` (idf over the train split's sentences).

Run: ``python benchmarks/fit_similarity_msrp.py``.
"""

from __future__ import annotations

import _msrp
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.preprocessing import StandardScaler

from presslens import _presslens


def main() -> None:
    a, b, y = _msrp.load("train")
    x = _presslens.sentence_features(a, b)
    names = _presslens.similarity_model()[0]
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=1.0, max_iter=5000).fit(scaler.transform(x), y)
    weights = model.coef_[0] / scaler.scale_
    intercept = float(model.intercept_[0] - (model.coef_[0] * scaler.mean_ / scaler.scale_).sum())
    p = 1 / (1 + np.exp(-(x @ weights + intercept)))
    grid = np.round(np.arange(0.30, 0.71, 0.01), 2)
    accs = [float(((p >= t) == y).mean()) for t in grid]
    threshold = float(grid[int(np.argmax(accs))])
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    pcv = cross_val_predict(
        LogisticRegression(C=1.0, max_iter=5000),
        scaler.transform(x),
        y,
        cv=cv,
        method="predict_proba",
    )[:, 1]
    for name, w in zip(names, weights, strict=False):
        print(f"{name:<16} {w:9.4f}")
    print(f"intercept        {intercept:9.4f}")
    print(
        f"threshold {threshold:.2f}: train accuracy {max(accs):.3f}, "
        f"5-fold CV accuracy {float(((pcv >= threshold) == y).mean()):.3f}"
    )
    print("WEIGHTS:", ", ".join(f"{w:.4f}" for w in weights))


if __name__ == "__main__":
    main()
