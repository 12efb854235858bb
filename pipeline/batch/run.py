"""The driver of a batch run: plan shards, skip committed ones, hand the rest to an engine.

>>> # khabar run corpus/samples -o out/records.jsonl   is   run_batch(["corpus/samples"], Path("out/records.jsonl"))
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import orjson
from tqdm import tqdm

from ..analysis import BLANK, resolve_model
from ..errors import InputError
from ..extract.speaker_ranker import MODEL_DIR as RANKER_DIR
from ..limits import MAX_CHARS
from ..readers import ReadOptions, UniqueIds, check_inputs, count_articles, read_inputs
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
    model: str | Path | None = None  # see analysis.resolve_model; "blank" runs without one
    max_chars: int = MAX_CHARS
    lang_check: bool = True
    read: ReadOptions = field(default_factory=ReadOptions)
    parquet: bool = False
    progress: bool = True


class Interrupted(Exception):
    """A run stopped by Ctrl-C (or SIGTERM) after committing ``committed`` shards."""

    def __init__(self, committed: int, total: int | None):
        self.committed = committed
        self.total = total
        of = f" of {total}" if total is not None else ""
        super().__init__(f"interrupted: {committed}{of} shards committed; rerun the same command to resume")


@dataclass(slots=True)
class RunSummary:
    """What a run did; printed at its end and kept in the manifest."""

    articles: int = 0
    failed: int = 0
    resumed_shards: int = 0
    shards: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    renamed_ids: list[tuple[str, str]] = field(default_factory=list)  # duplicate id -> unique id
    redone_because: list[str] = field(default_factory=list)  # what changed since the dropped shards
    model: str = ""

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
        lines = [
            f"{self.articles} articles -> {output} ({self.failed} with errors{resumed}) "
            f"in {self.seconds:.1f}s, {rate:.1f} articles/s",
            f"found: {found}",
        ]
        if self.redone_because:
            lines.append(f"earlier shards redone, changed: {_listed(self.redone_because)}")
        if self.renamed_ids:
            shown = _listed([f"{old} -> {new}" for old, new in self.renamed_ids])
            lines.append(f"{len(self.renamed_ids)} duplicate ids made unique: {shown}")
        if self.model == BLANK:
            lines.append("model: none (--model blank): no organizations were looked for")
        return "\n".join(lines)

    @property
    def all_failed(self) -> bool:
        return self.articles > 0 and self.failed == self.articles


def _listed(items: list[str], most: int = 5) -> str:
    """``a, b, c`` or ``a, b, c, d, e and 3 more``."""
    more = f" and {len(items) - most} more" if len(items) > most else ""
    return ", ".join(items[:most]) + more


def _engine(options: BatchOptions, model: str):
    settings = {"model": model, "max_chars": options.max_chars, "lang_check": options.lang_check}
    if options.engine == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(options.jobs, settings, options.scheduler)
    if options.engine != "local":
        raise InputError(f"unknown engine {options.engine!r}: choose from {', '.join(ENGINES)}")
    from .local import LocalEngine

    return LocalEngine(options.jobs, settings)


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
    """Process every article of ``inputs`` into ``output`` (a .jsonl file or a directory).

    Raises InputError before any work when an input, a column, the model or the output is
    wrong, and :class:`Interrupted` on Ctrl-C, once the workers are stopped."""
    options = options or BatchOptions()
    started = time.perf_counter()
    check_inputs(inputs, options.read)
    model = resolve_model(options.model)
    settings = {"max_chars": options.max_chars, "shard_size": options.shard_size, "lang_check": options.lang_check,
                "read": asdict(options.read)}
    models = {"pipeline": model, **({"speaker_ranker": RANKER_DIR} if RANKER_DIR.is_dir() else {})}
    fingerprint = run_fingerprint(inputs, models, settings)
    store = OutputStore(Path(output), parquet=options.parquet)
    summary = RunSummary(model=str(model))
    summary.redone_because = store.prepare(fingerprint, fresh=not options.resume)
    shard_ids: list[str] = []
    total = None if "-" in inputs else count_articles(inputs, options.read)
    bar = tqdm(total=total, unit=" articles", disable=not options.progress or None, smoothing=0.1)
    unique = UniqueIds()
    committed = 0

    def todo():
        nonlocal committed
        articles = unique(read_inputs(inputs, options.read))
        for shard in plan_shards(articles, options.shard_size, fingerprint.id):
            shard_ids.append(shard.id)
            if store.is_committed(shard.id):
                done = _committed_result(store, shard.index, shard.id)
                summary.add(done)
                summary.resumed_shards += 1
                committed += 1
                bar.update(done.articles)
                continue
            yield shard

    try:
        for result in _engine(options, str(model)).run(todo(), store, bar.update):
            summary.add(result)
            committed += 1
    except KeyboardInterrupt:
        raise Interrupted(committed, math.ceil(total / options.shard_size) if total is not None else None) from None
    finally:
        bar.close()
    summary.renamed_ids = unique.renamed
    summary.seconds = time.perf_counter() - started
    manifest = {
        "fingerprint": fingerprint.id,
        "khabar": fingerprint.parts["khabar"],
        "model": {key: value for key, value in fingerprint.parts["models"]["pipeline"].items() if key != "files"},
        "inputs": inputs,
        "settings": settings,
        "engine": options.engine,
        "shards": shard_ids,
        "summary": asdict(summary),
    }
    store.finish(shard_ids, manifest)
    return summary
