"""Evaluate presslens.reuse on one METER domain; everything was fitted on showbiz only.

Run: ``python benchmarks/eval_meter.py [showbiz|courts]`` (needs ../shared/data/meter; default
showbiz, the tuning set; courts is the test set, to be looked at once).

Prints, for the chosen domain, 3-way macro-F1 and derived-vs-non-derived F1 of
``presslens.reuse(...).label`` and of the plain baseline (word 3-gram containment of the
article in the union of its candidate sources, two thresholds tuned on showbiz), and the
passage coverage of the word-level annotation (verbatim characters covered by a reuse passage;
covered characters inside verbatim or rewrite spans).
"""

from __future__ import annotations

import argparse
import time

import _meter as meter
from _common import shared


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("domain", nargs="?", default="showbiz", choices=["showbiz", "courts"])
    domain = ap.parse_args().domain
    pa, news = meter.load(shared("data", "meter"))
    show, arts = meter.split(news, "showbiz"), meter.split(news, domain)
    base_show = [meter.containment_baseline(pa, a) for a in show]
    lo, hi = meter.two_thresholds(base_show, [a["classification"] for a in show])
    print(f"baseline thresholds (showbiz): partially >= {lo:.3f}, wholly >= {hi:.3f}")
    print(f"\n{'domain':<22} {'method':<34} {'macro-F1':>9} {'derived F1':>11}")
    truth = [a["classification"] for a in arts]
    t0 = time.perf_counter()
    res = meter.analyse(pa, arts)
    secs = time.perf_counter() - t0
    ours = meter.f1s(truth, [r.label for r in res])
    base = meter.f1s(truth, [meter.rule(meter.containment_baseline(pa, a), lo, hi) for a in arts])
    tag = " (tuning set)" if domain == "showbiz" else " (test)"
    print(f"{domain + tag:<22} {'presslens.reuse label':<34} {ours[0]:9.3f} {ours[1]:11.3f}")
    print(f"{'':<22} {'3-gram containment baseline':<34} {base[0]:9.3f} {base[1]:11.3f}")
    cov, prec = meter.coverage(arts, res)
    print(
        f"{'':<22} passages: {cov:.1%} of verbatim chars covered, {prec:.1%} of covered chars "
        f"in verbatim/rewrite spans ({len(arts)} articles in {secs:.1f} s)"
    )


if __name__ == "__main__":
    main()
