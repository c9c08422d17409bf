"""The corpus model: :class:`Document` and :class:`Corpus`, and their loaders.

A :class:`Document` is an immutable value (text plus optional id, outlet, title, url and
publication date). A :class:`Corpus` is an immutable, ordered collection of documents with
unique ids. Corpora load from a folder of text files, JSON Lines, CSV, plain records, pandas,
Arrow (anything exposing ``__arrow_c_stream__``) and Parquet.

Loaders never drop rows silently: an empty text ``""`` is kept, and a missing or non-string
text raises :class:`~presslens.CorpusFormatError` naming the row and the column.

Examples
--------
>>> import presslens
>>> corpus = presslens.Corpus(
...     [
...         {"text": "Talks are on pause.", "outlet": "tass.com"},
...         {"text": "Kremlin says talks paused.", "outlet": "reuters.com", "id": "r1"},
...     ]
... )
>>> corpus
Corpus(2 documents, 2 outlets)
>>> corpus.ids
['0', 'r1']
>>> corpus["r1"].outlet
'reuters.com'
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as _dt
import importlib
import json
import math
import operator
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, overload
from urllib.parse import urlsplit

from presslens import _dependencies
from presslens._progress import with_progress
from presslens.exceptions import CorpusFormatError, EmptyCorpusError, InvalidArgumentError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Corpus", "Document"]

PathLike = str | os.PathLike[str]
OutletArg = str | Callable[[Path, str], "str | None"] | None
DateLike = _dt.date | _dt.datetime | str

#: Keys a plain ``dict`` passed to :class:`Corpus` may have (the public :class:`Document` fields).
_RECORD_KEYS = ("text", "id", "outlet", "title", "url", "published")
_OPTIONAL_STR_FIELDS = ("outlet", "title", "url")

# An explicit source line: "Original url:", "Source:", "Source URL:", "URL:" (any case,
# optionally decorated with markdown emphasis or a quote marker). The URL may follow on the
# same line or on one of the next non-blank lines (scraped markdown often puts it there).
_SOURCE_LINE = re.compile(
    r"^[ \t>*_#-]*(?:original[ \t]+url|source[ \t]+url|source|url)[ \t*_]*:[ \t*_]*(?P<rest>.*)$",
    re.IGNORECASE | re.MULTILINE,
)
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+", re.IGNORECASE)
_SOURCE_LOOKAHEAD_LINES = 2
_LINE_BREAK_ESCAPES = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


# --------------------------------------------------------------------------------------------
# Document
# --------------------------------------------------------------------------------------------


def _is_missing(value: object) -> bool:
    """Tell whether a value is missing: None, NaN, ``pandas.NA`` or ``NaT`` (no pandas import)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in {"NAType", "NaTType"}


def _describe(value: object) -> str:
    if isinstance(value, float) and math.isnan(value):
        return "NaN (a missing value)"
    if value is None:
        return "None (a missing value)"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}"


def _text_error(value: object, where: str) -> CorpusFormatError:
    advice = (
        "decode it first, e.g. value.decode('utf-8')"
        if isinstance(value, bytes | bytearray)
        else "use '' for an empty document, or drop the row before loading"
        if _is_missing(value)
        else "convert it with str() or drop the row before loading"
    )
    return CorpusFormatError(f"{where}: text must be a str, got {_describe(value)}; {advice}")


def _parse_published(value: object, where: str) -> _dt.date | None:
    """Parse a publication date: date, datetime, ISO string or missing."""
    if _is_missing(value):
        return None
    if isinstance(value, _dt.datetime):
        if type(value) is not _dt.datetime:  # e.g. pandas.Timestamp: keep a plain datetime
            return _dt.datetime.fromisoformat(value.isoformat())
        return value
    if isinstance(value, _dt.date):
        if type(value) is not _dt.date:
            return _dt.date(value.year, value.month, value.day)
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):  # Python 3.10 fromisoformat does not accept "Z"
            text = text[:-1] + "+00:00"
        try:
            if len(text) == 10:
                return _dt.date.fromisoformat(text)
            return _dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        raise CorpusFormatError(
            f"{where}: published={value!r} is not an ISO date or date-time; use e.g. "
            "'2025-09-12' or '2025-09-12T18:21:00+00:00', or pass a datetime.date"
        )
    raise CorpusFormatError(
        f"{where}: published must be a datetime.date, datetime.datetime or ISO string, "
        f"got {_describe(value)}"
    )


def _coerce_id(value: object, where: str) -> str | None:
    """Ids are strings; integers (and integral floats from pandas) become their decimal form."""
    if _is_missing(value):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise CorpusFormatError(f"{where}: id must be a str or an int, got {_describe(value)}")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    try:
        return str(operator.index(value))  # type: ignore[arg-type]  # int, numpy ints
    except TypeError:
        pass
    raise CorpusFormatError(f"{where}: id must be a str or an int, got {_describe(value)}")


def _where(id: str | None) -> str:
    return "Document" if id is None else f"document {id!r}"


