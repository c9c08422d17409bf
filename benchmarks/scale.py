"""Scale: time and peak memory from 10k to 1M articles, one process and Dask.

The corpus is Reuters-21578 (the largest real corpus in ../shared/data, 19,779 stories with
text) repeated with light perturbation until it has N articles: copy k of a story has a few
words replaced (2% of them for every tenth copy, a wire update; 15% otherwise), a date k days
later and one of 300 fictional outlets, so near-duplicate search meets real near-duplicates
and the vocabulary keeps growing. It is written once to Parquet files of 20,000 rows
(``--data-dir``), which Dask reads as partitions.

Each step runs in its own process so peak RSS is the step's own (``/proc/self/status``
VmHWM, reset with ``clear_refs`` after the corpus is loaded; the corpus itself is included).
With Dask the peak is the client's plus every worker's, and the time includes reading the
Parquet partitions and building each partition's corpus (the "load" column of the
single-process rows is that cost there). Steps: cleaning (``Corpus.clean``),
term counts by outlet, tf-idf (``presslens.sklearn.TfidfVectorizer``), near-duplicates
(threshold 0.8) and containment overlap by outlet; streaming term counts fold
``presslens.iter_batches`` (10,000 documents per batch) with bounded memory.

    python benchmarks/scale.py --sizes 10000 100000            # develop
    nice -n 10 python benchmarks/scale.py --sizes 1000000 --repeats 1
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import shared

ROWS_PER_FILE = 20_000
STEPS = ["clean", "term_counts", "tfidf", "near_duplicates", "overlap"]
DASK_STEPS = ["term_counts", "tfidf", "near_duplicates", "overlap"]


# -- data ------------------------------------------------------------------------------------


def base_stories() -> list[tuple[str, str]]:
    out = []
    with shared("data", "reuters21578", "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row.get("text") or ""
            if text.strip():
                out.append((text, (row.get("date") or "1987-03-01")[:10]))
    return out


def perturb(text: str, rate: float, rng: random.Random, pool: list[str]) -> str:
    words = text.split(" ")
    for _ in range(max(1, int(len(words) * rate))):
        words[rng.randrange(len(words))] = rng.choice(pool)
    return " ".join(words)


def make_corpus(n: int, data_dir: Path) -> Path:
    """Write the N-article corpus as Parquet files (once); returns the directory."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = data_dir / f"n{n}"
    done = out / "_done"
    if done.exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    base = base_stories()
    pool = [w for t, _ in base[:2000] for w in t.split() if w.isalpha()]
    rows: dict[str, list[Any]] = {"id": [], "outlet": [], "published": [], "text": []}
    part = 0
    for i in range(n):
        text, date = base[i % len(base)]
        k = i // len(base)
        rng = random.Random(i)
        if k:
            text = perturb(text, 0.02 if k % 10 == 1 else 0.15, rng, pool)
        day = dt.date.fromisoformat(date) + dt.timedelta(days=k)
        rows["id"].append(f"r{i % len(base)}-{k}")
        rows["outlet"].append(f"outlet{rng.randrange(300):03d}.example")
        rows["published"].append(day.isoformat())
        rows["text"].append(text)
        if len(rows["id"]) == ROWS_PER_FILE or i == n - 1:
            pq.write_table(pa.table(rows), out / f"part-{part:04d}.parquet")
            part += 1
            rows = {k2: [] for k2 in rows}
    done.write_text("ok")
    return out


# -- one step in a child process -------------------------------------------------------------


def rss_mb(field: str = "VmHWM") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def load(path: Path) -> Any:
    import pyarrow.dataset as ds

    import presslens

    return presslens.Corpus.from_arrow(ds.dataset(path, format="parquet").to_table())


