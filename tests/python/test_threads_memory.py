"""Concurrency and memory guarantees of the public API.

* 8 Python threads calling the public functions at once on shared objects get the same
  results as sequential calls (the native layer releases the GIL and shares no mutable state).
* 10,000 repeated calls of each public function leave resident memory flat (no leak).
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pytest

import presslens
from presslens import Corpus
from presslens.datasets import load_demo
from presslens.sklearn import TfidfVectorizer

CORPUS = load_demo()
TEXTS = CORPUS.texts
LSH = presslens.MinHashLSH(threshold=0.5)
LSH.insert(CORPUS.ids, TEXTS)
FITTED = TfidfVectorizer().fit(TEXTS)


def _canon(value: Any) -> Any:
    """A comparable form of any result (frames, arrays, result objects)."""
    if hasattr(value, "to_pandas") and not hasattr(value, "columns"):
        value = value.to_pandas()
    if hasattr(value, "columns"):
        # NaN-safe (missing matches are NaN): compare the frame's repr of every cell.
        return value.reset_index(drop=True).astype(str).to_dict("list")
    if hasattr(value, "toarray"):
        return value.toarray().tolist()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, presslens.Corpus):
        return [d._fields_tuple() for d in value]
    if isinstance(value, presslens.Reuse):
        return (value.share, value.verbatim_share, len(value.passages))
    return value


CALLS: dict[str, Callable[[], Any]] = {
    "normalize": lambda: [presslens.normalize(t) for t in TEXTS],
    "tokenize": lambda: [presslens.tokenize(t, stem=True, stop_words="english") for t in TEXTS],
    "token_spans": lambda: [presslens.token_spans(t) for t in TEXTS],
    "split_sentences": lambda: [presslens.split_sentences(t) for t in TEXTS],
    "clean": lambda: [presslens.clean(t).text for t in TEXTS],
    "Corpus.clean": lambda: CORPUS.clean(),
    "term_counts": lambda: presslens.term_counts(CORPUS, by="outlet", ngram_range=(1, 2)),
    "distinctive_terms": lambda: presslens.distinctive_terms(CORPUS),
    "text_stats": lambda: presslens.text_stats(CORPUS),
    "overlap": lambda: presslens.overlap(CORPUS).values,
    "near_duplicates": lambda: presslens.near_duplicates(CORPUS, threshold=0.5),
    "MinHashLSH.query": lambda: LSH.query(TEXTS),
    "shared_passages": lambda: presslens.shared_passages(CORPUS),
    "reuse": lambda: presslens.reuse(TEXTS[5], TEXTS[:5]),
    "TfidfVectorizer.transform": lambda: FITTED.transform(TEXTS),
    "summarize": lambda: [(x.text, x.score) for x in presslens.summarize(CORPUS).sentences],
    "sentence_scores": lambda: presslens.sentence_scores(CORPUS, method="textrank"),
    "rouge": lambda: presslens.rouge(TEXTS[:4], TEXTS[4:8], use_stemmer=True),
    "similarity": lambda: presslens.similarity(TEXTS[:6], TEXTS[6:12]),
    "align_sentences": lambda: presslens.align_sentences(CORPUS),
    "quotes": lambda: presslens.quotes(CORPUS),
    "quote_clusters": lambda: presslens.quote_clusters(CORPUS),
}


def test_eight_threads_agree_with_sequential_calls() -> None:
    expected = {name: _canon(call()) for name, call in CALLS.items()}
    jobs = [name for name in CALLS for _ in range(4)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda name: (name, _canon(CALLS[name]())), jobs))
    for name, value in got:
        assert value == expected[name], name


def _rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * 4096


SMALL = Corpus(
    [
        {"text": "Port talks stalled on Monday, officials said. The union disagreed.",
         "outlet": "a.com"},
        {"text": "Port talks stalled on Monday, the union said. Officials disagreed.",
         "outlet": "b.com"},
    ]
)  # fmt: skip
SMALL_TEXTS = SMALL.texts

LEAK_CALLS: dict[str, Callable[[], Any]] = {
    "tokenize": lambda: presslens.tokenize(SMALL_TEXTS[0], stem=True),
    "split_sentences": lambda: presslens.split_sentences(SMALL_TEXTS[0]),
    "clean": lambda: presslens.clean(SMALL_TEXTS[0]).removed,
    "term_counts": lambda: presslens.term_counts(SMALL, by="outlet").matrix(),
    "overlap": lambda: presslens.overlap(SMALL),
    "near_duplicates": lambda: presslens.near_duplicates(SMALL_TEXTS, threshold=0.3),
    "shared_passages": lambda: presslens.shared_passages(SMALL, min_words=3),
    "reuse": lambda: presslens.reuse(SMALL_TEXTS[0], SMALL_TEXTS[1:]),
    "TfidfVectorizer": lambda: TfidfVectorizer().fit_transform(SMALL_TEXTS),
    "summarize": lambda: presslens.summarize(SMALL, max_words=20).text,
    "rouge": lambda: presslens.rouge(SMALL_TEXTS[0], SMALL_TEXTS[1], use_stemmer=True),
    "similarity": lambda: presslens.similarity(SMALL_TEXTS[:1], SMALL_TEXTS[1:]),
    "quotes": lambda: presslens.quotes(SMALL),
    "surrogate error": lambda: _swallow(lambda: presslens.tokenize("x\ud800")),
}


def _swallow(call: Callable[[], Any]) -> None:
    with contextlib.suppress(presslens.PressLensError):
        call()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
@pytest.mark.parametrize("name", list(LEAK_CALLS))
def test_ten_thousand_calls_do_not_leak(name: str) -> None:
    call = LEAK_CALLS[name]
    for _ in range(1_000):  # warm caches, pools and allocator arenas
        call()
    gc.collect()
    before = _rss_bytes()
    for _ in range(10_000):
        call()
    gc.collect()
    grown = _rss_bytes() - before
    # A leak of one small result per call (>= ~500 bytes) would add >= 5 MB.
    assert grown < 4 * 2**20, f"{name}: RSS grew by {grown / 2**20:.1f} MB over 10,000 calls"


_PEAK_SCRIPT = r"""
import resource, sys
import pandas  # imported before measuring: its import is not the call's memory
import presslens
from presslens.datasets import load_demo

