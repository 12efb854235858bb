"""The driver of a batch run: plan shards, skip committed ones, hand the rest to an engine.

>>> # khabar run corpus/samples -o out/records.jsonl   is   run_batch(["corpus/samples"], Path("out/records.jsonl"))
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import orjson
from tqdm import tqdm

from ..limits import MAX_CHARS
from ..readers import ReadOptions, count_articles, read_inputs
from .shards import plan_shards, run_fingerprint
from .store import OutputStore
from .worker import ShardResult

ENGINES = ("local", "dask")


@dataclass(slots=True)
class BatchOptions:
    jobs: int | None = None
    engine: str = "local"
    scheduler: str | None = None
    shard_size: int = 2000
    resume: bool = True
    model: Path | None = None
    max_chars: int = MAX_CHARS
    read: ReadOptions = field(default_factory=ReadOptions)
    parquet: bool = False
    progress: bool = True


@dataclass(slots=True)
class RunSummary:
    """What a run did; printed at its end and kept in the manifest."""

    articles: int = 0
    failed: int = 0
    resumed_shards: int = 0
    shards: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, result: ShardResult) -> None:
        self.articles += result.articles
        self.failed += result.failed
        self.shards += 1
        for name, n in result.counts.items():
            self.counts[name] = self.counts.get(name, 0) + n

    def text(self, output: Path) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        found = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        resumed = f", {self.resumed_shards} of {self.shards} shards resumed" if self.resumed_shards else ""
        return (
            f"{self.articles} articles -> {output} ({self.failed} with errors{resumed}) "
            f"in {self.seconds:.1f}s, {rate:.1f} articles/s\nfound: {found}"
        )


def _engine(options: BatchOptions):
    model = str(options.model) if options.model else None
    if options.engine == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(options.jobs, model, options.max_chars, options.scheduler)
    if options.engine != "local":
        raise ValueError(f"unknown engine {options.engine!r}: choose from {', '.join(ENGINES)}")
    from .local import LocalEngine

    return LocalEngine(options.jobs, model, options.max_chars)


def _committed_result(store: OutputStore, shard_index: int, shard_id: str) -> ShardResult:
    """Counts of a shard a previous run committed."""
    result = ShardResult(shard_index, shard_id)
    for line in store.iter_lines([shard_id]):
        record = orjson.loads(line)
        result.articles += 1
        result.failed += bool(record["errors"])
        for name in ("organizations", "figures", "quotes", "officials"):
            result.counts[name] = result.counts.get(name, 0) + len(record[name])
    return result


def run_batch(inputs: list[str], output: Path, options: BatchOptions | None = None) -> RunSummary:
    """Process every article of ``inputs`` into ``output`` (a .jsonl file or a directory)."""
    options = options or BatchOptions()
    started = time.perf_counter()
    settings = {"max_chars": options.max_chars, "shard_size": options.shard_size, "read": asdict(options.read)}
    fingerprint = run_fingerprint(inputs, options.model, settings)
    store = OutputStore(Path(output), parquet=options.parquet)
    store.prepare(fingerprint, fresh=not options.resume)
    summary = RunSummary()
    shard_ids: list[str] = []
    total = None if "-" in inputs or not options.progress else count_articles(inputs, options.read)
    bar = tqdm(total=total, unit=" articles", disable=not options.progress or None, smoothing=0.1)

    def todo():
        for shard in plan_shards(read_inputs(inputs, options.read), options.shard_size, fingerprint):
            shard_ids.append(shard.id)
            if store.is_committed(shard.id):
                done = _committed_result(store, shard.index, shard.id)
                summary.add(done)
                summary.resumed_shards += 1
                bar.update(done.articles)
                continue
            yield shard

    try:
        for result in _engine(options).run(todo(), store, bar.update):
            summary.add(result)
    finally:
        bar.close()
    summary.seconds = time.perf_counter() - started
    manifest = {
        "fingerprint": fingerprint,
        "inputs": inputs,
        "settings": settings,
        "engine": options.engine,
        "shards": shard_ids,
        "summary": asdict(summary),
    }
    store.finish(shard_ids, manifest)
    return summary
