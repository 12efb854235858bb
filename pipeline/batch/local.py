"""The local engine: worker processes, each loading the pipeline once.

spaCy's advice (explosion/spaCy#4652): never pickle ``nlp``; load it inside
each worker and send it plain data. Chunks go out in order and come back in
order; at most ``2 * jobs`` chunks are in flight, so memory stays flat.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from ..core import Pipeline, RawArticle
from ..records import Article

_worker_pipeline: Pipeline | None = None


def _init_worker(model: str | None, max_chars: int) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(model=model, max_chars=max_chars)


def _process_chunk(chunk: list[RawArticle]) -> list[Article]:
    assert _worker_pipeline is not None, "worker not initialized"
    return list(_worker_pipeline.pipe(chunk))


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_local(
    articles: Iterable[RawArticle],
    *,
    jobs: int | None = None,
    model: str | Path | None = None,
    max_chars: int,
    chunk_size: int = 32,
    pipeline: Pipeline | None = None,
) -> Iterator[Article]:
    """Records in input order, computed by ``jobs`` processes (1: in this process)."""
    jobs = jobs or default_jobs()
    if jobs == 1:
        yield from (pipeline or Pipeline(model=model, max_chars=max_chars)).pipe(articles)
        return
    iterator = iter(articles)
    context = multiprocessing.get_context("spawn")  # a clean interpreter per worker, no forked threads
    initargs = (str(model) if model else None, max_chars)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=initargs) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < 2 * jobs and (chunk := list(islice(iterator, chunk_size))):
                pending.append(pool.submit(_process_chunk, chunk))
            if not pending:
                break
            yield from pending.popleft().result()
