from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import presslens
from presslens import _presslens


class TestNormalize:
    def test_folds_quotes_dashes_spaces(self) -> None:
        s = presslens.normalize("«Pause»  ‘it’s’ — “over”\u00a0now\r\nnext")
        assert s == '"Pause" \'it\'s\' - "over" now\nnext'

    def test_switches(self) -> None:
        text = "“a”  – b"
        assert presslens.normalize(text, quotes=False) == "“a” - b"
        assert presslens.normalize(text, dashes=False) == '"a" – b'
        assert presslens.normalize(text, whitespace=False) == '"a"  - b'

    def test_nfkc_and_invisible(self) -> None:
        assert presslens.normalize("ﬁ\u200bne\u00ad ①") == "fine 1"

    def test_newlines_kept(self) -> None:
        assert presslens.normalize("a\n\n  b  \n") == "a\n\nb\n"

    def test_empty(self) -> None:
        assert presslens.normalize("") == ""

    def test_type_error(self) -> None:
        with pytest.raises(TypeError):
            presslens.normalize(None)  # type: ignore[arg-type]


class TestTokenize:
    def test_news_tokens(self) -> None:
        text = "Russia’s U.S. envoy K.P. Oli met at 9 a.m. on 12.09.25 for $2.5bn, 1,000 rose-tinted talks."
        assert presslens.tokenize(text) == [
            "russia's", "u.s.", "envoy", "k.p.", "oli", "met", "at", "9", "a.m.", "on",
            "12.09.25", "for", "2.5bn", "1,000", "rose-tinted", "talks",
        ]  # fmt: skip

    def test_curly_and_straight_agree(self) -> None:
        assert presslens.tokenize("Russia’s") == presslens.tokenize("Russia's") == ["russia's"]
        assert presslens.tokenize("rose‑tinted") == ["rose-tinted"]

    def test_no_lowercase(self) -> None:
        assert presslens.tokenize("The Kremlin", lowercase=False) == ["The", "Kremlin"]

    def test_stop_words_named_and_iterable(self) -> None:
        assert presslens.tokenize("The talks are on pause", stop_words="english") == [
            "talks",
            "pause",
        ]
        assert presslens.tokenize("The talks", stop_words=["talks"]) == ["the"]
        assert presslens.tokenize("The Talks", stop_words={"talks"}, lowercase=False) == ["The"]

    def test_stem(self) -> None:
        assert presslens.tokenize("negotiations stalled", stem=True) == ["negoti", "stall"]
        assert presslens.tokenize("переговоры", stem=True, language="russian") == ["переговор"]
        assert presslens.tokenize("Verhandlungen", stem="german") == ["verhandl"]

    def test_unknown_language(self) -> None:
        with pytest.raises(presslens.UnknownLanguageError, match="supported languages are: arabic"):
            presslens.tokenize("x", stem=True, language="klingon")
        with pytest.raises(ValueError, match="klingon"):
            presslens.tokenize("x", stop_words="klingon")

    def test_bad_stop_words(self) -> None:
        with pytest.raises(presslens.InvalidArgumentError, match="only str"):
            presslens.tokenize("x", stop_words=[1, 2])  # type: ignore[list-item]
        with pytest.raises(presslens.InvalidArgumentError, match="bytes"):
            presslens.tokenize("x", stop_words=b"the")  # type: ignore[arg-type]

    def test_bad_stem(self) -> None:
        with pytest.raises(presslens.InvalidArgumentError, match="stem must be"):
            presslens.tokenize("x", stem=3)  # type: ignore[arg-type]

    def test_scripts(self) -> None:
        assert presslens.tokenize("Песков заявил «пауза»") == ["песков", "заявил", "пауза"]
        assert presslens.tokenize("東京で会談 2025") == ["東京で会談", "2025"]
        assert presslens.tokenize("नमस्ते दुनिया") == ["नमस्ते", "दुनिया"]
        assert presslens.tokenize("🙂 ok 🙂") == ["ok"]


class TestSpans:
    def test_token_spans_are_python_indices(self) -> None:
        text = "Пе́сков’s «pause» 🙂 U.S."
        spans = presslens.token_spans(text)
        assert [text[s:e] for s, e in spans] == ["Пе́сков’s", "pause", "U.S."]

    def test_sentence_spans_slices(self) -> None:
        text = "«Пауза», сказал он. Then “nothing” 🙂 happened!"
        spans = presslens.sentence_spans(text)
        assert [text[s:e] for s, e in spans] == presslens.split_sentences(text)
        assert len(spans) == 2


