"""Shared fixtures. ``SHARED`` is ../shared beside the repository (read-only ground truth)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"
GOLD_DIR = CORPUS / "gold"


@pytest.fixture(scope="session")
def khabar():
    """The default pipeline, loaded once per test session."""
    from pipeline import load

    return load()


def need_shared(path: str) -> Path:
    """A path under ../shared, or skip the test when shared/ is not beside the repo."""
    p = SHARED / path
    if not p.exists():
        pytest.skip(f"{p} not available")
    return p
