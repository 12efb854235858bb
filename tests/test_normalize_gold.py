"""The ``normalization`` lists of every gold file in corpus/gold, on the normalized body."""

from __future__ import annotations

import json

import pytest

from pipeline.normalize import normalize_tracked, split_article

from .conftest import GOLD_DIR

GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))


def _body_text(gold_path) -> str:
    raw = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    layout = split_article(raw)
    return normalize_tracked(raw[layout.body_start : layout.body_end], layout.body_start).text


def _checks() -> list:
    params = []
    for path in GOLD_FILES:
        spec = json.loads(path.read_text(encoding="utf-8")).get("normalization") or {}
        for s in spec.get("must_contain", []):
            params.append(pytest.param(path, s, True, id=f"{path.stem}-has-{s}"))
        for s in spec.get("must_not_contain", []):
            params.append(pytest.param(path, s, False, id=f"{path.stem}-lacks-{s!r}"))
    return params


def test_gold_files_have_normalization_lists():
    with_lists = [p for p in GOLD_FILES if json.loads(p.read_text(encoding="utf-8")).get("normalization")]
    assert len(with_lists) >= 10


@pytest.mark.parametrize(("gold_path", "spelling", "wanted"), _checks())
def test_gold_normalization(gold_path, spelling: str, wanted: bool):
    text = _body_text(gold_path)
    assert (spelling in text) is wanted


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_body_offsets_point_into_raw(gold_path):
    raw = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    layout = split_article(raw)
    t = normalize_tracked(raw[layout.body_start : layout.body_end], layout.body_start)
    assert t.starts == sorted(t.starts)
    assert all(layout.body_start <= a <= b <= layout.body_end for a, b in zip(t.starts, t.ends, strict=True))
    for word in t.text.split()[:200]:
        i = t.text.index(word)
        a, b = t.to_raw(i, i + len(word))
        assert raw[a:b].strip() == raw[a:b]  # a word's raw span starts and ends on its own letters
