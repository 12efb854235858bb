"""The Dask engine: the same shards on a Dask cluster (``pip install khabar[dask]``).

Without ``scheduler`` a LocalCluster of ``jobs`` single-threaded worker processes
is bound to 127.0.0.1. With ``scheduler="tcp://HOST:8786"`` the shards go to an
existing cluster, whose workers must see the output directory (shared storage)
and have Khabar installed. Dask reschedules the shard of a worker that dies
(``retries``); a shard that cannot be done gets error records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .shards import Shard
from .store import OutputStore
from .worker import ShardResult, fail_shard, process_shard

RETRIES = 2

LOCAL_CLUSTER_CONFIG = {
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 in its workers, which makes glibc unmap
    # the CNN's large temporary arrays after every batch: 17% slower here, for no gain in
    # memory. The thread settings (one per worker) stay, as on the local engine.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # the statistical profiler samples the task's stack every 10 ms and keeps a history of
    # the samples, which grows with the run
    "distributed.worker.profile.enabled": False,
}


class DaskEngine:
    def __init__(self, jobs: int | None, settings: dict[str, Any], scheduler: str | None = None):
        from .local import default_jobs

        self.jobs = jobs or default_jobs()
        self.settings = settings
        self.scheduler = scheduler

    def _client(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("the dask engine needs: pip install 'khabar[dask]'") from exc
        if self.scheduler:
            return Client(self.scheduler), None
        import dask

        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            cluster = LocalCluster(
                n_workers=self.jobs, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
            )
        return Client(cluster), cluster

    def run(self, shards: Iterable[Shard], store: OutputStore, progress: Callable[[int], None]) -> Iterator[ShardResult]:
        from distributed import as_completed

        client, cluster = self._client()
        try:
            workers = max(1, len(client.scheduler_info().get("workers", {})) or self.jobs)
            shards = iter(shards)
            by_key: dict[str, Shard] = {}
            running = as_completed()

            def submit(shard: Shard) -> None:
                future = client.submit(
                    process_shard, shard, store, self.settings,
                    key=f"khabar-shard-{shard.id}", pure=False, retries=RETRIES,
                )
                by_key[future.key] = shard
                running.add(future)

            for shard in _take(shards, 2 * workers):
                submit(shard)
            for future in running:
                shard = by_key.pop(future.key)
                try:
                    result = future.result()
                except Exception as exc:  # KilledWorker after retries, or an error in the shard
                    result = fail_shard(shard, store, f"dask could not process this shard: {exc!r}")
                progress(result.articles)
                yield result
                for more in _take(shards, 1):
                    submit(more)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _take(iterator: Iterator[Shard], n: int) -> list[Shard]:
    out = []
    for _ in range(n):
        item = next(iterator, None)
        if item is None:
            break
        out.append(item)
    return out
