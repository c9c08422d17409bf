"""Rich notebook displays: content, escaping and size caps."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest

import presslens
from presslens import Corpus, Document, OverlapMatrix, config
from presslens.datasets import load_demo

SCRIPT = "<script>alert('x')</script>"


def _visible(html: str) -> str:
    """The text a browser would show (tags and the stylesheet dropped, entities kept)."""
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", "", html)


def test_corpus_html_lists_outlets_documents_words() -> None:
    corpus = load_demo()
    html = corpus._repr_html_()
    assert html.startswith('<div class="presslens">')
    assert f"{len(corpus)} documents" in html
    for outlet in corpus.outlets:
        assert outlet in html
    words = sum(presslens._presslens.word_counts(corpus.texts))
    assert f"{words:,} words" in _visible(html)
    assert "≈" not in html


def test_corpus_html_escapes_text_and_outlet_names() -> None:
    corpus = Corpus([{"text": SCRIPT, "outlet": "<b>evil</b>", "id": "<i>"}])
    html = corpus._repr_html_()
    assert "<script>" not in html
    assert "<b>evil" not in html
    assert "&lt;b&gt;evil&lt;/b&gt;" in html
    doc_html = corpus["<i>"]._repr_html_()
    assert "<script>" not in doc_html
    assert "&lt;script&gt;" in doc_html


def test_empty_corpus_and_documents_without_outlet() -> None:
    assert "0 documents" in Corpus([])._repr_html_()
    html = Corpus(["One two three.", "Four."])._repr_html_()
    assert "(no outlet)" in html
    assert "4 words" in _visible(html)


def test_corpus_html_is_capped() -> None:
    docs = [{"text": "word " * 50, "outlet": f"o{i % 500}.com"} for i in range(20_000)]
    corpus = Corpus(docs)
    with config.display_options(max_rows=7, max_count_chars=100_000):
        start = time.perf_counter()
        html = corpus._repr_html_()
        _ = time.perf_counter() - start  # informative only; never asserted
    assert "… and 493 more outlets" in html
    assert html.count("<tr>") <= 7 + 2
    # Sampled, so marked as an estimate, and the estimate is exact for uniform documents.
    assert "≈1,000,000 words" in _visible(html)
    assert "estimated from" in html


def test_cleaned_html_strikes_removed_spans_with_reasons() -> None:
    text = (
        "ADVERTISEMENT\n\nThe ferry sailed at dawn, officials said.\n\nSign up for our newsletter"
    )
    cleaned = presslens.clean(text)
    html = cleaned._repr_html_()
    for r in cleaned.removed:
        assert f'<del title="{r.reason}">' in html
        assert f'<sup class="reason">{r.reason}</sup>' in html
    assert "The ferry sailed at dawn" in html
    # The visible text is the original, nothing lost (the reason labels are extra).
    visible = _visible(html)
    assert "ADVERTISEMENT" in visible
    assert "Sign up for our newsletter" in visible


def test_cleaned_original_survives_pickle_and_reading_removed() -> None:
    import pickle

    text = "ADVERTISEMENT\n\nThe ferry sailed."
    cleaned = presslens.clean(text)
    assert cleaned.removed  # decode the removals first
    assert cleaned.original == text
    again = pickle.loads(pickle.dumps(cleaned))
    assert again == cleaned
    assert again.original == text


def test_cleaned_built_by_hand_renders_without_original() -> None:
    c = presslens.Cleaned(
        "Body.", (presslens.Removal(0, 3, "markup", "<x>"),), None, None, None, 0.5
    )
    assert c.original is None
    html = c._repr_html_()
    assert "&lt;x&gt;" in html
    assert "Body." in html


def test_cleaned_corpus_document_html_uses_raw() -> None:
    corpus = load_demo().clean()
    doc = next(d for d in corpus if d.removed)
    html = doc._repr_html_()
    assert "<del" in html
    assert str(doc.outlet) in html


def test_document_html_caps_text() -> None:
    doc = Document("x" * 20_000, id="long")
    with config.display_options(max_chars=1_000):
        html = doc._repr_html_()
    assert "x" * 1_000 in html
    assert "x" * 1_001 not in html
    assert "first 1,000 of 20,000 characters" in html


def test_term_counts_html() -> None:
    tc = presslens.term_counts(load_demo(), by="outlet", stop_words="english")
    with config.display_options(max_terms=3, max_rows=2):
        html = tc._repr_html_()
    top = tc.top(3)
    first = tc.groups[0]
    for term in top[top["group"] == first]["term"]:
        assert term in html
    assert f"… and {len(tc.groups) - 2} more groups" in html


def test_overlap_html_heat_map_and_cap() -> None:
    labels = [f"<o{i}>" for i in range(40)]
    values = np.eye(40)
    values[0, 1] = 0.25
    m = OverlapMatrix(values, labels, measure="containment", by="outlet", ngram=5)
    html = m._repr_html_()
    assert "&lt;o0&gt;" in html
    assert "<o0>" not in html
    assert html.count('class="heat"') == config.display.max_labels**2
    assert "0.25" in html
    assert "first 30 of 40 outlets shown" in html


def test_display_options_validate_and_restore() -> None:
    before = config.display.max_rows
    with pytest.raises(presslens.InvalidArgumentError, match="positive int"):
        config.display.max_rows = 0
    with pytest.raises(AttributeError, match="no option"):
        config.display.max_rowz = 3  # type: ignore[attr-defined]

    def fail_inside() -> None:
        with config.display_options(max_rows=3):
            assert config.display.max_rows == 3
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fail_inside()
    assert config.display.max_rows == before


def test_overlap_plot_and_distinctive_terms_plot() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    corpus = load_demo()
    m = presslens.overlap(corpus, by="outlet")
    ax = m.plot()
    assert [t.get_text() for t in ax.get_yticklabels()] == m.labels
    assert len(ax.texts) == len(m.labels) ** 2  # annotated cells
    ax2 = m.plot(max_labels=3, annotate=False)
    assert len(ax2.get_xticklabels()) == 3
    assert not ax2.texts
    df = presslens.distinctive_terms(corpus, top=4)
    fig = presslens.plot.distinctive_terms(df, top=4)
    drawn = [a for a in fig.axes if a.get_title()]
    assert sorted(a.get_title() for a in drawn) == sorted(map(str, set(df["group"])))
    with pytest.raises(presslens.InvalidArgumentError, match="column"):
        presslens.plot.distinctive_terms(df.drop(columns=["z"]))
    with pytest.raises(presslens.InvalidArgumentError, match="positive int"):
        m.plot(max_labels=0)
    plt.close("all")


def test_summary_html_has_score_bars_and_outlet_chips() -> None:
    corpus = load_demo()
    summary = presslens.summarize(corpus, max_words=120)
    html = summary._repr_html_()
    assert html.count('class="bar"') == len(summary.sentences)
    for sentence in summary.sentences:
        for outlet in sentence.supported_by:
            assert f">{outlet}</span>" in html
    assert f"{len(summary.sentences)} sentence" in html
    evil = presslens.summarize(["<script>x()</script> talks stalled on Monday, officials said."])
    assert "<script>" not in evil._repr_html_()


def test_coverage_plot() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    alignment = presslens.align_sentences(load_demo().clean())
    ax = presslens.plot.coverage(alignment)
    image = ax.get_images()[0].get_array()
    outlets = [c[: -len(":similarity")] for c in alignment.columns if c.endswith(":similarity")]
    assert image.shape[1] == len(outlets)
    assert float(image.max()) == 1.0
    ax = presslens.plot.coverage(alignment, doc="demo-01", max_sentences=3)
    assert len(ax.get_yticklabels()) == 3
    with pytest.raises(presslens.InvalidArgumentError, match="not in the alignment"):
        presslens.plot.coverage(alignment, doc="nope")
    with pytest.raises(presslens.InvalidArgumentError, match="columns"):
        presslens.plot.coverage(alignment[["doc", "text"]])
    plt.close("all")
