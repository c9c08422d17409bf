#!/usr/bin/env python3
"""Validate tests/data/demo_truth.json against the bundled demo corpus.

Stdlib only. Usage:  python tests/data/check_demo_truth.py [articles.jsonl] [demo_truth.json]
Prints a summary and exits with status 1 if any check fails.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT / "python" / "presslens" / "datasets" / "demo" / "articles.jsonl"
DEFAULT_TRUTH = Path(__file__).resolve().parent / "demo_truth.json"

REQUIRED_FIELDS = ("id", "outlet", "title", "url", "published", "text")
NOISE_REASONS = {
    "newsletter", "donation", "related", "advertisement", "caption", "byline", "social",
    "metadata", "markup", "repeated", "off-topic", "navigation",
}
BODY_WORDS = (350, 900)
SIZE_KB = (60, 120)

failures: list[str] = []


def check(cond: bool, msg: str) -> bool:
    if not cond:
        failures.append(msg)
    return cond


def load_corpus(path: Path) -> dict[str, dict]:
    docs: dict[str, dict] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            for f in REQUIRED_FIELDS:
                check(isinstance(obj.get(f), str) and obj[f] != "", f"line {n}: field {f!r} missing or empty")
            check(obj["id"] not in docs, f"duplicate id {obj['id']!r}")
            check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", obj.get("published", "")) is not None,
                  f"{obj['id']}: published is not an ISO date")
            docs[obj["id"]] = obj
    return docs


def body_lines(doc: dict, noise: list[dict]) -> list[str]:
    """Non-empty lines of the text that are not listed as noise (occurrence-aware)."""
    remaining = Counter(n["text"] for n in noise)
    out = []
    for line in doc["text"].split("\n"):
        if remaining[line] > 0:
            remaining[line] -= 1
            continue
        if line.strip():
            out.append(line)
    return out


def shingles(lines: list[str], k: int = 8) -> set[tuple[str, ...]]:
    toks = re.findall(r"\w+", " ".join(lines).lower())
    return {tuple(toks[i:i + k]) for i in range(len(toks) - k + 1)}


def main(argv: list[str]) -> int:
    corpus_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    truth_path = Path(argv[2]) if len(argv) > 2 else DEFAULT_TRUTH
    docs = load_corpus(corpus_path)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    noise = truth["noise_lines"]

    # --- stories and outlets -------------------------------------------------
    main_ids, other_ids = truth["story_ids"]["main"], truth["story_ids"]["other"]
    all_listed = main_ids + other_ids
    check(len(all_listed) == len(set(all_listed)), "story_ids contain duplicates")
    check(set(all_listed) == set(docs), f"story_ids do not cover the corpus exactly: "
          f"missing={sorted(set(docs) - set(all_listed))} unknown={sorted(set(all_listed) - set(docs))}")
    check(len(main_ids) >= 10, f"main story has {len(main_ids)} articles (< 10)")
    check(2 <= len(other_ids) <= 3, f"other story has {len(other_ids)} articles (expected 2-3)")
    for did, outlet in truth["outlets"].items():
        check(did in docs and docs[did]["outlet"] == outlet, f"outlets: {did} -> {outlet!r} disagrees with corpus")
    check(set(truth["outlets"]) == set(docs), "outlets map does not cover every document")
    main_outlets = {docs[d]["outlet"] for d in main_ids if d in docs}
    check(len(main_outlets) >= 6, f"main story covered by {len(main_outlets)} outlets (< 6)")
    other_outlets = {docs[d]["outlet"] for d in other_ids if d in docs}
    check(bool(other_outlets & main_outlets), "other story shares no outlet with the main story")

    # --- size ------------------------------------------------------------------
    size_kb = corpus_path.stat().st_size / 1024
    check(SIZE_KB[0] <= size_kb <= SIZE_KB[1], f"corpus size {size_kb:.1f} KB outside {SIZE_KB}")
    check(10 <= len(docs) <= 16, f"{len(docs)} articles (expected about 10-14)")

    # --- noise lines -----------------------------------------------------------
    check(set(noise) == set(docs), "noise_lines must have an entry (possibly empty) for every document")
    reason_count: Counter[str] = Counter()
    for did, entries in noise.items():
        if not check(did in docs, f"noise_lines: unknown doc {did}"):
            continue
        lines = Counter(docs[did]["text"].split("\n"))
        wanted = Counter(e["text"] for e in entries)
        for text, n in wanted.items():
            check(text.strip() != "", f"{did}: empty noise line listed")
            check(lines[text] >= n, f"{did}: noise line occurs {lines[text]}x as a full line, listed {n}x: {text[:70]!r}")
        for e in entries:
            check(e.get("reason") in NOISE_REASONS, f"{did}: bad noise reason {e.get('reason')!r}")
            reason_count[e.get("reason")] += 1
    missing = NOISE_REASONS - set(reason_count)
    check(not missing, f"noise kinds never used: {sorted(missing)}")

    # --- body length -------------------------------------------------------------
    words: dict[str, int] = {}
    for did, doc in docs.items():
        words[did] = sum(len(l.split()) for l in body_lines(doc, noise.get(did, [])))
        check(BODY_WORDS[0] <= words[did] <= BODY_WORDS[1],
              f"{did}: {words[did]} body words outside {BODY_WORDS}")

    # --- repeated boilerplate across two articles of one outlet ------------------
    repeated = [(did, e["text"]) for did, es in noise.items() for e in es if e["reason"] == "repeated"]
    ok_repeat = False
    for did, text in repeated:
        same_outlet = [d for d in docs if d != did and docs[d]["outlet"] == docs[did]["outlet"]
                       and text in docs[d]["text"].split("\n")]
        ok_repeat |= bool(same_outlet)
    check(ok_repeat, "no 'repeated' line shared by two articles of the same outlet")

    # --- quotes -------------------------------------------------------------------
    qt = truth["quote_translations"]
    renderings = qt["renderings"]
    for did, q in renderings.items():
        check(did in docs and q in docs[did]["text"], f"rendering not found verbatim in {did}: {q[:60]!r}")
        check(qt["speaker"] in docs.get(did, {}).get("text", ""), f"speaker {qt['speaker']!r} not named in {did}")
    # wordings that differ only in the final comma/full stop count as one rendering
    distinct = {q.rstrip(",.") for q in renderings.values()}
    check(len(distinct) >= 4, f"only {len(distinct)} distinct renderings (< 4)")
    if "distinct_renderings" in qt:
        check(len(distinct) == qt["distinct_renderings"],
              f"distinct_renderings says {qt['distinct_renderings']}, found {len(distinct)}")
    rendering_outlets = {docs[d]["outlet"] for d in renderings if d in docs}
    check(len(rendering_outlets) >= 4, "renderings come from fewer than 4 outlets")
    for did, q in qt.get("partial_renderings", {}).items():
        check(did in docs and q in docs[did]["text"], f"partial rendering not in {did}: {q!r}")
    for key in ("shared_verbatim_quotes", "partial_quotes"):
        for item in truth.get(key, []):
            check(len(item["docs"]) >= 1, f"{key}: no docs for {item['quote'][:40]!r}")
            for did in item["docs"]:
                check(did in docs and item["quote"] in docs[did]["text"],
                      f"{key}: quote not verbatim in {did}: {item['quote'][:60]!r}")
    for item in truth["shared_verbatim_quotes"]:
        check(len(item["docs"]) >= 2, f"shared quote listed for fewer than 2 docs: {item['quote'][:40]!r}")
    for item in truth.get("multi_sentence_quotes", []):
        check(item["quote"] in docs[item["doc"]]["text"], f"multi-sentence quote not in {item['doc']}")
        check(len(re.findall(r"[.!?](?:\s|$)", item["quote"])) >= 1 and ". " in item["quote"],
              f"quote in {item['doc']} is not multi-sentence")
    marks = {"curly": ("\u201c", "\u201d"), "straight": ('"', '"'), "guillemets": ("\u00ab", "\u00bb")}
    for kind, item in truth.get("quote_marks", {}).items():
        o, c = marks[kind]
        check(o + item["quote"] + c in docs[item["doc"]]["text"], f"{kind} quote not found with its marks in {item['doc']}")

    # --- broken paragraphs ----------------------------------------------------------
    for bp in truth["broken_paragraphs"]:
        lines = docs[bp["doc"]]["text"].split("\n")
        hit = False
        for i, line in enumerate(lines[:-2]):
            if line.endswith(bp["end_of_first"]) and lines[i + 1] == "" and lines[i + 2].startswith(bp["start_of_second"]):
                hit = True
                check(line.rstrip()[-1:].isalnum(), f"{bp['doc']}: first fragment ends with punctuation")
                check(lines[i + 2][:1].islower(), f"{bp['doc']}: continuation does not start in lower case")
        check(hit, f"broken paragraph not found in {bp['doc']}: ...{bp['end_of_first']!r} / {bp['start_of_second']!r}")

    # --- wire copies ------------------------------------------------------------------
    w = truth["wire"]
    wire_sh = shingles(body_lines(docs[w["source"]], noise[w["source"]]))
    wire_body = body_lines(docs[w["source"]], noise[w["source"]])
    overlaps = {}
    for did in w["verbatim_copies"] + w["edited_copies"]:
        sh = shingles(body_lines(docs[did], noise[did]))
        overlaps[did] = len(wire_sh & sh) / len(wire_sh)
    for did in w["verbatim_copies"]:
        check(overlaps[did] >= 0.95, f"verbatim copy {did} shares only {overlaps[did]:.1%} of wire shingles")
        check(docs[did]["outlet"] != docs[w["source"]]["outlet"], f"verbatim copy {did} is from the wire outlet")
    for did in w["edited_copies"]:
        check(overlaps[did] >= 0.60, f"edited copy {did} shares only {overlaps[did]:.1%} of wire shingles")
        check(overlaps[did] < 0.99, f"edited copy {did} is (nearly) identical to the wire")
        check(body_lines(docs[did], noise[did]) != wire_body, f"edited copy {did} does not differ from the wire")

    # --- summary ------------------------------------------------------------------------
    print(f"corpus: {corpus_path.name}  {len(docs)} articles  {size_kb:.1f} KB")
    print(f"main story: {len(main_ids)} articles, {len(main_outlets)} outlets; other story: {len(other_ids)} articles")
    for did, doc in docs.items():
        story = "main" if did in main_ids else "other"
        print(f"  {did:8} {story:5} {doc['outlet']:28} body={words[did]:4}w noise={len(noise.get(did, [])):2} lines")
    print("noise lines by reason: " + ", ".join(f"{r}={n}" for r, n in sorted(reason_count.items())))
    print(f"quote renderings: {len(renderings)} docs, {len(distinct)} distinct wordings")
    print("wire shingle overlap: " + ", ".join(f"{d}={v:.1%}" for d, v in overlaps.items()))
    if failures:
        print(f"\nFAILED ({len(failures)}):")
        for f in failures:
            print("  - " + f)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
