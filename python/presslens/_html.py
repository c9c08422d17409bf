"""Building blocks for the rich notebook displays (``_repr_html_``) and the HTML report.

Everything user-provided goes through :func:`esc`; every table is capped by
:data:`presslens.config.display`, so a display costs the same for ten documents or a million.
"""

from __future__ import annotations

import html
import zlib
from collections.abc import Iterable, Sequence

__all__ = [
    "CSS",
    "bar",
    "chip",
    "esc",
    "heat",
    "more_row",
    "outlet_colour",
    "struck_text",
    "table",
    "wrap",
]

# Colour-blind-safe palette (Okabe & Ito, plus greys), one per outlet by a stable hash.
_PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#7F7F7F",
    "#332288",
    "#117733",
    "#882255",
    "#44AA99",
)

CSS = """
.presslens{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px;color:#222;
  max-width:100%;overflow-x:auto}
.presslens table{border-collapse:collapse;margin:4px 0}
.presslens th,.presslens td{padding:2px 8px;text-align:left;vertical-align:top;
  border-bottom:1px solid #e5e5e5}
.presslens th{background:#f4f4f4;font-weight:600}
.presslens td.num{text-align:right;font-variant-numeric:tabular-nums}
.presslens .head{font-weight:600;margin:2px 0 4px}
.presslens .muted{color:#777}
.presslens .chip{display:inline-block;padding:0 6px;margin:0 2px 2px 0;border-radius:8px;
  color:#fff;font-size:11px;white-space:nowrap}
.presslens .bar{display:inline-block;height:9px;background:#0072B2;border-radius:2px;
  vertical-align:middle}
.presslens .body{white-space:pre-wrap;line-height:1.45;max-width:60em}
.presslens del{color:#a33;text-decoration:line-through;background:#fdeeee}
.presslens sup.reason{color:#fff;background:#a33;border-radius:3px;padding:0 3px;
  font-size:10px;margin-left:2px}
.presslens td.heat{text-align:right;font-variant-numeric:tabular-nums;min-width:3em}
""".strip()


def esc(value: object) -> str:
    """HTML-escape ``str(value)`` (quotes too): a ``<script>`` in a document shows as text.

    Examples
    --------
    >>> esc("<script>alert('x')</script>")
    '&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;'
    """
    return html.escape(str(value), quote=True)


def wrap(inner: str) -> str:
    """Wrap a display in a scoped ``<div class="presslens">`` with its stylesheet."""
    return f'<div class="presslens"><style>{CSS}</style>{inner}</div>'


def outlet_colour(outlet: object) -> str:
    """A stable colour for an outlet name (same colour in every display and run).

    Examples
    --------
    >>> outlet_colour("a.com") == outlet_colour("a.com")
    True
    """
    return _PALETTE[zlib.crc32(str(outlet).encode("utf-8")) % len(_PALETTE)]


def chip(outlet: object) -> str:
    """One coloured chip labelled with an outlet name."""
    colour = outlet_colour(outlet)
    text = "#222" if colour == "#F0E442" else "#fff"
    return f'<span class="chip" style="background:{colour};color:{text}">{esc(outlet)}</span>'


def bar(fraction: float, width_px: int = 80) -> str:
    """A horizontal bar ``fraction`` (clipped to [0, 1]) of ``width_px`` wide."""
    f = 0.0 if fraction != fraction else min(1.0, max(0.0, float(fraction)))  # NaN -> 0
    return f'<span class="bar" style="width:{round(f * width_px)}px"></span>'


def heat(value: float) -> str:
    """A table cell shaded by ``value`` in [0, 1], showing it with two decimals."""
    if value != value:  # NaN
        return '<td class="heat muted">–</td>'
    v = min(1.0, max(0.0, float(value)))
    fg = "#fff" if v > 0.55 else "#222"
    return (
        f'<td class="heat" style="background:rgba(0,114,178,{v:.3f});color:{fg}">'
        f"{float(value):.2f}</td>"
    )


def more_row(n_more: int, n_cols: int, what: str) -> str:
    """A final table row saying how many rows were left out (empty string when none)."""
    if n_more <= 0:
        return ""
    return f'<tr><td class="muted" colspan="{n_cols}">… and {n_more:,} more {esc(what)}</td></tr>'


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric: Sequence[bool] | None = None,
    footer: str = "",
) -> str:
    """An HTML table; ``rows`` hold already-escaped cell HTML.

    Parameters
    ----------
    headers
        Column titles (escaped here).
    rows
        Cells as HTML strings.
    numeric
        Per column: right-align as a number.
    footer
        Extra ``<tr>`` HTML appended to the body (e.g. :func:`more_row`).
    """
    numeric = list(numeric) if numeric is not None else [False] * len(headers)
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="num">{c}</td>' if numeric[i] else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}{footer}</tbody></table>"


def struck_text(
    original: str, removed: Sequence[tuple[int, int, str]], max_chars: int
) -> tuple[str, bool]:
    """Render ``original`` with each removed ``(start, end, reason)`` span struck through.

    Only the first ``max_chars`` characters are shown.

    Returns
    -------
    (str, bool)
        The HTML and whether the text was cut.
    """
    limit = min(len(original), max_chars)
    parts = []
    pos = 0
    for start, end, reason in removed:
        if start >= limit:
            break
        start = max(start, pos)
        if start > pos:
            parts.append(esc(original[pos:start]))
        stop = min(end, limit)
        if stop > start:
            parts.append(
                f'<del title="{esc(reason)}">{esc(original[start:stop])}</del>'
                f'<sup class="reason">{esc(reason)}</sup>'
            )
        pos = max(pos, stop)
    if pos < limit:
        parts.append(esc(original[pos:limit]))
    return "".join(parts), limit < len(original)
