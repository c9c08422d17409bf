"""Golden sentence-splitting cases shared with the Rust test tests/rust/cases.rs.

Every case of tests/cases/sentences.toml is split with ``presslens.split_sentences``; the
overall pass rate must reach 98.5 % (the same threshold as ``cargo test --test cases``), and
``presslens.sentence_spans`` must return spans whose slices are exactly those sentences.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

import itertools

import presslens

CASES_PATH = Path(__file__).resolve().parents[1] / "cases" / "sentences.toml"
THRESHOLD = 98.5


def load_cases() -> list[dict]:
    with CASES_PATH.open("rb") as f:
        return tomllib.load(f)["case"]


CASES = load_cases()


def test_enough_cases() -> None:
    assert len(CASES) >= 120
    assert len({c["name"] for c in CASES}) == len(CASES)


def test_sentence_pass_rate() -> None:
    per_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for case in CASES:
        got = list(presslens.split_sentences(case["text"], language=case["language"]))
        stats = per_category[case["category"]]
        stats[1] += 1
        if got == case["sentences"]:
            stats[0] += 1
        else:
            failures.append(
                f"FAIL {case['name']} [{case['category']}/{case['language']}]\n"
                f"  text:     {case['text']!r}\n"
                f"  expected: {case['sentences']!r}\n"
                f"  got:      {got!r}"
            )
    for category, (passed, total) in sorted(per_category.items()):
        print(f"{category:<18} {passed:>3}/{total:<3} {100 * passed / total:6.1f}%")
    rate = 100 * (len(CASES) - len(failures)) / len(CASES)
    print(f"overall: {rate:.1f}% (threshold {THRESHOLD}%)")
    for failure in failures:
        print(failure)
    assert rate >= THRESHOLD, f"pass rate {rate:.1f}% below {THRESHOLD}%\n" + "\n".join(failures)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_spans_match_sentences(case: dict) -> None:
    text = case["text"]
    sentences = list(presslens.split_sentences(text, language=case["language"]))
    spans = [tuple(span) for span in presslens.sentence_spans(text, language=case["language"])]
    assert [text[start:end] for start, end in spans] == sentences
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
