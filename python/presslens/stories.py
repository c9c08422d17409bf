"""Story clustering: which articles of a multi-story corpus are about the same story.

:func:`cluster_stories` is the step before per-story overlap and summaries: it gives each
document a story id, so a corpus of many outlets' coverage of many events can be split into
one corpus per story (``corpus.filter(...)``, ``presslens.dask.summarize_groups``).
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

import numpy as np

from presslens._dependencies import pandas as _pandas
from presslens._dependencies import require
from presslens._guard import text_input
from presslens._progress import with_progress
from presslens.corpus import Corpus
from presslens.exceptions import InvalidArgumentError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["cluster_stories"]

_BLOCK = 2048


def _day(value: _dt.date) -> int:
    return value.toordinal()


@with_progress("clustering stories", mb_per_s=10, items_per_doc=None)
@text_input
def cluster_stories(
    corpus: Corpus,
    *,
    threshold: float = 0.04,
    window_days: int | None = 3,
    link: str = "average",
    undated: str = "error",
    n_threads: int | None = None,
    progress: bool | None = None,
) -> pd.Series:
    """Group the articles of a corpus into stories.

    Documents are compared by the cosine similarity of their tf-idf vectors (presslens
    tokens, English stop words removed, sublinear tf, unigrams and bigrams, terms in at least
    two documents). Only documents published within ``window_days`` days of each other are
    compared. Pairs at or above ``threshold`` are candidate links; stories are then formed by
    agglomerative clustering over those links:

    * ``link="single"``: connected components (a chain of similar articles is one story);
    * ``link="average"`` (default): groups merge, most similar first, while the average
      similarity between all their members stays at or above ``threshold`` (pairs never
      compared count as 0), so a story does not drift through a chain of loosely related
      articles.

    The threshold was tuned on DUC 2002 (document clusters of the multi-document
    summarisation task); ``benchmarks/eval_clusters.py`` reports the quality on DUC 2004 and
    BASIL.

    Parameters
    ----------
    corpus
        The articles. With ``window_days`` set, every document needs ``published``.
    threshold
        Cosine similarity, in (0, 1], for two articles to be linked.
    window_days
        Only articles at most this many days apart are linked. ``None`` ignores dates.
    link
        ``"average"`` or ``"single"`` (see above).
    undated
        With ``window_days`` set, what to do with documents without ``published``:
        ``"error"`` (default) raises; ``"compare"`` compares them with every document.
    n_threads
        Threads for the tf-idf step.
    progress
        Show a progress bar (extra ``progress``): ``None`` when the call is expected to take
        more than ~2 s and output is a terminal or notebook, ``True`` always, ``False`` never.

    Returns
    -------
    pandas.Series
        Story id (0, 1, ...; in order of each story's first document) per document, indexed
        by document id, name ``"story"``.

    Raises
    ------
    InvalidArgumentError
        For a threshold outside (0, 1], a negative ``window_days``, an unknown ``link``, or a
        document without ``published`` while ``window_days`` is set and ``undated="error"``.

    Examples
    --------
    >>> import presslens
    >>> corpus = presslens.Corpus([
    ...     {"id": "a", "published": "2025-03-01",
    ...      "text": "Dock workers strike at the port of Averna over pay; the port is closed."},
    ...     {"id": "b", "published": "2025-03-02",
    ...      "text": "The Averna port strike by dock workers over pay enters a second day."},
    ...     {"id": "c", "published": "2025-03-02",
    ...      "text": "Rovers win the cup final on penalties after a goalless draw."},
    ...     {"id": "d", "published": "2025-03-03",
    ...      "text": "Cup final: Rovers beat United on penalties, fans celebrate the draw."},
    ... ])
    >>> presslens.cluster_stories(corpus).tolist()
    [0, 0, 1, 1]
    """
    pdm = _pandas("cluster_stories")
    if not isinstance(corpus, Corpus):
        raise InvalidArgumentError(
            f"cluster_stories needs a presslens.Corpus, got {type(corpus).__name__}"
        )
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise InvalidArgumentError(f"threshold must be a number in (0, 1], got {threshold!r}")
    if not 0.0 < float(threshold) <= 1.0:
        raise InvalidArgumentError(f"threshold must be in (0, 1], got {threshold}")
    if window_days is not None and (
        isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0
    ):
        raise InvalidArgumentError(
            f"window_days must be None or an integer >= 0, got {window_days!r}"
        )
    if undated not in ("error", "compare"):
        raise InvalidArgumentError(f"undated must be 'error' or 'compare', got {undated!r}")
    if link not in ("average", "single"):
        raise InvalidArgumentError(f"link must be 'average' or 'single', got {link!r}")
    n = len(corpus)
    index = pdm.Index(corpus.ids, name="id", dtype=object)
    if n == 0:
        empty: pd.Series = pdm.Series(np.zeros(0, dtype=np.int64), index=index, name="story")
        return empty
    if window_days is not None:
        missing = [d.id for d in corpus if d.published is None]
        if missing and undated == "error":
            shown = ", ".join(repr(m) for m in missing[:5])
            raise InvalidArgumentError(
                f"cluster_stories compares articles within window_days={window_days} and needs "
                f"a published date on every document; {len(missing)} have none (e.g. {shown}). "
                "Give them dates, pass undated='compare' or window_days=None"
            )
        days = np.array([-1 if d.published is None else _day(d.published) for d in corpus])
    else:
        days = np.zeros(n, dtype=np.int64)
    X = _vectors(corpus, n_threads)  # noqa: N806 (a matrix)
    dated = days >= 0 if window_days is not None else np.ones(n, dtype=bool)
    rows, cols, sims = _links(X, days, dated, float(threshold), window_days)
    if link == "single":
        labels = _components(n, rows, cols)
    else:
        labels = _average_link(n, rows, cols, sims, float(threshold))
    stories: pd.Series = pdm.Series(_renumber(labels), index=index, name="story")
    return stories


def _vectors(corpus: Corpus, n_threads: int | None) -> Any:
    from presslens.exceptions import EmptyCorpusError
    from presslens.sklearn import TfidfVectorizer

    sp = require("scipy.sparse", feature="cluster_stories")
    min_df = 2 if len(corpus) > 2 else 1
    vec = TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        ngram_range=(1, 2),
        min_df=min_df,
        max_df=0.5 if len(corpus) > 4 else 1.0,
        n_threads=n_threads,
    )
    try:
        return vec.fit_transform(corpus).tocsr()
    except EmptyCorpusError:
        return sp.csr_matrix((len(corpus), 1), dtype=np.float64)


def _links(
    X: Any,  # noqa: N803 (a matrix)
    days: np.ndarray[Any, Any],
    dated: np.ndarray[Any, Any],
    threshold: float,
    window: int | None,
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Pairs (i < j) with cosine >= threshold.

    Dated documents are compared within the window (in blocks of documents sorted by day),
    undated ones with every document.
    """
    out_r, out_c, out_s = [], [], []
    idx = np.flatnonzero(dated)
    order = idx[np.argsort(days[idx], kind="stable")]
    sorted_days = days[order]
    Xs = X[order]  # noqa: N806
    n = len(order)
    for start in range(0, n, _BLOCK):
        stop = min(n, start + _BLOCK)
        if window is None:
            hi = n
        else:
            hi = int(np.searchsorted(sorted_days, sorted_days[stop - 1] + window, side="right"))
        block = (Xs[start:stop] @ Xs[start:hi].T).tocoo()
        r = block.row + start
        c = block.col + start
        keep = (c > r) & (block.data >= threshold)
        if window is not None:
            keep &= np.abs(sorted_days[c] - sorted_days[r]) <= window
        out_r.append(order[r[keep]])
        out_c.append(order[c[keep]])
        out_s.append(block.data[keep])
    loose = np.flatnonzero(~dated)
    for start in range(0, len(loose), _BLOCK):
        u = loose[start : start + _BLOCK]
        block = (X[u] @ X.T).tocoo()
        r, c = u[block.row], block.col
        # pairs of two undated documents are seen twice: keep r < c for them
        keep = (block.data >= threshold) & (r != c) & (dated[c] | (r < c))
        out_r.append(r[keep])
        out_c.append(c[keep])
        out_s.append(block.data[keep])
    rows = np.concatenate(out_r) if out_r else np.zeros(0, dtype=np.int64)
    cols = np.concatenate(out_c) if out_c else np.zeros(0, dtype=np.int64)
    sims = np.concatenate(out_s) if out_s else np.zeros(0)
    return np.minimum(rows, cols), np.maximum(rows, cols), sims


def _components(n: int, rows: np.ndarray[Any, Any], cols: np.ndarray[Any, Any]) -> Any:
    sp = require("scipy.sparse", feature="cluster_stories")
    csgraph = require("scipy.sparse.csgraph", feature="cluster_stories")
    graph = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    return csgraph.connected_components(graph, directed=False)[1]


def _average_link(
    n: int,
    rows: np.ndarray[Any, Any],
    cols: np.ndarray[Any, Any],
    sims: np.ndarray[Any, Any],
    threshold: float,
) -> np.ndarray[Any, Any]:
    """Average-link agglomeration over the sparse links (missing pairs count as 0).

    Cluster pairs are merged best first while their average similarity (sum of linked
    similarities over the product of the sizes) is at least ``threshold``. Only clusters
    joined by at least one link are ever merged, so the work follows the number of links.
    """
    import heapq

    parent = list(range(n))
    size = [1] * n
    # sums[c] maps neighbour cluster -> summed similarity of the linked pairs
    sums: list[dict[int, float]] = [{} for _ in range(n)]
    for r, c, s in zip(rows.tolist(), cols.tolist(), sims.tolist(), strict=True):
        sums[r][c] = sums[r].get(c, 0.0) + s
        sums[c][r] = sums[c].get(r, 0.0) + s
    heap = [(-s, r, c) for r, c, s in zip(rows.tolist(), cols.tolist(), sims.tolist(), strict=True)]
    heapq.heapify(heap)
    alive = [True] * n
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or b not in sums[a]:
            continue
        avg = sums[a][b] / (size[a] * size[b])
        if abs(avg + neg) > 1e-12:  # stale entry: the pair's average changed since
            continue
        if avg < threshold:
            break
        # merge b into a
        if len(sums[a]) < len(sums[b]):
            a, b = b, a
        alive[b] = False
        parent[b] = a
        size[a] += size[b]
        del sums[a][b]
        for k, v in sums[b].items():
            if k == a:
                continue
            sums[a][k] = sums[a].get(k, 0.0) + v
            del sums[k][b]
            sums[k][a] = sums[a][k]
        sums[b] = {}
        for k, v in sums[a].items():
            heapq.heappush(heap, (-v / (size[a] * size[k]), min(a, k), max(a, k)))
    labels = np.empty(n, dtype=np.int64)
    for i in range(n):
        root = i
        while parent[root] != root:
            root = parent[root]
        labels[i] = root
    return labels


def _renumber(labels: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Story ids 0, 1, ... in order of each story's first document."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse]
