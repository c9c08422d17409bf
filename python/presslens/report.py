"""One self-contained HTML report of a story's coverage: ``presslens report PATH -o report.html``.

The file has no scripts, no network requests and no external fonts or stylesheets: it opens
offline in any browser, can be mailed or archived as is, and every text in it is escaped.

Sections: the corpus, the cleaning audit (what was removed, from which document, why), per-
outlet statistics, top and distinctive terms, the multi-document summary with the outlets
carrying each sentence, the outlet overlap heat-map, the passages outlets share (wire copy),
and the statements several outlets quote, with each outlet's wording.

Examples
--------
>>> from presslens.datasets import load_demo
>>> html = build_report(load_demo())
>>> html.startswith("<!DOCTYPE html>") and "Summary" in html and "<script" not in html
True
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from presslens import __version__
from presslens._display import corpus_html, overlap_html, summary_html
from presslens._html import CSS, chip, esc, more_row, table
from presslens.corpus import Corpus
from presslens.exceptions import EmptyCorpusError, InvalidArgumentError

__all__ = ["build_report", "write_report"]

_PAGE_CSS = """
body{margin:24px auto;max-width:1100px;padding:0 16px;font-family:system-ui,-apple-system,
  'Segoe UI',sans-serif;color:#222;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid #eee;
  padding-bottom:4px}
