"""Text primitives: normalisation, tokens, sentences, stems and stop words.

All offsets returned here are Python string indices (code points), so ``text[start:end]``
gives the piece.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from presslens import _presslens
from presslens._guard import text_input
from presslens.exceptions import InvalidArgumentError

__all__ = [
    "get_analyzer",
    "normalize",
    "sentence_spans",
    "split_sentences",
    "stem",
    "stemmer_languages",
    "stop_words",
    "token_spans",
    "tokenize",
]

StopWordsArg = str | Iterable[str] | None


@text_input
def normalize(
    text: str, *, quotes: bool = True, dashes: bool = True, whitespace: bool = True
) -> str:
    r"""Normalise news text.

    Applies NFKC, then folds typographic quotes and apostrophes (``‘’“”«»``), hyphens and dashes
    (``‐–—−``) to ASCII, and runs of horizontal white space to one space. Newlines are kept;
    ``\r\n`` becomes ``\n``; zero-width characters and soft hyphens are dropped.

    Parameters
    ----------
    text
        The text.
    quotes, dashes, whitespace
        Which foldings to apply (NFKC always applies).

    Returns
    -------
    str
        The normalised text.

    Examples
    --------
    >>> normalize("“Pause,”  Peskov’s aide said — not   now")
    '"Pause," Peskov\'s aide said - not now'
    >>> normalize("ﬁve  ２０２５", whitespace=False)
    'five  2025'
    """
    return _presslens.normalize(text, quotes=quotes, dashes=dashes, whitespace=whitespace)


def stemmer_languages() -> list[str]:
    """Languages with a Snowball stemmer, stop-word list and sentence rules.

    Returns
    -------
    list of str
        Lower-case English names, alphabetical.

    Examples
    --------
    >>> "english" in stemmer_languages() and "russian" in stemmer_languages()
    True
    """
    return list(_presslens.stemmer_languages())


@lru_cache(maxsize=64)
def _stop_words_cached(language: str) -> frozenset[str]:
    return frozenset(_presslens.stop_words(language))


def stop_words(language: str = "english") -> frozenset[str]:
    """The stop-word list of a language.

    The lists were written for presslens: function words (articles, pronouns, prepositions,
    conjunctions, auxiliaries), lower-case, with straight apostrophes.

    Parameters
    ----------
    language
        A name from :func:`stemmer_languages` or its ISO 639-1 code.

    Returns
    -------
    frozenset of str

    Raises
    ------
    UnknownLanguageError
        For a language presslens has no list for; the message lists the supported ones.

    Examples
    --------
    >>> {"the", "which"} <= stop_words("english")
    True
    >>> "und" in stop_words("de")
    True
    """
    return _stop_words_cached(language)


def _resolve_stop_words(stop_words_arg: StopWordsArg) -> frozenset[str] | None:
    if stop_words_arg is None:
        return None
    if isinstance(stop_words_arg, str):
        return stop_words(stop_words_arg)
    if isinstance(stop_words_arg, bytes):
        raise InvalidArgumentError(
            "stop_words must be a language name or an iterable of str, not bytes"
        )
    words = frozenset(stop_words_arg)
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise InvalidArgumentError(
            f"stop_words must contain only str; got {type(bad[0]).__name__} {bad[0]!r}"
        )
    return words


def _resolve_stem(stem_arg: bool | str | None, language: str) -> str | None:
    if stem_arg is None or stem_arg is False:
        return None
    if stem_arg is True:
        return language
    if isinstance(stem_arg, str):
        return stem_arg
    raise InvalidArgumentError(
        f"stem must be None, True, False or a language name, got {stem_arg!r}"
    )


@lru_cache(maxsize=128)
def _analyzer(
    lowercase: bool, stem_lang: str | None, stops: frozenset[str] | None
) -> _presslens.Analyzer:
    return _presslens.Analyzer(
        lowercase=lowercase,
        stem=stem_lang,
        stop_words=sorted(stops) if stops is not None else None,
    )


def get_analyzer(
    *,
    lowercase: bool = True,
    stem: bool | str | None = None,
    stop_words: StopWordsArg = None,
    language: str = "english",
) -> _presslens.Analyzer:
    """A cached native analyzer for these options (used by batch functions).

    Parameters
    ----------
    lowercase, stem, stop_words, language
        As for :func:`tokenize`.

    Returns
    -------
    presslens._presslens.Analyzer
        An object with ``tokenize(text)`` and ``tokenize_many(texts, n_threads=None)``.

    Examples
    --------
    >>> get_analyzer(stem=True).tokenize_many(["Talks paused", "talking"], n_threads=1)
    [['talk', 'paus'], ['talk']]
    """
    _presslens.language_code(language)  # validates the name early
    return _analyzer(lowercase, _resolve_stem(stem, language), _resolve_stop_words(stop_words))


@text_input
def tokenize(
    text: str,
    *,
    lowercase: bool = True,
    stem: bool | str | None = None,
    stop_words: StopWordsArg = None,
    language: str = "english",
) -> list[str]:
    """Split text into word tokens.

    A token is a run of letters, digits and combining marks; apostrophes and hyphens between
    word characters stay inside (``Russia's``, ``rose-tinted``), as do dots in numbers
    (``3.14``, ``12.09.25``), initialisms with their final dot (``U.S.``, ``a.m.``) and
    domains (``kremlin.ru``), and commas in thousands (``1,000``). Curly apostrophes give the
    same token as straight ones.

    Parameters
    ----------
    text
        The text.
    lowercase
        Lower-case tokens (Unicode-aware).
    stem
        ``True`` stems with the Snowball stemmer of ``language``; a language name picks another.
    stop_words
        ``"english"`` or another language name for the built-in list, or an iterable of words.
        Matching is on the lower-case token, before stemming.
    language
        Language for stemming and named stop-word lists.

    Returns
    -------
    list of str

    Raises
    ------
    UnknownLanguageError
        For an unsupported language.

    Examples
    --------
    >>> tokenize("Russia’s U.S. talks are “on pause,” Peskov said.")
    ["russia's", 'u.s.', 'talks', 'are', 'on', 'pause', 'peskov', 'said']
    >>> tokenize("The talks were paused", stem=True, stop_words="english")
    ['talk', 'paus']
    """
    return get_analyzer(
        lowercase=lowercase, stem=stem, stop_words=stop_words, language=language
    ).tokenize(text)


@text_input
def token_spans(text: str) -> list[tuple[int, int]]:
    """Start and end indices of the word tokens of ``text``.

    Parameters
    ----------
    text
        The text.

    Returns
    -------
    list of (int, int)
        Python string indices; ``text[start:end]`` is the raw token.

    Examples
    --------
    >>> text = "Песков’s “pause”"
    >>> [text[s:e] for s, e in token_spans(text)]
    ['Песков’s', 'pause']
    """
    return _presslens.token_spans(text)


@text_input
def split_sentences(text: str, *, language: str = "english") -> list[str]:
    """Split text into sentences.

    Handles abbreviations and titles, initials, numbers and dates, ellipses, punctuation
    inside quotes and brackets, lists, URLs and e-mail addresses, and headlines or bylines
    without final punctuation (a line that ends a paragraph ends a sentence).

    Parameters
    ----------
    text
        The text.
    language
        Language of the abbreviation rules.

    Returns
    -------
    list of str
        Sentences, trimmed of surrounding white space.

    Examples
    --------
    >>> split_sentences("Mr. Oli met U.S. envoys at 9 a.m. Friday. Talks were “on pause,” he said.")
    ['Mr. Oli met U.S. envoys at 9 a.m. Friday.', 'Talks were “on pause,” he said.']
    """
    return _presslens.split_sentences(text, language=language)


@text_input
def sentence_spans(text: str, *, language: str = "english") -> list[tuple[int, int]]:
    """Start and end indices of the sentences of ``text``.

    Parameters
    ----------
    text
        The text.
    language
        Language of the abbreviation rules.

    Returns
    -------
    list of (int, int)
        Python string indices; every non-space character lies in exactly one span.

    Examples
    --------
    >>> text = "Talks stalled. Aides left."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Talks stalled.', 'Aides left.']
    """
    return _presslens.sentence_spans(text, language=language)


@text_input
def stem(words: Iterable[str], *, language: str = "english") -> list[str]:
    """Stem words with the Snowball stemmer of ``language``.

    Parameters
    ----------
    words
        Words, preferably lower-case (Snowball expects it).
    language
        A name from :func:`stemmer_languages` or its ISO code.

    Returns
    -------
    list of str

    Examples
    --------
    >>> stem(["negotiations", "paused"])
    ['negoti', 'paus']
    >>> stem(["переговоры"], language="russian")
    ['переговор']
    """
    if isinstance(words, str):
        raise InvalidArgumentError(
            "stem() takes an iterable of words, not a single str; wrap it in a list"
        )
    return _presslens.stem(list(words), language=language)
