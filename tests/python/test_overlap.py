"""Tests of presslens.overlap: matrices, near duplicates, MinHashLSH, passages, reuse."""

from __future__ import annotations

import itertools
import json
import pickle
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import presslens
from presslens.datasets import load_demo
from presslens.overlap import OverlapMatrix

TRUTH = json.loads((Path(__file__).resolve().parents[1] / "data" / "demo_truth.json").read_text())
WIRE = TRUTH["wire"]

BASE = (
    "The port strike entered its third week on Monday as talks between the dockers' union and "
    "the shipping companies stalled again over pay, hours and the use of automated cranes."
)


@pytest.fixture(scope="module")
def demo() -> presslens.Corpus:
    return load_demo()


# -- matrices ---------------------------------------------------------------------------------


def test_overlap_by_outlet_labels_and_values() -> None:
    corpus = presslens.Corpus(
        [
            {"text": BASE, "outlet": "Wire"},
            {"text": BASE + " Farmers are worried about exports.", "outlet": "Ledger"},
            {"text": "A football final was won on penalties last night.", "outlet": "Courier"},
            {"text": "No outlet here at all, just words."},
        ]
    )
    m = presslens.overlap(corpus)
    assert m.labels == ["Courier", "Ledger", "Wire"]
    assert m.values.shape == (3, 3)
    assert m.values[2, 1] == 1.0  # the wire is contained in the Ledger
    assert 0.5 < m.values[1, 2] < 1.0  # not the other way round
    assert np.all(np.diag(m.values) == 1.0)
    df = m.to_pandas()
    assert list(df.index) == m.labels
    assert df.loc["Wire", "Ledger"] == 1.0
    j = presslens.overlap(corpus, measure="jaccard")
    c = presslens.overlap(corpus, measure="cosine")
    for x in (j, c):
        assert np.allclose(x.values, x.values.T)
        assert ((x.values >= 0) & (x.values <= 1)).all()


@pytest.mark.parametrize("measure", ["containment", "jaccard", "cosine"])
def test_overlap_deterministic_across_threads(demo: presslens.Corpus, measure: str) -> None:
    ref = presslens.overlap(demo, by="document", measure=measure, n_threads=1)
    for n in (2, 8):
        got = presslens.overlap(demo, by="document", measure=measure, n_threads=n)
        assert np.array_equal(got.values, ref.values)


def _synthetic_corpus(n_docs: int, n_outlets: int) -> list[dict[str, str]]:
    """Fictional stories over a made-up vocabulary; later stories copy passages of earlier ones."""
    rng = np.random.default_rng(7)
    vocab = [
        f"{a}{b}" for a in ("port", "Strike", "talk", "crane", "pay", "dock") for b in range(60)
    ]
    texts: list[list[str]] = []
    for _ in range(n_docs):
        words: list[str] = []
        while len(words) < 320:
            if texts and rng.random() < 0.3:
                src = texts[int(rng.integers(len(texts)))]
                at = int(rng.integers(len(src)))
                words += src[at : at + int(rng.integers(5, 40))]
            else:
                words.append(vocab[int(rng.integers(len(vocab)))])
        texts.append(words)
    return [
        {"text": " ".join(w), "outlet": f"outlet{i % n_outlets:03d}", "id": f"d{i}"}
        for i, w in enumerate(texts)
    ]


@pytest.mark.parametrize("measure", ["containment", "jaccard", "cosine"])
def test_overlap_by_outlet_same_for_any_thread_count(measure: str) -> None:
    # ~1 MB: several shuffle chunks; 40 outlets, then 300 documents (the wide-unit path).
    corpus = presslens.Corpus(_synthetic_corpus(600, 40))
    ref = presslens.overlap(corpus, by="outlet", measure=measure, n_threads=1)
    assert len(ref.labels) == 40
    for n in (2, 3):
        got = presslens.overlap(corpus, by="outlet", measure=measure, n_threads=n)
        assert np.array_equal(got.values, ref.values)
    docs = corpus[:300]
    ref_docs = presslens.overlap(docs, by="document", measure=measure, n_threads=1)
    got_docs = presslens.overlap(docs, by="document", measure=measure, n_threads=2)
    assert np.array_equal(got_docs.values, ref_docs.values)
    assert (ref.values > 0).sum() > 40  # outlets do share passages