class TestStem:
    def test_stem_words(self) -> None:
        assert presslens.stem(["talks", "running"]) == ["talk", "run"]
        assert presslens.stem(("parlait",), language="fr") == ["parl"]

    def test_str_is_rejected(self) -> None:
        with pytest.raises(presslens.InvalidArgumentError, match="wrap it in a list"):
            presslens.stem("talks")

    def test_languages(self) -> None:
        langs = presslens.stemmer_languages()
        assert len(langs) == 18
        assert langs == sorted(langs)
        for lang in langs:
            words = presslens.stop_words(lang)
            assert isinstance(words, frozenset)
            assert words, lang
            assert presslens.stem(["abc"], language=lang)


def test_stop_words_english() -> None:
    words = presslens.stop_words("english")
    assert {"the", "and", "which", "would"} <= words
    assert "kremlin" not in words
    assert presslens.stop_words("en") == words


class TestThreads:
    TEXTS: ClassVar[list[str]] = [f"Talks number {i} were on pause, the aide said. Then U.S. envoys left." * (i % 7 + 1)
             for i in range(300)]  # fmt: skip

    def test_results_identical_for_any_thread_count(self) -> None:
        an = presslens.text.get_analyzer(stem=True, stop_words="english")
        serial = an.tokenize_many(self.TEXTS, n_threads=1)
        assert serial == [an.tokenize(t) for t in self.TEXTS]
        for n in (None, 2, 3, 8, -1):
            assert an.tokenize_many(self.TEXTS, n_threads=n) == serial
        counts = _presslens.document_counts(self.TEXTS, n_threads=1)
        for n in (None, 2, 8):
            assert _presslens.document_counts(self.TEXTS, n_threads=n) == counts

    def test_bad_thread_count(self) -> None:
        an = presslens.text.get_analyzer()
        with pytest.raises(presslens.InvalidArgumentError, match="n_threads"):
            an.tokenize_many(["a"], n_threads=0)

    def test_config(self) -> None:
        assert presslens.config.thread_pool_size() >= 1
        assert presslens.config.effective_threads(1) == 1

    def test_env_var_sizes_pool(self) -> None:
        code = "import presslens; print(presslens.config.thread_pool_size())"
        env = dict(os.environ, PRESSLENS_NUM_THREADS="3")
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                             check=True, timeout=60)  # fmt: skip
        assert out.stdout.strip() == "3"

    @pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")
    def test_fork_falls_back_to_serial(self) -> None:
        code = textwrap.dedent(
            """
            import os, sys
            import presslens
            an = presslens.text.get_analyzer()
            texts = ["a b c d"] * 1000
            an.tokenize_many(texts, n_threads=2)          # start the pool in the parent
            pid = os.fork()
            if pid == 0:
                ok = an.tokenize_many(texts, n_threads=2) == [["a", "b", "c", "d"]] * 1000
                ok = ok and presslens.config.effective_threads(2) == 1
                os._exit(0 if ok else 3)
            _, status = os.waitpid(pid, 0)
            sys.exit(os.waitstatus_to_exitcode(status))
            """
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
        )
        assert proc.returncode == 0, proc.stderr


def test_analyzer_pickles() -> None:
    an = presslens.text.get_analyzer(stem=True, stop_words=["the"])
    back = pickle.loads(pickle.dumps(an))
    assert back.tokenize("The talks stalled") == ["talk", "stall"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_token_spans_property(text: str) -> None:
    spans = presslens.token_spans(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        prev = e
    # Tokenize gives one term per span (no stop words).
    assert len(presslens.tokenize(text, lowercase=False)) == len(spans)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab AB.!?…\"“”'’()\n\t-,:;5", "Mr.", "U.S.", "e.g.", "\n\n", "Пауза"]),
        max_size=80,
    ).map("".join)
)
def test_sentence_spans_cover_every_character(text: str) -> None:
    spans = presslens.sentence_spans(text)
    covered = [False] * len(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        for i in range(s, e):
            covered[i] = True
        prev = e
    for i, ch in enumerate(text):
        assert covered[i] or ch.isspace(), (text, i)
