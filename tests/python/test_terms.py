"""presslens.terms: term_counts/TermCounts, distinctive_terms, collocations, text_stats."""

from __future__ import annotations

import json
import math
import pickle
from collections import Counter

import numpy as np
import pytest
from conftest import shared_path
from reference.terms_ref import bigram_scores, log_odds_dirichlet, mtld

import presslens
from presslens import Corpus

pd = pytest.importorskip("pandas")
pytest.importorskip("scipy")

DOCS = [
    {
        "text": "Talks are on pause, the Kremlin said. Talks may resume.",
        "outlet": "tass.com",
        "id": "t1",
    },
    {"text": "The ceasefire talks collapsed; sanctions loom.", "outlet": "bbc.com", "id": "b1"},
    {
        "text": "Sanctions, sanctions and more sanctions, the minister said.",
        "outlet": "bbc.com",
        "id": "b2",
    },
    {"text": "", "outlet": "tass.com", "id": "t2"},
    {"text": "Prime minister Oli met the prime minister of India.", "id": "x1"},
]


@pytest.fixture
def corpus() -> Corpus:
    return Corpus(DOCS)


def test_term_counts_by_document_and_outlet(corpus: Corpus) -> None:
    tc = presslens.term_counts(corpus)
    assert tc.groups == ["t1", "b1", "b2", "t2", "x1"]
    mat, vocab = tc.matrix()
    assert mat.shape == (5, len(vocab))
    assert vocab == sorted(vocab)
    assert mat[3].nnz == 0  # the empty document is a zero row
    assert mat[0, vocab.index("talks")] == 2
    by_outlet = presslens.term_counts(corpus, by="outlet")
    assert by_outlet.groups == ["tass.com", "bbc.com", None]
    wide = by_outlet.to_pandas("wide")
    assert wide.loc["bbc.com", "sanctions"] == 4
    long = by_outlet.to_pandas()
    assert list(long.columns) == ["group", "term", "count", "share"]
    tass = long[long["group"] == "tass.com"]
    assert math.isclose(tass["share"].sum(), 1.0)
    top = by_outlet.top(2, group="bbc.com")
    assert top["term"].tolist() == ["sanctions", "said"] or top["term"].tolist()[0] == "sanctions"
    one = presslens.term_counts(corpus, by="corpus")
    assert one.groups == ["corpus"]
    assert one.matrix()[0].sum() == mat.sum()
    assert presslens.term_counts(corpus, by="title").groups == [None]


def test_options_and_pruning(corpus: Corpus) -> None:
    tc = presslens.term_counts(corpus, ngram_range=(1, 2), stop_words="english", min_df=2)
    assert "talks" in tc.vocabulary
    assert all(tc.document_frequency[t] >= 2 for t in tc.vocabulary)
    stemmed = presslens.term_counts(corpus, stem=True, max_features=3)
    assert len(stemmed.vocabulary) == 3
    assert "sanction" in stemmed.vocabulary
    with pytest.raises(presslens.InvalidArgumentError):
        presslens.term_counts(corpus, by="colour")
    with pytest.raises(presslens.InvalidArgumentError):
        presslens.term_counts(corpus, min_df=3, max_df=1)


def test_merge_equals_whole_and_pickle(corpus: Corpus) -> None:
    whole = presslens.term_counts(corpus, by="outlet", ngram_range=(1, 2))
    a = presslens.term_counts(corpus[:2], by="outlet", ngram_range=(1, 2))
    b = presslens.term_counts(corpus[2:], by="outlet", ngram_range=(1, 2))
    merged = a.merge(b)
    assert merged.groups == whole.groups
    assert merged.vocabulary == whole.vocabulary
    assert (merged.matrix()[0] != whole.matrix()[0]).nnz == 0
    assert merged.document_frequency == whole.document_frequency
    again = pickle.loads(pickle.dumps(merged))
    assert again.to_pandas().equals(merged.to_pandas())


def test_bad_input_names_the_row() -> None:
    with pytest.raises(presslens.CorpusFormatError, match="row 1"):
        presslens.term_counts(["fine", None])
    with pytest.raises(presslens.CorpusFormatError, match="NaN"):
        presslens.text_stats(["fine", float("nan")])