@dataclass(frozen=True, slots=True, repr=False, init=False)
class Document:
    """One article: its text and optional metadata. Immutable, hashable and picklable.

    Parameters
    ----------
    text
        The article text. Must be a ``str`` (``""`` is allowed).
    id
        Identifier, unique within a corpus. An ``int`` is converted to its decimal ``str``.
        ``None`` lets :class:`Corpus` assign the row number.
    outlet
        Who published it, e.g. ``"reuters.com"``.
    title, url
        Headline and address of the article.
    published
        Publication date: a ``datetime.date``, a ``datetime.datetime`` or an ISO 8601 string
        (parsed to a date when it has no time part, else to a datetime).
    raw
        The text before cleaning, when :attr:`text` is the cleaned version.
    removed
        Records of what cleaning removed (set by the cleaning step).

    Raises
    ------
    CorpusFormatError
        When ``text`` is not a ``str`` (``None``, NaN, ``bytes``, a number), when a metadata
        field has the wrong type, or when ``published`` is not a valid ISO string.

    Examples
    --------
    >>> doc = Document("Talks are on pause, the Kremlin said.", id="a", published="2025-09-12")
    >>> doc.published
    datetime.date(2025, 9, 12)
    >>> doc
    Document(id='a', text='Talks are on pause, the Kremlin said.')
    >>> doc == Document("Talks are on pause, the Kremlin said.", id="a", published="2025-09-12")
    True
    >>> doc.replace(outlet="tass.com").outlet
    'tass.com'
    """

    text: str
    id: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: _dt.date | None = None
    raw: str | None = None
    removed: tuple[Any, ...] = ()

    def __init__(
        self,
        text: str,
        *,
        id: str | int | None = None,
        outlet: str | None = None,
        title: str | None = None,
        url: str | None = None,
        published: DateLike | None = None,
        raw: str | None = None,
        removed: Iterable[Any] = (),
    ) -> None:
        set_ = object.__setattr__
        doc_id = id if isinstance(id, str | None) else _coerce_id(id, "Document")
        where = _where(doc_id)
        if not isinstance(text, str):
            raise _text_error(text, where)
        for name, value in (("outlet", outlet), ("title", title), ("url", url), ("raw", raw)):
            if value is not None and not isinstance(value, str):
                raise CorpusFormatError(
                    f"{where}: {name} must be a str or None, got {_describe(value)}"
                )
        if not isinstance(removed, tuple):
            if isinstance(removed, str | bytes) or not isinstance(removed, Iterable):
                raise CorpusFormatError(
                    f"{where}: removed must be a tuple of removal records, got {_describe(removed)}"
                )
            removed = tuple(removed)
        if published is not None and type(published) not in (_dt.date, _dt.datetime):
            published = _parse_published(published, where)
        set_(self, "text", text)
        set_(self, "id", doc_id)
        set_(self, "outlet", outlet)
        set_(self, "title", title)
        set_(self, "url", url)
        set_(self, "published", published)
        set_(self, "raw", raw)
        set_(self, "removed", removed)

    def __reduce__(self) -> tuple[Any, ...]:
        # Explicit, so frozen+slots pickles the same way on every supported Python.
        return (_rebuild_document, (self._fields_tuple(),))

    def _fields_tuple(self) -> tuple[Any, ...]:
        return (
            self.text,
            self.id,
            self.outlet,
            self.title,
            self.url,
            self.published,
            self.raw,
            self.removed,
        )

    def __repr__(self) -> str:
        parts = []
        if self.id is not None:
            parts.append(f"id={self.id!r}")
        if self.outlet is not None:
            parts.append(f"outlet={self.outlet!r}")
        text = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        parts.append(f"text={text!r}")
        return f"Document({', '.join(parts)})"

    def _repr_html_(self) -> str:
        from presslens._display import document_html

        return document_html(self)

    def replace(self, **changes: Any) -> Document:
        """Return a copy with some fields changed.

        Parameters
        ----------
        **changes
            New values for any of ``text``, ``id``, ``outlet``, ``title``, ``url``,
            ``published``, ``raw`` and ``removed``.

        Returns
        -------
        Document
            A new document; this one is unchanged.

        Raises
        ------
        TypeError
            When a name is not a field.

        Examples
        --------
        >>> Document("text", id="a").replace(id="b", title="Headline")
        Document(id='b', text='text')
        """
        unknown = sorted(set(changes) - {f.name for f in dataclasses.fields(self)})
        if unknown:
            allowed = ", ".join(f.name for f in dataclasses.fields(self))
            raise TypeError(f"Document.replace: unknown field(s) {unknown}; fields are {allowed}")
        return dataclasses.replace(self, **changes)

    def _record(self) -> dict[str, Any]:
        """Return the public fields as a JSON-friendly dict (see :meth:`Corpus.to_records`)."""
        return {
            "id": self.id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published": None if self.published is None else self.published.isoformat(),
            "text": self.text,
        }


def _rebuild_document(fields: tuple[Any, ...]) -> Document:
    text, id, outlet, title, url, published, raw, removed = fields
    return Document(
        text,
        id=id,
        outlet=outlet,
        title=title,
        url=url,
        published=published,
        raw=raw,
        removed=removed,
    )


# --------------------------------------------------------------------------------------------
# Helpers for loaders
# --------------------------------------------------------------------------------------------


def _source_url(text: str) -> str | None:
    """Find the URL on an explicit source line ("Original url:", "Source:", "URL:"), if any.

    Only explicit source lines count: the first link of an article is usually a photo
    credit or a cited source (e.g. ``[kremlin.ru](https://kremlin.ru)``), not the outlet.
    """
    for match in _SOURCE_LINE.finditer(text):
        found = _URL.search(match.group("rest"))
        if found is None:
            following = text[match.end() :].lstrip("\r\n").splitlines()
            nonblank = [line for line in following[:6] if line.strip()]
            for line in nonblank[:_SOURCE_LOOKAHEAD_LINES]:
                found = _URL.search(line)
                if found is not None:
                    break
        if found is not None:
            url = found.group(0).rstrip(".,;:!?>*_")
            if _domain(url) is not None:
                return url
    return None


