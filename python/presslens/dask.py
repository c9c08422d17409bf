"""presslens on Dask: the same results as the single-process functions, across machines.

Every function takes a dask DataFrame with a text column, an id column (unique ids: the
single-process functions name documents by them) and, where needed, an outlet column
(``published``, ``title`` and ``url`` are read when present). Each one applies the
mergeable core to every partition and combines the partial states in a tree reduction or a
shuffle, so the result equals the single-process function on the same data (tested on a
``distributed.LocalCluster`` with worker processes):

* :func:`term_counts`: per-partition :class:`~presslens.TermCounts`, merged.
* :func:`tfidf`: document frequencies per partition, merged
  (:class:`~presslens.DocumentFrequencies`), then each partition transformed with the fixed
  vocabulary and idf: the matrix of ``presslens.sklearn.TfidfVectorizer`` fitted on all rows.
* :func:`near_duplicates`: MinHash signatures and shingle sets per partition; identical sets
  collapsed by fingerprint; LSH band keys shuffled to buckets; candidates verified by exact
  Jaccard between the partitions that hold them.
* :func:`overlap`: ``(shingle, outlet, count)`` entries per partition, shuffled by shingle
  range; each range reduced to pairwise intersection counts (or tf-idf norms and dot
  products), summed.
* :func:`summarize_groups`: rows shuffled by group, one :func:`presslens.summarize` per group.

Threads inside tasks
--------------------
Tasks run presslens serially (``n_threads=1``) by default: Dask already runs one task per
worker thread, and a rayon pool per task would oversubscribe the cores. ``n_threads=None``
uses each worker's global pool, sized by ``PRESSLENS_NUM_THREADS`` in the worker's
environment. Dask's nanny sets the environment of the worker processes it starts from the
``distributed.nanny.pre-spawn-environ`` configuration key (the one it uses to set
``OMP_NUM_THREADS`` to 1), so for workers with one thread each and a 4-thread presslens pool::

    import dask
    dask.config.set({"distributed.nanny.pre-spawn-environ.PRESSLENS_NUM_THREADS": "4"})
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1)
    presslens.dask.term_counts(ddf, by="outlet", n_threads=None)

(or ``export DASK_DISTRIBUTED__NANNY__PRE_SPAWN_ENVIRON__PRESSLENS_NUM_THREADS=4`` before
starting ``dask worker``).

Examples
--------
>>> import pandas as pd, dask.dataframe as dd
>>> import presslens, presslens.dask
>>> frame = pd.DataFrame({
...     "id": ["a", "b", "c"],
...     "outlet": ["x.com", "y.com", "x.com"],
...     "text": ["Talks paused on Monday.", "Talks resumed.", "Talks paused again."],
... })
>>> ddf = dd.from_pandas(frame, npartitions=2)
>>> counts = presslens.dask.term_counts(ddf, by="outlet")
>>> counts.top(1)
   group     term  count     share
0  x.com   paused      2  0.285714
1  y.com  resumed      1  0.500000
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np

from presslens import _presslens
from presslens._dependencies import require
from presslens.corpus import Corpus
from presslens.exceptions import EmptyCorpusError, InvalidArgumentError
from presslens.overlap import OverlapMatrix
from presslens.streaming import (
    DocumentFrequencies,
    cosine_norms,
    finish_cosine,
    finish_sets,
    sum_matrices,
    unit_texts,
)
from presslens.terms import TermCounts
from presslens.terms import term_counts as _term_counts

if TYPE_CHECKING:
    import pandas as pd

    from presslens.sklearn import TfidfVectorizer

__all__ = ["near_duplicates", "overlap", "summarize_groups", "term_counts", "tfidf"]

_LOW = np.uint64(0xFFFF_FFFF)
_ALL_PAIRS_GROUP = 64  # as the core's near_duplicates


def _own(a: Any, dtype: Any = None) -> Any:
    """An aligned, C-contiguous array (arrays unpickled from another worker may be neither)."""
    return np.require(a, dtype=dtype, requirements=["C", "A"])


def _dask() -> Any:
    return require("dask", feature="presslens.dask")


def _columns(
    ddf: Any, *, text: str, id: str | None, outlet: str | None, need_outlet: bool = False
) -> dict[str, Any]:
    """Check the frame and the columns; returns the Corpus.from_pandas arguments."""
    if not (hasattr(ddf, "to_delayed") and hasattr(ddf, "npartitions") and hasattr(ddf, "columns")):
        raise InvalidArgumentError(
            f"presslens.dask needs a dask DataFrame, got {type(ddf).__name__}; for a pandas "
            "frame use presslens.Corpus.from_pandas and the single-process functions"
        )
    available = [str(c) for c in ddf.columns]
    missing = [c for c in (text, id) if c is not None and c not in available]
    if need_outlet and outlet is not None and outlet not in available:
        missing.append(outlet)
    if id is None or missing:
        raise InvalidArgumentError(
            f"the dask DataFrame needs the columns {missing or [id]!r} (available: "
            f"{available}); documents need unique ids across partitions, e.g. "
            "ddf = ddf.assign(id=...) or pass id=<column>"
        )
    return {"text": text, "id": id, "outlet": outlet if outlet in available else None}


def _corpus(frame: pd.DataFrame, cols: dict[str, Any]) -> Corpus:
    return Corpus.from_pandas(frame, **cols)


def _fold(combine: Callable[[Any, Any], Any], *parts: Any) -> Any:
    acc = parts[0]
    for part in parts[1:]:
        acc = combine(acc, part)
    return acc


def _tree(items: list[Any], combine: Callable[[Any, Any], Any], split_every: int) -> Any:
    """Combine delayed values pairwise in order (left to right), ``split_every`` at a time."""
    delayed = _dask().delayed
    if split_every < 2:
        raise InvalidArgumentError(f"split_every must be at least 2, got {split_every}")
    while len(items) > 1:
        items = [
            delayed(_fold, pure=True)(combine, *items[i : i + split_every])
            for i in range(0, len(items), split_every)
        ]
    return items[0]


# --------------------------------------------------------------------------------------------
# term counts and tf-idf
# --------------------------------------------------------------------------------------------


def _term_counts_part(
    frame: pd.DataFrame, cols: dict[str, Any], by: str, options: dict[str, Any]
) -> TermCounts:
    return _term_counts(_corpus(frame, cols), by=by, **options)


def _merge_counts(a: TermCounts, b: TermCounts) -> TermCounts:
    return a.merge(b)


def term_counts(
    ddf: Any,
    *,
    by: str = "document",
    text: str = "text",
    outlet: str | None = "outlet",
    id: str = "id",
    n_threads: int | None = 1,
    split_every: int = 8,
    **options: Any,
) -> TermCounts:
    """:func:`presslens.term_counts` over a dask DataFrame.

    Parameters
    ----------
    ddf
        A dask DataFrame with ``text`` and ``id`` columns (and ``outlet``, ``published``...
        for grouping by them).
    by
        As for :func:`presslens.term_counts`.
    text, outlet, id
        The columns holding each attribute.
    n_threads
        presslens threads inside each task (1: serial; None: the worker's global pool).
    split_every
        Partial states merged per task of the tree reduction.
    **options
        ``ngram_range``, ``lowercase``, ``stem``, ``stop_words``, ``min_df``, ``max_df``,
        ``max_features``, as for :func:`presslens.term_counts`.

    Returns
    -------
    TermCounts
        Equal to ``presslens.term_counts(Corpus.from_pandas(ddf.compute()), ...)``.

    Raises
    ------
    InvalidArgumentError
        When ``ddf`` is not a dask DataFrame or lacks a column, or for bad options.
    """
    cols = _columns(ddf, text=text, id=id, outlet=outlet)
    options = {**options, "n_threads": n_threads}
    delayed = _dask().delayed
    parts = [delayed(_term_counts_part, pure=True)(p, cols, by, options) for p in ddf.to_delayed()]
    result: TermCounts = _dask().compute(_tree(parts, _merge_counts, split_every))[0]
    return result


def _df_part(frame: pd.DataFrame, text: str, params: dict[str, Any]) -> DocumentFrequencies:
    return DocumentFrequencies.from_texts(frame[text], **params)


def _merge_df(a: DocumentFrequencies, b: DocumentFrequencies) -> DocumentFrequencies:
    return a.merge(b)


def _transform_part(vec: TfidfVectorizer, frame: pd.DataFrame, text: str) -> Any:
    if getattr(vec, "idf_", None) is not None:
        vec.idf_ = _own(vec.idf_)
    return vec.transform(frame[text])


def tfidf(
    ddf: Any,
    *,
    text: str = "text",
    n_threads: int | None = 1,
    split_every: int = 8,
    **params: Any,
) -> tuple[Any, TfidfVectorizer]:
    """A tf-idf matrix of a dask DataFrame's texts, in two passes.

    Pass 1 counts document frequencies per partition and merges them; the merged counts
    give the vocabulary and idf (``min_df``, ``max_df``, ``max_features`` applied to the
    whole). Pass 2 transforms each partition with that fixed vocabulary and idf.

    Parameters
    ----------
    ddf
        A dask DataFrame with a text column.
    text
        The text column.
    n_threads
        presslens threads inside each task.
    split_every
        Partial states merged per task in pass 1.
    **params
        :class:`presslens.sklearn.TfidfVectorizer` parameters (scikit-learn's).

    Returns
    -------
    (scipy.sparse.csr_matrix, TfidfVectorizer)
        The matrix (rows in partition order), equal to
        ``TfidfVectorizer(**params).fit_transform(all_texts)``, and the fitted vectorizer.

    Raises
    ------
    EmptyCorpusError
        When no term is left.
    """
    if text not in [str(c) for c in getattr(ddf, "columns", [])]:
        _columns(ddf, text=text, id=text, outlet=None)
    dask = _dask()
    sp = require("scipy.sparse", feature="presslens.dask.tfidf")
    params = {**params, "n_threads": n_threads}
    frame = ddf[[text]]
    parts = frame.to_delayed()
    partials = [dask.delayed(_df_part, pure=True)(p, text, params) for p in parts]
    merged: DocumentFrequencies = dask.compute(_tree(partials, _merge_df, split_every))[0]
    vec = merged.vectorizer()
    mats = dask.compute(*[dask.delayed(_transform_part)(vec, p, text) for p in parts])
    out_dtype = vec._out_dtype()
    if not mats:
        return sp.csr_matrix((0, len(vec.vocabulary_)), dtype=out_dtype), vec
    matrix = sp.vstack(list(mats), format="csr", dtype=mats[0].dtype)
    return matrix, vec


# --------------------------------------------------------------------------------------------
# overlap
# --------------------------------------------------------------------------------------------


def _group_of_ranges(h: np.ndarray[Any, Any], n_groups: int) -> np.ndarray[Any, Any]:
    return ((h >> np.uint64(56)).astype(np.int64) * n_groups) // 256


def _overlap_part(
    frame: pd.DataFrame,
    cols: dict[str, Any],
    by: str,
    ngram: int,
    n_threads: int | None,
    n_groups: int,
) -> tuple[list[Hashable], list[tuple[Any, Any, Any]]]:
    labels, texts, units = unit_texts(_corpus(frame, cols), by)
    h, u, c = _presslens.shingle_unit_entries(
        texts, np.asarray(units, dtype=np.uint32), ngram=ngram, n_threads=n_threads
    )
    group = _group_of_ranges(h, n_groups)  # h is sorted, so groups are contiguous
    bounds = np.searchsorted(group, np.arange(n_groups + 1))
    pieces = [(h[a:b], u[a:b], c[a:b]) for a, b in pairwise(bounds)]
    return labels, pieces


def _labels_of(part: tuple[list[Hashable], Any]) -> list[Hashable]:
    return part[0]


def _range_entries(
    parts: Sequence[tuple[list[Hashable], list[tuple[Any, Any, Any]]]],
    remaps: Sequence[np.ndarray[Any, Any]],
    g: int,
) -> tuple[Any, Any, Any]:
    hs, us, cs = [], [], []
    for (_, pieces), remap in zip(parts, remaps, strict=True):
        h, u, c = pieces[g]
        if len(h):
            hs.append(h)
            us.append(remap[u])
            cs.append(c)
    if not hs:
        return (np.zeros(0, np.uint64), np.zeros(0, np.uint32), np.zeros(0, np.uint32))
    return (
        _own(np.concatenate(hs), np.uint64),
        _own(np.concatenate(us), np.uint32),
        _own(np.concatenate(cs), np.uint32),
    )


def _range_intersections(n: int, g: int, remaps: Any, *parts: Any) -> Any:
    return _presslens.overlap_range_intersections(*_range_entries(parts, remaps, g), n)


def _range_norms(n: int, g: int, remaps: Any, *parts: Any) -> Any:
    return _presslens.overlap_range_sq_norms(*_range_entries(parts, remaps, g), n)


def _range_dots(n: int, g: int, remaps: Any, norm: Any, *parts: Any) -> Any:
    return _presslens.overlap_range_dots(*_range_entries(parts, remaps, g), n, _own(norm))


def _add_matrices(a: Any, b: Any) -> Any:
    return a + b


def overlap(
    ddf: Any,
    *,
    by: str = "outlet",
    measure: str = "containment",
    ngram: int = 5,
    text: str = "text",
    outlet: str = "outlet",
    id: str = "id",
    n_threads: int | None = 1,
    n_ranges: int | None = None,
) -> OverlapMatrix:
    """:func:`presslens.overlap` over a dask DataFrame, exactly.

    Each partition gives its ``(shingle, outlet, count)`` entries, cut into ``n_ranges``
    groups of shingle-hash ranges; each group is reduced over all partitions to pairwise
    intersection counts (cosine: per-range tf-idf norms, then fixed-point dot products, as
    the core computes them), and the integer matrices are summed.

    Parameters
    ----------
    ddf
        A dask DataFrame with text, id and outlet columns.
    by
        ``"outlet"`` or ``"document"`` (at most 20,000 documents).
    measure, ngram
        As for :func:`presslens.overlap`.
    text, outlet, id
        The columns holding each attribute.
    n_threads
        presslens threads inside each task.
    n_ranges
        Reduce tasks (default: the number of partitions, at most 256).

    Returns
    -------
    OverlapMatrix
        Equal to ``presslens.overlap(Corpus.from_pandas(ddf.compute()), ...)``.

    Raises
    ------
    EmptyCorpusError
        When no document has an outlet (by outlet) or there is no document.
    InvalidArgumentError
        For a bad ``by``, ``measure``, ``ngram`` or frame.
    """
    cols = _columns(ddf, text=text, id=id, outlet=outlet, need_outlet=by == "outlet")
    if by not in ("outlet", "document"):
        raise InvalidArgumentError(f"by must be 'outlet' or 'document', got {by!r}")
    if measure not in ("containment", "jaccard", "cosine"):
        raise InvalidArgumentError(
            f"measure must be 'containment', 'jaccard' or 'cosine', got {measure!r}"
        )
    if isinstance(ngram, bool) or not isinstance(ngram, int) or ngram < 1:
        raise InvalidArgumentError(f"ngram must be a positive integer, got {ngram!r}")
    dask = _dask()
    delayed = dask.delayed
    n_groups = n_ranges or max(1, min(256, ddf.npartitions))
    if not 1 <= n_groups <= 256:
        raise InvalidArgumentError(f"n_ranges must be between 1 and 256, got {n_ranges}")
    parts = [
        delayed(_overlap_part, pure=True)(p, cols, by, ngram, n_threads, n_groups)
        for p in ddf.to_delayed()
    ]
    (parts,) = dask.persist(parts)
    label_lists = dask.compute(*[delayed(_labels_of)(p) for p in parts])
    labels, remaps = _global_units(label_lists, by)
    n = len(labels)
    if n == 0:
        what = "documents" if by == "document" else "documents with an outlet"
        raise EmptyCorpusError(f"overlap needs at least one of the corpus's {what}; got none")
    if n > 20_000:
        raise InvalidArgumentError(
            f"an overlap matrix of {n} units is too large (limit 20000); use by='outlet'"
        )
    if measure == "cosine":
        norm_parts = dask.compute(
            *[delayed(_range_norms)(n, g, remaps, *parts) for g in range(n_groups)]
        )
        norm = cosine_norms(norm_parts, n)
        dots = [delayed(_range_dots)(n, g, remaps, norm, *parts) for g in range(n_groups)]
        total = dask.compute(_tree(dots, _add_matrices, 8))[0]
        return finish_cosine(total, norm, labels, by=by, ngram=ngram)
    inter = [delayed(_range_intersections)(n, g, remaps, *parts) for g in range(n_groups)]
    total = dask.compute(_tree(inter, _add_matrices, 8))[0]
    return finish_sets(sum_matrices([total], n), labels, measure=measure, by=by, ngram=ngram)


def _global_units(
    label_lists: Sequence[list[Hashable]], by: str
) -> tuple[list[Hashable], list[np.ndarray[Any, Any]]]:
    """Global unit labels (sorted outlets, or ids in order) and each part's local->global map."""
    if by == "outlet":
        labels: list[Hashable] = sorted({x for ls in label_lists for x in ls}, key=str)
    else:
        labels = [x for ls in label_lists for x in ls]
        if len(set(labels)) != len(labels):
            raise InvalidArgumentError("document ids must be unique across partitions")
    index = {x: i for i, x in enumerate(labels)}
    remaps = [np.array([index[x] for x in ls], dtype=np.uint32) for ls in label_lists]
    return labels, remaps


# --------------------------------------------------------------------------------------------
# near duplicates
# --------------------------------------------------------------------------------------------


def _nd_sketch(
    frame: pd.DataFrame, cols: dict[str, Any], p: int, opts: dict[str, Any]
) -> dict[str, Any]:
    corpus = _corpus(frame, cols)
    flat, indptr, k1, k2, band_keys, sigs = _presslens.near_dup_sketch(
        corpus.texts,
        ngram=opts["ngram"],
        num_perm=opts["num_perm"],
        seed=opts["seed"],
        bands=opts["bands"],
        rows=opts["rows"],
        n_threads=opts["n_threads"],
    )
    local = np.flatnonzero(np.diff(indptr) > 0).astype(np.uint64)
    return {
        "ids": corpus.ids,
        "flat": flat,
        "indptr": indptr,
        "pos": (np.uint64(p) << np.uint64(32)) | local,
        "k1": k1[local.astype(np.int64)],
        "k2": k2[local.astype(np.int64)],
        "bands": band_keys[local.astype(np.int64)],
        "sigs": None if opts["verify"] else sigs,
    }


def _fingerprints(sk: dict[str, Any]) -> tuple[Any, Any, Any]:
    return sk["k1"], sk["k2"], sk["pos"]


def _collapse(*fps: tuple[Any, Any, Any]) -> dict[str, Any]:
    """Groups of identical shingle sets (by two 64-bit fingerprints), as the core does."""
    k1 = np.concatenate([f[0] for f in fps])
    k2 = np.concatenate([f[1] for f in fps])
    pos = np.concatenate([f[2] for f in fps])
    order = np.lexsort((pos, k2, k1))
    k1, k2, pos = k1[order], k2[order], pos[order]
    change = np.r_[True, (k1[1:] != k1[:-1]) | (k2[1:] != k2[:-1]), True]
    starts = np.flatnonzero(change)
    groups: dict[int, np.ndarray[Any, Any]] = {}
    nonrep: list[np.ndarray[Any, Any]] = []
    dup_a: list[np.ndarray[Any, Any]] = []
    dup_b: list[np.ndarray[Any, Any]] = []
    for s, e in pairwise(starts):
        if e - s < 2:
            continue
        members = pos[s:e]
        groups[int(members[0])] = members
        nonrep.append(members[1:])
        if len(members) <= _ALL_PAIRS_GROUP:
            x, y = np.triu_indices(len(members), 1)
            dup_a.append(members[x])
            dup_b.append(members[y])
        else:
            dup_a.append(np.full(len(members) - 1, members[0]))
            dup_b.append(members[1:])
    empty = np.zeros(0, dtype=np.uint64)
    return {
        "groups": groups,
        "nonrep": np.sort(np.concatenate(nonrep)) if nonrep else empty,
        "dup_a": np.concatenate(dup_a) if dup_a else empty,
        "dup_b": np.concatenate(dup_b) if dup_b else empty,
    }


def _nonrep(collapsed: dict[str, Any]) -> Any:
    return collapsed["nonrep"]


def _band_split(sk: dict[str, Any], n_buckets: int) -> list[tuple[Any, Any]]:
    keys = sk["bands"].ravel()
    pos = np.repeat(sk["pos"], sk["bands"].shape[1])
    bucket = (keys % np.uint64(n_buckets)).astype(np.int64)
    order = np.argsort(bucket, kind="stable")
    bounds = np.searchsorted(bucket[order], np.arange(n_buckets + 1))
    return [(keys[order[a:b]], pos[order[a:b]]) for a, b in pairwise(bounds)]


def _bucket(
    r: int, nonrep: Any, max_bucket: int, grouping: tuple[int, int], *splits: list[tuple[Any, Any]]
) -> dict[tuple[int, int], tuple[Any, Any]]:
    """Candidate pairs of bucket ``r``, keyed by the groups of partitions holding them."""
    keys = np.concatenate([s[r][0] for s in splits])
    pos = np.concatenate([s[r][1] for s in splits])
    if len(nonrep):
        keep = ~np.isin(pos, nonrep)
        keys, pos = keys[keep], pos[keep]
    a, b = _presslens.lsh_bucket_pairs(_own(keys), _own(pos), max_bucket=max_bucket)
    n_groups, n_parts = grouping
    ga = (a >> np.uint64(32)).astype(np.int64) * n_groups // n_parts
    gb = (b >> np.uint64(32)).astype(np.int64) * n_groups // n_parts
    out: dict[tuple[int, int], tuple[Any, Any]] = {}
    if len(a) == 0:
        return out
    block = (ga * (1 << 32) + gb).astype(np.uint64)
    order = np.argsort(block, kind="stable")
    block, a, b = block[order], a[order], b[order]
    starts = np.flatnonzero(np.r_[True, block[1:] != block[:-1], True])
    for s, e in pairwise(starts):
        out[(int(block[s] >> np.uint64(32)), int(block[s] & _LOW))] = (a[s:e], b[s:e])
    return out


def _block_keys(bucket: dict[tuple[int, int], Any]) -> list[tuple[int, int]]:
    return list(bucket)


def _verify(opts: dict[str, Any], parts: list[int], *items: Any) -> tuple[Any, Any, Any]:
    """Verify the candidate pairs of one block.

    ``items`` are the sketches of ``parts``, then the block's pieces from every bucket.
    """
    sketches = dict(zip(parts, items[: len(parts)], strict=True))
    pieces = items[len(parts) :]
    pairs = np.unique(
        np.stack(
            [np.concatenate([p[0] for p in pieces]), np.concatenate([p[1] for p in pieces])],
            axis=1,
        ),
        axis=0,
    )
    a, b = np.ascontiguousarray(pairs[:, 0]), np.ascontiguousarray(pairs[:, 1])
    sim = np.zeros(len(a), dtype=np.float64)
    pa, pb = (a >> np.uint64(32)).astype(np.int64), (b >> np.uint64(32)).astype(np.int64)
    block = pa * (1 << 32) + pb
    order = np.argsort(block, kind="stable")
    starts = np.flatnonzero(np.r_[True, block[order][1:] != block[order][:-1], True])
    for s, e in pairwise(starts):
        idx = order[s:e]
        ska, skb = sketches[int(pa[idx[0]])], sketches[int(pb[idx[0]])]
        la, lb = a[idx] & _LOW, b[idx] & _LOW
        if opts["verify"]:
            sim[idx] = _presslens.set_jaccard_pairs(
                _own(ska["flat"]),
                _own(ska["indptr"]),
                _own(la),
                _own(skb["flat"]),
                _own(skb["indptr"]),
                _own(lb),
            )
        else:
            sa = ska["sigs"][la.astype(np.int64)]
            sb = skb["sigs"][lb.astype(np.int64)]
            sim[idx] = (sa == sb).sum(axis=1) / sa.shape[1]
    if opts["verify"]:
        keep = sim >= opts["threshold"]
        return a[keep], b[keep], sim[keep]
    return a, b, sim


def _pick(bucket: dict[tuple[int, int], Any], block: tuple[int, int]) -> Any:
    return bucket.get(block, (np.zeros(0, np.uint64), np.zeros(0, np.uint64)))


def _take_ids(sk: dict[str, Any], local: Any) -> list[str]:
    ids = sk["ids"]
    return [ids[i] for i in local.tolist()]


def near_duplicates(
    ddf: Any,
    *,
    threshold: float = 0.8,
    ngram: int = 5,
    num_perm: int = 128,
    seed: int = 0,
    verify: bool = True,
    text: str = "text",
    id: str = "id",
    n_threads: int | None = 1,
    n_buckets: int | None = None,
    max_bucket: int = 200,
) -> pd.DataFrame:
    """:func:`presslens.near_duplicates` over a dask DataFrame, exactly.

    1. Per partition: shingle sets, MinHash signatures, LSH band keys (bands and rows as the
       single-process function chooses them) and two 64-bit fingerprints of each set.
    2. Identical sets are grouped by fingerprint and collapsed to their first document.
    3. Band keys of the remaining documents are shuffled into ``n_buckets`` buckets; each
       bucket pairs documents sharing a key (at most ``max_bucket`` earlier members each).
    4. Candidate pairs are grouped by the two partitions holding them and verified by exact
       Jaccard similarity of their shingle sets.

    Parameters
    ----------
    ddf
        A dask DataFrame with text and id columns.
    threshold, ngram, num_perm, seed, verify
        As for :func:`presslens.near_duplicates`.
    text, id
        The columns holding each attribute.
    n_threads
        presslens threads inside each task.
    n_buckets
        Bucket tasks (default: the number of partitions, at most 16). Candidates are verified
        in blocks of two groups of partitions (at most 8 groups), so the number of tasks
        stays small for many partitions.
    max_bucket
        Earlier bucket members each document is paired with (as the core).

    Returns
    -------
    pandas.DataFrame
        Columns ``a``, ``b`` (ids) and ``similarity``, sorted by the positions of ``a`` then
        ``b``: equal to ``presslens.near_duplicates(Corpus.from_pandas(ddf.compute()))``.

    Raises
    ------
    InvalidArgumentError
        For a threshold outside (0, 1], ``ngram < 1``, ``num_perm < 2`` or a bad frame.
    """
    pdm = require("pandas", feature="presslens.dask.near_duplicates")
    cols = _columns(ddf, text=text, id=id, outlet=None)
    # The core validates the settings (threshold, ngram, num_perm) on an empty corpus.
    _presslens.near_duplicates([], threshold=threshold, ngram=ngram, num_perm=num_perm, seed=seed)
    bands, rows = _presslens.lsh_params(threshold, num_perm, (0.05, 0.95))
    opts = {
        "threshold": float(threshold),
        "ngram": ngram,
        "num_perm": num_perm,
        "seed": seed,
        "bands": bands,
        "rows": rows,
        "verify": bool(verify),
        "n_threads": n_threads,
    }
    dask = _dask()
    delayed = dask.delayed
    n_parts = ddf.npartitions
    n_buckets = n_buckets or max(1, min(16, n_parts))
    n_groups = max(1, min(8, n_parts))
    sketches = [
        delayed(_nd_sketch, pure=True)(frame, cols, p, opts)
        for p, frame in enumerate(ddf.to_delayed())
    ]
    (sketches,) = dask.persist(sketches)
    collapsed = delayed(_collapse)(*[delayed(_fingerprints)(s) for s in sketches])
    nonrep = delayed(_nonrep)(collapsed)
    splits = [delayed(_band_split)(s, n_buckets) for s in sketches]
    grouping = (n_groups, n_parts)
    buckets = [delayed(_bucket)(r, nonrep, max_bucket, grouping, *splits) for r in range(n_buckets)]
    collapsed, buckets = dask.persist(collapsed, buckets)
    block_lists = dask.compute(*[delayed(_block_keys)(b) for b in buckets])
    blocks = sorted({blk for bl in block_lists for blk in bl})
    members = [[p for p in range(n_parts) if p * n_groups // n_parts == g] for g in range(n_groups)]
    tasks = []
    for ga, gb in blocks:
        parts = members[ga] + (members[gb] if gb != ga else [])
        picks = [delayed(_pick)(b, (ga, gb)) for b in buckets]
        tasks.append(delayed(_verify)(opts, parts, *[sketches[p] for p in parts], *picks))
    verified = dask.compute(*tasks)
    (col,) = dask.compute(collapsed)
    a, b, sim = _expand(col, verified)
    order = np.lexsort((b, a))
    a, b, sim = a[order], b[order], sim[order]
    ids_a, ids_b = _ids_for(dask, sketches, a, b)
    frame: pd.DataFrame = pdm.DataFrame({"a": ids_a, "b": ids_b, "similarity": sim})
    return frame


def _expand(col: dict[str, Any], verified: Sequence[tuple[Any, Any, Any]]) -> tuple[Any, Any, Any]:
    """Report pairs as the core does: group members expanded for groups of at most 64."""
    groups: dict[int, np.ndarray[Any, Any]] = col["groups"]
    out_a = [col["dup_a"]]
    out_b = [col["dup_b"]]
    out_s = [np.ones(len(col["dup_a"]))]
    keys = np.fromiter(groups, dtype=np.uint64, count=len(groups))
    for a, b, s in verified:
        grouped = np.isin(a, keys) | np.isin(b, keys)
        out_a.append(a[~grouped])
        out_b.append(b[~grouped])
        out_s.append(s[~grouped])
        for x, y, sim in zip(a[grouped], b[grouped], s[grouped], strict=True):
            ga = groups.get(int(x), np.array([x], dtype=np.uint64))
            gb = groups.get(int(y), np.array([y], dtype=np.uint64))
            if len(ga) <= _ALL_PAIRS_GROUP and len(gb) <= _ALL_PAIRS_GROUP:
                xx, yy = np.meshgrid(ga, gb, indexing="ij")
                xx, yy = xx.ravel(), yy.ravel()
                out_a.append(np.minimum(xx, yy))
                out_b.append(np.maximum(xx, yy))
                out_s.append(np.full(len(xx), sim))
            else:
                out_a.append(np.array([x], dtype=np.uint64))
                out_b.append(np.array([y], dtype=np.uint64))
                out_s.append(np.array([sim]))
    return (
        np.concatenate(out_a).astype(np.uint64),
        np.concatenate(out_b).astype(np.uint64),
        np.concatenate(out_s).astype(np.float64),
    )


def _ids_for(dask: Any, sketches: list[Any], a: Any, b: Any) -> tuple[Any, Any]:
    """Document ids at global positions (partition << 32 | row)."""
    wanted = np.unique(np.concatenate([a, b]))
    part = (wanted >> np.uint64(32)).astype(np.int64)
    lookups = []
    parts = np.unique(part)
    for p in parts.tolist():
        local = wanted[part == p] & _LOW
        lookups.append(dask.delayed(_take_ids)(sketches[p], local))
    found = dask.compute(*lookups)
    names = np.empty(len(wanted), dtype=object)
    for p, ids in zip(parts.tolist(), found, strict=True):
        names[part == p] = ids
    ids_a = names[np.searchsorted(wanted, a)] if len(a) else np.empty(0, dtype=object)
    ids_b = names[np.searchsorted(wanted, b)] if len(b) else np.empty(0, dtype=object)
    return ids_a, ids_b


# --------------------------------------------------------------------------------------------
# summaries per group
# --------------------------------------------------------------------------------------------


def _summarize_part(
    frame: pd.DataFrame, cols: dict[str, Any], by: str, options: dict[str, Any]
) -> pd.DataFrame:
    import presslens

    pdm = require("pandas", feature="presslens.dask.summarize_groups")
    summarize = presslens.summarize
    frames = []
    frame = frame.sort_values(["_presslens_part", "_presslens_row"], kind="stable")
    for key, group in frame.groupby(by, sort=True, dropna=True):
        corpus = _corpus(group, cols)
        summary = summarize(corpus, **options).to_pandas()
        summary.insert(0, by, key)
        frames.append(summary)
    out: pd.DataFrame = pdm.concat(frames, ignore_index=True) if frames else pdm.DataFrame({by: []})
    return out


def _with_position(frame: pd.DataFrame, partition_info: dict[str, Any] | None = None) -> Any:
    p = partition_info["number"] if partition_info else 0
    return frame.assign(_presslens_part=p, _presslens_row=np.arange(len(frame)))


def summarize_groups(
    ddf: Any,
    *,
    by: str = "story",
    method: str = "lexrank",
    max_words: int = 100,
    text: str = "text",
    outlet: str | None = "outlet",
    id: str = "id",
    **options: Any,
) -> pd.DataFrame:
    """One :func:`presslens.summarize` per group (story, event, outlet...) of a dask DataFrame.

    Rows are shuffled so each group sits in one partition, put back in their original order
    inside the group, and summarised as one corpus.

    Parameters
    ----------
    ddf
        A dask DataFrame with text, id and ``by`` columns (e.g. the story ids of
        :func:`presslens.cluster_stories`).
    by
        The grouping column.
    method, max_words, **options
        As for :func:`presslens.summarize`.
    text, outlet, id
        The columns holding each attribute.

    Returns
    -------
    pandas.DataFrame
        The rows of each group's ``Summary.to_pandas()``, with the group in column ``by``,
        groups in sorted order.

    Raises
    ------
    InvalidArgumentError
        When ``by`` is not a column.
    MissingDependencyError
        When this presslens has no ``summarize``.
    """
    import presslens

    pdm = require("pandas", feature="presslens.dask.summarize_groups")
    cols = _columns(ddf, text=text, id=id, outlet=outlet)
    if by not in [str(c) for c in ddf.columns]:
        raise InvalidArgumentError(
            f"no column {by!r} to group by; available: {[str(c) for c in ddf.columns]}"
        )
    if not hasattr(presslens, "summarize"):
        raise InvalidArgumentError(
            "summarize_groups needs presslens.summarize, which this build does not have"
        )
    options = {**options, "method": method, "max_words": max_words}
    dask = _dask()
    meta = ddf._meta.assign(_presslens_part=0, _presslens_row=0)
    located = ddf.map_partitions(_with_position, meta=meta)
    shuffled = located.shuffle(on=by)
    parts = [dask.delayed(_summarize_part)(p, cols, by, options) for p in shuffled.to_delayed()]
    frames = [f for f in dask.compute(*parts) if len(f)]
    if not frames:
        none: pd.DataFrame = pdm.DataFrame({by: []})
        return none
    out = pdm.concat(frames, ignore_index=True)
    order = sorted(range(len(out)), key=lambda i: (str(out[by].iloc[i]), i))
    result: pd.DataFrame = out.iloc[order].reset_index(drop=True)
    return result
