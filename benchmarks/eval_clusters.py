"""Story clustering quality: presslens.cluster_stories on labelled document clusters.

Data (read from ../shared at run time):

* DUC 2002 task 2 (59 clusters, 567 documents): used to tune the threshold.
* DUC 2004 task 2 (50 clusters, 500 documents): reported, alone and mixed with DUC 2002.
* BASIL (100 events, 3 outlets each, 300 articles): reported.

Metrics: adjusted Rand index (ARI), B-cubed precision / recall / F1 and purity.

    python benchmarks/eval_clusters.py            # tuning grid on DUC 2002, then the report
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

import numpy as np
from _common import shared

import presslens


def duc(name: str) -> tuple[presslens.Corpus, list[str]]:
    """Documents of a DUC clusters.jsonl with their cluster labels (first cluster wins)."""
    docs, labels, seen = [], [], set()
    with shared("data", name, "clusters.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for d in row["documents"]:
                if d["id"] in seen:
                    continue
                seen.add(d["id"])
                docs.append({"id": d["id"], "text": d["text"], "published": d.get("published")})
                labels.append(f"{name}:{row['cluster']}")
    return presslens.Corpus(docs), labels


def basil() -> tuple[presslens.Corpus, list[str]]:
    docs, labels = [], []
    with shared("data", "basil", "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs.append(
                {
                    "id": row["id"],
                    "text": row["text"],
                    "outlet": row["outlet"],
                    "published": row.get("date"),
                }
            )
            labels.append(row["event_id"])
    return presslens.Corpus(docs), labels


def scores(truth: list[str], pred: list[int]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score

    t = np.unique(truth, return_inverse=True)[1]
    p = np.asarray(pred)
    n = len(t)
    # B-cubed: per item, precision = |same pred & same truth| / |same pred|, recall likewise.
    joint = Counter(zip(t.tolist(), p.tolist(), strict=True))
    size_t, size_p = Counter(t.tolist()), Counter(p.tolist())
    prec = sum(c * c / size_p[pp] for (_, pp), c in joint.items()) / n
    rec = sum(c * c / size_t[tt] for (tt, _), c in joint.items()) / n
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    best: dict[int, int] = {}
    for (_, pp), c in joint.items():
        best[pp] = max(best.get(pp, 0), c)
    purity = sum(best.values()) / n
    return {
        "ari": float(adjusted_rand_score(t, p)),
        "b3_p": prec,
        "b3_r": rec,
        "b3_f1": f1,
        "purity": purity,
        "stories": float(len(size_p)),
        "true": float(len(size_t)),
    }


def run(corpus: presslens.Corpus, truth: list[str], **kw: Any) -> dict[str, float]:
    pred = presslens.cluster_stories(corpus, undated="compare", **kw)
    return scores(truth, pred.tolist())


def fmt(name: str, s: dict[str, float]) -> str:
    return (
        f"| {name} | {s['ari']:.3f} | {s['b3_p']:.3f} / {s['b3_r']:.3f} / {s['b3_f1']:.3f} | "
        f"{s['purity']:.3f} | {int(s['stories'])} ({int(s['true'])}) |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--threshold", type=float, default=None, help="skip tuning, use this")
    ap.add_argument("--link", default="average")
    ap.add_argument("--window", type=int, default=3)
    args = ap.parse_args()
    d02, t02 = duc("duc2002_task2")
    d04, t04 = duc("duc2004_task2")
    bas, tbas = basil()
    threshold = args.threshold
    if threshold is None:
        print("tuning on DUC 2002 (B-cubed F1):")
        grid = [0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3]
        results = {
            th: run(d02, t02, threshold=th, link=args.link, window_days=args.window) for th in grid
        }
        for th, s in results.items():
            print(f"  threshold {th:.2f}: ARI {s['ari']:.3f}  B3 F1 {s['b3_f1']:.3f}")
        threshold = max(results, key=lambda th: results[th]["b3_f1"])
        print(f"chosen threshold: {threshold}")
    mixed = presslens.Corpus(list(d02) + list(d04))
    print(f"\nlink={args.link}, threshold={threshold}, window_days={args.window}")
    print("| data | ARI | B-cubed P / R / F1 | purity | stories found (true) |")
    print("|---|---|---|---|---|")
    print(
        fmt(
            "DUC 2002 (tuning set)",
            run(d02, t02, threshold=threshold, link=args.link, window_days=args.window),
        )
    )
    print(
        fmt("DUC 2004", run(d04, t04, threshold=threshold, link=args.link, window_days=args.window))
    )
    print(
        fmt(
            "DUC 2002 + 2004 mixed",
            run(mixed, t02 + t04, threshold=threshold, link=args.link, window_days=args.window),
        )
    )
    print(
        fmt(
            "BASIL (3 outlets per event)",
            run(bas, tbas, threshold=threshold, link=args.link, window_days=args.window),
        )
    )


if __name__ == "__main__":
    main()
