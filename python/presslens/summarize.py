"""Extractive summaries of one article or many outlets' articles, with provenance, and ROUGE.

* :func:`summarize`: pick the sentences that best sum up the source within a word or sentence
  budget, without repeating content (a :class:`Summary` of :class:`SummarySentence`). Each
  summary sentence names the outlets whose articles carry the same content
  (``supported_by``).
* :func:`sentence_scores`: every sentence with its document, outlet, position, offsets and
  score, as a pandas DataFrame.
* :func:`rouge`: ROUGE-N, ROUGE-L and ROUGE-Lsum, identical to Google's ``rouge-score``
  (same tokenizer, same Porter stemmer), parallel over many pairs.

Methods
-------
``"lead"``
    Earlier sentences first (score ``1 / (1 + position)``): the classic news baseline.
``"centroid"``
    Radev et al.'s centroid: the summed weight of the sentence's terms in the centroid of the
    input (term count per document × inverse sentence frequency, top 100 terms), plus a bonus
    for the head of each document.
``"lexrank"``
    Continuous LexRank: PageRank over idf-modified cosine similarities between sentences.
``"textrank"``
    TextRank: PageRank over word overlap normalised by the log of sentence lengths.
``"coverage"``
    Concept coverage for multi-document news (ICSISumm-style concepts with RegSum-style
    learned weights): choose the sentences that together cover the most weight of stemmed
    word bigrams and content words, each concept counted once. A concept's weight is the
    probability, under a small logistic model, that a human summary of the story contains
    it, estimated from how the documents use it (share of documents and of document leads
    and first sentences that carry it, how often and how early it appears). The model was
    fitted on DUC 2002 and the DUC 2004 dev split (``benchmarks/fit_duc_concepts.py``). The
    budgeted selection uses greedy passes and local search. With ``truncate=True`` (several
    documents) each sentence also earns a small bonus for its LexRank centrality per word,
    which raised ROUGE-1 on the tuning data. With one document, concepts are
    weighted by the number of sentences that repeat them. This is the best method on
    DUC 2004 (see the README). With ``compress=True`` it also chooses among rule-based
    compressed variants of the sentences (best with ``truncate=True``).

Terms are stemmed (Snowball) words without stop words. Graph methods keep every similarity
up to 2,000 sentences; past that each sentence keeps its 50 nearest neighbours and the most
common terms (in more than 500 sentences) are ignored, so memory stays linear. Sentences
longer than 120 words (text without sentence punctuation) are cut into 60-word pieces.

Examples
--------
>>> import presslens
>>> corpus = presslens.Corpus([
...     {"text": "The port strike entered its third week on Monday. Talks between the union "
...              "and the port operator stalled over pay. A band played downtown.",
...      "outlet": "Wire"},
...     {"text": "Talks over pay stalled again on Monday as the port strike entered a third "
...              "week. Farmers said grain was piling up at the docks.",
...      "outlet": "Ledger"},
... ])
>>> s = presslens.summarize(corpus, max_words=20)
>>> print(s.text)
Talks over pay stalled again on Monday as the port strike entered a third week.
>>> s.sentences[0].outlet, s.sentences[0].supported_by
('Ledger', ['Ledger', 'Wire'])
"""

from __future__ import annotations

import datetime as _dt
import math
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, overload

from presslens import _dependencies, _presslens
from presslens._guard import text_input
from presslens._progress import with_progress
from presslens.corpus import Corpus, Document
from presslens.exceptions import EmptyCorpusError, InvalidArgumentError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "RougeScore",
    "Summary",
    "SummarySentence",
    "SummaryWarning",
    "rouge",
    "sentence_scores",
    "summarize",
]

Method = Literal["lead", "centroid", "lexrank", "textrank", "coverage"]
Order = Literal["score", "position", "time"]
Source = str | Corpus | Iterable[Document | Mapping[str, Any] | str]

METHODS = ("lead", "centroid", "lexrank", "textrank", "coverage")
ORDERS = ("score", "position", "time")


