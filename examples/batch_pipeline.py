"""Batch pipeline: a folder or file of articles in, Parquet tables out.

    python examples/batch_pipeline.py articles/ out/            # folder of .txt files
    python examples/batch_pipeline.py articles.parquet out/     # or .jsonl / .csv / .parquet

Writes to ``out/``:

- ``documents.parquet``: cleaned documents (id, outlet, title, url, published, text);
- ``removals.parquet``: every removal cleaning made (id, outlet, reason, text, start, end);
- ``terms.parquet``: term counts per outlet (outlet, term, count, share), stop words removed;
- ``distinctive.parquet``: the terms that set each outlet apart (needs two outlets);
- ``overlap.parquet``: outlet × outlet containment of 5-word shingles (long format);
- ``near_duplicates.parquet``: verified near-duplicate document pairs (Jaccard ≥ 0.5);
- ``summary.parquet``: a multi-document summary with the outlets carrying each sentence;
- ``quotes.parquet``: every quote with its speaker.

Needs the ``pandas`` and ``arrow`` extras: ``pip install 'presslens[pandas,arrow]'``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import presslens
from presslens.cli import load_corpus


def run(source: Path, out: Path, *, n_threads: int | None = None) -> dict[str, int]:
    """Run the pipeline; return the number of rows written per table."""
    out.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus(source).clean(n_threads=n_threads)
    tables = {
        "documents": corpus.to_pandas(),
        "removals": corpus.cleaning_report(),
        "terms": presslens.term_counts(
            corpus, by="outlet", stop_words="english", n_threads=n_threads
        )
        .to_pandas(format="long")
        .rename(columns={"group": "outlet"}),
        "near_duplicates": presslens.near_duplicates(corpus, threshold=0.5, n_threads=n_threads),
        "summary": presslens.summarize(corpus, max_words=150, n_threads=n_threads).to_pandas(),
        "quotes": presslens.quotes(corpus, n_threads=n_threads),
    }
    if len(corpus.outlets) >= 2:
        tables["distinctive"] = presslens.distinctive_terms(
            corpus, by="outlet", stop_words="english", n_threads=n_threads
        )
    if corpus.outlets:
        matrix = presslens.overlap(corpus, by="outlet", n_threads=n_threads).to_pandas()
        tables["overlap"] = (
            matrix.rename_axis(index="outlet", columns="found_in")
            .stack()
            .rename("containment")
            .reset_index()
        )
    for name, frame in tables.items():
        if "supported_by" in frame.columns:  # lists as "; "-joined text for any Parquet reader
            frame = frame.assign(supported_by=frame["supported_by"].map("; ".join))
        frame.to_parquet(out / f"{name}.parquet", index=False)
    return {name: len(frame) for name, frame in tables.items()}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="folder of .txt files, or .jsonl/.csv/.parquet")
    parser.add_argument("out", type=Path, help="folder for the Parquet tables")
    parser.add_argument("--threads", type=int, default=None, help="threads (default: all)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        counts = run(args.source, args.out, n_threads=args.threads)
    except (presslens.PressLensError, OSError) as exc:
        print(f"batch_pipeline: error: {exc}", file=sys.stderr)
        return 2
    for name, n in counts.items():
        print(f"{args.out / (name + '.parquet')}: {n:,} rows")
    print(f"done in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
