"""Runs a researcher can trust: every bad input answered clearly, nothing silent, nothing stale.

One test (or a few) per defect of issue 13, each on real Persian copy from corpus/samples.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from pipeline.analysis import DEFAULT_MODEL
from pipeline.batch import BatchOptions, run_batch
from pipeline.batch import shards as shards_module
from pipeline.cli import app
from pipeline.core import Pipeline, paragraph_pieces
from pipeline.readers import ReadOptions, read_inputs
from pipeline.writers import read_records

from .conftest import CORPUS, GOLD_DIR

runner = CliRunner()
SAMPLES = CORPUS / "samples"
SEED = SAMPLES / "seed-article.txt"
SPORT = SAMPLES / "varzesh3-v1-174.txt"
OLD = SAMPLES / "hamshahri-2003-HAM2-811210-079.txt"  # 2003 copy (ي ك, Latin digits): Windows-1256 can hold it
KHABAR = [sys.executable, "-m", "pipeline"]
ROOT = Path(__file__).resolve().parents[1]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _records(path: Path) -> dict[str, dict]:
    files = sorted((path / "records").glob("*.jsonl")) if path.is_dir() else [path]
    return {r["id"]: r for f in files for r in read_records(f)}


def _one_line_article(chars: int) -> str:
    """Real sample copy joined into one paragraph with no line break, ``chars`` long."""
    words = " ".join(_text(p) for p in sorted(SAMPLES.glob("*.txt"))).split()
    text = " ".join(words)
    return (text + " ") * (chars // len(text)) + text[: chars % len(text)]


# 2 ------------------------------------------------------------- compressed output
def test_gz_output_is_gzip_and_stats_and_evaluate_read_it(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed-article.txt")
    out = tmp_path / "out.jsonl.gz"
    result = runner.invoke(app, ["run", str(corpus), "-o", str(out), "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"\x1f\x8b"
    assert [r["id"] for r in read_records(out)] == ["seed-article"]
    stats = runner.invoke(app, ["stats", str(out)])
    assert stats.exit_code == 0 and "بهزیستی" in stats.output, stats.output
    scored = runner.invoke(app, ["evaluate", str(GOLD_DIR), "--pred", str(out), "--json"])
    assert scored.exit_code == 0, scored.output
    # a plain file under a .gz name (as older runs wrote) is read too: the bytes decide
    plain = tmp_path / "plain.jsonl.gz"
    plain.write_bytes(gzip.decompress(out.read_bytes()))
    assert runner.invoke(app, ["stats", str(plain)]).exit_code == 0


# 3 ------------------------------------------------------------- one long paragraph
def test_paragraph_pieces_cut_a_text_without_line_breaks_at_sentence_ends():
    text = _one_line_article(50_000)
    assert "\n" not in text
    pieces = paragraph_pieces(text, 20_000)
    assert "".join(pieces) == text and len(pieces) >= 3
    assert all(len(p) <= 20_000 for p in pieces)
    assert all(p.rstrip()[-1] in ".!؟?»)" for p in pieces[:-1])  # cut after a sentence end


def test_a_long_single_paragraph_article_is_processed(khabar):
    raw = _one_line_article(45_000)
    record = Pipeline(khabar.nlp, batch_chars=20_000).process(raw, id="long")
    assert record.errors == [] and record.quotes and record.figures
    for quote in record.quotes:
        assert record.text[quote.start : quote.end] == quote.text


# 4 ------------------------------------------------------------- input checks
@pytest.mark.parametrize(
    "option, value, name",
    [("--text-col", "body", "rows.csv"), ("--id-col", "url", "rows.csv"),
     ("--text-col", "body", "rows.jsonl"), ("--id-col", "url", "rows.jsonl")],
)
def test_a_missing_column_stops_the_run_naming_the_columns_found(tmp_path, option, value, name):
    seed = _text(SEED)
    (tmp_path / "rows.csv").write_text(f'id,text\nn1,"{seed}"\n', encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text(json.dumps({"id": "n1", "text": seed}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(tmp_path / name), "-o", str(out), option, value, "-q"])
    assert result.exit_code == 2, result.output
    assert f"no '{value}' column ({option}); columns found: id, text" in result.output
    assert not list(out.glob("records/*.jsonl"))  # no work done


def test_a_missing_column_on_stdin_stops_the_run(tmp_path):
    rows = json.dumps({"id": "s1", "body": _text(SEED)}, ensure_ascii=False) + "\n"
    result = runner.invoke(app, ["run", "-", "-o", str(tmp_path / "r.jsonl"), "-q"], input=rows)
    assert result.exit_code == 2 and "columns found: id, body" in result.output


def test_directory_ids_are_paths_below_the_input_and_duplicates_are_renamed(tmp_path):
    corpus = tmp_path / "in"
    for folder in ("a", "b"):
        (corpus / folder).mkdir(parents=True)
        shutil.copy(SEED, corpus / folder / "123.txt")
    (corpus / "rows.jsonl").write_text(
        "".join(json.dumps({"id": "x", "text": _text(p)}, ensure_ascii=False) + "\n" for p in (SEED, SPORT)),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "-o", str(out), "--jobs", "1", "--format", "parquet"])
    assert result.exit_code == 0, result.output
    records = _records(out)
    assert sorted(records) == ["a/123", "b/123", "x", "x#2"]
    assert records["x#2"]["warnings"] == ["duplicate id 'x': renamed 'x#2'"] and records["x#2"]["errors"] == []
    assert records["x#2"]["text"] != records["x"]["text"]  # the second row, not a copy of the first
    assert "1 duplicate ids made unique: x -> x#2" in result.output
    listed = [orjson.loads(line) for line in (out / "errors.jsonl").read_bytes().splitlines()]
    assert [e["id"] for e in listed] == ["x#2"]
    import pyarrow.dataset as ds

    ids = ds.dataset(out / "parquet" / "articles").to_table().column("id").to_pylist()
    assert sorted(ids) == sorted(records)  # article_id joins one row each


def test_a_run_where_every_article_failed_exits_non_zero(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "english.txt").write_text("The talks went on in Geneva on Monday.", encoding="utf-8")
    result = runner.invoke(app, ["run", str(corpus), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 1 and "every article failed (2)" in result.output


# 6 ------------------------------------------------------------- resume fingerprint
def test_resume_redoes_shards_when_code_lexicons_or_model_change(tmp_path, monkeypatch):
    package = tmp_path / "package"
    shutil.copytree(ROOT / "pipeline", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(shards_module, "PACKAGE_DIR", package)
    model = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL, model)
    corpus = tmp_path / "in"
    corpus.mkdir()
    for path in (SEED, SPORT):
        shutil.copy(path, corpus / path.name)
    out = tmp_path / "out"
    options = BatchOptions(jobs=1, shard_size=1, model=model, progress=False)

    def rerun() -> tuple[int, list[str]]:
        summary = run_batch([str(corpus)], out, options)
        assert summary.articles == 2
        return summary.resumed_shards, summary.redone_because

    assert rerun() == (0, [])
    assert rerun() == (2, [])  # nothing changed: both shards skipped
    cues = package / "lexicons" / "quote_cues.tsv"
    lines = cues.read_text(encoding="utf-8").splitlines(keepends=True)
    cues.write_text("".join(lines[:-1]), encoding="utf-8")  # one line deleted
    assert rerun() == (0, ["lexicon quote_cues.tsv"])
    (package / "core.py").write_text(_text(package / "core.py") + "\n# changed\n", encoding="utf-8")
    assert rerun() == (0, ["code core.py"])
    meta = model / "meta.json"
    meta.write_text(_text(meta).replace('"version":"0.1.0"', '"version":"0.1.1"'), encoding="utf-8")
    assert rerun() == (0, ["model pipeline"])
    assert rerun() == (2, [])


def test_the_summary_says_why_shards_were_redone(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed-article.txt")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "-o", str(out), "--jobs", "1"]).exit_code == 0
    again = runner.invoke(app, ["run", str(corpus), "-o", str(out), "--jobs", "1", "--max-chars", "90000"])
    assert again.exit_code == 0 and "earlier shards redone, changed: settings max_chars" in again.output


# 7 ------------------------------------------------------------- model resolution
def test_model_resolution_order_and_a_clear_error_without_one(tmp_path, monkeypatch):
    from pipeline import analysis

    monkeypatch.setenv("KHABAR_MODEL", str(tmp_path / "missing"))
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 2 and f"model not found: {tmp_path / 'missing'} (KHABAR_MODEL)" in result.output
    assert runner.invoke(app, ["extract", str(SEED), "--model", str(DEFAULT_MODEL)]).exit_code == 0  # --model first
    monkeypatch.delenv("KHABAR_MODEL")
    monkeypatch.setattr(analysis, "DEFAULT_MODEL", tmp_path / "no-checkout" / "khabar-fa")
    monkeypatch.setattr(analysis, "MODEL_PACKAGE", "fa_khabar_news_not_installed")
    for command in (["extract", str(SEED)], ["run", str(SEED), "-o", str(tmp_path / "r.jsonl")]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2 and "no trained model found" in result.output and "--model blank" in result.output


def test_a_blank_pipeline_runs_only_when_asked_and_says_so(tmp_path):
    out = tmp_path / "r.jsonl"
    result = runner.invoke(app, ["run", str(SEED), "-o", str(out), "--model", "blank", "--jobs", "1"])
    assert result.exit_code == 0 and "model: none (--model blank)" in result.output
    record = next(iter(_records(out).values()))
    # rules still run: the quotes, and the organization gazetteer's names, but no NER
    assert [o["name"] for o in record["organizations"]] == ["ایرنا"] and record["quotes"]


# 8 ------------------------------------------------------------- error lines, not tracebacks
def _error_line(result) -> str:
    assert "Traceback" not in result.output, result.output
    lines = result.output.strip().splitlines()
    assert lines and lines[-1].startswith("error: "), result.output
    return lines[-1]


def test_user_errors_are_one_line_with_exit_code_2(tmp_path):
    existing = tmp_path / "notes.txt"
    existing.write_text("x", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x7fELF\x02\x01\xff\xfe" + bytes(range(256)) * 20)
    bad_gz = tmp_path / "records.jsonl.gz"
    bad_gz.write_bytes(b"\x1f\x8b\x08\x00" + b"not really gzip" * 10)
    cases = {
        "unwritable output": ["run", str(SEED), "-o", "/proc/khabar/x.jsonl"],
        "output is an existing file": ["run", str(SEED), "-o", str(existing)],
        "extract a binary file": ["extract", str(binary)],
        "extract a directory": ["extract", str(SAMPLES)],
        "evaluate ner on a missing corpus": ["evaluate", "ner", "--corpus", str(tmp_path / "none.txt")],
        "stats on a bad gzip": ["stats", str(bad_gz)],
        "evaluate on a bad gzip": ["evaluate", str(GOLD_DIR), "--pred", str(bad_gz)],
        "an unknown encoding": ["extract", str(SEED), "--encoding", "persian-1"],
    }
    for case, command in cases.items():
        result = runner.invoke(app, command)
        assert result.exit_code == 2, (case, result.output)
        _error_line(result)


def test_a_failure_of_khabar_itself_is_exit_1_and_debug_shows_the_traceback(monkeypatch):
    from pipeline import core

    def broken(*args, **kwargs):
        raise RuntimeError("model file is corrupt")

    monkeypatch.setattr(core, "build_language", broken)
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 1
    assert _error_line(result) == "error: khabar failed: RuntimeError: model file is corrupt (khabar --debug ... shows the traceback)"
    debug = runner.invoke(app, ["--debug", "extract", str(SEED)])
    assert debug.exit_code == 1 and "Traceback" in debug.output


# 9 ------------------------------------------------------------- encodings
def test_windows_1256_utf16_and_a_hint_for_the_encoding(tmp_path):
    (tmp_path / "old.txt").write_bytes(_text(OLD).encode("cp1256"))
    (tmp_path / "wide.txt").write_bytes(_text(SPORT).encode("utf-16"))
    strict = {a.id: a for a in read_inputs([tmp_path])}
    assert "Windows-1256" in strict["old"].errors[0] and "--encoding auto" in strict["old"].errors[0]
    assert strict["wide"].text == _text(SPORT) and strict["wide"].encoding == "utf-16"  # a BOM decides
    auto = {a.id: a for a in read_inputs([tmp_path], ReadOptions(encoding="auto"))}
    assert auto["old"].text == _text(OLD) and auto["old"].encoding == "cp1256"
    out = tmp_path / "r.jsonl"
    result = runner.invoke(app, ["run", str(tmp_path / "old.txt"), "-o", str(out), "--encoding", "auto", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    record = _records(out)["old"]
    assert record["errors"] == [] and record["meta"]["encoding"] == "cp1256" and record["figures"]


def test_a_windows_1256_csv_and_a_bad_jsonl_line_cost_only_their_rows(tmp_path):
    seed, old = _text(SEED), _text(OLD)
    (tmp_path / "old.csv").write_bytes(f'id,text\nn1,"{old}"\n'.encode("cp1256"))
    rows = json.dumps({"id": "ok", "text": seed}, ensure_ascii=False).encode() + b"\n"
    rows += b'{"id": "bad", "text": "\xe1\xc7"}\n' + rows.replace(b'"ok"', b'"ok2"')
    (tmp_path / "rows.jsonl").write_bytes(rows)
    csv_rows = list(read_inputs([tmp_path / "old.csv"], ReadOptions(encoding="auto")))
    assert [(a.id, a.text, a.encoding) for a in csv_rows] == [("n1", old, "cp1256")]
    jsonl = list(read_inputs([tmp_path / "rows.jsonl"]))
    assert [a.id for a in jsonl] == ["ok", "rows:2", "ok2"]
    assert "not valid UTF-8" in jsonl[1].errors[0] and jsonl[2].text == seed


# 10 ------------------------------------------------------------ not Persian
def test_text_that_is_not_persian_gets_an_error_not_a_junk_record(khabar):
    arabic = ("قال وزير الخارجية إن المحادثات التي جرت في الدوحة كانت مثمرة، وأضاف أن الأمم المتحدة "
              "المتحدة لوقف إطلاق النار خصصت 500 مليون دولار لهذا الغرض وقد تستمر المحادثات.")
    cases = {
        "english": ("The minister said on Monday that 500 million dollars would go to the fund.", "% Latin letters"),
        "arabic": (arabic, "reads as Arabic"),
        "emoji": ("🙂🎉👍 !!!", "no letters"),
    }
    for name, (text, reason) in cases.items():
        record = khabar.process(text, id=name)
        assert record.errors and record.errors[0].startswith("not Persian") and reason in record.errors[0], name
        assert record.organizations == [] and record.figures == [] and record.quotes == []
    unchecked = Pipeline(khabar.nlp, lang_check=False).process(arabic, id="arabic")
    assert unchecked.errors == []
    assert khabar.process(_text(SEED), id="seed").errors == []


# 11 ------------------------------------------------------------ Ctrl-C
@pytest.fixture(scope="module")
def samples_jsonl(tmp_path_factory) -> Path:
    """The 17 samples, ten times over under distinct ids: 170 rows, 85 shards of 2: a batch that
    outlasts the test's own polling on a loaded machine."""
    path = tmp_path_factory.mktemp("sigint") / "rows.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for n in range(10):
            for sample in sorted(SAMPLES.glob("*.txt")):
                out.write(json.dumps({"id": f"{sample.stem}-{n}", "text": _text(sample)}, ensure_ascii=False) + "\n")
    return path


