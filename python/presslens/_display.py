"""The ``_repr_html_`` renderers of the result classes, each capped by ``config.display``."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from presslens import _presslens
from presslens._html import bar, chip, esc, heat, more_row, struck_text, table, wrap
from presslens.config import display

if TYPE_CHECKING:
    from presslens.clean import Cleaned
    from presslens.corpus import Corpus, Document
    from presslens.overlap import OverlapMatrix
    from presslens.summarize import Summary
    from presslens.terms import TermCounts

__all__ = [
    "cleaned_html",
    "corpus_html",
    "document_html",
    "overlap_html",
    "quote_clusters_html",
    "summary_html",
    "term_counts_html",
]

_NO_OUTLET = "(no outlet)"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _word_counts(texts: Sequence[str]) -> tuple[list[int], list[int], bool]:
    """Word counts of ``texts``: exact up to ``max_count_chars`` characters, else sampled.

    Returns ``(positions, counts, estimated)``: the positions counted and their counts.
    """
    n = len(texts)
    total = 0
    cap = display.max_count_chars
    step = 1
    for i, t in enumerate(texts):
        total += len(t)
        if total > cap:
            # Evenly spaced sample whose expected size fits the cap.
            mean = total / (i + 1)
            step = max(2, int(n * mean / cap) + 1)
            break
    positions = list(range(0, n, step))
    sample = [texts[i] for i in positions]
    counts = _presslens.word_counts(sample)
    return positions, counts, step > 1


def corpus_html(corpus: Corpus) -> str:
    """A per-outlet table: documents, words and date range."""
    docs = list(corpus)
    texts = [d.text for d in docs]
    positions, counts, estimated = _word_counts(texts)
    by_outlet: dict[str, list[Any]] = {}
    for d in docs:
        key = d.outlet if d.outlet is not None else _NO_OUTLET
        row = by_outlet.get(key)
        if row is None:
            row = by_outlet[key] = [0, 0.0, 0, None, None]  # docs, words, chars, first, last
        row[0] += 1
        row[2] += len(d.text)
        p = d.published
        if p is not None:
            day = p.date() if isinstance(p, _dt.datetime) else p
            row[3] = day if row[3] is None or day < row[3] else row[3]
            row[4] = day if row[4] is None or day > row[4] else row[4]
    # Words per outlet: exact counts, or the sample's words-per-character ratio.
    sampled_words: dict[str, list[int]] = {}
    for pos, c in zip(positions, counts, strict=True):
        d = docs[pos]
        key = d.outlet if d.outlet is not None else _NO_OUTLET
        acc = sampled_words.setdefault(key, [0, 0])
        acc[0] += c
        acc[1] += len(d.text)
    all_words, all_chars = sum(counts), sum(len(texts[p]) for p in positions)
    overall_ratio = all_words / all_chars if all_chars else 0.0
    for key, row in by_outlet.items():
        words, chars = sampled_words.get(key, (0, 0))
        if not estimated:
            row[1] = float(words)
        else:
            ratio = words / chars if chars else overall_ratio
            row[1] = ratio * row[2]
    total_words = sum(r[1] for r in by_outlet.values())
    approx = "≈" if estimated else ""
    n_outlets = len(corpus.outlets)
    head = (
        f'<div class="head">Corpus: {_plural(len(docs), "document")} · '
        f"{_plural(n_outlets, 'outlet')} · {approx}{round(total_words):,} words</div>"
    )
    if not docs:
        return wrap(head)
    ordered = sorted(by_outlet.items(), key=lambda kv: (-kv[1][0], kv[0]))
    shown = ordered[: display.max_rows]
    rows = []
    for key, (n, words, _chars, first, last) in shown:
        label = f'<span class="muted">{esc(key)}</span>' if key == _NO_OUTLET else chip(key)
        span = "" if first is None else (f"{first}" if first == last else f"{first} – {last}")
        rows.append([label, f"{n:,}", f"{approx}{round(words):,}", esc(span)])
    footer = more_row(len(ordered) - len(shown), 4, "outlets")
    body = table(
        ["outlet", "documents", "words", "published"],
        rows,
        numeric=[False, True, True, False],
        footer=footer,
    )
    note = (
        f'<div class="muted">words estimated from {len(positions):,} of {len(docs):,} documents '
        "(config.display.max_count_chars)</div>"
        if estimated
        else ""
    )
    return wrap(head + body + note)


def _meta_line(items: Sequence[tuple[str, object]]) -> str:
    parts = [f"<b>{esc(k)}</b> {esc(v)}" for k, v in items if v is not None]
    return f'<div class="muted">{" · ".join(parts)}</div>' if parts else ""


def _cut_note(cut: bool, total: int) -> str:
    if not cut:
        return ""
    return (
        f'<div class="muted">… first {display.max_chars:,} of {total:,} characters shown '
        "(config.display.max_chars)</div>"
    )


def _removal_summary(removed: Sequence[tuple[int, int, str]]) -> str:
    if not removed:
        return '<div class="muted">nothing removed</div>'
    counts: dict[str, int] = {}
    chars = 0
    for s, e, reason in removed:
        counts[reason] = counts.get(reason, 0) + 1
        chars += e - s
    by = ", ".join(f"{esc(k)} {v}" for k, v in sorted(counts.items()))
    return (
        f'<div class="muted">removed {_plural(len(removed), "span")} '
        f"({chars:,} characters): {by}</div>"
    )


def cleaned_html(cleaned: Cleaned) -> str:
    """The original text with removed spans struck through and labelled by reason."""
    original = cleaned.original
    removed = [(r.start, r.end, r.reason) for r in cleaned.removed]
    meta = _meta_line(
        [
            ("title", cleaned.title),
            ("url", cleaned.url),
            ("published", cleaned.published),
            ("kept", f"{cleaned.kept_ratio:.0%}"),
        ]
    )
    if original is not None:
        body, cut = struck_text(original, removed, display.max_chars)
        total = len(original)
    else:  # built by hand: the removals first, then the body
        struck = "".join(
            f'<del title="{esc(r)}">{esc(cleaned.removed[i].text)}</del>'
            f'<sup class="reason">{esc(r)}</sup>\n'
            for i, (_s, _e, r) in enumerate(removed[: display.max_rows])
        )
        shown = cleaned.text[: display.max_chars]
        body, cut, total = struck + esc(shown), len(shown) < len(cleaned.text), len(cleaned.text)
    return wrap(
        '<div class="head">Cleaned</div>'
        + meta
        + _removal_summary(removed)
        + f'<div class="body">{body}</div>'
        + _cut_note(cut, total)
    )


def document_html(doc: Document) -> str:
    """Metadata and text; a cleaned document shows its raw text with removals struck."""
    meta = _meta_line(
        [
            ("id", doc.id),
            ("outlet", doc.outlet),
            ("published", doc.published),
            ("url", doc.url),
        ]
    )
    title = f'<div class="head">{esc(doc.title)}</div>' if doc.title else ""
    if doc.raw is not None:
        removed = [(int(r[0]), int(r[1]), str(r[2])) for r in doc.removed]
        body, cut = struck_text(doc.raw, removed, display.max_chars)
        extra = _removal_summary(removed)
        total = len(doc.raw)
    else:
        shown = doc.text[: display.max_chars]
        body, cut, extra, total = esc(shown), len(shown) < len(doc.text), "", len(doc.text)
    return wrap(title + meta + extra + f'<div class="body">{body}</div>' + _cut_note(cut, total))


def term_counts_html(tc: TermCounts) -> str:
    """Top terms per group, with counts and share bars."""
    groups = tc.groups
    shown_groups = groups[: display.max_rows]
    top = tc.top(display.max_terms, group=None) if shown_groups else None
    rows = []
    if top is not None:
        wanted = set(map(str, shown_groups))
        per_group: dict[str, list[str]] = {}
        for g, term, count, share in zip(
            top["group"], top["term"], top["count"], top["share"], strict=True
        ):
            key = str(g)
            if key not in wanted:
                continue
            per_group.setdefault(key, []).append(
                f'<span title="share {share:.3f}">{esc(term)} '
                f'<span class="muted">{int(count):,}</span></span>'
            )
        for g in shown_groups:
            terms = per_group.get(str(g), [])
            rows.append([esc(g), " · ".join(terms)])
    head = (
        f'<div class="head">TermCounts by {esc(tc.by)}: {_plural(len(groups), "group")} · '
        f"{_plural(len(tc.vocabulary), 'term')} · {_plural(tc.n_docs, 'document')}</div>"
    )
    return wrap(
        head
        + table(
            [tc.by, f"top {display.max_terms} terms (count)"],
            rows,
            footer=more_row(len(groups) - len(shown_groups), 2, "groups"),
        )
    )


def overlap_html(m: OverlapMatrix) -> str:
    """A heat-map table (rows: the unit whose share is measured)."""
    k = min(len(m.labels), display.max_labels)
    labels = m.labels[:k]
    values = np.asarray(m.values)[:k, :k]
    head_cells = "".join(f"<th>{esc(lab)}</th>" for lab in labels)
    rows = []
    for i, lab in enumerate(labels):
        cells = "".join(heat(float(v)) for v in values[i])
        rows.append(f"<tr><th>{esc(lab)}</th>{cells}</tr>")
    more = ""
    if k < len(m.labels):
        more = (
            f'<div class="muted">first {k} of {len(m.labels):,} {esc(m.by)}s shown '
            "(config.display.max_labels)</div>"
        )
    what = (
        "share of the row's shingles found in the column"
        if m.measure == "containment"
        else f"{m.measure} similarity"
    )
    head = (
        f'<div class="head">Overlap by {esc(m.by)}: {esc(m.measure)}, {m.ngram}-word shingles'
        f'</div><div class="muted">{esc(what)}</div>'
    )
    grid = (
        f"<table><thead><tr><th></th>{head_cells}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return wrap(head + grid + more)


def summary_html(summary: Summary) -> str:
    """Summary sentences with score bars and one coloured chip per supporting outlet."""
    sentences = summary.sentences
    shown = sentences[: display.max_rows]
    top = max((abs(x.score) for x in sentences), default=0.0)
    rows = []
    for i, x in enumerate(shown, 1):
        fraction = abs(x.score) / top if top > 0 else 0.0
        chips = "".join(chip(o) for o in x.supported_by)
        outlet = f' <span class="muted">{esc(x.outlet)}</span>' if x.outlet else ""
        source = esc(x.doc_id) + outlet
        rows.append(
            [
                str(i),
                f'{bar(fraction)} <span class="muted">{x.score:.3g}</span>',
                esc(x.text[: display.max_chars]),
                source,
                chips,
            ]
        )
    budget = ", ".join(
        f"{k}={v}"
        for k, v in (("max_words", summary.max_words), ("max_sentences", summary.max_sentences))
        if v is not None
    )
    head = (
        f'<div class="head">Summary ({esc(summary.method)}): '
        f"{_plural(len(sentences), 'sentence')} · {summary.words:,} words</div>"
        f'<div class="muted">{esc(budget)} · order={esc(summary.order)}</div>'
    )
    return wrap(
        head
        + table(
            ["#", "score", "sentence", "from", "carried by"],
            rows,
            numeric=[True, False, False, False, False],
            footer=more_row(len(sentences) - len(shown), 5, "sentences"),
        )
    )


_CLUSTER_COLUMNS = ("cluster", "doc", "outlet", "speaker", "quote", "cluster_speaker")


def quote_clusters_html(frame: Any) -> str | None:
    """Each statement (cluster) with its renderings side by side; ``None`` for other frames."""
    if any(c not in getattr(frame, "columns", ()) for c in _CLUSTER_COLUMNS):
        return None
    clusters: dict[Any, list[tuple[Any, ...]]] = {}
    for row in zip(*(frame[c] for c in _CLUSTER_COLUMNS), strict=True):
        clusters.setdefault(row[0], []).append(row)
    shown = list(clusters.items())[: display.max_rows]
    blocks = []
    for cluster, rows in shown:
        speaker = rows[0][5]
        outlets = {str(r[2]) for r in rows}
        cards = []
        for _c, doc, outlet, own, quote, _best in rows[: display.max_labels]:
            who = f'<div class="muted">{esc(own)}</div>' if own is not None else ""
            cards.append(
                '<div style="flex:1 1 14em;max-width:22em;border:1px solid #e5e5e5;'
                'border-radius:6px;padding:6px 8px">'
                f"{chip(outlet if outlet is not None else doc)} "
                f'<span class="muted">{esc(doc)}</span>'
                f"<div>“{esc(str(quote)[: display.max_chars])}”</div>{who}</div>"
            )
        extra = len(rows) - len(cards)
        more = f'<div class="muted">… and {extra} more renderings</div>' if extra > 0 else ""
        blocks.append(
            f'<div style="margin:8px 0"><div class="head">Statement {esc(cluster)}'
            f"{' · ' + esc(speaker) if speaker is not None else ''} · "
            f"{_plural(len(rows), 'rendering')} in {_plural(len(outlets), 'outlet')}</div>"
            f'<div style="display:flex;flex-wrap:wrap;gap:6px">{"".join(cards)}</div>{more}</div>'
        )
    head = (
        f'<div class="head">Quote clusters: {_plural(len(clusters), "statement")} · '
        f"{_plural(len(frame), 'quote')}</div>"
    )
    rest = len(clusters) - len(shown)
    tail = f'<div class="muted">… and {rest:,} more statements</div>' if rest > 0 else ""
    return wrap(head + "".join(blocks) + tail)
