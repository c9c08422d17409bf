"""Shared fixtures: locate ../shared data (skip with a reason when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """Path inside ../shared, skipping the calling test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (evaluation data, present in CI)")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")
