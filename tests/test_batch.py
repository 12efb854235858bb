"""Batch runs: same records whatever the engine, and exactly one record per article after kills."""

from __future__ import annotations

import gzip
import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from pipeline.batch import BatchOptions, run_batch
from pipeline.writers import read_records

from .conftest import CORPUS, need_shared

KHABAR = [sys.executable, "-m", "pipeline"]


@pytest.fixture(scope="module")
def news_jsonl(tmp_path_factory) -> Path:
    """120 real news-raw articles as a JSONL corpus (12 shards of 10)."""
    source = need_shared("corpora/news-raw/hamshahri.jsonl.gz")
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    with gzip.open(source, "rt", encoding="utf-8") as f, open(path, "w", encoding="utf-8") as out:
        for line in itertools.islice(f, 120):
            row = orjson.loads(line)
            out.write(orjson.dumps({"id": row["id"], "text": row["text"]}).decode() + "\n")
    return path


def _records(path: Path) -> list[dict]:
    return list(read_records(path))


def test_engines_and_job_counts_give_the_same_records(tmp_path):
    samples = str(CORPUS / "samples")
    runs = {
        "one": BatchOptions(jobs=1, shard_size=5, progress=False),
        "two": BatchOptions(jobs=2, shard_size=5, progress=False),
        "dask": BatchOptions(jobs=2, shard_size=5, engine="dask", progress=False),
    }
    outputs = {}
    for name, options in runs.items():
        out = tmp_path / f"{name}.jsonl"
        summary = run_batch([samples], out, options)
        assert summary.articles == 17 and summary.shards == 4
        outputs[name] = out.read_bytes()
    assert outputs["one"] == outputs["two"] == outputs["dask"]
    ids = [r["id"] for r in _records(tmp_path / "one.jsonl")]
    assert ids == sorted(ids) and len(set(ids)) == 17


def test_directory_output_has_records_errors_manifest_and_parquet(tmp_path):
    import pyarrow.dataset as ds

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text((CORPUS / "samples" / "seed-article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(corpus)], out, BatchOptions(jobs=1, parquet=True, progress=False))
    assert [orjson.loads(line)["id"] for line in (out / "errors.jsonl").read_bytes().splitlines()] == ["empty"]
    manifest = orjson.loads((out / "manifest.json").read_bytes())
    assert manifest["summary"]["articles"] == 2 and len(manifest["shards"]) == 1
    articles = ds.dataset(out / "parquet" / "articles").to_table().to_pylist()
    assert sorted(a["id"] for a in articles) == ["empty", "good"]
    good = next(a for a in articles if a["id"] == "good")
    assert dict(good["meta"])["news_code"] == "1398392"


def test_a_jsonl_output_gets_its_manifest_beside_it(tmp_path):
    """Issue 17: records.jsonl.gz -> records.manifest.json with the versions and the fingerprint."""
    out = tmp_path / "records.jsonl.gz"
    run_batch([str(CORPUS / "samples" / "seed-article.txt")], out, BatchOptions(jobs=1, progress=False))
    manifest = orjson.loads((tmp_path / "records.manifest.json").read_bytes())
    assert manifest["khabar"] == "0.1.0" and len(manifest["fingerprint"]) == 12
    assert manifest["model"] == {"name": "khabar-fa", "version": "0.1.0"}
    assert manifest["summary"]["articles"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.jsonl.gz", "records.manifest.json"]


def test_changed_settings_never_resume_stale_shards(tmp_path):
    samples = str(CORPUS / "samples")
    out = tmp_path / "out"
    run_batch([samples], out, BatchOptions(jobs=1, shard_size=5, progress=False))
    first = sorted(p.name for p in (out / "records").iterdir())
    summary = run_batch([samples], out, BatchOptions(jobs=1, shard_size=5, progress=False))
    assert summary.resumed_shards == 4  # same settings: everything resumed
    run_batch([samples], out, BatchOptions(jobs=1, shard_size=5, max_chars=500_000, progress=False))
    second = sorted(p.name for p in (out / "records").iterdir())
    assert len(second) == 4 and not set(first) & set(second)  # other fingerprint, old shards gone


def _wait_for_shards(folder: Path, proc: subprocess.Popen, at_least: int, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(list(folder.glob("shard-*.jsonl"))) >= at_least:
            return
        assert proc.poll() is None, "run ended before it could be interrupted"
        time.sleep(0.2)
    raise AssertionError("no shard committed in time")


def _one_record_each(out: Path, source: Path) -> None:
    ids = [r["id"] for f in sorted((out / "records").glob("*.jsonl")) for r in _records(f)]
    expected = [orjson.loads(line)["id"] for line in source.read_bytes().splitlines()]
    assert sorted(ids) == sorted(expected) and len(ids) == len(set(ids))


@pytest.mark.slow
def test_driver_killed_mid_run_then_rerun_gives_one_record_per_article(tmp_path, news_jsonl):
    out = tmp_path / "out"
    command = [*KHABAR, "run", str(news_jsonl), "-o", str(out), "--jobs", "2", "--shard-size", "10", "-q"]
    proc = subprocess.Popen(command, start_new_session=True)
    _wait_for_shards(out / "records", proc, at_least=2)
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and its workers, like kill -9 on the job
    proc.wait()
    done_before = len(list((out / "records").glob("shard-*.jsonl")))
    assert done_before < 12, "the run finished before the kill"
    rerun = subprocess.run(command[:-1], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{done_before} of 12 shards resumed" in rerun.stderr
    _one_record_each(out, news_jsonl)


@pytest.mark.slow
def test_worker_killed_mid_run_is_retried_without_loss(tmp_path, news_jsonl):
    import psutil

    out = tmp_path / "out"
    command = [*KHABAR, "run", str(news_jsonl), "-o", str(out), "--jobs", "2", "--shard-size", "10"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    _wait_for_shards(out / "records", proc, at_least=1)
    workers = [
        c for c in psutil.Process(proc.pid).children(recursive=True)
        if "spawn_main" in " ".join(c.cmdline()) and "resource_tracker" not in " ".join(c.cmdline())
    ]
    assert workers, "no worker processes found"
    workers[-1].kill()
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    assert "a worker died" in stderr
    _one_record_each(out, news_jsonl)
    assert not any(r["errors"] for f in (out / "records").glob("*.jsonl") for r in _records(f))
