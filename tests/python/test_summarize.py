"""presslens.summarize, sentence_scores and rouge: API, bad input, pickling, threads, identity
with rouge-score and NLTK's Porter stemmer, and a DUC 2004 quality floor."""

from __future__ import annotations

import json
import pickle
import random
import statistics
import string
from pathlib import Path

import pytest
from conftest import shared_path

import presslens
from presslens import _presslens
from presslens.datasets import load_demo

METHODS = ["lead", "centroid", "lexrank", "textrank", "coverage"]


@pytest.fixture(scope="module")
def demo() -> presslens.Corpus:
    return load_demo(clean=True)


# ------------------------------------------------------------------------------------------
# summarize: API
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_every_method_on_the_demo_corpus(demo: presslens.Corpus, method: str) -> None:
    s = presslens.summarize(demo, method=method, max_words=80)  # type: ignore[arg-type]
    assert len(s) > 0
    assert s.words <= 80
    docs = {d.id: d for d in demo}
    for x in s.sentences:
        doc = docs[x.doc_id]
        assert doc.text[x.start : x.end] == x.text
        assert x.outlet == doc.outlet
        assert x.supported_by[0] == doc.outlet
        assert len(set(x.supported_by)) == len(x.supported_by)
    assert s.text == "\n".join(x.text for x in s.sentences)
    frame = s.to_pandas()
    assert list(frame["text"]) == [x.text for x in s.sentences]
    assert pickle.loads(pickle.dumps(s)) == s


def test_multi_document_provenance_names_other_outlets(demo: presslens.Corpus) -> None:
    s = presslens.summarize(demo, method="coverage", max_words=100)
    assert any(len(x.supported_by) > 1 for x in s.sentences)


def test_coverage_prefers_the_story_every_outlet_leads_with() -> None:
    docs = [
        "The Varna canal lock failed on Tuesday and flooded the harbour district. "
        "Engineers closed two roads. A chess club elected a new chair.",
        "Flooding hit the harbour district after the Varna canal lock failed on Tuesday. "
        "The mayor asked residents to stay home. A bakery won a regional prize.",
        "The Varna canal lock failed, flooding the harbour district, officials said. "
        "Repairs could take weeks. A choir toured three villages in the spring.",
    ]
    s = presslens.summarize(docs, method="coverage", max_words=30)
    assert 0 < s.words <= 30
    assert "canal lock failed" in s.sentences[0].text
    assert len(s.sentences[0].supported_by) == 3
    frame = presslens.sentence_scores(docs, method="coverage")
    lock = frame[frame["text"].str.contains("lock failed")]["score"]
    rest = frame[~frame["text"].str.contains("lock failed")]["score"]
    assert lock.min() > rest.max()


def test_max_sentences_and_redundancy() -> None:
    a = "The port strike entered its third week on Monday as talks stalled over pay."
    b = "The port strike entered its third week on Monday as talks over pay stalled."
    c = "Farmers said grain exports were piling up at the docks because of the strike."
    s = presslens.summarize([a, b, c], max_words=None, max_sentences=2, redundancy=0.9)
    assert len(s) == 2
    texts = {x.text for x in s.sentences}
    assert not {a, b} <= texts  # the near-duplicate is not chosen twice
    s0 = presslens.summarize([a, b, c], max_words=None, max_sentences=2, redundancy=0.0)
    assert len(s0) == 2


def test_orders(demo: presslens.Corpus) -> None:
    by_pos = presslens.summarize(demo, order="position", max_words=120)
    keys = [(demo.ids.index(x.doc_id), x.position) for x in by_pos.sentences]
    assert keys == sorted(keys)
    by_time = presslens.summarize(demo, order="time", max_words=120)
    dates = [demo[x.doc_id].published for x in by_time.sentences]
    known = [d for d in dates if d is not None]
    assert known == sorted(known)
    by_score = presslens.summarize(demo, order="score", max_words=120, method="centroid")
    scores = [x.score for x in by_score.sentences]
    assert sorted(scores, reverse=True)[0] == scores[0]


def test_threads_do_not_change_results(demo: presslens.Corpus) -> None:
    for method in METHODS:
        one = presslens.summarize(demo, method=method, n_threads=1)  # type: ignore[arg-type]
        two = presslens.summarize(demo, method=method, n_threads=2)  # type: ignore[arg-type]
        assert one == two
        f1 = presslens.sentence_scores(demo, method=method, n_threads=1)  # type: ignore[arg-type]
        f2 = presslens.sentence_scores(demo, method=method, n_threads=2)  # type: ignore[arg-type]
        assert f1.equals(f2)


