"""The khabar command: a thin shell over the API, tested as a user runs it."""

from __future__ import annotations

import shutil

import orjson
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from .conftest import CORPUS, GOLD_DIR

runner = CliRunner()
SEED = CORPUS / "samples" / "seed-article.txt"


def test_help_lists_every_command_with_examples():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "extract", "normalize", "evaluate", "train"):
        assert command in result.output
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0
        if command != "train":
            assert "khabar " + command in sub.output  # an example of use


def test_version_prints_khabar_and_the_model_a_run_would_use():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.splitlines() == ["khabar 0.1.0", f"model khabar-fa 0.1.0 ({CORPUS.parent / 'models' / 'khabar-fa'})"]


def test_run_survives_bad_files_beside_good_ones(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "good-1.txt")
    shutil.copy(CORPUS / "samples" / "varzesh3-v1-174.txt", corpus / "good-2.txt")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "cp1256.txt").write_bytes("خبر فارسي با كدگذاري قديمي".encode("cp1256"))
    (corpus / "huge.txt").write_bytes(("خبر " * 700_000).encode())  # ~5.6 MB
    (corpus / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(32)) * 200)
    out = tmp_path / "out" / "records.jsonl"
    result = runner.invoke(app, ["run", str(corpus), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    records = {r["id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}
    assert sorted(records) == ["binary", "cp1256", "empty", "good-1", "good-2", "huge"]
    assert "empty" in records["empty"]["errors"][0]
    assert "UTF-8" in records["cp1256"]["errors"][0]
    assert "too large" in records["huge"]["errors"][0]
    assert "binary" in records["binary"]["errors"][0]
    for good in ("good-1", "good-2"):
        assert records[good]["errors"] == [] and records[good]["text"]
    assert "6 articles" in result.output and "4 with errors" in result.output


def test_run_fails_only_when_the_run_itself_cannot_start(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "-o", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 2 and "input not found" in result.output


def test_run_reads_jsonl_from_stdin(tmp_path):
    out = tmp_path / "r.jsonl"
    rows = '{"id": "s1", "text": "وی گفت: خبر."}\n{"id": "s2", "text": ""}\n'
    result = runner.invoke(app, ["run", "-", "-o", str(out), "--jobs", "1", "-q"], input=rows)
    assert result.exit_code == 0, result.output
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [r["id"] for r in records] == ["s1", "s2"] and records[1]["errors"]


def test_normalize_lines_keeps_one_line_per_input_line():
    text = "برنامههای ما\n\nمي شود  خوب\r\nكتاب\n"
    result = runner.invoke(app, ["normalize", "--lines", "-"], input=text)
    assert result.exit_code == 0
    lines = result.output.split("\n")
    assert lines[-1] == "" and len(lines) - 1 == text.count("\n")
    assert lines[1] == "" and lines[3] == "کتاب"


def test_extract_prints_the_record_as_json_and_as_table():
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0
    record = orjson.loads(result.output)
    assert record["id"] == "seed-article" and record["meta"]["news_code"] == "1398392"
    table = runner.invoke(app, ["extract", str(SEED), "--format", "table"])
    assert table.exit_code == 0 and "ارقام" in table.output and "نقل‌قول‌ها" in table.output


@pytest.mark.parametrize("as_json", [False, True])
def test_evaluate_prints_every_task_row(as_json):
    args = ["evaluate", str(GOLD_DIR)] + (["--json"] if as_json else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = (
        "organizations", "figures", "quotes direct detection", "quotes indirect attribution",
        "quotes all detection", "officials", "officials title", "normalization must_contain",
        "normalization must_not_contain",
    )
    if as_json:
        report = orjson.loads(result.output)
        assert set(rows) <= set(report["rows"]) and len(report["articles"]) == 17
        assert report["rows"]["body lines"]["tp"] == 17
    else:
        for row in rows:
            assert row in result.output
