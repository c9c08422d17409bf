"""Overlap benchmarks on Reuters-21578: near_duplicates vs datasketch and gaoya, MinHash
recall against the exact pairs, and overlap matrices by outlet.

Run: ``python benchmarks/bench_overlap.py [--limit N]`` (needs ../shared; peers:
``pip install datasketch gaoya``). Prints medians of repeated runs and ratios; answers are
checked, not only timed.

* Exact pairs: every pair whose Jaccard similarity of 5-word shingle sets is >= threshold,
  found with prefix filtering (shingles ordered by document frequency; two sets with
  Jaccard >= t share one of the first |A| - ceil(t|A|) + 1 shingles of A), then verified.
* presslens.near_duplicates: end to end (texts in, verified pairs out).
* datasketch: shingles (the same tokens) -> MinHash.bulk -> MinHashLSH with the same
  num_perm and the same (bands, rows) as presslens -> query every document; its candidates
  are not verified (so its time is a lower bound for the same answer).
* gaoya: MinHashStringIndex(analyzer="word", ngram_range=(5, 5), lowercase=True) with the
  same bands and rows; par_bulk_insert_docs + par_bulk_query.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict

from _common import mb, median_time, shared

import presslens
from presslens import _presslens

THRESHOLD = 0.8
NGRAM = 5
NUM_PERM = 128


def load(limit: int | None) -> tuple[list[str], list[str]]:
    texts: list[str] = []
    outlets: list[str] = []
    with shared("data", "reuters21578", "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row.get("text") or ""
            if not text.strip():
                continue
            texts.append(text)
            places = row.get("places") or []
            outlets.append(places[0] if places else "(none)")
            if limit is not None and len(texts) >= limit:
                break
    return texts, outlets


def shingle_strings(texts: list[str]) -> list[list[str]]:
    out = []
    for t in texts:
        toks = presslens.tokenize(t)
        if not toks:
            out.append([])
        elif len(toks) < NGRAM:
            out.append([" ".join(toks)])
        else:
            out.append([" ".join(toks[i : i + NGRAM]) for i in range(len(toks) - NGRAM + 1)])
    return out


def exact_pairs(sets: list[set[str]], t: float) -> set[tuple[int, int]]:
    df: dict[str, int] = defaultdict(int)
    for s in sets:
        for x in s:
            df[x] += 1
    index: dict[str, list[int]] = defaultdict(list)
    cands: set[tuple[int, int]] = set()
    for i, s in enumerate(sets):
        if not s:
            continue
        order = sorted(s, key=lambda x: (df[x], x))
        p = len(s) - math.ceil(t * len(s)) + 1
        for x in order[:p]:
            for j in index[x]:
                cands.add((j, i))
            index[x].append(i)
    out = set()
    for a, b in cands:
        sa, sb = sets[a], sets[b]
        inter = len(sa & sb)
        if inter / (len(sa) + len(sb) - inter) >= t:
            out.add((a, b))
    return out


def recall(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> float:
    return len(found & truth) / max(len(truth), 1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    texts, outlets = load(args.limit)
    size = mb(texts)
    print(f"Reuters-21578: {len(texts)} stories with text, {size:.1f} MB")
    shingles = shingle_strings(texts)
    sets = [set(s) for s in shingles]
    truth = exact_pairs(sets, THRESHOLD)
    print(f"exact pairs with Jaccard >= {THRESHOLD} ({NGRAM}-word shingles): {len(truth)}")
    bands, rows = _presslens.lsh_params(THRESHOLD, NUM_PERM, (0.05, 0.95))
    print(f"LSH: {bands} bands x {rows} rows (presslens near_duplicates default weights)\n")

    results: dict[str, tuple[float, float]] = {}
    for n in (1, 2):
        secs, df = median_time(
            lambda n=n: presslens.near_duplicates(texts, threshold=THRESHOLD, n_threads=n),
            repeats=args.repeats,
        )
        ours = {(int(a), int(b)) for a, b in zip(df["a"], df["b"], strict=True)}
        precise = ours <= truth
        results[f"presslens {n}t"] = (secs, recall(ours, truth))
        print(
            f"  presslens.near_duplicates, {n} thread(s): {secs:7.3f} s  recall "
            f"{recall(ours, truth):.4f}  pairs {len(ours)}  all verified >= t: {precise}"
        )

    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        print("  datasketch not installed (pip install datasketch): peer skipped")
    else:

        def run_datasketch() -> set[tuple[int, int]]:
            encoded = [[x.encode("utf-8") for x in s] for s in shingles]
            keep = [i for i, s in enumerate(encoded) if s]
            mhs = MinHash.bulk([encoded[i] for i in keep], num_perm=NUM_PERM)
            lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, params=(bands, rows))
            with lsh.insertion_session() as session:
                for i, m in zip(keep, mhs, strict=True):
                    session.insert(i, m)
            found = set()
            for i, m in zip(keep, mhs, strict=True):
                for j in lsh.query(m):
                    if j != i:
                        found.add((min(i, j), max(i, j)))
            return found

        secs, found = median_time(run_datasketch, repeats=1)
        results["datasketch"] = (secs, recall(found, truth))
        print(
            f"  datasketch MinHash.bulk + MinHashLSH (candidates): {secs:7.3f} s  recall "
            f"{recall(found, truth):.4f}  candidates {len(found)}"
        )

    try:
        from gaoya.minhash import MinHashStringIndex
    except ImportError:
        print("  gaoya not installed (pip install gaoya): peer skipped")
    else:

        def run_gaoya() -> set[tuple[int, int]]:
            index = MinHashStringIndex(
                hash_size=32,
                jaccard_threshold=THRESHOLD,
                num_bands=bands,
                band_size=rows,
                analyzer="word",
                lowercase=True,
                ngram_range=(NGRAM, NGRAM),
                id_container="vec",
            )
            ids = list(range(len(texts)))
            index.par_bulk_insert_docs(ids, texts)
            found = set()
            for i, hits in enumerate(index.par_bulk_query(texts)):
                for j in hits:
                    if j != i:
                        found.add((min(i, j), max(i, j)))
            return found

        secs, found = median_time(run_gaoya, repeats=args.repeats)
        results["gaoya"] = (secs, recall(found, truth))
        print(
            f"  gaoya MinHashStringIndex (bulk, all cores): {secs:7.3f} s  recall "
            f"{recall(found, truth):.4f}  pairs {len(found)}"
        )

    ours_t = results["presslens 2t"][0]
    for peer in ("datasketch", "gaoya"):
        if peer in results:
            print(f"  speed-up vs {peer}: {results[peer][0] / ours_t:.1f}x (presslens 2 threads)")

    print("\nOverlap matrix by outlet (first place of each story)")
    n_outlets = len(set(outlets))
    corpus = presslens.Corpus(
        [{"text": t, "outlet": o} for t, o in zip(texts, outlets, strict=True)]
    )
    for measure in ("containment", "jaccard", "cosine"):
        ref = None
        for n in (1, 2):
            secs, m = median_time(
                lambda n=n, measure=measure: presslens.overlap(
                    corpus, by="outlet", measure=measure, n_threads=n
                ),
                repeats=args.repeats,
            )
            ref = m.values if ref is None else ref
            same = bool((m.values == ref).all())
            print(
                f"  {measure:<11} {n} thread(s): {secs * 1000:8.1f} ms  {size / secs:7.1f} MB/s  "
                f"({n_outlets} outlets; same as 1 thread: {same})"
            )


if __name__ == "__main__":
    main()
