"""The local engine: worker processes on this machine, each loading the pipeline once.

At most ``2 * jobs`` shards are in flight, so memory stays flat. A worker that
dies (killed, out of memory, crashed) breaks the pool: the pool is rebuilt and
the shards that were in flight are retried; a shard that fails ``MAX_ATTEMPTS``
times gets error records, so nothing is lost and nothing hangs.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from . import worker
from .shards import Shard
from .store import OutputStore
from .worker import ShardResult, fail_shard, process_shard

MAX_ATTEMPTS = 3


def default_jobs() -> int:
    """Every core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _init_worker(settings: dict[str, Any], queue) -> None:
    worker.ignore_interrupts()
    worker.pipeline_for(settings)  # load once, before the first shard
    worker.set_progress(queue.put)


class LocalEngine:
    """Runs shards in this process (``jobs=1``) or in a pool of ``jobs`` processes."""

    def __init__(self, jobs: int | None, settings: dict[str, Any]):
        self.jobs = jobs or default_jobs()
        self.settings = settings

    def run(self, shards: Iterable[Shard], store: OutputStore, progress: Callable[[int], None]) -> Iterator[ShardResult]:
        if self.jobs == 1:
            worker.set_progress(progress)
            try:
                for shard in shards:
                    yield process_shard(shard, store, self.settings)
            finally:
                worker.set_progress(None)
            return
        context = multiprocessing.get_context("spawn")  # clean interpreters: no forked threads
        queue = context.SimpleQueue()
        drain = threading.Thread(target=_drain, args=(queue, progress), daemon=True)
        drain.start()
        try:
            yield from self._run_pool(iter(shards), store, context, queue)
        finally:
            queue.put(None)
            drain.join(timeout=5)

    def _new_pool(self, context, queue) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.jobs, mp_context=context, initializer=_init_worker, initargs=(self.settings, queue)
        )

    def _run_pool(self, shards: Iterator[Shard], store: OutputStore, context, queue) -> Iterator[ShardResult]:
        attempts: dict[str, int] = {}
        retry: list[Shard] = []
        in_flight: dict[Future, Shard] = {}
        pool = self._new_pool(context, queue)
        try:
            while True:
                while len(in_flight) < 2 * self.jobs:
                    shard = retry.pop(0) if retry else next(shards, None)
                    if shard is None:
                        break
                    in_flight[pool.submit(process_shard, shard, store, self.settings)] = shard
                if not in_flight:
                    return
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    shard = in_flight.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        broken = True
                        retry.append(shard)
                if broken:
                    retry.extend(in_flight.values())
                    in_flight.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = self._new_pool(context, queue)
                    retry, failed = _count_attempts(retry, attempts)
                    for shard in failed:
                        yield fail_shard(shard, store, f"worker process died {MAX_ATTEMPTS} times on this shard")
        except BaseException:  # Ctrl-C, or the consumer gave up: stop the workers now
            _terminate(pool)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _count_attempts(shards: list[Shard], attempts: dict[str, int]) -> tuple[list[Shard], list[Shard]]:
    """Split shards into those to retry and those out of attempts; say so on stderr."""
    again, failed = [], []
    for shard in shards:
        attempts[shard.id] = attempts.get(shard.id, 0) + 1
        (failed if attempts[shard.id] >= MAX_ATTEMPTS else again).append(shard)
        print(f"khabar: a worker died; shard {shard.index} attempt {attempts[shard.id]} of {MAX_ATTEMPTS} failed",
              file=sys.stderr)
    return sorted(again, key=lambda s: s.index), failed


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's workers: waiting for them could hang on a worker blocked in a queue
    call. (``ProcessPoolExecutor.terminate_workers`` does this from Python 3.14 on.)"""
    for process in list((pool._processes or {}).values()):
        process.terminate()
    for process in list((pool._processes or {}).values()):
        process.join(timeout=5)


def _drain(queue, progress: Callable[[int], None]) -> None:
    while (n := queue.get()) is not None:
        progress(n)
