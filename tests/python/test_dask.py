"""presslens.dask on real worker processes: results equal the single-process functions."""

from __future__ import annotations

import pickle
import random

import numpy as np
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import presslens  # noqa: E402
import presslens.dask as pdask  # noqa: E402
from presslens.datasets import load_demo  # noqa: E402
from presslens.sklearn import TfidfVectorizer  # noqa: E402

WORDS = [
    *(
        [
            "port",
            "strike",
            "talks",
            "pay",
            "union",
            "workers",
            "minister",
            "said",
            "on",
            "monday",
            "the",
            "a",
            "of",
            "to",
            "in",
        ]
    ),
    *(
        [
            "harbour",
            "ships",
            "cargo",
            "delayed",
            "officials",
            "wages",
            "court",
            "ruling",
            "farmers",
            "exports",
        ]
    ),
    *(["grain", "prices", "rose", "fell", "week"]),
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def generated_frame(n: int = 160, seed: int = 7) -> pd.DataFrame:
    """Fictional articles: stories copied with small edits across outlets, some exact copies."""
    rng = random.Random(seed)
    bases = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))) for _ in range(25)]
    rows = []
    for i in range(n):
        words = rng.choice(bases).split()
        if i % 5:  # edit a few words
            for _ in range(rng.randint(0, 4)):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
        text = " ".join(words) if i % 17 else ""
        rows.append(
            {
                "id": f"g{i:04d}",
                "outlet": f"outlet{rng.randint(0, 6)}.example" if i % 11 else None,
                "published": f"2025-03-{1 + i % 28:02d}",
                "text": text,
            }
        )
    return pd.DataFrame(rows)


def frames():
    demo = load_demo().to_pandas()
    return [("demo", demo, 3), ("generated", generated_frame(), 5)]


@pytest.fixture(params=frames(), ids=lambda f: f[0])
def data(request):
    _, frame, nparts = request.param
    ddf = dd.from_pandas(frame, npartitions=nparts)
    return ddf, presslens.Corpus.from_pandas(frame)


@pytest.mark.parametrize("by", ["document", "outlet", "corpus"])
def test_term_counts_equal(client, data, by):
    ddf, corpus = data
    got = pdask.term_counts(ddf, by=by, ngram_range=(1, 2), min_df=2)
    want = presslens.term_counts(corpus, by=by, ngram_range=(1, 2), min_df=2)
    assert got.groups == want.groups
    pd.testing.assert_frame_equal(got.to_pandas(), want.to_pandas())
    assert got.document_frequency == want.document_frequency


@pytest.mark.parametrize(
    "params",
    [{}, {"min_df": 2, "max_df": 0.9, "max_features": 40}, {"sublinear_tf": True, "norm": "l1"}],
)
def test_tfidf_equal(client, data, params):
    ddf, corpus = data
    x, vec = pdask.tfidf(ddf, **params)
    ref = TfidfVectorizer(**params)
    y = ref.fit_transform(corpus)
    assert vec.vocabulary_ == ref.vocabulary_
    np.testing.assert_array_equal(vec.idf_, ref.idf_)
    assert x.shape == y.shape
    assert (x != y).nnz == 0
    assert vec.stop_words_ == ref.stop_words_


@pytest.mark.parametrize("measure", ["containment", "jaccard", "cosine"])
def test_overlap_equal(client, data, measure):
    ddf, corpus = data
    got = pdask.overlap(ddf, measure=measure, ngram=3)
    want = presslens.overlap(corpus, measure=measure, ngram=3)
    assert got == want  # labels, settings and bit-identical values


def test_overlap_by_document_equal(client, data):
    ddf, corpus = data
    assert pdask.overlap(ddf, by="document", measure="jaccard", n_ranges=3) == presslens.overlap(
        corpus, by="document", measure="jaccard"
    )


@pytest.mark.parametrize(("threshold", "verify"), [(0.5, True), (0.8, True), (0.6, False)])
def test_near_duplicates_equal(client, data, threshold, verify):
    ddf, corpus = data
    got = pdask.near_duplicates(ddf, threshold=threshold, ngram=3, verify=verify)
    want = presslens.near_duplicates(corpus, threshold=threshold, ngram=3, verify=verify)
    pd.testing.assert_frame_equal(got, want)


def test_near_duplicates_large_identical_group(client):
    # More than 64 identical documents: reported as pairs with the first, as the core does.
    frame = pd.DataFrame(
        {
            "id": [f"d{i}" for i in range(80)] + ["x", "y"],
            "text": ["the same wire story about the port strike and pay"] * 80
            + ["the same wire story about the port strike and wages", "something else"],
        }
    )
    ddf = dd.from_pandas(frame, npartitions=4)
    got = pdask.near_duplicates(ddf, threshold=0.5, ngram=2)
    want = presslens.near_duplicates(presslens.Corpus.from_pandas(frame), threshold=0.5, ngram=2)
    pd.testing.assert_frame_equal(got, want)
    assert len(got) == 80


def test_bad_input(client):
    frame = load_demo().to_pandas()
    with pytest.raises(presslens.InvalidArgumentError, match="dask DataFrame"):
        pdask.term_counts(frame)
    no_id = dd.from_pandas(frame.drop(columns="id"), npartitions=2)
    with pytest.raises(presslens.InvalidArgumentError, match="unique ids"):
        pdask.near_duplicates(no_id)
    ddf = dd.from_pandas(frame, npartitions=2)
    with pytest.raises(presslens.InvalidArgumentError, match="threshold"):
        pdask.near_duplicates(ddf, threshold=1.5)
    with pytest.raises(presslens.InvalidArgumentError, match="measure"):
        pdask.overlap(ddf, measure="dice")
    no_outlet = dd.from_pandas(frame.assign(outlet=None), npartitions=2)
    with pytest.raises(presslens.EmptyCorpusError):
        pdask.overlap(no_outlet)


def test_summarize_groups_needs_summarize_or_runs(client):
    frame = load_demo().to_pandas().assign(story=0)
    ddf = dd.from_pandas(frame, npartitions=2)
    if not hasattr(presslens, "summarize"):
        with pytest.raises(presslens.InvalidArgumentError, match="summarize"):
            pdask.summarize_groups(ddf, by="story")
        return
    got = pdask.summarize_groups(ddf, by="story", max_words=60)
    want = presslens.summarize(presslens.Corpus.from_pandas(frame), max_words=60).to_pandas()
    pd.testing.assert_frame_equal(got.drop(columns="story"), want)


def test_partials_pickle():
    corpus = load_demo()
    from presslens.streaming import DocumentFrequencies, ShingleCounts

    sc = ShingleCounts.from_corpus(corpus, ngram=3)
    assert pickle.loads(pickle.dumps(sc)).overlap() == sc.overlap()
    df = DocumentFrequencies.from_texts(corpus)
    back = pickle.loads(pickle.dumps(df))
    assert back.vectorizer().vocabulary_ == df.vectorizer().vocabulary_


def test_near_duplicates_many_partitions(client):
    # More partitions than verification groups and buckets: blocks span several partitions.
    frame = generated_frame(n=200, seed=3)
    ddf = dd.from_pandas(frame, npartitions=13)
    got = pdask.near_duplicates(ddf, threshold=0.6, ngram=3, n_buckets=5)
    want = presslens.near_duplicates(presslens.Corpus.from_pandas(frame), threshold=0.6, ngram=3)
    pd.testing.assert_frame_equal(got, want)
    assert len(got) > 50
