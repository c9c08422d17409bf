"""presslens.reuse on the METER corpus (courts = test set; the rule was fitted on showbiz).

Reads ../shared/data/meter at run time (evaluation-only licence: never copied into the repo);
skipped with a reason when it is absent. The asserted floors are the values measured on
courts (benchmarks/eval_meter.py), slightly rounded down, plus the plain-containment baseline.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import shared_path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import _meter as meter

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def courts() -> tuple[list[dict[str, object]], list[object]]:
    pa, news = meter.load(shared_path("data", "meter"))
    arts = meter.split(news, "courts")
    return arts, meter.analyse(pa, arts)


def test_courts_labels(courts: tuple[list[dict[str, object]], list[object]]) -> None:
    arts, res = courts
    truth = [str(a["classification"]) for a in arts]
    macro, derived = meter.f1s(truth, [r.label for r in res])  # type: ignore[attr-defined]
    assert macro >= 0.57  # measured 0.576; plain 3-gram containment 0.546
    assert derived >= 0.89  # measured 0.894; plain 3-gram containment 0.889


def test_courts_passage_coverage(courts: tuple[list[dict[str, object]], list[object]]) -> None:
    arts, res = courts
    cov, prec = meter.coverage(arts, res)  # type: ignore[arg-type]
    assert cov >= 0.82  # measured 0.822 of verbatim characters covered
    assert prec >= 0.84  # measured 0.843 of covered characters in verbatim/rewrite spans
