"""Corpus-level cleaning, written against the Document/Corpus contract of corpus.py (branch
`corpus`). These tests run once that branch is merged; until then ``presslens.Corpus`` does
not exist in this branch and they fail at import of the names below."""

from __future__ import annotations

import datetime
import pickle

import presslens
from presslens.clean import REASONS


def _corpus() -> presslens.Corpus:  # type: ignore[name-defined]
    from presslens.corpus import Corpus, Document

    body = (
        "The council in {town} met on {day} and agreed the budget for the coming year after a "
        "long debate among its members."
    )
    docs = []
    for i, (town, day) in enumerate(
        [("Ellis", "Monday"), ("Brook", "Tuesday"), ("Vale", "Friday")]
    ):
        text = (
            f"Budget agreed in {town}\n\nMarch {i + 1}, 2024\n\n"
            + body.format(town=town, day=day)
            + "\n\nADVERTISEMENT\n\nBrought to you by the Gazette team"
        )
        docs.append(
            Document(text=text, id=f"g{i}", outlet="gazette", title=None, url=None, published=None)
        )
    docs.append(
        Document(
            text=body.format(town="Moor", day="Sunday") + "\n\nSubscribe",
            id="h0",
            outlet="herald",
            title="Kept title",
            url=None,
            published=None,
        )
    )
    return Corpus(docs)


def test_corpus_clean_fills_metadata_and_keeps_raw() -> None:
    corpus = _corpus()
    cleaned = corpus.clean()
    docs = list(cleaned)
    assert [d.id for d in docs] == ["g0", "g1", "g2", "h0"]
    g0 = docs[0]
    assert g0.raw == next(iter(corpus)).text
    assert g0.text.startswith("The council in Ellis met on Monday")
    assert g0.title == "Budget agreed in Ellis"
    assert g0.published == datetime.date(2024, 3, 1)
    reasons = [r.reason for r in g0.removed]
    assert "repeated" in reasons
    assert "advertisement" in reasons
    assert "metadata" in reasons
    assert all(r.reason in REASONS for d in docs for r in d.removed)
    assert docs[3].title == "Kept title"
    assert [r.reason for r in docs[3].removed] == ["newsletter"]
    # cleaning again starts from raw and gives the same result
    again = cleaned.clean()
    assert [d.text for d in again] == [d.text for d in docs]
    assert pickle.loads(pickle.dumps(docs[0].removed)) == docs[0].removed


def test_corpus_clean_without_cross_document_and_threads() -> None:
    corpus = _corpus()
    one = corpus.clean(cross_document=False, n_threads=1)
    assert all("Brought to you" in d.text for d in list(one)[:3])
    assert [d.text for d in corpus.clean(n_threads=1)] == [
        d.text for d in corpus.clean(n_threads=2)
    ]


def test_cleaning_report() -> None:
    report = _corpus().clean().cleaning_report()
    assert list(report.columns) == ["id", "outlet", "reason", "text", "start", "end"]
    row = report[(report.id == "g0") & (report.reason == "advertisement")].iloc[0]
    assert row.text == "ADVERTISEMENT"
    assert row.outlet == "gazette"
    assert set(report.reason) <= set(REASONS)
    assert str(report.start.dtype) == "int64"