def test_sentence_scores_frame(demo: presslens.Corpus) -> None:
    df = presslens.sentence_scores(demo, method="lexrank")
    assert list(df.columns) == [
        "doc_id",
        "outlet",
        "position",
        "start",
        "end",
        "words",
        "score",
        "text",
    ]
    assert abs(df["score"].sum() - 1.0) < 1e-9  # PageRank is a distribution
    docs = {d.id: d for d in demo}
    for row in df.head(50).itertuples():
        assert docs[row.doc_id].text[row.start : row.end] == row.text
    assert set(df["doc_id"]) <= set(demo.ids)
    lead = presslens.sentence_scores(demo, method="lead")
    assert (lead.loc[lead["position"] == 0, "score"] == 1.0).all()


def test_non_ascii_offsets() -> None:
    text = "Über den Fluss – «Ça va», dit-il. Der Streik dauert an. Die Gespräche stocken."
    s = presslens.summarize(text, max_sentences=3, max_words=None, language="german")
    for x in s.sentences:
        assert text[x.start : x.end] == x.text


def test_truncate_fills_max_words_with_a_cut_sentence() -> None:
    docs = [
        "Über den Fluss: the ferry strike in Ostrava entered its third week on Monday. "
        "Talks between the ferry union and the port operator stalled over pay and hours.",
        "The ferry strike in Ostrava entered a third week as talks over pay stalled. "
        "Farmers say grain is piling up on the quays of the river port.",
        "Grain is piling up on the quays because of the ferry strike, farmers said.",
    ]
    for method in ("coverage", "lexrank", "centroid", "lead"):
        whole = presslens.summarize(docs, method=method, max_words=25)  # type: ignore[arg-type]
        full = presslens.summarize(docs, method=method, max_words=25, truncate=True)  # type: ignore[arg-type]
        assert whole.words <= 25
        assert full.words == 25, method
        for x in full.sentences:
            assert docs[int(x.doc_id)][x.start : x.end] == x.text
        assert full.sentences[0].text == whole.sentences[0].text or method == "coverage"


def test_trim_skips_datelines_and_connectives() -> None:
    docs = [
        "OSTRAVA, Lunmark (CPA) _ The ferry strike entered its third week on Monday.",
        "But the ferry union said talks over pay would resume next week.",
    ]
    s = presslens.summarize(docs, method="lead", max_sentences=2, max_words=None, trim=True)
    texts = sorted(x.text for x in s.sentences)
    assert texts == [
        "The ferry strike entered its third week on Monday.",
        "the ferry union said talks over pay would resume next week.",
    ]
    for x in s.sentences:
        assert docs[int(x.doc_id)][x.start : x.end] == x.text


def test_compress_keeps_every_word_traceable() -> None:
    docs = [
        "The ferry strike in Ostrava, which began in May, entered its third week on Monday, "
        "union leaders said. Talks stalled over pay.",
        "Talks over pay stalled again as the ferry strike entered a third week, officials "
        "said. Farmers said grain was piling up on the quays of the river port.",
    ]
    for truncate in (False, True):
        s = presslens.summarize(
            docs, method="coverage", max_words=9, compress=True, truncate=truncate
        )
        assert len(s) > 0
        assert s.words <= 9
        for x in s.sentences:
            doc = docs[int(x.doc_id)]
            assert x.text == "".join(doc[a:b] for a, b in x.spans)
            assert all(x.start <= a < b <= x.end for a, b in x.spans)
        assert s.sentences[0].text.startswith("The ferry strike in Ostrava entered its third week")
        assert len(s.sentences[0].spans) > 1
        assert pickle.loads(pickle.dumps(s)) == s
        frame = s.to_pandas()
        assert frame["spans"].tolist() == [x.spans for x in s.sentences]
    s = presslens.summarize(docs, method="coverage", max_words=9, truncate=True)
    assert [x.spans for x in s.sentences] == [[(x.start, x.end)] for x in s.sentences]


