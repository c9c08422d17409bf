"""Text benchmarks: sentence splitting vs pySBD, tokenising vs a Python regex tokenizer, and
the token scanner vs a raw memchr scan of the same bytes (the physical ceiling).

Run: ``python benchmarks/bench_text.py`` (needs ../shared; ``pip install pysbd`` for the peer).
Prints medians of repeated runs and ratios; answers are compared, not only timed.
"""

from __future__ import annotations

import re
import sys

from _common import mb, median_time, reuters_texts, seed_texts

import presslens
from presslens import _presslens

WORD_RE = re.compile(r"\w+(?:['’.\-]\w+)*")


def regex_tokenize(texts: list[str]) -> list[list[str]]:
    return [WORD_RE.findall(t.lower()) for t in texts]


def report(name: str, size_mb: float, secs: float) -> float:
    rate = size_mb / secs
    print(f"  {name:<44} {secs * 1000:9.1f} ms  {rate:9.1f} MB/s")
    return rate


def bench_sentences(label: str, texts: list[str]) -> None:
    size = mb(texts)
    print(f"\nSentence splitting, {label}: {len(texts)} docs, {size:.2f} MB")
    try:
        import pysbd
    except ImportError:
        print("  pysbd not installed (pip install pysbd): peer skipped")
        pysbd = None
    ours_t, ours = median_time(lambda: [presslens.split_sentences(t) for t in texts], repeats=5)
    r_ours = report("presslens.split_sentences (per doc, 1 thread)", size, ours_t)
    rates = {}
    for n in (1, 2):
        t, _ = median_time(
            lambda n=n: _presslens._bench_count(texts, "sentences", n_threads=n), repeats=5
        )
        rates[n] = report(f"presslens batch kernel, {n} thread(s)", size, t)
    if pysbd is not None:
        seg = pysbd.Segmenter(language="en", clean=False)
        peer_t, peer = median_time(lambda: [[s.strip() for s in seg.segment(t) if s.strip()] for t in texts],
                                   repeats=1)  # fmt: skip
        r_peer = report("pysbd (1 thread)", size, peer_t)
        same = sum(a == b for a, b in zip(ours, peer, strict=True)) / len(texts)
        n_ours = sum(map(len, ours))
        n_peer = sum(map(len, peer))
        print(
            f"  agreement: {same:.1%} of documents split identically; sentences {n_ours} vs pysbd {n_peer}"
        )
        print(f"  ratio vs pysbd: per-doc API {r_ours / r_peer:.0f}x; batch 1 thread "
              f"{rates[1] / r_peer:.0f}x; batch 2 threads {rates[2] / r_peer:.0f}x")  # fmt: skip


def bench_tokens(label: str, texts: list[str]) -> None:
    size = mb(texts)
    print(f"\nTokenising, {label}: {len(texts)} docs, {size:.2f} MB")
    an = presslens.text.get_analyzer()
    peer_t, peer = median_time(lambda: regex_tokenize(texts), repeats=5)
    r_peer = report("python regex tokenizer (1 thread)", size, peer_t)
    res = {}
    for n in (1, 2):
        t, out = median_time(lambda n=n: an.tokenize_many(texts, n_threads=n), repeats=5)
        res[n] = report(f"presslens tokenize_many (lists of str), {n} thread(s)", size, t)
    same = sum(a == b for a, b in zip(out, peer, strict=True)) / len(texts)
    print(f"  agreement with the regex tokenizer: {same:.1%} of documents token-identical "
          f"({sum(map(len, out))} vs {sum(map(len, peer))} tokens)")  # fmt: skip
    print(f"  ratio vs regex: 1 thread {res[1] / r_peer:.1f}x, 2 threads {res[2] / r_peer:.1f}x")
    kern = {}
    scan = {}
    for n in (1, 2):
        t, ntok = median_time(
            lambda n=n: _presslens._bench_count(texts, "tokens", n_threads=n), repeats=7
        )
        kern[n] = report(f"token scanner kernel, {n} thread(s)", size, t)
        t, _ = median_time(
            lambda n=n: _presslens._bench_count(texts, "scan", n_threads=n), repeats=7
        )
        scan[n] = report(f"raw memchr scan (ceiling), {n} thread(s)", size, t)
    assert ntok == sum(map(len, out)), "scanner kernel and tokenize_many disagree"
    for n in (1, 2):
        print(
            f"  scanner is {scan[n] / kern[n]:.1f}x slower than the raw scan at {n} thread(s) (target <= 10x)"
        )


def main() -> int:
    reuters = reuters_texts()
    seeds = seed_texts() * 200
    bench_sentences("Reuters-21578 sample (first 400 stories)", reuters[:400])
    bench_sentences("seeds x 200", seeds[:100])
    bench_tokens("Reuters-21578 (all stories with text)", reuters)
    bench_tokens("seeds x 200", seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
