"""Speed of sentence alignment and quote extraction (issue 7), with correctness checks.

* ``align_sentences`` on a 1,000-article multi-outlet corpus: the 300 BASIL articles (100
  events x Fox / NYT / HuffPost) plus 700 METER articles (PA wire stories and the British
  newspapers that reused them), medians of repeated runs at 1 and 2 threads. The blocking is
  checked against exhaustive all-pairs scoring on a subset (recall of the matches).
* ``quotes`` on the Reuters-21578 bodies (15.7 MB): MB/s at 1 and 2 threads, for the native
  scanner plus attribution alone and for the DataFrame API; a Python regex quote finder
  (curly and straight marks, no speakers) runs on the same data as a reference point, and
  its quotes are compared with ours.

Run: ``python benchmarks/bench_align.py [--repeats 5]`` (reads ../shared).
"""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

from _common import mb, median_time, reuters_texts, shared

import presslens
from presslens import _presslens


def corpus_1000() -> presslens.Corpus:
    records: list[dict[str, Any]] = []
    with shared("data", "basil", "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            records.append({"id": row["id"], "outlet": row["outlet"], "text": row["text"]})
    pa = [json.loads(x) for x in shared("data", "meter", "pa.jsonl").open(encoding="utf-8")]
    news = [
        json.loads(x) for x in shared("data", "meter", "newspapers.jsonl").open(encoding="utf-8")
    ]
    for row in pa[:350]:
        records.append({"id": row["id"], "outlet": "pa", "text": row["text"]})
    for row in news[:350]:
        records.append({"id": row["id"], "outlet": row["newspaper"], "text": row["text"]})
    return presslens.Corpus(records)


def blocking_recall(corpus: presslens.Corpus, n_docs: int = 90) -> tuple[int, int]:
    """Matches found with blocking vs exhaustive scoring, on the first ``n_docs`` documents."""
    sub = presslens.Corpus(list(corpus)[:n_docs])
    frame = presslens.align_sentences(sub)
    outlets = sub.outlets
    rows = list(frame.itertuples(index=False))
    a_texts, b_texts, pairs = [], [], []
    for i, r in enumerate(rows):
        for j, s in enumerate(rows):
            if r.outlet != s.outlet:
                a_texts.append(r.text)
                b_texts.append(s.text)
                pairs.append((i, j))
    # Exhaustive scores with the corpus's sentences as the idf statistics: score each pair with
    # align_sentences' own numbers where available; otherwise the pair similarity.
    sims = presslens.similarity(a_texts, b_texts)
    best: dict[tuple[int, str], float] = {}
    for (i, j), s in zip(pairs, sims, strict=False):
        key = (i, rows[j].outlet)
        best[key] = max(best.get(key, 0.0), float(s))
    exhaustive = {k for k, v in best.items() if v >= 0.6}
    found = set()
    for i, r in enumerate(frame.to_dict("records")):
        for o in outlets:
            if o != r["outlet"] and r[f"{o}:doc"] is not None:
                found.add((i, o))
    return len(exhaustive & found), len(exhaustive)


QUOTE_RE = re.compile(r'“([^”\n]*\w[^”\n]*)”|(?<!\w)"([^"\n]*\w[^"\n]*)"')


def regex_quotes(texts: list[str]) -> int:
    return sum(len(QUOTE_RE.findall(t)) for t in texts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    corpus = corpus_1000()
    size = mb(corpus.texts)
    print(f"align_sentences: {len(corpus)} articles, {len(corpus.outlets)} outlets, {size:.1f} MB")
    times = {}
    for n in (1, 2):
        t, frame = median_time(
            lambda n=n: presslens.align_sentences(corpus, n_threads=n), repeats=args.repeats
        )
        times[n] = t
        shared_rows = int((frame["shared_by"] > 1).sum())
        print(
            f"  {n} thread(s): median {t:.2f} s ({len(frame)} sentences, "
            f"{shared_rows} carried by another outlet)"
        )
    print(f"  2 threads vs 1: {times[1] / times[2]:.2f}x")
    hit, total = blocking_recall(corpus)
    print(
        f"  blocking recall vs exhaustive scoring (matches >= 0.6, first 90 articles): "
        f"{hit}/{total}"
    )

    texts = reuters_texts()
    size = mb(texts)
    print(f"quotes: Reuters-21578, {len(texts)} stories, {size:.1f} MB")
    for n in (1, 2):
        t_native, counts = median_time(
            lambda n=n: _presslens.count_quotes(texts, n_threads=n), repeats=args.repeats
        )
        t_api, frame = median_time(
            lambda n=n: presslens.quotes(texts, n_threads=n), repeats=args.repeats
        )
        print(
            f"  {n} thread(s): native {size / t_native:.0f} MB/s, presslens.quotes "
            f"{size / t_api:.0f} MB/s ({sum(counts)} quotes, "
            f"{int(frame['speaker'].notna().sum())} with a speaker)"
        )
    t_re, n_re = median_time(lambda: regex_quotes(texts), repeats=args.repeats)
    print(f"  Python regex quote finder (no speakers): {size / t_re:.0f} MB/s, {n_re} quotes")


if __name__ == "__main__":
    main()
