"""What runs in a worker: load the pipeline once per process, turn a shard into a committed file.

Only plain data crosses process boundaries (a shard's articles in, counts out);
``nlp`` is never pickled (explosion/spaCy#4652).
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from threadpoolctl import threadpool_limits

from ..core import Pipeline
from ..records import Article
from .shards import Shard
from .store import OutputStore

SUB_BATCH = 64  # articles per nlp.pipe call and per progress report

_pipelines: dict[tuple, Pipeline] = {}
_progress: Callable[[int], None] | None = None


@dataclass(slots=True)
class ShardResult:
    index: int
    id: str
    articles: int = 0
    failed: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def pipeline_for(settings: dict[str, Any]) -> Pipeline:
    """The worker's pipeline for ``settings`` (``model``, ``max_chars``, ``lang_check``: plain
    data, so it crosses process boundaries), loaded on first use.

    A worker is one process per core, so its numerical libraries get one thread each
    (as Dask's workers do): more would only fight the other workers for the cores.
    """
    key = tuple(sorted(settings.items()))
    if key not in _pipelines:
        threadpool_limits(limits=1)
        _pipelines[key] = Pipeline(**settings)
    return _pipelines[key]


def ignore_interrupts() -> None:
    """In a worker process: Ctrl-C goes to the whole process group, and only the driver acts
    on it (it terminates the workers), so a worker never dies half-way through a queue call."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def set_progress(report: Callable[[int], None] | None) -> None:
    global _progress
    _progress = report


def summarize(shard: Shard, records: list[Article]) -> ShardResult:
    result = ShardResult(shard.index, shard.id, len(records))
    for record in records:
        result.failed += bool(record.errors)
        for name in ("organizations", "figures", "quotes", "officials"):
            result.counts[name] = result.counts.get(name, 0) + len(getattr(record, name))
    return result


def process_shard(shard: Shard, store: OutputStore, settings: dict[str, Any]) -> ShardResult:
    """Analyze a shard and commit its records; returns only counts."""
    pipeline = pipeline_for(settings)
    records: list[Article] = []
    for record in pipeline.pipe(shard.articles, batch_size=SUB_BATCH):
        records.append(record)
        if _progress and len(records) % SUB_BATCH == 0:
            _progress(SUB_BATCH)
    if _progress and len(records) % SUB_BATCH:
        _progress(len(records) % SUB_BATCH)
    store.commit(shard.id, records)
    return summarize(shard, records)


def fail_shard(shard: Shard, store: OutputStore, reason: str) -> ShardResult:
    """Commit an error record for every article of a shard that could not be processed."""
    records = [Article.failed(a.id, *a.errors, reason) for a in shard.articles]
    store.commit(shard.id, records)
    if _progress:
        _progress(len(records))
    return summarize(shard, records)
