"""Runtime configuration: thread pool size and display limits.

Examples
--------
>>> import presslens
>>> presslens.config.thread_pool_size() >= 1
True
>>> presslens.config.display.max_rows
20
>>> with presslens.config.display_options(max_rows=5):
...     presslens.config.display.max_rows
5
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace

from presslens import _presslens
from presslens.exceptions import InvalidArgumentError

__all__ = [
    "DisplayOptions",
    "display",
    "display_options",
    "effective_threads",
    "thread_pool_size",
]


def thread_pool_size() -> int:
    """Size of the global thread pool.

    It is ``PRESSLENS_NUM_THREADS`` when that is set to a positive integer before the first
    parallel call, else the number of CPUs. It is read once per process.

    Returns
    -------
    int
        Number of threads in the global pool.
    """
    return _presslens.thread_pool_size()


def effective_threads(n_threads: int | None = None) -> int:
    """Threads a call given ``n_threads`` would use.

    Parameters
    ----------
    n_threads
        ``None`` for the global pool, ``1`` for serial, ``-1`` for every CPU, or a pool size.

    Returns
    -------
    int
        The thread count; always 1 in a process forked after a pool started.

    Examples
    --------
    >>> effective_threads(1)
    1
    """
    return _presslens.effective_threads(n_threads)


@dataclass
class DisplayOptions:
    """Size caps for rich displays (``_repr_html_``) in notebooks.

    Every cap bounds the work a display does, so a million-document corpus renders as fast
    as a ten-document one. Change them on :data:`display` or for a block with
    :func:`display_options`.

    Attributes
    ----------
    max_rows
        Rows shown in a table (outlets, groups, removals, sentences); the rest are summarised
        in one "... and N more" line.
    max_chars
        Characters of document text shown.
    max_labels
        Rows and columns shown of an overlap matrix.
    max_terms
        Terms shown per group of term counts.
    max_count_chars
        Corpus displays count words exactly up to this many characters of text, then
        extrapolate from an evenly spaced sample of documents (marked with "≈").
    """

    max_rows: int = 20
    max_chars: int = 5_000
    max_labels: int = 30
    max_terms: int = 10
    max_count_chars: int = 20_000_000

    def __setattr__(self, name: str, value: object) -> None:
        if name not in {f.name for f in fields(DisplayOptions)}:
            raise AttributeError(f"DisplayOptions has no option {name!r}")
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InvalidArgumentError(
                f"display option {name} must be a positive int, got {value!r}"
            )
        object.__setattr__(self, name, value)


display = DisplayOptions()
"""The display caps in effect (see :class:`DisplayOptions`)."""


@contextmanager
def display_options(**options: int) -> Iterator[DisplayOptions]:
    """Set display caps for the duration of a ``with`` block.

    Parameters
    ----------
    **options
        Any :class:`DisplayOptions` attribute, e.g. ``max_rows=50``.

    Yields
    ------
    DisplayOptions
        The options in effect inside the block.

    Raises
    ------
    AttributeError
        For an unknown option.
    InvalidArgumentError
        For a value that is not a positive int.
    """
    saved = replace(display)
    try:
        for name, value in options.items():
            setattr(display, name, value)
        yield display
    finally:
        for f in fields(DisplayOptions):
            object.__setattr__(display, f.name, getattr(saved, f.name))
