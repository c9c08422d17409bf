"""Term statistics: counts by group, distinctive terms, collocations and text statistics.

Everything here tokenises with the presslens tokenizer (see :func:`presslens.tokenize`) in the
parallel Rust core. For scikit-learn-identical matrices use :mod:`presslens.sklearn`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import numpy as np

from presslens import _presslens
from presslens._dependencies import pandas as _pandas
from presslens._dependencies import require
from presslens._guard import text_input
from presslens.corpus import Corpus
from presslens.exceptions import InvalidArgumentError
from presslens.text import StopWordsArg, _resolve_stem, _resolve_stop_words

__all__ = ["TermCounts", "collocations", "distinctive_terms", "term_counts", "text_stats"]

CorpusLike = Corpus | Iterable[str]
_FIELDS = ("id", "outlet", "title", "url", "published")
_STATS_COLUMNS = [
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


def _as_corpus(corpus: CorpusLike) -> Corpus:
    """A Corpus from a Corpus or an iterable of texts (None/NaN rows raise, naming the row)."""
    if isinstance(corpus, Corpus):
        return corpus
    if hasattr(corpus, "to_numpy") and hasattr(corpus, "index"):  # pandas Series of texts
        corpus = list(corpus.to_numpy())
    return Corpus(corpus)


def _group_labels(corpus: Corpus, by: str) -> tuple[list[Hashable], np.ndarray]:
    """Group labels in order of first appearance and the group index of every document."""
    if by == "document":
        return list(corpus.ids), np.arange(len(corpus), dtype=np.int64)
    if by == "corpus":
        return ["corpus"], np.zeros(len(corpus), dtype=np.int64)
    if by not in _FIELDS:
        raise InvalidArgumentError(
            f"by must be 'document', 'outlet', 'corpus' or a metadata field "
            f"({', '.join(repr(f) for f in _FIELDS)}), got {by!r}"
        )
    index: dict[Hashable, int] = {}
    group_of = np.empty(len(corpus), dtype=np.int64)
    for i, doc in enumerate(corpus):
        label = getattr(doc, by)
        group_of[i] = index.setdefault(label, len(index))
    return list(index), group_of


def _threshold(value: float, n_docs: int, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise InvalidArgumentError(f"{name} must be an int or a float, got {value!r}")
    if isinstance(value, int | np.integer):
        if value < 0:
            raise InvalidArgumentError(f"{name} must be >= 0, got {value}")
        return float(value)
    if not 0.0 <= value <= 1.0:
        raise InvalidArgumentError(f"{name} as a float is a fraction in [0, 1], got {value}")
    return float(value) * n_docs


class TermCounts:
    """Term counts per group, with document frequencies: mergeable and picklable.

    Built by :func:`term_counts`. The counts are kept whole; ``min_df``, ``max_df`` and
    ``max_features`` are applied when you read them (:attr:`vocabulary`, :meth:`matrix`,
    :meth:`to_pandas`, :meth:`top`), so two :class:`TermCounts` over parts of a corpus
    :meth:`merge` into exactly the counts of the whole.

    Examples
    --------
    >>> import presslens
    >>> corpus = presslens.Corpus([
    ...     {"text": "Talks paused. Talks stalled.", "outlet": "a.com"},
    ...     {"text": "Talks resumed.", "outlet": "b.com"},
    ... ])
    >>> tc = presslens.term_counts(corpus, by="outlet")
    >>> tc.groups, tc.vocabulary
    (['a.com', 'b.com'], ['paused', 'resumed', 'stalled', 'talks'])
    >>> tc.top(1)
       group     term  count  share
    0  a.com    talks      2    0.5
    1  b.com  resumed      1    0.5
    """

    def __init__(
        self,
        *,
        groups: Sequence[Hashable],
        vocabulary: Sequence[str],
        data: np.ndarray,
        indices: np.ndarray,
        indptr: np.ndarray,
        df: np.ndarray,
        n_docs: int,
        group_docs: np.ndarray,
        by: str,
        min_df: float = 1,
        max_df: float = 1.0,
        max_features: int | None = None,
    ) -> None:
        self._groups = list(groups)
        self._vocab = list(vocabulary)
        self._data = np.asarray(data, dtype=np.int64)
        self._indices = np.asarray(indices, dtype=np.int32)
        self._indptr = np.asarray(indptr, dtype=np.int64)
        self._df = np.asarray(df, dtype=np.int64)
        self._n_docs = int(n_docs)
        self._group_docs = np.asarray(group_docs, dtype=np.int64)
        self.by = by
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self._kept_cache: np.ndarray | None = None
        if max_features is not None and (
            isinstance(max_features, bool) or not isinstance(max_features, int) or max_features < 1
        ):
            raise InvalidArgumentError(
                f"max_features must be None or a positive int, got {max_features!r}"
            )
        low = _threshold(min_df, self._n_docs, "min_df")
        high = _threshold(max_df, self._n_docs, "max_df")
        if high < low and self._n_docs > 0:  # no documents: nothing to prune
            raise InvalidArgumentError("max_df corresponds to < documents than min_df")

    # -- state -----------------------------------------------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_kept_cache"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        return (
            f"TermCounts(by={self.by!r}, {len(self._groups)} groups, "
            f"{len(self.vocabulary)} terms, {self._n_docs} documents)"
        )

    def _repr_html_(self) -> str:
        from presslens._display import term_counts_html

        return term_counts_html(self)

    @property
    def groups(self) -> list[Hashable]:
        """Group labels (document ids, outlets, ...), in order of first appearance."""
        return list(self._groups)

    @property
    def n_docs(self) -> int:
        """Number of documents counted."""
        return self._n_docs

    def _kept(self) -> np.ndarray:
        if self._kept_cache is not None:
            return self._kept_cache
        low = _threshold(self.min_df, self._n_docs, "min_df")
        high = _threshold(self.max_df, self._n_docs, "max_df")
        mask = (self._df >= low) & (self._df <= high)
        kept = np.flatnonzero(mask)
        if self.max_features is not None and len(kept) > self.max_features:
            totals = np.bincount(self._indices, weights=self._data, minlength=len(self._vocab))
            order = np.argsort(-totals[kept], kind="stable")[: self.max_features]
            kept = np.sort(kept[order])
        self._kept_cache = kept
        return kept

    @property
    def vocabulary(self) -> list[str]:
        """The terms after pruning, sorted (column order of :meth:`matrix`)."""
        return [self._vocab[i] for i in self._kept()]

    @property
    def document_frequency(self) -> dict[str, int]:
        """Number of documents containing each (kept) term."""
        kept = self._kept()
        return {self._vocab[i]: int(d) for i, d in zip(kept, self._df[kept], strict=True)}

    def matrix(self) -> tuple[Any, list[str]]:
        """The counts as a sparse groups × terms matrix.

        Returns
        -------
        (scipy.sparse.csr_matrix, list of str)
            int64 counts, one row per group, and the vocabulary (column order).

        Examples
        --------
        >>> import presslens
        >>> X, vocab = presslens.term_counts(["a cat", "a dog"]).matrix()
        >>> X.toarray().tolist(), vocab
        ([[1, 1, 0], [1, 0, 1]], ['a', 'cat', 'dog'])
        """
        sp = require("scipy.sparse", feature="TermCounts.matrix")
        full = sp.csr_matrix(
            (self._data, self._indices, self._indptr),
            shape=(len(self._groups), len(self._vocab)),
        )
        kept = self._kept()
        if len(kept) < len(self._vocab):
            full = full[:, kept].tocsr()
            full.sort_indices()
        return full, self.vocabulary

    def _totals(self) -> np.ndarray:
        rows = np.repeat(np.arange(len(self._groups)), np.diff(self._indptr))
        return np.bincount(rows, weights=self._data, minlength=len(self._groups))

    def to_pandas(self, format: str = "long") -> Any:
        """The counts as a data frame.

        Parameters
        ----------
        format
            ``"long"``: one row per (group, term) with a non-zero count, columns ``group``,
            ``term``, ``count`` and ``share`` (the count over all terms counted in the group,
            before pruning). ``"wide"``: groups × terms counts (dense; use :meth:`matrix`
            for many documents).

        Returns
        -------
        pandas.DataFrame

        Examples
        --------
        >>> import presslens
        >>> presslens.term_counts(["a cat", "a dog"], by="corpus").to_pandas("wide")
                a  cat  dog
        corpus  2    1    1
        """
        pd = _pandas("TermCounts.to_pandas")
        mat, vocab = self.matrix()
        if format == "wide":
            if mat.shape[0] * mat.shape[1] > 200_000_000:
                raise InvalidArgumentError(
                    f"a wide frame of {mat.shape[0]} x {mat.shape[1]} would not fit in memory; "
                    "use format='long' or .matrix()"
                )
            return pd.DataFrame(mat.toarray(), index=pd.Index(self._groups), columns=vocab)
        if format != "long":
            raise InvalidArgumentError(f"format must be 'long' or 'wide', got {format!r}")
        coo = mat.tocoo()
        order = np.lexsort((coo.col, coo.row))
        rows, cols, vals = coo.row[order], coo.col[order], coo.data[order]
        totals = self._totals().astype(np.float64)
        groups = np.empty(len(self._groups), dtype=object)
        groups[:] = self._groups
        terms = np.asarray(vocab, dtype=object)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = vals / totals[rows]
        return pd.DataFrame(
            {
                "group": pd.Series(groups[rows], dtype=object),
                "term": terms[cols] if len(vocab) else np.empty(0, dtype=object),
                "count": vals.astype(np.int64),
                "share": share,
            }
        )

    def top(self, n: int = 20, group: Hashable | None = None) -> Any:
        """The ``n`` most frequent terms of every group (or of one group).

        Parameters
        ----------
        n
            Terms per group.
        group
            Only this group.

        Returns
        -------
        pandas.DataFrame
            Columns ``group``, ``term``, ``count``, ``share``; by group, then count
            (descending), then term.

        Raises
        ------
        KeyError
            For an unknown group.
        """
        frame = self.to_pandas("long")
        if group is not None:
            if group not in self._groups:
                raise KeyError(f"no group {group!r}; groups are e.g. {self._groups[:5]!r}")
            frame = frame[frame["group"] == group]
        position = {g: i for i, g in enumerate(self._groups)}
        frame = frame.assign(_g=frame["group"].map(position))
        frame = frame.sort_values(["_g", "count", "term"], ascending=[True, False, True])
        frame = frame.groupby("_g", sort=False).head(n)
        return frame.drop(columns="_g").reset_index(drop=True)

    def merge(self, other: TermCounts) -> TermCounts:
        """Combine with the counts of another part of the corpus (the Dask path).

        Vocabularies are united, groups with equal labels are summed and new groups appended,
        document frequencies and document counts add up. Pruning settings must agree.

        Parameters
        ----------
        other
            Counts of other documents, made with the same options.

        Returns
        -------
        TermCounts

        Examples
        --------
        >>> import presslens
        >>> a = presslens.term_counts(["a cat"], by="corpus")
        >>> b = presslens.term_counts(["a dog"], by="corpus")
        >>> a.merge(b).to_pandas("wide")
                a  cat  dog
        corpus  2    1    1
        """
        if not isinstance(other, TermCounts):
            raise InvalidArgumentError(f"can only merge TermCounts, got {type(other).__name__}")
        if (self.by, self.min_df, self.max_df, self.max_features) != (
            other.by,
            other.min_df,
            other.max_df,
            other.max_features,
        ):
            raise InvalidArgumentError(
                "cannot merge TermCounts made with different by/min_df/max_df/max_features"
            )
        sp = require("scipy.sparse", feature="TermCounts.merge")
        vocab = sorted(set(self._vocab) | set(other._vocab))
        pos = {t: i for i, t in enumerate(vocab)}
        map_a = np.array([pos[t] for t in self._vocab], dtype=np.int64)
        map_b = np.array([pos[t] for t in other._vocab], dtype=np.int64)
        groups = list(self._groups)
        gindex = {g: i for i, g in enumerate(groups)}
        other_rows = []
        for g in other._groups:
            if g not in gindex:
                gindex[g] = len(groups)
                groups.append(g)
            other_rows.append(gindex[g])
        rows_a = np.repeat(np.arange(len(self._groups)), np.diff(self._indptr))
        rows_b = np.repeat(np.asarray(other_rows, dtype=np.int64), np.diff(other._indptr))
        coo = sp.coo_matrix(
            (
                np.concatenate([self._data, other._data]),
                (
                    np.concatenate([rows_a, rows_b]),
                    np.concatenate([map_a[self._indices], map_b[other._indices]]),
                ),
            ),
            shape=(len(groups), len(vocab)),
        )
        csr = coo.tocsr()
        csr.sum_duplicates()
        df = np.zeros(len(vocab), dtype=np.int64)
        np.add.at(df, map_a, self._df)
        np.add.at(df, map_b, other._df)
        group_docs = np.zeros(len(groups), dtype=np.int64)
        group_docs[: len(self._groups)] = self._group_docs
        np.add.at(group_docs, np.asarray(other_rows, dtype=np.int64), other._group_docs)
        return TermCounts(
            groups=groups,
            vocabulary=vocab,
            data=csr.data,
            indices=csr.indices,
            indptr=csr.indptr,
            df=df,
            n_docs=self._n_docs + other._n_docs,
            group_docs=group_docs,
            by=self.by,
            min_df=self.min_df,
            max_df=self.max_df,
            max_features=self.max_features,
        )


@text_input
def term_counts(
    corpus: CorpusLike,
    *,
    by: str = "document",
    ngram_range: tuple[int, int] = (1, 1),
    lowercase: bool = True,
    stem: bool | str | None = None,
    stop_words: StopWordsArg = None,
    min_df: float = 1,
    max_df: float = 1.0,
    max_features: int | None = None,
    n_threads: int | None = None,
) -> TermCounts:
    """Count terms per document, outlet, the whole corpus or any metadata field.

    Parameters
    ----------
    corpus
        A :class:`~presslens.Corpus`, or an iterable of texts (``None``/NaN raise an error
        naming the row; empty texts count as documents with no terms).
    by
        ``"document"`` (groups are document ids), ``"outlet"``, ``"corpus"`` (one group) or
        a metadata field (``"title"``, ``"url"``, ``"published"``, ``"id"``). Documents
        without the field form the group ``None``.
    ngram_range
        Word n-grams to count, joined with a space (after stop-word removal).
    lowercase, stem, stop_words
        As for :func:`presslens.tokenize` (``stem=True`` is English).
    min_df, max_df
        Keep terms in at least ``min_df`` and at most ``max_df`` documents (an int is a count,
        a float a fraction of the documents).
    max_features
        Keep only this many terms, the most frequent overall (ties by term).
    n_threads
        None for the global pool, 1 for serial.

    Returns
    -------
    TermCounts

    Raises
    ------
    CorpusFormatError
        When a text is missing or not a str.
    InvalidArgumentError
        For an unknown ``by`` or bad thresholds.

    Examples
    --------
    >>> term_counts(["Talks paused", "talks resumed"], ngram_range=(1, 2)).to_pandas()
      group           term  count     share
    0     0         paused      1  0.333333
    1     0          talks      1  0.333333
    2     0   talks paused      1  0.333333
    3     1        resumed      1  0.333333
    4     1          talks      1  0.333333
    5     1  talks resumed      1  0.333333
    """
    docs = _as_corpus(corpus)
    labels, group_of = _group_labels(docs, by)
    stops = _resolve_stop_words(stop_words)
    stem_lang = _resolve_stem(stem, "english")
    vocab, (data, indices, indptr), df, n_docs, group_docs = _presslens.group_counts(
        docs.texts,
        group_of,
        len(labels),
        lowercase=lowercase,
        stem=stem_lang,
        stop_words=sorted(stops) if stops is not None else None,
        ngram_range=(int(ngram_range[0]), int(ngram_range[1])),
        n_threads=n_threads,
    )
    return TermCounts(
        groups=labels,
        vocabulary=vocab,
        data=data,
        indices=indices,
        indptr=indptr,
        df=df,
        n_docs=n_docs,
        group_docs=group_docs,
        by=by,
        min_df=min_df,
        max_df=max_df,
        max_features=max_features,
    )


@text_input
def distinctive_terms(
    corpus: CorpusLike | TermCounts,
    *,
    by: str = "outlet",
    top: int = 20,
    alpha: float = 0.01,
    min_count: int = 2,
    lowercase: bool = True,
    stem: bool | str | None = None,
    stop_words: StopWordsArg = None,
    n_threads: int | None = None,
) -> Any:
    r"""The terms that set each group apart from all the others.

    Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), each
    group against all other groups pooled, for any number of groups. With ``y_w`` the corpus
    count of term ``w``, the prior is ``a_w = alpha * y_w`` and ``a0 = sum(a_w)``; for group
    ``i`` (counts ``y_iw``, total ``n_i``) against the rest ``j``::

        delta = ln((y_iw + a_w) / (n_i + a0 - y_iw - a_w)) - ln((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
        z     = delta / sqrt(1 / (y_iw + a_w) + 1 / (y_jw + a_w))

    Parameters
    ----------
    corpus
        A corpus, texts, or a :class:`TermCounts` (its groups are used, unpruned).
    by
        Grouping, as for :func:`term_counts` (ignored for a TermCounts).
    top
        Terms per group, by ``z`` descending (ties by term).
    alpha
        Prior strength relative to the corpus counts.
    min_count
        Report a term for a group only when it occurs at least this often in the group.
    lowercase, stem, stop_words, n_threads
        As for :func:`term_counts`.

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``term``, ``count``, ``log_odds``, ``z``.

    Raises
    ------
    InvalidArgumentError
        With fewer than two groups, or a non-positive ``alpha``.

    Examples
    --------
    >>> import presslens
    >>> corpus = presslens.Corpus([
    ...     {"text": "ceasefire talks talks ceasefire", "outlet": "a.com"},
    ...     {"text": "sanctions talks sanctions", "outlet": "b.com"},
    ... ])
    >>> distinctive_terms(corpus, top=1)[["group", "term", "count"]]
       group       term  count
    0  a.com  ceasefire      2
    1  b.com  sanctions      2
    """  # noqa: E501
    pd = _pandas("distinctive_terms")
    if isinstance(corpus, TermCounts):
        counts = corpus
    else:
        counts = term_counts(
            corpus,
            by=by,
            lowercase=lowercase,
            stem=stem,
            stop_words=stop_words,
            n_threads=n_threads,
        )
    if len(counts._groups) < 2:
        raise InvalidArgumentError(
            f"distinctive_terms compares groups and needs at least two; by={counts.by!r} "
            f"gave {len(counts._groups)}"
        )
    if top < 0 or min_count < 0:
        raise InvalidArgumentError("top and min_count must be >= 0")
    g, w, c, lo, z = _presslens.distinctive_terms(
        counts._data,
        counts._indices,
        counts._indptr,
        len(counts._vocab),
        top=top,
        alpha=float(alpha),
        min_count=min_count,
        n_threads=n_threads,
    )
    groups = np.empty(len(counts._groups), dtype=object)
    groups[:] = counts._groups
    vocab = np.asarray(counts._vocab, dtype=object)
    return pd.DataFrame(
        {
            "group": pd.Series(groups[g], dtype=object),
            "term": vocab[w] if len(vocab) else np.empty(0, dtype=object),
            "count": c,
            "log_odds": lo,
            "z": z,
        }
    )


@text_input
def collocations(
    corpus: CorpusLike,
    *,
    top: int = 20,
    measure: str = "llr",
    min_count: int = 3,
    lowercase: bool = True,
    stop_words: StopWordsArg = None,
    n_threads: int | None = None,
) -> Any:
    """Bigram collocations by Dunning's log-likelihood ratio or PMI.

    Bigrams are adjacent tokens inside a sentence. With ``N`` bigrams, ``c1`` those starting
    with ``w1``, ``c2`` those ending with ``w2`` and ``k`` occurrences of ``(w1, w2)``:
    ``llr = 2 * sum(k_ij * ln(k_ij * N / (row_i * col_j)))`` over the 2×2 table, and
    ``pmi = log2(k * N / (c1 * c2))``.

    Parameters
    ----------
    corpus
        A corpus or texts.
    top
        Number of bigrams returned.
    measure
        ``"llr"`` or ``"pmi"``.
    min_count
        Ignore bigrams seen fewer times (PMI favours rare pairs without it).
    lowercase, stop_words, n_threads
        As for :func:`term_counts`; stop words are removed before pairing.

    Returns
    -------
    pandas.DataFrame
        Columns ``w1``, ``w2``, ``count``, ``score``, best first (ties by bigram).

    Examples
    --------
    >>> texts = ["Prime minister Oli spoke.", "The prime minister left.", "Prime minister Modi"]
    >>> collocations(texts, top=1, min_count=2)[["w1", "w2", "count"]]
          w1        w2  count
    0  prime  minister      3
    """
    pd = _pandas("collocations")
    docs = _as_corpus(corpus)
    if measure not in ("llr", "pmi"):
        raise InvalidArgumentError(f"measure must be 'llr' or 'pmi', got {measure!r}")
    stops = _resolve_stop_words(stop_words)
    rows = _presslens.collocations(
        docs.texts,
        top=top,
        measure=measure,
        min_count=min_count,
        lowercase=lowercase,
        stop_words=sorted(stops) if stops is not None else None,
        n_threads=n_threads,
    )
    return pd.DataFrame(rows, columns=["w1", "w2", "count", "score"])


@text_input
def text_stats(corpus: CorpusLike, *, n_threads: int | None = None) -> Any:
    """Per-document statistics: size, sentences, lexical diversity, readability, quotes.

    Columns: ``characters``, ``words`` (presslens tokens), ``sentences``,
    ``words_per_sentence``, ``type_token_ratio``, ``mtld`` (McCarthy & Jarvis 2010,
    bidirectional, factor threshold 0.72), ``flesch_reading_ease``, ``flesch_kincaid_grade``
    (English syllable heuristic: vowel groups, less a silent final *e*) and ``quote_share``
    (share of words inside quotation marks). Undefined values (an empty text) are NaN.

    Parameters
    ----------
    corpus
        A corpus or texts.
    n_threads
        None for the global pool, 1 for serial.

    Returns
    -------
    pandas.DataFrame
        One row per document, indexed by document id.

    Examples
    --------
    >>> stats = text_stats(["He said: “we will go.” They went home.", ""])
    >>> stats["words"].tolist(), stats["quote_share"].tolist()
    ([8, 0], [0.375, nan])
    """
    pd = _pandas("text_stats")
    docs = _as_corpus(corpus)
    cols = _presslens.text_stats(docs.texts, n_threads=n_threads)
    frame = pd.DataFrame(
        dict(zip(_STATS_COLUMNS, cols, strict=True)), index=pd.Index(docs.ids, name="id")
    )
    for name in ("characters", "words", "sentences"):
        frame[name] = frame[name].astype(np.int64)
    return frame
