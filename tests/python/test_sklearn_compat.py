"""presslens.sklearn against scikit-learn: same vocabulary order, same matrices (1e-12)."""

from __future__ import annotations

import json
import pickle
import re
import unicodedata
from functools import lru_cache

import numpy as np
import pytest
from conftest import shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

import presslens
from presslens import _presslens
from presslens import sklearn as pl

sk_text = pytest.importorskip("sklearn.feature_extraction.text")

# Settings grid (the full grid over whole corpora runs in benchmarks/bench_terms.py --grid).
GRID: list[dict[str, object]] = [
    {},
    {"ngram_range": (1, 2)},
    {"ngram_range": (2, 3), "stop_words": "english"},
    {"stop_words": "english", "min_df": 2, "max_df": 0.5},
    {"min_df": 0.01, "max_df": 0.9},
    {"max_features": 300},
    {"max_features": 1000, "ngram_range": (1, 2), "binary": True},
    {"binary": True, "norm": "l1"},
    {"sublinear_tf": True},
    {"norm": None, "use_idf": False},
    {"smooth_idf": False},
    {"lowercase": False, "strip_accents": "unicode"},
    {"strip_accents": "ascii"},
    {"analyzer": "char", "ngram_range": (2, 4)},
    {"analyzer": "char_wb", "ngram_range": (1, 5)},
    {"analyzer": "char_wb", "ngram_range": (3, 3), "max_features": 500},
    {"token_pattern": r"(?u)\b\w+\b"},
    {"token_pattern": r"[A-Za-z]{3,}"},  # Python re fallback
    {"stop_words": ["the", "said", "of"], "ngram_range": (1, 3), "min_df": 2},
]


@lru_cache(maxsize=4)
def _texts(name: str, limit: int) -> tuple[str, ...]:
    path = shared_path("data", name, "articles.jsonl")
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line).get("text") or "")
            if len(out) >= limit:
                break
    return tuple(out)


def corpus_texts(name: str) -> list[str]:
    return list(_texts(name, 800 if name == "reuters21578" else 300))


def assert_same(ours, theirs, vec_ours, vec_theirs, tol: float = 1e-12) -> None:
    assert ours.shape == theirs.shape
    assert ours.dtype == theirs.dtype
    assert vec_ours.get_feature_names_out().tolist() == vec_theirs.get_feature_names_out().tolist()
    diff = abs(ours - theirs)
    assert (diff.max() if diff.nnz else 0.0) <= tol


@pytest.mark.shared
@pytest.mark.parametrize("name", ["reuters21578", "bbc_news"])
@pytest.mark.parametrize(
    "params", GRID, ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()) or "default"
)
def test_tfidf_grid(name: str, params: dict[str, object]) -> None:
    docs = corpus_texts(name)
    ours = pl.TfidfVectorizer(**params)  # type: ignore[arg-type]
    theirs = sk_text.TfidfVectorizer(**params)
    assert_same(ours.fit_transform(docs), theirs.fit_transform(docs), ours, theirs)
    if ours.use_idf:
        np.testing.assert_allclose(ours.idf_, theirs.idf_, rtol=0, atol=1e-12)
    other = [*docs[::-1][:100], "", "unseen words only zzz"]
    assert_same(ours.transform(other), theirs.transform(other), ours, theirs)


@pytest.mark.shared
@pytest.mark.parametrize("name", ["reuters21578", "bbc_news"])
@pytest.mark.parametrize("params", GRID[:8] + GRID[13:16], ids=str)
def test_count_grid(name: str, params: dict[str, object]) -> None:
    params = {
        k: v
        for k, v in params.items()
        if k not in ("norm", "use_idf", "smooth_idf", "sublinear_tf")
    }
    docs = corpus_texts(name)
    ours = pl.CountVectorizer(**params)  # type: ignore[arg-type]
    theirs = sk_text.CountVectorizer(**params)
    assert_same(ours.fit_transform(docs), theirs.fit_transform(docs), ours, theirs, tol=0)
    assert ours.vocabulary_ == theirs.vocabulary_


