r"""Drop-in replacements for scikit-learn's text vectorizers, computed by the parallel Rust core.

:class:`CountVectorizer`, :class:`TfidfVectorizer` and :class:`HashingVectorizer` take
scikit-learn's constructor parameters (plus ``n_threads``) and give the same vocabulary, in the
same order, and the same matrices (to 1e-12 for ``float64``), so they can replace the originals
in a ``Pipeline`` or ``GridSearchCV``. scikit-learn itself is optional; when it is installed,
``stop_words="english"`` uses its ``ENGLISH_STOP_WORDS`` (otherwise presslens's English list).

What runs natively (in parallel, without the GIL):

* ``analyzer`` ``"word"``, ``"char"`` and ``"char_wb"``, with ``lowercase`` (Python's
  ``str.lower``, final sigma included), ``strip_accents`` ``"ascii"``/``"unicode"``, stop words,
  every ``ngram_range`` and the white-space normalisation of the character analyzers;
* ``token_pattern`` of the form ``(?u)\b\w\w+\b`` (the default), ``\b\w+\b``,
  ``\b\w\w\w+\b`` or ``\b\w{k,}\b``, with Python's own ``\w`` (the character tables are
  generated from Python's Unicode database: ``\w`` is ``str.isalnum()`` or ``_``).

What falls back to Python speed (still exact, counting stays native): callables for
``analyzer``, ``preprocessor``, ``tokenizer`` or ``strip_accents``, and any other
``token_pattern``, which runs on Python's :mod:`re` (a pattern :mod:`re` cannot compile, or with
more than one capturing group, raises :class:`~presslens.InvalidArgumentError`).

Differences: ``dtype=numpy.float32`` tf-idf is computed in ``float64`` and then rounded (1e-6
agreement, not bit identity); ``stop_words_`` (removed from scikit-learn 1.8) holds the terms
removed by ``min_df``/``max_df``/``max_features``, as it used to.

Examples
--------
>>> from presslens.sklearn import TfidfVectorizer
>>> vec = TfidfVectorizer()
>>> X = vec.fit_transform(["Talks are on pause.", "Talks resume today, talks!"])
>>> vec.get_feature_names_out().tolist()
['are', 'on', 'pause', 'resume', 'talks', 'today']
>>> X.shape, round(float(X[1, vec.vocabulary_["talks"]]), 4)
((2, 6), 0.7093)
"""

from __future__ import annotations

import inspect
import numbers
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any

import numpy as np

from presslens import _presslens
from presslens._dependencies import require
from presslens._guard import text_input
from presslens.corpus import Corpus, _is_missing, _text_error
from presslens.exceptions import (
    CorpusFormatError,
    EmptyCorpusError,
    InvalidArgumentError,
    NotFittedError,
)

__all__ = ["CountVectorizer", "HashingVectorizer", "TfidfVectorizer"]

DEFAULT_TOKEN_PATTERN = r"(?u)\b\w\w+\b"
_NATIVE_PATTERN = re.compile(r"^(?:\(\?u\))?\\b((?:\\w)+)\+\\b$")
_NATIVE_PATTERN_BRACES = re.compile(r"^(?:\(\?u\))?\\b\\w\{(\d+),\}\\b$")
_WHITE_SPACES = re.compile(r"\s\s+")

Analyzer = Callable[[Any], list[str]]


def _native_min_chars(pattern: str | None) -> int | None:
    r"""Minimum token length when ``pattern`` is ``\\b\\w{k,}\\b`` (runs natively), else None."""
    if pattern is None:
        return None
    m = _NATIVE_PATTERN.match(pattern)
    if m:
        return len(m.group(1)) // 2
    m = _NATIVE_PATTERN_BRACES.match(pattern)
    if m and int(m.group(1)) >= 1:
        return int(m.group(1))
    return None


def strip_accents_unicode(s: str) -> str:
    """Remove accents: NFKD, then drop combining characters (as scikit-learn).

    Examples
    --------
    >>> strip_accents_unicode("café naïve")
    'cafe naive'
    """
    if s.isascii():
        return s
    normalized = unicodedata.normalize("NFKD", s)
    return "".join(c for c in normalized if not unicodedata.combining(c))


def strip_accents_ascii(s: str) -> str:
    """Remove accents: NFKD, then drop every non-ASCII character (as scikit-learn).

    Examples
    --------
    >>> strip_accents_ascii("café ß")
    'cafe '
    """
    return unicodedata.normalize("NFKD", s).encode("ASCII", "ignore").decode("ASCII")


def _english_stop_words() -> frozenset[str]:
    try:
        from sklearn.feature_extraction.text import (  # type: ignore[import-untyped, import-not-found, unused-ignore]
            ENGLISH_STOP_WORDS,
        )
    except ImportError:
        from presslens.text import stop_words

        return stop_words("english")
    return frozenset(ENGLISH_STOP_WORDS)


def _check_stop_list(stop: Any) -> frozenset[str] | None:
    if stop == "english":
        return _english_stop_words()
    if isinstance(stop, str):
        raise InvalidArgumentError(f"not a built-in stop list: {stop}")
    if stop is None:
        return None
    return frozenset(stop)


