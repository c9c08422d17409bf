"""presslens.reuse on the METER corpus (the word model and the label rule were fitted on showbiz).

Reads ../shared/data/meter at run time (evaluation-only licence: never copied into the repo);
skipped with a reason when it is absent. ``FLOORS`` holds, per domain, the asserted floors of
3-way macro-F1, derived-vs-non-derived F1, the share of verbatim characters inside a passage and
the share of passage characters inside verbatim or rewrite spans: the values measured by
``python benchmarks/eval_meter.py <domain>``, rounded down. Showbiz is the tuning set (its values
are in-sample); a domain is tested once it has floors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import shared_path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import _meter as meter

pytestmark = pytest.mark.shared

# domain: (macro-F1, derived F1, verbatim coverage, precision of covered characters)
FLOORS: dict[str, tuple[float, float, float, float]] = {
    "showbiz": (0.65, 0.83, 0.87, 0.86),  # measured 0.662, 0.837, 0.878, 0.874
    "courts": (0.58, 0.88, 0.94, 0.77),  # test, scored once: 0.583, 0.892, 0.946, 0.778
}


@pytest.mark.parametrize("domain", sorted(FLOORS))
def test_meter_floors(domain: str) -> None:
    pa, news = meter.load(shared_path("data", "meter"))
    arts = meter.split(news, domain)
    res = meter.analyse(pa, arts)
    macro, derived = meter.f1s([str(a["classification"]) for a in arts], [r.label for r in res])
    cov, prec = meter.coverage(arts, res)
    floor = FLOORS[domain]
    assert macro >= floor[0]
    assert derived >= floor[1]
    assert cov >= floor[2]
    assert prec >= floor[3]
