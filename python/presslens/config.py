"""Runtime configuration: thread pool size and display limits.

Examples
--------
>>> import presslens
>>> presslens.config.thread_pool_size() >= 1
True
"""

from __future__ import annotations

from presslens import _presslens

__all__ = ["effective_threads", "thread_pool_size"]


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