def test_thread_counts_are_identical() -> None:
    texts = [f"Talks {i % 11} resume as sanctions {i % 5} loom over talks" for i in range(300)]
    ref = presslens.term_counts(texts, ngram_range=(1, 3), n_threads=1).to_pandas()
    for n in (2, 8):
        assert presslens.term_counts(texts, ngram_range=(1, 3), n_threads=n).to_pandas().equals(ref)


def test_distinctive_terms_match_reference(corpus: Corpus) -> None:
    extra = Corpus(
        [
            *DOCS,
            {"text": "Sanctions hit exports; the ruble fell.", "outlet": "bbc.com", "id": "b3"},
            {
                "text": "Kremlin talks continue, Peskov said; talks talks.",
                "outlet": "tass.com",
                "id": "t3",
            },
            {"text": "India and Nepal sign trade deal.", "outlet": "kathmandupost.com", "id": "k1"},
        ]
    )
    got = presslens.distinctive_terms(extra, top=5, alpha=0.05, min_count=1)
    groups: dict[str, Counter[str]] = {}
    for doc in extra:
        groups.setdefault(doc.outlet, Counter()).update(presslens.tokenize(doc.text))  # type: ignore[arg-type]
    want = log_odds_dirichlet(groups, alpha=0.05, min_count=1, top=5)
    assert len(got) == len(want)
    for row, ref in zip(got.itertuples(index=False), want, strict=True):
        assert (row.group, row.term, row.count) == ref[:3]
        assert math.isclose(row.log_odds, ref[3], rel_tol=1e-9)
        assert math.isclose(row.z, ref[4], rel_tol=1e-9)
    assert got[got["group"] == "bbc.com"]["term"].iloc[0] == "sanctions"
    with pytest.raises(presslens.InvalidArgumentError, match="at least two"):
        presslens.distinctive_terms(extra, by="corpus")


@pytest.mark.parametrize("measure", ["llr", "pmi"])
def test_collocations_match_reference(measure: str) -> None:
    texts = [d["text"] for d in DOCS] * 3 + ["New York is big. New York is old. A new cat."]
    got = presslens.collocations(texts, top=10, measure=measure, min_count=2)
    sentences = [presslens.tokenize(s) for t in texts for s in presslens.split_sentences(t)]
    ref = bigram_scores(sentences, measure, 2)
    ranked = sorted(ref.items(), key=lambda kv: (-kv[1][1], kv[0]))[:10]
    assert [(r.w1, r.w2) for r in got.itertuples()] == [k for k, _ in ranked]
    for r, (_, (count, score)) in zip(got.itertuples(), ranked, strict=True):
        assert r.count == count
        assert math.isclose(r.score, score, rel_tol=1e-9)
    with pytest.raises(presslens.InvalidArgumentError):
        presslens.collocations(texts, measure="dice")


def test_text_stats(corpus: Corpus) -> None:
    stats = presslens.text_stats(corpus)
    assert list(stats.index) == corpus.ids
    assert list(stats.columns) == [
        "characters",
        "words",
        "sentences",
        "words_per_sentence",
        "type_token_ratio",
        "mtld",
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "quote_share",
    ]
    assert stats.loc["t2", "words"] == 0
    assert math.isnan(stats.loc["t2", "mtld"])
    words = presslens.tokenize(DOCS[2]["text"])  # type: ignore[arg-type]
    assert math.isclose(stats.loc["b2", "mtld"], mtld(words), rel_tol=1e-12) or (
        math.isnan(stats.loc["b2", "mtld"]) and math.isnan(mtld(words))
    )
    q = presslens.text_stats(["He said “we stay here” and left.", "No quotes here."])
    assert math.isclose(q["quote_share"].iloc[0], 3 / 7)
    assert q["quote_share"].iloc[1] == 0.0


@pytest.mark.shared
def test_mtld_and_readability_on_real_text() -> None:
    path = shared_path("data", "bbc_news", "articles.jsonl")
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= 50:
                break
    stats = presslens.text_stats(texts)
    for text, m in zip(texts, stats["mtld"], strict=True):
        ref = mtld([w.lower() for w in presslens.tokenize(text)])
        assert math.isclose(m, ref, rel_tol=1e-9)
    assert stats["flesch_reading_ease"].between(0, 100).mean() > 0.9
    textstat = pytest.importorskip("textstat")
    theirs = np.array([textstat.flesch_reading_ease(t) for t in texts])
    # A sanity range, not identity: the syllable heuristics differ.
    assert np.median(np.abs(stats["flesch_reading_ease"].to_numpy() - theirs)) < 15
