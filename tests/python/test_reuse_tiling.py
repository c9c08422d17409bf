"""presslens.reuse: greedy string tiling passages, features and the label rule (fictional text)."""

from __future__ import annotations

import pickle

import pytest

import presslens

WIRE = (
    "A baker who sold cakes laced with pepper to a village fete was fined 400 pounds today at "
    "Dunmore Magistrates Court. The chairman of the bench told her the prank had upset "
    "dozens of children and their parents. She said she was deeply sorry and would pay "
    "for a new fete next summer."
)


def test_rewritten_copy_is_covered_and_new_text_is_not() -> None:
    article = (
        "A BAKER who sold cakes laced with pepper to a village fete was ordered to pay 400 "
        "pounds yesterday at Dunmore Magistrates Court. Her husband runs the hardware shop "
        "on the high street."
    )
    r = presslens.reuse(article, {"pa": WIRE})
    texts = [p.text for p in r.passages]
    # Case differences do not matter; the short pieces "400 pounds" and "at Dunmore
    # Magistrates Court" are found next to the long tile.
    assert texts[0].startswith("A BAKER who sold cakes")
    assert any("Dunmore Magistrates Court" in t for t in texts)
    assert all("hardware" not in t for t in texts)
    assert all(p.source == "pa" and article[p.start : p.end] == p.text for p in r.passages)
    f = r.features
    assert 0.0 < f["sentences_new"] < 1.0
    assert f["tiled_near"] >= f["tiled_3"] >= f["tiled_5"] >= f["tiled_8"]
    assert r.verbatim_share <= r.share <= 1.0


def test_label_follows_the_score() -> None:
    copy = presslens.reuse(WIRE, [WIRE])
    assert copy.label == "wholly-derived"
    assert copy.share == pytest.approx(1.0)
    fresh = presslens.reuse("Storms closed the coast road for a second night running.", [WIRE])
    assert fresh.label == "non-derived"
    assert fresh.passages == []
    assert fresh.score < copy.score
    half = presslens.reuse(
        WIRE.split(". ")[0] + ". Councillors debated the bus timetable for three hours and "
        "agreed to meet again in the spring to consider the petition from the residents "
        "association about the late service.",
        [WIRE],
    )
    assert fresh.score < half.score < copy.score


def test_features_are_named_and_reuse_pickles() -> None:
    r = presslens.reuse(WIRE, [WIRE, "Nothing shared at all."])
    assert list(r.features)[:3] == ["share", "verbatim_share", "longest_share"]
    assert {"tiled_3", "sentences_new", "length_ratio"} <= set(r.features)
    assert pickle.loads(pickle.dumps(r)) == r
    assert presslens.reuse(WIRE, [WIRE], n_threads=2) == presslens.reuse(WIRE, [WIRE], n_threads=1)


def test_repetitive_input_stays_bounded() -> None:
    # One word repeated: every 3-gram occurs thousands of times; skipped, not quadratic.
    text = "news " * 20000
    r = presslens.reuse(text, [text])
    assert 0.0 <= r.share <= 1.0
