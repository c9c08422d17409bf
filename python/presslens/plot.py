"""Plots with matplotlib (extra ``plot``): overlap heat-maps and distinctive terms.

Each function draws on an Axes you pass, or on a new figure, and returns what it drew on, so
you can restyle or save it. matplotlib is imported when a function is called.

Examples
--------
>>> import presslens
>>> from presslens.datasets import load_demo
>>> corpus = load_demo()
>>> ax = presslens.overlap(corpus, by="outlet").plot()
>>> fig = presslens.plot.distinctive_terms(presslens.distinctive_terms(corpus, top=5))
>>> len(fig.axes) >= len(corpus.outlets)
True
>>> ax = presslens.plot.coverage(presslens.align_sentences(corpus.clean()), doc="demo-02")
>>> ax.get_title()
'Which outlets carry the sentences of demo-02 (Continental Press Agency)'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from presslens._dependencies import require
from presslens._html import outlet_colour
from presslens.exceptions import InvalidArgumentError

if TYPE_CHECKING:
    from presslens.overlap import OverlapMatrix

__all__ = ["coverage", "distinctive_terms", "overlap_matrix"]


def _pyplot() -> Any:
    return require("matplotlib.pyplot", feature="plotting")


def overlap_matrix(
    matrix: OverlapMatrix,
    *,
    ax: Any = None,
    annotate: bool | None = None,
    cmap: str = "Blues",
    max_labels: int | None = None,
) -> Any:
    """Draw an :class:`~presslens.OverlapMatrix` as a labelled heat-map.

    Parameters
    ----------
    matrix
        The matrix to draw (rows: the unit whose share is measured).
    ax
        A matplotlib Axes; a new figure is made when ``None``.
    annotate
        Write each value in its cell; by default only with at most 15 labels.
    cmap
        A matplotlib colour map name.
    max_labels
        Draw only the first this many labels (default: all).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    InvalidArgumentError
        When ``max_labels`` is not a positive int.
    """
    plt = _pyplot()
    k = len(matrix.labels)
    if max_labels is not None:
        if isinstance(max_labels, bool) or not isinstance(max_labels, int) or max_labels < 1:
            raise InvalidArgumentError(f"max_labels must be a positive int, got {max_labels!r}")
        k = min(k, max_labels)
    values = np.asarray(matrix.values)[:k, :k]
    labels = matrix.labels[:k]
    if ax is None:
        size = max(3.0, min(14.0, 0.55 * k + 2.0))
        _, ax = plt.subplots(figsize=(size + 1.0, size))
    image = ax.imshow(values, cmap=cmap, vmin=0.0, vmax=1.0)
    ax.set_xticks(range(k), labels=labels, rotation=45, ha="right")
    ax.set_yticks(range(k), labels=labels)
    if annotate is None:
        annotate = k <= 15
    if annotate:
        for i in range(k):
            for j in range(k):
                v = values[i, j]
                ax.text(
                    j,
                    i,
                    "–" if math.isnan(v) else f"{v:.2f}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if v > 0.55 else "black",
                )
    ax.set_title(f"{matrix.measure} overlap by {matrix.by} ({matrix.ngram}-word shingles)")
    ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    return ax


def distinctive_terms(
    df: Any,
    *,
    top: int = 10,
    value: str = "z",
    ncols: int = 3,
    groups: list[Any] | None = None,
) -> Any:
    """Bar charts of the most distinctive terms, one panel per outlet (or group).

    Parameters
    ----------
    df
        The frame from :func:`presslens.distinctive_terms` (columns ``group``, ``term`` and
        ``value``).
    top
        Terms per panel, highest ``value`` first.
    value
        The column to plot: ``"z"`` (default) or ``"log_odds"``.
    ncols
        Panels per row.
    groups
        The groups to draw, in order (default: every group in ``df``).

    Returns
    -------
    matplotlib.figure.Figure
        One Axes per group.

    Raises
    ------
    InvalidArgumentError
        When ``df`` lacks the columns, ``top`` or ``ncols`` is not positive, or there is no
        group to draw.
    """
    plt = _pyplot()
    for name in ("group", "term", value):
        if name not in getattr(df, "columns", ()):
            raise InvalidArgumentError(
                f"df needs a {name!r} column: pass the frame from presslens.distinctive_terms"
            )
    for name, v in (("top", top), ("ncols", ncols)):
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise InvalidArgumentError(f"{name} must be a positive int, got {v!r}")
    chosen = list(dict.fromkeys(df["group"])) if groups is None else list(groups)
    if not chosen:
        raise InvalidArgumentError("no group to draw: df is empty")
    ncols = min(ncols, len(chosen))
    nrows = math.ceil(len(chosen) / ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.0 * ncols, 0.32 * top * nrows + 1.2 * nrows), squeeze=False
    )
    for n, group in enumerate(chosen):
        ax = axes[n // ncols][n % ncols]
        part = df[df["group"] == group].nlargest(top, value)
        terms = list(part["term"])[::-1]
        vals = list(part[value])[::-1]
        ax.barh(range(len(terms)), vals, color=outlet_colour(group))
        ax.set_yticks(range(len(terms)), labels=terms)
        ax.set_title(str(group), fontsize=10)
        ax.set_xlabel(value)
    for n in range(len(chosen), nrows * ncols):
        fig.delaxes(axes[n // ncols][n % ncols])
    fig.tight_layout()
    return fig


def coverage(
    alignment: Any,
    *,
    doc: str | None = None,
    ax: Any = None,
    max_sentences: int = 60,
    label_chars: int = 60,
) -> Any:
    """Which outlets carry which sentences of one article: a sentence × outlet heat-map.

    Parameters
    ----------
    alignment
        The frame from :func:`presslens.align_sentences`.
    doc
        The article whose sentences are the rows (default: the one whose sentences other
        outlets carry most, by the sum of ``shared_by``).
    ax
        A matplotlib Axes; a new figure is made when ``None``.
    max_sentences
        Draw at most this many sentences (the first ones).
    label_chars
        Characters of each sentence shown as its row label.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: cell ``(i, outlet)`` is the similarity of sentence ``i`` to its
        best match in that outlet (1 for the article's own outlet, 0 for no match).

    Raises
    ------
    InvalidArgumentError
        When ``alignment`` is not an ``align_sentences`` frame, ``doc`` is not in it, or it
        is empty.
    """
    plt = _pyplot()
    columns = list(getattr(alignment, "columns", ()))
    needed = ("doc", "outlet", "sentence", "text", "shared_by")
    if any(c not in columns for c in needed):
        raise InvalidArgumentError(
            "alignment needs the columns of presslens.align_sentences "
            f"({', '.join(needed)}, '<outlet>:similarity')"
        )
    if len(alignment) == 0:
        raise InvalidArgumentError("alignment is empty: there is no sentence to draw")
    for name, v in (("max_sentences", max_sentences), ("label_chars", label_chars)):
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise InvalidArgumentError(f"{name} must be a positive int, got {v!r}")
    outlets = [c[: -len(":similarity")] for c in columns if c.endswith(":similarity")]
    if doc is None:
        doc = str(alignment.groupby("doc", sort=False)["shared_by"].sum().idxmax())
    rows = alignment[alignment["doc"] == doc].sort_values("sentence").head(max_sentences)
    if len(rows) == 0:
        raise InvalidArgumentError(f"doc {doc!r} is not in the alignment")
    own = rows["outlet"].iloc[0]
    values = np.zeros((len(rows), len(outlets)))
    for j, outlet in enumerate(outlets):
        if outlet == own:
            values[:, j] = 1.0
        else:
            col = rows[f"{outlet}:similarity"].to_numpy(dtype=float, na_value=np.nan)
            values[:, j] = np.nan_to_num(col, nan=0.0)
    labels = [
        f"{int(i)}. {t[:label_chars]}{'…' if len(t) > label_chars else ''}"
        for i, t in zip(rows["sentence"], rows["text"], strict=True)
    ]
    if ax is None:
        _, ax = plt.subplots(
            figsize=(2.0 + 0.7 * len(outlets) + 0.06 * label_chars, 1.0 + 0.3 * len(rows))
        )
    image = ax.imshow(values, cmap="Blues", vmin=0.0, vmax=1.0, aspect="auto")
    ax.set_xticks(range(len(outlets)), labels=outlets, rotation=45, ha="right")
    ax.set_yticks(range(len(rows)), labels=labels, fontsize=8)
    ax.set_title(f"Which outlets carry the sentences of {doc} ({own})")
    ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="similarity")
    return ax