class SummaryWarning(UserWarning):
    """A summary came out empty because no sentence fits the budget."""


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of a :class:`Summary`.

    Attributes
    ----------
    text
        The sentence, ``document.text[start:end]``; for a compressed sentence
        (``summarize(..., compress=True)``) the concatenation of its ``spans``.
    score
        Its score under the summary's method (higher is more central).
    doc_id
        Id of the document it comes from.
    outlet
        That document's outlet (``None`` when unknown).
    start, end
        Offsets into the document's text (Python string indices).
    supported_by
        Outlets whose articles carry the same content (a near-identical or paraphrased
        sentence: cosine of at least ``support_threshold`` between the sets of stemmed content
        words, and two shared words), the sentence's own outlet first, then the others in
        corpus order. A document without an outlet is named by its id.
    position
        Index of the sentence in its document (0 = first).
    spans
        Offsets of the kept pieces of the document's text, in order: ``text`` is
        ``"".join(document.text[a:b] for a, b in spans)``, so every word is traceable.
        ``[(start, end)]`` unless the sentence was compressed; ``start`` and ``end`` then
        still give the whole original sentence.
    """

    text: str
    score: float
    doc_id: str
    outlet: str | None
    start: int
    end: int
    supported_by: list[str]
    position: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Summary:
    """An extractive summary: its sentences and how it was made. Picklable.

    Attributes
    ----------
    sentences
        The chosen sentences, in the requested order.
    method
        The method that scored them.
    max_words, max_sentences
        The budget.
    order
        ``"score"``, ``"position"`` or ``"time"``.

    Examples
    --------
    >>> import pickle
    >>> s = summarize("Talks stalled over pay on Monday. The strike entered its third week.",
    ...               max_sentences=1, method="lead")
    >>> s
    Summary(1 sentence, 6 words, method='lead')
    >>> pickle.loads(pickle.dumps(s)) == s
    True
    >>> s.to_pandas()[["doc_id", "start", "end"]].to_dict("records")
    [{'doc_id': '0', 'start': 0, 'end': 33}]
    """

    sentences: list[SummarySentence]
    method: str = "lexrank"
    max_words: int | None = 100
    max_sentences: int | None = None
    order: str = "score"

    @property
    def text(self) -> str:
        """The summary's sentences, one per line."""
        return "\n".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        """Number of white-space separated words in the summary."""
        return sum(len(s.text.split()) for s in self.sentences)

    def __len__(self) -> int:
        return len(self.sentences)

    def __iter__(self) -> Any:
        return iter(self.sentences)

    def __repr__(self) -> str:
        n = len(self.sentences)
        return (
            f"Summary({n} sentence{'' if n == 1 else 's'}, {self.words} words, "
            f"method={self.method!r})"
        )

    def _repr_html_(self) -> str:
        from presslens._display import summary_html

        return summary_html(self)

    def to_pandas(self) -> pd.DataFrame:
        """The sentences as a DataFrame, one row each, columns as :class:`SummarySentence`."""
        pdm = _dependencies.pandas("Summary.to_pandas")
        cols = [
            "text",
            "score",
            "doc_id",
            "outlet",
            "start",
            "end",
            "supported_by",
            "position",
            "spans",
        ]
        frame: pd.DataFrame = pdm.DataFrame(
            [[getattr(s, c) for c in cols] for s in self.sentences], columns=cols
        )
        return frame


def _as_corpus(source: Source) -> Corpus:
    if isinstance(source, Corpus):
        corpus = source
    elif isinstance(source, (str, Document)):
        corpus = Corpus([source])
    else:
        try:
            corpus = Corpus(source)
        except TypeError as exc:
            raise InvalidArgumentError(
                f"source must be a str, a list of str or a Corpus, got {type(source).__name__}"
            ) from exc
    if len(corpus) == 0:
        raise EmptyCorpusError("summarize needs at least one document; the source is empty")
    return corpus


def _time_key(published: _dt.date | None) -> float | None:
    """Seconds since 0001-01-01 UTC (naive times taken as UTC), for ordering."""
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        if published.tzinfo is not None:
            published = published.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        midnight = _dt.datetime(published.year, published.month, published.day)
        return published.toordinal() * 86400.0 + (published - midnight).total_seconds()
    return published.toordinal() * 86400.0


def _check_int(name: str, value: object, low: int) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InvalidArgumentError(f"{name} must be None or an integer >= {low}, got {value!r}")


