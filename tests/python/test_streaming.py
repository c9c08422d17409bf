"""Streaming: bounded batches, and merged partial states equal the whole-corpus results."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest

import presslens
from presslens.datasets import load_demo
from presslens.sklearn import TfidfVectorizer
from presslens.streaming import DocumentFrequencies, ShingleCounts

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture
def parquet(tmp_path):
    frame = load_demo().to_pandas()
    path = tmp_path / "demo.parquet"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, row_group_size=4)
    return path


def fold(parts, merge):
    acc = None
    for p in parts:
        acc = p if acc is None else merge(acc, p)
    return acc


def test_from_parquet_batches_are_bounded_and_complete(parquet):
    whole = presslens.Corpus.from_parquet(parquet)
    batches = list(presslens.Corpus.from_parquet(parquet, batch_size=3))
    assert all(len(b) <= 3 for b in batches)
    assert len(batches) >= 5
    assert [d for b in batches for d in b] == list(whole)
    cols = list(presslens.Corpus.from_parquet(parquet, columns=["text", "id"], batch_size=5))
    assert all(d.outlet is None for b in cols for d in b)


def test_row_number_ids_count_on(tmp_path):
    path = tmp_path / "plain.parquet"
    pq.write_table(pa.table({"text": [f"story {i}" for i in range(7)]}), path)
    ids = [d.id for b in presslens.iter_batches(path, batch_size=3) for d in b]
    assert ids == [str(i) for i in range(7)]


def test_iter_batches_jsonl_and_records(tmp_path):
    corpus = load_demo()
    path = tmp_path / "demo.jsonl"
    corpus.to_jsonl(path)
    batches = list(presslens.iter_batches(path, batch_size=4))
    assert [len(b) for b in batches] == [4, 4, 4, 2]
    assert [d for b in batches for d in b] == list(corpus)
    recs = list(presslens.iter_batches(corpus.to_records(), batch_size=5))
    assert [d for b in recs for d in b] == list(corpus)


def test_bad_batches(tmp_path):
    with pytest.raises(presslens.InvalidArgumentError, match="batch_size"):
        list(presslens.iter_batches(["a"], batch_size=0))
    with pytest.raises(presslens.InvalidArgumentError, match="batch_size"):
        list(presslens.iter_batches(["a"], batch_size=True))
    with pytest.raises(presslens.InvalidArgumentError, match="reads"):
        list(presslens.iter_batches(tmp_path / "x.txt"))
    with pytest.raises(FileNotFoundError):
        list(presslens.iter_batches(tmp_path / "missing.jsonl"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "ok"}) + "\n" + json.dumps({"text": None}) + "\n")
    with pytest.raises(presslens.CorpusFormatError):
        list(presslens.iter_batches(bad, batch_size=1))


@pytest.mark.parametrize("by", ["outlet", "document", "corpus"])
def test_term_counts_merge_equals_whole(parquet, by):
    whole = presslens.term_counts(presslens.Corpus.from_parquet(parquet), by=by)
    merged = fold(
        (presslens.term_counts(b, by=by) for b in presslens.iter_batches(parquet, batch_size=3)),
        lambda a, b: a.merge(b),
    )
    pd.testing.assert_frame_equal(merged.to_pandas(), whole.to_pandas())


@pytest.mark.parametrize("params", [{}, {"min_df": 2, "max_features": 30, "ngram_range": (1, 2)}])
def test_document_frequencies_merge_equals_whole(parquet, params):
    corpus = presslens.Corpus.from_parquet(parquet)
    merged = fold(
        (
            DocumentFrequencies.from_texts(b, **params)
            for b in presslens.iter_batches(parquet, batch_size=4)
        ),
        lambda a, b: a.merge(b),
    )
    vec = merged.vectorizer()
    ref = TfidfVectorizer(**params)
    y = ref.fit_transform(corpus)
    assert vec.vocabulary_ == ref.vocabulary_
    np.testing.assert_array_equal(vec.idf_, ref.idf_)
    assert (vec.transform(corpus) != y).nnz == 0
    with pytest.raises(presslens.InvalidArgumentError):
        merged.merge(DocumentFrequencies.from_texts(["x"], min_df=3))


@pytest.mark.parametrize("measure", ["containment", "jaccard", "cosine"])
@pytest.mark.parametrize("by", ["outlet", "document"])
def test_shingle_counts_merge_equals_whole(parquet, measure, by):
    corpus = presslens.Corpus.from_parquet(parquet)
    merged = fold(
        (
            ShingleCounts.from_corpus(b, by=by, ngram=4)
            for b in presslens.iter_batches(parquet, batch_size=3)
        ),
        lambda a, b: a.merge(b),
    )
    assert merged.overlap(measure) == presslens.overlap(corpus, by=by, measure=measure, ngram=4)
    assert pickle.loads(pickle.dumps(merged)).overlap(measure) == merged.overlap(measure)


def test_shingle_counts_bad_input():
    a = ShingleCounts.from_corpus(presslens.Corpus(["a b c"]), by="document", ngram=2)
    with pytest.raises(presslens.InvalidArgumentError, match="both"):
        a.merge(a)
    with pytest.raises(presslens.InvalidArgumentError, match="by/ngram"):
        a.merge(ShingleCounts.from_corpus(presslens.Corpus(["x"]), by="document", ngram=3))
    with pytest.raises(presslens.EmptyCorpusError):
        ShingleCounts.from_corpus(presslens.Corpus(["no outlet"])).overlap()
    with pytest.raises(presslens.InvalidArgumentError, match="ngram"):
        ShingleCounts.from_corpus(presslens.Corpus(["x"]), ngram=0)


def test_minhash_lsh_merge_across_batches(parquet):
    corpus = presslens.Corpus.from_parquet(parquet)
    whole = presslens.MinHashLSH(threshold=0.5)
    whole.insert(corpus.ids, corpus.texts)
    merged = presslens.MinHashLSH(threshold=0.5)
    for b in presslens.iter_batches(parquet, batch_size=4):
        part = presslens.MinHashLSH(threshold=0.5)
        part.insert(b.ids, b.texts)
        merged.merge(part)
    assert merged.query(corpus.texts) == whole.query(corpus.texts)
