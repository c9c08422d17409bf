from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import presslens
from presslens import Corpus, CorpusFormatError, Document, EmptyCorpusError

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pd = pytest.importorskip("pandas")


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def corpus() -> Corpus:
    return Corpus(
        [
            {"text": "Talks are on pause.", "outlet": "tass.com", "id": "t1"},
            {"text": "Kremlin says talks paused.", "outlet": "reuters.com", "id": "r1"},
            {"text": "Peskov spoke on Friday.", "outlet": "tass.com", "id": "t2"},
            {"text": "", "id": "empty"},
        ]
    )


# -- Document -------------------------------------------------------------------------------


def test_document_fields_and_defaults() -> None:
    doc = Document("text")
    assert (doc.text, doc.id, doc.outlet, doc.title, doc.url, doc.published) == (
        "text",
        None,
        None,
        None,
        None,
        None,
    )
    assert doc.raw is None
    assert doc.removed == ()


def test_document_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Document("text", "id")  # type: ignore[call-arg]


def test_document_is_immutable() -> None:
    doc = Document("text", id="a")
    with pytest.raises(AttributeError):
        doc.text = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.id = "b"  # type: ignore[misc]


def test_document_equality_hash_and_pickle() -> None:
    kwargs: dict[str, Any] = {
        "id": "a",
        "outlet": "tass.com",
        "title": "T",
        "url": "https://tass.com/x",
        "published": "2025-09-12T18:21:00+00:00",
        "raw": "raw text",
        "removed": ("r1",),
    }
    a, b = Document("text", **kwargs), Document("text", **kwargs)
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1
    assert a != Document("text", id="other")
    restored = pickle.loads(pickle.dumps(a))
    assert restored == a
    assert restored.published == dt.datetime(2025, 9, 12, 18, 21, tzinfo=dt.timezone.utc)


def test_document_removed_list_becomes_tuple() -> None:
    doc = Document("text", removed=["x"])
    assert doc.removed == ("x",)
    hash(doc)


def test_document_repr_is_compact() -> None:
    doc = Document("word " * 100, id="a", outlet="bbc.com")
    text = repr(doc)
    assert text.startswith("Document(id='a', outlet='bbc.com', text='word word")
    assert len(text) < 120


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-09-12", dt.date(2025, 9, 12)),
        ("2025-09-12T18:21:00", dt.datetime(2025, 9, 12, 18, 21)),
        ("2025-09-12T18:21:00Z", dt.datetime(2025, 9, 12, 18, 21, tzinfo=dt.timezone.utc)),
        (dt.date(2025, 9, 12), dt.date(2025, 9, 12)),
        (dt.datetime(2025, 9, 12, 1, 2), dt.datetime(2025, 9, 12, 1, 2)),
        (None, None),
    ],
)
def test_document_published(value: Any, expected: Any) -> None:
    published = Document("x", published=value).published
    assert published == expected
    assert type(published) is type(expected)


def test_document_bad_published_names_value() -> None:
    with pytest.raises(CorpusFormatError, match="'last friday'"):
        Document("x", published="last friday")
    with pytest.raises(CorpusFormatError, match="published"):
        Document("x", published=20250912)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, float("nan"), b"bytes", 1.5])
def test_document_text_must_be_str(bad: Any) -> None:
    with pytest.raises(CorpusFormatError, match="text must be a str") as info:
        Document(bad, id="doc-7")
    assert isinstance(info.value, ValueError)
    assert "'doc-7'" in str(info.value)


def test_document_bytes_error_says_decode() -> None:
    with pytest.raises(CorpusFormatError, match="decode"):
        Document(b"x")  # type: ignore[arg-type]


def test_document_metadata_types_checked() -> None:
    with pytest.raises(CorpusFormatError, match="outlet"):
        Document("x", outlet=3)  # type: ignore[arg-type]
    assert Document("x", id=7).id == "7"


def test_document_replace() -> None:
    doc = Document("text", id="a", outlet="bbc.com")
    new = doc.replace(text="new", title="T")
    assert (new.text, new.id, new.outlet, new.title) == ("new", "a", "bbc.com", "T")
    assert doc.text == "text"
    with pytest.raises(TypeError, match="nope"):
        doc.replace(nope=1)
    with pytest.raises(CorpusFormatError):
        doc.replace(text=None)


