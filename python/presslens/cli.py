"""The ``presslens`` command line.

``presslens demo`` runs the main job on the bundled demo corpus; ``presslens stats PATH`` runs
it on your articles (a folder of .txt files, .jsonl, .csv or .parquet). The main job cleans
the texts (``--raw`` skips that), reports what was removed, then per-outlet statistics and
top terms.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from presslens import __version__, _presslens
from presslens.corpus import Corpus
from presslens.exceptions import CorpusFormatError, PressLensError
from presslens.text import get_analyzer

__all__ = [
    "cleaning_summary",
    "load_corpus",
    "main",
    "outlet_table",
    "render_report",
    "top_terms",
]


def load_corpus(
    path: str | Path, *, text: str = "text", outlet: str = "outlet", id: str = "id"
) -> Corpus:
    """Load articles from a folder of .txt files, a .jsonl, .csv or .parquet file.

    Parameters
    ----------
    path
        Folder or file.
    text, outlet, id
        Column names for tabular inputs.

    Returns
    -------
    Corpus

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    CorpusFormatError
        For an unsupported file type.
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"no such file or folder: {str(p)!r}")
    if p.is_dir():
        return Corpus.from_dir(p)
    suffix = p.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        return Corpus.from_jsonl(p, text=text, outlet=outlet, id=id)
    if suffix == ".csv":
        return Corpus.from_csv(p, text=text, outlet=outlet, id=id)
    if suffix == ".parquet":
        return Corpus.from_parquet(p, text=text, outlet=outlet, id=id)
    raise CorpusFormatError(
        f"cannot read {p.name!r}: give a folder of .txt files or a .jsonl, .csv or .parquet file"
    )


def outlet_table(corpus: Corpus, *, n_threads: int | None = None) -> list[dict[str, Any]]:
    """Documents, words and sentences per outlet (documents without outlet under ``None``).

    Parameters
    ----------
    corpus
        The articles.
    n_threads
        Threads to use (``None``: the global pool).

    Returns
    -------
    list of dict
        One row per outlet, sorted by outlet name: ``outlet``, ``documents``, ``words``,
        ``sentences``, ``words_per_document``.
    """
    counts = _presslens.document_counts(corpus.texts, n_threads=n_threads)
    rows: dict[str | None, dict[str, Any]] = {}
    for doc, (_chars, words, sentences) in zip(corpus, counts, strict=True):
        row = rows.setdefault(
            doc.outlet, {"outlet": doc.outlet, "documents": 0, "words": 0, "sentences": 0}
        )
        row["documents"] += 1
        row["words"] += words
        row["sentences"] += sentences
    out = sorted(rows.values(), key=lambda r: (r["outlet"] is None, r["outlet"] or ""))
    for r in out:
        r["words_per_document"] = round(r["words"] / r["documents"], 1)
    return out


