"""Boilerplate removal for scraped news text (plain text or markdown).

:func:`clean` strips newsletter sign-ups, donation appeals, advertisements, "Related" and
"Read more" blocks (with the paragraphs of other stories after them), captions, bylines,
datelines, visit counters, markdown syntax and stray escapes, and joins paragraphs broken
mid-sentence. Every removed span is reported as a :class:`Removal` with a reason from
:data:`REASONS`, with offsets into the original string, so nothing is lost silently.

``Corpus.clean`` and ``Corpus.cleaning_report`` delegate to :func:`_clean_corpus` and
:func:`_cleaning_report` here; with ``cross_document=True`` lines repeating across documents
of the same outlet are removed as ``"repeated"``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from presslens import _presslens
from presslens._dependencies import pandas as _pandas
from presslens.exceptions import InvalidArgumentError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["REASONS", "Cleaned", "Removal", "clean"]

#: The fixed set of removal reasons, in documentation order.
REASONS: tuple[str, ...] = (
    "advertisement",
    "newsletter",
    "donation",
    "related",
    "navigation",
    "caption",
    "byline",
    "social",
    "metadata",
    "repeated",
    "off-topic",
    "markup",
)

MarkdownArg = Literal["auto"] | bool


class Removal(NamedTuple):
    """One span removed from the original text (a named tuple: cheap to build in bulk).

    Attributes
    ----------
    start, end
        Python string indices into the original text: ``original[start:end] == text``.
    reason
        One of :data:`REASONS`.
    text
        The removed text.

    Examples
    --------
    >>> Removal(0, 13, "advertisement", "ADVERTISEMENT")
    Removal(0, 13, 'advertisement', 'ADVERTISEMENT')
    """

    start: int
    end: int
    reason: str
    text: str

    def __repr__(self) -> str:
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"Removal({self.start}, {self.end}, {self.reason!r}, {shown!r})"


class Cleaned:
    r"""The result of :func:`clean`.

    Attributes
    ----------
    text
        The article body: paragraphs separated by a blank line.
    removed
        Every removed span, sorted by start, non-overlapping (built on first access: batch
        cleaning does not pay for records nobody reads).
    title, url, published
        Found in the text (``published`` as ``YYYY-MM-DD``), else ``None``.
    kept_ratio
        ``len(text) / len(original)`` (``0.0`` for an empty original).

    Examples
    --------
    >>> c = clean("Sign up for our newsletter\n\nThe ferry sailed on time, officials said.")
    >>> c
    Cleaned(text='The ferry sailed on time, officials said.', removed=1 (newsletter: 1), ...)
    """

    __slots__ = (
        "_original",
        "_packed",
        "_removed",
        "kept_ratio",
        "published",
        "text",
        "title",
        "url",
    )

    text: str
    title: str | None
    url: str | None
    published: str | None
    kept_ratio: float
    _removed: tuple[Removal, ...] | None
    _original: str | None
    _packed: bytes | None

    def __init__(
        self,
        text: str,
        removed: tuple[Removal, ...],
        title: str | None,
        url: str | None,
        published: str | None,
        kept_ratio: float,
        original: str | None = None,
    ) -> None:
        init = object.__setattr__
        init(self, "text", text)
        init(self, "_removed", tuple(removed))
        init(self, "_original", original)
        init(self, "_packed", None)
        init(self, "title", title)
        init(self, "url", url)
        init(self, "published", published)
        init(self, "kept_ratio", kept_ratio)

    @classmethod
    def _native(cls, original: str, raw: tuple[Any, ...]) -> Cleaned:
        """Wrap a native result; the removals are decoded when first read."""
        text, packed, title, url, published = raw
        self = cls.__new__(cls)
        init = object.__setattr__
        init(self, "text", text)
        init(self, "_removed", None)
        init(self, "_original", original)
        init(self, "_packed", packed)
        init(self, "title", title)
        init(self, "url", url)
        init(self, "published", published)
        init(self, "kept_ratio", len(text) / len(original) if original else 0.0)
        return self

    @property
    def removed(self) -> tuple[Removal, ...]:
        """Every removed span (see the class documentation)."""
        removed = self._removed
        if removed is None:
            original = self._original or ""
            it = iter(memoryview(self._packed or b"").cast("Q").tolist())
            # tuple.__new__ skips the named tuple's Python-level __new__ (fields are known).
            new = tuple.__new__
            removed = tuple(
                [
                    new(Removal, (s, e, REASONS[r], original[s:e]))
                    for s, e, r in zip(it, it, it, strict=True)
                ]
            )
            init = object.__setattr__
            init(self, "_removed", removed)
            init(self, "_packed", None)
        return removed

    @property
    def original(self) -> str | None:
        r"""The text that was cleaned (``None`` for a ``Cleaned`` built by hand without it).

        Examples
        --------
        >>> clean("ADVERTISEMENT\n\nThe ferry sailed.").original
        'ADVERTISEMENT\n\nThe ferry sailed.'
        """
        return self._original

    def _key(self) -> tuple[Any, ...]:
        return (self.text, self.removed, self.title, self.url, self.published, self.kept_ratio)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cleaned):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Cleaned is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Cleaned is immutable: cannot delete {name!r}")

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (Cleaned, (*self._key(), self._original))

    def _repr_html_(self) -> str:
        from presslens._display import cleaned_html

        return cleaned_html(self)

    def __repr__(self) -> str:
        counts: dict[str, int] = {}
        for r in self.removed:
            counts[r.reason] = counts.get(r.reason, 0) + 1
        by = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        extra = "".join(
            f", {name}={value!r}"
            for name, value in (
                ("title", self.title),
                ("url", self.url),
                ("published", self.published),
            )
            if value is not None
        )
        detail = f" ({by})" if by else ""
        return f"Cleaned(text={shown!r}, removed={len(self.removed)}{detail}{extra}, ...)"

    def removed_by(self, reason: str) -> list[Removal]:
        r"""Return the removals with the given reason.

        Parameters
        ----------
        reason
            One of :data:`REASONS`.

        Returns
        -------
        list of Removal
            In text order.

        Examples
        --------
        >>> c = clean("ADVERTISEMENT\nThe ferry sailed on time, officials said.")
        >>> [r.text for r in c.removed_by("advertisement")]
        ['ADVERTISEMENT']
        """
        if reason not in REASONS:
            raise InvalidArgumentError(f"unknown reason {reason!r}; use one of {REASONS}")
        return [r for r in self.removed if r.reason == reason]


def _markdown_arg(markdown: MarkdownArg) -> bool | None:
    if markdown == "auto":
        return None
    if isinstance(markdown, bool):
        return markdown
    raise InvalidArgumentError(f'markdown must be "auto", True or False, got {markdown!r}')


def _check_text(text: object, what: str = "text") -> str:
    if not isinstance(text, str):
        raise InvalidArgumentError(f"{what} must be a str, got {type(text).__name__}")
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidArgumentError(
            f"{what} contains characters that are not valid Unicode scalar values "
            f"(lone surrogates at index {exc.start}); decode the bytes with errors='replace'"
        ) from None
    return text


def _build(original: str, raw: tuple[Any, ...]) -> Cleaned:
    return Cleaned._native(original, raw)


def clean(text: str, *, markdown: MarkdownArg = "auto", repair_paragraphs: bool = True) -> Cleaned:
    r"""Remove boilerplate from one scraped article.

    Parameters
    ----------
    text
        The scraped text (plain text or markdown).
    markdown
        ``"auto"`` detects markdown (links, ``**``, ``#`` headings); ``True`` always strips
        markdown syntax; ``False`` never does (control characters and stray backslashes are
        always stripped).
    repair_paragraphs
        Join a paragraph that ends without a sentence end to a next one that starts in lower
        case (the join is reported as a ``"markup"`` removal of the line break).

    Returns
    -------
    Cleaned
        The body, every removal with its reason, and the title, URL and date found.

    Raises
    ------
    InvalidArgumentError
        When ``text`` is not a string, holds lone surrogates, or ``markdown`` is invalid.

    Examples
    --------
    >>> raw = (
    ...     "# Harbour reopens after storm\n\n"
    ...     "The harbour in Port Ellis [reopened](#) on Monday after a storm closed it, "
    ...     "the port authority said.\n\nFerries will run a reduced timetable until the\n\n"
    ...     "weekend, officials said.\n\nADVERTISEMENT\n\nFollow us on:"
    ... )
    >>> c = clean(raw)
    >>> c.title
    'Harbour reopens after storm'
    >>> print(c.text)
    The harbour in Port Ellis reopened on Monday after a storm closed it, the port authority said.
    <BLANKLINE>
    Ferries will run a reduced timetable until the weekend, officials said.
    >>> sorted({r.reason for r in c.removed})
    ['advertisement', 'markup', 'metadata', 'social']
    >>> raw[c.removed[-1].start : c.removed[-1].end]
    'Follow us on:'
    """
    original = _check_text(text)
    raw = _presslens.clean_text(
        original, markdown=_markdown_arg(markdown), repair_paragraphs=repair_paragraphs
    )
    return _build(original, raw)


def clean_many(
    texts: list[str],
    outlets: list[str] | None = None,
    *,
    markdown: MarkdownArg = "auto",
    repair_paragraphs: bool = True,
    cross_document: bool = True,
    n_threads: int | None = None,
) -> list[Cleaned]:
    r"""Clean many articles in parallel, removing lines repeated across an outlet's articles.

    Parameters
    ----------
    texts
        The scraped texts.
    outlets
        The outlet of each text (``""`` or ``None`` when unknown: such texts only take part
        in the corpus-wide rule for short lines).
    markdown, repair_paragraphs
        As in :func:`clean`.
    cross_document
        Remove, as ``"repeated"``, lines found in two or more documents of the same outlet
        and short lines (at most 12 words) found in three or more documents of several
        outlets. A document sharing whole paragraphs with another (a near duplicate) keeps
        its repeated lines.
    n_threads
        ``None`` uses the global pool, ``1`` runs serially.

    Returns
    -------
    list of Cleaned
        One per text, in order; the same for every thread count.

    Examples
    --------
    >>> body = "The council met on Tuesday and agreed the budget for the coming year."
    >>> texts = [f"{topic} {body}\n\nBrought to you by the Gazette" for topic in "ABC"]
    >>> [c.text for c in clean_many(texts, ["gazette"] * 3)][0]
    'A The council met on Tuesday and agreed the budget for the coming year.'
    """
    originals = [_check_text(t, "texts[i]") for t in texts]
    names = [""] * len(originals) if outlets is None else [o or "" for o in outlets]
    raws = _presslens.clean_many(
        originals,
        names,
        markdown=_markdown_arg(markdown),
        repair_paragraphs=repair_paragraphs,
        cross_document=cross_document,
        n_threads=n_threads,
    )
    return [_build(o, r) for o, r in zip(originals, raws, strict=True)]


def _clean_corpus(corpus: Any, *, cross_document: bool = True, n_threads: int | None = None) -> Any:
    """Clean every document of a ``Corpus`` (backs ``Corpus.clean``).

    Documents keep their original text in ``.raw`` (a document cleaned before is cleaned again
    from its ``raw``) and the removals in ``.removed``; empty ``title``, ``url`` and
    ``published`` are filled from the text.
    """
    docs = list(corpus)
    originals = [d.raw if d.raw is not None else d.text for d in docs]
    outlets = [d.outlet or "" for d in docs]
    results = clean_many(originals, outlets, cross_document=cross_document, n_threads=n_threads)
    cleaned = []
    for doc, original, res in zip(docs, originals, results, strict=True):
        # The constructor directly: ``doc.replace`` (dataclasses.replace) costs as much again.
        cleaned.append(
            type(doc)(
                res.text,
                id=doc.id,
                outlet=doc.outlet,
                title=doc.title or res.title,
                url=doc.url or res.url,
                published=doc.published or res.published,
                raw=original,
                removed=res.removed,
            )
        )
    return type(corpus)(cleaned)


def _cleaning_report(corpus: Any) -> pd.DataFrame:
    """Tabulate every removal of a cleaned corpus (backs ``Corpus.cleaning_report``).

    One row per removal: ``id, outlet, reason, text, start, end``.
    """
    pandas = _pandas("Corpus.cleaning_report")
    rows = [
        (doc.id, doc.outlet, r.reason, r.text, r.start, r.end)
        for doc in corpus
        for r in doc.removed
    ]
    frame: pd.DataFrame = pandas.DataFrame(
        rows, columns=["id", "outlet", "reason", "text", "start", "end"]
    )
    return frame.astype({"start": "int64", "end": "int64"})