# -- Corpus construction --------------------------------------------------------------------


def test_corpus_from_mixed_inputs() -> None:
    corpus = Corpus(
        [
            "plain",
            {"text": "dict", "outlet": "a.com", "published": "2025-01-02"},
            Document("doc", id="d"),
            Document("no id"),
        ]
    )
    assert corpus.ids == ["0", "1", "d", "3"]
    assert corpus["1"].published == dt.date(2025, 1, 2)
    assert corpus.texts == ["plain", "dict", "doc", "no id"]


def test_empty_corpus_is_consistent() -> None:
    corpus = Corpus([])
    assert len(corpus) == 0
    assert corpus.ids == []
    assert corpus.texts == []
    assert corpus.outlets == []
    assert list(corpus) == []
    assert repr(corpus) == "Corpus(0 documents, 0 outlets)"
    assert corpus == Corpus(())
    assert pickle.loads(pickle.dumps(corpus)) == corpus
    assert corpus.to_pandas().columns.tolist() == [
        "id",
        "outlet",
        "title",
        "url",
        "published",
        "text",
    ]


def test_empty_text_is_kept() -> None:
    assert Corpus(["", "x"]).texts == ["", "x"]


def test_duplicate_ids_named() -> None:
    with pytest.raises(CorpusFormatError, match="'a'") as info:
        Corpus([Document("x", id="a"), Document("y", id="b"), Document("z", id="a")])
    assert isinstance(info.value, ValueError)
    assert "'b'" not in str(info.value)
    with pytest.raises(CorpusFormatError, match="'1'"):
        Corpus([{"text": "x", "id": "1"}, "y"])  # the second gets the default id "1"


def test_unknown_dict_keys_list_allowed() -> None:
    with pytest.raises(CorpusFormatError, match="body") as info:
        Corpus([{"body": "x"}])
    assert "text, id, outlet, title, url, published" in str(info.value)


@pytest.mark.parametrize("bad", [None, float("nan"), b"bytes", 1.5])
def test_bad_rows_name_the_row(bad: Any) -> None:
    with pytest.raises(CorpusFormatError, match="row 1"):
        Corpus(["ok", bad])
    with pytest.raises(CorpusFormatError, match=r"row 1 \(id 'k'\), column 'text'"):
        Corpus(["ok", {"text": bad, "id": "k"}])


@pytest.mark.parametrize("bad", ["a single string", {"text": "x"}])
def test_corpus_rejects_non_iterables_of_documents(bad: Any) -> None:
    with pytest.raises(TypeError, match="list"):
        Corpus(bad)


def test_corpus_rejects_dataframe() -> None:
    with pytest.raises(TypeError, match="from_pandas"):
        Corpus(pd.DataFrame({"text": ["a"]}))


# -- Corpus access --------------------------------------------------------------------------


def test_len_iter_index(corpus: Corpus) -> None:
    assert len(corpus) == 4
    assert [d.id for d in corpus] == ["t1", "r1", "t2", "empty"]
    assert corpus[0].id == "t1"
    assert corpus[-1].id == "empty"
    assert corpus["r1"].outlet == "reuters.com"
    with pytest.raises(IndexError):
        corpus[4]
    with pytest.raises(KeyError, match="missing"):
        corpus["missing"]
    with pytest.raises(TypeError):
        corpus[1.0]  # type: ignore[call-overload]


def test_slice_returns_corpus(corpus: Corpus) -> None:
    part = corpus[1:3]
    assert isinstance(part, Corpus)
    assert part.ids == ["r1", "t2"]
    assert corpus[::-1].ids == ["empty", "t2", "r1", "t1"]
    assert len(corpus[10:]) == 0


def test_contains(corpus: Corpus) -> None:
    assert "t1" in corpus
    assert "nope" not in corpus
    assert corpus["t1"] in corpus
    assert Document("other text", id="t1") not in corpus
    assert 3 not in corpus


