"""Batch throughput and memory on ../shared/corpora/news-raw, every engine side by side in one run.

    .venv/bin/python benchmarks/throughput.py                 # all 6,827 articles
    .venv/bin/python benchmarks/throughput.py --articles 1000 --runs local-1,local-2

For each run it prints articles/s and the peak RSS of each worker process
(sampled every 0.2 s), then the scaling ratio (jobs=2 / jobs=1), Dask against
local, and the whole pipeline's cost against the NER model's forward pass alone
on the same normalized texts (both in one process after loading, one thread, same batching).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
import psutil

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "corpora" / "news-raw"
RUNS = {
    "local-1": ["--engine", "local", "--jobs", "1"],
    "local-2": ["--engine", "local", "--jobs", "2"],
    "dask-1": ["--engine", "dask", "--jobs", "1"],
    "dask-2": ["--engine", "dask", "--jobs", "2"],
}


def write_corpus(path: Path, limit: int | None) -> int:
    """news-raw (Hamshahri, then Fars) as one JSONL file of id + text."""
    rows = (
        orjson.loads(line)
        for name in ("hamshahri.jsonl.gz", "farsnews.jsonl.gz")
        for line in gzip.open(NEWS / name, "rb")
    )
    n = 0
    with open(path, "wb") as out:
        for row in itertools.islice(rows, limit):
            out.write(orjson.dumps({"id": row["id"], "text": row["text"]}) + b"\n")
            n += 1
    return n


def run_measured(args: list[str]) -> dict:
    """Run a command; peak RSS per descendant process (MB) and wall time."""
    started = time.perf_counter()
    proc = psutil.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, tuple[str, float]] = {}
    while proc.poll() is None:
        try:
            for process in [proc, *proc.children(recursive=True)]:
                try:
                    rss = process.memory_info().rss / 2**20
                    label = " ".join(process.cmdline())
                except psutil.Error:
                    continue
                if rss > peaks.get(process.pid, ("", 0))[1]:
                    peaks[process.pid] = ("driver" if process.pid == proc.pid else label, rss)
        except psutil.Error:
            pass
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    stderr = proc.stderr.read().decode()
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{stderr}")
    workers = [rss for label, rss in peaks.values() if "spawn_main" in label and "resource_tracker" not in label]
    if not workers:  # jobs=1 on the local engine: the driver is the worker
        workers = [rss for label, rss in peaks.values() if label == "driver"]
    return {"seconds": seconds, "worker_peak_mb": sorted(workers, reverse=True)[:4], "stderr": stderr}


def in_process(corpus: Path) -> dict[str, float]:
    """Seconds, after loading, for the NER model's forward pass alone on the normalized bodies
    and for the whole pipeline on the raw articles; one process, one thread, same batching."""
    code = f"""
import time, orjson, spacy
from threadpoolctl import threadpool_limits
from pipeline.core import Pipeline, RawArticle, text_batches
from pipeline.analysis import DEFAULT_MODEL, EXTRACTORS
threadpool_limits(limits=1)
rows = [orjson.loads(l) for l in open({str(corpus)!r}, 'rb')]
pipeline = Pipeline(max_chars=10**7)
articles = [RawArticle(r['id'], r['text']) for r in rows]
texts = [pipeline.prepare(a).tracked.text for a in articles]  # the bodies the pipeline's model sees
ner = spacy.load(DEFAULT_MODEL, exclude=['khabar_sentences', *EXTRACTORS])
ner.max_length = 10**7
t = time.perf_counter()
for batch in text_batches(texts):
    for _ in ner.pipe(batch, batch_size=len(batch)):
        pass
ner_seconds = time.perf_counter() - t
t = time.perf_counter()
for _ in pipeline.pipe(articles):
    pass
print(orjson.dumps({{"ner": ner_seconds, "pipeline": time.perf_counter() - t}}).decode())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return orjson.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=None, help="first N articles (default: all)")
    parser.add_argument("--runs", default=",".join([*RUNS, "ner"]),
                        help="comma-separated: " + ", ".join(RUNS) + ", ner (pipeline against NER alone)")
    parser.add_argument("--shard-size", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "news.jsonl"
        n = write_corpus(corpus, args.articles)
        print(f"{n} articles from {NEWS}")
        results = {}
        runs = args.runs.split(",")
        for name in (r for r in runs if r in RUNS):
            command = [sys.executable, "-m", "pipeline", "run", str(corpus), "-o", str(Path(tmp) / f"{name}.jsonl"),
                       "--no-resume", "--shard-size", str(args.shard_size), *RUNS[name]]
            result = run_measured(command)
            results[name] = result
            peaks = ", ".join(f"{mb:.0f}" for mb in result["worker_peak_mb"])
            print(f"{name:8} {n / result['seconds']:8.2f} articles/s  {result['seconds']:8.1f} s  worker peak RSS MB: {peaks}")
        if "local-1" in results and "local-2" in results:
            print(f"scaling local jobs=2 / jobs=1: {results['local-1']['seconds'] / results['local-2']['seconds']:.2f}x")
        for jobs in ("1", "2"):
            if f"local-{jobs}" in results and f"dask-{jobs}" in results:
                ratio = results[f"dask-{jobs}"]["seconds"] / results[f"local-{jobs}"]["seconds"]
                print(f"dask / local time at jobs={jobs}: {ratio:.2f}")
        if "ner" in runs:
            costs = in_process(corpus)
            print(f"NER forward pass alone: {n / costs['ner']:.2f} articles/s; whole pipeline in one process: "
                  f"{n / costs['pipeline']:.2f} articles/s; pipeline / NER alone: {costs['pipeline'] / costs['ner']:.2f}x")
            if "local-1" in results:
                print(f"local-1 run incl. start-up / NER alone: {results['local-1']['seconds'] / costs['ner']:.2f}x")

if __name__ == "__main__":
    main()
