"""Tests of presslens.align and presslens.quotes: similarity, sentence alignment, quotes,
speakers and quote clusters (issue 7)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import shared_path

import presslens
from presslens.datasets import load_demo
from presslens.exceptions import EmptyCorpusError, InvalidArgumentError

DATA = Path(__file__).resolve().parents[1] / "data"
TRUTH = json.loads((DATA / "demo_truth.json").read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """Lower-cased words of a quote: marks, trailing punctuation and spacing ignored."""
    return " ".join(re.findall(r"[\w'’-]+", text.lower().replace("’", "'")))


def seeds_corpus(seeds_dir: Path) -> presslens.Corpus:
    """The seed articles, one outlet each (doc id = file name)."""
    return presslens.Corpus(
        [
            {"id": p.name, "outlet": p.name.split("_")[0], "text": p.read_text(encoding="utf-8")}
            for p in sorted(seeds_dir.glob("*.txt"))
        ]
    )


@pytest.fixture
def shared_msrp() -> Path:
    return shared_path("data", "msrp", "pairs.jsonl")


@pytest.fixture(scope="module")
def demo() -> presslens.Corpus:
    return load_demo()


@pytest.fixture(scope="module")
def demo_quotes(demo: presslens.Corpus) -> pd.DataFrame:
    return presslens.quotes(demo)


# -- similarity -------------------------------------------------------------------------------


def test_similarity_shape_range_and_symmetry() -> None:
    a = ["The Kremlin said talks were on pause.", "", "Talks on the corridor stalled."]
    b = ["Talks are on pause, the Kremlin said.", "Anything at all.", "A final was won."]
    s = presslens.similarity(a, b)
    assert s.dtype == np.float64
    assert s.shape == (3,)
    assert ((s >= 0) & (s <= 1)).all()
    assert s[0] > 0.5
    assert s[1] == 0.0
    assert s[2] < 0.1
    np.testing.assert_allclose(presslens.similarity(b, a), s)
    assert presslens.similarity([], []).shape == (0,)


def test_similarity_identical_and_thread_counts() -> None:
    texts = [f"Sentence number {i} mentions the port of Averna and {i} ships." for i in range(300)]
    other = texts[1:] + texts[:1]
    assert (presslens.similarity(texts, texts) > 0.95).all()
    np.testing.assert_array_equal(
        presslens.similarity(texts, other, n_threads=1),
        presslens.similarity(texts, other, n_threads=2),
    )


def test_similarity_bad_input() -> None:
    with pytest.raises(InvalidArgumentError, match="same length"):
        presslens.similarity(["a"], ["a", "b"])
    with pytest.raises(InvalidArgumentError, match="not str"):
        presslens.similarity(["a", None], ["a", "b"])  # type: ignore[list-item]
    with pytest.raises(InvalidArgumentError, match="single str"):
        presslens.similarity("abc", "abc")
    with pytest.raises(InvalidArgumentError, match="n_threads"):
        presslens.similarity(["a"], ["b"], n_threads=0)


# -- align_sentences --------------------------------------------------------------------------


def test_align_sentences_columns_and_offsets(demo: presslens.Corpus) -> None:
    frame = presslens.align_sentences(demo)
    base = ["doc", "outlet", "sentence", "start", "end", "text", "shared_by"]
    assert list(frame.columns[:7]) == base
    for outlet in demo.outlets:
        assert {f"{outlet}:doc", f"{outlet}:sentence", f"{outlet}:similarity"} <= set(frame.columns)
    texts = {d.id: d.text for d in demo}
    for row in frame.sample(50, random_state=0).itertuples():
        assert texts[row.doc][row.start : row.end] == row.text
    # Every row's matches are in other outlets, at or above the threshold.
    for outlet in demo.outlets:
        own = frame["outlet"] == outlet
        assert frame.loc[own, f"{outlet}:doc"].isna().all()
        sims = frame[f"{outlet}:similarity"].dropna()
        assert (sims >= 0.5).all()
    assert (frame["shared_by"] >= 1).all()


def test_align_sentences_finds_the_wire_copies(demo: presslens.Corpus) -> None:
    frame = presslens.align_sentences(demo.clean())
    wire = frame[frame["doc"] == TRUTH["wire"]["source"]]
    copy_outlet = TRUTH["outlets"][TRUTH["wire"]["verbatim_copies"][0]]
    edited_outlet = TRUTH["outlets"][TRUTH["wire"]["edited_copies"][0]]
    long_sentences = wire[wire["text"].str.split().str.len() >= 8]
    verbatim = long_sentences[f"{copy_outlet}:doc"] == TRUTH["wire"]["verbatim_copies"][0]
    edited = long_sentences[f"{edited_outlet}:doc"] == TRUTH["wire"]["edited_copies"][0]
    assert verbatim.mean() >= 0.9
    assert edited.mean() >= 0.8
    # The football story shares no sentence with the corridor story (once boilerplate such as
    # "ADVERTISEMENT" and date lines is cleaned away).
    other = set(TRUTH["story_ids"]["other"])
    main = set(TRUTH["story_ids"]["main"])
    doc_cols = [c for c in frame.columns if c.endswith(":doc")]
    sub = frame[frame["doc"].isin(other)][doc_cols]
    assert not sub.isin(main).any().any()


def test_align_sentences_threads_identical(demo: presslens.Corpus) -> None:
    one = presslens.align_sentences(demo, n_threads=1)
    two = presslens.align_sentences(demo, n_threads=2)
    pd.testing.assert_frame_equal(one, two)


def test_align_sentences_one_outlet_and_bad_input() -> None:
    docs = [
        {"outlet": "A", "text": "Talks stalled on Monday. Talks stalled on Monday."},
        {"outlet": "A", "text": "Talks stalled on Monday."},
        {"outlet": "A", "text": ""},
    ]
    frame = presslens.align_sentences(docs)
    assert len(frame) == 3
    assert (frame["shared_by"] == 1).all()
    assert frame["A:doc"].isna().all()
    with pytest.raises(EmptyCorpusError):
        presslens.align_sentences([])
    with pytest.raises(InvalidArgumentError, match="no outlet"):
        presslens.align_sentences(["Talks stalled."])
    with pytest.raises(InvalidArgumentError, match="threshold"):
        presslens.align_sentences(docs, threshold=1.5)


def test_unique_sentences(demo: presslens.Corpus) -> None:
    docs = [
        {"outlet": "A", "text": "Talks on the corridor stalled on Monday. Farmers are angry."},
        {"outlet": "B", "text": "Talks on the corridor stalled on Monday, officials said."},
    ]
    assert presslens.unique_sentences(docs, "A")["text"].tolist() == ["Farmers are angry."]
    assert presslens.unique_sentences(docs, "B").empty
    with pytest.raises(InvalidArgumentError, match="not in the corpus"):
        presslens.unique_sentences(docs, "C")
    # The verbatim copy has (almost) nothing of its own beyond the wire.
    ledger = presslens.unique_sentences(demo, TRUTH["outlets"]["demo-04"])
    assert "demo-04" not in set(ledger["doc"]) or (ledger["doc"] == "demo-04").sum() <= 8


def test_long_input_is_not_quadratic() -> None:
    # 3,000 near-identical sentences in two outlets: the blocking caps candidates.
    text = " ".join(f"The port handled {i} ships on day {i}." for i in range(3000))
    frame = presslens.align_sentences(
        [{"outlet": "A", "text": text}, {"outlet": "B", "text": text}]
    )
    assert len(frame) == 6000
    assert (frame["shared_by"] == 2).mean() > 0.9


# -- quotes -----------------------------------------------------------------------------------


def test_quotes_columns_and_offsets(demo: presslens.Corpus, demo_quotes: pd.DataFrame) -> None:
    assert list(demo_quotes.columns) == ["doc", "outlet", "start", "end", "quote", "speaker"]
    texts = {d.id: d.text for d in demo}
    for row in demo_quotes.itertuples():
        assert texts[row.doc][row.start : row.end] == row.quote


def _quotes_of(frame: pd.DataFrame, doc: str) -> list[str]:
    return [norm(q) for q in frame.loc[frame["doc"] == doc, "quote"]]


def test_quote_marks_partial_and_multi_sentence(demo_quotes: pd.DataFrame) -> None:
    for kind in ("curly", "straight", "guillemets"):
        case = TRUTH["quote_marks"][kind]
        assert norm(case["quote"]) in _quotes_of(demo_quotes, case["doc"]), kind
    for case in TRUTH["multi_sentence_quotes"]:
        assert norm(case["quote"]) in _quotes_of(demo_quotes, case["doc"])
    for case in TRUTH["partial_quotes"]:
        for doc in case["docs"]:
            assert norm(case["quote"]) in _quotes_of(demo_quotes, doc), (doc, case["quote"])


def test_quote_speakers_match_the_demo_truth(demo_quotes: pd.DataFrame) -> None:
    checked = correct = 0
    for case in TRUTH["shared_verbatim_quotes"] + TRUTH["partial_quotes"]:
        for doc in case["docs"]:
            rows = demo_quotes[
                (demo_quotes["doc"] == doc)
                & (demo_quotes["quote"].map(norm) == norm(case["quote"]))
            ]
            assert len(rows) >= 1, (doc, case["quote"])
            checked += 1
            speaker = rows.iloc[0]["speaker"]
            correct += norm(speaker or "") == norm(case["speaker"])
    assert correct / checked >= 0.8, f"{correct}/{checked}"
    translations = TRUTH["quote_translations"]
    for doc, quote in translations["renderings"].items():
        rows = demo_quotes[
            (demo_quotes["doc"] == doc) & (demo_quotes["quote"].map(norm) == norm(quote))
        ]
        assert len(rows) == 1, doc
        assert rows.iloc[0]["speaker"] == translations["speaker"], doc


BAD_QUOTES = [
    ("He said “yes and never closed it.\n\nNext paragraph.", []),
    ("“Outer ‘inner’ text,” she said.", ["Outer ‘inner’ text,"]),
    ('"' * 10_000, []),
    ("“" * 5_000 + "”" * 5_000, []),
    ("No quotes at all here.", []),
    (
        "“First paragraph.\n\n“Second paragraph,” Ostrin said.",
        ["First paragraph.\n\n“Second paragraph,"],
    ),
    ("“Anyone,” with no speaker.", ["Anyone,"]),
    ("stray close” then “open but never closed", []),
]


@pytest.mark.parametrize(("text", "expected"), BAD_QUOTES)
def test_quotes_bad_input(text: str, expected: list[str]) -> None:
    frame = presslens.quotes([text])
    assert frame["quote"].tolist() == expected


def test_quotes_speakerless_and_paragraph_spanning() -> None:
    frame = presslens.quotes(["“Anyone,” with no speaker.", "“A.\n\n“B,” Halvard Ostrin said."])
    assert frame["speaker"].tolist() == [None, "Halvard Ostrin"]


def test_quotes_threads_identical(demo: presslens.Corpus) -> None:
    pd.testing.assert_frame_equal(
        presslens.quotes(demo, n_threads=1), presslens.quotes(demo, n_threads=2)
    )


def test_quotes_many_marks_scale() -> None:
    text = "“a,” he said. " * 20_000
    assert len(presslens.quotes([text])) == 20_000


# -- quote clusters ---------------------------------------------------------------------------


def test_quote_clusters_translations_and_shared_quotes(demo: presslens.Corpus) -> None:
    clusters = presslens.quote_clusters(demo)
    assert list(clusters.columns[:5]) == ["cluster", "doc", "outlet", "speaker", "quote"]
    translations = TRUTH["quote_translations"]

    def cluster_of(doc: str, quote: str) -> int:
        rows = clusters[(clusters["doc"] == doc) & (clusters["quote"].map(norm) == norm(quote))]
        assert len(rows) == 1, (doc, quote)
        return int(rows.iloc[0]["cluster"])

    ids = {cluster_of(doc, q) for doc, q in translations["renderings"].items()}
    assert len(ids) == 1
    (pause,) = ids
    for doc, q in translations["partial_renderings"].items():
        assert cluster_of(doc, q) == pause
    shared = [
        cluster_of(case["docs"][0], case["quote"]) for case in TRUTH["shared_verbatim_quotes"]
    ]
    assert len(set(shared)) == len(shared)
    assert pause not in shared
    for case, cid in zip(TRUTH["shared_verbatim_quotes"], shared, strict=False):
        for doc in case["docs"]:
            assert cluster_of(doc, case["quote"]) == cid
    pd.testing.assert_frame_equal(clusters, presslens.quote_clusters(demo, n_threads=2))


def test_quote_clusters_bad_input() -> None:
    assert presslens.quote_clusters(["No quotes."]).empty
    assert presslens.quote_clusters([]).empty
    one = presslens.quote_clusters(['"Hello there," Ostrin said.'], min_outlets=1)
    assert one["cluster"].tolist() == [0]
    with pytest.raises(InvalidArgumentError):
        presslens.quote_clusters(["x"], threshold=2)
    with pytest.raises(InvalidArgumentError):
        presslens.quote_clusters(["x"], min_outlets=0)


# -- seeds (../shared) ------------------------------------------------------------------------


def test_seeds_truth(seeds_dir: Path) -> None:
    truth = json.loads((DATA / "seeds_align_truth.json").read_text(encoding="utf-8"))
    corpus = seeds_corpus(seeds_dir)
    quotes = presslens.quotes(corpus)
    key = {(r.doc, r.start, r.end): r for r in quotes.itertuples()}
    for q in truth["quotes"]:
        row = key.get((q["doc"], q["start"], q["end"]))
        assert row is not None, q
        assert row.speaker == q["speaker"], q
    clusters = presslens.quote_clusters(corpus)
    by_span = {(r.doc, r.start, r.end): r.cluster for r in clusters.itertuples()}
    for group in truth["quote_clusters"]:
        ids = {by_span.get((m["doc"], m["start"], m["end"])) for m in group["members"]}
        assert None not in ids, group["name"]
        assert len(ids) == 1, group["name"]
    aligned = presslens.align_sentences(corpus)
    for pair in truth["shared_sentences"]:
        row = aligned[(aligned["doc"] == pair["doc"]) & (aligned["start"] == pair["start"])]
        assert len(row) == 1, pair
        assert row.iloc[0][f"{pair['other_outlet']}:doc"] == pair["other_doc"], pair


# -- MSRP (../shared) -------------------------------------------------------------------------


def test_msrp_quality_floor(shared_msrp: Path) -> None:
    rows = [json.loads(line) for line in shared_msrp.read_text(encoding="utf-8").splitlines()]
    test = [r for r in rows if r["split"] == "test"]
    y = np.array([r["label"] for r in test])
    s = presslens.similarity([r["text1"] for r in test], [r["text2"] for r in test])
    pred = s >= presslens.align.MSRP_THRESHOLD
    acc = float((pred == (y == 1)).mean())
    f1 = 2 * int((pred & (y == 1)).sum()) / (int(pred.sum()) + int((y == 1).sum()))
    assert acc >= 0.76, acc
    assert f1 >= 0.83, f1


def test_norm_helper() -> None:
    assert norm("  “Pause,” ") == "pause"