def test_views(corpus: Corpus) -> None:
    assert corpus.ids == ["t1", "r1", "t2", "empty"]
    assert corpus.texts[0] == "Talks are on pause."
    assert corpus.outlets == ["reuters.com", "tass.com"]


def test_repr() -> None:
    assert repr(Corpus([{"text": "x", "outlet": "a"}])) == "Corpus(1 document, 1 outlet)"
    assert repr(Corpus(["x", "y"])) == "Corpus(2 documents, 0 outlets)"


def test_filter(corpus: Corpus) -> None:
    assert corpus.filter(outlet="tass.com").ids == ["t1", "t2"]
    assert corpus.filter(outlet=["tass.com", "reuters.com"]).ids == ["t1", "r1", "t2"]
    assert corpus.filter(ids=["t2", "t1", "unknown"]).ids == ["t1", "t2"]
    assert corpus.filter(ids="r1").ids == ["r1"]
    assert corpus.filter(predicate=lambda d: d.text == "").ids == ["empty"]
    assert corpus.filter(outlet="tass.com", predicate=lambda d: "Friday" in d.text).ids == ["t2"]
    assert len(corpus.filter(outlet="nobody")) == 0
    assert corpus.filter() == corpus


def test_map_texts(corpus: Corpus) -> None:
    upper = corpus.map_texts(str.upper)
    assert upper.texts[0] == "TALKS ARE ON PAUSE."
    assert upper.ids == corpus.ids
    assert upper["t1"].outlet == "tass.com"
    assert corpus.texts[0] == "Talks are on pause."
    with pytest.raises(CorpusFormatError, match="'t1'"):
        corpus.map_texts(len)  # type: ignore[arg-type]


def test_equality_and_pickle(corpus: Corpus) -> None:
    assert corpus == Corpus(list(corpus))
    assert corpus != corpus[1:]
    assert corpus != "not a corpus"
    restored = pickle.loads(pickle.dumps(corpus))
    assert restored == corpus
    assert restored["r1"] == corpus["r1"]


def test_to_pandas(corpus: Corpus) -> None:
    df = Corpus(
        [{"text": "x", "id": "a", "published": "2025-09-12", "title": "T", "url": "u"}]
    ).to_pandas()
    assert df.columns.tolist() == ["id", "outlet", "title", "url", "published", "text"]
    row = df.iloc[0]
    assert (row["id"], row["title"], row["text"]) == ("a", "T", "x")
    assert row["published"] == dt.date(2025, 9, 12)
    assert len(corpus.to_pandas()) == 4


def test_to_records_round_trip(corpus: Corpus) -> None:
    records = corpus.to_records()
    assert records[0] == {
        "id": "t1",
        "outlet": "tass.com",
        "title": None,
        "url": None,
        "published": None,
        "text": "Talks are on pause.",
    }
    assert Corpus(records) == corpus
    assert Corpus.from_records(records) == corpus


# -- from_dir -------------------------------------------------------------------------------


def test_from_dir_ids_order_and_outlets(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "top level")
    write(tmp_path / "reuters" / "2025" / "z.txt", "deep")
    write(tmp_path / "bbc" / "a.txt", "in bbc")
    write(tmp_path / "bbc" / "notes.md", "not matched")
    write(tmp_path / ".ipynb_checkpoints" / "b-checkpoint.txt", "hidden")
    corpus = Corpus.from_dir(tmp_path)
    assert corpus.ids == ["b", "bbc/a", "reuters/2025/z"]
    assert [d.outlet for d in corpus] == [None, "bbc", "reuters"]
    assert corpus.texts == ["top level", "in bbc", "deep"]
    assert Corpus.from_dir(tmp_path, recursive=False).ids == ["b"]
    assert Corpus.from_dir(tmp_path, pattern="*.md").ids == ["bbc/notes"]


