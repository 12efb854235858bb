"""Batch engines: run a Pipeline over many articles on every core."""

from .local import run_local

__all__ = ["run_local"]