def _documents(raw_documents: Any) -> tuple[list[Any], list[Any] | None]:
    """The raw documents as a list (and row labels of a pandas Series), rejecting a str."""
    if isinstance(raw_documents, str):
        raise InvalidArgumentError(
            "Iterable over raw text documents expected, string object received."
        )
    if isinstance(raw_documents, Corpus):
        return raw_documents.texts, None
    if hasattr(raw_documents, "index") and hasattr(raw_documents, "to_numpy"):  # Series
        return list(raw_documents.to_numpy()), list(raw_documents.index)
    return list(raw_documents), None


def _row_error(where: str, value: object) -> CorpusFormatError:
    return _text_error(value, where)


class _Params:
    """``get_params``/``set_params`` from the constructor signature (scikit-learn's protocol)."""

    @classmethod
    def _get_param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return sorted(p.name for p in sig.parameters.values() if p.name != "self")

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor parameters (for ``clone``, ``Pipeline`` and ``GridSearchCV``).

        Parameters
        ----------
        deep
            Accepted for compatibility; these estimators contain no sub-estimators.

        Returns
        -------
        dict
            Parameter names mapped to their values.
        """
        return {name: getattr(self, name) for name in self._get_param_names()}

    def set_params(self, **params: Any) -> Any:
        """Set constructor parameters.

        Parameters
        ----------
        **params
            Parameter names and values.

        Returns
        -------
        self

        Raises
        ------
        InvalidArgumentError
            For a name that is not a constructor parameter.
        """
        valid = set(self._get_param_names())
        for name, value in params.items():
            if name not in valid:
                raise InvalidArgumentError(
                    f"Invalid parameter {name!r} for estimator {type(self).__name__}. "
                    f"Valid parameters are: {sorted(valid)!r}."
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        sig = inspect.signature(type(self).__init__)
        changed = []
        for name, p in sig.parameters.items():
            if name == "self":
                continue
            value = getattr(self, name)
            default = p.default
            same = value is default or (
                type(value) is type(default) and not callable(value) and value == default
            )
            if not same:
                changed.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(changed)})"

    def __sklearn_tags__(self) -> Any:
        from sklearn.utils import (  # type: ignore[import-untyped, import-not-found, unused-ignore]
            InputTags,
            Tags,
            TargetTags,
            TransformerTags,
        )

        return Tags(
            estimator_type=None,
            target_tags=TargetTags(required=False),
            transformer_tags=TransformerTags(),
            input_tags=InputTags(string=True, two_d_array=False),
        )

    def __getstate__(self) -> dict[str, Any]:
        if self.__dict__.get("_native_vocab") is not None:
            getattr(self, "vocabulary_", None)  # materialise the dict before pickling
        state = dict(self.__dict__)
        state.pop("_native_vocab", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


class _VectorizerMixin(_Params):
    """Analyzer construction shared by the three vectorizers (scikit-learn semantics)."""

    input: str
    encoding: str
    decode_error: str
    strip_accents: Any
    lowercase: bool
    preprocessor: Any
    tokenizer: Any
    stop_words: Any
    token_pattern: str | None
    ngram_range: tuple[int, int]
    analyzer: Any
    n_threads: int | None

    def decode(self, doc: Any) -> str:
        """Decode one input document to ``str`` (``input``, ``encoding``, ``decode_error``).

        Parameters
        ----------
        doc
            A string, bytes, a file object or a file name, depending on ``input``.

        Returns
        -------
        str
        """
        if self.input == "filename":
            with open(doc, "rb") as fh:
                doc = fh.read()
        elif self.input == "file":
            doc = doc.read()
        if isinstance(doc, bytes):
            doc = doc.decode(self.encoding, self.decode_error)
        if doc is np.nan:
            raise InvalidArgumentError(
                "np.nan is an invalid document, expected byte or unicode string."
            )
        return doc  # type: ignore[no-any-return]

    def _texts(self, raw_documents: Any) -> list[str]:
        """Decode and validate every document; a missing or non-str one names its row."""
        docs, labels = _documents(raw_documents)
        # set(map(type, ...)) runs at C speed (a generator over 20k documents costs ms).
        if self.input == "content" and set(map(type, docs)) <= {str}:
            return docs
        out: list[str] = []
        for i, doc in enumerate(docs):
            if isinstance(doc, str) and self.input == "content":
                out.append(doc)
                continue
            if _is_missing(doc) or (self.input == "content" and not isinstance(doc, bytes)):
                label = labels[i] if labels is not None else i
                raise _row_error(f"document at row {label!r}", doc)
            out.append(self.decode(doc))
        return out

    def _validate_ngram_range(self) -> None:
        min_n, max_n = self.ngram_range
        if min_n > max_n:
            raise InvalidArgumentError(
                f"Invalid value for ngram_range={self.ngram_range} "
                "lower boundary larger than the upper boundary."
            )
        if min_n < 1:
            raise InvalidArgumentError(f"ngram_range must start at 1 or more, got {min_n}")

    def _warn_for_unused_params(self) -> None:
        if self.tokenizer is not None and self.token_pattern is not None:
            warnings.warn(
                "The parameter 'token_pattern' will not be used since 'tokenizer' is not None'",
                stacklevel=3,
            )
        if self.preprocessor is not None and callable(self.analyzer):
            warnings.warn(
                "The parameter 'preprocessor' will not be used since 'analyzer' is callable'",
                stacklevel=3,
            )
        if self.ngram_range != (1, 1) and self.ngram_range is not None and callable(self.analyzer):
            warnings.warn(
                "The parameter 'ngram_range' will not be used since 'analyzer' is callable'",
                stacklevel=3,
            )
        if self.analyzer != "word" or callable(self.analyzer):
            if self.stop_words is not None:
                warnings.warn(
                    "The parameter 'stop_words' will not be used since 'analyzer' != 'word'",
                    stacklevel=3,
                )
            if self.token_pattern is not None and self.token_pattern != DEFAULT_TOKEN_PATTERN:
                warnings.warn(
                    "The parameter 'token_pattern' will not be used since 'analyzer' != 'word'",
                    stacklevel=3,
                )
            if self.tokenizer is not None:
                warnings.warn(
                    "The parameter 'tokenizer' will not be used since 'analyzer' != 'word'",
                    stacklevel=3,
                )

    def get_stop_words(self) -> frozenset[str] | None:
        """The effective stop words (``"english"`` is scikit-learn's list when installed).

        Returns
        -------
        frozenset of str or None
        """
        return _check_stop_list(self.stop_words)

    def _native(self) -> Any:
        """The native analyzer for these settings, or None when Python must run them."""
        if callable(self.analyzer) or self.preprocessor is not None:
            return None
        if self.strip_accents and self.strip_accents not in ("ascii", "unicode"):
            return None
        if self.analyzer not in ("word", "char", "char_wb"):
            raise InvalidArgumentError(
                f"{self.analyzer} is not a valid tokenization scheme/analyzer"
            )
        min_chars = 2
        stop = None
        if self.analyzer == "word":
            if self.tokenizer is not None:
                return None
            found = _native_min_chars(self.token_pattern)
            if found is None:
                return None
            min_chars = found
            words = self.get_stop_words()
            stop = sorted(words) if words is not None else None
        return _presslens.SkAnalyzer(
            analyzer=self.analyzer,
            lowercase=bool(self.lowercase),
            strip_accents=self.strip_accents or None,
            min_token_chars=min_chars,
            ngram_range=(int(self.ngram_range[0]), int(self.ngram_range[1])),
            stop_words=stop,
        )

    def build_preprocessor(self) -> Callable[[str], str]:
        """The preprocessing callable (lower-casing and accent stripping).

        Returns
        -------
        callable
        """
        if self.preprocessor is not None:
            return self.preprocessor  # type: ignore[no-any-return]
        if not self.strip_accents:
            strip: Callable[[str], str] | None = None
        elif callable(self.strip_accents):
            strip = self.strip_accents
        elif self.strip_accents == "ascii":
            strip = strip_accents_ascii
        elif self.strip_accents == "unicode":
            strip = strip_accents_unicode
        else:
            raise InvalidArgumentError(f'Invalid value for "strip_accents": {self.strip_accents}')
        return partial(_preprocess, accent_function=strip, lower=bool(self.lowercase))

    def build_tokenizer(self) -> Callable[[str], list[str]]:
        """The tokenizing callable (``token_pattern.findall`` semantics).

        Returns
        -------
        callable
        """
        if self.tokenizer is not None:
            return self.tokenizer  # type: ignore[no-any-return]
        pattern = self.token_pattern if self.token_pattern is not None else DEFAULT_TOKEN_PATTERN
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise InvalidArgumentError(
                f"token_pattern {pattern!r} is not a valid regular expression: {exc}"
            ) from exc
        if compiled.groups > 1:
            raise InvalidArgumentError(
                "More than 1 capturing group in token pattern. Only a single "
                "group should be captured."
            )
        return compiled.findall

    def _check_stop_words_consistency(
        self,
        stop_words: frozenset[str] | None,
        preprocess: Callable[[str], str],
        tokenize: Callable[[str], list[str]],
    ) -> bool | str | None:
        if id(self.stop_words) == getattr(self, "_stop_words_id", None):
            return None
        try:
            inconsistent = set()
            for w in stop_words or ():
                for token in tokenize(preprocess(w)):
                    if token not in stop_words:  # type: ignore[operator]
                        inconsistent.add(token)
            self._stop_words_id = id(self.stop_words)
            if inconsistent:
                warnings.warn(
                    "Your stop_words may be inconsistent with your preprocessing. Tokenizing "
                    f"the stop words generated tokens {sorted(inconsistent)!r} not in "
                    "stop_words.",
                    stacklevel=3,
                )
            return not inconsistent
        except Exception:
            self._stop_words_id = id(self.stop_words)
            return "error"

    def build_analyzer(self) -> Analyzer:
        """The callable turning one document into its features.

        Returns
        -------
        callable
            ``analyzer(doc) -> list of str``.

        Examples
        --------
        >>> CountVectorizer(ngram_range=(1, 2)).build_analyzer()("Talks on pause")
        ['talks', 'on', 'pause', 'talks on', 'on pause']
        """
        if callable(self.analyzer):
            return partial(_analyze, analyzer=self.analyzer, decoder=self.decode)
        native = self._native()
        if self.analyzer == "word":
            stop_words = self.get_stop_words()
            self._check_stop_words_consistency(
                stop_words, self.build_preprocessor(), self.build_tokenizer()
            )
        if native is not None:
            return _NativeAnalyze(native, self.decode)
        preprocess = self.build_preprocessor()
        if self.analyzer == "char":
            return partial(
                _analyze, ngrams=self._char_ngrams, preprocessor=preprocess, decoder=self.decode
            )
        if self.analyzer == "char_wb":
            return partial(
                _analyze,
                ngrams=self._char_wb_ngrams,
                preprocessor=preprocess,
                decoder=self.decode,
            )
        return partial(
            _analyze,
            ngrams=self._word_ngrams,
            tokenizer=self.build_tokenizer(),
            preprocessor=preprocess,
            decoder=self.decode,
            stop_words=self.get_stop_words(),
        )

    def _word_ngrams(
        self, tokens: list[str], stop_words: frozenset[str] | None = None
    ) -> list[str]:
        if stop_words is not None:
            tokens = [w for w in tokens if w not in stop_words]
        min_n, max_n = self.ngram_range
        if max_n == 1:
            return list(tokens)
        original = tokens
        out = list(original) if min_n == 1 else []
        n_orig = len(original)
        for n in range(max(min_n, 2), min(max_n + 1, n_orig + 1)):
            for i in range(n_orig - n + 1):
                out.append(" ".join(original[i : i + n]))
        return out

    def _char_ngrams(self, text: str) -> list[str]:
        text = _WHITE_SPACES.sub(" ", text)
        length = len(text)
        min_n, max_n = self.ngram_range
        out: list[str] = []
        for n in range(min_n, min(max_n + 1, length + 1)):
            for i in range(length - n + 1):
                out.append(text[i : i + n])
        return out

    def _char_wb_ngrams(self, text: str) -> list[str]:
        text = _WHITE_SPACES.sub(" ", text)
        min_n, max_n = self.ngram_range
        out: list[str] = []
        for word in text.split():
            w = " " + word + " "
            w_len = len(w)
            for n in range(min_n, max_n + 1):
                offset = 0
                out.append(w[offset : offset + n])
                while offset + n < w_len:
                    offset += 1
                    out.append(w[offset : offset + n])
                if offset == 0:
                    break
        return out

    def _features(self, docs: list[str]) -> list[list[str]]:
        """Python-speed analysis (callables, patterns the native engine does not run)."""
        analyze = self.build_analyzer()
        out = []
        for i, doc in enumerate(docs):
            feats = analyze(doc)
            if not isinstance(feats, list):
                feats = list(feats)
            for f in feats:
                if not isinstance(f, str):
                    raise InvalidArgumentError(
                        f"document {i}: the analyzer returned {type(f).__name__} {f!r}; "
                        "features must be str"
                    )
            out.append(feats)
        return out

    def _count(self, docs: list[str]) -> Any:
        native = self._native()
        if native is not None and self.analyzer == "word":
            # Same side effects as build_analyzer (the stop-word consistency warning).
            self._check_stop_words_consistency(
                self.get_stop_words(), self.build_preprocessor(), self.build_tokenizer()
            )
        if native is not None:
            return native.count(docs, n_threads=self.n_threads)
        return _presslens.sk_count_features(self._features(docs), n_threads=self.n_threads)


class _NativeAnalyze:
    """Picklable callable: decode, then the native analyzer."""

    def __init__(self, native: Any, decode: Callable[[Any], str]) -> None:
        self._native = native
        self._decode = decode

    def __call__(self, doc: Any) -> list[str]:
        return self._native.analyze(self._decode(doc))  # type: ignore[no-any-return]


def _preprocess(
    doc: str, accent_function: Callable[[str], str] | None = None, lower: bool = False
) -> str:
    if lower:
        doc = doc.lower()
    if accent_function is not None:
        doc = accent_function(doc)
    return doc


def _analyze(
    doc: Any,
    analyzer: Callable[[Any], Any] | None = None,
    tokenizer: Callable[[str], Any] | None = None,
    ngrams: Callable[..., list[str]] | None = None,
    preprocessor: Callable[[Any], Any] | None = None,
    decoder: Callable[[Any], Any] | None = None,
    stop_words: frozenset[str] | None = None,
) -> Any:
    if decoder is not None:
        doc = decoder(doc)
    if analyzer is not None:
        return analyzer(doc)
    if preprocessor is not None:
        doc = preprocessor(doc)
    if tokenizer is not None:
        doc = tokenizer(doc)
    if ngrams is not None:
        doc = ngrams(doc, stop_words) if stop_words is not None else ngrams(doc)
    return doc


def _csr(
    arrays: tuple[Any, Any, Any], shape: tuple[int, int], dtype: Any, *, canonical: bool = False
) -> Any:
    """A ``csr_matrix`` over the native arrays, without copying them.

    ``canonical`` marks arrays known to have sorted, unique column indices in every row (the
    vocabulary vectorizers' output), so scipy never checks or sorts them again.
    """
    sp = require("scipy.sparse", feature="presslens.sklearn vectorizers")
    data, indices, indptr = arrays
    if indptr[-1] <= np.iinfo(np.int32).max:
        indptr = indptr.astype(np.int32)
    else:
        indices = indices.astype(np.int64)
    if data.dtype != np.dtype(dtype):
        data = data.astype(dtype)
    out = sp.csr_matrix((data, indices, indptr), shape=shape, copy=False)
    if canonical:
        out.has_sorted_indices = True
        out.has_canonical_format = True
    return out


class CountVectorizer(_VectorizerMixin):
    r"""Convert texts to a matrix of token counts: scikit-learn's ``CountVectorizer``, native.

    Parameters
    ----------
    input, encoding, decode_error, strip_accents, lowercase, preprocessor, tokenizer, \
stop_words, token_pattern, ngram_range, analyzer, max_df, min_df, max_features, vocabulary, \
binary, dtype
        As in scikit-learn (same defaults and meaning).
    n_threads
        Threads for the native work: None for the global pool, 1 for serial.

    Attributes
    ----------
    vocabulary_ : dict
        Term to column index.
    fixed_vocabulary_ : bool
        True when ``vocabulary`` was given.
    stop_words_ : set
        Terms removed by ``max_df``, ``min_df`` or ``max_features``.

    Examples
    --------
    >>> vec = CountVectorizer(stop_words=["on"])
    >>> X = vec.fit_transform(["Talks on pause", "talks resume", ""])
    >>> vec.vocabulary_
    {'pause': 0, 'resume': 1, 'talks': 2}
    >>> X.toarray().tolist()
    [[1, 0, 1], [0, 1, 1], [0, 0, 0]]
    """

    def __init__(
        self,
        *,
        input: str = "content",
        encoding: str = "utf-8",
        decode_error: str = "strict",
        strip_accents: Any = None,
        lowercase: bool = True,
        preprocessor: Callable[[str], str] | None = None,
        tokenizer: Callable[[str], list[str]] | None = None,
        stop_words: str | Iterable[str] | None = None,
        token_pattern: str | None = DEFAULT_TOKEN_PATTERN,
        ngram_range: tuple[int, int] = (1, 1),
        analyzer: str | Callable[[Any], list[str]] = "word",
        max_df: float | int = 1.0,
        min_df: float | int = 1,
        max_features: int | None = None,
        vocabulary: Mapping[str, int] | Iterable[str] | None = None,
        binary: bool = False,
        dtype: Any = np.int64,
        n_threads: int | None = None,
    ) -> None:
        self.input = input
        self.encoding = encoding
        self.decode_error = decode_error
        self.strip_accents = strip_accents
        self.preprocessor = preprocessor
        self.tokenizer = tokenizer
        self.analyzer = analyzer
        self.lowercase = lowercase
        self.token_pattern = token_pattern
        self.stop_words = stop_words
        self.max_df = max_df
        self.min_df = min_df
        self.max_features = max_features
        self.ngram_range = ngram_range
        self.vocabulary = vocabulary
        self.binary = binary
        self.dtype = dtype
        self.n_threads = n_threads

    # -- vocabulary ------------------------------------------------------------------------

    def _validate_vocabulary(self) -> None:
        vocabulary = self.vocabulary
        if vocabulary is None:
            self.fixed_vocabulary_ = False
            return
        if isinstance(vocabulary, set):
            vocabulary = sorted(vocabulary)
        if not isinstance(vocabulary, Mapping):
            vocab: dict[str, int] = {}
            for i, t in enumerate(vocabulary):
                if vocab.setdefault(t, i) != i:
                    raise InvalidArgumentError(f"Duplicate term in vocabulary: {t!r}")
            vocabulary = vocab
        else:
            indices = set(vocabulary.values())
            if len(indices) != len(vocabulary):
                raise InvalidArgumentError("Vocabulary contains repeated indices.")
            for i in range(len(vocabulary)):
                if i not in indices:
                    raise InvalidArgumentError(
                        f"Vocabulary of size {len(vocabulary)} doesn't contain index {i}."
                    )
        if not vocabulary:
            raise InvalidArgumentError("empty vocabulary passed to fit")
        self.fixed_vocabulary_ = True
        self.vocabulary_ = dict(vocabulary)

    @property
    def vocabulary_(self) -> dict[str, int]:
        """Term to column index (built on first access from the native vocabulary)."""
        d = self.__dict__.get("_vocabulary_dict")
        if d is None:
            native = self.__dict__.get("_native_vocab")
            if native is None:
                raise AttributeError(f"{type(self).__name__} has no attribute 'vocabulary_'")
            d = {t: i for i, t in enumerate(native.terms())}
            self.__dict__["_vocabulary_dict"] = d
        return d

    @vocabulary_.setter
    def vocabulary_(self, value: Mapping[str, int]) -> None:
        self.__dict__["_vocabulary_dict"] = dict(value)
        self.__dict__["_native_vocab"] = None

    def _has_vocabulary(self) -> bool:
        d = self.__dict__
        return d.get("_vocabulary_dict") is not None or d.get("_native_vocab") is not None

    def _check_vocabulary(self) -> None:
        if not self._has_vocabulary():
            self._validate_vocabulary()
            if not self.fixed_vocabulary_:
                raise NotFittedError("Vocabulary not fitted or provided")
        if len(self._native_vocabulary()) == 0:
            raise InvalidArgumentError("Vocabulary is empty")

    def _native_vocabulary(self) -> Any:
        native = self.__dict__.get("_native_vocab")
        if native is not None:
            return native
        vocab = self.vocabulary_
        native = _presslens.Vocabulary(list(vocab), [int(i) for i in vocab.values()], len(vocab))
        self.__dict__["_native_vocab"] = native
        return native

    # -- fitting ---------------------------------------------------------------------------

    def _fit_counts(self, raw_documents: Any) -> Any:
        """Count, prune and sort: the shared part of ``fit_transform``."""
        docs = self._texts(raw_documents)
        self._validate_ngram_range()
        self._warn_for_unused_params()
        self._validate_vocabulary()
        if self.fixed_vocabulary_ and self.lowercase:
            for term in self.vocabulary_:
                if any(map(str.isupper, term)):
                    warnings.warn(
                        "Upper case characters found in vocabulary while 'lowercase' is True. "
                        "These entries will not be matched with any documents",
                        stacklevel=3,
                    )
                    break
        counts = self._count(docs)
        if self.fixed_vocabulary_:
            counts.align(self._native_vocabulary(), n_threads=self.n_threads)
            return counts
        vocab_size = counts.n_terms()
        if vocab_size == 0:
            raise EmptyCorpusError(
                "empty vocabulary; perhaps the documents only contain stop words"
            )
        n_doc = counts.n_docs()
        max_df, min_df = self.max_df, self.min_df
        high = max_df if isinstance(max_df, numbers.Integral) else max_df * n_doc
        low = min_df if isinstance(min_df, numbers.Integral) else min_df * n_doc
        if high < low:
            raise InvalidArgumentError("max_df corresponds to < documents than min_df")
        removed: set[str] = set()
        limit = self.max_features
        trivially_all = low <= 1 and high >= n_doc and (limit is None or limit >= vocab_size)
        if not trivially_all:
            dfs = counts.df()
            mask = (dfs <= high) & (dfs >= low)
            if limit is not None and mask.sum() > limit:
                tfs = dfs if self.binary else counts.tf()
                mask_inds = (-tfs[mask]).argsort()[:limit]
                new_mask = np.zeros(len(dfs), dtype=bool)
                new_mask[np.where(mask)[0][mask_inds]] = True
                mask = new_mask
            kept = np.where(mask)[0].astype(np.int64)
            if len(kept) == 0:
                raise EmptyCorpusError(
                    "After pruning, no terms remain. Try a lower min_df or a higher max_df."
                )
            if len(kept) < vocab_size:
                vocab = counts.vocabulary()
                removed = {vocab[i] for i in np.where(~mask)[0]}
                counts.restrict(kept, n_threads=self.n_threads)
        self.__dict__["_native_vocab"] = counts.take_vocabulary()
        self.__dict__["_vocabulary_dict"] = None
        self.stop_words_ = removed
        return counts

    @text_input
    def fit(self, raw_documents: Any, y: Any = None) -> CountVectorizer:
        """Learn the vocabulary of the documents.

        Parameters
        ----------
        raw_documents
            An iterable of str (or bytes/files/file names per ``input``), a pandas Series or
            a :class:`~presslens.Corpus`.
        y
            Ignored.

        Returns
        -------
        self
        """
        self.fit_transform(raw_documents)
        return self

    @text_input
    def fit_transform(self, raw_documents: Any, y: Any = None) -> Any:
        """Learn the vocabulary and return the document-term matrix.

        Parameters
        ----------
        raw_documents
            As for :meth:`fit`.
        y
            Ignored.

        Returns
        -------
        scipy.sparse.csr_matrix
            Counts, shape (documents, terms). Empty documents are zero rows.

        Raises
        ------
        CorpusFormatError
            When a document is None, NaN or not a str; the message names the row.
        EmptyCorpusError
            When no term is left (scikit-learn's messages).
        """
        counts = self._fit_counts(raw_documents)
        arrays = counts.counts_csr(binary=bool(self.binary), n_threads=self.n_threads)
        return _csr(arrays, (counts.n_docs(), counts.n_terms()), self.dtype, canonical=True)

    @text_input
    def transform(self, raw_documents: Any) -> Any:
        """Count the documents over the fitted vocabulary.

        Parameters
        ----------
        raw_documents
            As for :meth:`fit`.

        Returns
        -------
        scipy.sparse.csr_matrix
        """
        self._check_vocabulary()
        return self._transform_counts(raw_documents)

    def _transform_counts(self, raw_documents: Any) -> Any:
        docs = self._texts(raw_documents)
        counts = self._count(docs)
        counts.align(self._native_vocabulary(), n_threads=self.n_threads)
        arrays = counts.counts_csr(binary=bool(self.binary), n_threads=self.n_threads)
        return _csr(arrays, (counts.n_docs(), counts.n_terms()), self.dtype, canonical=True)

    def inverse_transform(self, X: Any) -> list[Any]:  # noqa: N803 (scikit-learn's name)
        """Terms with a non-zero entry in each row of ``X``.

        Parameters
        ----------
        X
            Document-term matrix (sparse or dense).

        Returns
        -------
        list of numpy.ndarray
        """
        self._check_vocabulary()
        sp = require("scipy.sparse", feature="inverse_transform")
        terms = np.array(list(self.vocabulary_.keys()))
        indices = np.array(list(self.vocabulary_.values()))
        inverse = terms[np.argsort(indices)]
        if sp.issparse(X):
            mat = sp.csr_matrix(X)
            return [inverse[mat[i, :].nonzero()[-1]].ravel() for i in range(mat.shape[0])]
        dense = np.asarray(X)
        return [inverse[np.flatnonzero(dense[i, :])].ravel() for i in range(dense.shape[0])]

    def get_feature_names_out(self, input_features: Any = None) -> Any:
        """The terms, in column order.

        Parameters
        ----------
        input_features
            Ignored.

        Returns
        -------
        numpy.ndarray of object
        """
        self._check_vocabulary()
        return np.asarray(self._native_vocabulary().terms(), dtype=object)


class TfidfVectorizer(CountVectorizer):
    r"""Convert texts to a tf-idf matrix: scikit-learn's ``TfidfVectorizer``, native.

    Parameters
    ----------
    input, encoding, decode_error, strip_accents, lowercase, preprocessor, tokenizer, \
analyzer, stop_words, token_pattern, ngram_range, max_df, min_df, max_features, vocabulary, \
binary, dtype, norm, use_idf, smooth_idf, sublinear_tf
        As in scikit-learn (same defaults and meaning).
    n_threads
        Threads for the native work: None for the global pool, 1 for serial.

    Attributes
    ----------
    vocabulary_ : dict
    idf_ : numpy.ndarray
        ``ln((1 + n) / (1 + df)) + 1`` with ``smooth_idf``, else ``ln(n / df) + 1``.

    Examples
    --------
    >>> vec = TfidfVectorizer(norm=None, smooth_idf=False)
    >>> X = vec.fit_transform(["talks talks pause", "talks"])
    >>> vec.idf_.round(4).tolist()
    [1.6931, 1.0]
    >>> X.toarray().round(4).tolist()
    [[1.6931, 2.0], [0.0, 1.0]]
    """

    def __init__(
        self,
        *,
        input: str = "content",
        encoding: str = "utf-8",
        decode_error: str = "strict",
        strip_accents: Any = None,
        lowercase: bool = True,
        preprocessor: Callable[[str], str] | None = None,
        tokenizer: Callable[[str], list[str]] | None = None,
        analyzer: str | Callable[[Any], list[str]] = "word",
        stop_words: str | Iterable[str] | None = None,
        token_pattern: str | None = DEFAULT_TOKEN_PATTERN,
        ngram_range: tuple[int, int] = (1, 1),
        max_df: float | int = 1.0,
        min_df: float | int = 1,
        max_features: int | None = None,
        vocabulary: Mapping[str, int] | Iterable[str] | None = None,
        binary: bool = False,
        dtype: Any = np.float64,
        norm: str | None = "l2",
        use_idf: bool = True,
        smooth_idf: bool = True,
        sublinear_tf: bool = False,
        n_threads: int | None = None,
    ) -> None:
        super().__init__(
            input=input,
            encoding=encoding,
            decode_error=decode_error,
            strip_accents=strip_accents,
            lowercase=lowercase,
            preprocessor=preprocessor,
            tokenizer=tokenizer,
            analyzer=analyzer,
            stop_words=stop_words,
            token_pattern=token_pattern,
            ngram_range=ngram_range,
            max_df=max_df,
            min_df=min_df,
            max_features=max_features,
            vocabulary=vocabulary,
            binary=binary,
            dtype=dtype,
            n_threads=n_threads,
        )
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf

    def _out_dtype(self) -> Any:
        if np.dtype(self.dtype) in (np.float64, np.float32):
            return self.dtype
        warnings.warn(
            f"Only {(np.float64, np.float32)} 'dtype' should be used. {self.dtype} 'dtype' "
            "will be converted to np.float64.",
            UserWarning,
            stacklevel=3,
        )
        return np.float64

    def _weigh(self, counts: Any) -> Any:
        if self.norm not in ("l1", "l2", None):
            raise InvalidArgumentError(f"norm must be 'l1', 'l2' or None, got {self.norm!r}")
        idf = self.idf_ if self.use_idf else None
        arrays = counts.tfidf_csr(
            idf=None if idf is None else np.ascontiguousarray(idf, dtype=np.float64),
            binary=bool(self.binary),
            sublinear_tf=bool(self.sublinear_tf),
            norm=self.norm,
            n_threads=self.n_threads,
        )
        return _csr(arrays, (counts.n_docs(), counts.n_terms()), self._out_dtype(), canonical=True)

    @text_input
    def fit_transform(self, raw_documents: Any, y: Any = None) -> Any:
        """Learn vocabulary and idf, and return the tf-idf matrix.

        Parameters
        ----------
        raw_documents
            An iterable of str (or bytes/files/file names per ``input``), a pandas Series or
            a :class:`~presslens.Corpus`.
        y
            Ignored.

        Returns
        -------
        scipy.sparse.csr_matrix
            Shape (documents, terms); empty documents are zero rows.

        Raises
        ------
        CorpusFormatError
            When a document is None, NaN or not a str; the message names the row.
        EmptyCorpusError
            When no term is left (scikit-learn's messages).
        """
        out_dtype = self._out_dtype()
        counts = self._fit_counts(raw_documents)
        if self.use_idf:
            idf = counts.idf(smooth_idf=bool(self.smooth_idf))
            self.idf_ = idf.astype(out_dtype) if np.dtype(out_dtype) != np.float64 else idf
        elif hasattr(self, "idf_"):
            del self.idf_
        return self._weigh(counts)

    @text_input
    def fit(self, raw_documents: Any, y: Any = None) -> TfidfVectorizer:
        """Learn vocabulary and idf.

        Parameters
        ----------
        raw_documents
            As for :meth:`fit_transform`.
        y
            Ignored.

        Returns
        -------
        self
        """
        self.fit_transform(raw_documents)
        return self

    @text_input
    def transform(self, raw_documents: Any) -> Any:
        """The tf-idf matrix of the documents over the fitted vocabulary and idf.

        Parameters
        ----------
        raw_documents
            As for :meth:`fit_transform`.

        Returns
        -------
        scipy.sparse.csr_matrix

        Raises
        ------
        NotFittedError
            Before ``fit``.
        """
        if not self._has_vocabulary() or (self.use_idf and not hasattr(self, "idf_")):
            raise NotFittedError(
                "The TF-IDF vectorizer is not fitted; call fit or fit_transform first"
            )
        docs = self._texts(raw_documents)
        counts = self._count(docs)
        counts.align(self._native_vocabulary(), n_threads=self.n_threads)
        return self._weigh(counts)


class HashingVectorizer(_VectorizerMixin):
    r"""Convert texts to a hashed feature matrix: scikit-learn's ``HashingVectorizer``, native.

    Features are hashed with signed 32-bit MurmurHash3 (seed 0), as scikit-learn does, so the
    columns agree with its output. Stateless: ``fit`` does nothing.

    Parameters
    ----------
    input, encoding, decode_error, strip_accents, lowercase, preprocessor, tokenizer, \
stop_words, token_pattern, ngram_range, analyzer, n_features, binary, norm, alternate_sign, \
dtype
        As in scikit-learn (same defaults and meaning).
    n_threads
        Threads for the native work: None for the global pool, 1 for serial.

    Examples
    --------
    >>> X = HashingVectorizer(n_features=16).transform(["talks on pause", ""])
    >>> X.shape, X.nnz
    ((2, 16), 3)
    """

    def __init__(
        self,
        *,
        input: str = "content",
        encoding: str = "utf-8",
        decode_error: str = "strict",
        strip_accents: Any = None,
        lowercase: bool = True,
        preprocessor: Callable[[str], str] | None = None,
        tokenizer: Callable[[str], list[str]] | None = None,
        stop_words: str | Iterable[str] | None = None,
        token_pattern: str | None = DEFAULT_TOKEN_PATTERN,
        ngram_range: tuple[int, int] = (1, 1),
        analyzer: str | Callable[[Any], list[str]] = "word",
        n_features: int = 2**20,
        binary: bool = False,
        norm: str | None = "l2",
        alternate_sign: bool = True,
        dtype: Any = np.float64,
        n_threads: int | None = None,
    ) -> None:
        self.input = input
        self.encoding = encoding
        self.decode_error = decode_error
        self.strip_accents = strip_accents
        self.preprocessor = preprocessor
        self.tokenizer = tokenizer
        self.analyzer = analyzer
        self.lowercase = lowercase
        self.token_pattern = token_pattern
        self.stop_words = stop_words
        self.n_features = n_features
        self.ngram_range = ngram_range
        self.binary = binary
        self.norm = norm
        self.alternate_sign = alternate_sign
        self.dtype = dtype
        self.n_threads = n_threads

    @text_input
    def fit(self, X: Any, y: Any = None) -> HashingVectorizer:  # noqa: N803 (scikit-learn's name)
        """Validate parameters; the vectorizer is stateless.

        Parameters
        ----------
        X
            Ignored apart from rejecting a single string.
        y
            Ignored.

        Returns
        -------
        self
        """
        if isinstance(X, str):
            raise InvalidArgumentError(
                "Iterable over raw text documents expected, string object received."
            )
        self._validate_ngram_range()
        self._warn_for_unused_params()
        return self

    @text_input
    def partial_fit(self, X: Any, y: Any = None) -> HashingVectorizer:  # noqa: N803 (scikit-learn's name)
        """Do nothing (stateless), for API compatibility.

        Parameters
        ----------
        X, y
            Ignored.

        Returns
        -------
        self
        """
        return self

    @text_input
    def transform(self, X: Any) -> Any:  # noqa: N803 (scikit-learn's name)
        """Hash the documents.

        Parameters
        ----------
        X
            An iterable of str (or bytes/files/file names per ``input``), a pandas Series or
            a :class:`~presslens.Corpus`.

        Returns
        -------
        scipy.sparse.csr_matrix
            Shape (documents, n_features).
        """
        docs = self._texts(X)
        self._validate_ngram_range()
        if not isinstance(self.n_features, numbers.Integral) or self.n_features < 1:
            raise InvalidArgumentError(
                f"n_features must be a positive integer, got {self.n_features!r}"
            )
        if self.norm not in ("l1", "l2", None):
            raise InvalidArgumentError(f"norm must be 'l1', 'l2' or None, got {self.norm!r}")
        native = self._native()
        kwargs = {
            "n_features": int(self.n_features),
            "alternate_sign": bool(self.alternate_sign),
            "binary": bool(self.binary),
            "norm": self.norm,
            "n_threads": self.n_threads,
        }
        if native is not None:
            arrays = native.hash(docs, **kwargs)
        else:
            arrays = _presslens.sk_hash_features(self._features(docs), **kwargs)
        return _csr(arrays, (len(docs), int(self.n_features)), self.dtype)

    @text_input
    def fit_transform(self, X: Any, y: Any = None) -> Any:  # noqa: N803 (scikit-learn's name)
        """Hash the documents (same as :meth:`transform`).

        Parameters
        ----------
        X
            As for :meth:`transform`.
        y
            Ignored.

        Returns
        -------
        scipy.sparse.csr_matrix
        """
        return self.fit(X, y).transform(X)