nav a{margin-right:12px;color:#0072B2;text-decoration:none}
section{margin-bottom:16px}
details summary{cursor:pointer;color:#0072B2;margin:6px 0}
.passage{font-size:12px;max-width:30em}
footer{margin-top:32px;color:#777;font-size:12px}
""".strip()

_FIRST_PASSAGES = 12  # shown open; the rest in a collapsed <details>

_SECTIONS = (
    ("corpus", "Corpus"),
    ("cleaning", "Cleaning audit"),
    ("outlets", "Per outlet"),
    ("terms", "Terms"),
    ("summary", "Summary"),
    ("overlap", "Overlap"),
    ("passages", "Shared passages"),
    ("quotes", "Quotes"),
)


def _section(key: str, title: str, body: str) -> str:
    return f'<section id="{key}"><h2>{esc(title)}</h2>{body}</section>'


def _cleaning(corpus: Corpus, max_rows: int) -> str:
    rows: list[tuple[str, str, str, str]] = []
    by_reason: dict[str, list[int]] = {}
    raw = kept = 0
    for doc in corpus:
        if doc.raw is None:
            continue
        raw += len(doc.raw)
        kept += len(doc.text)
        for r in doc.removed:
            entry = by_reason.setdefault(r.reason, [0, 0])
            entry[0] += 1
            entry[1] += r.end - r.start
            rows.append((str(doc.id), str(doc.outlet or ""), r.reason, r.text))
    if not raw:
        return '<p class="muted">The texts were analysed as they are (not cleaned).</p>'
    reasons = table(
        ["reason", "removals", "characters"],
        [
            [esc(k), f"{v[0]:,}", f"{v[1]:,}"]
            for k, v in sorted(by_reason.items(), key=lambda kv: -kv[1][1])
        ],
        numeric=[False, True, True],
    )
    head = (
        f"<p>Kept {kept / raw:.0%} of {raw:,} characters; {len(rows):,} removals. Every "
        "removal, with offsets: <code>Corpus.cleaning_report()</code>.</p>"
    )
    shown = rows[:max_rows]
    detail = table(
        ["document", "outlet", "reason", "removed text"],
        [[esc(d), esc(o), esc(r), esc(t[:300])] for d, o, r, t in shown],
        footer=more_row(len(rows) - len(shown), 4, "removals"),
    )
    return head + reasons + f"<details><summary>Every removal</summary>{detail}</details>"


def _outlets(corpus: Corpus, n_threads: int | None) -> str:
    from presslens.cli import outlet_table

    rows = outlet_table(corpus, n_threads=n_threads)
    return table(
        ["outlet", "documents", "words", "sentences", "words / document"],
        [
            [
                chip(r["outlet"]) if r["outlet"] is not None else '<span class="muted">–</span>',
                f"{r['documents']:,}",
                f"{r['words']:,}",
                f"{r['sentences']:,}",
                f"{r['words_per_document']:,}",
            ]
            for r in rows
        ],
        numeric=[False, True, True, True, True],
    )


def _terms(corpus: Corpus, top: int, n_threads: int | None) -> str:
    from presslens.terms import distinctive_terms, term_counts

    counts = term_counts(corpus, by="outlet", stop_words="english", n_threads=n_threads)
    frame = counts.top(top)
    per: dict[str, list[str]] = {}
    for g, t, c in zip(frame["group"], frame["term"], frame["count"], strict=True):
        per.setdefault(str(g), []).append(f"{esc(t)} <span class='muted'>{int(c):,}</span>")
    body = "<h3>Most frequent (stop words removed)</h3>" + table(
        ["outlet", f"top {top} terms"], [[chip(g), " · ".join(ts)] for g, ts in per.items()]
    )
    if len(corpus.outlets) >= 2:
        dist = distinctive_terms(
            corpus, by="outlet", top=top, stop_words="english", n_threads=n_threads
        )
        per_d: dict[str, list[str]] = {}
        for g, t, z in zip(dist["group"], dist["term"], dist["z"], strict=True):
            per_d.setdefault(str(g), []).append(f"{esc(t)} <span class='muted'>z={z:.1f}</span>")
        body += (
            "<h3>Distinctive (log-odds with an informative prior vs the other outlets; "
            "stop words removed)</h3>"
            + table(
                ["outlet", f"top {top} terms"],
                [[chip(g), " · ".join(ts)] for g, ts in per_d.items()],
            )
        )
    return body


def _passages(corpus: Corpus, max_rows: int, n_threads: int | None) -> str:
    from presslens.overlap import shared_passages

    frame = shared_passages(corpus, n_threads=n_threads)
    if len(frame) == 0:
        return '<p class="muted">No passage of 8 or more words is shared.</p>'
    frame = frame.sort_values("words", ascending=False, kind="stable")
    outlet = {d.id: d.outlet for d in corpus}
    rows = []
    head = frame.head(max_rows)
    for a, b, words, text in zip(
        head["doc_a"], head["doc_b"], head["words"], head["text_a"], strict=True
    ):
        rows.append(
            [
                f"{esc(a)} {chip(outlet.get(str(a)) or '–')}",
                f"{esc(b)} {chip(outlet.get(str(b)) or '–')}",
                f"{int(words):,}",
                f'<div class="passage">{esc(str(text)[:600])}</div>',
            ]
        )
    headers = ["document", "shared with", "words", "passage"]
    numeric = [False, False, True, False]
    first = _FIRST_PASSAGES
    body = f"<p>{len(frame):,} passages; the longest first.</p>" + table(
        headers, rows[:first], numeric=numeric
    )
    if len(rows) > first:
        rest = table(
            headers,
            rows[first:],
            numeric=numeric,
            footer=more_row(len(frame) - len(rows), 4, "passages"),
        )
        body += f"<details><summary>{len(frame) - first:,} more passages</summary>{rest}</details>"
    return body


def _quotes(corpus: Corpus, n_threads: int | None) -> str:
    from presslens._display import quote_clusters_html
    from presslens.quotes import quote_clusters

    clusters = quote_clusters(corpus, n_threads=n_threads)
    if len(clusters) == 0:
        return '<p class="muted">No statement is quoted by two or more outlets.</p>'
    return (
        "<p>Statements quoted by two or more outlets, each with its renderings (translations "
        "and partial quotes included).</p>" + (quote_clusters_html(clusters) or "")
    )


def build_report(
    corpus: Corpus,
    *,
    title: str | None = None,
    clean: bool = True,
    max_words: int = 150,
    top: int = 10,
    max_rows: int = 200,
    n_threads: int | None = None,
) -> str:
    """Build the self-contained HTML report of a corpus (one story, many outlets).

    Parameters
    ----------
    corpus
        The articles. Documents that were not cleaned are cleaned first unless ``clean`` is
        false.
    title
        The page title (default: "presslens report").
    clean
        Clean uncleaned documents first (with cross-document repetition).
    max_words
        Word budget of the multi-document summary.
    top
        Terms per outlet.
    max_rows
        Rows per long table (removals, passages).
    n_threads
        ``None`` for the global pool, ``1`` for serial, else a pool of that size.

    Returns
    -------
    str
        One HTML document with inline CSS and no scripts.

    Raises
    ------
    EmptyCorpusError
        For a corpus without documents.
    InvalidArgumentError
        When ``max_words``, ``top`` or ``max_rows`` is not a positive int.
    """
    from presslens.overlap import overlap
    from presslens.summarize import summarize

    if len(corpus) == 0:
        raise EmptyCorpusError("a report needs at least one document; the corpus is empty")
    for name, value in (("max_words", max_words), ("top", top), ("max_rows", max_rows)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InvalidArgumentError(f"{name} must be a positive int, got {value!r}")
    if clean and any(d.raw is None for d in corpus):
        corpus = corpus.clean(n_threads=n_threads)
    name = title or "presslens report"
    parts = [
        _section("corpus", "Corpus", corpus_html(corpus)),
        _section("cleaning", "Cleaning audit", _cleaning(corpus, max_rows)),
        _section("outlets", "Per outlet", _outlets(corpus, n_threads)),
        _section("terms", "Terms", _terms(corpus, top, n_threads)),
        _section(
            "summary",
            "Summary",
            "<p>Extractive multi-document summary (LexRank); each sentence with the outlets "
            "whose articles carry the same content.</p>"
            + summary_html(summarize(corpus, max_words=max_words, n_threads=n_threads)),
        ),
    ]
    with_outlet = [d for d in corpus if d.outlet is not None]
    if with_outlet:
        parts.append(
            _section(
                "overlap",
                "Overlap",
                "<p>Share of each row outlet's 5-word shingles found in the column outlet.</p>"
                + overlap_html(overlap(corpus, by="outlet", n_threads=n_threads)),
            )
        )
    parts.append(_section("passages", "Shared passages", _passages(corpus, max_rows, n_threads)))
    parts.append(_section("quotes", "Quotes", _quotes(corpus, n_threads)))
    nav = "".join(f'<a href="#{k}">{esc(t)}</a>' for k, t in _SECTIONS)
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(name)}</title><style>{_PAGE_CSS}\n{CSS}</style></head>"
        f'<body><header><h1>{esc(name)}</h1><nav>{nav}</nav></header><main class="presslens">'
        + "".join(parts)
        + f"</main><footer>Made by presslens {esc(__version__)} on {stamp}.</footer>"
        "</body></html>\n"
    )


def write_report(corpus: Corpus, path: str | Path, **options: Any) -> Path:
    """Write :func:`build_report` to ``path`` (UTF-8) and return the path.

    Parameters
    ----------
    corpus
        The articles.
    path
        Where to write the HTML file.
    **options
        Passed to :func:`build_report`.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    out = Path(path)
    out.write_text(build_report(corpus, **options), encoding="utf-8")
    return out