def test_overlap_by_outlet_matches_exact_sets() -> None:
    records = _synthetic_corpus(300, 12)
    n = 5
    sets: dict[str, set[tuple[str, ...]]] = {}
    for r in records:
        toks = presslens.tokenize(r["text"])
        grams = {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)}
        sets.setdefault(r["outlet"], set()).update(grams)
    labels = sorted(sets)
    c = presslens.overlap(records, by="outlet", measure="containment", ngram=n, n_threads=2)
    j = presslens.overlap(records, by="outlet", measure="jaccard", ngram=n, n_threads=2)
    assert c.labels == labels
    for (a, x), (b, y) in itertools.product(enumerate(labels), repeat=2):
        inter = len(sets[x] & sets[y])
        assert c.values[a, b] == inter / len(sets[x])
        assert j.values[a, b] == inter / len(sets[x] | sets[y])


def test_overlap_matrix_pickles(demo: presslens.Corpus) -> None:
    m = presslens.overlap(demo, measure="cosine")
    back = pickle.loads(pickle.dumps(m))
    assert back == m
    assert back.labels == m.labels
    assert back.measure == "cosine"


def test_overlap_bad_input() -> None:
    with pytest.raises(presslens.InvalidArgumentError, match="measure"):
        presslens.overlap(["a b"], measure="dice")  # type: ignore[arg-type]
    with pytest.raises(presslens.InvalidArgumentError, match="by"):
        presslens.overlap(["a b"], by="author")  # type: ignore[arg-type]
    with pytest.raises(presslens.InvalidArgumentError, match="ngram"):
        presslens.overlap(["a b"], ngram=0)
    with pytest.raises(presslens.EmptyCorpusError):
        presslens.overlap(["no outlets here"], by="outlet")
    with pytest.raises(ValueError, match="square"):
        OverlapMatrix(np.zeros((2, 3)), ["a", "b"], measure="jaccard", by="outlet", ngram=5)


def test_short_and_empty_documents_are_defined() -> None:
    m = presslens.overlap(["two words", "two words", "", "other"], by="document", ngram=5)
    assert not np.isnan(m.values).any()
    assert m.values[0, 1] == 1.0
    assert m.values[2, 2] == 0.0
    assert m.values[0, 3] == 0.0
    pairs = presslens.near_duplicates(["two words", "two words", "", ""])
    assert pairs.to_dict("records") == [{"a": 0, "b": 1, "similarity": 1.0}]


def test_one_outlet_only() -> None:
    corpus = presslens.Corpus([{"text": BASE, "outlet": "Wire"}, {"text": "x y", "outlet": "Wire"}])
    m = presslens.overlap(corpus, measure="jaccard")
    assert m.labels == ["Wire"]
    assert m.values.tolist() == [[1.0]]


def test_one_huge_document() -> None:
    huge = " ".join([BASE] * 3000)  # ~100k words
    m = presslens.overlap([huge, BASE], by="document")
    assert m.values[1, 0] == 1.0
    p = presslens.near_duplicates([huge, huge + " tail"])
    assert len(p) == 1
    assert p.loc[0, "similarity"] > 0.9


# -- near duplicates --------------------------------------------------------------------------


def test_demo_wire_copies_are_near_duplicates(demo: presslens.Corpus) -> None:
    src = WIRE["source"]
    verbatim = WIRE["verbatim_copies"]
    edited = WIRE["edited_copies"]
    pairs = presslens.near_duplicates(demo, threshold=0.8)
    found = {frozenset((a, b)) for a, b in zip(pairs["a"], pairs["b"], strict=True)}
    assert {frozenset((src, v)) for v in verbatim} <= found
    # The edited copy is partially derived: below 0.8, found at a lower threshold.
    loose = presslens.near_duplicates(demo, threshold=0.5)
    found_loose = {frozenset((a, b)) for a, b in zip(loose["a"], loose["b"], strict=True)}
    assert {frozenset((src, e)) for e in edited} <= found_loose
    copies = {src, *verbatim, *edited}
    assert all(set(p) <= copies for p in found_loose)


@pytest.mark.parametrize("n_threads", [1, 2, 8])
def test_near_duplicates_deterministic(demo: presslens.Corpus, n_threads: int) -> None:
    ref = presslens.near_duplicates(demo, threshold=0.3, n_threads=1)
    got = presslens.near_duplicates(demo, threshold=0.3, n_threads=n_threads)
    assert got.equals(ref)


def test_near_duplicates_matches_brute_force() -> None:
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(60)]
    base = [" ".join(rng.choice(words, 80)) for _ in range(6)]
    texts = []
    for b in base:
        toks = b.split()
        for k in range(4):
            t = list(toks)
            for pos in rng.choice(len(t), k, replace=False):
                t[pos] = "zz"
            texts.append(" ".join(t))

    def shingles(t: str) -> set[tuple[str, ...]]:
        w = t.split()
        return {tuple(w[i : i + 5]) for i in range(len(w) - 4)}

    sets = [shingles(t) for t in texts]
    truth = {
        (i, j)
        for i, j in itertools.combinations(range(len(texts)), 2)
        if len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= 0.6
    }
    got = presslens.near_duplicates(texts, threshold=0.6)
    found = set(zip(got["a"].tolist(), got["b"].tolist(), strict=True))
    assert found <= truth
    assert len(found) >= 0.9 * len(truth)
    for a, b, s in got.itertuples(index=False):
        exact = len(sets[a] & sets[b]) / len(sets[a] | sets[b])
        assert s == pytest.approx(exact)


