"""Quotes: who is quoted, by which outlets, in which wording.

* :func:`quotes`: every direct quote of a corpus with offsets and speaker;
* :func:`quote_clusters`: renderings of the same statement across outlets grouped together,
  including different translations of the same spoken words.

Quotes are text between quotation marks: straight ``"…"``, curly ``“…”``, low-high ``„…“``,
guillemets ``«…»`` and single curly ``‘…’``; whole sentences, partial quotes (a few words
inside a sentence) and multi-sentence quotes, and quotes running over paragraphs (no closing
mark at the end of a paragraph, an opening mark at the next). Marks of another kind inside a
quote are nested text. An opening mark that no closing mark matches before the end of its
paragraph starts no quote. Speakers come from the attribution in the same sentence
(``“…,” Peskov said``, ``said Dmitry Peskov``, ``X told reporters``, ``she told CNN``,
``X added``, ``X said: “…”``, ``according to X``) or, failing that, from the previous quote of
the same paragraph; ``he``/``she`` resolve to the document's last speaker and a lone surname to
the last full name ending in it. Roles and titles are dropped (``Kremlin Press Secretary
Dmitry Peskov`` gives ``Dmitry Peskov``); a quote without an attribution, or attributed to a
description (``the minister said``), has speaker ``None``. The rules are English.

Examples
--------
>>> import presslens
>>> text = (
...     "Talks are on “pause,” the Kremlin said. “For now it is a pause,” Kremlin spokesman "
...     "Dmitry Peskov told reporters. “Nobody walked away,” he added."
... )
>>> for row in presslens.quotes([text]).itertuples():
...     print(row.start, row.end, row.quote, "|", row.speaker)
14 20 pause, | Kremlin
41 63 For now it is a pause, | Dmitry Peskov
114 133 Nobody walked away, | Dmitry Peskov
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from presslens import _dependencies, _presslens
from presslens._guard import text_input
from presslens.corpus import Corpus, Document
from presslens.exceptions import InvalidArgumentError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["quote_clusters", "quotes"]

CorpusLike = Corpus | Iterable[Document | Mapping[str, Any] | str]

_QUOTE_COLUMNS = ["doc", "outlet", "start", "end", "quote", "speaker"]


def _as_corpus(corpus: CorpusLike) -> Corpus:
    return corpus if isinstance(corpus, Corpus) else Corpus(corpus)


def _check_unit(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise InvalidArgumentError(f"{name} must be a number in [0, 1], got {value!r}")
    return float(value)


def _quote_records(corpus: Corpus, n_threads: int | None) -> list[tuple[Any, ...]]:
    texts = corpus.texts
    found = _presslens.find_quotes(texts, n_threads=n_threads)
    records: list[tuple[Any, ...]] = []
    for doc, qs in zip(corpus, found, strict=False):
        text = doc.text
        for start, end, speaker in qs:
            records.append((doc.id, doc.outlet, start, end, text[start:end], speaker))
    return records


@text_input
def quotes(corpus: CorpusLike, *, n_threads: int | None = None) -> pd.DataFrame:
    """Every direct quote of the corpus, with its speaker.

    See the module docs for the quotation marks and the attribution rules.

    Parameters
    ----------
    corpus
        A :class:`~presslens.Corpus` (or anything ``Corpus()`` accepts).
    n_threads
        ``None``: the global pool; ``1``: serial; ``k``: a pool of ``k`` threads.

    Returns
    -------
    pandas.DataFrame
        One row per quote, in document order: ``doc`` (id), ``outlet`` (``None`` when
        unknown), ``start``, ``end`` (string offsets of the quoted words without the marks:
        ``text[start:end] == quote``), ``quote``, ``speaker`` (``None`` when unknown).

    Examples
    --------
    >>> import presslens
    >>> presslens.quotes(["No quotes here.", 'She said "yes" twice.'])[["doc", "quote", "speaker"]]
      doc quote speaker
    0   1   yes    None
    """
    pdm = _dependencies.pandas("quotes")
    corpus = _as_corpus(corpus)
    return _frame(pdm, _quote_records(corpus, n_threads), _QUOTE_COLUMNS, ("start", "end"))


def _frame(
    pdm: Any, records: list[tuple[Any, ...]], columns: list[str], ints: tuple[str, ...]
) -> pd.DataFrame:
    """A DataFrame with int64 columns ``ints`` and object columns (``None`` kept) elsewhere."""
    data = {
        name: pdm.Series([r[k] for r in records], dtype="int64" if name in ints else object)
        for k, name in enumerate(columns)
    }
    frame: pd.DataFrame = pdm.DataFrame(data, columns=columns)
    return frame


@text_input
def quote_clusters(
    corpus: CorpusLike,
    *,
    threshold: float = 0.5,
    speaker_threshold: float = 0.3,
    min_outlets: int = 2,
    n_threads: int | None = None,
) -> pd.DataFrame:
    """Renderings of the same statement across outlets, grouped together.

    Two quotes belong to one cluster when (single linkage) their :func:`presslens.similarity`
    is at least ``threshold``; or the shorter, of three words or more, appears word for word
    in the longer (a partial quote); or they come from different documents, have the same
    speaker (same last name) and the content words they share carry at least
    ``speaker_threshold`` of the smaller quote's idf weight. The last rule groups different
    translations of one statement, which share few words but keep their key terms and their
    speaker. Quotes are compared only when they share a content stem (an inverted index),
    never all pairs.

    Parameters
    ----------
    corpus
        A :class:`~presslens.Corpus` (or anything ``Corpus()`` accepts). Documents without an
        outlet count as an outlet of their own.
    threshold
        Similarity at or above which two quotes are one statement.
    speaker_threshold
        Shared content weight at or above which two quotes of the same speaker are one
        statement.
    min_outlets
        Report clusters quoted by at least this many outlets (1: every quote).
    n_threads
        ``None``: the global pool; ``1``: serial; ``k``: a pool of ``k`` threads.

    Returns
    -------
    pandas.DataFrame
        A ``QuoteClusters`` frame (a DataFrame subclass whose notebook display shows each
        statement's renderings side by side) with one row per quote in a reported cluster:
        ``cluster`` (0, 1, ... in order of each cluster's first quote), ``doc``, ``outlet``,
        ``speaker``, ``quote``, ``start``, ``end``, and ``cluster_speaker`` (the cluster's
        most frequent speaker, for quotes whose own attribution was not found), sorted by
        cluster then corpus order.

    Raises
    ------
    InvalidArgumentError
        For thresholds outside [0, 1] or ``min_outlets < 1``.

    Examples
    --------
    >>> import presslens
    >>> docs = [
    ...     {"outlet": "A", "text": "“The door remains open, but it is a pause,” Ostrin said."},
    ...     {"outlet": "B", "text": "“We keep the door open; it is a pause,” said Halvard Ostrin."},
    ...     {"outlet": "C", "text": "“We won the final,” said Marguerite Osei."},
    ... ]
    >>> for row in presslens.quote_clusters(docs).itertuples():
    ...     print(row.cluster, row.outlet, row.speaker, "|", row.cluster_speaker)
    0 A Ostrin | Halvard Ostrin
    0 B Halvard Ostrin | Halvard Ostrin
    """
    pdm = _dependencies.pandas("quote_clusters")
    corpus = _as_corpus(corpus)
    threshold = _check_unit("threshold", threshold)
    speaker_threshold = _check_unit("speaker_threshold", speaker_threshold)
    if isinstance(min_outlets, bool) or not isinstance(min_outlets, int) or min_outlets < 1:
        raise InvalidArgumentError(f"min_outlets must be an integer >= 1, got {min_outlets!r}")
    records = _quote_records(corpus, n_threads)
    doc_index = {d: i for i, d in enumerate(corpus.ids)}
    ids = _presslens.cluster_quotes(
        [doc_index[r[0]] for r in records],
        [r[4] for r in records],
        [r[5] for r in records],
        threshold=threshold,
        speaker_threshold=speaker_threshold,
        n_threads=n_threads,
    )
    members: dict[int, list[int]] = {}
    for i, c in enumerate(ids):
        members.setdefault(c, []).append(i)
    rows: list[tuple[Any, ...]] = []
    cluster_no = 0
    for c in sorted(members):
        idx = members[c]
        outlets = {
            records[i][1] if records[i][1] is not None else ("doc", records[i][0]) for i in idx
        }
        if len(outlets) < min_outlets:
            continue
        speakers = Counter(records[i][5] for i in idx if records[i][5] is not None)
        best = None
        if speakers:
            # Most frequent; ties go to the longest (full) name, then alphabetical order.
            best = max(speakers.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        for i in idx:
            doc, outlet, start, end, quote, speaker = records[i]
            rows.append((cluster_no, doc, outlet, speaker, quote, start, end, best))
        cluster_no += 1
    columns = ["cluster", "doc", "outlet", "speaker", "quote", "start", "end", "cluster_speaker"]
    from presslens._frames import QuoteClusters

    return QuoteClusters(_frame(pdm, rows, columns, ("cluster", "start", "end")))
