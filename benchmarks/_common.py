"""Shared helpers for the benchmarks: data loading from ../shared and median timing."""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared(*parts: str) -> Path:
    """Path in ../shared; exit 0 with a message when the data is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        print(f"skipped: needs ../shared/{'/'.join(parts)} (evaluation data)")
        sys.exit(0)
    return path


def reuters_texts(limit: int | None = None) -> list[str]:
    """Bodies of Reuters-21578 stories that have text."""
    out: list[str] = []
    with shared("data", "reuters21578", "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            if text.strip():
                out.append(text)
                if limit is not None and len(out) >= limit:
                    break
    return out


def seed_texts() -> list[str]:
    """The five scraped seed articles."""
    return [p.read_text(encoding="utf-8") for p in sorted(shared("seeds").glob("*.txt"))]


def median_time(
    fn: Callable[[], Any], *, repeats: int = 5, min_time: float = 0.0
) -> tuple[float, Any]:
    """Median wall time of ``fn()`` over ``repeats`` runs (after one warm-up), and its last result."""
    result = fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def mb(texts: list[str]) -> float:
    """Size of the texts in MB of UTF-8."""
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6