def _worker_pids(pid: int) -> list[int]:
    import psutil

    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


@pytest.mark.slow
@pytest.mark.parametrize("target, signum", [("driver", signal.SIGINT), ("group", signal.SIGINT), ("driver", signal.SIGTERM)])
def test_ctrl_c_stops_the_workers_and_says_how_to_resume(tmp_path, samples_jsonl, target, signum):
    import psutil

    out = tmp_path / "out"
    command = [*KHABAR, "run", str(samples_jsonl), "-o", str(out), "--jobs", "2", "--shard-size", "2", "-q"]
    # Ctrl-C as a terminal sends it, whatever the test was started from: a background job of a
    # non-interactive shell («make test &») inherits SIGINT ignored, and so would khabar
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 240
    while len(list(out.glob("records/shard-*.jsonl"))) < 2:
        assert proc.poll() is None and time.monotonic() < deadline, "no shard committed in time"
        time.sleep(0.1)
    workers = _worker_pids(proc.pid)
    assert workers
    (os.killpg if target == "group" else os.kill)(proc.pid, signum)  # SIGTERM: a cluster cancelling the job
    _, stderr = proc.communicate(timeout=60)  # the hang this guards against lasted minutes
    assert proc.returncode == 130, stderr
    assert "interrupted: " in stderr and " of 85 shards committed; rerun the same command to resume" in stderr
    time.sleep(0.5)
    assert not [pid for pid in workers if psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE]
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert len(_records(out)) == 170


