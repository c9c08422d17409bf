"""atheris fuzzing of the public Python API (the same functions as the cargo-fuzz targets).

Every input must give a result or a ``presslens.PressLensError`` (never another exception,
a crash or a hang), and results keep their invariants: offsets inside the text, nothing lost
by cleaning without a removal record, similarities in [0, 1].

    python fuzz/python/fuzz_api.py -max_total_time=30 fuzz/seeds/clean
"""

from __future__ import annotations

import sys
from collections import Counter

import atheris

with atheris.instrument_imports():
    import presslens


def _visible(s: str) -> Counter[str]:
    return Counter(c for c in s if not c.isspace())


def check(data: bytes) -> None:
    """One fuzz input: text (lone surrogates possible), split into documents at U+0001."""
    fdp = atheris.FuzzedDataProvider(data)
    choice = fdp.ConsumeIntInRange(0, 7)
    text = fdp.ConsumeUnicodeNoSurrogates(4096) if choice else fdp.ConsumeUnicode(4096)
    docs = text.split("\x01")[:12]
    try:
        spans = presslens.token_spans(text)
        assert all(0 <= a < b <= len(text) for a, b in spans)
        sentences = presslens.sentence_spans(text)
        pos = 0
        for a, b in sentences:
            assert pos <= a < b <= len(text)
            assert text[pos:a].strip() == ""
            pos = b
        assert presslens.normalize(presslens.normalize(text)) == presslens.normalize(text)
        cleaned = presslens.clean(text)
        lost = _visible(text) - _visible(cleaned.text)
        for r in cleaned.removed:
            assert text[r.start : r.end] == r.text
            lost -= _visible(r.text)
        assert not lost, f"cleaning lost {lost}"
        frame = presslens.quotes(docs)
        assert all(0 <= s < e for s, e in zip(frame["start"], frame["end"], strict=True))
        pairs = presslens.near_duplicates(docs, threshold=0.3, ngram=2)
        assert all(0.0 <= x <= 1.0 for x in pairs["similarity"])
        presslens.shared_passages(docs, min_words=3)
        sims = presslens.similarity(docs, docs[::-1])
        assert all(0.0 <= x <= 1.0 for x in sims)
    except presslens.PressLensError:
        if choice:  # a text without surrogates must never be rejected
            raise


def main() -> None:
    """Run the fuzzer (libFuzzer flags on the command line)."""
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
