r"""Turn the native layer's text-conversion failures into errors that name the bad input.

Rust strings must be valid Unicode scalar values; a Python ``str`` holding a lone surrogate
(from ``bytes.decode(errors="surrogateescape")``, JSON ``"\ud800"`` escapes, or broken
scrapers) cannot cross. pyo3 raises a bare ``UnicodeEncodeError`` that does not say which
document was at fault; :func:`text_input` catches it (no cost on the happy path), finds the
first offending document and raises :class:`~presslens.InvalidArgumentError` naming it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import ParamSpec, TypeVar

from presslens.exceptions import InvalidArgumentError

__all__ = ["find_surrogate", "surrogate_error", "text_input"]

P = ParamSpec("P")
R = TypeVar("R")

_ADVICE = (
    "decode the source bytes with errors='replace' (or repair the string with "
    "text.encode('utf-8', 'replace').decode('utf-8'))"
)


def _bad_index(text: str) -> int | None:
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return int(exc.start)
    return None


def _where_in(value: object, name: str) -> str | None:
    """Describe the first lone surrogate inside ``value`` (a str, corpus or sequence)."""
    if isinstance(value, str):
        i = _bad_index(value)
        return None if i is None else f"{name} (at index {i})"
    # A Corpus or any iterable of Documents / str / records.
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        return None
    if hasattr(value, "columns"):  # a data frame: iterating gives column names
        return None
    try:
        items = list(value)
    except Exception:
        return None
    for row, item in enumerate(items):
        text = getattr(item, "text", item)
        if isinstance(item, Mapping):
            text = item.get("text")
        if not isinstance(text, str):
            continue
        i = _bad_index(text)
        if i is not None:
            doc_id = getattr(item, "id", None)
            label = f"document {doc_id!r} (row {row})" if doc_id is not None else f"row {row}"
            return f"{name}: {label}, at index {i}"
    return None


def find_surrogate(args: Iterable[object], kwargs: Mapping[str, object]) -> str | None:
    r"""Locate the first lone surrogate among call arguments, or ``None``.

    Examples
    --------
    >>> find_surrogate(["ok", ["fine", "bad\ud800"]], {})
    'argument 2: row 1, at index 3'
    """
    named = [(f"argument {i + 1}", v) for i, v in enumerate(args)]
    named += [(f"{k}=", v) for k, v in kwargs.items()]
    for name, value in named:
        where = _where_in(value, name)
        if where is not None:
            return where
    return None


def surrogate_error(where: str) -> InvalidArgumentError:
    """The error for a lone surrogate found at ``where``."""
    return InvalidArgumentError(
        f"text is not valid Unicode: a lone surrogate in {where}; {_ADVICE}"
    )


def text_input(func: Callable[P, R]) -> Callable[P, R]:
    r"""Decorate a public function whose text arguments go to the native layer.

    Examples
    --------
    >>> @text_input
    ... def size(text: str) -> int:
    ...     return len(text.encode("utf-8"))
    >>> size("fine")
    4
    >>> size("bad\ud800")
    Traceback (most recent call last):
    ...
    presslens.exceptions.InvalidArgumentError: text is not valid Unicode: a lone surrogate in argument 1 (at index 3); decode the source bytes with errors='replace' (or repair the string with text.encode('utf-8', 'replace').decode('utf-8'))
    """  # noqa: E501

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except UnicodeEncodeError as exc:
            if exc.reason != "surrogates not allowed":
                raise
            where = find_surrogate(args, kwargs)
            if where is None:
                raise
            raise surrogate_error(where) from None

    return wrapper
