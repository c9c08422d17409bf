"""Type stubs for the native module ``presslens._presslens`` (kept in step by stubtest)."""

from typing import Any, final

import numpy as np
import numpy.typing as npt

__version__: str

def normalize(
    text: str, *, quotes: bool = True, dashes: bool = True, whitespace: bool = True
) -> str: ...
def token_spans(text: str) -> list[tuple[int, int]]: ...
def split_sentences(text: str, *, language: str = "english") -> list[str]: ...
def sentence_spans(text: str, *, language: str = "english") -> list[tuple[int, int]]: ...
def stem(words: list[str], *, language: str = "english") -> list[str]: ...
def stemmer_languages() -> list[str]: ...
def stop_words(language: str = "english") -> list[str]: ...
def language_code(language: str) -> str: ...
def document_counts(
    texts: list[str], *, language: str = "english", n_threads: int | None = None
) -> list[tuple[int, int, int]]: ...
def word_counts(texts: list[str], *, n_threads: int | None = None) -> list[int]: ...
def _debug_panic(message: str, *, in_pool: bool = False) -> int: ...

@final
class ProgressCounter:
    def __init__(self) -> None: ...
    @property
    def done(self) -> int: ...

def _progress_begin(counter: ProgressCounter) -> None: ...
def _progress_end() -> None: ...
def thread_pool_size() -> int: ...
def _bench_count(
    texts: list[str], what: str, *, language: str = "english", n_threads: int | None = None
) -> int: ...
def effective_threads(n_threads: int | None = None) -> int: ...

@final
class Analyzer:
    def __new__(
        cls, *, lowercase: bool = True, stem: str | None = None, stop_words: list[str] | None = None
    ) -> Analyzer: ...
    def tokenize(self, text: str) -> list[str]: ...
    def tokenize_many(
        self, texts: list[str], *, n_threads: int | None = None
    ) -> list[list[str]]: ...
    def __reduce__(self) -> tuple[Any, tuple[()], None]: ...

# cleaning (src/python/clean.rs)
# spans: native-endian u64 triples (start, end, index into clean_reasons()), Python indices
_CleanedTuple = tuple[str, bytes, str | None, str | None, str | None]

def clean_text(
    text: str, *, markdown: bool | None = None, repair_paragraphs: bool = True
) -> _CleanedTuple: ...
def clean_many(
    texts: list[str],
    outlets: list[str],
    *,
    markdown: bool | None = None,
    repair_paragraphs: bool = True,
    cross_document: bool = True,
    n_threads: int | None = None,
) -> list[_CleanedTuple]: ...
def clean_reasons() -> list[str]: ...

# -- overlap ----------------------------------------------------------------------------------
def overlap_matrix(
    texts: list[str],
    units: list[int],
    n_units: int,
    *,
    measure: str = "containment",
    ngram: int = 5,
    n_threads: int | None = None,
) -> npt.NDArray[np.float64]: ...
def near_duplicates(
    texts: list[str],
    *,
    threshold: float = 0.8,
    ngram: int = 5,
    num_perm: int = 128,
    seed: int = 0,
    verify: bool = True,
    n_threads: int | None = None,
    weights: tuple[float, float] = ...,
    params: tuple[int, int] | None = None,
    max_bucket: int = 200,
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64], npt.NDArray[np.float64]]: ...
def lsh_params(
    threshold: float, num_perm: int, weights: tuple[float, float] = ...
) -> tuple[int, int]: ...
def shared_passages(
    texts: list[str], *, min_words: int = 8, max_gap: int = 3, n_threads: int | None = None
) -> list[tuple[int, int, int, int, int, int, int]]: ...
def reuse(
    text: str,
    sources: list[str],
    *,
    n_threads: int | None = None,
) -> tuple[
    float, float, list[float], float, str, int, list[tuple[int, int, int, int, int, int]]
]: ...
def reuse_features() -> list[str]: ...
def reuse_word_features(
    text: str, sources: list[str]
) -> tuple[
    list[str],
    list[list[float]],
    list[tuple[int, int]],
    list[int],
    list[tuple[int, int]],
    list[int],
]: ...

