"""Shared fixtures. ``SHARED`` is ../shared beside the repository (read-only ground truth).

Hypothesis profiles: ``ci`` (the default) draws the same examples on every run, so a
test fails or passes alike on every clone; ``fuzz`` draws 20 times as many, from a new
seed each run (``HYPOTHESIS_PROFILE=fuzz`` or ``--hypothesis-profile=fuzz``; ``make fuzz``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=300, derandomize=True, deadline=None, print_blob=True)
settings.register_profile("fuzz", max_examples=6000, derandomize=False, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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