@pytest.mark.shared
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"ngram_range": (1, 2), "n_features": 2**10},
        {"analyzer": "char_wb", "ngram_range": (2, 3)},
        {"binary": True, "norm": "l1", "alternate_sign": False},
        {"norm": None},
    ],
    ids=str,
)
def test_hashing(params: dict[str, object]) -> None:
    docs = corpus_texts("bbc_news")
    ours = pl.HashingVectorizer(**params).transform(docs)  # type: ignore[arg-type]
    theirs = sk_text.HashingVectorizer(**params).transform(docs)
    assert ours.shape == theirs.shape
    diff = abs(ours - theirs)
    assert (diff.max() if diff.nnz else 0.0) <= 1e-12


def test_callables_fall_back_to_python() -> None:
    docs = ["Talks on PAUSE, said Peskov.", "talks resumed; pause over", ""]
    for params in (
        {"preprocessor": str.upper, "lowercase": False},
        {"tokenizer": str.split, "token_pattern": None},
        {"analyzer": lambda d: d.split()[:2]},
        {"strip_accents": lambda s: s.replace("a", "4")},
    ):
        ours = pl.CountVectorizer(**params)  # type: ignore[arg-type]
        theirs = sk_text.CountVectorizer(**params)
        assert_same(ours.fit_transform(docs), theirs.fit_transform(docs), ours, theirs, tol=0)


def test_fixed_vocabulary_and_dtypes() -> None:
    docs = ["Talks on pause", "talks resumed", ""]
    for vocab in (["talks", "pause", "zzz"], {"pause": 1, "talks": 0}):
        ours = pl.CountVectorizer(vocabulary=vocab)
        theirs = sk_text.CountVectorizer(vocabulary=vocab)
        assert_same(ours.fit_transform(docs), theirs.fit_transform(docs), ours, theirs, tol=0)
    ours32 = pl.TfidfVectorizer(dtype=np.float32).fit_transform(docs)
    theirs32 = sk_text.TfidfVectorizer(dtype=np.float32).fit_transform(docs)
    assert ours32.dtype == np.float32
    assert abs(ours32 - theirs32).max() <= 1e-6


def test_thread_counts_give_identical_results() -> None:
    docs = [f"Story {i} about talks number {i % 13} and pause {i % 7}." for i in range(500)]
    ref = pl.TfidfVectorizer(ngram_range=(1, 2), n_threads=1)
    x1 = ref.fit_transform(docs)
    for n in (2, 8):
        vec = pl.TfidfVectorizer(ngram_range=(1, 2), n_threads=n)
        xn = vec.fit_transform(docs)
        assert vec.vocabulary_ == ref.vocabulary_
        assert (x1 != xn).nnz == 0
        assert np.array_equal(x1.indices, xn.indices)
        assert np.array_equal(x1.indptr, xn.indptr)


def test_errors_match_sklearn() -> None:
    with pytest.raises(
        presslens.EmptyCorpusError,
        match="empty vocabulary; perhaps the documents only contain stop words",
    ):
        pl.CountVectorizer(stop_words=["the"]).fit(["the the", "a"])
    with pytest.raises(
        ValueError,
        match=r"After pruning, no terms remain\. Try a lower min_df or a higher max_df\.",
    ):
        pl.TfidfVectorizer(min_df=2).fit(["talks one", "pause two"])
    with pytest.raises(ValueError, match="max_df corresponds to < documents than min_df"):
        pl.CountVectorizer(min_df=3, max_df=1).fit(["a1 b1", "b1 c1"])
    with pytest.raises(ValueError, match="string object received"):
        pl.TfidfVectorizer().fit("just one string")
    with pytest.raises(presslens.CorpusFormatError, match=r"row 1.*None"):
        pl.TfidfVectorizer().fit_transform(["fine text", None, "more"])
    with pytest.raises(presslens.CorpusFormatError, match=r"row 2.*NaN"):
        pl.CountVectorizer().fit_transform(["fine text", "x y", float("nan")])
    with pytest.raises(presslens.NotFittedError):
        pl.TfidfVectorizer().transform(["a b"])
    with pytest.raises(presslens.InvalidArgumentError, match="not a valid regular expression"):
        pl.CountVectorizer(token_pattern="(unclosed").fit(["a b"])


