"""Overlap between outlets and documents: who shares what with whom.

* :func:`overlap`: containment, Jaccard or tf-idf cosine matrices between outlets or
  documents, over word shingles (an :class:`OverlapMatrix`).
* :func:`near_duplicates`: near-duplicate pairs at scale, MinHash + LSH with exact
  verification; :class:`MinHashLSH` is the streaming, mergeable, picklable index behind it.
* :func:`shared_passages`: the maximal passages two documents share, tolerant to small edits,
  with offsets into each text.
* :func:`reuse`: how much of one article comes from given source texts (wire copy), with a
  derivation label (:class:`Reuse`).

Shingles are word n-grams over normalised tokens (lower-cased; curly and straight apostrophes
and hyphens folded), hashed with a fixed seeded hash: results are the same on every run,
platform and thread count. A document with fewer than ``ngram`` words has one shingle, its
whole word sequence; an empty document has none, and every similarity involving it is 0 (never
NaN). All offsets are Python string indices: ``text[start:end]`` is the passage.

Examples
--------
>>> import presslens
>>> wire = "The port strike entered its third week on Monday as talks stalled over pay."
>>> corpus = presslens.Corpus(
...     [
...         {"text": wire, "outlet": "Wire", "id": "w"},
...         {"text": wire + " Farmers are worried.", "outlet": "Ledger", "id": "l"},
...         {"text": "A football final was won on penalties.", "outlet": "Courier", "id": "c"},
...     ]
... )
>>> m = presslens.overlap(corpus, ngram=3)
>>> m.labels
['Courier', 'Ledger', 'Wire']
>>> round(float(m.values[2, 1]), 2)  # all of the wire's shingles are in the Ledger
1.0
>>> presslens.near_duplicates(corpus, threshold=0.6, ngram=3).to_dict("records")
[{'a': 'w', 'b': 'l', 'similarity': 0.8}]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from presslens import _dependencies, _presslens
from presslens._guard import text_input
from presslens._progress import with_progress
from presslens.corpus import Corpus, Document
from presslens.exceptions import EmptyCorpusError, InvalidArgumentError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MinHashLSH",
    "OverlapMatrix",
    "Reuse",
    "ReusePassage",
    "near_duplicates",
    "overlap",
    "reuse",
    "shared_passages",
]

Measure = Literal["containment", "jaccard", "cosine"]
By = Literal["outlet", "document"]
CorpusLike = Corpus | Iterable[Document | Mapping[str, Any] | str]


def _as_corpus(corpus: CorpusLike) -> Corpus:
    return corpus if isinstance(corpus, Corpus) else Corpus(corpus)


def _check_ngram(ngram: int) -> None:
    if isinstance(ngram, bool) or not isinstance(ngram, int) or ngram < 1:
        raise InvalidArgumentError(f"ngram must be a positive integer, got {ngram!r}")


# --------------------------------------------------------------------------------------------
# overlap matrices
# --------------------------------------------------------------------------------------------


class OverlapMatrix:
    """A square matrix of overlap between outlets or documents.

    ``values[i, j]`` is the overlap of row ``labels[i]`` with column ``labels[j]``. For
    ``measure="containment"`` it is asymmetric: the share of the row's shingles found in the
    column. Jaccard and cosine are symmetric. The diagonal is 1 (0 for a unit without text).

    Parameters
    ----------
    values
        The ``(n, n)`` matrix.
    labels
        Row and column labels (outlets, or document ids).
    measure, by, ngram
        How the matrix was computed.

    Examples
    --------
    >>> import numpy as np, pickle
    >>> m = OverlapMatrix(np.eye(2), ["a", "b"], measure="jaccard", by="outlet", ngram=5)
    >>> m
    OverlapMatrix(2 outlets, measure='jaccard', ngram=5)
    >>> pickle.loads(pickle.dumps(m)).labels
    ['a', 'b']
    >>> m.to_pandas().loc["a", "a"]
    np.float64(1.0)
    """

    def __init__(
        self,
        values: np.ndarray[Any, np.dtype[np.float64]],
        labels: Sequence[str],
        *,
        measure: str,
        by: str,
        ngram: int,
    ) -> None:
        values = np.asarray(values, dtype=np.float64)
        if values.ndim != 2 or values.shape[0] != values.shape[1] or values.shape[0] != len(labels):
            raise InvalidArgumentError(
                f"values must be a square matrix with one row per label; got shape "
                f"{values.shape} for {len(labels)} labels"
            )
        self.values = values
        self.labels = list(labels)
        self.measure = measure
        self.by = by
        self.ngram = ngram

    def __repr__(self) -> str:
        unit = "outlets" if self.by == "outlet" else "documents"
        return (
            f"OverlapMatrix({len(self.labels)} {unit}, measure={self.measure!r}, "
            f"ngram={self.ngram})"
        )

    def _repr_html_(self) -> str:
        from presslens._display import overlap_html

        return overlap_html(self)

    def plot(
        self,
        ax: Any = None,
        *,
        annotate: bool | None = None,
        cmap: str = "Blues",
        max_labels: int | None = None,
    ) -> Any:
        """Draw the matrix as a labelled heat-map (needs the ``plot`` extra).

        The arguments are those of :func:`presslens.plot.overlap_matrix`: the Axes to draw on
        (a new figure when ``None``), whether to write values in cells (default: with at
        most 15 labels), a colour map name, and how many labels to draw.

        Returns
        -------
        matplotlib.axes.Axes
            The Axes drawn on (rows: the unit whose share is measured).

        Examples
        --------
        >>> import numpy as np
        >>> m = OverlapMatrix(np.array([[1, .4], [.2, 1]]), ["a.com", "b.com"],
        ...                   measure="containment", by="outlet", ngram=5)
        >>> m.plot().get_title()
        'containment overlap by outlet (5-word shingles)'
        """
        from presslens.plot import overlap_matrix

        return overlap_matrix(self, ax=ax, annotate=annotate, cmap=cmap, max_labels=max_labels)

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_matrix,
            (self.values, self.labels, self.measure, self.by, self.ngram),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OverlapMatrix):
            return NotImplemented
        return (
            self.labels == other.labels
            and (self.measure, self.by, self.ngram) == (other.measure, other.by, other.ngram)
            and bool(np.array_equal(self.values, other.values))
        )

    __hash__ = None  # type: ignore[assignment]

    def to_pandas(self) -> pd.DataFrame:
        """The matrix as a DataFrame indexed by label (rows) with one column per label.

        Returns
        -------
        pandas.DataFrame

        Raises
        ------
        MissingDependencyError
            When pandas is not installed (``pip install 'presslens[pandas]'``).
        """
        pdm = _dependencies.pandas("OverlapMatrix.to_pandas")
        frame: pd.DataFrame = pdm.DataFrame(
            self.values, index=list(self.labels), columns=list(self.labels)
        )
        return frame


def _rebuild_matrix(
    values: np.ndarray[Any, np.dtype[np.float64]],
    labels: list[str],
    measure: str,
    by: str,
    ngram: int,
) -> OverlapMatrix:
    return OverlapMatrix(values, labels, measure=measure, by=by, ngram=ngram)


@with_progress("overlap", mb_per_s=100, items_per_doc=None)
@text_input
def overlap(
    corpus: CorpusLike,
    *,
    by: By = "outlet",
    measure: Measure = "containment",
    ngram: int = 5,
    n_threads: int | None = None,
    progress: bool | None = None,
) -> OverlapMatrix:
    """Overlap of word shingles between outlets or documents.

    All shingles of an outlet's documents form its set (its counts, for cosine).

    * ``"containment"``: share of the row's shingles found in the column (asymmetric: a short
      story copied whole into a long one is contained 1.0 in it, not the other way round);
    * ``"jaccard"``: shared shingles over all shingles of the two;
    * ``"cosine"``: cosine of tf-idf weighted shingle counts (smoothed idf over the units,
      scikit-learn's ``ln((1 + n) / (1 + df)) + 1``).

    Parameters
    ----------
    corpus
        A :class:`~presslens.Corpus` (or anything ``Corpus()`` accepts).
    by
        ``"outlet"`` (documents without an outlet are left out) or ``"document"``.
    measure
        ``"containment"``, ``"jaccard"`` or ``"cosine"``.
    ngram
        Words per shingle.
    n_threads
        ``None``: the global pool; ``1``: serial; ``k``: a pool of ``k`` threads.
    progress
        Show a progress bar (extra ``progress``): ``None`` when the call is expected to take
        more than ~2 s and output is a terminal or notebook, ``True`` always, ``False`` never.

    Returns
    -------
    OverlapMatrix
        Labels are the sorted outlets, or the document ids in corpus order.

    Raises
    ------
    EmptyCorpusError
        When there is no document (or, with ``by="outlet"``, no document with an outlet).
    InvalidArgumentError
        For an unknown ``by`` or ``measure``, ``ngram < 1``, or more than 20,000 units.

    Examples
    --------
    >>> import presslens
    >>> docs = ["talks on the port strike stalled again", "the port strike talks stalled", ""]
    >>> m = presslens.overlap(docs, by="document", measure="jaccard", ngram=2)
    >>> m.labels
    ['0', '1', '2']
    >>> m.values.round(2).tolist()
    [[1.0, 0.25, 0.0], [0.25, 1.0, 0.0], [0.0, 0.0, 0.0]]
    """
    corpus = _as_corpus(corpus)
    _check_ngram(ngram)
    if measure not in ("containment", "jaccard", "cosine"):
        raise InvalidArgumentError(
            f"measure must be 'containment', 'jaccard' or 'cosine', got {measure!r}"
        )
    if by == "document":
        texts = corpus.texts
        labels = corpus.ids
        units = list(range(len(texts)))
    elif by == "outlet":
        labels = corpus.outlets
        index = {o: i for i, o in enumerate(labels)}
        docs = [d for d in corpus if d.outlet is not None]
        texts = [d.text for d in docs]
        units = [index[d.outlet] for d in docs if d.outlet is not None]
    else:
        raise InvalidArgumentError(f"by must be 'outlet' or 'document', got {by!r}")
    if not labels:
        what = "documents" if by == "document" else "documents with an outlet"
        raise EmptyCorpusError(f"overlap needs at least one of the corpus's {what}; got none")
    values = _presslens.overlap_matrix(
        texts, units, len(labels), measure=measure, ngram=ngram, n_threads=n_threads
    )
    return OverlapMatrix(values, labels, measure=measure, by=by, ngram=ngram)


# --------------------------------------------------------------------------------------------
# near duplicates
# --------------------------------------------------------------------------------------------


def _texts_and_keys(source: Any, what: str) -> tuple[list[str], list[Any]]:
    """Texts and the keys that name them: Corpus ids, Series index labels, list positions."""
    if isinstance(source, Corpus):
        return source.texts, list(source.ids)
    if hasattr(source, "index") and hasattr(source, "to_list") and hasattr(source, "dtype"):
        texts = source.to_list()
        keys = list(source.index)
    elif isinstance(source, str):
        raise InvalidArgumentError(f"{what} needs a collection of texts, got a single str")
    else:
        items = list(source)
        if items and all(isinstance(x, Document) for x in items):
            return _texts_and_keys(Corpus(items), what)
        texts = items
        keys = list(range(len(items)))
    bad = next((i for i, t in enumerate(texts) if not isinstance(t, str)), None)
    if bad is not None:
        raise InvalidArgumentError(
            f"{what}: text {keys[bad]!r} is {type(texts[bad]).__name__}, not str; "
            "convert or drop it first"
        )
    return texts, keys


@with_progress("near-duplicates", mb_per_s=30, items_per_doc=1)
@text_input
def near_duplicates(
    source: Any,
    *,
    threshold: float = 0.8,
    ngram: int = 5,
    num_perm: int = 128,
    seed: int = 0,
    verify: bool = True,
    n_threads: int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Pairs of near-duplicate documents: MinHash + LSH, candidates verified exactly.

    Each document's ``ngram``-word shingles get a MinHash signature of ``num_perm``
    permutations; LSH bands and rows are chosen to minimise the weighted areas of false
    positives and negatives around ``threshold`` (datasketch's ``_optimal_param`` objective,
    false negatives weighted 0.95 because candidates are verified: 16 bands of 8 rows for
    the defaults, so a pair at the threshold is a candidate with probability 0.95).
    Candidates sharing a band are verified by exact Jaccard similarity of their shingle sets.

    Buckets stay bounded: documents with identical shingle sets are collapsed before banding
    (a group of more than 64 identical documents is reported as pairs with its first document,
    not all pairs), and a band bucket pairs each member with at most 200 earlier ones.

    Parameters
    ----------
    source
        A :class:`~presslens.Corpus`, a list of texts or a pandas Series of texts.
    threshold
        Jaccard similarity at or above which a pair is reported, in (0, 1].
    ngram
        Words per shingle.
    num_perm
        MinHash permutations (more: better estimates, slower).
    seed
        Seed of the permutations.
    verify
        Verify candidates exactly (default). With ``False``, every LSH candidate is reported
        with its MinHash estimate (which may be below ``threshold``).
    n_threads
        ``None``: the global pool; ``1``: serial; ``k``: a pool of ``k`` threads.
    progress
        Show a progress bar (extra ``progress``): ``None`` when the call is expected to take
        more than ~2 s and output is a terminal or notebook, ``True`` always, ``False`` never.

    Returns
    -------
    pandas.DataFrame
        Columns ``a``, ``b`` (document ids for a Corpus, index labels for a Series,
        positions for a list; ``a`` comes first in the input) and ``similarity``, sorted by
        the positions of ``a`` then ``b``.

    Raises
    ------
    InvalidArgumentError
        For a threshold outside (0, 1], ``ngram < 1``, ``num_perm < 2`` or non-str texts.

    Examples
    --------
    >>> base = "the port strike entered its third week as talks stalled over pay and hours"
    >>> texts = [base, base.replace("hours", "shifts"), "a football final was won on penalties"]
    >>> near_duplicates(texts)
       a  b  similarity
    0  0  1    0.818182
    """
    pdm = _dependencies.pandas("near_duplicates")
    _check_ngram(ngram)
    texts, keys = _texts_and_keys(source, "near_duplicates")
    a, b, sim = _presslens.near_duplicates(
        texts,
        threshold=threshold,
        ngram=ngram,
        num_perm=num_perm,
        seed=seed,
        verify=verify,
        n_threads=n_threads,
    )
    if all(isinstance(k, int) for k in keys) and keys == list(range(len(keys))):
        col_a: Any = a.astype(np.int64)
        col_b: Any = b.astype(np.int64)
    else:
        arr = np.empty(len(keys), dtype=object)
        arr[:] = keys
        col_a, col_b = arr[a], arr[b]
    frame: pd.DataFrame = pdm.DataFrame({"a": col_a, "b": col_b, "similarity": sim})
    return frame


class MinHashLSH:
    """A streaming MinHash LSH index: insert documents in batches, query, merge, pickle.

    The building block of :func:`near_duplicates` for data that does not fit one call: build
    one index per chunk or Dask partition, :meth:`merge` them, query. Bands and rows are
    chosen like datasketch's ``MinHashLSH`` (equal false positive and negative weights).
    Queries return candidates sharing at least one band, most similar (by MinHash estimate)
    first; they are not verified (the index keeps signatures, not texts).

    Parameters
    ----------
    threshold
        Jaccard similarity the bands are tuned for, in (0, 1].
    num_perm
        MinHash permutations.
    ngram
        Words per shingle.
    seed
        Seed of the permutations. Indexes merge only with the same settings.

    Raises
    ------
    InvalidArgumentError
        For settings out of range.

    Examples
    --------
    >>> import pickle
    >>> lsh = MinHashLSH(threshold=0.5, num_perm=64)
    >>> wire = "the port strike entered its third week as talks stalled over pay and hours"
    >>> lsh.insert(["wire", "other"], [wire, "a football final was won on penalties"])
    >>> more = MinHashLSH(threshold=0.5, num_perm=64)
    >>> more.insert(["copy"], [wire.replace("hours", "shifts")])
    >>> lsh.merge(more)
    >>> len(lsh), lsh.query([wire])
    (3, [['wire', 'copy']])
    >>> pickle.loads(pickle.dumps(lsh)).query([wire])
    [['wire', 'copy']]
    """

    def __init__(
        self, *, threshold: float = 0.8, num_perm: int = 128, ngram: int = 5, seed: int = 0
    ) -> None:
        self._inner = _presslens.MinHashLSH(
            threshold=threshold, num_perm=num_perm, ngram=ngram, seed=seed
        )

    @classmethod
    def _wrap(cls, inner: _presslens.MinHashLSH) -> MinHashLSH:
        obj = cls.__new__(cls)
        obj._inner = inner
        return obj

    def __repr__(self) -> str:
        threshold, num_perm, ngram, seed, bands, rows = self._inner.config()
        return (
            f"MinHashLSH({len(self)} documents, threshold={threshold}, num_perm={num_perm}, "
            f"ngram={ngram}, seed={seed}, bands={bands}, rows={rows})"
        )

    def __len__(self) -> int:
        return len(self._inner)

    @property
    def ids(self) -> list[str]:
        """The inserted ids, in insertion order."""
        return self._inner.ids()

    @property
    def bands(self) -> int:
        """Number of LSH bands."""
        return self._inner.config()[4]

    @property
    def rows(self) -> int:
        """Signature values per band."""
        return self._inner.config()[5]

    @text_input
    def insert(
        self, ids: Sequence[str], texts: Sequence[str], *, n_threads: int | None = None
    ) -> None:
        """Add documents.

        Parameters
        ----------
        ids
            One new, unique id per text.
        texts
            The texts.
        n_threads
            Threads for the signatures.

        Raises
        ------
        InvalidArgumentError
            When an id is already in the index or repeats, or the lengths differ; nothing is
            inserted then.
        """
        self._inner.insert(list(ids), list(texts), n_threads=n_threads)

    @text_input
    def query(self, texts: Sequence[str], *, n_threads: int | None = None) -> list[list[str]]:
        """Candidate near-duplicates of each text among the inserted documents.

        Parameters
        ----------
        texts
            The texts to look up.
        n_threads
            Threads for the signatures and lookups.

        Returns
        -------
        list of list of str
            For each text, the ids sharing an LSH band with it, most similar first.
        """
        return [
            [i for i, _ in hits] for hits in self._inner.query(list(texts), n_threads=n_threads)
        ]

    def merge(self, other: MinHashLSH) -> None:
        """Add every document of ``other`` (same settings required, ids must not overlap).

        Raises
        ------
        InvalidArgumentError
            When the settings differ or an id is in both.
        """
        if not isinstance(other, MinHashLSH):
            raise TypeError(f"merge needs a MinHashLSH, got {type(other).__name__}")
        self._inner.merge(other._inner)

    def to_bytes(self) -> bytes:
        """Serialise (a versioned binary format: settings, ids, signatures)."""
        return self._inner.to_bytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> MinHashLSH:
        """Inverse of :meth:`to_bytes`.

        Raises
        ------
        InvalidArgumentError
            When ``data`` is not a serialised index or has an unsupported version.
        """
        return cls._wrap(_presslens.MinHashLSH.from_bytes(bytes(data)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (MinHashLSH.from_bytes, (self.to_bytes(),))


# --------------------------------------------------------------------------------------------
# passages
# --------------------------------------------------------------------------------------------

_PASSAGE_COLUMNS = [
    "doc_a",
    "start_a",
    "end_a",
    "doc_b",
    "start_b",
    "end_b",
    "words",
    "text_a",
    "text_b",
]


@with_progress("shared passages", mb_per_s=15, items_per_doc=None)
@text_input
def shared_passages(
    corpus: CorpusLike,
    *,
    min_words: int = 8,
    max_gap: int = 3,
    n_threads: int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Maximal passages that two documents share, tolerant to small edits.

    Seed and extend: runs of ``min(min_words, 5)`` words that two documents share (and that
    fewer than 257 documents contain) anchor an alignment, which grows left and right over
    equal words and across gaps of at most ``max_gap`` changed, inserted or dropped words
    (the two words after a gap must agree again). Overlapping alignments are merged.

    Parameters
    ----------
    corpus
        A :class:`~presslens.Corpus` (or anything ``Corpus()`` accepts).
    min_words
        Fewest aligned (equal) words in a reported passage.
    max_gap
        Most words skipped on either side at one gap.
    n_threads
        ``None``: the global pool; ``1``: serial; ``k``: a pool of ``k`` threads.
    progress
        Show a progress bar (extra ``progress``): ``None`` when the call is expected to take
        more than ~2 s and output is a terminal or notebook, ``True`` always, ``False`` never.

    Returns
    -------
    pandas.DataFrame
        One row per passage: ``doc_a``, ``start_a``, ``end_a``, ``doc_b``, ``start_b``,
        ``end_b`` (document ids and string offsets, ``doc_a`` first in the corpus),
        ``words`` (aligned words) and the passages ``text_a``, ``text_b``.

    Raises
    ------
    InvalidArgumentError
        When ``min_words < 1`` or ``max_gap < 0``.

    Examples
    --------
    >>> a = "Officials said. The minister said on Monday that the talks would resume soon. End."
    >>> b = "The minister said on Tuesday that the talks would resume soon, aides added."
    >>> p = shared_passages([a, b], min_words=6)
    >>> p[["doc_a", "doc_b", "words"]].to_dict("records")
    [{'doc_a': '0', 'doc_b': '1', 'words': 10}]
    >>> p.loc[0, "text_b"]
    'The minister said on Tuesday that the talks would resume soon'
    """
    pdm = _dependencies.pandas("shared_passages")
    corpus = _as_corpus(corpus)
    for name, value, low in (("min_words", min_words, 1), ("max_gap", max_gap, 0)):
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise InvalidArgumentError(f"{name} must be an integer >= {low}, got {value!r}")
    texts, ids = corpus.texts, corpus.ids
    rows = _presslens.shared_passages(
        texts, min_words=min_words, max_gap=max_gap, n_threads=n_threads
    )
    records = [
        (
            ids[da],
            sa,
            ea,
            ids[db],
            sb,
            eb,
            words,
            texts[da][sa:ea],
            texts[db][sb:eb],
        )
        for da, sa, ea, db, sb, eb, words in rows
    ]
    frame: pd.DataFrame = pdm.DataFrame.from_records(records, columns=_PASSAGE_COLUMNS)
    return frame


# --------------------------------------------------------------------------------------------
# reuse
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReusePassage:
    """A passage of the article found in one source.

    Attributes
    ----------
    source
        The source's key: its position in the list, or its key in the mapping.
    start, end
        Offsets in the article (``text[start:end]``).
    source_start, source_end
        Offsets in the source.
    words
        Aligned (equal) words.
    text
        The article's passage.
    """

    source: Any
    start: int
    end: int
    source_start: int
    source_end: int
    words: int
    text: str


@dataclass(frozen=True)
class Reuse:
    """How much of one article comes from its sources (see :func:`reuse`).

    Attributes
    ----------
    share
        Fraction of the article's words inside passages found in the sources (words judged
        derived by the word model; see :func:`reuse`).
    verbatim_share
        Fraction of the article's words inside a passage and inside an exact run of 5 or more
        words shared with a source.
    passages
        The passages, in article order.
    label
        ``"wholly-derived"``, ``"partially-derived"`` or ``"non-derived"``.
    features
        The measurements the label is computed from.
    words
        Words in the article.
    score
        The label model's score: ``partially-derived`` (or ``wholly-derived``) at or above
        0.709 (see :func:`reuse`).
    """

    share: float
    verbatim_share: float
    passages: list[ReusePassage]
    label: str
    features: dict[str, float]
    words: int
    score: float = 0.0

    def passages_frame(self) -> pd.DataFrame:
        """The passages as a DataFrame (one row per passage, columns as the attributes)."""
        pdm = _dependencies.pandas("Reuse.passages_frame")
        frame: pd.DataFrame = pdm.DataFrame(
            [p.__dict__ for p in self.passages],
            columns=["source", "start", "end", "source_start", "source_end", "words", "text"],
        )
        return frame


@text_input
def reuse(
    text: str,
    sources: Sequence[str] | Mapping[Any, str],
    *,
    n_threads: int | None = None,
) -> Reuse:
    """How much of an article comes from the given source texts (wire copy).

    Every article word is aligned to the sources: greedy string tiling (Clough et al.'s METER
    method: maximal runs of 3+ identical normalised words, longest first, each article and
    source word used once), shorter matches within 8 words of a tile, then repeated phrases and
    single words found in a source. A logistic regression over the alignment of each word and
    its neighbourhood (tile length, longest source n-gram around it, distance to and gap
    between tiles, tiled share of its window, sentence and article, stop word, capital,
    position) gives the probability that the word is derived from the sources; it was trained
    on the word-level annotation (verbatim / rewrite / new) of the showbiz domain of the METER
    corpus (Press Association copy and British newspapers, annotated by journalists). Tiled
    words, and words between two tiles of one source, with probability at least 0.48 are
    covered; passages are runs of covered words of one source (in source order), widened over
    the punctuation attached to their ends. ``share`` counts the article's words inside a
    passage, ``verbatim_share`` those of them inside tiles of 5+ words.

    ``label`` says how the article was derived from the sources, as the METER corpus defines
    it: ``"wholly-derived"`` (the sources are its only source, however rewritten),
    ``"partially-derived"`` (they are one of its sources) or ``"non-derived"`` (not used).
    ``wholly-derived`` when at least 0.808 of the article's distinct words occur in the sources
    (``features["containment_1"]``); else ``partially-derived`` when ``score >= 0.709``, where
    ``score = 0.2447 + 1.4345 m`` and ``m`` is the mean word probability
    (``features["derived_mean"]``); else ``non-derived``. The other features (longer n-gram
    containment, tiled shares, longest tile, sentence shares, length ratio) are reported but
    carry no weight: cross-validation on showbiz preferred this rule.
    Everything was fitted on showbiz only (``benchmarks/fit_reuse_words.py``);
    ``benchmarks/eval_meter.py courts`` reports the courts domain, and ``src/overlap/reuse.rs``
    and ``src/overlap/reuse_words.rs`` document the method.

    Parameters
    ----------
    text
        The article.
    sources
        Candidate source texts: a list (passages name sources by position) or a mapping
        (by key).
    n_threads
        ``None``: the global pool; ``1``: serial; ``k``: a pool of ``k`` threads.

    Returns
    -------
    Reuse

    Raises
    ------
    InvalidArgumentError
        When ``text`` or a source is not a ``str``.

    Examples
    --------
    >>> wire = ("A man who stole a lorry load of frozen chips was jailed for two years today "
    ...         "at Leeds Crown Court. The judge said the theft was carefully planned.")
    >>> article = "Chip thief jailed. " + wire.replace("today", "yesterday")
    >>> r = reuse(article, {"pa-1": wire})
    >>> round(r.share, 2), r.label
    (0.94, 'wholly-derived')
    >>> p = r.passages[0]
    >>> p.source, article[p.start:p.end] == p.text
    ('pa-1', True)
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(f"reuse: text must be a str, got {type(text).__name__}")
    if isinstance(sources, Mapping):
        keys: list[Any] = list(sources.keys())
        src = list(sources.values())
    elif isinstance(sources, str):
        raise InvalidArgumentError("reuse: sources must be a list or mapping of texts, not a str")
    else:
        src = list(sources)
        keys = list(range(len(src)))
    bad = next((k for k, s in zip(keys, src, strict=True) if not isinstance(s, str)), None)
    if bad is not None:
        raise InvalidArgumentError(f"reuse: source {bad!r} is not a str")
    share, verbatim, feats, score, label, words, rows = _presslens.reuse(
        text, src, n_threads=n_threads
    )
    passages = [
        ReusePassage(keys[s], a0, a1, s0, s1, w, text[a0:a1]) for s, a0, a1, s0, s1, w in rows
    ]
    names = _presslens.reuse_features()
    return Reuse(
        share=share,
        verbatim_share=verbatim,
        passages=passages,
        label=label,
        features=dict(zip(names, feats, strict=True)),
        words=words,
        score=score,
    )
