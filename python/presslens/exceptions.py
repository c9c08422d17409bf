"""The presslens exception hierarchy.

Every error raised by presslens derives from :class:`PressLensError`. Leaves also derive from the
matching built-in exception, so existing ``except ValueError`` clauses keep working.

Examples
--------
>>> import presslens
>>> try:
...     presslens.stem(["talks"], language="klingon")
... except presslens.UnknownLanguageError as exc:
...     print(isinstance(exc, ValueError))
True
"""

from __future__ import annotations

__all__ = [
    "CorpusFormatError",
    "EmptyCorpusError",
    "InternalError",
    "InvalidArgumentError",
    "MissingDependencyError",
    "NotFittedError",
    "PressLensError",
    "UnknownLanguageError",
]


class PressLensError(Exception):
    """Root of every presslens error."""


class InvalidArgumentError(PressLensError, ValueError):
    """An argument is outside its documented range; the message names the accepted values."""


class UnknownLanguageError(PressLensError, ValueError):
    """A language name no stemmer, stop-word list or sentence splitter knows."""


class CorpusFormatError(PressLensError, ValueError):
    """Input data (a file, a record, a column) is not in a form presslens can read."""


class EmptyCorpusError(PressLensError, ValueError):
    """An operation needs at least one document (or one term) and got none."""


class NotFittedError(PressLensError, RuntimeError):
    """A model was used before ``fit``."""


class MissingDependencyError(PressLensError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""


class InternalError(PressLensError, RuntimeError):
    """A bug inside presslens (a Rust panic caught at the boundary). Please report it."""