@final
class MinHashLSH:
    def __new__(
        cls,
        *,
        threshold: float = 0.8,
        num_perm: int = 128,
        ngram: int = 5,
        seed: int = 0,
        params: tuple[int, int] | None = None,
    ) -> MinHashLSH: ...
    def insert(self, ids: list[str], texts: list[str], *, n_threads: int | None = None) -> None: ...
    def query(
        self, texts: list[str], *, n_threads: int | None = None
    ) -> list[list[tuple[str, float]]]: ...
    def merge(self, other: MinHashLSH) -> None: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> MinHashLSH: ...
    def ids(self) -> list[str]: ...
    def config(self) -> tuple[float, int, int, int, int, int]: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[bytes]]: ...

# -- terms (presslens.terms, presslens.sklearn) -----------------------------------------------

_CsrArrays = tuple[npt.NDArray[Any], npt.NDArray[np.int32], npt.NDArray[np.int64]]

@final
class SkAnalyzer:
    def __new__(
        cls,
        *,
        analyzer: str = "word",
        lowercase: bool = True,
        strip_accents: str | None = None,
        min_token_chars: int = 2,
        ngram_range: tuple[int, int] = ...,
        stop_words: list[str] | None = None,
    ) -> SkAnalyzer: ...
    def analyze(self, doc: str) -> list[str]: ...
    def preprocess(self, doc: str) -> str: ...
    def tokens(self, doc: str) -> list[str]: ...
    def count(self, docs: list[str], *, n_threads: int | None = None) -> SkCounts: ...
    def hash(
        self,
        docs: list[str],
        *,
        n_features: int,
        alternate_sign: bool,
        binary: bool,
        norm: str | None,
        n_threads: int | None = None,
    ) -> _CsrArrays: ...

@final
class SkCounts:
    def n_docs(self) -> int: ...
    def n_terms(self) -> int: ...
    def take_vocabulary(self) -> Vocabulary: ...
    def vocabulary(self) -> list[str]: ...
    def df(self) -> npt.NDArray[np.int64]: ...
    def tf(self) -> npt.NDArray[np.int64]: ...
    def df_keep(self, high: float | None, low: float | None) -> npt.NDArray[np.int64]: ...
    def restrict(self, kept: npt.NDArray[np.int64], *, n_threads: int | None = None) -> None: ...
    def align(self, vocabulary: Vocabulary, *, n_threads: int | None = None) -> None: ...
    def counts_csr(self, *, binary: bool = False, n_threads: int | None = None) -> _CsrArrays: ...
    def idf(self, *, smooth_idf: bool = True) -> npt.NDArray[np.float64]: ...
    def tfidf_csr(
        self,
        *,
        idf: npt.NDArray[np.float64] | None,
        binary: bool,
        sublinear_tf: bool,
        norm: str | None,
        n_threads: int | None = None,
    ) -> _CsrArrays: ...

@final
class Vocabulary:
    def __new__(cls, terms: list[str], columns: list[int], n_cols: int) -> Vocabulary: ...
    def terms(self) -> list[str]: ...
    def __len__(self) -> int: ...

def sk_count_features(features: list[list[str]], *, n_threads: int | None = None) -> SkCounts: ...
def sk_hash_features(
    features: list[list[str]],
    *,
    n_features: int,
    alternate_sign: bool,
    binary: bool,
    norm: str | None,
    n_threads: int | None = None,
) -> _CsrArrays: ...
def _py_lower(text: str) -> str: ...
def _py_unidata_version() -> str: ...
def group_counts(
    texts: list[str],
    group_of: npt.NDArray[np.int64],
    n_groups: int,
    *,
    lowercase: bool = True,
    stem: str | None = None,
    stop_words: list[str] | None = None,
    ngram_range: tuple[int, int] = ...,
    n_threads: int | None = None,
) -> tuple[list[str], _CsrArrays, npt.NDArray[np.int64], int, npt.NDArray[np.int64]]: ...
def distinctive_terms(
    data: npt.NDArray[np.int64],
    indices: npt.NDArray[np.int32],
    indptr: npt.NDArray[np.int64],
    n_cols: int,
    *,
    top: int,
    alpha: float,
    min_count: int,
    n_threads: int | None = None,
) -> tuple[
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.float64],
    npt.NDArray[np.float64],
]: ...
def collocations(
    texts: list[str],
    *,
    top: int,
    measure: str,
    min_count: int,
    lowercase: bool = True,
    stop_words: list[str] | None = None,
    n_threads: int | None = None,
) -> list[tuple[str, str, int, float]]: ...
def text_stats(texts: list[str], *, n_threads: int | None = None) -> list[list[float]]: ...

# -- partial states for presslens.dask and streaming (src/python/scale.rs) -------------------
_U64 = npt.NDArray[np.uint64]
_U32 = npt.NDArray[np.uint32]

