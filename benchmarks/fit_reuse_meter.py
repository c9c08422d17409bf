"""Fit the reuse label rule on METER showbiz (never on courts) and print the Rust constants.

Run: ``python benchmarks/fit_reuse_meter.py`` (needs ../shared/data/meter).

For every pair (A, B) of the eight reuse features and every pair of thresholds on the showbiz
articles: label wholly-derived when A >= t_w, else partially-derived when B >= t_d, else
non-derived; keep the best 3-way macro-F1. The winner is committed in src/overlap/reuse.rs
(``WHOLLY_MIN_CONTAINMENT_1`` / ``DERIVED_MIN_CONTAINMENT_2``).
"""

from __future__ import annotations

import itertools

import _meter as meter
import numpy as np
from _common import shared

import presslens


def main() -> None:
    pa, news = meter.load(shared("data", "meter"))
    arts = meter.split(news, "showbiz")
    truth = [a["classification"] for a in arts]
    names = list(presslens.reuse("", []).features)
    x = np.array([list(r.features.values()) for r in meter.analyse(pa, arts)])
    best = (-1.0, 0, 0, 0.0, 0.0)
    for ia, ib in itertools.product(range(len(names)), repeat=2):
        for tw in np.unique(np.round(x[:, ia], 2)):
            for td in np.unique(np.round(x[:, ib], 2)):
                pred = [
                    "wholly-derived"
                    if a >= tw
                    else "partially-derived"
                    if b >= td
                    else "non-derived"
                    for a, b in zip(x[:, ia], x[:, ib], strict=True)
                ]
                m = meter.f1s(truth, pred)[0]
                if m > best[0] + 1e-12:
                    best = (m, ia, ib, float(tw), float(td))
    m, ia, ib, tw, td = best
    print(f"showbiz ({len(arts)} articles): best macro-F1 {m:.3f}")
    print(f"  wholly-derived    if {names[ia]} >= {tw:.2f}")
    print(f"  partially-derived if {names[ib]} >= {td:.2f}")
    print("Rust constants (src/overlap/reuse.rs):")
    print(f"  feature {ia} ({names[ia]}): WHOLLY_MIN = {tw:.2f}")
    print(f"  feature {ib} ({names[ib]}): DERIVED_MIN = {td:.2f}")


if __name__ == "__main__":
    main()