def test_compress_on_the_seed_articles(seeds_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    plain = presslens.summarize(texts, method="coverage", max_words=100, truncate=True)
    s = presslens.summarize(texts, method="coverage", max_words=100, truncate=True, compress=True)
    assert s.words == plain.words == 100
    seen = set()
    for x in s.sentences:
        doc = texts[int(x.doc_id)]
        assert x.text == "".join(doc[a:b] for a, b in x.spans)
        assert all(x.start <= a < b <= x.end for a, b in x.spans)
        assert all(b1 <= a2 for (_, b1), (a2, _) in zip(x.spans, x.spans[1:], strict=False))
        assert len(x.text.split()) <= len(doc[x.start : x.end].split())
        assert (x.doc_id, x.start) not in seen
        seen.add((x.doc_id, x.start))


def test_sentence_scores_with_compressed_sentences() -> None:
    docs = [
        "Über den Fluss: the ferry (an old one) sank near the pier, officials said. Crews came.",
        "Anna Varga, 54, was named harbour master of Port Vella on Monday.",
    ]
    df = presslens.sentence_scores(docs, method="lead", compress=True)
    assert df["compressed"].tolist() == [
        "Über den Fluss: the ferry sank near the pier.",
        "Crews came.",
        "Anna Varga was named harbour master of Port Vella.",
    ]
    for d, text, spans in zip(df["doc_id"], df["compressed"], df["compressed_spans"], strict=True):
        assert "".join(docs[int(d)][a:b] for a, b in spans) == text
    assert "compressed" not in presslens.sentence_scores(docs, method="lead").columns


# ------------------------------------------------------------------------------------------
# summarize: bad input
# ------------------------------------------------------------------------------------------


def test_empty_source_and_empty_documents() -> None:
    with pytest.raises(presslens.EmptyCorpusError):
        presslens.summarize([])
    s = presslens.summarize(["", "   "])
    assert len(s) == 0
    assert s.text == ""
    assert len(presslens.sentence_scores("")) == 0


def test_document_without_sentence_punctuation() -> None:
    words = [f"word{i % 37}" for i in range(1000)]
    text = " ".join(words)
    s = presslens.summarize(text, max_words=100)
    assert 0 < s.words <= 100
    for x in s.sentences:
        assert text[x.start : x.end] == x.text


def test_single_sentence() -> None:
    s = presslens.summarize("Only one short sentence here.", method="lexrank")
    assert [x.text for x in s.sentences] == ["Only one short sentence here."]
    assert s.sentences[0].supported_by == ["0"]


def test_budget_smaller_than_every_sentence_warns() -> None:
    text = "The port strike entered its third week. Talks over pay stalled again today."
    with pytest.warns(presslens.SummaryWarning, match="no sentence fits"):
        s = presslens.summarize(text, max_words=3)
    assert len(s) == 0
    with pytest.warns(presslens.SummaryWarning):
        presslens.summarize(text, max_words=0)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"method": "magic"}, "unknown method"),
        ({"order": "random"}, "unknown order"),
        ({"redundancy": 1.5}, "redundancy"),
        ({"max_words": -1}, "max_words"),
        ({"max_sentences": 0}, "max_sentences"),
        ({"max_words": None}, "give max_words or max_sentences"),
        ({"language": "klingon"}, "unknown language"),
        ({"n_threads": 0}, "n_threads"),
        ({"compress": True}, "compress works with method 'coverage' only"),
    ],
)
def test_invalid_arguments(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(presslens.PressLensError, match=match):
        presslens.summarize("A sentence. Another one.", **kwargs)  # type: ignore[arg-type]


def test_bad_source_types() -> None:
    with pytest.raises(presslens.CorpusFormatError):
        presslens.summarize([None])  # type: ignore[list-item]
    with pytest.raises(presslens.InvalidArgumentError):
        presslens.summarize(42)  # type: ignore[arg-type]


def test_hundred_thousand_sentences() -> None:
    rng = random.Random(7)
    vocab = [
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9))) for _ in range(20000)
    ]
    sents = [
        " ".join(rng.choices(vocab, k=rng.randint(6, 16))).capitalize() + "."
        for _ in range(100_000)
    ]
    docs = [" ".join(sents[i : i + 100]) for i in range(0, len(sents), 100)]
    for method in ["lexrank", "coverage"]:
        s = presslens.summarize(docs, method=method, max_words=60)  # type: ignore[arg-type]
        assert 0 < s.words <= 60


# ------------------------------------------------------------------------------------------
# rouge
# ------------------------------------------------------------------------------------------