name, copies = sys.argv[1], int(sys.argv[2])
base = load_demo()
docs = [
    {"text": d.text, "outlet": d.outlet, "id": f"{d.id}-{k}"}
    for k in range(copies)
    for d in base
]
corpus = presslens.Corpus(docs)
texts = corpus.texts
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
calls = {
    "clean": lambda: corpus.clean(),
    "term_counts": lambda: presslens.term_counts(corpus, by="outlet", ngram_range=(1, 2)),
    "near_duplicates": lambda: presslens.near_duplicates(corpus, threshold=0.9),
    "quotes": lambda: presslens.quotes(corpus),
    "summarize": lambda: presslens.summarize(texts[: 14 * copies], max_words=100),
}
result = calls[name]()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss in KiB on Linux")
@pytest.mark.parametrize("name", ["clean", "term_counts", "near_duplicates", "quotes", "summarize"])
def test_peak_memory_grows_linearly_with_input(name: str) -> None:
    """Peak memory of a call on 2N documents stays within ~2x (plus slack) of N documents."""
    import subprocess

    def peak(copies: int) -> int:
        out = subprocess.run(
            [sys.executable, "-c", _PEAK_SCRIPT, name, str(copies)],
            check=True,
            capture_output=True,
            text=True,
        )
        return int(out.stdout.strip().splitlines()[-1])

    small, large = peak(40), peak(80)  # 560 and 1,120 documents
    # Linear: doubling the input at most doubles the extra peak (+ 8 MB for allocator slack).
    assert large <= 2.3 * small + 8 * 1024, f"{name}: {small} KiB -> {large} KiB"
