"""Batch runs at archive scale: sharded, disk to disk, resumable; local processes or Dask."""

from .run import BatchOptions, RunSummary, run_batch

__all__ = ["BatchOptions", "RunSummary", "run_batch"]