# 12 ------------------------------------------------------------ extract --format table
def test_extract_table_in_persian_with_full_numbers_and_cut_quotes(tmp_path):
    article = tmp_path / "big.txt"
    article.write_text(
        "علیرضا وارثی مدیرکل بهزیستی استان قزوین گفت: امسال ۱۲ میلیارد تومان برای ساخت مسکن مددجویان "
        "هزینه شد و این برنامه در سال‌های آینده با همکاری بنیاد مسکن و خیرین ادامه خواهد یافت تا همه خانواده‌ها "
        "صاحب خانه شوند.\n",
        encoding="utf-8",
    )
    table = runner.invoke(app, ["extract", str(article), "--format", "table"])
    assert table.exit_code == 0, table.output
    assert "ارقام" in table.output and "نقل‌قول‌ها" in table.output and "گوینده" in table.output
    assert "12,000,000,000" in table.output and "e+10" not in table.output
    assert "…" in table.output
    english = runner.invoke(app, ["extract", str(article), "--format", "table", "--lang", "en"])
    assert english.exit_code == 0 and "Figures" in english.output and "speaker" in english.output


# the acceptance run: a mixed bad folder --------------------------------------------------
def test_a_mixed_bad_folder_loses_no_good_article(tmp_path):
    corpus = tmp_path / "archive"
    (corpus / "2003").mkdir(parents=True)
    seed, sport = _text(SEED), _text(SPORT)
    shutil.copy(SEED, corpus / "good.txt")
    shutil.copy(SPORT, corpus / "2003" / "good.txt")  # same name in a subfolder
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(32)) * 200)
    (corpus / "latin1.txt").write_bytes("Café au lait, déjà vu, résumé.".encode("latin-1"))
    (corpus / "old.txt").write_bytes(_text(OLD).encode("cp1256"))
    shutil.copy(OLD, corpus / "old-utf8.txt")
    (corpus / "wide.txt").write_bytes(sport.encode("utf-16"))
    (corpus / "english.txt").write_text("The minister said the talks would go on in Geneva next week.", encoding="utf-8")
    (corpus / "arabic.txt").write_text("قال الوزير إن المحادثات التي جرت في الدوحة كانت مثمرة وقد تستمر في الأسبوع المقبل.", encoding="utf-8")
    (corpus / "emoji.txt").write_text("🙂🙂🎉 👍", encoding="utf-8")
    (corpus / "long.txt").write_text(_one_line_article(90_000), encoding="utf-8")
    rows = [{"id": "r1", "text": seed}, {"id": "r1", "text": sport}, {"id": "r2"}, {"id": "r3", "text": None}]
    (corpus / "rows.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + '{"id": "broken", "text": "خبر\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "-o", str(out), "--encoding", "auto", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    records = _records(out)
    assert sorted(records) == sorted([
        "good", "2003/good", "empty", "binary", "latin1", "old", "old-utf8", "wide", "english", "arabic", "emoji", "long",
        "r1", "r1#2", "r2", "r3", "rows:5",
    ])
    good = {"good", "2003/good", "old", "old-utf8", "wide", "long", "r1", "r1#2"}
    for article_id, record in records.items():
        if article_id in good:
            assert record["errors"] == [] and record["text"] and record["figures"], article_id
        else:
            assert record["errors"] and record["errors"][0], article_id  # each failure a reason
    assert records["old"]["meta"]["encoding"] == "cp1256" and records["old"]["text"] == records["old-utf8"]["text"]
    assert records["wide"]["text"] == records["2003/good"]["text"]
    assert len(records["long"]["text"]) > 85_000
    assert "9 with errors" in result.output
