"""Speed: sumy's LexRank vs presslens' on the same sentences; rouge-score vs presslens.rouge.

Inputs are DUC 2004 documents from ../shared (evaluation only, read at run time). For each
size, the first N sentences (presslens' splitter) of the concatenated clusters are given to
both summarisers: to presslens as one text, to sumy as a ready-made document of those exact
sentences (sumy's own tokenizer needs NLTK data files; a regex word tokenizer stands in, with
sumy's Snowball stemmer and English stop words). Both pick 5 sentences. ROUGE: every
systems.jsonl output against each of its cluster's references, rouge1/rouge2/rougeL/rougeLsum
with stemming; answers are checked equal. Ratios are of medians.

    python benchmarks/bench_summarize.py
"""

from __future__ import annotations

import json
import re
from typing import Any

from _common import median_time, shared

import presslens

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


class _Words:
    """Sumy tokenizer stand-in: words by regex (sentences are given)."""

    language = "english"

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(text))

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return (text,)


def _sumy() -> Any:
    try:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.utils import get_stop_words
    except ImportError:
        return None
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tok = _Words()

    def document(sentences: list[str]) -> Any:
        return ObjectDocumentModel([Paragraph([Sentence(s, tok) for s in sentences])])

    return summarizer, document


def sumy_summary(texts: list[str], *, max_words: int = 100) -> str | None:
    """Sumy LexRank over presslens' sentences of ``texts``, best first up to ``max_words``."""
    pair = _sumy()
    if pair is None:
        return None
    summarizer, document = pair
    sentences = [s for t in texts for s in presslens.split_sentences(t)]
    doc = document(sentences)
    words = [summarizer._to_words_set(s) for s in doc.sentences]
    matrix = summarizer._create_matrix(
        words, summarizer.threshold, summarizer._compute_tf(words), summarizer._compute_idf(words)
    )
    scores = summarizer.power_method(matrix, summarizer.epsilon)
    order = sorted(range(len(sentences)), key=lambda i: -scores[i])
    chosen, used = [], 0
    for i in order:
        n = len(sentences[i].split())
        if used + n <= max_words:
            chosen.append(sentences[i])
            used += n
    return "\n".join(chosen)


def main() -> None:
    clusters = [
        json.loads(line)
        for line in shared("data", "duc2004_task2", "clusters.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    all_sentences = [
        s for c in clusters for d in c["documents"] for s in presslens.split_sentences(d["text"])
    ]
    pair = _sumy()
    print("| sentences | sumy LexRank | presslens lexrank | ratio |")
    print("|---:|---:|---:|---:|")
    for n in (200, 800):
        sents = all_sentences[:n]
        text = "\n\n".join(sents)
        assert len(presslens.split_sentences(text)) == n

        def ours(text: str = text) -> presslens.Summary:
            return presslens.summarize(text, method="lexrank", max_sentences=5, max_words=None)

        t_ours, _ = median_time(ours, repeats=7)
        if pair is None:
            print(f"| {n} | (sumy not installed) | {t_ours * 1000:.2f} ms | |")
            continue
        summarizer, document = pair
        doc = document(sents)
        t_sumy, _ = median_time(lambda doc=doc, lex=summarizer: lex(doc, 5), repeats=3)
        print(f"| {n} | {t_sumy * 1000:.0f} ms | {t_ours * 1000:.2f} ms | {t_sumy / t_ours:.0f}x |")

    rows = [
        json.loads(line)
        for line in shared("data", "duc2004_task2", "systems.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    refs_of = {c["cluster"]: c["references"] for c in clusters}
    cands = [r["summary"] for r in rows for _ in refs_of[r["cluster"]]]
    refs = [ref for r in rows for ref in refs_of[r["cluster"]]]
    metrics = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    t_ours, ours_scores = median_time(
        lambda: presslens.rouge(cands, refs, metrics=metrics, use_stemmer=True, n_threads=1)
    )
    t_par, _ = median_time(lambda: presslens.rouge(cands, refs, metrics=metrics, use_stemmer=True))
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print(f"rouge: {len(cands)} pairs, presslens {t_ours:.3f} s (rouge-score not installed)")
        return
    scorer = rouge_scorer.RougeScorer(metrics, use_stemmer=True)
    t_rs, rs_scores = median_time(
        lambda: [scorer.score(r, c) for c, r in zip(cands, refs, strict=True)], repeats=3
    )
    worst = max(
        abs(a - b)
        for o, w in zip(ours_scores, rs_scores, strict=True)
        for m in metrics
        for a, b in zip(o[m], w[m], strict=True)
    )
    print()
    print(
        "| ROUGE, pairs | rouge-score | presslens 1 thread | presslens all threads | ratio (1 thread) |"
    )
    print("|---:|---:|---:|---:|---:|")
    print(
        f"| {len(cands)} | {t_rs:.2f} s | {t_ours * 1000:.0f} ms | {t_par * 1000:.0f} ms | "
        f"{t_rs / t_ours:.0f}x |"
    )
    print(f"largest difference from rouge-score: {worst:.1e}")


if __name__ == "__main__":
    main()
