"""Term benchmarks: presslens.sklearn.TfidfVectorizer vs scikit-learn, and term_counts by outlet.

Run: ``python benchmarks/bench_terms.py`` (needs ../shared and scikit-learn; build with
``maturin develop --release``). Prints medians of repeated runs, ratios in the same run, checks
that the answers are equal (same vocabulary, matrices within 1e-12) and compares peak memory
(each side runs ``fit_transform`` once in a fresh subprocess; peak RSS ``VmHWM`` during the call
minus ``VmRSS`` before it).

``--cpu`` prints CPU-time ratios instead, for a loaded machine (where wall times of two threads
mean little): scikit-learn's process CPU time against presslens' critical path (calling
thread plus the busiest pool thread), and term_counts throughput on that path.

``--grid`` also checks the whole settings grid of tests/python/test_sklearn_compat.py on the
full reuters21578 and bbc_news corpora.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import mb, median_time, reuters_texts, shared

NGRAMS = {"uni": (1, 1), "uni+bi": (1, 2)}


def cpu_time(fn, repeats: int = 3) -> float:
    """Median CPU time of the whole process (all threads) over ``repeats`` runs: the work done,
    whatever else the machine is running."""
    out = []
    for _ in range(repeats):
        t0 = time.process_time()
        fn()
        out.append(time.process_time() - t0)
    return statistics.median(out)


def compare(a, b, va, vb) -> float:
    assert va.get_feature_names_out().tolist() == vb.get_feature_names_out().tolist(), (
        "vocabulary differs"
    )
    d = abs(a - b)
    return float(d.max()) if d.nnz else 0.0


def bench_tfidf(texts: list[str]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer as SkTfidf

    from presslens.sklearn import TfidfVectorizer

    size = mb(texts)
    print(
        f"\nTfidfVectorizer.fit_transform, default settings, reuters21578: {len(texts)} docs, {size:.1f} MB"
        f" (load average {os.getloadavg()[0]:.2f}; wall-time ratios need a quiet machine)"
    )
    for label, ngram in NGRAMS.items():
        sk_t, sk_x = median_time(
            lambda ngram=ngram: SkTfidf(ngram_range=ngram).fit_transform(texts), repeats=3
        )
        sk_vec = SkTfidf(ngram_range=ngram).fit(texts)
        sk_cpu = cpu_time(
            lambda ngram=ngram: SkTfidf(ngram_range=ngram).fit_transform(texts), repeats=1
        )
        print(
            f"  [{label}] scikit-learn                 {sk_t * 1000:9.1f} ms  {size / sk_t:7.1f} MB/s"
            f"  (cpu {sk_cpu * 1000:.0f} ms)"
        )
        for n in (1, 2):
            t, x = median_time(
                lambda n=n, ngram=ngram: TfidfVectorizer(
                    ngram_range=ngram, n_threads=n
                ).fit_transform(texts),
                repeats=5,
            )
            cpu = cpu_time(
                lambda n=n, ngram=ngram: TfidfVectorizer(
                    ngram_range=ngram, n_threads=n
                ).fit_transform(texts)
            )
            vec = TfidfVectorizer(ngram_range=ngram, n_threads=n).fit(texts)
            err = compare(x, sk_x, vec, sk_vec)
            print(
                f"  [{label}] presslens, {n} thread(s)        {t * 1000:9.1f} ms  {size / t:7.1f} MB/s"
                f"  ratio {sk_t / t:5.1f}x  max|diff| {err:.1e}  same vocab: True"
                f"  (cpu {cpu * 1000:.0f} ms, cpu ratio {sk_cpu / cpu:.1f}x)"
            )


def _status(field: str) -> float:
    """A /proc/self/status memory field in MB (VmRSS, VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def memory_child(which: str, ngram_label: str) -> None:
    texts = reuters_texts()
    ngram = NGRAMS[ngram_label]
    if which == "sklearn":
        from sklearn.feature_extraction.text import TfidfVectorizer as Vec
    else:
        from presslens.sklearn import TfidfVectorizer as Vec  # type: ignore[assignment]
    import scipy.sparse  # noqa: F401  (imported before the baseline by both sides)

    # ru_maxrss survives fork+exec (it would report the parent's peak), so read VmHWM after
    # resetting it to the current RSS through /proc/self/clear_refs.
    Path("/proc/self/clear_refs").write_text("5")
    base = _status("VmRSS")
    x = Vec(ngram_range=ngram).fit_transform(texts)
    peak = _status("VmHWM")
    print(json.dumps({"delta_mb": peak - base, "nnz": int(x.nnz)}))


def bench_memory() -> None:
    print("\nPeak memory of one fit_transform (peak RSS delta in a fresh process)")
    for label in NGRAMS:
        out = {}
        for which in ("sklearn", "presslens"):
            res = subprocess.run(
                [sys.executable, __file__, "--memory-child", which, label],
                capture_output=True,
                text=True,
                check=True,
                cwd=Path(__file__).parent,
            )
            out[which] = json.loads(res.stdout.strip().splitlines()[-1])
        s, p = out["sklearn"]["delta_mb"], out["presslens"]["delta_mb"]
        print(
            f"  [{label}] scikit-learn {s:8.1f} MB   presslens {p:8.1f} MB   ratio {p / max(s, 1e-9):.2f}"
            f"   (nnz {out['presslens']['nnz']} vs {out['sklearn']['nnz']})"
        )


def _outlet_corpus():
    """Reuters-21578 as a Corpus, outlet = first place."""
    import presslens

    records = []
    with shared("data", "reuters21578", "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            places = r.get("places") or ["(none)"]
            records.append({"text": r.get("text") or "", "outlet": places[0], "id": str(r["id"])})
    return presslens.Corpus(records)


def bench_term_counts() -> None:
    import presslens

    corpus = _outlet_corpus()
    size = mb(corpus.texts)
    print(
        f"\nterm_counts(corpus, by='outlet') over reuters21578 ({len(corpus)} docs, {size:.1f} MB, "
        f"outlet = first place, {len(corpus.outlets)} groups)"
    )
    for n in (1, 2):
        t, tc = median_time(
            lambda n=n: presslens.term_counts(corpus, by="outlet", n_threads=n), repeats=5
        )
        print(
            f"  {n} thread(s): {t * 1000:8.1f} ms  {size / t:7.1f} MB/s  ({len(tc.vocabulary)} terms)"
            f"  load average {os.getloadavg()[0]:.2f}"
        )
    t, _ = median_time(
        lambda: presslens.term_counts(corpus, by="outlet", ngram_range=(1, 2), n_threads=2),
        repeats=3,
    )
    print(f"  uni+bigrams, 2 threads: {t * 1000:8.1f} ms  {size / t:7.1f} MB/s")


def _thread_ticks() -> dict[str, int]:
    """CPU clock ticks (user + system) used so far by each thread of this process."""
    out = {}
    for tid in os.listdir("/proc/self/task"):
        stat = Path(f"/proc/self/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
        out[tid] = int(stat[11]) + int(stat[12])
    return out


def critical_path(fn, repeats: int) -> float:
    """Seconds per call on the longest thread path: the calling thread's CPU time plus the
    busiest pool thread's. Unlike wall time it does not grow when other processes hold the
    cores, so it estimates the quiet-machine time of a multi-threaded call on a loaded one."""
    before = _thread_ticks()
    for _ in range(repeats):
        fn()
    after = _thread_ticks()
    used = {t: n - before.get(t, 0) for t, n in after.items()}
    me = str(os.getpid())
    pool = max((n for t, n in used.items() if t != me), default=0)
    return (used.get(me, 0) + pool) / os.sysconf("SC_CLK_TCK") / repeats


def bench_cpu(texts: list[str]) -> None:
    """Ratios for a loaded machine: scikit-learn's CPU time against presslens' critical path."""
    from sklearn.feature_extraction.text import TfidfVectorizer as SkTfidf

    import presslens
    from presslens.sklearn import TfidfVectorizer

    size = mb(texts)
    print(f"\nCPU-time ratios (load average {os.getloadavg()[0]:.2f}; medians of 3 rounds)")
    for label, ngram in NGRAMS.items():
        k = 10 if label == "uni" else 4
        res: dict[object, list[float]] = {"sk": [], 1: [], 2: []}
        for _ in range(3):
            res["sk"].append(
                cpu_time(lambda ngram=ngram: SkTfidf(ngram_range=ngram).fit_transform(texts), 1)
            )
            for n in (1, 2):
                res[n].append(
                    critical_path(
                        lambda n=n, ngram=ngram: TfidfVectorizer(
                            ngram_range=ngram, n_threads=n
                        ).fit_transform(texts),
                        k,
                    )
                )
        m = {key: statistics.median(v) for key, v in res.items()}
        print(
            f"  [{label}] scikit-learn cpu {m['sk'] * 1000:.0f} ms; presslens 1 thread "
            f"{m[1] * 1000:.0f} ms ({m['sk'] / m[1]:.1f}x), 2 threads {m[2] * 1000:.0f} ms "
            f"({m['sk'] / m[2]:.1f}x)"
        )
    corpus = _outlet_corpus()
    size = mb(corpus.texts)
    for n in (1, 2):
        c = statistics.median(
            critical_path(lambda n=n: presslens.term_counts(corpus, by="outlet", n_threads=n), 5)
            for _ in range(3)
        )
        print(f"  term_counts by outlet, {n} thread(s): {c * 1000:.0f} ms, {size / c:.0f} MB/s")


def bench_grid() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "python"))
    from sklearn.feature_extraction import text as sk
    from test_sklearn_compat import GRID

    from presslens import sklearn as pl

    for name in ("reuters21578", "bbc_news"):
        with shared("data", name, "articles.jsonl").open(encoding="utf-8") as fh:
            docs = [json.loads(line).get("text") or "" for line in fh]
        print(f"\nGrid on {name} ({len(docs)} docs)")
        for params in GRID:
            a, b = pl.TfidfVectorizer(**params), sk.TfidfVectorizer(**params)
            err = compare(a.fit_transform(docs), b.fit_transform(docs), a, b)
            print(f"  {params!s:<70} max|diff| {err:.1e} {'OK' if err <= 1e-12 else 'FAIL'}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--memory-child":
        memory_child(sys.argv[2], sys.argv[3])
        return
    texts = reuters_texts()
    if "--cpu" in sys.argv:
        bench_cpu(texts)
        return
    bench_tfidf(texts)
    bench_memory()
    bench_term_counts()
    if "--grid" in sys.argv:
        bench_grid()


if __name__ == "__main__":
    main()
