"""presslens.similarity on the Microsoft Research Paraphrase Corpus (issue 7's quality floor).

For each method the threshold is chosen on the train split (maximum accuracy) and accuracy
and F1 are reported once on the test split. Baselines: majority class, tf-idf cosine on
stems, Dice on stems. presslens uses the threshold baked into the model
(``presslens.align.MSRP_THRESHOLD``, chosen on train when the weights were fitted).

Run: ``python benchmarks/eval_msrp.py`` (reads ../shared/data/msrp).
"""

from __future__ import annotations

import _msrp
import numpy as np

import presslens
from presslens.align import MSRP_THRESHOLD


def main() -> None:
    tr_a, tr_b, y_tr = _msrp.load("train")
    te_a, te_b, y_te = _msrp.load("test")
    print(f"MSRP: {len(y_tr)} train pairs, {len(y_te)} test pairs")
    print(f"{'method':<28} {'threshold':>9} {'accuracy':>9} {'F1':>7}")
    majority = np.ones(len(y_te))
    acc, f1 = _msrp.acc_f1(majority, y_te, 0.5)
    print(f"{'majority class':<28} {'-':>9} {acc:9.3f} {f1:7.3f}")
    for name, fn in (("tf-idf cosine on stems", _msrp.tfidf_cosine), ("Dice on stems", _msrp.dice)):
        t = _msrp.best_threshold(fn(tr_a, tr_b), y_tr)
        acc, f1 = _msrp.acc_f1(fn(te_a, te_b), y_te, t)
        print(f"{name:<28} {t:9.2f} {acc:9.3f} {f1:7.3f}")
    scores = presslens.similarity(te_a, te_b)
    acc, f1 = _msrp.acc_f1(scores, y_te, MSRP_THRESHOLD)
    print(f"{'presslens.similarity':<28} {MSRP_THRESHOLD:9.2f} {acc:9.3f} {f1:7.3f}")


if __name__ == "__main__":
    main()