def test_from_dir_source_line_wins(tmp_path: Path) -> None:
    # A markdown link near the top (a photo credit) must not be taken for the outlet; the
    # explicit source line at the end, with the URL on a later line, wins over the folder.
    write(
        tmp_path / "folder" / "a.txt",
        "# Headline\n\nPhoto: [kremlin.ru](https://kremlin.ru)\n\nBody text.\n\n"
        "Original url:\n\n<https://www.themoscowtimes.com/2025/09/12/story-a1>\n",
    )
    write(tmp_path / "b.txt", "SOURCE: https://www.Reuters.com/world/x.html.\nBody.")
    write(tmp_path / "c.txt", "See https://example.org/page for more.\nURL: n/a\n")
    write(tmp_path / "d.txt", "Text\n**Source:** [link](https://edition.cnn.com/x)\n")
    corpus = Corpus.from_dir(tmp_path)
    a = corpus["folder/a"]
    assert a.outlet == "themoscowtimes.com"
    assert a.url == "https://www.themoscowtimes.com/2025/09/12/story-a1"
    assert corpus["b"].outlet == "reuters.com"
    assert corpus["b"].url == "https://www.Reuters.com/world/x.html"
    assert corpus["c"].outlet is None  # a bare link in the text is not a source line
    assert corpus["c"].url is None
    assert corpus["d"].outlet == "edition.cnn.com"


def test_from_dir_outlet_modes(tmp_path: Path) -> None:
    write(tmp_path / "bbc" / "a.txt", "Source: https://www.bbc.co.uk/news/1\n")
    write(tmp_path / "bbc" / "b.txt", "no source")
    assert Corpus.from_dir(tmp_path).outlets == ["bbc", "bbc.co.uk"]
    assert [d.outlet for d in Corpus.from_dir(tmp_path, outlet=None)] == [None, None]
    assert Corpus.from_dir(tmp_path, outlet="fixed").outlets == ["fixed"]
    # url is picked up whatever the outlet mode
    assert Corpus.from_dir(tmp_path, outlet=None)["bbc/a"].url == "https://www.bbc.co.uk/news/1"

    seen: list[tuple[Path, str]] = []

    def by_length(path: Path, text: str) -> str | None:
        seen.append((path, text))
        return "long" if len(text) > 10 else None

    corpus = Corpus.from_dir(tmp_path, outlet=by_length)
    assert [d.outlet for d in corpus] == ["long", None]
    assert seen[0][0] == tmp_path / "bbc" / "a.txt"
    with pytest.raises(CorpusFormatError, match="outlet function"):
        Corpus.from_dir(tmp_path, outlet=lambda p, t: 3)  # type: ignore[arg-type,return-value]
    with pytest.raises(TypeError):
        Corpus.from_dir(tmp_path, outlet=3)  # type: ignore[arg-type]


def test_from_dir_non_utf8(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "fine")
    bad = write(tmp_path / "bad.txt", "caf\xe9 au lait".encode("latin-1"))
    with pytest.raises(CorpusFormatError, match=r"bad\.txt") as info:
        Corpus.from_dir(tmp_path)
    message = str(info.value)
    assert "encoding=" in message
    assert "errors='replace'" in message
    corpus = Corpus.from_dir(tmp_path, errors="replace")
    assert corpus["bad"].text == "caf\ufffd au lait"
    assert Corpus.from_dir(tmp_path, encoding="latin-1")["bad"].text == "café au lait"
    assert bad.exists()


def test_from_dir_missing_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nowhere"):
        Corpus.from_dir(tmp_path / "nowhere")


def test_from_dir_file_not_dir(tmp_path: Path) -> None:
    file = write(tmp_path / "one.txt", "x")
    with pytest.raises(NotADirectoryError, match=r"pattern='one\.txt'"):
        Corpus.from_dir(file)


def test_from_dir_empty(tmp_path: Path) -> None:
    with pytest.raises(EmptyCorpusError, match=r"\*\.txt") as info:
        Corpus.from_dir(tmp_path)
    assert str(tmp_path) in str(info.value)
    assert isinstance(info.value, ValueError)


def test_from_dir_duplicate_stems(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "x")
    write(tmp_path / "a.md", "y")
    with pytest.raises(CorpusFormatError, match="'a'"):
        Corpus.from_dir(tmp_path, pattern="a.*")


