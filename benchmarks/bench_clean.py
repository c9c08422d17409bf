"""Cleaning quality and speed: presslens vs jusText vs trafilatura.

Quality: line-level precision/recall of noise removal (and body retention) on
  * the five real scraped seed articles (../shared/seeds, labelled in tests/data/seeds_truth.json),
  * the demo corpus (tests/data/demo_truth.json) when present,
  * Reuters-21578 articles with deterministic injected noise (truth known by construction).
jusText gets each line wrapped in <p>; trafilatura the same lines as a minimal HTML page.

Speed: MB/s of ``clean_many`` (cross-document on) at 1 and 2 threads on the noisy Reuters
texts, median of several repeats, and jusText's MB/s on a subset of the same texts.

    python benchmarks/bench_clean.py [--docs 4000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import html
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "python"))

from _clean_truth import (  # noqa: E402
    DEMO_ARTICLES,
    DEMO_TRUTH,
    SEEDS,
    line_spans,
    load_demo_truth,
    load_seed_truth,
    removed_lines,
    score,
)

from presslens.clean import clean, clean_many  # noqa: E402

REUTERS = REPO.parent / "shared" / "data" / "reuters21578" / "articles.jsonl"

NOISE = {
    "newsletter": [
        "Sign up for our free daily newsletter",
        "Get the best of the markets in your inbox every morning. Subscribers agree to our "
        "privacy policy.",
    ],
    "advertisement": ["ADVERTISEMENT", "Advertisement", "Story continues below advertisement"],
    "donation": ["Support independent journalism: please support us today.", "Donate now"],
    "social": ["Follow us on Twitter", "Share this article"],
    "metadata": ["Source link", "Visited 4 times, 1 visit(s) today"],
}
RELATED_HEADS = ["Related Article", "Read more", "Also read", "More from our markets desk"]


def inject(text: str, others: list[str], rng: random.Random) -> tuple[str, dict[int, str | None]]:
    """Add noise lines, a related block with another article's paragraphs, markdown links."""
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    out: list[tuple[str, str | None]] = []
    for i, p in enumerate(paras):
        words = p.split(" ")
        if len(words) > 8 and rng.random() < 0.3:
            j = rng.randrange(1, len(words) - 1)
            words[j] = f"[{words[j]}](https://example.org/{rng.randrange(10**6)})"
            p = " ".join(words)
        out.append((p, None))
        if i == 0 and rng.random() < 0.5:
            out.append((rng.choice(NOISE["advertisement"]), "advertisement"))
        if rng.random() < 0.1:
            out.append(("ADVERTISEMENT", "advertisement"))
    tail_kinds = rng.sample(["newsletter", "donation", "social", "metadata"], k=2)
    for kind in tail_kinds:
        for line in NOISE[kind][: rng.randrange(1, len(NOISE[kind]) + 1)]:
            out.append((line, kind))
    out.append((rng.choice(RELATED_HEADS), "related"))
    other = rng.choice(others)
    for p in [p.strip() for p in other.split("\n\n") if p.strip()][:2]:
        out.append((p, "related"))
    text_out = "\n\n".join(t for t, _ in out)
    labels: dict[int, str | None] = {}
    spans = line_spans(text_out)
    # each piece may span several lines (hard wraps): label each line with its piece's label
    pos = 0
    piece_bounds = []
    for t, lab in out:
        piece_bounds.append((pos, pos + len(t), lab))
        pos += len(t) + 2
    k = 0
    for no, s, _e in spans:
        while piece_bounds[k][1] < s:
            k += 1
        labels[no] = piece_bounds[k][2]
    return text_out, labels


def reuters_texts(n: int) -> list[str]:
    texts = []
    with REUTERS.open(encoding="utf-8") as fh:
        for raw in fh:
            t = json.loads(raw).get("text") or ""
            if len(t) > 400:
                texts.append(t)
            if len(texts) >= n:
                break
    return texts


def norm(s: str) -> str:
    return " ".join(s.split())


def kept_by_text(text: str, output_lines: list[str]) -> set[int]:
    """Removed line numbers, given the lines a competitor kept (matched as a multiset)."""
    bag = Counter(norm(x) for x in output_lines if x.strip())
    gone = set()
    for no, s, e in line_spans(text):
        key = norm(text[s:e])
        if bag[key] > 0:
            bag[key] -= 1
        else:
            gone.add(no)
    return gone