def test_ten_thousand_identical_documents_stay_bounded() -> None:
    texts = [BASE] * 10_000
    pairs = presslens.near_duplicates(texts)
    assert len(pairs) == 9_999
    assert (pairs["a"] == 0).all()
    assert (pairs["similarity"] == 1.0).all()
    m = presslens.overlap(
        presslens.Corpus([{"text": t, "outlet": "o"} for t in texts]), measure="cosine"
    )
    assert m.values.tolist() == [[1.0]]


def test_near_duplicates_keys() -> None:
    pd = pytest.importorskip("pandas")
    s = pd.Series([BASE, BASE, "other text entirely here"], index=["x", "y", "z"])
    assert presslens.near_duplicates(s).to_dict("records") == [
        {"a": "x", "b": "y", "similarity": 1.0}
    ]
    unverified = presslens.near_duplicates([BASE, BASE], verify=False)
    assert unverified.loc[0, "similarity"] == 1.0


def test_near_duplicates_bad_input() -> None:
    with pytest.raises(presslens.InvalidArgumentError, match="threshold"):
        presslens.near_duplicates(["a"], threshold=1.5)
    with pytest.raises(presslens.InvalidArgumentError, match="num_perm"):
        presslens.near_duplicates(["a"], num_perm=1)
    with pytest.raises(presslens.InvalidArgumentError, match="not str"):
        presslens.near_duplicates(["a", None])
    with pytest.raises(presslens.InvalidArgumentError, match="single str"):
        presslens.near_duplicates("a text")


# -- MinHashLSH -------------------------------------------------------------------------------


def test_minhash_lsh_stream_merge_pickle(demo: presslens.Corpus) -> None:
    ids, texts = demo.ids, demo.texts
    a = presslens.MinHashLSH(threshold=0.5)
    a.insert(ids[:7], texts[:7])
    b = presslens.MinHashLSH(threshold=0.5)
    b.insert(ids[7:], texts[7:])
    a.merge(b)
    whole = presslens.MinHashLSH(threshold=0.5)
    whole.insert(ids, texts, n_threads=2)
    src = demo[WIRE["source"]].text
    assert a.query([src]) == whole.query([src])
    hits = a.query([src])[0]
    assert hits[0] == WIRE["source"]
    assert set(WIRE["verbatim_copies"]) <= set(hits)
    back = pickle.loads(pickle.dumps(a))
    assert back.ids == a.ids
    assert len(back) == len(demo)
    assert back.query(texts) == a.query(texts)
    assert presslens.MinHashLSH.from_bytes(a.to_bytes()).query([src]) == a.query([src])
    assert "bands=" in repr(a)
    assert a.bands * a.rows <= 128


def test_minhash_lsh_errors() -> None:
    lsh = presslens.MinHashLSH()
    lsh.insert(["a"], [BASE])
    with pytest.raises(presslens.InvalidArgumentError, match="already"):
        lsh.insert(["a"], [BASE])
    with pytest.raises(presslens.InvalidArgumentError, match="ids"):
        lsh.insert(["b", "c"], [BASE])
    with pytest.raises(presslens.InvalidArgumentError, match="settings"):
        lsh.merge(presslens.MinHashLSH(threshold=0.5))
    with pytest.raises(presslens.InvalidArgumentError, match="itself"):
        lsh.merge(lsh)
    with pytest.raises(presslens.InvalidArgumentError, match="MinHashLSH"):
        presslens.MinHashLSH.from_bytes(b"garbage")
    with pytest.raises(presslens.InvalidArgumentError, match="version"):
        presslens.MinHashLSH.from_bytes(b"PLSH\x09" + bytes(64))
    lsh.insert(["empty"], [""])
    assert lsh.query([""]) == [[]]


# -- passages ---------------------------------------------------------------------------------


