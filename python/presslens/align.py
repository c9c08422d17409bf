"""Who says what where: sentence similarity and sentence alignment across outlets.

* :func:`similarity`: a sentence similarity in [0, 1], pair by pair;
* :func:`align_sentences`: for every sentence of a corpus, its best match in every other
  outlet, and how many outlets carry it;
* :func:`unique_sentences`: the sentences only one outlet reports.

The similarity combines thirteen lexical features (idf-weighted overlap of stems, stem uni-,
bi- and trigram overlap, character 4-grams for spelling variants, names present in one
sentence only, length ratio, words in one sentence only, longest common subsequence) with a
fixed logistic model fitted on the train split of the Microsoft Research Paraphrase Corpus
(``benchmarks/fit_similarity_msrp.py``; weights in ``src/align/similarity.rs``). It reads
like a probability: at 0.5 a pair is as likely a paraphrase as not. Idf statistics come from
the inputs themselves (the sentences of the corpus, or the texts given to
:func:`similarity`), with a floor of 1,000 sentences so that a handful of inputs still
weights words sensibly. The tokens, stems and stop words are English.

Examples
--------
>>> import presslens
>>> corpus = presslens.Corpus(
...     [
...         {"id": "w", "outlet": "Wire", "text": "The port strike entered its third week on "
...          "Monday. Farmers fear for their exports."},
...         {"id": "l", "outlet": "Ledger", "text": "Dockers said talks had stalled. The port "
...          "strike entered a third week on Monday."},
...     ]
... )
>>> a = presslens.align_sentences(corpus)
>>> for row in a[a["doc"] == "w"].itertuples():
...     print(row.sentence, row.shared_by, row.text)
0 2 The port strike entered its third week on Monday.
1 1 Farmers fear for their exports.
>>> a.loc[0, "Ledger:doc"], int(a.loc[0, "Ledger:sentence"])
('l', 1)
>>> presslens.unique_sentences(corpus, "Wire")["text"].tolist()
['Farmers fear for their exports.']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from presslens import _dependencies, _presslens
from presslens._guard import text_input
from presslens.corpus import Corpus, Document
from presslens.exceptions import EmptyCorpusError, InvalidArgumentError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["align_sentences", "similarity", "unique_sentences"]

CorpusLike = Corpus | Iterable[Document | Mapping[str, Any] | str]

#: The decision threshold that maximises accuracy on the MSRP train split.
MSRP_THRESHOLD: float = _presslens.similarity_model()[3]


def _as_corpus(corpus: CorpusLike) -> Corpus:
    return corpus if isinstance(corpus, Corpus) else Corpus(corpus)


def _check_threshold(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise InvalidArgumentError(f"{name} must be a number in [0, 1], got {value!r}")
    return float(value)


def _text_list(texts: Sequence[str], name: str) -> list[str]:
    if isinstance(texts, str):
        raise InvalidArgumentError(f"{name} must be a list of texts, got a single str")
    out = list(texts)
    bad = next((i for i, t in enumerate(out) if not isinstance(t, str)), None)
    if bad is not None:
        raise InvalidArgumentError(
            f"{name}[{bad}] is {type(out[bad]).__name__}, not str; convert or drop it first"
        )
    return out


@text_input
def similarity(
    texts_a: Sequence[str], texts_b: Sequence[str], *, n_threads: int | None = None
) -> npt.NDArray[np.float64]:
    """Sentence similarity of ``texts_a[i]`` and ``texts_b[i]``, pair by pair.

    The similarity :func:`align_sentences` uses (see the module docs): a score in [0, 1]
    from lexical features and a logistic model fitted on MSRP train. Idf statistics come from
    the distinct texts of both lists. A text without a word token has similarity 0 with
    anything. On MSRP test, with the threshold chosen on train (``MSRP_THRESHOLD``, 0.51),
    accuracy is 0.770 and F1 0.835 (``python benchmarks/eval_msrp.py``).

    Parameters
    ----------
    texts_a, texts_b
        Two lists of texts of the same length.
    n_threads
        ``None``: the global pool; ``1``: serial; ``k``: a pool of ``k`` threads.

    Returns
    -------
    numpy.ndarray
        ``float64`` array of length ``len(texts_a)``.

    Raises
    ------
    InvalidArgumentError
        When the lengths differ or an item is not a str.

    Examples
    --------
    >>> import presslens
    >>> s = presslens.similarity(
    ...     ["The Kremlin said talks were on pause.", "Talks are on pause."],
    ...     ["Talks are on pause, the Kremlin said.", "A football final was won."],
    ... )
    >>> s.round(2).tolist()
    [0.99, 0.02]
    """
    a = _text_list(texts_a, "texts_a")
    b = _text_list(texts_b, "texts_b")
    if len(a) != len(b):
        raise InvalidArgumentError(
            f"texts_a and texts_b must have the same length (similarity is pair by pair), "
            f"got {len(a)} and {len(b)}"
        )
    return _presslens.sentence_similarity(a, b, n_threads=n_threads)


def _outlet_units(corpus: Corpus, what: str) -> tuple[list[str], list[int]]:
    if len(corpus) == 0:
        raise EmptyCorpusError(f"{what} needs at least one document; the corpus is empty")
    missing = [d.id for d in corpus if d.outlet is None]
    if missing:
        raise InvalidArgumentError(
            f"{what} compares outlets, but {len(missing)} document(s) have no outlet "
            f"(e.g. {missing[0]!r}); give every document an outlet (an 'outlet' field or "
            "column when loading)"
        )
    labels = corpus.outlets
    index = {o: i for i, o in enumerate(labels)}
    return labels, [index[d.outlet] for d in corpus if d.outlet is not None]


@text_input
def align_sentences(
    corpus: CorpusLike, *, threshold: float = 0.5, n_threads: int | None = None
) -> pd.DataFrame:
    """Every sentence with its best match in every other outlet.

    Documents are split into sentences (:func:`presslens.split_sentences`, English rules).
    Sentences of different outlets are compared only when they share rare content stems
    (an inverted index; stems found in more than ``max(200, sentences / 100)`` sentences are
    not indexed): at least two of them (one when a sentence has only one) and at least 30% of
    the smaller sentence's, keeping the 300 candidates with most shared stems per sentence,
    never all pairs. Candidates are scored with :func:`similarity` (idf over the corpus's
    sentences). For each sentence and each other outlet, the most similar
    sentence at or above ``threshold`` is its match.

    Parameters
    ----------
    corpus
        A :class:`~presslens.Corpus` whose documents all have an outlet (or anything
        ``Corpus()`` accepts).
    threshold
        Similarity at or above which another outlet counts as carrying the sentence.
    n_threads
        ``None``: the global pool; ``1``: serial; ``k``: a pool of ``k`` threads. The result
        is the same for every thread count.

    Returns
    -------
    pandas.DataFrame
        One row per sentence, in corpus order: ``doc`` (id), ``outlet``, ``sentence``
        (index in its document), ``start``, ``end`` (string offsets:
        ``text[start:end]`` is the sentence), ``text``, ``shared_by`` (outlets carrying it,
        its own included), then for every outlet ``O`` of the corpus (sorted) the columns
        ``"O:doc"``, ``"O:sentence"`` and ``"O:similarity"``: the best match in ``O``
        (missing values when there is none, and in the sentence's own outlet).

    Raises
    ------
    EmptyCorpusError
        When the corpus has no document.
    InvalidArgumentError
        When a document has no outlet, or for a threshold outside [0, 1].

    Examples
    --------
    >>> import presslens
    >>> docs = [
    ...     {"outlet": "A", "text": "Talks on the corridor stalled on Monday."},
    ...     {"outlet": "B", "text": "Talks on the corridor stalled Monday, officials said."},
    ...     {"outlet": "C", "text": "A football final was won on penalties."},
    ... ]
    >>> presslens.align_sentences(docs)[["outlet", "shared_by", "B:similarity"]].round(2)
      outlet  shared_by  B:similarity
    0      A          2          0.95
    1      B          2           NaN
    2      C          1           NaN
    """
    pdm = _dependencies.pandas("align_sentences")
    corpus = _as_corpus(corpus)
    threshold = _check_threshold("threshold", threshold)
    labels, units = _outlet_units(corpus, "align_sentences")
    texts, ids = corpus.texts, corpus.ids
    rows = _presslens.align_sentences(texts, units, threshold=threshold, n_threads=n_threads)
    n = len(rows)
    doc_idx = np.fromiter((r[0] for r in rows), dtype=np.int64, count=n)
    ids_arr = np.empty(len(ids), dtype=object)
    ids_arr[:] = ids
    outlets_arr = np.empty(len(labels), dtype=object)
    outlets_arr[:] = labels
    unit_arr = np.asarray(units, dtype=np.int64)
    data: dict[str, Any] = {
        "doc": ids_arr[doc_idx] if n else np.empty(0, dtype=object),
        "outlet": outlets_arr[unit_arr[doc_idx]] if n else np.empty(0, dtype=object),
        "sentence": np.fromiter((r[1] for r in rows), dtype=np.int64, count=n),
        "start": np.fromiter((r[2] for r in rows), dtype=np.int64, count=n),
        "end": np.fromiter((r[3] for r in rows), dtype=np.int64, count=n),
        "text": [texts[r[0]][r[2] : r[3]] for r in rows],
        "shared_by": np.fromiter((1 + len(r[4]) for r in rows), dtype=np.int64, count=n),
    }
    row_doc = [ids[r[0]] for r in rows]
    row_index = [r[1] for r in rows]
    for _u, label in enumerate(labels):
        m_doc = np.full(n, None, dtype=object)
        m_sent = np.full(n, np.nan)
        m_sim = np.full(n, np.nan)
        data[f"{label}:doc"] = m_doc
        data[f"{label}:sentence"] = m_sent
        data[f"{label}:similarity"] = m_sim
    for i, r in enumerate(rows):
        for unit, j, sim in r[4]:
            label = labels[unit]
            data[f"{label}:doc"][i] = row_doc[j]
            data[f"{label}:sentence"][i] = row_index[j]
            data[f"{label}:similarity"][i] = sim
    frame: pd.DataFrame = pdm.DataFrame(data)
    for label in labels:
        frame[f"{label}:sentence"] = frame[f"{label}:sentence"].astype("Int64")
    return frame


@text_input
def unique_sentences(
    corpus: CorpusLike, outlet: str, *, threshold: float = 0.5, n_threads: int | None = None
) -> pd.DataFrame:
    """The sentences of ``outlet`` that no other outlet carries.

    The rows of :func:`align_sentences` for ``outlet`` with ``shared_by == 1``.

    Parameters
    ----------
    corpus
        A :class:`~presslens.Corpus` whose documents all have an outlet.
    outlet
        One of the corpus's outlets.
    threshold, n_threads
        As for :func:`align_sentences`.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc``, ``outlet``, ``sentence``, ``start``, ``end``, ``text``, in corpus
        order (index reset).

    Raises
    ------
    InvalidArgumentError
        When ``outlet`` is not an outlet of the corpus (the message lists them).

    Examples
    --------
    >>> import presslens
    >>> docs = [
    ...     {"outlet": "A", "text": "Talks stalled on Monday. Farmers are angry."},
    ...     {"outlet": "B", "text": "Talks stalled on Monday, officials said."},
    ... ]
    >>> presslens.unique_sentences(docs, "A")["text"].tolist()
    ['Farmers are angry.']
    """
    corpus = _as_corpus(corpus)
    if outlet not in set(corpus.outlets):
        raise InvalidArgumentError(
            f"outlet {outlet!r} is not in the corpus; its outlets are {corpus.outlets!r}"
        )
    frame = align_sentences(corpus, threshold=threshold, n_threads=n_threads)
    keep = (frame["outlet"] == outlet) & (frame["shared_by"] == 1)
    cols = ["doc", "outlet", "sentence", "start", "end", "text"]
    out: pd.DataFrame = frame.loc[keep, cols].reset_index(drop=True)
    return out