def shingle_unit_entries(
    texts: list[str], units: _U32, *, ngram: int = 5, n_threads: int | None = None
) -> tuple[_U64, _U32, _U32]: ...
def overlap_range_intersections(
    hashes: _U64, units: _U32, counts: _U32, n_units: int
) -> npt.NDArray[np.uint64]: ...
def overlap_range_sq_norms(
    hashes: _U64, units: _U32, counts: _U32, n_units: int
) -> tuple[_U64, npt.NDArray[np.float64]]: ...
def overlap_range_dots(
    hashes: _U64, units: _U32, counts: _U32, n_units: int, norm: npt.NDArray[np.float64]
) -> npt.NDArray[np.uint64]: ...
def near_dup_sketch(
    texts: list[str],
    *,
    ngram: int,
    num_perm: int,
    seed: int,
    bands: int,
    rows: int,
    n_threads: int | None = None,
) -> tuple[_U64, _U64, _U64, _U64, npt.NDArray[np.uint64], npt.NDArray[np.uint32]]: ...
def lsh_bucket_pairs(keys: _U64, ids: _U64, *, max_bucket: int = 200) -> tuple[_U64, _U64]: ...
def set_jaccard_pairs(
    flat_a: _U64, indptr_a: _U64, ia: _U64, flat_b: _U64, indptr_b: _U64, ib: _U64
) -> npt.NDArray[np.float64]: ...

# summarize / rouge
_SentenceColumns = tuple[
    npt.NDArray[np.uint32],
    npt.NDArray[np.uint32],
    npt.NDArray[np.uint64],
    npt.NDArray[np.uint64],
    npt.NDArray[np.uint32],
    npt.NDArray[np.float64],
]

def summarize(
    texts: list[str],
    times: list[float | None],
    *,
    method: str = "lexrank",
    max_words: int | None = ...,
    max_sentences: int | None = None,
    redundancy: float = 0.5,
    order: str = "score",
    language: str = "english",
    support_threshold: float = 0.5,
    n_threads: int | None = None,
    coverage: tuple[int, int, float, float] | None = None,
    trim: bool = False,
    truncate: bool = False,
    compress: bool = False,
    concept_models: tuple[list[float], list[float]] | None = None,
    centrality: float | None = None,
) -> tuple[
    _SentenceColumns, list[tuple[int, float, list[int], int, int, list[tuple[int, int]]]], bool
]: ...
def coverage_concepts(
    texts: list[str],
    references: list[str],
    *,
    lead: int = 3,
    language: str = "english",
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.float64]]: ...
def sentence_scores(
    texts: list[str],
    *,
    method: str = "lexrank",
    language: str = "english",
    n_threads: int | None = None,
    coverage: tuple[int, int, float, float] | None = None,
) -> _SentenceColumns: ...
def compress_sentences(
    sentences: list[str], *, n_threads: int | None = None
) -> list[list[tuple[int, int]]]: ...
def rouge_scores(
    candidates: list[str],
    references: list[list[str]],
    *,
    metrics: list[str],
    use_stemmer: bool = False,
    aggregate: str = "max",
    n_threads: int | None = None,
) -> npt.NDArray[np.float64]: ...
def porter_stem(words: list[str]) -> list[str]: ...
def rouge_tokenize(text: str, *, use_stemmer: bool = False) -> list[str]: ...

# align / quotes
def sentence_similarity(
    texts_a: list[str], texts_b: list[str], *, n_threads: int | None = None
) -> npt.NDArray[np.float64]: ...
def sentence_features(
    texts_a: list[str], texts_b: list[str], *, n_threads: int | None = None
) -> npt.NDArray[np.float64]: ...
def similarity_model() -> tuple[list[str], list[float], float, float]: ...
def align_sentences(
    texts: list[str],
    outlets: list[int],
    *,
    threshold: float = 0.5,
    n_threads: int | None = None,
) -> list[tuple[int, int, int, int, list[tuple[int, int, float]]]]: ...
def find_quotes(
    texts: list[str], *, n_threads: int | None = None
) -> list[list[tuple[int, int, str | None]]]: ...
def count_quotes(texts: list[str], *, n_threads: int | None = None) -> list[int]: ...
def cluster_quotes(
    docs: list[int],
    texts: list[str],
    speakers: list[str | None],
    *,
    threshold: float = 0.5,
    speaker_threshold: float = 0.3,
    n_threads: int | None = None,
) -> list[int]: ...