def test_rouge_shapes_and_errors() -> None:
    one = presslens.rouge("a b c", ["a b", "c"])
    assert set(one) == {"rouge1", "rouge2", "rougeL", "rougeLsum"}
    many = presslens.rouge(["a b c", "x"], ["a b c", ["y", "x"]], metrics=["rouge1"])
    assert [m["rouge1"].fmeasure for m in many] == [1.0, 1.0]
    assert presslens.rouge("a", [], metrics=["rouge1"])["rouge1"] == (0.0, 0.0, 0.0)
    with pytest.raises(presslens.InvalidArgumentError, match="unknown ROUGE metric"):
        presslens.rouge("a", "a", metrics=["rouge0"])
    with pytest.raises(presslens.InvalidArgumentError, match="one entry"):
        presslens.rouge(["a", "b"], ["a"])
    with pytest.raises(presslens.InvalidArgumentError):
        presslens.rouge("a", 3)  # type: ignore[call-overload]
    mean = presslens.rouge("a b", ["a x", "a b"], metrics=["rouge1"], aggregate="mean")
    assert mean["rouge1"].recall == 0.75
    a = presslens.rouge(["a b c"] * 50, ["a c"] * 50, n_threads=1)
    b = presslens.rouge(["a b c"] * 50, ["a c"] * 50, n_threads=2)
    assert a == b


def _random_text(rng: random.Random, vocab: list[str]) -> str:
    lines = []
    for _ in range(rng.randint(0, 4)):
        words = rng.choices(vocab, k=rng.randint(0, 25))
        lines.append(" ".join(words) + rng.choice([".", "!", "", " —", "'s"]))
    return "\n".join(lines)


def _vocab() -> list[str]:
    base = [
        "the",
        "a",
        "of",
        "running",
        "runs",
        "ran",
        "generously",
        "generous",
        "relational",
        "conditional",
        "happy",
        "happiness",
        "caresses",
        "ponies",
        "ties",
        "dies",
        "dying",
        "news",
        "skies",
        "spied",
        "agreed",
        "feeding",
        "hopping",
        "filing",
        "controlling",
        "electrical",
        "archaeology",
        "geology",
        "1990s",
        "U.S.",
        "İstanbul",
        "Kelvin",
        "café",
        "naïve",
        "don't",
        "co-operate",
        "yyyy",
        "sky",
        "innings",
        "proceed",
        "exceed",
        "succeeded",
        "analogousli",
        "vietnamization",
        "predication",
        "operator",
        "feudalism",
        "decisiveness",
        "hopefulness",
        "callousness",
        "formality",
        "sensitivity",
        "sensibility",
        "triplicate",
        "formative",
        "formalize",
        "electricity",
        "hopeful",
        "goodness",
        "revival",
        "allowance",
        "inference",
        "airliner",
        "gyroscopic",
        "adjustable",
        "defensible",
        "irritant",
        "replacement",
        "adjustment",
        "dependent",
        "adoption",
        "homologou",
        "communism",
        "activate",
        "angularity",
        "homologous",
        "effective",
        "bowdlerize",
        "probate",
        "rate",
        "cease",
        "controll",
        "roll",
    ]
    return base + [w.upper() for w in base[:20]] + [w.capitalize() for w in base[20:40]]


def test_rouge_identical_to_rouge_score_on_generated_pairs() -> None:
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    rng = random.Random(5)
    vocab = _vocab()
    metrics = ["rouge1", "rouge2", "rouge3", "rougeL", "rougeLsum"]
    cands = [_random_text(rng, vocab) for _ in range(1500)]
    refs = [[_random_text(rng, vocab) for _ in range(rng.randint(1, 3))] for _ in cands]
    for stem in (False, True):
        ours = presslens.rouge(cands, refs, metrics=metrics, use_stemmer=stem)
        scorer = rouge_scorer.RougeScorer(metrics, use_stemmer=stem)
        for cand, rr, got in zip(cands, refs, ours, strict=True):
            want = scorer.score_multi(rr, cand)
            for m in metrics:
                for x, y in zip(got[m], want[m], strict=True):
                    assert abs(x - y) <= 1e-9, (m, cand, rr, got[m], want[m])


def test_rouge_tokenizer_and_porter_match_rouge_score() -> None:
    pytest.importorskip("rouge_score")
    porter = pytest.importorskip("nltk.stem.porter")
    from rouge_score import tokenize

    stemmer = porter.PorterStemmer()
    rng = random.Random(3)
    vocab = _vocab()
    words = {w.lower() for w in vocab}
    letters = "aeiouybcdlmnrstyz"
    words |= {"".join(rng.choices(letters, k=rng.randint(1, 12))) for _ in range(20000)}
    words_l = sorted(w for w in words if w.isascii())
    assert _presslens.porter_stem(words_l) == [stemmer.stem(w) for w in words_l]
    for _ in range(300):
        text = _random_text(rng, vocab)
        for stem in (False, True):
            want = tokenize.tokenize(text, stemmer if stem else None)
            assert _presslens.rouge_tokenize(text, use_stemmer=stem) == want