def test_from_dir_keeps_empty_files(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", "")
    assert Corpus.from_dir(tmp_path).texts == [""]


# -- from_jsonl / to_jsonl ------------------------------------------------------------------


def test_from_jsonl(tmp_path: Path) -> None:
    path = write(
        tmp_path / "news.jsonl",
        '{"text": "one", "outlet": "a.com", "published": "2025-09-12", "extra": 1}\n'
        "\n"
        '{"text": "", "id": "x", "title": "T"}\n',
    )
    corpus = Corpus.from_jsonl(path)
    assert corpus.ids == ["0", "x"]
    assert corpus["0"].published == dt.date(2025, 9, 12)
    assert corpus["x"].title == "T"
    assert corpus.texts == ["one", ""]


def test_from_jsonl_custom_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "n.jsonl", '{"body": "one", "site": "a.com", "key": 7}\n')
    corpus = Corpus.from_jsonl(path, text="body", outlet="site", id="key")
    assert corpus["7"].outlet == "a.com"
    with pytest.raises(CorpusFormatError, match="'body'"):
        Corpus.from_jsonl(path)  # no "text" column: lists available ones


def test_from_jsonl_errors(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.jsonl", '{"text": "ok"}\n{"text": oops}\n')
    with pytest.raises(CorpusFormatError, match=r"bad\.jsonl', line 2"):
        Corpus.from_jsonl(bad)
    not_obj = write(tmp_path / "list.jsonl", '["text"]\n')
    with pytest.raises(CorpusFormatError, match="line 1: expected a JSON object"):
        Corpus.from_jsonl(not_obj)
    null_text = write(tmp_path / "null.jsonl", '{"text": "a"}\n{"text": null, "id": "q"}\n')
    with pytest.raises(CorpusFormatError, match=r"row 1 \(id 'q'\), column 'text'"):
        Corpus.from_jsonl(null_text)
    missing = write(tmp_path / "missing.jsonl", '{"text": "a"}\n{"body": "b"}\n')
    with pytest.raises(CorpusFormatError, match="row 1"):
        Corpus.from_jsonl(missing)
    with pytest.raises(FileNotFoundError):
        Corpus.from_jsonl(tmp_path / "nope.jsonl")
    latin = write(tmp_path / "latin.jsonl", '{"text": "caf\xe9"}\n'.encode("latin-1"))
    with pytest.raises(CorpusFormatError, match="line 1"):
        Corpus.from_jsonl(latin)


def test_jsonl_round_trip(tmp_path: Path, corpus: Corpus) -> None:
    path = tmp_path / "out.jsonl"
    corpus.to_jsonl(path)
    assert Corpus.from_jsonl(path) == corpus
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(corpus)


def test_empty_jsonl_is_empty_corpus(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.jsonl", "")
    assert len(Corpus.from_jsonl(path)) == 0


# -- from_csv -------------------------------------------------------------------------------


def test_from_csv(tmp_path: Path) -> None:
    path = write(
        tmp_path / "news.csv",
        "\ufeffid,outlet,title,published,text\n"
        'a,tass.com,T,2025-09-12,"Talks, ""paused""\nsecond line"\n'
        "b,,,,\n",
    )
    corpus = Corpus.from_csv(path)
    assert corpus.ids == ["a", "b"]
    assert corpus["a"].text == 'Talks, "paused"\nsecond line'
    assert corpus["a"].published == dt.date(2025, 9, 12)
    assert corpus["b"].text == ""  # empty text kept
    assert corpus["b"].outlet is None  # empty metadata cell is missing


def test_from_csv_large_field(tmp_path: Path) -> None:
    big = "word " * 100_000
    path = write(tmp_path / "big.csv", f'text\n"{big}"\n')
    assert Corpus.from_csv(path).texts == [big]


def test_from_csv_errors(tmp_path: Path) -> None:
    path = write(tmp_path / "n.csv", "body,site\nx,y\n")
    with pytest.raises(CorpusFormatError, match="'body', 'site'"):
        Corpus.from_csv(path)
    assert Corpus.from_csv(path, text="body", outlet="site").outlets == ["y"]
    with pytest.raises(CorpusFormatError, match="'nope'"):
        Corpus.from_csv(path, text="body", outlet="nope")
    short = write(tmp_path / "short.csv", "id,text\na\n")
    with pytest.raises(CorpusFormatError, match="row 0"):
        Corpus.from_csv(short)
    with pytest.raises(FileNotFoundError):
        Corpus.from_csv(tmp_path / "nope.csv")


# -- from_records / from_pandas -------------------------------------------------------------


def test_from_records() -> None:
    rows: list[dict[str, Any]] = [
        {"body": "one", "site": "a.com", "key": "k1", "when": "2025-09-12"},
        {"body": "two", "site": None, "key": 2},
    ]
    corpus = Corpus.from_records(rows, text="body", outlet="site", id="key", published="when")
    assert corpus.ids == ["k1", "2"]
    assert corpus["k1"].published == dt.date(2025, 9, 12)
    assert corpus.outlets == ["a.com"]
    assert Corpus.from_records(iter(rows), text="body", id=None).ids == ["0", "1"]
    assert len(Corpus.from_records([])) == 0


@pytest.mark.parametrize("bad", [None, float("nan"), b"bytes", 1.5])
def test_from_records_bad_text(bad: Any) -> None:
    with pytest.raises(CorpusFormatError, match=r"row 1 \(id 'b'\), column 'body'"):
        Corpus.from_records(
            [{"body": "ok", "id": "a"}, {"body": bad, "id": "b"}],
            text="body",
        )


def test_from_records_missing_text_column_lists_columns() -> None:
    with pytest.raises(CorpusFormatError, match="'body', 'site'"):
        Corpus.from_records([{"body": "x", "site": "y"}])
    with pytest.raises(CorpusFormatError, match="mapping"):
        Corpus.from_records(["text"])  # type: ignore[list-item]


def test_from_pandas() -> None:
    df = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "outlet": ["tass.com", None, float("nan")],
            "published": pd.to_datetime(["2025-09-12 10:00", None, "2025-09-13 00:00"]),
            "text": ["one", "", "three"],
            "ignored": [1, 2, 3],
        },
        index=[10, 20, 30],
    )
    corpus = Corpus.from_pandas(df)
    assert corpus.ids == ["a", "b", "c"]
    assert corpus.texts == ["one", "", "three"]
    assert [d.outlet for d in corpus] == ["tass.com", None, None]
    assert corpus["a"].published == dt.datetime(2025, 9, 12, 10, 0)
    assert type(corpus["a"].published) is dt.datetime
    assert corpus["b"].published is None
    assert Corpus.from_pandas(corpus.to_pandas()) == corpus