def top_terms(
    corpus: Corpus, *, n: int = 8, n_threads: int | None = None
) -> dict[str | None, list[tuple[str, int]]]:
    """Most frequent content words per outlet.

    English stop words, numbers and one-letter words are dropped.

    Parameters
    ----------
    corpus
        The articles.
    n
        Terms per outlet.
    n_threads
        Threads to use.

    Returns
    -------
    dict
        Outlet to ``[(term, count), ...]``, most frequent first, ties alphabetical.
    """
    analyzer = get_analyzer(stop_words="english")
    tokens = analyzer.tokenize_many(corpus.texts, n_threads=n_threads)
    per: dict[str | None, Counter[str]] = {}
    for doc, toks in zip(corpus, tokens, strict=True):
        c = per.setdefault(doc.outlet, Counter())
        c.update(t for t in toks if len(t) > 1 and not any(ch.isdigit() for ch in t))
    return {
        outlet: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        for outlet, c in sorted(per.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    }


def cleaning_summary(corpus: Corpus) -> dict[str, Any]:
    """What cleaning removed from a cleaned corpus, for the report.

    Parameters
    ----------
    corpus
        A corpus returned by :meth:`Corpus.clean` (documents carry ``raw`` and ``removed``).

    Returns
    -------
    dict
        ``raw_chars``, ``kept_chars``, ``removals`` and ``by_reason`` (reason to
        ``[count, characters]``, most characters first). Empty when nothing was cleaned.
    """
    by_reason: dict[str, list[int]] = {}
    raw_chars = kept_chars = removals = 0
    cleaned = False
    for doc in corpus:
        if doc.raw is None:
            continue
        cleaned = True
        raw_chars += len(doc.raw)
        kept_chars += len(doc.text)
        for r in doc.removed:
            removals += 1
            entry = by_reason.setdefault(r.reason, [0, 0])
            entry[0] += 1
            entry[1] += r.end - r.start
    if not cleaned:
        return {}
    order = sorted(by_reason.items(), key=lambda kv: (-kv[1][1], kv[0]))
    return {
        "raw_chars": raw_chars,
        "kept_chars": kept_chars,
        "removals": removals,
        "by_reason": dict(order),
    }


def render_report(corpus: Corpus, *, top: int = 8, n_threads: int | None = None) -> str:
    """The plain-text report ``presslens demo`` and ``presslens stats`` print.

    Parameters
    ----------
    corpus
        The articles.
    top
        Terms per outlet.
    n_threads
        Threads to use.

    Returns
    -------
    str
    """
    table = outlet_table(corpus, n_threads=n_threads)
    lines = [
        f"presslens {__version__}: {len(corpus)} documents from {len(corpus.outlets)} outlets",
        "",
    ]
    summary = cleaning_summary(corpus)
    if summary:
        share = summary["kept_chars"] / max(summary["raw_chars"], 1)
        lines.append(
            f"Cleaning: kept {share:.0%} of {summary['raw_chars']} characters; "
            f"{summary['removals']} removals (reason: count, characters)"
        )
        for reason, (count, chars) in summary["by_reason"].items():
            lines.append(f"  {reason:<14} {count:>5}  {chars:>8}")
        lines.append("  (every removal: Corpus.cleaning_report())")
        lines.append("")
    lines.append("Per outlet")
    width = max([len(str(r["outlet"])) for r in table] + [6])
    lines.append(
        f"  {'outlet':<{width}}  {'docs':>5}  {'words':>7}  {'sentences':>9}  {'words/doc':>9}"
    )
    for r in table:
        lines.append(
            f"  {r['outlet']!s:<{width}}  {r['documents']:>5}  {r['words']:>7}  "
            f"{r['sentences']:>9}  {r['words_per_document']:>9}"
        )
    lines += ["", f"Top terms per outlet (stop words removed, top {top})"]
    for outlet, terms in top_terms(corpus, n=top, n_threads=n_threads).items():
        lines.append(f"  {outlet!s:<{width}}  " + ", ".join(f"{t} ({c})" for t, c in terms))
    return "\n".join(lines) + "\n"


def _report_json(corpus: Corpus, top: int, n_threads: int | None) -> str:
    data = {
        "documents": len(corpus),
        "outlets": outlet_table(corpus, n_threads=n_threads),
        "top_terms": {str(k): v for k, v in top_terms(corpus, n=top, n_threads=n_threads).items()},
        "cleaning": cleaning_summary(corpus),
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presslens",
        description="Analyse news coverage across outlets: per-outlet statistics, terms and more.",
    )
    parser.add_argument("--version", action="version", version=f"presslens {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--top", type=int, default=8, help="terms per outlet (default 8)")
        p.add_argument("--json", action="store_true", help="print JSON instead of a text report")
        p.add_argument(
            "--raw", action="store_true", help="analyse the texts as they are, without cleaning"
        )
        p.add_argument(
            "--threads",
            type=int,
            default=None,
            help="threads (default: all, or PRESSLENS_NUM_THREADS)",
        )

    demo = sub.add_parser("demo", help="run the main report on the bundled demo corpus")
    common(demo)
    stats = sub.add_parser("stats", help="per-outlet statistics and top terms for your articles")
    stats.add_argument("path", help="a folder of .txt files, or a .jsonl, .csv or .parquet file")
    stats.add_argument("--text", default="text", help="text column (tabular inputs)")
    stats.add_argument("--outlet", default="outlet", help="outlet column (tabular inputs)")
    stats.add_argument("--id", default="id", help="id column (tabular inputs)")
    common(stats)
    report = sub.add_parser(
        "report", help="write one self-contained HTML report (summary, overlap, terms, audit)"
    )
    report.add_argument(
        "path", nargs="?", help="a folder of .txt files, or a .jsonl, .csv or .parquet file"
    )
    report.add_argument("--demo", action="store_true", help="report on the bundled demo corpus")
    report.add_argument("-o", "--output", default="report.html", help="HTML file to write")
    report.add_argument("--title", default=None, help="page title")
    report.add_argument("--max-words", type=int, default=150, help="summary budget (words)")
    report.add_argument("--text", default="text", help="text column (tabular inputs)")
    report.add_argument("--outlet", default="outlet", help="outlet column (tabular inputs)")
    report.add_argument("--id", default="id", help="id column (tabular inputs)")
    common(report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Parameters
    ----------
    argv
        Arguments (default ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status: 0 on success, 2 on bad input.
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command == "report" and (args.path is None) == (not args.demo):
        parser.error("report needs a PATH or --demo (not both)")
    try:
        if args.command == "demo" or getattr(args, "demo", False):
            from presslens.datasets import load_demo

            corpus = load_demo()
        else:
            corpus = load_corpus(args.path, text=args.text, outlet=args.outlet, id=args.id)
        if not args.raw:
            corpus = corpus.clean(n_threads=args.threads)
        if args.command == "report":
            from presslens.report import write_report

            out = write_report(
                corpus,
                args.output,
                title=args.title,
                clean=False,
                max_words=args.max_words,
                top=args.top,
                n_threads=args.threads,
            )
            print(f"presslens: wrote {out} ({out.stat().st_size:,} bytes)")
        elif args.json:
            print(_report_json(corpus, args.top, args.threads))
        else:
            print(render_report(corpus, top=args.top, n_threads=args.threads), end="")
    except (PressLensError, OSError) as exc:
        print(f"presslens: error: {exc}", file=sys.stderr)
        return 2
    return 0