def _domain(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _record_where(row: int, id: object = None, source: str | None = None) -> str:
    where = f"row {row}"
    if id is not None and not _is_missing(id):
        where += f" (id {id!r})"
    if source:
        where = f"{source}, {where}"
    return where


def _columns_error(
    role: str, column: str, available: Iterable[str], source: str | None
) -> CorpusFormatError:
    cols = ", ".join(repr(c) for c in available) or "(none)"
    prefix = f"{source}: " if source else ""
    return CorpusFormatError(
        f"{prefix}no {role} column {column!r}; available columns: {cols}. "
        f"Pass {role}=<column name>."
    )


def _check_columns(
    available: Collection[str],
    *,
    text: str,
    optional: Mapping[str, str | None],
    defaults: Mapping[str, str],
    source: str | None,
) -> dict[str, str]:
    """Map each field to the column it is read from, validating that named columns exist.

    A missing text column is an error. A missing optional column is an error only when the
    caller named it explicitly (it differs from the default); the default is just skipped.
    """
    if text not in available:
        raise _columns_error("text", text, available, source)
    mapping = {"text": text}
    for field, column in optional.items():
        if column is None:
            continue
        if column in available:
            mapping[field] = column
        elif column != defaults[field]:
            raise _columns_error(field, column, available, source)
    return mapping


def _document_from_row(
    row: int,
    record: Mapping[str, Any],
    mapping: Mapping[str, str],
    *,
    source: str | None,
    empty_is_missing: bool = False,
) -> Document:
    """Build a document from one tabular row (ids default to the row number)."""

    def get(field: str) -> Any:
        column = mapping.get(field)
        if column is None:
            return None
        value = record.get(column)
        if empty_is_missing and value == "":
            return None
        return value

    raw_id = get("id")
    text_column = mapping["text"]
    if text_column not in record:
        keys = ", ".join(repr(k) for k in record) or "(none)"
        where = _record_where(row, raw_id, source)
        raise CorpusFormatError(
            f"{where}: has no text field {text_column!r}; its fields are {keys}. "
            "Pass text=<field name>."
        )
    text = record[text_column]
    where = _record_where(row, raw_id, source)
    if not isinstance(text, str):
        raise _text_error(text, f"{where}, column {text_column!r}")
    id = _coerce_id(raw_id, where)
    outlet, title, url = (_optional_str(get(f), f, where) for f in _OPTIONAL_STR_FIELDS)
    return Document(
        text,
        id=str(row) if id is None else id,
        outlet=outlet,
        title=title,
        url=url,
        published=_parse_published(get("published"), where),
    )


def _optional_str(value: object, field: str, where: str) -> str | None:
    if _is_missing(value):
        return None
    if isinstance(value, str):
        return value
    raise CorpusFormatError(f"{where}: {field} must be a str, got {_describe(value)}")


def _existing_file(path: PathLike, loader: str) -> Path:
    p = Path(path).expanduser()
    if not p.exists():
        raise FileNotFoundError(f"{loader}: no such file: {str(p)!r}")
    if p.is_dir():
        raise IsADirectoryError(
            f"{loader}: {str(p)!r} is a directory; to read a folder of text files use "
            "Corpus.from_dir(path)"
        )
    return p


def _is_hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


# --------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------


class Corpus:
    """An ordered, immutable collection of :class:`Document` objects with unique ids.

    Parameters
    ----------
    documents
        Documents, dicts (keys ``text``, ``id``, ``outlet``, ``title``, ``url``,
        ``published``) or plain strings, in any mix. Documents without an id get their row
        number (``"0"``, ``"1"``, ...). An empty iterable gives an empty corpus.

    Raises
    ------
    CorpusFormatError
        When a row is not a Document, dict or str, a dict has unknown keys, a text is not a
        ``str``, or ids are not unique.
    TypeError
        When ``documents`` is a single string, a dict or a data frame (use
        ``Corpus([text])``, ``Corpus([record])`` or :meth:`from_pandas`).

    Examples
    --------
    >>> corpus = Corpus(["First story.", Document("Second story.", id="b", outlet="bbc.com")])
    >>> corpus
    Corpus(2 documents, 1 outlet)
    >>> len(corpus), corpus.ids, corpus[0].text
    (2, ['0', 'b'], 'First story.')
    >>> corpus["b"].outlet
    'bbc.com'
    >>> "b" in corpus
    True
    """

    __slots__ = ("_docs", "_index")

    _docs: tuple[Document, ...]
    _index: dict[str, int]

    def __init__(self, documents: Iterable[Document | Mapping[str, Any] | str]) -> None:
        if isinstance(documents, str | bytes):
            raise TypeError(
                "Corpus(documents) takes an iterable of documents, got a single "
                f"{type(documents).__name__}; wrap it in a list: Corpus([text])"
            )
        if isinstance(documents, Mapping):
            raise TypeError(
                "Corpus(documents) takes an iterable of documents, got a single mapping; "
                "wrap it in a list (Corpus([record])) or use Corpus.from_records(records)"
            )
        if hasattr(documents, "columns") and hasattr(documents, "dtypes"):
            raise TypeError(
                "Corpus(documents) got a data frame (iterating it would give column names); "
                "use Corpus.from_pandas(df) or Corpus.from_arrow(df)"
            )
        docs = []
        for row, item in enumerate(documents):
            docs.append(_coerce_document(row, item))
        self._init(tuple(docs))

    def _init(self, docs: tuple[Document, ...]) -> None:
        index: dict[str, int] = {}
        for i, doc in enumerate(docs):
            assert doc.id is not None
            index.setdefault(doc.id, i)
        if len(index) != len(docs):
            counts = Counter(doc.id for doc in docs)
            dupes = sorted(str(k) for k, n in counts.items() if n > 1)
            shown = ", ".join(repr(d) for d in dupes[:10])
            more = f" and {len(dupes) - 10} more" if len(dupes) > 10 else ""
            raise CorpusFormatError(
                f"document ids must be unique; duplicated: {shown}{more}. Give each document "
                "its own id (or leave ids out to use the row numbers)"
            )
        self._docs = docs
        self._index = index

    @classmethod
    def _from_documents(cls, docs: Iterable[Document]) -> Corpus:
        """Build without re-validating rows (the documents already have ids)."""
        new = cls.__new__(cls)
        new._init(tuple(docs))
        return new

    # -- container protocol ----------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs)

    @overload
    def __getitem__(self, key: int | str) -> Document: ...
    @overload
    def __getitem__(self, key: slice) -> Corpus: ...
    def __getitem__(self, key: int | str | slice) -> Document | Corpus:
        """Index by position (negative allowed), by id (``str``) or by slice (a Corpus)."""
        if isinstance(key, str):
            try:
                return self._docs[self._index[key]]
            except KeyError:
                raise KeyError(f"no document with id {key!r} in this corpus") from None
        if isinstance(key, slice):
            return self._from_documents(self._docs[key])
        try:
            position = operator.index(key)
        except TypeError:
            raise TypeError(
                "Corpus indices must be int (position), str (id) or slice, "
                f"got {type(key).__name__}"
            ) from None
        try:
            return self._docs[position]
        except IndexError:
            raise IndexError(
                f"document position {position} out of range for a corpus of {len(self)}"
            ) from None

    def __contains__(self, item: object) -> bool:
        """``id in corpus`` or ``document in corpus``."""
        if isinstance(item, str):
            return item in self._index
        if isinstance(item, Document) and item.id is not None:
            i = self._index.get(item.id)
            return i is not None and self._docs[i] == item
        return False

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._docs == other._docs

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_corpus, (self._docs,))

    def __repr__(self) -> str:
        n, k = len(self._docs), len(self.outlets)
        return f"Corpus({n} document{'' if n == 1 else 's'}, {k} outlet{'' if k == 1 else 's'})"

    def _repr_html_(self) -> str:
        from presslens._display import corpus_html

        return corpus_html(self)

    # -- views -----------------------------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        """Document ids, in corpus order.

        Examples
        --------
        >>> Corpus(["a", "b"]).ids
        ['0', '1']
        """
        return [doc.id for doc in self._docs if doc.id is not None]

    @property
    def texts(self) -> list[str]:
        """Document texts, in corpus order.

        Examples
        --------
        >>> Corpus(["a", "b"]).texts
        ['a', 'b']
        """
        return [doc.text for doc in self._docs]

    @property
    def outlets(self) -> list[str]:
        """Sorted unique outlets (documents without one are left out).

        Examples
        --------
        >>> Corpus([{"text": "x", "outlet": "tass.com"}, "y", {"text": "z", "outlet": "bbc.com"}]).outlets
        ['bbc.com', 'tass.com']
        """  # noqa: E501
        return sorted({doc.outlet for doc in self._docs if doc.outlet is not None})

    # -- transformations -------------------------------------------------------------------

    def filter(
        self,
        *,
        outlet: str | Collection[str] | None = None,
        ids: str | Collection[str] | None = None,
        predicate: Callable[[Document], bool] | None = None,
    ) -> Corpus:
        """Keep the documents that match every given condition, in corpus order.

        Parameters
        ----------
        outlet
            An outlet or a collection of outlets to keep.
        ids
            An id or a collection of ids to keep (ids not in the corpus are ignored).
        predicate
            A function ``Document -> bool``; documents for which it is true are kept.

        Returns
        -------
        Corpus
            A new corpus (possibly empty).

        Examples
        --------
        >>> corpus = Corpus(
        ...     [
        ...         {"text": "one", "outlet": "a.com"},
        ...         {"text": "two", "outlet": "b.com"},
        ...         {"text": "three", "outlet": "a.com"},
        ...     ]
        ... )
        >>> corpus.filter(outlet="a.com").ids
        ['0', '2']
        >>> corpus.filter(outlet=["a.com", "b.com"], predicate=lambda d: len(d.text) > 3).ids
        ['2']
        >>> corpus.filter(ids={"1"}).texts
        ['two']
        """
        outlets = {outlet} if isinstance(outlet, str) else None if outlet is None else set(outlet)
        wanted = {ids} if isinstance(ids, str) else None if ids is None else set(ids)
        kept = [
            doc
            for doc in self._docs
            if (outlets is None or doc.outlet in outlets)
            and (wanted is None or doc.id in wanted)
            and (predicate is None or predicate(doc))
        ]
        return self._from_documents(kept)

    def map_texts(self, fn: Callable[[str], str]) -> Corpus:
        """Apply ``fn`` to every text; ids and metadata are kept.

        Parameters
        ----------
        fn
            A function ``str -> str``.

        Returns
        -------
        Corpus
            A new corpus.

        Raises
        ------
        CorpusFormatError
            When ``fn`` returns something other than a ``str``.

        Examples
        --------
        >>> Corpus(["Talks on pause"]).map_texts(str.upper).texts
        ['TALKS ON PAUSE']
        """
        docs = []
        for doc in self._docs:
            new = fn(doc.text)
            if not isinstance(new, str):
                raise CorpusFormatError(
                    f"map_texts: the function returned {_describe(new)} for document "
                    f"{doc.id!r}; it must return a str"
                )
            docs.append(doc.replace(text=new))
        return self._from_documents(docs)

    @with_progress("cleaning", mb_per_s=25, items_per_doc=3)
    def clean(
        self,
        *,
        cross_document: bool = True,
        n_threads: int | None = None,
        progress: bool | None = None,
    ) -> Corpus:
        """Remove boilerplate from every document (see :mod:`presslens.clean`).

        Parameters
        ----------
        cross_document
            Also remove lines repeated across documents of the same outlet.
        n_threads
            ``None`` for the global pool, ``1`` for serial, else a pool of that size.
        progress
            Show a progress bar (extra ``progress``): ``None`` when the call is expected to take
            more than ~2 s and output is a terminal or notebook, ``True`` always, ``False`` never.

        Returns
        -------
        Corpus
            A new corpus whose documents carry ``raw`` and ``removed``.
        """
        result: Corpus = _clean_module()._clean_corpus(
            self, cross_document=cross_document, n_threads=n_threads
        )
        return result

    def cleaning_report(self) -> Any:
        """Report what :meth:`clean` removed, per document (see :mod:`presslens.clean`).

        Returns
        -------
        Any
            The report built by ``presslens.clean``.
        """
        return _clean_module()._cleaning_report(self)

    # -- export ----------------------------------------------------------------------------

    def to_records(self) -> list[dict[str, Any]]:
        """Return one dict per document (``published`` as an ISO string), for JSON or frames.

        ``Corpus(corpus.to_records()) == corpus`` for corpora that were not cleaned
        (``raw`` and ``removed`` are not exported).

        Returns
        -------
        list of dict
            Keys ``id``, ``outlet``, ``title``, ``url``, ``published``, ``text``.

        Examples
        --------
        >>> corpus = Corpus([{"text": "Hi", "outlet": "a.com"}])
        >>> corpus.to_records()
        [{'id': '0', 'outlet': 'a.com', 'title': None, 'url': None, 'published': None, 'text': 'Hi'}]
        >>> Corpus(corpus.to_records()) == corpus
        True
        """  # noqa: E501
        return [doc._record() for doc in self._docs]

    def to_jsonl(self, path: PathLike) -> None:
        """Write one JSON object per line (UTF-8), readable by :meth:`from_jsonl`.

        Non-ASCII text is written as is, except the Unicode line separators U+0085, U+2028
        and U+2029, which are escaped so that every reader sees one record per line.

        Parameters
        ----------
        path
            File to write (overwritten).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> corpus = Corpus([{"text": "Hi", "outlet": "a.com", "published": "2025-09-12"}])
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "corpus.jsonl"
        ...     corpus.to_jsonl(path)
        ...     Corpus.from_jsonl(path) == corpus
        True
        """
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            for record in self.to_records():
                line = json.dumps(record, ensure_ascii=False)
                # Readers that split on str.splitlines() would break lines at these.
                fh.write(line.translate(_LINE_BREAK_ESCAPES))
                fh.write("\n")

    def to_pandas(self) -> pd.DataFrame:
        """Return a data frame with columns id, outlet, title, url, published and text.

        Returns
        -------
        pandas.DataFrame
            One row per document, in corpus order.

        Raises
        ------
        MissingDependencyError
            When pandas is not installed (``pip install 'presslens[pandas]'``).

        Examples
        --------
        >>> Corpus([{"text": "Hi", "outlet": "a.com"}]).to_pandas()[["id", "outlet", "text"]]
          id outlet text
        0  0  a.com   Hi
        """
        pandas = _dependencies.pandas("Corpus.to_pandas")
        columns: dict[str, list[Any]] = {
            "id": [d.id for d in self._docs],
            "outlet": [d.outlet for d in self._docs],
            "title": [d.title for d in self._docs],
            "url": [d.url for d in self._docs],
            "published": [d.published for d in self._docs],
            "text": [d.text for d in self._docs],
        }
        frame: pd.DataFrame = pandas.DataFrame(
            {name: pandas.Series(values, dtype=object) for name, values in columns.items()}
        )
        return frame

    # -- loaders ---------------------------------------------------------------------------

    @classmethod
    def from_dir(
        cls,
        path: PathLike,
        *,
        pattern: str = "*.txt",
        outlet: OutletArg = "infer",
        encoding: str = "utf-8",
        errors: str = "strict",
        recursive: bool = True,
        clean: bool = False,
    ) -> Corpus:
        r"""Load every file matching ``pattern`` under a folder, one document per file.

        Ids are the paths relative to ``path`` without the suffix, in POSIX form
        (``"reuters/2025/talks"``); documents are sorted by id. Hidden files and folders
        (names starting with ``.``, e.g. ``.ipynb_checkpoints``) are skipped.

        An explicit source line in the text (``Original url:``, ``Source:``, ``Source URL:``
        or ``URL:``, any case, with the URL on that line or on one of the next two non-blank
        lines) sets :attr:`Document.url`.

        Parameters
        ----------
        path
            The root folder.
        pattern
            Glob pattern for file names.
        outlet
            ``"infer"`` (default): the domain of the source-line URL (without ``www.``), else
            the first folder under ``path`` that holds the file, else ``None``. Links elsewhere
            in the text are ignored: a first link is usually a photo credit or a cited
            source, not the outlet. A callable ``outlet(path, text) -> str | None`` decides
            per file; any other ``str`` is used for every file; ``None`` sets none.
        encoding, errors
            How to decode the files (as in :func:`open`); ``errors="replace"`` reads
            files with stray bytes.
        recursive
            Also look in sub-folders.
        clean
            Run :meth:`clean` on the result.

        Returns
        -------
        Corpus

        Raises
        ------
        FileNotFoundError
            When ``path`` does not exist.
        NotADirectoryError
            When ``path`` is a file.
        EmptyCorpusError
            When no file matches ``pattern``.
        CorpusFormatError
            When a file cannot be decoded with ``encoding``.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     root = pathlib.Path(tmp)
        ...     (root / "bbc").mkdir()
        ...     _ = (root / "bbc" / "talks.txt").write_text("Talks paused.", encoding="utf-8")
        ...     _ = (root / "a.txt").write_text(
        ...         "Story.\n\nOriginal url:\n<https://www.themoscowtimes.com/a>\n",
        ...         encoding="utf-8",
        ...     )
        ...     corpus = Corpus.from_dir(root)
        >>> [(d.id, d.outlet) for d in corpus]
        [('a', 'themoscowtimes.com'), ('bbc/talks', 'bbc')]
        >>> corpus["a"].url
        'https://www.themoscowtimes.com/a'
        """
        root = Path(path).expanduser()
        if not root.exists():
            raise FileNotFoundError(f"Corpus.from_dir: no such directory: {str(root)!r}")
        if not root.is_dir():
            raise NotADirectoryError(
                f"Corpus.from_dir: {str(root)!r} is a file, not a directory; pass its folder "
                f"(Corpus.from_dir({str(root.parent)!r}, pattern={root.name!r})), or use "
                "Corpus.from_jsonl / Corpus.from_csv / Corpus.from_parquet for a data file"
            )
        if not (outlet is None or isinstance(outlet, str) or callable(outlet)):
            raise TypeError(
                "Corpus.from_dir: outlet must be 'infer', a str, a callable "
                f"(path, text) -> str | None, or None; got {type(outlet).__name__}"
            )
        found = root.rglob(pattern) if recursive else root.glob(pattern)
        files = sorted(
            (
                (p.relative_to(root), p)
                for p in found
                if p.is_file() and not _is_hidden(p.relative_to(root))
            ),
            key=lambda item: item[0].with_suffix("").as_posix(),
        )
        if not files:
            where = "under" if recursive else "directly in"
            raise EmptyCorpusError(
                f"Corpus.from_dir: no files match pattern={pattern!r} {where} {str(root)!r}; "
                "check the path and the pattern (e.g. pattern='*.md')"
            )
        docs = []
        for rel, file in files:
            try:
                text = file.read_text(encoding=encoding, errors=errors)
            except UnicodeDecodeError as exc:
                raise CorpusFormatError(
                    f"Corpus.from_dir: cannot decode {str(file)!r} as {encoding} ({exc.reason} "
                    f"at byte {exc.start}); pass the right encoding=..., or errors='replace' "
                    "to substitute undecodable bytes"
                ) from exc
            url = _source_url(text)
            doc_outlet: str | None
            if outlet == "infer":
                doc_outlet = _domain(url) if url is not None else None
                if doc_outlet is None and len(rel.parts) > 1:
                    doc_outlet = rel.parts[0]
            elif outlet is None or isinstance(outlet, str):
                doc_outlet = outlet
            else:
                doc_outlet = outlet(file, text)
                if doc_outlet is not None and not isinstance(doc_outlet, str):
                    raise CorpusFormatError(
                        f"Corpus.from_dir: the outlet function returned {_describe(doc_outlet)} "
                        f"for {str(file)!r}; it must return a str or None"
                    )
            docs.append(
                Document(text, id=rel.with_suffix("").as_posix(), outlet=doc_outlet, url=url)
            )
        return cls._finish(cls._from_documents(docs), clean)

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        text: str = "text",
        outlet: str | None = "outlet",
        id: str | None = "id",
        title: str | None = "title",
        url: str | None = "url",
        published: str | None = "published",
        clean: bool = False,
    ) -> Corpus:
        """Load from mappings (e.g. rows of a JSON file), naming the field for each attribute.

        Other fields are ignored. A field named explicitly must exist in every record; the
        default names are optional. ``None`` skips an attribute. Missing ids become the row
        number.

        Parameters
        ----------
        records
            An iterable of mappings.
        text, outlet, id, title, url, published
            The field holding each attribute.
        clean
            Run :meth:`clean` on the result.

        Returns
        -------
        Corpus

        Raises
        ------
        CorpusFormatError
            When a record has no text field or a text that is not a ``str`` (the message
            names the row and the field), or ids are not unique.

        Examples
        --------
        >>> rows = [{"body": "Talks paused.", "site": "tass.com"}, {"body": "", "site": None}]
        >>> corpus = Corpus.from_records(rows, text="body", outlet="site")
        >>> corpus.texts, corpus.outlets
        (['Talks paused.', ''], ['tass.com'])
        """
        return cls._finish(
            cls._from_rows(
                records,
                text=text,
                optional={
                    "id": id,
                    "outlet": outlet,
                    "title": title,
                    "url": url,
                    "published": published,
                },
                source=None,
            ),
            clean,
        )

    @classmethod
    def from_jsonl(
        cls,
        path: PathLike,
        *,
        text: str = "text",
        outlet: str | None = "outlet",
        id: str | None = "id",
        clean: bool = False,
    ) -> Corpus:
        r"""Load a JSON Lines file (UTF-8, one object per line; blank lines are skipped).

        ``title``, ``url`` and ``published`` fields are read when present.

        Parameters
        ----------
        path
            The file.
        text, outlet, id
            The field holding each attribute (``None`` skips it).
        clean
            Run :meth:`clean` on the result.

        Returns
        -------
        Corpus

        Raises
        ------
        FileNotFoundError
            When the file does not exist.
        CorpusFormatError
            On a malformed line (the message gives the file and line number), a line that
            is not an object, or a bad row.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "news.jsonl"
        ...     _ = path.write_text('{"text": "Talks paused.", "outlet": "tass.com"}\n')
        ...     Corpus.from_jsonl(path)[0]
        Document(id='0', outlet='tass.com', text='Talks paused.')
        """
        file = _existing_file(path, "Corpus.from_jsonl")

        return cls._finish(
            cls._from_rows(
                _jsonl_rows(file),
                text=text,
                optional={"id": id, "outlet": outlet},
                source=f"Corpus.from_jsonl: {str(file)!r}",
            ),
            clean,
        )

    @classmethod
    def from_csv(
        cls,
        path: PathLike,
        *,
        text: str = "text",
        outlet: str | None = "outlet",
        id: str | None = "id",
        clean: bool = False,
    ) -> Corpus:
        r"""Load a CSV file with a header row (UTF-8, a BOM is allowed; fields of any size).

        ``title``, ``url`` and ``published`` columns are read when present. Empty cells are
        missing values for every column except the text, where ``""`` is an empty document.

        Parameters
        ----------
        path
            The file.
        text, outlet, id
            The column holding each attribute (``None`` skips it).
        clean
            Run :meth:`clean` on the result.

        Returns
        -------
        Corpus

        Raises
        ------
        FileNotFoundError
            When the file does not exist.
        CorpusFormatError
            When the text column is missing (the message lists the columns), a row is short
            of the text cell, or the file is not valid CSV / UTF-8.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "news.csv"
        ...     _ = path.write_text('id,outlet,text\nx1,tass.com,"Talks, paused."\n')
        ...     Corpus.from_csv(path)["x1"].text
        'Talks, paused.'
        """
        file = _existing_file(path, "Corpus.from_csv")
        source = f"Corpus.from_csv: {str(file)!r}"
        old_limit = csv.field_size_limit()
        limit = sys.maxsize
        while True:  # the limit is a C long: sys.maxsize overflows on Windows
            try:
                csv.field_size_limit(limit)
                break
            except OverflowError:
                limit //= 2
        try:
            with open(file, encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                try:
                    header = reader.fieldnames or []
                    if not header:
                        return cls._finish(cls._from_documents(()), clean)
                    mapping = _check_columns(
                        header,
                        text=text,
                        optional={"id": id, "outlet": outlet} | _EXTRA_COLUMNS,
                        defaults=_DEFAULT_COLUMNS,
                        source=source,
                    )
                    docs = []
                    for row, record in enumerate(reader):
                        if record.get(text) is None:  # short row: DictReader fills with None
                            raise CorpusFormatError(
                                f"{source}, row {row} (line {reader.line_num}): the row has no "
                                f"{text!r} cell (too few fields); check quoting and delimiters"
                            )
                        docs.append(
                            _document_from_row(
                                row, record, mapping, source=source, empty_is_missing=True
                            )
                        )
                except csv.Error as exc:
                    raise CorpusFormatError(
                        f"{source}, line {reader.line_num}: not valid CSV ({exc})"
                    ) from exc
                except UnicodeDecodeError as exc:
                    raise CorpusFormatError(
                        f"{source}: not valid UTF-8 ({exc.reason}); re-save the file as UTF-8"
                    ) from exc
        finally:
            csv.field_size_limit(old_limit)
        return cls._finish(cls._from_documents(docs), clean)

    @classmethod
    def from_pandas(
        cls,
        df: pd.DataFrame,
        *,
        text: str = "text",
        outlet: str | None = "outlet",
        id: str | None = "id",
        clean: bool = False,
    ) -> Corpus:
        """Load from a pandas DataFrame, one document per row.

        ``title``, ``url`` and ``published`` columns are read when present; NaN/None in
        them means missing. The index is ignored: without an id column, ids are row numbers.

        Parameters
        ----------
        df
            The data frame.
        text, outlet, id
            The column holding each attribute (``None`` skips it).
        clean
            Run :meth:`clean` on the result.

        Returns
        -------
        Corpus

        Raises
        ------
        CorpusFormatError
            When the text column is missing (the message lists the columns) or a text is
            not a ``str`` (the message names the row and the column).

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"text": ["Talks paused.", ""], "outlet": ["tass.com", None]})
        >>> Corpus.from_pandas(df).to_records()[1]
        {'id': '1', 'outlet': None, 'title': None, 'url': None, 'published': None, 'text': ''}
        """
        source = "Corpus.from_pandas"
        labels = {str(c): c for c in df.columns}
        available = list(labels)
        mapping = _check_columns(
            available,
            text=text,
            optional={"id": id, "outlet": outlet} | _EXTRA_COLUMNS,
            defaults=_DEFAULT_COLUMNS,
            source=source,
        )
        columns = list(dict.fromkeys(mapping.values()))
        frame = df.loc[:, [labels[c] for c in columns]]
        frame.columns = columns
        records = cast("list[dict[str, Any]]", frame.to_dict("records"))
        docs = [
            _document_from_row(row, record, mapping, source=source)
            for row, record in enumerate(records)
        ]
        return cls._finish(cls._from_documents(docs), clean)

    @classmethod
    def from_arrow(
        cls,
        obj: Any,
        *,
        text: str = "text",
        outlet: str | None = "outlet",
        id: str | None = "id",
        clean: bool = False,
    ) -> Corpus:
        """Load from Arrow data (pyarrow objects or anything with ``__arrow_c_stream__``).

        Accepts a pyarrow Table, RecordBatch or RecordBatchReader, or any object exposing
        ``__arrow_c_stream__`` (a polars DataFrame, a DuckDB result, ...).

        ``title``, ``url`` and ``published`` columns are read when present.

        Parameters
        ----------
        obj
            The Arrow data.
        text, outlet, id
            The column holding each attribute (``None`` skips it).
        clean
            Run :meth:`clean` on the result.

        Returns
        -------
        Corpus

        Raises
        ------
        MissingDependencyError
            When pyarrow is not installed (``pip install 'presslens[arrow]'``).
        TypeError
            When ``obj`` is not Arrow data.
        CorpusFormatError
            When the text column is missing or a text is null / not a string.

        Examples
        --------
        >>> import pyarrow as pa
        >>> table = pa.table({"text": ["Talks paused."], "outlet": ["tass.com"]})
        >>> Corpus.from_arrow(table).outlets
        ['tass.com']
        """
        pa = _dependencies.require("pyarrow", feature="Corpus.from_arrow")
        table = _to_arrow_table(pa, obj)
        return cls._finish(
            cls._from_arrow_table(table, text=text, outlet=outlet, id=id, source="from_arrow"),
            clean,
        )

    @overload
    @classmethod
    def from_parquet(
        cls,
        path: PathLike,
        *,
        columns: Collection[str] | None = ...,
        text: str = ...,
        outlet: str | None = ...,
        id: str | None = ...,
        clean: bool = ...,
        batch_size: None = ...,
    ) -> Corpus: ...
    @overload
    @classmethod
    def from_parquet(
        cls,
        path: PathLike,
        *,
        columns: Collection[str] | None = ...,
        text: str = ...,
        outlet: str | None = ...,
        id: str | None = ...,
        clean: bool = ...,
        batch_size: int,
    ) -> Iterator[Corpus]: ...
    @classmethod
    def from_parquet(
        cls,
        path: PathLike,
        *,
        columns: Collection[str] | None = None,
        text: str = "text",
        outlet: str | None = "outlet",
        id: str | None = "id",
        clean: bool = False,
        batch_size: int | None = None,
    ) -> Corpus | Iterator[Corpus]:
        """Load a Parquet file, whole or as a stream of batches.

        Parameters
        ----------
        path
            The file.
        columns
            Columns to read. ``None`` reads only those the corpus uses (``text``, ``id``,
            ``outlet``, and ``title``, ``url``, ``published`` when present).
        text, outlet, id
            The column holding each attribute (``None`` skips it).
        clean
            Run :meth:`clean` on the result (on each batch when streaming; lines repeated
            across an outlet's articles are then found within a batch).
        batch_size
            ``None`` reads the whole file. A positive number returns an iterator of corpora
            of at most that many documents, read one Parquet batch at a time, so memory stays
            bounded by the batch, not the file (see :func:`presslens.iter_batches`). Ids
            taken from row numbers count on across batches.

        Returns
        -------
        Corpus or iterator of Corpus

        Raises
        ------
        FileNotFoundError
            When the file does not exist.
        MissingDependencyError
            When pyarrow is not installed (``pip install 'presslens[arrow]'``).
        CorpusFormatError
            When the text column is missing or a text is null / not a string.
        InvalidArgumentError
            When ``batch_size`` is not a positive integer.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> import pyarrow as pa, pyarrow.parquet as pq
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "news.parquet"
        ...     pq.write_table(pa.table({"text": ["Talks paused.", "Talks resumed.", "Ok."]}), path)
        ...     whole = Corpus.from_parquet(path)
        ...     batches = list(Corpus.from_parquet(path, batch_size=2))
        >>> whole.ids, [b.ids for b in batches]
        (['0', '1', '2'], [['0', '1'], ['2']])
        """
        file = _existing_file(path, "Corpus.from_parquet")
        pq = _dependencies.require("pyarrow.parquet", feature="Corpus.from_parquet")
        source = f"Corpus.from_parquet: {str(file)!r}"
        available = list(pq.read_schema(file).names)
        if columns is None:
            wanted = [
                c
                for c in (text, id, outlet, *_EXTRA_COLUMNS.values())
                if c is not None and c in available
            ]
            if text not in available:
                raise _columns_error("text", text, available, source)
        else:
            wanted = list(columns)
            missing = [c for c in wanted if c not in available]
            if missing:
                raise CorpusFormatError(
                    f"{source}: columns {missing} are not in the file; available columns: "
                    f"{available}"
                )
        if batch_size is not None:
            _check_batch_size(batch_size)
            return cls._iter_parquet(
                pq.ParquetFile(file),
                wanted,
                batch_size,
                text=text,
                outlet=outlet,
                id=id,
                clean=clean,
                source=source,
            )
        table = pq.read_table(file, columns=wanted)
        return cls._finish(
            cls._from_arrow_table(table, text=text, outlet=outlet, id=id, source=source),
            clean,
        )

    @classmethod
    def _iter_parquet(
        cls,
        file: Any,
        columns: list[str],
        batch_size: int,
        *,
        text: str,
        outlet: str | None,
        id: str | None,
        clean: bool,
        source: str,
    ) -> Iterator[Corpus]:
        pa = _dependencies.require("pyarrow", feature="Corpus.from_parquet")
        start = 0
        for batch in file.iter_batches(batch_size=batch_size, columns=columns):
            table = pa.Table.from_batches([batch])
            yield cls._finish(
                cls._from_arrow_table(
                    table, text=text, outlet=outlet, id=id, source=source, start=start
                ),
                clean,
            )
            start += batch.num_rows

    # -- loader internals ------------------------------------------------------------------

    @classmethod
    def _from_arrow_table(
        cls,
        table: Any,
        *,
        text: str,
        outlet: str | None,
        id: str | None,
        source: str,
        start: int = 0,
    ) -> Corpus:
        available = [str(name) for name in table.column_names]
        mapping = _check_columns(
            available,
            text=text,
            optional={"id": id, "outlet": outlet} | _EXTRA_COLUMNS,
            defaults=_DEFAULT_COLUMNS,
            source=source,
        )
        table = table.select(list(dict.fromkeys(mapping.values())))
        docs = []
        row = start
        for batch in table.to_batches():
            for record in batch.to_pylist():
                docs.append(_document_from_row(row, record, mapping, source=source))
                row += 1
        return cls._from_documents(docs)

    @classmethod
    def _from_rows(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        text: str,
        optional: Mapping[str, str | None],
        source: str | None,
        start: int = 0,
    ) -> Corpus:
        """Rows whose keys may differ from row to row (JSON objects, dicts).

        The first row must have the text field and every field named explicitly; later rows
        may lack optional fields (their value is then missing).
        """
        full = {**_EXTRA_COLUMNS, **optional}
        mapping: dict[str, str] | None = None
        docs = []
        for row, record in enumerate(records, start=start):
            if not isinstance(record, Mapping):
                raise CorpusFormatError(
                    f"{_record_where(row, source=source)}: expected a mapping (dict), got "
                    f"{_describe(record)}"
                )
            if mapping is None:
                _check_columns(
                    list(record), text=text, optional=full, defaults=_DEFAULT_COLUMNS, source=source
                )
                mapping = {"text": text, **{f: c for f, c in full.items() if c is not None}}
            docs.append(_document_from_row(row, record, mapping, source=source))
        return cls._from_documents(docs)

    @staticmethod
    def _finish(corpus: Corpus, clean: bool) -> Corpus:
        return corpus.clean() if clean else corpus


_DEFAULT_COLUMNS = {
    "text": "text",
    "id": "id",
    "outlet": "outlet",
    "title": "title",
    "url": "url",
    "published": "published",
}
_EXTRA_COLUMNS: dict[str, str | None] = {"title": "title", "url": "url", "published": "published"}


def _check_batch_size(batch_size: object) -> None:
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise InvalidArgumentError(f"batch_size must be a positive integer, got {batch_size!r}")


def _jsonl_rows(file: Path) -> Iterator[dict[str, Any]]:
    """The objects of a JSON Lines file, lazily (blank lines skipped)."""
    with open(file, "rb") as fh:
        for lineno, line in enumerate(fh, start=1):
            where = f"{str(file)!r}, line {lineno}"
            try:
                decoded = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise CorpusFormatError(
                    f"Corpus.from_jsonl: {where} is not valid UTF-8 ({exc.reason} at "
                    f"byte {exc.start} of the line); JSON Lines files must be UTF-8"
                ) from exc
            if not decoded.strip():
                continue
            try:
                obj = json.loads(decoded)
            except json.JSONDecodeError as exc:
                raise CorpusFormatError(
                    f"Corpus.from_jsonl: {where}, column {exc.colno}: malformed JSON "
                    f"({exc.msg}); each line must be one JSON object"
                ) from exc
            if not isinstance(obj, dict):
                raise CorpusFormatError(
                    f"Corpus.from_jsonl: {where}: expected a JSON object, got "
                    f"{type(obj).__name__}; each line must be one JSON object"
                )
            yield obj


def _coerce_document(row: int, item: object) -> Document:
    """One row of ``Corpus(documents)``: a Document, a dict or a str."""
    if isinstance(item, Document):
        return item if item.id is not None else item.replace(id=str(row))
    if isinstance(item, str):
        return Document(item, id=str(row))
    if isinstance(item, Mapping):
        unknown = [k for k in item if k not in _RECORD_KEYS]
        if unknown:
            raise CorpusFormatError(
                f"row {row}: unknown key(s) {unknown}; allowed keys are "
                f"{', '.join(_RECORD_KEYS)}. Use Corpus.from_records(..., text=<key>) to map "
                "other names"
            )
        if "text" not in item:
            raise CorpusFormatError(
                f"{_record_where(row, item.get('id'))}: no 'text' key; allowed keys are "
                f"{', '.join(_RECORD_KEYS)}"
            )
        return _document_from_row(row, item, {k: k for k in _RECORD_KEYS if k in item}, source=None)
    where = f"row {row}"
    if isinstance(item, bytes | bytearray):
        raise CorpusFormatError(
            f"{where}: got bytes; decode them first (e.g. data.decode('utf-8')) or pass a str"
        )
    raise CorpusFormatError(
        f"{where}: expected a Document, a dict or a str, got {_describe(item)}; "
        "use '' for an empty document"
    )


def _rebuild_corpus(docs: tuple[Document, ...]) -> Corpus:
    return Corpus._from_documents(docs)


def _to_arrow_table(pa: Any, obj: Any) -> Any:
    """Any Arrow-compatible object as a ``pyarrow.Table``."""
    if isinstance(obj, pa.Table):
        return obj
    if isinstance(obj, pa.RecordBatch):
        return pa.Table.from_batches([obj])
    if isinstance(obj, pa.RecordBatchReader):
        return obj.read_all()
    if hasattr(obj, "__arrow_c_stream__"):
        if hasattr(pa.RecordBatchReader, "from_stream"):
            return pa.RecordBatchReader.from_stream(obj).read_all()
        try:
            return pa.table(obj)
        except TypeError as exc:
            raise TypeError(
                "Corpus.from_arrow: reading objects through __arrow_c_stream__ needs "
                "pyarrow>=14; upgrade pyarrow or pass a pyarrow.Table"
            ) from exc
    if hasattr(obj, "columns") and hasattr(obj, "dtypes") and hasattr(obj, "to_dict"):
        raise TypeError("Corpus.from_arrow: got a pandas DataFrame; use Corpus.from_pandas(df)")
    raise TypeError(
        "Corpus.from_arrow needs a pyarrow Table, RecordBatch or RecordBatchReader, or an "
        f"object with __arrow_c_stream__ (e.g. a polars DataFrame); got {type(obj).__name__}"
    )


def _clean_module() -> Any:
    # Imported by name so this module does not depend on presslens.clean at import time
    # (and mypy does not require it to exist).
    return importlib.import_module("presslens.clean")
