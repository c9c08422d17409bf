"""The examples run: the quickstart notebook top to bottom, and the batch pipeline."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DEMO = ROOT / "python" / "presslens" / "datasets" / "demo" / "articles.jsonl"


def test_quickstart_notebook_runs_without_errors(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(EXAMPLES / "quickstart.ipynb", as_version=4)
    for cell in nb.cells:  # run from a clean slate, not the committed outputs
        if cell.cell_type == "code":
            cell.outputs = []
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    errors = [o for o in outputs if o.output_type == "error"]
    assert errors == [], errors
    stderr = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert stderr == [], stderr  # no warnings either
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "Corpus: 14 documents" in html
    assert "Summary (lexrank)" in html
    assert "Quote clusters:" in html
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3  # distinctive terms, overlap heat-map, coverage


def _pipeline() -> object:
    spec = importlib.util.spec_from_file_location("batch_pipeline", EXAMPLES / "batch_pipeline.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["batch_pipeline"] = module
    spec.loader.exec_module(module)
    return module


def test_batch_pipeline_writes_parquet_tables(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    pipeline = _pipeline()
    assert pipeline.main([str(DEMO), str(tmp_path / "out")]) == 0  # type: ignore[attr-defined]
    names = {p.stem for p in (tmp_path / "out").glob("*.parquet")}
    assert names == {
        "documents", "removals", "terms", "distinctive", "overlap", "near_duplicates",
        "summary", "quotes",
    }  # fmt: skip
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert len(docs) == 14
    overlap = pd.read_parquet(tmp_path / "out" / "overlap.parquet")
    assert list(overlap.columns) == ["outlet", "found_in", "containment"]
    assert len(overlap) == 8 * 8
    summary = pd.read_parquet(tmp_path / "out" / "summary.parquet")
    assert summary["supported_by"].str.len().min() > 0
    assert pipeline.main([str(tmp_path / "missing"), str(tmp_path / "x")]) == 2  # type: ignore[attr-defined]