def test_from_pandas_integer_ids_and_defaults() -> None:
    df = pd.DataFrame({"body": ["x", "y"], "n": [5, 6]})
    assert Corpus.from_pandas(df, text="body", id="n").ids == ["5", "6"]
    assert Corpus.from_pandas(df, text="body").ids == ["0", "1"]


@pytest.mark.parametrize("bad", [None, float("nan"), 1.5])
def test_from_pandas_bad_text(bad: Any) -> None:
    df = pd.DataFrame({"text": ["ok", bad]}, dtype=object)
    with pytest.raises(CorpusFormatError, match=r"row 1.*column 'text'"):
        Corpus.from_pandas(df)


def test_from_pandas_missing_column() -> None:
    with pytest.raises(CorpusFormatError, match="'body'"):
        Corpus.from_pandas(pd.DataFrame({"body": ["x"]}))


# -- Arrow / Parquet ------------------------------------------------------------------------


class StreamOnly:
    """Exposes only the Arrow PyCapsule stream interface (like a polars DataFrame)."""

    def __init__(self, table: Any) -> None:
        self._table = table

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self._table.__arrow_c_stream__(requested_schema)


@pytest.fixture
def table() -> Any:
    return pa.table(
        {
            "id": ["a", "b"],
            "outlet": ["tass.com", None],
            "published": [dt.date(2025, 9, 12), None],
            "text": ["one", ""],
        }
    )