def _check_choice(name: str, value: object, choices: Sequence[str]) -> None:
    if value not in choices:
        raise InvalidArgumentError(
            f"unknown {name} {value!r}; use one of {', '.join(repr(c) for c in choices)}"
        )


def _label(doc: Document) -> str:
    return doc.outlet if doc.outlet is not None else str(doc.id)


@with_progress("summarizing", mb_per_s=5, items_per_doc=2.1)
@text_input
def summarize(
    source: Source,
    *,
    method: Method = "lexrank",
    max_words: int | None = 100,
    max_sentences: int | None = None,
    redundancy: float = 0.5,
    order: Order = "score",
    language: str = "english",
    n_threads: int | None = None,
    progress: bool | None = None,
    support_threshold: float = 0.5,
    trim: bool = False,
    truncate: bool = False,
    compress: bool = False,
) -> Summary:
    """Summarise one document or many (multi-document) by extracting sentences.

    Parameters
    ----------
    source
        A text, a list of texts, or a :class:`~presslens.Corpus` (its documents' ids, outlets
        and publication dates are used). More than one document makes a multi-document
        summary.
    method
        ``"lead"``, ``"centroid"``, ``"lexrank"``, ``"textrank"`` or ``"coverage"`` (see the
        module docs; ``"coverage"`` is the best for several articles on one story).
    max_words
        Most white-space separated words in the summary (whole sentences only, unless
        ``truncate``); ``None`` for no word limit.
    max_sentences
        Most sentences; ``None`` for no limit. At least one of the two budgets is needed.
    redundancy
        Maximal marginal relevance weight between 0 and 1: each next sentence maximises
        ``(1 - redundancy) * score / best_score - redundancy * (highest cosine to a chosen
        sentence)``. 0 ranks by score alone. ``"coverage"`` de-duplicates by construction
        (a concept counts once) and ignores it.
    order
        ``"score"`` (best first), ``"position"`` (document order, then sentence order) or
        ``"time"`` (by the documents' ``published`` date, unknown dates last).
    language
        Language of the sentence splitter, stemmer and stop words.
    n_threads
        ``None``: the global pool; ``1``: serial; ``k``: a pool of ``k`` threads. Results do
        not depend on it.
    support_threshold
        Cosine between stemmed content-word sets from which another article's sentence counts
        as carrying the same content (``supported_by``).
    trim
        Skip what precedes a sentence's news at its head: a dateline or agency prefix
        (``"OSTRAVA, Lunmark (CPA) _ "``, ``"_ "``) and a leading connective (``"But "``,
        ``"However, "``), when at least 4 words remain. Sentences stay exact substrings of
        their documents (``start`` moves past the trimmed words), so more content fits the
        budget.
    truncate
        Fill ``max_words`` exactly: when words remain after the whole sentences, add the best
        further sentence cut after the remaining number of words (its ``end`` then points
        inside the sentence), as evaluations that cut summaries at a word count do, with
        the cut sentence chosen by the method (among sentences of 8 words or more, like the
        others). Needs ``max_words``; ignored without it.

        >>> text = ("Talks between the union and the port operator stalled over pay. "
        ...         "Union leaders said talks over pay would resume next week.")
        >>> summarize(text, max_words=16, truncate=True).sentences[-1].text
        'Union leaders said talks over'

    compress
        ``method="coverage"`` only: let the method choose, for each sentence, between the
        sentence and up to two compressed variants of it, so more content fits the budget.
        Compression is rule-based (no parser): it drops parentheticals, attributions
        (``", officials said."``, ``"The mayor said on Monday that "``, ``"according to
        ..."``), non-restrictive relative clauses and appositives between commas, ages
        (``", 54,"``), short fronted adverbials (``"On Monday, "``), time expressions
        (``"on Tuesday night"``, ``"last week"``), datelines and leading connectives, and
        keeps at least 5 words. A compressed sentence's ``text`` is the concatenation of the
        kept pieces of the document given by its ``spans`` (``start`` and ``end`` still span
        the whole sentence).

        >>> docs = ["Anna Varga, the new harbour master, said the channel would be dredged.",
        ...         "The channel would be dredged by spring, the harbour master said on Monday."]
        >>> s = summarize(docs, method="coverage", max_words=9, compress=True)
        >>> s.sentences[0].text
        'Anna Varga said the channel would be dredged.'
        >>> [docs[0][a:b] for a, b in s.sentences[0].spans]
        ['Anna Varga', ' said the channel would be dredged.']

    progress
        Show a progress bar (extra ``progress``): ``None`` when the call is expected to take
        more than ~2 s and output is a terminal or notebook, ``True`` always, ``False`` never.

    Returns
    -------
    Summary
        Empty, with a :class:`SummaryWarning`, when sentences exist but none fits
        ``max_words``; empty without warning when the documents have no text.

    Raises
    ------
    EmptyCorpusError
        When the source has no document at all.
    InvalidArgumentError
        For an unknown method or order, a negative budget, no budget at all, a redundancy
        outside ``[0, 1]``, or ``compress`` with a method other than ``"coverage"``.

    Examples
    --------
    >>> text = ("The port strike entered its third week. Talks over pay stalled. "
    ...         "Union leaders said talks over pay would resume next week.")
    >>> s = summarize(text, max_words=12, method="textrank")
    >>> [x.text for x in s.sentences]
    ['Union leaders said talks over pay would resume next week.']
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     print(len(summarize(text, max_words=2)), w[0].category.__name__)
    0 SummaryWarning
    """
    _check_choice("method", method, METHODS)
    _check_choice("order", order, ORDERS)
    _check_int("max_words", max_words, 0)
    _check_int("max_sentences", max_sentences, 1)
    if max_words is None and max_sentences is None:
        raise InvalidArgumentError("give max_words or max_sentences (or both)")
    if not isinstance(redundancy, int | float) or not 0.0 <= float(redundancy) <= 1.0:
        raise InvalidArgumentError(f"redundancy must be between 0 and 1, got {redundancy!r}")
    if not isinstance(support_threshold, int | float) or math.isnan(support_threshold):
        raise InvalidArgumentError(f"support_threshold must be a number, got {support_threshold!r}")
    corpus = _as_corpus(source)
    docs = list(corpus)
    texts = [d.text for d in docs]
    times = [_time_key(d.published) for d in docs]
    cols, chosen, too_small = _presslens.summarize(
        texts,
        times,
        method=method,
        max_words=max_words,
        max_sentences=max_sentences,
        redundancy=float(redundancy),
        order=order,
        language=language,
        support_threshold=float(support_threshold),
        n_threads=n_threads,
        trim=bool(trim),
        truncate=bool(truncate),
        compress=bool(compress),
    )
    doc_col, pos_col = cols[0], cols[1]
    sentences = []
    for idx, score, support, start, end, pieces in chosen:
        doc = docs[int(doc_col[idx])]
        labels: list[str] = []
        for k in support:
            label = _label(docs[k])
            if label not in labels:
                labels.append(label)
        sentences.append(
            SummarySentence(
                text="".join(doc.text[a:b] for a, b in pieces),
                score=float(score),
                doc_id=str(doc.id),
                outlet=doc.outlet,
                start=start,
                end=end,
                supported_by=labels,
                position=int(pos_col[idx]),
                spans=[(int(a), int(b)) for a, b in pieces],
            )
        )
    if too_small:
        warnings.warn(
            SummaryWarning(
                f"no sentence fits max_words={max_words}: the summary is empty; raise "
                "max_words (the shortest sentence has "
                f"{int(min(w for w in cols[4] if w > 0))} words)"
            ),
            stacklevel=2,
        )
    return Summary(
        sentences,
        method=method,
        max_words=max_words,
        max_sentences=max_sentences,
        order=order,
    )


