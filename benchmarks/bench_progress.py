"""Cost of progress bars: the same calls with ``progress=False`` and with a bar drawing.

The Rust core adds one relaxed atomic increment per completed item while a bar is active and a
Python thread polls the counter ten times a second. Target: <= 2% slower. Runs alternate
(off, on, off, on, ...) so machine noise hits both sides alike; medians are compared.

    python benchmarks/bench_progress.py --repeats 7
"""

from __future__ import annotations

import argparse
import io
import statistics
import time

from _common import reuters_texts

import presslens


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--docs", type=int, default=8000)
    args = parser.parse_args()
    import tqdm.auto

    real = tqdm.auto.tqdm
    tqdm.auto.tqdm = lambda *a, **k: real(*a, **{**k, "file": io.StringIO()})  # draw, unseen
    texts = reuters_texts(args.docs)
    corpus = presslens.Corpus([{"text": t, "outlet": f"o{i % 20}"} for i, t in enumerate(texts)])
    mb = sum(len(t.encode()) for t in texts) / 1e6
    calls = {
        "Corpus.clean": lambda p: corpus.clean(progress=p),
        "term_counts": lambda p: presslens.term_counts(corpus, by="outlet", progress=p),
        "near_duplicates": lambda p: presslens.near_duplicates(corpus, progress=p),
        "quotes": lambda p: presslens.quotes(corpus, progress=p),
    }
    print(
        f"{len(texts):,} Reuters stories, {mb:.1f} MB; medians of {args.repeats} alternating runs"
    )
    for name, call in calls.items():
        assert repr(call(False)) == repr(call(True))  # same answer with a bar
        times: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.repeats):
            for flag in (False, True):
                start = time.perf_counter()
                call(flag)
                times[flag].append(time.perf_counter() - start)
        off, on = statistics.median(times[False]), statistics.median(times[True])
        print(
            f"  {name:<16} off {off:7.3f} s  on {on:7.3f} s  overhead {100 * (on / off - 1):+5.1f}%"
        )


if __name__ == "__main__":
    main()