def as_html(text: str) -> str:
    body = "".join(f"<p>{html.escape(text[s:e].strip())}</p>\n" for _, s, e in line_spans(text))
    return f"<html><head><title></title></head><body>\n{body}</body></html>"


def run_presslens(text: str) -> set[int]:
    c = clean(text)
    return removed_lines(text, [(r.start, r.end, r.reason) for r in c.removed])


def make_justext() -> object | None:
    try:
        import justext
    except ImportError:
        return None
    stop = justext.get_stoplist("English")

    def run(text: str) -> set[int]:
        paras = justext.justext(as_html(text).encode("utf-8"), stop)
        return kept_by_text(text, [p.text for p in paras if not p.is_boilerplate])

    return run


def make_trafilatura() -> object | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(text: str) -> set[int]:
        out = trafilatura.extract(as_html(text), include_comments=False, include_tables=False)
        return kept_by_text(text, (out or "").split("\n"))

    return run


def evaluate(name: str, data: dict[str, tuple[str, dict[int, str | None]]], systems: dict) -> None:
    print(f"\n== {name}: {len(data)} documents")
    print(
        f"{'system':<12} {'precision':>9} {'recall':>7} {'body kept':>9}"
        "   (noise removal, line level)"
    )
    for sys_name, run in systems.items():
        res = {k: (labels, run(text)) for k, (text, labels) in data.items()}
        s = score(res)
        print(
            f"{sys_name:<12} {s['precision']:9.3f} {s['recall']:7.3f} {s['body_retained']:9.3f}"
            f"   ({s['noise_lines']} noise / {s['body_lines']} body lines)"
        )


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=4000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--quality-docs", type=int, default=300)
    args = ap.parse_args()

    justext_run = make_justext()
    traf_run = make_trafilatura()
    if justext_run is None or traf_run is None:
        print(
            "jusText and/or trafilatura are not installed: `pip install justext trafilatura` "
            "to compare; showing presslens alone."
        )
    systems = {"presslens": run_presslens}
    if justext_run is not None:
        systems["jusText"] = justext_run
    if traf_run is not None:
        systems["trafilatura"] = traf_run

    if SEEDS.is_dir():
        evaluate("seeds (real scraped articles)", load_seed_truth(), systems)
    else:
        print(f"seeds not found at {SEEDS}: skipped")
    if DEMO_TRUTH.exists() and DEMO_ARTICLES.exists():
        evaluate("demo corpus", load_demo_truth(), systems)
    else:
        print("demo corpus truth not present (branch `demo` not merged): skipped")

    if not REUTERS.exists():
        print(f"{REUTERS} not found: no throughput benchmark")
        return 0
    rng = random.Random(20250912)
    base = reuters_texts(args.docs)
    noisy = [inject(t, base, rng) for t in base]
    texts = [t for t, _ in noisy]
    q = {str(i): noisy[i] for i in range(min(args.quality_docs, len(noisy)))}
    evaluate("Reuters-21578 + injected noise", q, systems)

    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    outlets = [f"outlet{i % 20}" for i in range(len(texts))]
    print(
        f"\n== throughput: {len(texts)} noisy Reuters texts, {mb:.1f} MB, median of {args.repeats}"
    )
    clean_many(texts[:50], outlets[:50], n_threads=2)  # warm the pools
    speeds = {}
    for n in (1, 2):
        t = median_time(lambda n=n: clean_many(texts, outlets, n_threads=n), args.repeats)
        speeds[n] = mb / t
        print(f"presslens clean_many n_threads={n}: {speeds[n]:8.1f} MB/s  ({t:.3f} s)")
    if justext_run is not None:
        import justext

        stop = justext.get_stoplist("English")
        sub = texts[: max(50, len(texts) // 20)]
        pages = [as_html(t).encode("utf-8") for t in sub]
        sub_mb = sum(len(t.encode("utf-8")) for t in sub) / 1e6
        t = median_time(
            lambda: [justext.justext(p, stop) for p in pages], max(3, args.repeats // 2)
        )
        js = sub_mb / t
        print(f"jusText (1 thread):                  {js:8.1f} MB/s  ({len(sub)} texts)")
        print(
            f"ratio presslens/jusText: {speeds[1] / js:.0f}x at 1 thread, "
            f"{speeds[2] / js:.0f}x at 2"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
