"""Corpora larger than memory: read them in batches and fold mergeable statistics.

Every corpus statistic has a partial state that merges: build it per batch, :meth:`merge`
the parts, then read the result. The result equals the one-call function on the whole corpus.

* :func:`iter_batches`: a Parquet or JSON Lines file (or any iterable of records) as a
  stream of :class:`~presslens.Corpus` batches.
* :class:`~presslens.TermCounts` (from :func:`presslens.term_counts`): counts and document
  frequencies, ``merge``.
* :class:`DocumentFrequencies`: the document frequencies of
  :class:`presslens.sklearn.TfidfVectorizer`, ``merge``, then a fitted vectorizer equal to one
  fitted on the whole corpus.
* :class:`ShingleCounts`: word-shingle counts per outlet (or document), ``merge``, then the
  same :class:`~presslens.OverlapMatrix` as :func:`presslens.overlap`.
* :class:`~presslens.MinHashLSH`: near-duplicate index, ``merge``.

Examples
--------
>>> import presslens
>>> from presslens.streaming import ShingleCounts
>>> docs = [
...     {"text": "the port strike entered its third week", "outlet": "a.com"},
...     {"text": "the port strike entered its third week, they said", "outlet": "b.com"},
...     {"text": "a football final was won on penalties", "outlet": "c.com"},
... ]
>>> counts = None
>>> for batch in presslens.iter_batches(docs, batch_size=2):
...     part = ShingleCounts.from_corpus(batch, ngram=3)
...     counts = part if counts is None else counts.merge(part)
>>> counts.overlap() == presslens.overlap(presslens.Corpus(docs), ngram=3)
True
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from presslens import _presslens
from presslens.corpus import (
    Corpus,
    Document,
    _check_batch_size,
    _coerce_document,
    _jsonl_rows,
)
from presslens.exceptions import EmptyCorpusError, InvalidArgumentError
from presslens.overlap import OverlapMatrix

if TYPE_CHECKING:
    from presslens.sklearn import TfidfVectorizer

__all__ = ["DocumentFrequencies", "ShingleCounts", "iter_batches"]

_FIXED = float(1 << 40)


def iter_batches(
    source: str | Path | Iterable[Document | Mapping[str, Any] | str],
    *,
    batch_size: int = 10_000,
    columns: Sequence[str] | None = None,
    text: str = "text",
    outlet: str | None = "outlet",
    id: str | None = "id",
    clean: bool = False,
) -> Iterator[Corpus]:
    """Read a corpus as a stream of batches, each a :class:`~presslens.Corpus`.

    Only one batch is in memory at a time (plus the reader's buffer), so a script can fold
    statistics over a corpus larger than memory.

    Parameters
    ----------
    source
        A ``.parquet`` file (read batch by batch with pyarrow), a ``.jsonl``/``.json`` file
        (read line by line), or any iterable of documents, record dicts or strings.
    batch_size
        Most documents per batch.
    columns
        Parquet columns to read (default: those the corpus uses).
    text, outlet, id
        Where each attribute is read from, as for :meth:`Corpus.from_parquet`.
    clean
        Clean every batch (:meth:`Corpus.clean`).

    Yields
    ------
    Corpus
        Batches in file order. Ids taken from row numbers count on across batches.

    Raises
    ------
    InvalidArgumentError
        When ``batch_size`` is not a positive integer, or a path has an unknown suffix.
    FileNotFoundError
        When a path does not exist.

    Examples
    --------
    >>> import presslens
    >>> [b.ids for b in presslens.iter_batches(["a", "b", "c"], batch_size=2)]
    [['0', '1'], ['2']]
    """
    _check_batch_size(batch_size)
    if isinstance(source, str | Path):
        path = Path(source)
        suffix = path.suffix.lower()
        if suffix in (".parquet", ".pq"):
            yield from Corpus.from_parquet(
                path,
                columns=columns,
                text=text,
                outlet=outlet,
                id=id,
                clean=clean,
                batch_size=batch_size,
            )
            return
        if suffix not in (".jsonl", ".json", ".ndjson"):
            raise InvalidArgumentError(
                f"iter_batches reads .parquet and .jsonl files, got {str(path)!r}; for other "
                "formats pass an iterable of records"
            )
        if not path.is_file():
            raise FileNotFoundError(f"iter_batches: no such file: {str(path)!r}")
        rows: Iterator[Any] = _jsonl_rows(path)
        source_name: str | None = f"iter_batches: {str(path)!r}"
        records = True
    else:
        if isinstance(source, bytes | Mapping):
            raise InvalidArgumentError(
                "iter_batches needs a path or an iterable of documents, records or texts"
            )
        rows = iter(source)
        source_name = None
        records = False
    start = 0
    while True:
        chunk = [row for _, row in zip(range(batch_size), rows, strict=False)]
        if not chunk:
            return
        if records:
            batch = Corpus._from_rows(
                chunk,
                text=text,
                optional={"id": id, "outlet": outlet},
                source=source_name,
                start=start,
            )
        else:
            docs = []
            for i, item in enumerate(chunk, start=start):
                doc = _coerce_document(i, item)
                docs.append(doc if doc.id is not None else doc.replace(id=str(i)))
            batch = Corpus._from_documents(docs)
        yield batch.clean() if clean else batch
        start += len(chunk)


# --------------------------------------------------------------------------------------------
# tf-idf document frequencies
# --------------------------------------------------------------------------------------------


_PRUNING = ("min_df", "max_df", "max_features")


class DocumentFrequencies:
    """Document frequencies of a :class:`~presslens.sklearn.TfidfVectorizer`: mergeable.

    Counts are kept unpruned; ``min_df``, ``max_df`` and ``max_features`` are applied by
    :meth:`vectorizer`, so the vectorizer fitted from merged parts equals one fitted on the
    whole corpus (same vocabulary, ``idf_`` and ``stop_words_``), and its ``transform`` of
    each part gives the rows of ``fit_transform`` on the whole.

    Parameters
    ----------
    params
        The vectorizer's parameters (as for ``TfidfVectorizer(**params)``).
    vocabulary
        Sorted terms (or, with a fixed ``vocabulary`` parameter, the terms in column order).
    df, tf
        Documents containing each term, and its total count.
    n_docs
        Documents counted.

    Examples
    --------
    >>> from presslens.sklearn import TfidfVectorizer
    >>> a = DocumentFrequencies.from_texts(["talks talks pause"])
    >>> b = DocumentFrequencies.from_texts(["talks"])
    >>> vec = a.merge(b).vectorizer()
    >>> whole = TfidfVectorizer().fit(["talks talks pause", "talks"])
    >>> vec.vocabulary_ == whole.vocabulary_, (vec.idf_ == whole.idf_).all()
    (True, np.True_)
    """

    def __init__(
        self,
        params: Mapping[str, Any],
        vocabulary: Sequence[str],
        df: np.ndarray[Any, Any],
        tf: np.ndarray[Any, Any],
        n_docs: int,
    ) -> None:
        self.params = dict(params)
        self._vocab = list(vocabulary)
        self._df = np.asarray(df, dtype=np.int64)
        self._tf = np.asarray(tf, dtype=np.int64)
        self.n_docs = int(n_docs)

    def __repr__(self) -> str:
        return f"DocumentFrequencies({len(self._vocab)} terms, {self.n_docs} documents)"

    @property
    def vocabulary(self) -> list[str]:
        """The terms counted (before pruning)."""
        return list(self._vocab)

    @property
    def df(self) -> np.ndarray[Any, Any]:
        """Documents containing each term of :attr:`vocabulary`."""
        return self._df.copy()

    @classmethod
    def from_texts(cls, texts: Any, **params: Any) -> DocumentFrequencies:
        """Count one part of a corpus.

        Parameters
        ----------
        texts
            Texts, a pandas Series or a :class:`~presslens.Corpus` (as ``fit`` takes).
        **params
            The vectorizer's parameters.

        Returns
        -------
        DocumentFrequencies
        """
        from presslens.sklearn import CountVectorizer, TfidfVectorizer

        probe = TfidfVectorizer(**params)  # validates the names
        count_params = {
            k: v
            for k, v in probe.get_params().items()
            if k in CountVectorizer._get_param_names() and k not in _PRUNING
        }
        count_params["binary"] = False
        counter = CountVectorizer(**count_params)
        try:
            X = counter.fit_transform(texts)  # noqa: N806 (scikit-learn's name)
        except EmptyCorpusError:
            n = len(texts) if hasattr(texts, "__len__") else len(list(texts))
            return cls(params, [], np.zeros(0), np.zeros(0), n)
        vocab = list(counter.get_feature_names_out())
        df = np.bincount(X.indices, minlength=X.shape[1])
        tf = np.asarray(X.sum(axis=0)).ravel()
        return cls(params, vocab, df, tf, X.shape[0])

    def merge(self, other: DocumentFrequencies) -> DocumentFrequencies:
        """Add the counts of another part (made with the same parameters).

        Raises
        ------
        InvalidArgumentError
            When the parameters differ.
        """
        if not isinstance(other, DocumentFrequencies):
            raise InvalidArgumentError(
                f"can only merge DocumentFrequencies, got {type(other).__name__}"
            )
        if self.params != other.params:
            raise InvalidArgumentError("cannot merge DocumentFrequencies of different parameters")
        if self.params.get("vocabulary") is not None:
            return DocumentFrequencies(
                self.params,
                self._vocab or other._vocab,
                _add(self._df, other._df),
                _add(self._tf, other._tf),
                self.n_docs + other.n_docs,
            )
        vocab = np.union1d(
            np.asarray(self._vocab, dtype=object), np.asarray(other._vocab, dtype=object)
        )
        pos_a = np.searchsorted(vocab, np.asarray(self._vocab, dtype=object))
        pos_b = np.searchsorted(vocab, np.asarray(other._vocab, dtype=object))
        df = np.zeros(len(vocab), dtype=np.int64)
        tf = np.zeros(len(vocab), dtype=np.int64)
        for pos, part in ((pos_a, self), (pos_b, other)):
            if len(pos):
                df[pos] += part._df
                tf[pos] += part._tf
        return DocumentFrequencies(self.params, list(vocab), df, tf, self.n_docs + other.n_docs)

    def vectorizer(self) -> TfidfVectorizer:
        """A :class:`~presslens.sklearn.TfidfVectorizer` fitted from these counts.

        Returns
        -------
        TfidfVectorizer
            Ready to ``transform``; equal to one fitted on all the counted texts.

        Raises
        ------
        EmptyCorpusError
            When no term is left (scikit-learn's messages).
        """
        from presslens.sklearn import TfidfVectorizer

        vec = TfidfVectorizer(**self.params)
        fixed = self.params.get("vocabulary") is not None
        vocab, df = self._vocab, self._df
        if fixed:
            vec._validate_vocabulary()
        else:
            if not vocab:
                raise EmptyCorpusError(
                    "empty vocabulary; perhaps the documents only contain stop words"
                )
            kept, removed = self._prune(vec)
            vocab = [vocab[i] for i in kept]
            df = df[kept]
            vec.vocabulary_ = {t: i for i, t in enumerate(vocab)}
            vec.fixed_vocabulary_ = False
            vec.stop_words_ = removed
        if vec.use_idf:
            n = self.n_docs + int(vec.smooth_idf)
            idf = np.array(
                [math.log(n / (d + int(vec.smooth_idf))) + 1.0 for d in df.tolist()],
                dtype=np.float64,
            )
            out = vec._out_dtype()
            vec.idf_ = idf.astype(out) if np.dtype(out) != np.float64 else idf
        return vec

    def _prune(self, vec: Any) -> tuple[np.ndarray[Any, Any], set[str]]:
        n_doc = self.n_docs
        max_df, min_df = vec.max_df, vec.min_df
        high = float(max_df if isinstance(max_df, numbers.Integral) else max_df * n_doc)
        low = float(min_df if isinstance(min_df, numbers.Integral) else min_df * n_doc)
        if high < low:
            raise InvalidArgumentError("max_df corresponds to < documents than min_df")
        dfs = self._df
        mask = (dfs <= high) & (dfs >= low)
        limit = vec.max_features
        if limit is not None and mask.sum() > limit:
            tfs = dfs if vec.binary else self._tf
            mask_inds = (-tfs[mask]).argsort()[:limit]
            new_mask = np.zeros(len(dfs), dtype=bool)
            new_mask[np.where(mask)[0][mask_inds]] = True
            mask = new_mask
        kept = np.where(mask)[0]
        if len(kept) == 0:
            raise EmptyCorpusError(
                "After pruning, no terms remain. Try a lower min_df or a higher max_df."
            )
        removed = {self._vocab[i] for i in np.where(~mask)[0]}
        return kept, removed


def _add(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    if len(a) == 0:
        return b.copy()
    if len(b) == 0:
        return a.copy()
    total: np.ndarray[Any, Any] = a + b
    return total


# --------------------------------------------------------------------------------------------
# shingle counts for overlap
# --------------------------------------------------------------------------------------------


def _aggregate(
    h: np.ndarray[Any, Any], u: np.ndarray[Any, Any], c: np.ndarray[Any, Any]
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Sort entries by (shingle, unit) and sum the counts of equal pairs."""
    if len(h) == 0:
        return h, u, c
    order = np.lexsort((u, h))
    h, u, c = h[order], u[order], c[order]
    starts = np.flatnonzero(np.r_[True, (h[1:] != h[:-1]) | (u[1:] != u[:-1])])
    return h[starts], u[starts], np.add.reduceat(c, starts).astype(np.uint32)


def overlap_from_entries(
    parts: Sequence[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]],
    labels: Sequence[Hashable],
    *,
    measure: str,
    by: str,
    ngram: int,
    norm: np.ndarray[Any, Any] | None = None,
) -> OverlapMatrix:
    """The overlap matrix from ``(hashes, units, counts)`` entries covering all shingles.

    Each part may cover any shingle ranges, but a shingle's entries must all be in one part
    (for cosine) or may be split freely (containment, Jaccard: counts are added).
    """
    n = len(labels)
    if measure not in ("containment", "jaccard", "cosine"):
        raise InvalidArgumentError(
            f"measure must be 'containment', 'jaccard' or 'cosine', got {measure!r}"
        )
    if measure == "cosine":
        if norm is None:
            norm = cosine_norms([_presslens.overlap_range_sq_norms(*p, n) for p in parts], n)
        dots = sum_matrices([_presslens.overlap_range_dots(*p, n, norm) for p in parts], n)
        return finish_cosine(dots, norm, labels, by=by, ngram=ngram)
    inter = sum_matrices([_presslens.overlap_range_intersections(*p, n) for p in parts], n)
    return finish_sets(inter, labels, measure=measure, by=by, ngram=ngram)


def sum_matrices(mats: Iterable[np.ndarray[Any, Any]], n: int) -> np.ndarray[Any, Any]:
    """Sum integer matrices (exact, in any order)."""
    total = np.zeros((n, n), dtype=np.uint64)
    for m in mats:
        total += m
    return total


def cosine_norms(
    parts: Iterable[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]], n: int
) -> np.ndarray[Any, Any]:
    """Finish tf-idf norms from per-range squared norms, added in range order (as the core)."""
    by_range: dict[int, np.ndarray[Any, Any]] = {}
    for ranges, sq in parts:
        for r, row in zip(ranges.tolist(), sq, strict=True):
            if r in by_range:
                raise InvalidArgumentError(f"shingle range {r} was split over two parts")
            by_range[r] = row
    total = np.zeros(n, dtype=np.float64)
    for r in sorted(by_range):
        total = total + by_range[r]
    return np.sqrt(total)