# ------------------------------------------------------------------------------------------
# DUC 2004 (../shared)
# ------------------------------------------------------------------------------------------


def _duc_clusters() -> list[dict[str, object]]:
    path = shared_path("data", "duc2004_task2", "clusters.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_rouge_identical_on_duc_references_and_system_outputs() -> None:
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    clusters = {c["cluster"]: c for c in _duc_clusters()}
    path = shared_path("data", "duc2004_task2", "systems.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    metrics = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    scorer = rouge_scorer.RougeScorer(metrics, use_stemmer=True)
    cands, refs = [], []
    for r in rows:
        for ref in clusters[r["cluster"]]["references"]:  # type: ignore[attr-defined]
            cands.append(r["summary"])
            refs.append(ref)
    assert len(cands) >= 2500
    ours = presslens.rouge(cands, refs, metrics=metrics, use_stemmer=True)
    for cand, ref, got in zip(cands[::4], refs[::4], ours[::4], strict=True):
        want = scorer.score(ref, cand)
        for m in metrics:
            for x, y in zip(got[m], want[m], strict=True):
                assert abs(x - y) <= 1e-9


@pytest.mark.parametrize(
    ("method", "floor1", "floor2"), [("lexrank", 34.0, 7.5), ("centroid", 34.0, 7.5)]
)
def test_duc_dev_quality_floor(method: str, floor1: float, floor2: float) -> None:
    dev = [c for c in _duc_clusters() if c["split"] == "dev"][:5]
    r1, r2 = [], []
    for c in dev:
        corpus = presslens.Corpus(
            [{"text": d["text"], "id": d["id"]} for d in c["documents"]]  # type: ignore[attr-defined]
        )
        s = presslens.summarize(corpus, method=method, max_words=100)  # type: ignore[arg-type]
        cand = " ".join(s.text.split()[:100])
        scores = presslens.rouge(
            cand,
            c["references"],
            metrics=["rouge1", "rouge2"],
            use_stemmer=True,
            aggregate="mean",  # type: ignore[arg-type]
        )
        r1.append(scores["rouge1"].recall)
        r2.append(scores["rouge2"].recall)
    assert 100 * statistics.fmean(r1) >= floor1
    assert 100 * statistics.fmean(r2) >= floor2


# ------------------------------------------------------------------------------------------
# coverage: fitting hooks (concept table, model and centrality overrides)
# ------------------------------------------------------------------------------------------


def test_coverage_concepts_table() -> None:
    docs = [
        "The river dam broke on Monday. Rescue teams evacuated two villages.",
        "Rescue teams evacuated villages after the river dam broke.",
    ]
    refs = ["The river dam broke and rescue teams evacuated villages.", "A dam broke."]
    feats, bigram, share = _presslens.coverage_concepts(docs, refs)
    assert feats.shape == (len(bigram), 9)
    assert share.shape == bigram.shape
    assert bigram.any()
    assert not bigram.all()
    assert ((share >= 0) & (share <= 1)).all()
    # the share of documents is the first feature; "dam" is in both documents and both refs
    both = (feats[:, 0] == 1.0) & ~bigram
    assert both.any()
    assert share[both].max() == 1.0
    assert set(share.tolist()) <= {0.0, 0.5, 1.0}


def test_coverage_tuning_overrides(demo: presslens.Corpus) -> None:
    texts = [d.text for d in demo][:5]
    times: list[float | None] = [None] * len(texts)
    base = _presslens.summarize(texts, times, method="coverage", max_words=60, truncate=True)
    off = _presslens.summarize(
        texts, times, method="coverage", max_words=60, truncate=True, centrality=0.0
    )
    for run in (base, off):
        assert run[1]
        assert all(e > s for _, _, _, s, e, _ in run[1])
    zero = ([-30.0] + [0.0] * 9, [-30.0] + [0.0] * 9)
    flat = _presslens.summarize(
        texts, times, method="coverage", max_words=60, concept_models=zero, centrality=0.0
    )
    assert flat[1] == [] or all(score < 1e-9 for _, score, *_ in flat[1])
    with pytest.raises(presslens.InvalidArgumentError, match="intercept and 9 coefficients"):
        _presslens.summarize(texts, times, method="coverage", concept_models=([1.0], [1.0]))