def test_from_arrow_table(table: Any) -> None:
    corpus = Corpus.from_arrow(table)
    assert corpus.ids == ["a", "b"]
    assert corpus.texts == ["one", ""]
    assert corpus["a"].published == dt.date(2025, 9, 12)
    assert corpus["b"].outlet is None
    assert Corpus.from_arrow(table.to_batches()[0]) == corpus


def test_from_arrow_c_stream(table: Any) -> None:
    assert Corpus.from_arrow(StreamOnly(table)) == Corpus.from_arrow(table)


def test_from_arrow_errors(table: Any) -> None:
    with pytest.raises(CorpusFormatError, match="'id', 'outlet', 'published', 'text'"):
        Corpus.from_arrow(table, text="body")
    nulls = pa.table({"text": ["x", None]})
    with pytest.raises(CorpusFormatError, match=r"row 1.*column 'text'"):
        Corpus.from_arrow(nulls)
    binary = pa.table({"text": pa.array([b"x"], type=pa.binary())})
    with pytest.raises(CorpusFormatError, match="decode"):
        Corpus.from_arrow(binary)
    with pytest.raises(TypeError, match="__arrow_c_stream__"):
        Corpus.from_arrow([1, 2])


def test_from_parquet(tmp_path: Path, table: Any) -> None:
    path = tmp_path / "news.parquet"
    pq.write_table(table.append_column("extra", pa.array([1, 2])), path)
    corpus = Corpus.from_parquet(path)
    assert corpus == Corpus.from_arrow(table)
    subset = Corpus.from_parquet(path, columns=["text"])
    assert subset.ids == ["0", "1"]
    assert subset.outlets == []
    with pytest.raises(CorpusFormatError, match="nope"):
        Corpus.from_parquet(path, columns=["text", "nope"])
    with pytest.raises(CorpusFormatError, match="'body'"):
        Corpus.from_parquet(path, text="body")
    with pytest.raises(FileNotFoundError):
        Corpus.from_parquet(tmp_path / "missing.parquet")


# -- clean delegation -----------------------------------------------------------------------


def test_clean_delegates(monkeypatch: pytest.MonkeyPatch, corpus: Corpus) -> None:
    import types

    calls: list[tuple[str, Any]] = []
    fake = types.ModuleType("presslens.clean")

    def _clean_corpus(c: Corpus, *, cross_document: bool, n_threads: int | None) -> Corpus:
        calls.append(("clean", (cross_document, n_threads)))
        return c

    def _cleaning_report(c: Corpus) -> str:
        calls.append(("report", len(c)))
        return "report"

    fake._clean_corpus = _clean_corpus  # type: ignore[attr-defined]
    fake._cleaning_report = _cleaning_report  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "presslens.clean", fake)
    assert corpus.clean(cross_document=False, n_threads=1) is corpus
    assert corpus.cleaning_report() == "report"
    assert calls == [("clean", (False, 1)), ("report", 4)]


def test_public_exports() -> None:
    assert presslens.Corpus is Corpus
    assert presslens.Document is Document
    assert {"Corpus", "Document"} <= set(presslens.__all__)


# -- properties -----------------------------------------------------------------------------

optional_text = st.none() | st.text(max_size=20)
records = st.lists(
    st.fixed_dictionaries(
        {"text": st.text(max_size=200)},
        optional={
            "outlet": optional_text,
            "title": optional_text,
            "url": optional_text,
            "published": st.none() | st.dates() | st.datetimes(timezones=st.just(dt.timezone.utc)),
        },
    ),
    max_size=8,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=records)
def test_round_trip_property(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    corpus = Corpus(rows)
    assert len(corpus) == len(rows)
    path = tmp_path / "rt.jsonl"
    corpus.to_jsonl(path)
    again = Corpus.from_jsonl(path)
    assert again == corpus
    assert pickle.loads(pickle.dumps(corpus)) == corpus
    assert Corpus(corpus.to_records()) == corpus
    for line in path.read_text(encoding="utf-8").splitlines():
        assert isinstance(json.loads(line), dict)


def test_nan_text_message_says_missing() -> None:
    with pytest.raises(CorpusFormatError, match="NaN"):
        Corpus([math.nan])  # type: ignore[list-item]
