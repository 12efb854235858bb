"""Deterministic shards: the n-th shard is always the same articles of the same inputs.

A shard's id carries the run fingerprint (Khabar version, model, settings,
inputs), so output made with other settings is never resumed by mistake.

>>> [len(s.articles) for s in plan_shards(iter(range(5)), size=2, fingerprint="f")]
[2, 2, 1]
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from ..core import RawArticle


@dataclass(slots=True)
class Shard:
    index: int
    id: str
    articles: list[RawArticle]


def plan_shards(articles: Iterable[Any], size: int, fingerprint: str) -> Iterator[Shard]:
    """Consecutive groups of ``size`` articles, read lazily."""
    iterator = iter(articles)
    index = 0
    while chunk := list(islice(iterator, size)):
        yield Shard(index, f"{index:06d}-{fingerprint}", chunk)
        index += 1


def _model_signature(model: Path | None) -> list:
    """Size and modification time of every file of the model directory."""
    if model is None or not model.exists():
        return []
    return [
        (str(p.relative_to(model)), p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(model.rglob("*"))
        if p.is_file()
    ]


def _input_signature(item: str) -> list:
    if item == "-":
        return ["-"]
    path = Path(item).resolve()
    stat = path.stat()
    return [str(path), stat.st_size, stat.st_mtime_ns]


def run_fingerprint(inputs: list[str], model: Path | None, settings: dict[str, Any]) -> str:
    """A short hash of everything that decides the records of a run."""
    try:
        khabar_version = version("khabar")
    except PackageNotFoundError:
        khabar_version = "unknown"
    payload = {
        "khabar": khabar_version,
        "model": _model_signature(model),
        "settings": settings,
        "inputs": [_input_signature(i) for i in inputs],
    }
    return hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()[:12]
