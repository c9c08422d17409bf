"""Golden tokenizer cases shared with cargo (tests/cases/tokens.toml)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import presslens

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).resolve().parents[1] / "cases" / "tokens.toml").read_text(encoding="utf-8")
)["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_token_case(case: dict[str, Any]) -> None:
    text = case["text"]
    assert [text[s:e] for s, e in presslens.token_spans(text)] == case["tokens"]
    if "terms" in case:
        assert presslens.tokenize(text) == case["terms"]