@with_progress("scoring sentences", mb_per_s=5, items_per_doc=2.1)
@text_input
def sentence_scores(
    source: Source,
    *,
    method: Method = "lexrank",
    language: str = "english",
    n_threads: int | None = None,
    progress: bool | None = None,
    compress: bool = False,
) -> pd.DataFrame:
    """Every sentence of the source with its score under ``method``.

    Parameters
    ----------
    source
        A text, a list of texts, or a :class:`~presslens.Corpus`.
    method
        As for :func:`summarize`. For ``"coverage"`` a sentence's score is the summed weight of
        the concepts it covers on its own (for several documents, the sum of the
        probabilities that a human summary contains each of them).
    language
        Language of the sentence splitter, stemmer and stop words.
    n_threads
        ``None``: the global pool; ``1``: serial; ``k``: a pool of ``k`` threads.
    progress
        Show a progress bar (extra ``progress``): ``None`` when the call is expected to take
        more than ~2 s and output is a terminal or notebook, ``True`` always, ``False`` never.
    compress
        Add the columns ``compressed`` (the sentence with every compression rule of
        :func:`summarize`'s ``compress`` applied; the sentence itself when none applies) and
        ``compressed_spans`` (its kept pieces as offsets into the document's text).

        >>> df = sentence_scores("The ferry, which was built in 1931, sank near the pier on "
        ...                      "Monday, officials said.", method="lead", compress=True)
        >>> df.loc[0, "compressed"], df.loc[0, "compressed_spans"]
        ('The ferry sank near the pier.', [(0, 9), (35, 54), (80, 81)])

    Returns
    -------
    pandas.DataFrame
        One row per sentence, in corpus then text order: ``doc_id``, ``outlet``, ``position``
        (index in the document), ``start``, ``end`` (offsets into the document's text),
        ``words``, ``score`` and ``text`` (and with ``compress``, ``compressed`` and
        ``compressed_spans``).

    Raises
    ------
    EmptyCorpusError
        When the source has no document at all.
    InvalidArgumentError
        For an unknown method.

    Examples
    --------
    >>> df = sentence_scores("Talks stalled. The strike goes on.", method="lead")
    >>> df[["doc_id", "position", "start", "end", "score"]].to_dict("records")
    [{'doc_id': '0', 'position': 0, 'start': 0, 'end': 14, 'score': 1.0}, \
{'doc_id': '0', 'position': 1, 'start': 15, 'end': 34, 'score': 0.5}]
    """
    pdm = _dependencies.pandas("sentence_scores")
    _check_choice("method", method, METHODS)
    corpus = _as_corpus(source)
    docs = list(corpus)
    texts = [d.text for d in docs]
    doc_col, pos_col, start_col, end_col, words_col, score_col = _presslens.sentence_scores(
        texts, method=method, language=language, n_threads=n_threads
    )
    ids = [str(d.id) for d in docs]
    outlets = [d.outlet for d in docs]
    doc_list = doc_col.tolist()
    starts = start_col.tolist()
    ends = end_col.tolist()
    frame: pd.DataFrame = pdm.DataFrame(
        {
            "doc_id": [ids[d] for d in doc_list],
            "outlet": [outlets[d] for d in doc_list],
            "position": pos_col.astype("int64"),
            "start": start_col.astype("int64"),
            "end": end_col.astype("int64"),
            "words": words_col.astype("int64"),
            "score": score_col,
            "text": [texts[d][s:e] for d, s, e in zip(doc_list, starts, ends, strict=True)],
        }
    )
    if compress:
        pieces = _presslens.compress_sentences(frame["text"].tolist(), n_threads=n_threads)
        spans = [[(s + a, s + b) for a, b in p] for s, p in zip(starts, pieces, strict=True)]
        frame["compressed"] = [
            "".join(texts[d][a:b] for a, b in sp) for d, sp in zip(doc_list, spans, strict=True)
        ]
        frame["compressed_spans"] = pdm.Series(spans, index=frame.index, dtype=object)
    return frame


