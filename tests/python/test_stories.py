"""cluster_stories: demo truth, bad input, small corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import presslens
from presslens.datasets import load_demo

pd = pytest.importorskip("pandas")
pytest.importorskip("scipy")

TRUTH = Path(__file__).resolve().parents[1] / "data" / "demo_truth.json"


def test_demo_truth():
    truth = json.loads(TRUTH.read_text())["story_ids"]
    corpus = load_demo()
    for c in (corpus, corpus.clean()):
        stories = presslens.cluster_stories(c)
        assert list(stories.index) == corpus.ids
        assert stories.name == "story"
        found = {frozenset(stories.index[stories == s]) for s in stories.unique()}
        assert found == {frozenset(ids) for ids in truth.values()}


def test_two_stories_mixed():
    docs = []
    for day in range(1, 5):
        docs.append(
            {
                "id": f"port{day}",
                "published": f"2025-03-0{day}",
                "text": "Dock workers at the Averna port strike over pay; shipping is halted "
                f"and the union meets the port authority (day {day}).",
            }
        )
        docs.append(
            {
                "id": f"cup{day}",
                "published": f"2025-03-0{day}",
                "text": "Rovers and United meet in the cup final; fans queue for tickets and "
                f"the coach praises his goalkeeper before the penalties (day {day}).",
            }
        )
    stories = presslens.cluster_stories(presslens.Corpus(docs))
    assert stories.nunique() == 2
    assert stories[[f"port{d}" for d in range(1, 5)]].nunique() == 1
    assert stories[[f"cup{d}" for d in range(1, 5)]].nunique() == 1
    single = presslens.cluster_stories(presslens.Corpus(docs), link="single")
    assert single.nunique() == 2


def test_window_separates_far_apart_articles():
    text = "Dock workers at the Averna port strike over pay; shipping is halted again."
    docs = [
        {"id": "a", "published": "2025-03-01", "text": text},
        {"id": "b", "published": "2025-03-02", "text": text + " Talks resume."},
        {"id": "c", "published": "2025-06-01", "text": text + " A new strike."},
    ]
    stories = presslens.cluster_stories(presslens.Corpus(docs), window_days=3)
    assert stories["a"] == stories["b"] != stories["c"]
    assert presslens.cluster_stories(presslens.Corpus(docs), window_days=None).nunique() == 1


def test_zero_and_one_document():
    empty = presslens.cluster_stories(presslens.Corpus([]))
    assert len(empty) == 0
    assert empty.name == "story"
    one = presslens.cluster_stories(
        presslens.Corpus([{"id": "x", "text": "Hi.", "published": "2025-01-01"}])
    )
    assert one.to_dict() == {"x": 0}
    empty_text = presslens.cluster_stories(
        presslens.Corpus(
            [{"text": "", "published": "2025-01-01"}] * 1
            + [{"text": "", "published": "2025-01-02"}]
        )
    )
    assert empty_text.tolist() == [0, 1]


def test_missing_published():
    corpus = presslens.Corpus(["an article without a date", "another one"])
    with pytest.raises(presslens.InvalidArgumentError, match="published"):
        presslens.cluster_stories(corpus)
    assert len(presslens.cluster_stories(corpus, window_days=None)) == 2
    assert len(presslens.cluster_stories(corpus, undated="compare")) == 2


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"threshold": 0}, "threshold"),
        ({"threshold": 1.5}, "threshold"),
        ({"threshold": "high"}, "threshold"),
        ({"window_days": -1}, "window_days"),
        ({"link": "complete"}, "link"),
        ({"undated": "drop"}, "undated"),
    ],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(presslens.InvalidArgumentError, match=match):
        presslens.cluster_stories(load_demo(), **kwargs)
    with pytest.raises(presslens.InvalidArgumentError, match="Corpus"):
        presslens.cluster_stories(["a text"])  # type: ignore[arg-type]