def run_single(step: str, corpus: Any, threads: int) -> Any:
    import numpy as np

    import presslens
    from presslens.sklearn import TfidfVectorizer

    if step == "clean":
        return sum(len(d.text) for d in corpus.clean(n_threads=threads))
    if step == "term_counts":
        tc = presslens.term_counts(corpus, by="outlet", n_threads=threads)
        return int(tc._data.sum())
    if step == "tfidf":
        X = TfidfVectorizer(n_threads=threads).fit_transform(corpus)  # noqa: N806
        return [int(X.nnz), round(float(X.sum()), 3)]
    if step == "near_duplicates":
        return len(presslens.near_duplicates(corpus, threshold=0.8, n_threads=threads))
    if step == "overlap":
        m = presslens.overlap(corpus, by="outlet", n_threads=threads)
        return round(float(np.sum(m.values)), 9)
    raise ValueError(step)


def run_streaming(path: Path) -> Any:
    import presslens

    total = None
    for f in sorted(path.glob("*.parquet")):
        for batch in presslens.iter_batches(f, batch_size=10_000):
            part = presslens.term_counts(batch, by="outlet", n_threads=1)
            total = part if total is None else total.merge(part)
    assert total is not None
    return int(total._data.sum())


def run_dask(step: str, path: Path, workers: int) -> tuple[Any, float, float]:
    import dask.dataframe as dd
    import distributed
    import numpy as np

    import presslens.dask as pdask

    with (
        distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            memory_limit=0,
            dashboard_address=":0",
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        ddf = dd.read_parquet(str(path))
        client.run(reset_peak)
        reset_peak()
        t0 = time.perf_counter()
        if step == "term_counts":
            answer: Any = int(pdask.term_counts(ddf, by="outlet")._data.sum())
        elif step == "tfidf":
            X, _ = pdask.tfidf(ddf)  # noqa: N806
            answer = [int(X.nnz), round(float(X.sum()), 3)]
        elif step == "near_duplicates":
            answer = len(pdask.near_duplicates(ddf, threshold=0.8))
        else:
            answer = round(float(np.sum(pdask.overlap(ddf, by="outlet").values)), 9)
        seconds = time.perf_counter() - t0
        peaks = client.run(rss_mb)
        return answer, seconds, sum(peaks.values()) + rss_mb()


def child(args: argparse.Namespace) -> None:
    path = Path(args.path)
    if args.mode == "dask":
        answer, seconds, peak = run_dask(args.step, path, args.workers[0])
        print(json.dumps({"answer": answer, "seconds": seconds, "peak_mb": peak}))
        return
    t_load = time.perf_counter()
    corpus = None if args.mode == "stream" else load(path)
    load_s = time.perf_counter() - t_load
    base = rss_mb("VmRSS")
    reset_peak()
    t0 = time.perf_counter()
    answer = (
        run_streaming(path)
        if args.mode == "stream"
        else run_single(args.step, corpus, args.threads[0])
    )
    seconds = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "answer": answer,
                "seconds": seconds,
                "peak_mb": rss_mb(),
                "base_mb": base,
                "load_s": load_s,
            }
        )
    )


def spawn(*argv: str) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", *argv]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        print(res.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"step failed: {' '.join(argv)}")
    out: dict[str, Any] = json.loads(res.stdout.strip().splitlines()[-1])
    return out


def measure(repeats: int, *argv: str) -> dict[str, Any]:
    runs = [spawn(*argv) for _ in range(repeats)]
    answers = {json.dumps(r["answer"]) for r in runs}
    assert len(answers) == 1, f"answers differ between runs: {answers}"
    return {
        "answer": runs[0]["answer"],
        "seconds": statistics.median(r["seconds"] for r in runs),
        "peak_mb": statistics.median(r["peak_mb"] for r in runs),
        "base_mb": statistics.median(r.get("base_mb", 0.0) for r in runs),
        "load_s": statistics.median(r.get("load_s", 0.0) for r in runs),
    }


def _reporter(n: int, results: list[dict[str, Any]], out: str | None) -> Any:
    def report(step: str, mode: str, r: dict[str, Any]) -> None:
        results.append({"n": n, "step": step, "mode": mode, **r})
        print(
            f"| {step} | {mode} | {r['seconds']:.2f} | {r['load_s']:.1f} | {r['peak_mb']:.0f} | "
            f"{r['base_mb']:.0f} | {r['answer']} |",
            flush=True,
        )
        if out:
            with open(out, "a") as fh:
                fh.write(json.dumps(results[-1]) + "\n")

    return report


