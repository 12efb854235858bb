"""Record writers: JSONL (one record per line; ``.gz`` compressed when the name says so)."""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import orjson

from .records import Article


def record_json(article: Article, *, indent: bool = False) -> bytes:
    """One record as UTF-8 JSON (Persian kept as is, not \\u-escaped)."""
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(article.to_dict(), option=option)


def open_output(path: Path) -> IO[bytes]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return gzip.open(path, "wb") if path.name.endswith(".gz") else open(path, "wb")  # noqa: SIM115


def write_jsonl(articles: Iterable[Article], path: Path) -> Iterator[Article]:
    """Write each record as it comes and pass it on (so callers can count and summarize)."""
    with open_output(path) as out:
        for article in articles:
            out.write(record_json(article) + b"\n")
            yield article


def read_records(path: Path) -> Iterator[dict]:
    """Records of a JSONL file written by :func:`write_jsonl`."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        for line in f:
            if line.strip():
                yield orjson.loads(line)
