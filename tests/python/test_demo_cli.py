from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import presslens
from presslens.cli import load_corpus, main, outlet_table, top_terms
from presslens.datasets import demo_path, load_demo

ROOT = Path(__file__).resolve().parents[2]
TRUTH = json.loads((ROOT / "tests" / "data" / "demo_truth.json").read_text(encoding="utf-8"))


def test_demo_corpus_shape() -> None:
    demo = load_demo()
    assert len(demo) >= 10
    main_ids = TRUTH["story_ids"]["main"]
    assert len(main_ids) >= 8
    assert len({demo[i].outlet for i in main_ids}) >= 5
    assert TRUTH["story_ids"]["other"]
    for doc in demo:
        assert doc.outlet == TRUTH["outlets"][doc.id]
        assert doc.title
        assert doc.url
        assert doc.published


def test_demo_truth_checker_passes() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "data" / "check_demo_truth.py")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_demo_has_the_promised_noise() -> None:
    raw = "\n".join(load_demo().texts)
    for needle in ("ADVERTISEMENT", "](", "**", "“", '"', "«"):
        assert needle in raw
    reasons = {n["reason"] for lines in TRUTH["noise_lines"].values() for n in lines}
    assert {"newsletter", "donation", "related", "caption", "advertisement", "markup"} <= reasons
    assert TRUTH["broken_paragraphs"]


def test_demo_quote_translations_present() -> None:
    demo = load_demo()
    renderings = TRUTH["quote_translations"]["renderings"]
    assert len(set(renderings.values())) >= 4
    for doc_id, quote in renderings.items():
        assert quote in demo[doc_id].text


def test_outlet_table_counts() -> None:
    demo = load_demo()
    table = outlet_table(demo, n_threads=1)
    assert sum(r["documents"] for r in table) == len(demo)
    assert [r["outlet"] for r in table] == demo.outlets
    words = sum(len(presslens.tokenize(t)) for t in demo.texts)
    assert sum(r["words"] for r in table) == words
    assert outlet_table(demo, n_threads=2) == table


def test_top_terms_deterministic() -> None:
    demo = load_demo()
    t1 = top_terms(demo, n=5, n_threads=1)
    assert t1 == top_terms(demo, n=5, n_threads=2)
    for terms in t1.values():
        assert len(terms) == 5
        assert all(t not in presslens.stop_words() for t, _ in terms)
        counts = [c for _, c in terms]
        assert counts == sorted(counts, reverse=True)


def test_cli_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "Per outlet" in out
    assert "Top terms per outlet" in out
    for outlet in load_demo().outlets:
        assert outlet in out


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == len(load_demo())


def test_cli_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"id": "a", "outlet": "X", "text": "Talks paused. Aides left."},
        {"id": "b", "outlet": "Y", "text": "Talks resumed."},
    ]
    jl = tmp_path / "a.jsonl"
    jl.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    csv = tmp_path / "a.csv"
    csv.write_text(
        "id,outlet,text\na,X,Talks paused. Aides left.\nb,Y,Talks resumed.\n", encoding="utf-8"
    )
    d = tmp_path / "dir" / "X"
    d.mkdir(parents=True)
    (d / "a.txt").write_text("Talks paused. Aides left.", encoding="utf-8")
    for path in (jl, csv, tmp_path / "dir"):
        assert main(["stats", str(path)]) == 0
        out = capsys.readouterr().out
        assert "X" in out
    assert len(load_corpus(jl)) == 2


def test_cli_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    pq.write_table(
        pa.table({"id": ["a"], "outlet": ["X"], "text": ["Talks paused."]}), tmp_path / "a.parquet"
    )
    assert main(["stats", str(tmp_path / "a.parquet")]) == 0
    assert "X" in capsys.readouterr().out


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(tmp_path / "missing")]) == 2
    assert "no such file" in capsys.readouterr().err
    bad = tmp_path / "a.docx"
    bad.write_text("x", encoding="utf-8")
    assert main(["stats", str(bad)]) == 2
    assert ".jsonl, .csv or .parquet" in capsys.readouterr().err


def test_python_m_presslens() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "presslens", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "demo" in proc.stdout
    assert "stats" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "-m", "presslens", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert presslens.__version__ in proc.stdout


def test_demo_path_is_packaged() -> None:
    assert demo_path().is_file()


def test_cli_demo_reports_cleaning(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Cleaning: kept" in out
    for reason in ("advertisement", "newsletter", "related", "caption"):
        assert f"  {reason} " in out
    assert main(["demo", "--raw"]) == 0
    assert "Cleaning:" not in capsys.readouterr().out


def test_cleaning_summary_counts_every_removal() -> None:
    from presslens.cli import cleaning_summary

    cleaned = load_demo().clean(n_threads=1)
    summary = cleaning_summary(cleaned)
    removed = [r for doc in cleaned for r in doc.removed]
    assert summary["removals"] == len(removed)
    assert sum(c for c, _ in summary["by_reason"].values()) == len(removed)
    assert summary["kept_chars"] == sum(len(d.text) for d in cleaned)
    assert cleaning_summary(load_demo()) == {}


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from presslens._dependencies import require

    # A None entry in sys.modules makes the import fail as if the package were absent.
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(presslens.MissingDependencyError, match=r"presslens\[plot\]") as info:
        require("matplotlib", feature="OverlapMatrix.plot")
    assert isinstance(info.value, ImportError)
    assert "OverlapMatrix.plot needs" in str(info.value)
