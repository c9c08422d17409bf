"""The bad-input table: every row is an exact exception (type and message) or a documented result.

Each row runs under a time bound in a worker thread (the native layer releases the GIL), so a
hang or a quadratic blow-up fails the row instead of stalling the run. The bounds are loose
(seconds for inputs that take milliseconds): they catch hangs, they do not time anything.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import presslens
from presslens import Corpus, Document
from presslens.exceptions import (
    CorpusFormatError,
    EmptyCorpusError,
    InternalError,
    InvalidArgumentError,
    UnknownLanguageError,
)

BOUND_S = 60.0  # generous: a 50 MB row takes well under a second


def bounded(fn: Callable[[], Any], seconds: float = BOUND_S) -> Any:
    """Run ``fn`` in a thread; fail if it does not finish within ``seconds``."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:
            box["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"did not finish within {seconds:.0f} s (hang or quadratic behaviour)")
    if "error" in box:
        raise box["error"]
    return box["value"]


SURROGATE = "bad \ud800 text"
BODY = "The ferry sailed at dawn, officials said. " * 12 + "\n\n"


def _corpus_with(text: str) -> Corpus:
    return Corpus(
        [
            {"text": "Fine text about the port strike.", "outlet": "a.com", "id": "ok"},
            {"text": text, "outlet": "b.com", "id": "bad"},
        ]
    )


# (id, call, exception type, message fragment)
RAISES: list[tuple[str, Callable[[], Any], type[BaseException], str]] = [
    ("None text", lambda: Corpus([{"text": None}]), CorpusFormatError, "row 0, column 'text'"),
    ("NaN text", lambda: Corpus([{"text": float("nan")}]), CorpusFormatError, "got NaN"),
    ("float text", lambda: Corpus(["a", 3.5]), CorpusFormatError, "row 1"),
    ("bytes text", lambda: Corpus([{"text": b"x"}]), CorpusFormatError, "decode it first"),
    ("bytes Document", lambda: Document(b"x"), CorpusFormatError, "bytes"),  # type: ignore[arg-type]
    (
        "None in from_records",
        lambda: Corpus.from_records([{"text": "a"}, {"text": None}]),
        CorpusFormatError,
        "row 1",
    ),
    ("duplicate ids", lambda: Corpus([{"text": "a", "id": 1}, {"text": "b", "id": "1"}]),
     CorpusFormatError, "duplicated: '1'"),
    ("surrogate tokenize", lambda: presslens.tokenize(SURROGATE), InvalidArgumentError,
     "lone surrogate in argument 1 (at index 4)"),
    ("surrogate sentences", lambda: presslens.split_sentences(SURROGATE), InvalidArgumentError,
     "lone surrogate"),
    ("surrogate normalize", lambda: presslens.normalize(SURROGATE), InvalidArgumentError,
     "lone surrogate"),
    ("surrogate clean", lambda: presslens.clean(SURROGATE), InvalidArgumentError,
     "lone surrogates at index 4"),
    ("surrogate Corpus.clean", lambda: _corpus_with(SURROGATE).clean(), InvalidArgumentError,
     "lone surrogates"),
    ("surrogate term_counts", lambda: presslens.term_counts(_corpus_with(SURROGATE)),
     InvalidArgumentError, "document 'bad' (row 1), at index 4"),
    ("surrogate overlap", lambda: presslens.overlap(_corpus_with(SURROGATE)),
     InvalidArgumentError, "document 'bad' (row 1)"),
    ("surrogate near_duplicates", lambda: presslens.near_duplicates(_corpus_with(SURROGATE)),
     InvalidArgumentError, "document 'bad' (row 1)"),
    ("surrogate shared_passages", lambda: presslens.shared_passages(_corpus_with(SURROGATE)),
     InvalidArgumentError, "document 'bad' (row 1)"),
    ("surrogate reuse", lambda: presslens.reuse("fine", ["x", SURROGATE]),
     InvalidArgumentError, "row 1, at index 4"),
    ("surrogate text_stats", lambda: presslens.text_stats(_corpus_with(SURROGATE)),
     InvalidArgumentError, "document 'bad'"),
    ("surrogate summarize", lambda: presslens.summarize(["Fine text. More text.", SURROGATE]),
     InvalidArgumentError, "row 1, at index 4"),
    ("surrogate rouge", lambda: presslens.rouge(SURROGATE, "a reference"), InvalidArgumentError,
     "argument 1 (at index 4)"),
    ("surrogate quotes", lambda: presslens.quotes(_corpus_with(SURROGATE)), InvalidArgumentError,
     "document 'bad' (row 1)"),
    ("surrogate similarity", lambda: presslens.similarity(["a"], [SURROGATE]),
     InvalidArgumentError, "argument 2: row 0, at index 4"),
    ("surrogate align", lambda: presslens.align_sentences(_corpus_with(SURROGATE)),
     InvalidArgumentError, "document 'bad'"),
    ("unknown language", lambda: presslens.tokenize("x", stem=True, language="klingon"),
     UnknownLanguageError, "supported languages are"),
    ("unknown language sentences", lambda: presslens.split_sentences("x", language="xx"),
     UnknownLanguageError, "unknown language"),
    ("unknown language stop words", lambda: presslens.stop_words("elvish"),
     UnknownLanguageError, "unknown language"),
    ("zero documents overlap", lambda: presslens.overlap(Corpus([])), EmptyCorpusError,
     "at least one"),
    ("zero documents distinctive", lambda: presslens.distinctive_terms(Corpus([])),
     InvalidArgumentError, "needs at least two"),
    ("one outlet distinctive", lambda: presslens.distinctive_terms(
        Corpus([{"text": "a b", "outlet": "x"}])), InvalidArgumentError, "needs at least two"),
    ("text column is a str", lambda: Corpus("just one string"), TypeError, "wrap it in a list"),
    ("bad n_threads", lambda: presslens.term_counts(Corpus(["a"]), n_threads=0),
     InvalidArgumentError, "n_threads"),
    ("bad ngram", lambda: presslens.overlap(_corpus_with("x"), ngram=0), InvalidArgumentError,
     "ngram"),
    ("bad threshold", lambda: presslens.near_duplicates(["a"], threshold=1.5),
     InvalidArgumentError, "threshold"),
    ("panic on the calling thread", lambda: presslens._presslens._debug_panic("boom here"),
     InternalError, "boom here"),
    ("panic in a worker thread",
     lambda: presslens._presslens._debug_panic("boom in pool", in_pool=True),
     InternalError, "boom in pool"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "exc", "fragment"),
    [pytest.param(c, e, f, id=i) for i, c, e, f in RAISES],
)
def test_bad_input_raises(call: Callable[[], Any], exc: type[BaseException], fragment: str) -> None:
    with pytest.raises(exc) as info:
        bounded(call)
    assert fragment in str(info.value)


def test_internal_error_is_a_presslens_error_and_process_survives() -> None:
    for _ in range(3):
        with pytest.raises(presslens.PressLensError):
            presslens._presslens._debug_panic("again", in_pool=True)
    assert presslens.tokenize("still alive") == ["still", "alive"]


def _word_chars(text: str) -> int:
    return sum(len(t) for t in presslens.tokenize(text, lowercase=False))


# (id, call, check of the documented result)
RESULTS: list[tuple[str, Callable[[], Any], Callable[[Any], bool]]] = [
    ("NUL bytes tokenize", lambda: presslens.tokenize("a\x00b c"), lambda r: r == ["a", "b", "c"]),
    ("NUL bytes clean reported", lambda: presslens.clean("a\x00b c"),
     lambda r: r.text == "ab c" and [x.reason for x in r.removed] == ["markup"]),
    ("empty clean", lambda: presslens.clean(""), lambda r: r.text == "" and r.removed == ()),
    ("all-noise clean", lambda: presslens.clean("ADVERTISEMENT\n\nSign up for our newsletter"),
     lambda r: r.text == "" and len(r.removed) == 2),
    ("empty and whitespace documents kept and counted",
     lambda: presslens.text_stats(Corpus(["", "  \n\t", "One."])),
     lambda r: len(r) == 3 and list(r["words"]) == [0, 0, 1]),
    ("empty documents in term_counts",
     lambda: presslens.term_counts(Corpus(["", " ", "a b"])),
     lambda r: r.n_docs == 3 and r.vocabulary == ["a", "b"]),
    ("zero documents term_counts", lambda: presslens.term_counts(Corpus([])),
     lambda r: r.n_docs == 0 and r.vocabulary == [] and len(r.to_pandas()) == 0),
    ("zero documents near_duplicates", lambda: presslens.near_duplicates(Corpus([])),
     lambda r: len(r) == 0 and list(r.columns) == ["a", "b", "similarity"]),
    ("zero documents shared_passages", lambda: presslens.shared_passages(Corpus([])),
     lambda r: len(r) == 0),
    ("zero documents clean", lambda: Corpus([]).clean(), lambda r: len(r) == 0),
    ("zero documents text_stats", lambda: presslens.text_stats(Corpus([])), lambda r: len(r) == 0),
    ("50 MB document sentences", lambda: presslens.sentence_spans(BODY * 100_000),
     lambda r: len(r) == 1_200_000),
    ("50 MB document clean keeps every word", lambda: presslens.clean(BODY * 100_000),
     lambda r: len(r.text) >= len(BODY * 100_000) - 2 * 100_000 and not r.removed),
    ("1-million-character line clean", lambda: presslens.clean("word " * 200_000),
     lambda r: r.text == ("word " * 200_000).strip()),
    ("1-million-character line sentences", lambda: presslens.split_sentences("word " * 200_000),
     lambda r: len(r) == 1),
    ("1-million-character line tokens", lambda: presslens.tokenize("word " * 200_000),
     lambda r: len(r) == 200_000),
    ("100k periods", lambda: presslens.split_sentences("." * 100_000), lambda r: len(r) == 1),
    ("100k periods clean", lambda: presslens.clean("." * 100_000), lambda r: r.text == ""),
    ("100k sentence terminators with words",
     lambda: presslens.sentence_spans("Yes. " * 100_000), lambda r: len(r) == 100_000),
    ("10k nested quotes", lambda: presslens.split_sentences("“" * 10_000 + "a. b."),
     lambda r: "".join(r).replace(" ", "") == "“" * 10_000 + "a.b."),
    ("unbalanced quotes", lambda: presslens.split_sentences('He said "no. Then he left.'),
     lambda r: len(r) >= 1 and "".join(r).replace(" ", "") == 'Hesaid"no.Thenheleft.'),
    ("right-to-left", lambda: presslens.tokenize("مرحبا بالعالم. שלום עולם"),
     lambda r: r == ["مرحبا", "بالعالم", "שלום", "עולם"]),
    ("CJK and emoji", lambda: presslens.tokenize("東京 👍🏽 test 😀"), lambda r: r == ["東京", "test"]),
    ("emoji spans stay inside the text", lambda: presslens.token_spans("😀 ab 😀 cd"),
     lambda r: r == [(2, 4), (7, 9)]),
    ("combining marks", lambda: presslens.normalize("Cafe\u0301"), lambda r: r == "Café"),
    ("documents shorter than ngram", lambda: presslens.overlap(
        Corpus([{"text": "a b", "outlet": "x"}, {"text": "a b", "outlet": "y"}]), ngram=5).values,
     lambda r: r.tolist() == [[1.0, 1.0], [1.0, 1.0]]),
    ("one outlet overlap", lambda: presslens.overlap(
        Corpus([{"text": "one two three four five six", "outlet": "x"}])).values,
     lambda r: r.tolist() == [[1.0]]),
    ("10k identical documents near_duplicates",
     lambda: presslens.near_duplicates(["the same wire story about the port strike"] * 10_000),
     # Documented: a group of more than 64 identical documents is reported as pairs with its
     # first document (a star, not 50 million pairs), so buckets stay bounded.
     lambda r: len(r) == 9_999 and set(r["a"].astype(str)) == {"0"} and set(r["similarity"]) == {1.0}),
    ("10k quote marks in a row", lambda: presslens.quotes(Corpus(['"' * 10_000])),
     lambda r: len(r) <= 5_000),
    ("quotes without speaker", lambda: presslens.quotes(Corpus(['"We will wait," the note read.'])),
     lambda r: len(r) == 1 and r["speaker"].isna().all()),
    ("align one outlet", lambda: presslens.align_sentences(
        Corpus([{"text": "Talks stalled. Ports shut.", "outlet": "x"}])),
     lambda r: len(r) == 2),
    ("reuse with no sources", lambda: presslens.reuse("A story of its own.", []),
     lambda r: r.share == 0.0),
    ("mixed scripts keep every word", lambda: _word_chars("Peskov (Песков) said 東京"),
     lambda r: r == len("Peskov") + len("Песков") + len("said") + len("東京")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "check"),
    [pytest.param(c, k, id=i) for i, c, k in RESULTS],
)
def test_bad_input_documented_result(call: Callable[[], Any], check: Callable[[Any], bool]) -> None:
    result = bounded(call)
    assert check(result), repr(result)[:500]


def test_folder_with_non_utf8_file_names_it(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Port strike talks stalled.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Caf\xe9 owners protested.")
    with pytest.raises(CorpusFormatError) as info:
        Corpus.from_dir(tmp_path)
    assert "bad.txt" in str(info.value)
    assert "encoding=" in str(info.value)
    latin = Corpus.from_dir(tmp_path, encoding="latin-1")
    assert "Café owners protested." in latin.texts
    replaced = Corpus.from_dir(tmp_path, errors="replace")
    assert "Caf\ufffd owners protested." in replaced.texts


def test_missing_and_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such"):
        Corpus.from_dir(tmp_path / "nope")
    with pytest.raises(FileNotFoundError, match="no such file"):
        Corpus.from_jsonl(tmp_path / "nope.jsonl")
    if sys.platform == "win32" or os.geteuid() == 0:
        return  # root reads every file: an unreadable file cannot be made here
    locked = tmp_path / "locked"
    locked.mkdir()
    secret = locked / "a.txt"
    secret.write_text("x", encoding="utf-8")
    secret.chmod(0)
    try:
        with pytest.raises(PermissionError, match=r"a\.txt"):
            Corpus.from_dir(locked)
    finally:
        secret.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_results_pickle_round_trip() -> None:
    corpus = Corpus(
        [
            {"text": "Port talks stalled on Monday, officials said.", "outlet": "a.com"},
            {"text": "Port talks stalled on Monday, the union said.", "outlet": "b.com"},
        ]
    )
    for obj in (
        corpus,
        corpus.clean(),
        presslens.clean("ADVERTISEMENT\n\nBody text here."),
        presslens.term_counts(corpus, by="outlet"),
        presslens.overlap(corpus),
    ):
        again = pickle.loads(pickle.dumps(obj))
        assert type(again) is type(obj)
        assert repr(again) == repr(obj)