def growth_table(path: str) -> None:
    """Print README tables from a results file (--out): time and peak RSS per size."""
    rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    last: dict[tuple[str, str, int], dict[str, Any]] = {}
    for r in rows:
        last[(r["step"], r["mode"], r["n"])] = r
    sizes = sorted({n for _, _, n in last})
    keys = sorted({(s, m) for s, m, _ in last}, key=lambda k: (STEPS.index(k[0]), k[1]))
    head = " | ".join(f"{n:,}: s / MB" for n in sizes)
    grow = " | ".join(f"time {a:,} to {b:,}" for a, b in itertools.pairwise(sizes))
    print(f"| step | mode | {head} | {grow} |")
    print("|---|---|" + "---|" * (2 * len(sizes) - 1))
    for step, mode in keys:
        cells = []
        for n in sizes:
            r = last.get((step, mode, n))
            cells.append(f"{r['seconds']:.1f} / {r['peak_mb']:,.0f}" if r else "not run")
        for a, b in itertools.pairwise(sizes):
            ra, rb = last.get((step, mode, a)), last.get((step, mode, b))
            cells.append(f"x {rb['seconds'] / ra['seconds']:.1f}" if ra and rb else "")
        print(f"| {step} | {mode} | {' | '.join(cells)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--steps", nargs="+", default=STEPS)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--no-single", action="store_true", help="only the Dask rows")
    ap.add_argument("--no-stream", action="store_true", help="skip streaming term counts")
    ap.add_argument(
        "--data-dir", default=os.environ.get("PRESSLENS_SCALE_DATA", "/tmp/presslens-scale")
    )
    ap.add_argument("--out", default=None, help="append results as JSON lines to this file")
    ap.add_argument("--table", default=None, help="print the growth table of a results file")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--mode", default="single", help=argparse.SUPPRESS)
    ap.add_argument("--step", default="", help=argparse.SUPPRESS)
    ap.add_argument("--path", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    if args.table:
        growth_table(args.table)
        return
    for n in args.sizes:
        t0 = time.perf_counter()
        path = make_corpus(n, Path(args.data_dir))
        mb = sum(f.stat().st_size for f in path.glob("*.parquet")) / 1e6
        print(
            f"\n## {n:,} articles ({mb:.0f} MB of Parquet; ready in {time.perf_counter() - t0:.0f} s)"
        )
        print(
            "| step | mode | time (s) | load (s) | peak RSS (MB) | RSS after load (MB) | answer |"
        )
        print("|---|---|---|---|---|---|---|")
        results: list[dict[str, Any]] = []
        report = _reporter(n, results, args.out)
        if not args.no_stream:
            r = measure(args.repeats, "--mode", "stream", "--path", str(path))
            report("term_counts", "streaming, 10k batches", r)
        for step in args.steps:
            answers = set()
            for t in [] if args.no_single else args.threads:
                r = measure(args.repeats, "--step", step, "--threads", str(t), "--path", str(path))
                answers.add(json.dumps(r["answer"]))
                report(step, f"{t} thread{'s' if t > 1 else ''}", r)
            if not args.no_dask and step in DASK_STEPS:
                for w in args.workers:
                    r = measure(
                        args.repeats,
                        "--mode",
                        "dask",
                        "--step",
                        step,
                        "--workers",
                        str(w),
                        "--path",
                        str(path),
                    )
                    answers.add(json.dumps(r["answer"]))
                    report(step, f"dask {w} worker{'s' if w > 1 else ''}", r)
            if len(answers) > 1 and step != "tfidf":
                print(f"!! answers differ for {step}: {answers}")
            elif len(answers) > 1:
                print(f"(tf-idf sums differ in the last digits only: {answers})")


if __name__ == "__main__":
    main()
