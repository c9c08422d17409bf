"""Progress bars for corpus-level calls (``progress=None|True|False``).

The Rust core counts completed work items (documents, sentences, candidate pairs) in an atomic
counter as its parallel loops run; a Python thread polls that counter ten times a second and
moves a tqdm bar (extra ``progress``). The work itself never waits for the display: the cost is
one relaxed atomic add per item (see ``benchmarks/bench_progress.py``).

``progress=None`` (the default) shows a bar only when the call is expected to take more than
about two seconds (from the input size, the thread count and the call's measured throughput)
and the output is a terminal or a notebook; ``True`` always shows one (and needs tqdm);
``False`` never does.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

from presslens import _presslens
from presslens._dependencies import require
from presslens.exceptions import InvalidArgumentError

__all__ = ["LONG_SECONDS", "should_show", "tracked", "with_progress"]

P = ParamSpec("P")
R = TypeVar("R")

LONG_SECONDS = 2.0
"""Calls expected to take longer than this show a bar under ``progress=None``."""

_POLL_SECONDS = 0.1

_state = threading.local()  # .active: a bar is counting this thread's native calls


def _interactive() -> bool:
    """Whether output goes to a terminal or a Jupyter notebook."""
    if "ipykernel" in sys.modules:
        # Looked up dynamically: IPython's typing differs between versions.
        get_ipython = getattr(sys.modules.get("IPython"), "get_ipython", None)
        shell = get_ipython() if callable(get_ipython) else None
        return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"
    stream = sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb"


def _texts_of(source: Any) -> tuple[int, int]:
    """Number of documents and characters of a corpus, a list of str or a str."""
    if isinstance(source, str):
        return 1, len(source)
    texts = getattr(source, "texts", None)
    if texts is None:
        try:
            texts = [getattr(x, "text", x) for x in source]
        except TypeError:
            return 0, 0
    n = chars = 0
    for t in texts:
        n += 1
        if isinstance(t, str):
            chars += len(t)
    return n, chars


def should_show(progress: bool | None, seconds: float) -> bool:
    """Decide whether to draw a bar (see the module documentation)."""
    if progress is None:
        return seconds > LONG_SECONDS and _interactive()
    if isinstance(progress, bool):
        return progress
    raise InvalidArgumentError(f"progress must be None, True or False, got {progress!r}")


@contextmanager
def tracked(
    progress: bool | None,
    source: Any,
    *,
    desc: str,
    mb_per_s: float,
    items_per_doc: float | None = 1.0,
    n_threads: int | None = None,
) -> Iterator[None]:
    """Show a progress bar for the native calls made inside the ``with`` block.

    Parameters
    ----------
    progress
        ``None`` (automatic), ``True`` or ``False``.
    source
        The call's documents (a Corpus, a list of str or a str): sizes the estimate and the bar.
    desc
        The bar's label.
    mb_per_s
        The call's throughput on one thread (measured), for the time estimate.
    items_per_doc
        Work items the core counts per document (measured), for the bar's total; ``None``
        when the count does not grow with the documents (pairs, chunks): the bar then shows
        items done and their rate, without a percentage.
    n_threads
        The call's ``n_threads``.

    Raises
    ------
    InvalidArgumentError
        For a ``progress`` that is not None, True or False.
    MissingDependencyError
        With ``progress=True`` when tqdm is not installed.
    """
    if progress is False or getattr(_state, "active", False):
        yield  # no bar, or a bar is already counting this thread's work (nested calls)
        return
    if progress is None and not _interactive():
        yield  # checked first: scripts and batch jobs pay nothing for the estimate
        return
    n_docs, chars = _texts_of(source)
    threads = max(1, _presslens.effective_threads(n_threads))
    seconds = chars / (mb_per_s * 1e6 * threads)
    if not should_show(progress, seconds):
        yield
        return
    try:
        tqdm_auto = require("tqdm.auto", feature="progress bars")
    except ImportError:
        if progress:
            raise
        yield  # automatic bars are a nicety: no tqdm, no bar
        return
    total = None if items_per_doc is None else max(1, round(n_docs * items_per_doc))
    bar = tqdm_auto.tqdm(total=total, desc=desc, unit="item", leave=False, dynamic_ncols=True)
    counter = _presslens.ProgressCounter()
    stop = threading.Event()

    def poll() -> None:
        while not stop.wait(_POLL_SECONDS):
            done = counter.done
            shown = done if total is None else min(done, total - 1)  # last step: the return
            if shown > bar.n:
                bar.update(shown - bar.n)

    watcher = threading.Thread(target=poll, name="presslens-progress", daemon=True)
    _presslens._progress_begin(counter)
    _state.active = True
    watcher.start()
    ok = False
    try:
        yield
        ok = True
    finally:
        _state.active = False
        _presslens._progress_end()
        stop.set()
        watcher.join()
        if ok:
            bar.update((counter.done if total is None else total) - bar.n)
        bar.close()


def with_progress(
    desc: str, *, mb_per_s: float, items_per_doc: float | None = 1.0
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a corpus-level function with a ``progress`` keyword (see :func:`tracked`).

    The function declares ``progress: bool | None = None`` itself (so signatures, docs and
    type checkers show it) and ignores it; the decorator reads it, with ``n_threads`` and the
    first argument (the documents), and wraps the call.
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        params = list(inspect.signature(func).parameters)
        first = params[0]

        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            progress = kwargs.get("progress")
            source = args[0] if args else kwargs.get(first)
            if progress is False or source is None:
                return func(*args, **kwargs)
            n_threads = kwargs.get("n_threads")
            with tracked(
                progress,  # type: ignore[arg-type]
                source,
                desc=desc,
                mb_per_s=mb_per_s,
                items_per_doc=items_per_doc,
                n_threads=n_threads,  # type: ignore[arg-type]
            ):
                return func(*args, **kwargs)

        return wrapper

    return decorate
