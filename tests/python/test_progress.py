"""Progress bars: counted in Rust, drawn by tqdm only when asked or when the call is long."""

from __future__ import annotations

import io
import threading

import pytest

import presslens
from presslens import _presslens, _progress
from presslens.datasets import load_demo

CORPUS = load_demo()


def test_native_counter_counts_items_of_calls_on_this_thread_only() -> None:
    counter = _presslens.ProgressCounter()
    other = threading.Thread(target=lambda: CORPUS.clean(n_threads=2))
    _presslens._progress_begin(counter)
    try:
        other.start()
        other.join()  # work on another thread is not counted here
        assert counter.done == 0
        CORPUS.clean(n_threads=2)
    finally:
        _presslens._progress_end()
    assert counter.done == 3 * len(CORPUS)  # three passes over the documents
    CORPUS.clean()
    assert counter.done == 3 * len(CORPUS)  # nothing counted after the end


def test_progress_true_draws_a_bar_and_results_do_not_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tqdm_auto = pytest.importorskip("tqdm.auto")
    stream = io.StringIO()
    real = tqdm_auto.tqdm
    bars: list[object] = []

    def capture(*args: object, **kwargs: object) -> object:
        kwargs["file"] = stream
        bar = real(*args, **kwargs)
        bars.append(bar)
        return bar

    monkeypatch.setattr(tqdm_auto, "tqdm", capture)
    cleaned = CORPUS.clean(progress=True)
    assert cleaned == CORPUS.clean(progress=False)
    assert len(bars) == 1
    assert bars[0].n == bars[0].total == 3 * len(CORPUS)  # type: ignore[attr-defined]
    assert "cleaning" in stream.getvalue()
    summary = presslens.summarize(CORPUS, progress=True)
    assert summary == presslens.summarize(CORPUS)
    matrix = presslens.overlap(CORPUS, progress=True)  # a bar without a total
    assert bars[-1].total is None  # type: ignore[attr-defined]
    assert bars[-1].n > 0  # type: ignore[attr-defined]
    assert matrix == presslens.overlap(CORPUS)


def test_progress_none_is_silent_for_short_calls_and_off_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not _progress.should_show(None, 0.1)
    monkeypatch.setattr(_progress, "_interactive", lambda: False)
    assert not _progress.should_show(None, 100.0)  # long, but not a terminal or notebook
    monkeypatch.setattr(_progress, "_interactive", lambda: True)
    assert _progress.should_show(None, 100.0)
    assert not _progress.should_show(None, 1.0)
    assert _progress.should_show(True, 0.0)
    assert not _progress.should_show(False, 100.0)


def test_every_corpus_level_call_takes_progress() -> None:
    for call in (
        lambda p: CORPUS.clean(progress=p),
        lambda p: presslens.term_counts(CORPUS, progress=p),
        lambda p: presslens.distinctive_terms(CORPUS, progress=p),
        lambda p: presslens.collocations(CORPUS, progress=p),
        lambda p: presslens.text_stats(CORPUS, progress=p),
        lambda p: presslens.overlap(CORPUS, progress=p),
        lambda p: presslens.near_duplicates(CORPUS, progress=p),
        lambda p: presslens.shared_passages(CORPUS, progress=p),
        lambda p: presslens.summarize(CORPUS, progress=p),
        lambda p: presslens.sentence_scores(CORPUS, progress=p),
        lambda p: presslens.align_sentences(CORPUS, progress=p),
        lambda p: presslens.quotes(CORPUS, progress=p),
        lambda p: presslens.quote_clusters(CORPUS, progress=p),
        lambda p: presslens.cluster_stories(CORPUS, progress=p),
    ):
        call(False)
        call(None)
        with pytest.raises(presslens.InvalidArgumentError, match="progress must be"):
            call("yes")


def test_progress_true_without_tqdm_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "tqdm", None)  # None in sys.modules: import fails
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(presslens.MissingDependencyError, match="progress"):
        CORPUS.clean(progress=True)
    assert CORPUS.clean(progress=None) == CORPUS.clean(progress=False)  # automatic: no bar


def test_nested_calls_keep_one_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    tqdm_auto = pytest.importorskip("tqdm.auto")
    real = tqdm_auto.tqdm
    bars: list[object] = []

    def capture(*args: object, **kwargs: object) -> object:
        kwargs["file"] = io.StringIO()
        bar = real(*args, **kwargs)
        bars.append(bar)
        return bar

    monkeypatch.setattr(tqdm_auto, "tqdm", capture)
    monkeypatch.setattr(_progress, "_interactive", lambda: True)
    with _progress.tracked(True, CORPUS, desc="outer", mb_per_s=1, items_per_doc=None):
        CORPUS.clean(progress=True)  # nested: counted by the outer bar, no second bar
    assert len(bars) == 1
    assert bars[0].n >= 3 * len(CORPUS)  # type: ignore[attr-defined]
    with pytest.raises(presslens.InvalidArgumentError, match="progress must be"):
        CORPUS.clean(progress="yes")  # type: ignore[arg-type]