def test_pandas_series_rows_are_named() -> None:
    pd = pytest.importorskip("pandas")
    s = pd.Series(["talks", None], index=["a", "b"])
    with pytest.raises(presslens.CorpusFormatError, match="row 'b'"):
        pl.CountVectorizer().fit_transform(s)


def test_empty_documents_are_zero_rows() -> None:
    mat = pl.TfidfVectorizer().fit_transform(["", "talks resume", "", "!!"])
    assert mat.shape == (4, 2)
    assert mat[0].nnz == 0
    assert mat[2].nnz == 0
    assert mat[3].nnz == 0


def test_pipeline_gridsearch_clone_pickle() -> None:
    from sklearn.base import clone
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV
    from sklearn.pipeline import Pipeline

    docs = [f"talks pause {i}" if i % 2 else f"war strike {i} attack" for i in range(40)]
    y = [i % 2 for i in range(40)]
    pipe = Pipeline([("vec", pl.TfidfVectorizer()), ("clf", LogisticRegression())])
    grid = GridSearchCV(
        pipe, {"vec__ngram_range": [(1, 1), (1, 2)], "vec__sublinear_tf": [False, True]}, cv=2
    )
    grid.fit(docs, y)
    assert grid.best_score_ == 1.0
    vec = pl.TfidfVectorizer(ngram_range=(1, 2), min_df=2)
    assert clone(vec).get_params() == vec.get_params()
    vec.fit(docs)
    again = pickle.loads(pickle.dumps(vec))
    assert again.vocabulary_ == vec.vocabulary_
    assert (again.transform(docs) != vec.transform(docs)).nnz == 0
    assert "ngram_range=(1, 2)" in repr(vec)
    with pytest.raises(presslens.InvalidArgumentError):
        vec.set_params(bogus=1)


def test_stop_words_attributes() -> None:
    vec = pl.CountVectorizer(min_df=2).fit(["talks pause", "talks resume"])
    assert vec.stop_words_ == {"pause", "resume"}
    assert vec.get_stop_words() is None
    eng = pl.CountVectorizer(stop_words="english").get_stop_words()
    assert eng == sk_text.ENGLISH_STOP_WORDS


# -- native Python-semantics emulation on random Unicode ------------------------------------

_PY_VERSION_MATCHES = _presslens._py_unidata_version() == unicodedata.unidata_version
unicode_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list(" \t\n\r\x0b\x1c\x85\xa0\u3000_'-ªº²³¹½٣०ǅİΣσςé\u0301\u0308ßﬁ")),
    ),
    max_size=60,
)
needs_same_unicode = pytest.mark.skipif(
    not _PY_VERSION_MATCHES,
    reason="native tables were generated for another Unicode database version",
)


@needs_same_unicode
@settings(max_examples=400, deadline=None)
@given(unicode_text)
def test_native_tokenizer_matches_re(text: str) -> None:
    native = _presslens.SkAnalyzer()
    assert native.tokens(text) == re.findall(r"(?u)\b\w\w+\b", text)
    assert _presslens.SkAnalyzer(min_token_chars=1).tokens(text) == re.findall(r"(?u)\b\w+\b", text)


@needs_same_unicode
@settings(max_examples=400, deadline=None)
@given(unicode_text)
def test_native_lower_matches_str_lower(text: str) -> None:
    assert _presslens._py_lower(text) == text.lower()


@needs_same_unicode
@settings(max_examples=200, deadline=None)
@given(
    unicode_text,
    st.sampled_from(["word", "char", "char_wb"]),
    st.sampled_from([None, "ascii", "unicode"]),
    st.sampled_from([(1, 1), (1, 2), (2, 3), (1, 4)]),
)
def test_native_analyzers_match_sklearn(
    text: str, analyzer: str, strip: str | None, ngrams: tuple[int, int]
) -> None:
    params = {"analyzer": analyzer, "strip_accents": strip, "ngram_range": ngrams}
    ours = pl.CountVectorizer(**params).build_analyzer()  # type: ignore[arg-type]
    theirs = sk_text.CountVectorizer(**params).build_analyzer()
    assert ours(text) == theirs(text)
