"""Idempotence and no damage over 1,200 news-raw articles (600 Hamshahri, 600 Fars)."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest

from pipeline.normalize import normalize, normalize_tracked
from pipeline.normalize.protect import find_protected

from .conftest import need_shared
from .test_normalize_properties import letters_key

PER_SOURCE = 600
ARABIC_INDIC = set("٠١٢٣٤٥٦٧٨٩")


@pytest.fixture(scope="module")
def articles() -> list[str]:
    folder = need_shared("corpora/news-raw")
    texts: list[str] = []
    for name in ("hamshahri.jsonl.gz", "farsnews.jsonl.gz"):
        with gzip.open(folder / name, "rt", encoding="utf-8") as f:
            texts.extend(json.loads(line)["text"] for line in itertools.islice(f, PER_SOURCE))
    return texts


def _problems(raw: str) -> list[str]:
    """What went wrong normalizing one article (empty when nothing)."""
    t = normalize_tracked(raw)
    out = t.text
    found = []
    if normalize(out) != out:
        found.append("not idempotent")
    if out.count("\n") != raw.replace("\r\n", "\n").count("\n"):
        found.append("newline count changed")
    if letters_key(out) != letters_key(raw):
        found.append("letters or digits added or lost")
    if t.starts != sorted(t.starts):
        found.append("offset map not monotone")
    for a, b in find_protected(raw):
        if ARABIC_INDIC.isdisjoint(raw[a:b]):
            i, j = t.from_raw_span(a, b)
            if out[i:j] != raw[a:b]:
                found.append(f"protected span changed: {raw[a:b]!r} -> {out[i:j]!r}")
    return found


@pytest.mark.slow
def test_no_damage_and_idempotent_over_news_raw(articles):
    assert len(articles) >= 1000
    failures = {i: p for i, raw in enumerate(articles) if (p := _problems(raw))}
    assert not failures, dict(itertools.islice(failures.items(), 5))


@pytest.mark.slow
def test_lines_mode_keeps_one_line_per_line(articles):
    for raw in articles[:300]:
        lines = raw.split("\n")
        out = [normalize(line.rstrip("\r")) for line in lines]
        assert all("\n" not in line for line in out)
        assert "\n".join(out).count("\n") == len(lines) - 1


def test_cli_normalize_lines_keeps_line_count(tmp_path):
    """``khabar normalize --lines``: one output line per input line (the CLI is the lead's)."""
    cli = pytest.importorskip("pipeline.cli")
    from typer.testing import CliRunner

    raw = "مي شود\r\n\nبرنامههاي ما\u2028ادامه\n  \nآخر"
    path = tmp_path / "lines.txt"
    path.write_text(raw, encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["normalize", "--lines", str(path)])
    assert result.exit_code == 0, result.output
    out_lines = result.output.split("\n")[:-1]
    assert len(out_lines) == len(raw.split("\n"))
    assert out_lines[0] == "می\u200cشود"
