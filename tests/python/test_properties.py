"""Property tests over the public API (hypothesis): what holds for every input.

* spans reassemble the text, and every token/sentence offset is inside its document;
* cleaning loses no character without reporting it;
* overlap(A, A) = 1, Jaccard is symmetric, containment stays in [0, 1];
* results are identical for n_threads 1, 2 and 8;
* pickled results round-trip equal;
* summary sentences are substrings of their source, with their own outlet among the supporters.
"""

from __future__ import annotations

import itertools
import pickle
from collections import Counter

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import presslens
from presslens import Corpus
from presslens.clean import REASONS

# News-like text: words from a small vocabulary (so documents overlap), punctuation, quotes,
# newlines, and now and then any Unicode character.
WORDS = st.sampled_from(
    [
        "the",
        "port",
        "strike",
        "talks",
        "stalled",
        "on",
        "Monday",
        "officials",
        "said",
        "union",
        "Peskov",
        "“pause”",
        "U.S.",
        "a.m.",
        "3.5%",
        "—",
        "Kremlin",
        "«пауза»",
        "東京",
        "said:",
        "ADVERTISEMENT",
        "Sign",
        "up",
        "newsletter",
    ]
)
SEPARATORS = st.sampled_from([" ", " ", " ", ". ", ", ", "\n", "\n\n", '" ', "! ", "? "])
ANY = st.characters(blacklist_categories=("Cs",))
TEXT = st.lists(st.one_of(WORDS, SEPARATORS, ANY), max_size=80).map("".join)
OUTLETS = st.sampled_from(["a.com", "b.com", "c.com"])
DOCS = st.lists(st.tuples(TEXT, OUTLETS), min_size=1, max_size=8)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _corpus(docs: list[tuple[str, str]]) -> Corpus:
    return Corpus([{"text": t, "outlet": o} for t, o in docs])


@SETTINGS
@given(TEXT)
def test_sentence_spans_reassemble_the_text(text: str) -> None:
    spans = presslens.sentence_spans(text)
    pos = 0
    for start, end in spans:
        assert pos <= start < end <= len(text)
        assert text[pos:start].strip() == ""  # only whitespace between sentences
        pos = end
    assert text[pos:].strip() == ""
    assert [text[s:e] for s, e in spans] == presslens.split_sentences(text)


@SETTINGS
@given(TEXT)
def test_token_offsets_are_inside_and_ordered(text: str) -> None:
    spans = presslens.token_spans(text)
    pos = 0
    for start, end in spans:
        assert pos <= start < end <= len(text)
        pos = end
    assert len(spans) == len(presslens.tokenize(text, lowercase=False))


def _nonspace(s: str) -> Counter[str]:
    return Counter(c for c in s if not c.isspace())


@SETTINGS
@given(TEXT)
def test_clean_reports_every_removed_character(text: str) -> None:
    cleaned = presslens.clean(text)
    removed = cleaned.removed
    for r in removed:
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.text
        assert r.reason in REASONS
    for a, b in itertools.pairwise(removed):
        assert a.end <= b.start
    # Every visible character of the original is in the body or in a reported removal.
    kept = _nonspace(cleaned.text)
    gone = Counter[str]()
    for r in removed:
        gone.update(_nonspace(r.text))
    original = _nonspace(text)
    assert original - gone - kept == Counter(), "characters lost without a removal record"


@SETTINGS
@given(DOCS)
def test_overlap_self_is_one_and_measures_are_bounded(docs: list[tuple[str, str]]) -> None:
    corpus = _corpus(docs)
    for measure in ("containment", "jaccard", "cosine"):
        m = presslens.overlap(corpus, by="document", measure=measure, ngram=2).values
        assert np.all((m >= 0.0) & (m <= 1.0 + 1e-12))
        if measure != "containment":
            np.testing.assert_allclose(m, m.T, atol=1e-12)
        # A document against itself: 1, or 0 when it has no shingle at all.
        for i, doc in enumerate(corpus):
            assert m[i, i] in (0.0, 1.0) or abs(m[i, i] - 1.0) < 1e-12
            if presslens.tokenize(doc.text):
                assert abs(m[i, i] - 1.0) < 1e-12
    twice = Corpus(
        [{"text": t, "outlet": "x", "id": f"x{i}"} for i, (t, _) in enumerate(docs)]
        + [{"text": t, "outlet": "y", "id": f"y{i}"} for i, (t, _) in enumerate(docs)]
    )
    m = presslens.overlap(twice, by="outlet", ngram=2).values
    if any(presslens.tokenize(t) for t, _ in docs):
        np.testing.assert_allclose(m, np.ones((2, 2)))


def _same(a: object, b: object) -> bool:
    if hasattr(a, "equals"):
        return bool(a.equals(b))  # type: ignore[attr-defined]
    if isinstance(a, np.ndarray):
        return bool(np.array_equal(a, b))  # type: ignore[arg-type]
    return a == b


@SETTINGS
@given(DOCS)
def test_results_identical_for_1_2_and_8_threads(docs: list[tuple[str, str]]) -> None:
    corpus = _corpus(docs)
    runs = []
    for n in (1, 2, 8):
        runs.append(
            (
                presslens.term_counts(corpus, by="outlet", ngram_range=(1, 2), n_threads=n)
                .to_pandas()
                .reset_index(drop=True),
                presslens.overlap(corpus, by="outlet", ngram=2, n_threads=n).values,
                presslens.near_duplicates(corpus, threshold=0.3, ngram=2, n_threads=n),
                presslens.shared_passages(corpus, min_words=3, n_threads=n),
                presslens.text_stats(corpus, n_threads=n),
                [d._fields_tuple() for d in corpus.clean(n_threads=n)],
            )
        )
    for other in runs[1:]:
        for a, b in zip(runs[0], other, strict=True):
            assert _same(a, b)


@SETTINGS
@given(DOCS)
def test_pickled_results_round_trip_equal(docs: list[tuple[str, str]]) -> None:
    corpus = _corpus(docs)
    cleaned = corpus.clean()
    assert pickle.loads(pickle.dumps(cleaned)) == cleaned
    one = presslens.clean(docs[0][0])
    assert pickle.loads(pickle.dumps(one)) == one
    m = presslens.overlap(corpus, ngram=2)
    assert pickle.loads(pickle.dumps(m)) == m
    tc = presslens.term_counts(corpus, by="outlet")
    again = pickle.loads(pickle.dumps(tc))
    assert again.to_pandas().equals(tc.to_pandas())


@SETTINGS
@given(
    DOCS,
    st.sampled_from(["lead", "centroid", "lexrank", "textrank", "coverage"]),
    st.booleans(),
    st.booleans(),
)
def test_summary_sentences_are_substrings_of_their_source(
    docs: list[tuple[str, str]], method: str, trim: bool, truncate: bool
) -> None:
    import warnings

    corpus = _corpus(docs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", presslens.SummaryWarning)  # budget below any sentence
        summary = presslens.summarize(
            corpus,
            method=method,  # type: ignore[arg-type]
            max_words=40,
            trim=trim,
            truncate=truncate,
        )
    for x in summary.sentences:
        assert corpus[x.doc_id].text[x.start : x.end] == x.text
        assert x.outlet in x.supported_by
    assert summary.words <= 40 or len(summary.sentences) == 1
