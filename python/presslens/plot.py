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

__all__ = ["distinctive_terms", "overlap_matrix"]


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