def test_shared_passages_offsets(demo: presslens.Corpus) -> None:
    p = presslens.shared_passages(demo)
    assert list(p.columns) == [
        "doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "words", "text_a", "text_b",
    ]  # fmt: skip
    for row in p.itertuples(index=False):
        assert demo[row.doc_a].text[row.start_a : row.end_a] == row.text_a
        assert demo[row.doc_b].text[row.start_b : row.end_b] == row.text_b
        assert row.words >= 8
    src = WIRE["source"]
    copy = WIRE["verbatim_copies"][0]
    pair = p[(p.doc_a == src) & (p.doc_b == copy)]
    assert pair.words.sum() > 500
    # Shared verbatim quotes are found in every pair of documents that carry them.
    for q in TRUTH["shared_verbatim_quotes"]:
        if len(q["quote"].split()) < 10:
            continue
        for a, b in itertools.combinations(sorted(q["docs"]), 2):
            rows = p[(p.doc_a == min(a, b)) & (p.doc_b == max(a, b))]
            assert any(q["quote"][:40] in t for t in rows.text_a), (q["speaker"], a, b)


def test_shared_passages_tolerate_edits() -> None:
    a = "Intro. " + BASE + " Unrelated ending one."
    b = "Other start! " + BASE.replace("Monday", "Tuesday").replace("again ", "") + " Fin."
    p = presslens.shared_passages([a, b])
    assert len(p) == 1
    row = p.iloc[0]
    assert row.text_a.startswith("The port strike")
    assert "Monday" in row.text_a
    assert "Tuesday" in row.text_b
    assert row.text_b.endswith("automated cranes")


def test_shared_passages_non_ascii_offsets() -> None:
    a = "Ünïcödé prefix — “The port strike entered its third week on Monday as talks stalled”."
    b = "«The port strike entered its third week on Monday as talks stalled» — ça."
    p = presslens.shared_passages([a, b])
    row = p.iloc[0]
    assert row.text_a == row.text_b == a[row.start_a : row.end_a]
    assert row.text_a.startswith("The port")
    assert row.text_a.endswith("stalled")


@pytest.mark.parametrize("n_threads", [2, 8])
def test_shared_passages_deterministic(demo: presslens.Corpus, n_threads: int) -> None:
    ref = presslens.shared_passages(demo, n_threads=1)
    assert presslens.shared_passages(demo, n_threads=n_threads).equals(ref)


def test_shared_passages_bad_input() -> None:
    with pytest.raises(presslens.InvalidArgumentError, match="min_words"):
        presslens.shared_passages(["a"], min_words=0)
    with pytest.raises(presslens.InvalidArgumentError, match="max_gap"):
        presslens.shared_passages(["a"], max_gap=-1)
    assert presslens.shared_passages(["", "short"]).empty


# -- reuse ------------------------------------------------------------------------------------


def test_reuse_demo_labels(demo: presslens.Corpus) -> None:
    wire = demo[WIRE["source"]].text
    for doc in WIRE["verbatim_copies"]:
        r = presslens.reuse(demo[doc].text, [wire])
        assert r.share > 0.8
        assert r.label == "wholly-derived"
    for doc in WIRE["edited_copies"]:
        r = presslens.reuse(demo[doc].text, [wire])
        assert 0.5 < r.share < 0.9
        assert r.label != "non-derived"
    for doc in TRUTH["story_ids"]["other"]:
        r = presslens.reuse(demo[doc].text, [wire])
        assert r.label == "non-derived"
        assert r.share < 0.1


def test_reuse_passages_and_keys() -> None:
    article = "Chip thief jailed. " + BASE.replace("Monday", "Tuesday")
    r = presslens.reuse(article, {"pa-1": BASE, "pa-2": "Nothing in common here."})
    assert r.passages
    assert all(p.source == "pa-1" for p in r.passages)
    for p in r.passages:
        assert article[p.start : p.end] == p.text
    assert BASE[r.passages[0].source_start : r.passages[0].source_end].startswith("The port")
    assert 0 <= r.verbatim_share <= r.share <= 1
    assert set(r.features) >= {"share", "containment_1", "containment_5"}
    assert list(r.passages_frame().columns)[:3] == ["source", "start", "end"]


def test_reuse_bad_input() -> None:
    with pytest.raises(presslens.InvalidArgumentError):
        presslens.reuse(None, ["a"])  # type: ignore[arg-type]
    with pytest.raises(presslens.InvalidArgumentError):
        presslens.reuse("a", "a source")
    r = presslens.reuse("", [])
    assert r.share == 0.0
    assert r.label == "non-derived"


# -- properties -------------------------------------------------------------------------------

words = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f"]), min_size=0, max_size=30)


@settings(max_examples=60, deadline=None)
@given(words, words)
def test_similarities_are_bounded_and_symmetric(x: list[str], y: list[str]) -> None:
    a, b = " ".join(x), " ".join(y)
    j = presslens.overlap([a, b], by="document", measure="jaccard", ngram=3).values
    c = presslens.overlap([a, b], by="document", measure="containment", ngram=3).values
    assert j[0, 1] == j[1, 0]
    assert ((c >= 0) & (c <= 1)).all()
    assert not np.isnan(c).any()
    if x:
        assert c[0, 0] == 1.0