# --------------------------------------------------------------------------------------------
# ROUGE
# --------------------------------------------------------------------------------------------


class RougeScore(NamedTuple):
    """Precision, recall and F-measure of one ROUGE metric (as ``rouge_score.scoring.Score``)."""

    precision: float
    recall: float
    fmeasure: float


def _refs(value: object, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence) and all(isinstance(r, str) for r in value):
        return list(value)
    raise InvalidArgumentError(
        f"{where}: references must be a str or a list of str, got {type(value).__name__}"
    )


@overload
def rouge(  # type: ignore[overload-overlap]  # a str is also a Sequence[str]
    candidates: str,
    references: str | Sequence[str],
    *,
    metrics: Sequence[str] = ...,
    use_stemmer: bool = ...,
    aggregate: Literal["max", "mean"] = ...,
    n_threads: int | None = ...,
) -> dict[str, RougeScore]: ...


@overload
def rouge(
    candidates: Sequence[str],
    references: Sequence[str | Sequence[str]],
    *,
    metrics: Sequence[str] = ...,
    use_stemmer: bool = ...,
    aggregate: Literal["max", "mean"] = ...,
    n_threads: int | None = ...,
) -> list[dict[str, RougeScore]]: ...


@text_input
def rouge(
    candidates: str | Sequence[str],
    references: str | Sequence[str] | Sequence[str | Sequence[str]],
    *,
    metrics: Sequence[str] = ("rouge1", "rouge2", "rougeL", "rougeLsum"),
    use_stemmer: bool = False,
    aggregate: Literal["max", "mean"] = "max",
    n_threads: int | None = None,
) -> dict[str, RougeScore] | list[dict[str, RougeScore]]:
    """ROUGE of a candidate summary against reference summaries, as Google's ``rouge-score``.

    Tokens are the lower-cased runs of ``[a-z0-9]``; with ``use_stemmer`` tokens longer than
    three characters go through NLTK's Porter stemmer (as ``rouge-score`` does). ``rougeLsum``
    splits both texts into sentences at newlines (``Summary.text`` puts one sentence per line).
    Precision, recall and F-measure equal ``rouge_score.rouge_scorer.RougeScorer``'s to
    floating-point rounding.

    Parameters
    ----------
    candidates
        One candidate text, or a list of them.
    references
        For one candidate: a reference text or a list of references. For a list of
        candidates: one entry (a text or a list of texts) per candidate.
    metrics
        Any of ``"rouge1"`` .. ``"rouge9"``, ``"rougeL"``, ``"rougeLsum"``.
    use_stemmer
        Apply the Porter stemmer.
    aggregate
        With several references: ``"max"`` takes, per metric, the reference with the best
        F-measure (``RougeScorer.score_multi``); ``"mean"`` averages precision, recall and
        F-measure over the references (the DUC protocol's recall average).
    n_threads
        ``None``: the global pool; ``1``: serial; ``k``: a pool of ``k`` threads.

    Returns
    -------
    dict[str, RougeScore] or list[dict[str, RougeScore]]
        Metric name → :class:`RougeScore`, for one candidate or for each.

    Raises
    ------
    InvalidArgumentError
        For an unknown metric, mismatched lengths, or non-text input.

    Examples
    --------
    >>> s = rouge("The quick brown dog jumps on the log.",
    ...           "The quick brown fox jumps over the lazy dog", metrics=["rouge1", "rougeL"])
    >>> s["rouge1"]
    RougeScore(precision=0.75, recall=0.6666666666666666, fmeasure=0.7058823529411765)
    >>> [round(x["rouge2"].recall, 3) for x in rouge(["a b c", "a c"], [["a b", "x"], "a b c"],
    ...                                                metrics=["rouge2"])]
    [1.0, 0.0]
    """
    metric_list = list(metrics)
    if isinstance(metrics, str) or not metric_list:
        raise InvalidArgumentError("metrics must be a non-empty list such as ['rouge1', 'rougeL']")
    if aggregate not in ("max", "mean"):
        raise InvalidArgumentError(f"aggregate must be 'max' or 'mean', got {aggregate!r}")
    single = isinstance(candidates, str)
    cands: list[str]
    if isinstance(candidates, str):
        cands = [candidates]
        refs = [_refs(references, "rouge")]
    else:
        if not isinstance(candidates, Sequence) or not all(isinstance(c, str) for c in candidates):
            raise InvalidArgumentError("candidates must be a str or a list of str")
        if isinstance(references, str) or not isinstance(references, Sequence):
            raise InvalidArgumentError(
                "with a list of candidates, references must be a list with one entry per candidate"
            )
        cands = list(candidates)
        refs = [_refs(r, f"candidate {i}") for i, r in enumerate(references)]
        if len(refs) != len(cands):
            raise InvalidArgumentError(
                f"got {len(cands)} candidates but {len(refs)} reference entries; pass one "
                "entry (a text or a list of texts) per candidate"
            )
    arr = _presslens.rouge_scores(
        cands,
        refs,
        metrics=metric_list,
        use_stemmer=bool(use_stemmer),
        aggregate=aggregate,
        n_threads=n_threads,
    )
    values = arr.tolist()
    out = [{m: RougeScore(*row[k]) for k, m in enumerate(metric_list)} for row in values]
    return out[0] if single else out