def finish_sets(
    inter: np.ndarray[Any, Any], labels: Sequence[Hashable], *, measure: str, by: str, ngram: int
) -> OverlapMatrix:
    """Containment or Jaccard from intersection counts (upper triangle, sizes on the diagonal)."""
    upper = np.triu(inter, 1)
    full = (upper + upper.T + np.diag(np.diag(inter))).astype(np.float64)
    sizes = np.diag(inter).astype(np.float64)
    denom = (
        np.repeat(sizes[:, None], len(sizes), axis=1)
        if measure == "containment"
        else sizes[:, None] + sizes[None, :] - full
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        values = np.where(denom == 0, 0.0, full / np.where(denom == 0, 1.0, denom))
    return OverlapMatrix(values, [str(x) for x in labels], measure=measure, by=by, ngram=ngram)


def finish_cosine(
    dots: np.ndarray[Any, Any],
    norm: np.ndarray[Any, Any],
    labels: Sequence[Hashable],
    *,
    by: str,
    ngram: int,
) -> OverlapMatrix:
    """Cosine from fixed-point dot products (upper triangle) and norms."""
    upper = np.triu(dots, 1)
    values = np.minimum((upper + upper.T).astype(np.float64) / _FIXED, 1.0)
    np.fill_diagonal(values, (norm > 0).astype(np.float64))
    return OverlapMatrix(values, [str(x) for x in labels], measure="cosine", by=by, ngram=ngram)


class ShingleCounts:
    """Word-shingle counts per outlet (or document): the mergeable state of ``overlap``.

    Build one per batch with :meth:`from_corpus`, :meth:`merge` them, and read the matrix
    with :meth:`overlap`; it equals ``presslens.overlap(whole_corpus, by=..., ngram=...)``
    exactly (containment and Jaccard are integer counts; cosine norms are added in the
    core's order). Memory is 16 bytes per distinct (shingle, unit) pair.

    Parameters
    ----------
    labels
        Unit labels, in order of first appearance.
    hashes, units, counts
        Sorted, aggregated ``(shingle, unit, count)`` entries.
    by, ngram
        The grouping and words per shingle.
    """

    def __init__(
        self,
        labels: Sequence[Hashable],
        hashes: np.ndarray[Any, Any],
        units: np.ndarray[Any, Any],
        counts: np.ndarray[Any, Any],
        *,
        by: str,
        ngram: int,
    ) -> None:
        self.labels = list(labels)
        self.hashes = np.asarray(hashes, dtype=np.uint64)
        self.units = np.asarray(units, dtype=np.uint32)
        self.counts = np.asarray(counts, dtype=np.uint32)
        self.by = by
        self.ngram = ngram

    def __repr__(self) -> str:
        return (
            f"ShingleCounts(by={self.by!r}, {len(self.labels)} units, "
            f"{len(self.hashes)} entries, ngram={self.ngram})"
        )

    @classmethod
    def from_corpus(
        cls,
        corpus: Corpus,
        *,
        by: str = "outlet",
        ngram: int = 5,
        n_threads: int | None = None,
    ) -> ShingleCounts:
        """Count the shingles of one batch.

        Parameters
        ----------
        corpus
            The batch.
        by
            ``"outlet"`` (documents without an outlet are left out) or ``"document"``.
        ngram
            Words per shingle.
        n_threads
            ``None``: the global pool; ``1``: serial.

        Returns
        -------
        ShingleCounts
        """
        labels, texts, units = unit_texts(corpus, by)
        if isinstance(ngram, bool) or not isinstance(ngram, int) or ngram < 1:
            raise InvalidArgumentError(f"ngram must be a positive integer, got {ngram!r}")
        h, u, c = _presslens.shingle_unit_entries(
            texts, np.asarray(units, dtype=np.uint32), ngram=ngram, n_threads=n_threads
        )
        return cls(labels, h, u, c, by=by, ngram=ngram)

    def merge(self, other: ShingleCounts) -> ShingleCounts:
        """Add the counts of another batch (same ``by`` and ``ngram``).

        Raises
        ------
        InvalidArgumentError
            When the settings differ, or (by document) an id is in both.
        """
        if not isinstance(other, ShingleCounts):
            raise InvalidArgumentError(f"can only merge ShingleCounts, got {type(other).__name__}")
        if (self.by, self.ngram) != (other.by, other.ngram):
            raise InvalidArgumentError("cannot merge ShingleCounts of different by/ngram")
        index = {label: i for i, label in enumerate(self.labels)}
        labels = list(self.labels)
        remap = np.empty(len(other.labels), dtype=np.uint32)
        for j, label in enumerate(other.labels):
            if label in index and self.by == "document":
                raise InvalidArgumentError(f"document {label!r} is in both parts")
            if label not in index:
                index[label] = len(labels)
                labels.append(label)
            remap[j] = index[label]
        h, u, c = _aggregate(
            np.concatenate([self.hashes, other.hashes]),
            np.concatenate([self.units, remap[other.units] if len(remap) else other.units]),
            np.concatenate([self.counts, other.counts]),
        )
        return ShingleCounts(labels, h, u, c, by=self.by, ngram=self.ngram)

    def overlap(self, measure: str = "containment") -> OverlapMatrix:
        """The overlap matrix, as :func:`presslens.overlap` gives it for the whole corpus.

        Raises
        ------
        EmptyCorpusError
            When no unit was counted.
        """
        if not self.labels:
            what = "documents" if self.by == "document" else "documents with an outlet"
            raise EmptyCorpusError(f"overlap needs at least one of the corpus's {what}; got none")
        labels, units = self.labels, self.units
        if self.by == "outlet":
            order = sorted(range(len(labels)), key=lambda i: str(labels[i]))
            rank = np.empty(len(labels), dtype=np.uint32)
            rank[order] = np.arange(len(labels), dtype=np.uint32)
            labels = [labels[i] for i in order]
            units = rank[units]
        return overlap_from_entries(
            [(self.hashes, units, self.counts)],
            labels,
            measure=measure,
            by=self.by,
            ngram=self.ngram,
        )


def unit_texts(corpus: Corpus, by: str) -> tuple[list[Hashable], list[str], list[int]]:
    """Unit labels (first appearance), texts and unit index per text for ``by``."""
    if by == "document":
        return list(corpus.ids), corpus.texts, list(range(len(corpus)))
    if by != "outlet":
        raise InvalidArgumentError(f"by must be 'outlet' or 'document', got {by!r}")
    index: dict[str, int] = {}
    texts: list[str] = []
    units: list[int] = []
    for doc in corpus:
        if doc.outlet is None:
            continue
        texts.append(doc.text)
        units.append(index.setdefault(doc.outlet, len(index)))
    return list(index), texts, units
