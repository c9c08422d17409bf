"""Shared helpers for the line-level cleaning truth (seeds and demo corpus)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SEEDS_TRUTH = REPO / "tests" / "data" / "seeds_truth.json"
DEMO_TRUTH = REPO / "tests" / "data" / "demo_truth.json"
DEMO_ARTICLES = REPO / "python" / "presslens" / "datasets" / "demo" / "articles.jsonl"


def line_hash(line: str) -> str:
    return hashlib.sha256(line.strip().encode("utf-8")).hexdigest()[:16]


def line_spans(text: str) -> list[tuple[int, int, int]]:
    """(1-based line number, start, end) of the non-blank lines, end excluding the newline."""
    out = []
    pos = 0
    for no, line in enumerate(text.split("\n"), 1):
        if line.strip():
            out.append((no, pos, pos + len(line)))
        pos += len(line) + 1
    return out


def removed_lines(text: str, removals: list[tuple[int, int, str]]) -> set[int]:
    """Line numbers whose non-white-space characters are mostly removed (markup aside)."""
    out = set()
    for no, s, e in line_spans(text):
        total = sum(1 for c in text[s:e] if not c.isspace())
        gone = 0
        for rs, re_, reason in removals:
            if re_ <= s or rs >= e:
                continue
            if reason == "markup" and not (rs <= s and re_ >= e):
                continue  # inline markup of a kept line
            gone += sum(1 for c in text[max(s, rs) : min(e, re_)] if not c.isspace())
        if total and gone * 2 >= total:
            out.add(no)
    return out


def load_seed_truth() -> dict[str, tuple[str, dict[int, str | None]]]:
    """file name -> (text, {line number: reason or None for body}); checks the hashes."""
    truth = json.loads(SEEDS_TRUTH.read_text(encoding="utf-8"))
    out = {}
    for name, entry in truth["files"].items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        lines = text.split("\n")
        labels: dict[int, str | None] = {}
        for item in entry["lines"]:
            assert line_hash(lines[item["line"] - 1]) == item["hash"], (name, item["line"])
            labels[item["line"]] = item.get("reason") if item["label"] == "noise" else None
        out[name] = (text, labels)
    return out


def load_demo_truth() -> dict[str, tuple[str, dict[int, str | None]]]:
    """doc id -> (text, {line number: reason or None}) from the demo corpus and its truth
    (``"noise_lines": {doc_id: [{"text", "reason"}]}``)."""
    truth = json.loads(DEMO_TRUTH.read_text(encoding="utf-8"))["noise_lines"]
    out = {}
    with DEMO_ARTICLES.open(encoding="utf-8") as fh:
        for raw in fh:
            if not raw.strip():
                continue
            rec = json.loads(raw)
            doc_id = str(rec["id"])
            text = rec["text"]
            noise = {}
            for item in truth.get(doc_id, []):
                noise.setdefault(item["text"].strip(), item["reason"])
            labels: dict[int, str | None] = {}
            for no, s, e in line_spans(text):
                labels[no] = noise.get(text[s:e].strip())
            out[doc_id] = (text, labels)
    return out


def load_demo_outlets() -> dict[str, str]:
    """doc id -> outlet of the demo corpus."""
    out = {}
    with DEMO_ARTICLES.open(encoding="utf-8") as fh:
        for raw in fh:
            if raw.strip():
                rec = json.loads(raw)
                out[str(rec["id"])] = rec.get("outlet") or ""
    return out


def score(results: dict[str, tuple[dict[int, str | None], set[int]]]) -> dict[str, float]:
    """Line-level scores: body retained, noise removed, precision/recall of noise removal."""
    body = body_kept = noise = noise_gone = removed = 0
    for labels, gone in results.values():
        for no, reason in labels.items():
            if reason is None:
                body += 1
                body_kept += no not in gone
            else:
                noise += 1
                noise_gone += no in gone
        removed += len([no for no in gone if no in labels])
    return {
        "body_retained": body_kept / body if body else 1.0,
        "noise_removed": noise_gone / noise if noise else 1.0,
        "precision": noise_gone / removed if removed else 1.0,
        "recall": noise_gone / noise if noise else 1.0,
        "body_lines": body,
        "noise_lines": noise,
    }
