"""Summary quality on DUC 2004 Task 2 (and DUC 2002), scored one way for every system.

Protocol (the issue's): each summary is cut to its first 100 white-space separated words,
scored with Google's rouge-score tokenizer and Porter stemmer (presslens.rouge, identical to
rouge-score; ``--check`` re-scores everything with rouge-score itself), ROUGE-1 and ROUGE-2
recall averaged over the cluster's references, then over the clusters of the split. The 13
published systems' outputs (systems.jsonl) go through the same code.

    python benchmarks/eval_duc.py                     # DUC 2004 test split, full table
    python benchmarks/eval_duc.py --split dev         # tuning split
    python benchmarks/eval_duc.py --data duc2002 --split all --no-systems
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from typing import Any

from _common import shared

import presslens
from presslens import _presslens

METHODS = ["lead", "centroid", "lexrank", "textrank", "coverage"]


def cut(text: str, words: int = 100) -> str:
    return " ".join(text.split()[:words])


def load(data: str, split: str) -> list[dict[str, Any]]:
    name = {"duc2004": "duc2004_task2", "duc2002": "duc2002_task2"}[data]
    path = shared("data", name, "clusters.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if split == "all" or r["split"] == split]


def corpus_of(cluster: dict[str, Any]) -> presslens.Corpus:
    return presslens.Corpus(
        [
            {"text": d["text"], "id": d["id"], "published": d.get("published")}
            for d in cluster["documents"]
        ]
    )


def score(summaries: list[str], clusters: list[dict[str, Any]], check: bool) -> tuple[float, float]:
    cands = [cut(s) for s in summaries]
    refs = [c["references"] for c in clusters]
    rows = presslens.rouge(
        cands, refs, metrics=["rouge1", "rouge2"], use_stemmer=True, aggregate="mean"
    )
    r1 = [r["rouge1"].recall for r in rows]
    r2 = [r["rouge2"].recall for r in rows]
    if check:
        from rouge_score import rouge_scorer

        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
        for cand, rr, a1, a2 in zip(cands, refs, r1, r2, strict=True):
            s = [scorer.score(ref, cand) for ref in rr]
            b1 = statistics.fmean(x["rouge1"].recall for x in s)
            b2 = statistics.fmean(x["rouge2"].recall for x in s)
            assert abs(a1 - b1) < 1e-9, (cand, a1, b1)
            assert abs(a2 - b2) < 1e-9, (cand, a2, b2)
    return 100 * statistics.fmean(r1), 100 * statistics.fmean(r2)


def ours(
    clusters: list[dict[str, Any]],
    method: str,
    coverage: tuple[int, int, float, float] | None = None,
    redundancy: float = 0.5,
    trim: bool = False,
    truncate: bool = False,
    compress: bool = False,
    models: list[tuple[list[float], list[float]]] | None = None,
) -> list[str]:
    """Summaries of ``clusters``; ``coverage`` and ``models`` (per cluster: bigram and
    content-word concept model coefficients) override the coverage method's settings."""
    out = []
    for i, c in enumerate(clusters):
        if coverage is None and models is None:
            s = presslens.summarize(
                corpus_of(c),
                method=method,  # type: ignore[arg-type]
                max_words=100,
                redundancy=redundancy,
                trim=trim,
                truncate=truncate,
                compress=compress,
            )
            out.append(s.text)
        else:
            texts = [d["text"] for d in c["documents"]]
            cols, chosen, _ = _presslens.summarize(
                texts,
                [None] * len(texts),
                method=method,
                max_words=100,
                redundancy=redundancy,
                coverage=coverage,
                trim=trim,
                truncate=truncate,
                compress=compress,
                concept_models=None if models is None else models[i],
            )
            sents = []
            for idx, _score, _sup, _s0, _e0, pieces in chosen:
                text = texts[int(cols[0][idx])]
                sents.append("".join(text[a:b] for a, b in pieces))
            out.append("\n".join(sents))
    return out


def sumy_lexrank(clusters: list[dict[str, Any]]) -> list[str] | None:
    try:
        from bench_summarize import sumy_summary
    except ImportError:
        return None
    out = []
    for c in clusters:
        text = sumy_summary([d["text"] for d in c["documents"]], max_words=100)
        if text is None:
            return None
        out.append(text)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", default="duc2004", choices=["duc2004", "duc2002"])
    ap.add_argument("--split", default="test", choices=["test", "dev", "all"])
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--no-systems", action="store_true")
    ap.add_argument("--no-sumy", action="store_true")
    ap.add_argument("--check", action="store_true", help="re-score with rouge-score itself")
    ap.add_argument("--coverage", default=None, help="min_df,lead,power,unigram (tuning)")
    ap.add_argument("--redundancy", type=float, default=0.5)
    ap.add_argument("--trim", action="store_true", help="summarize(trim=True)")
    ap.add_argument("--truncate", action="store_true", help="summarize(truncate=True)")
    ap.add_argument("--compress", action="store_true", help="summarize(compress=True)")
    args = ap.parse_args()
    clusters = load(args.data, args.split)
    rows: list[tuple[str, float, float, str]] = []
    cov = None
    if args.coverage:
        a, b, c, d = args.coverage.split(",")
        cov = (int(a), int(b), float(c), float(d))
    for m in args.methods.split(","):
        t0 = time.perf_counter()
        summ = ours(
            clusters,
            m,
            cov if m == "coverage" else None,
            args.redundancy,
            trim=args.trim,
            truncate=args.truncate,
            compress=args.compress and m == "coverage",
        )
        dt = time.perf_counter() - t0
        r1, r2 = score(summ, clusters, args.check)
        rows.append((f"presslens {m}", r1, r2, f"{dt / len(clusters) * 1000:.1f} ms/cluster"))
    if not args.no_sumy:
        summ_sumy = sumy_lexrank(clusters)
        if summ_sumy is not None:
            r1, r2 = score(summ_sumy, clusters, args.check)
            rows.append(("sumy LexRank", r1, r2, "our sentences"))
    if args.data == "duc2004" and not args.no_systems:
        wanted = {c["cluster"] for c in clusters}
        by_system: dict[str, dict[str, str]] = defaultdict(dict)
        path = shared("data", "duc2004_task2", "systems.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r["cluster"] in wanted:
                by_system[r["system"]][r["cluster"]] = r["summary"]
        for name in sorted(by_system):
            summ = [by_system[name][c["cluster"]] for c in clusters]
            r1, r2 = score(summ, clusters, args.check)
            rows.append((name, r1, r2, "published output"))
    print(f"{args.data} {args.split}: {len(clusters)} clusters; 100-word cut, rouge-score tokens")
    print("with Porter stemming, recall averaged over references then clusters")
    print(f"| {'system':<22} | {'ROUGE-1 R':>9} | {'ROUGE-2 R':>9} | note |")
    print(f"|{'-' * 24}|{'-' * 11}|{'-' * 11}|------|")
    for name, r1, r2, note in sorted(rows, key=lambda r: -r[1]):
        print(f"| {name:<22} | {r1:9.2f} | {r2:9.2f} | {note} |")


if __name__ == "__main__":
    main()
