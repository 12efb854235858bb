"""Corpus readers: every input becomes a stream of :class:`RawArticle`, read lazily.

- a directory: its ``.txt``, ``.jsonl``, ``.jsonl.gz`` and ``.csv`` files, recursively, in name order
- ``NAME.txt``: one article, id ``NAME``
- ``.jsonl`` / ``.jsonl.gz``: one JSON object per line with ``id`` and ``text``
- ``.csv``: one row per article (``text_col``, ``id_col``)
- ``-``: JSONL on standard input

A row or file that cannot be read still yields a RawArticle, with ``errors``.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from .core import RawArticle
from .limits import MAX_CHARS

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
CSV_SUFFIXES = (".csv", ".csv.gz")


@dataclass(slots=True)
class ReadOptions:
    text_col: str = "text"
    id_col: str = "id"
    max_bytes: int = 4 * MAX_CHARS  # larger files are not read into memory at all


def decode(data: bytes) -> tuple[str | None, list[str]]:
    """UTF-8 text (a BOM is dropped), or the reason it is not.

    >>> decode("خبر".encode())
    ('خبر', [])
    >>> decode(b"\\xff\\xfe\\x00")[1]
    ['not valid UTF-8: invalid start byte at byte 0']
    """
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        return None, [f"not valid UTF-8: {exc.reason} at byte {exc.start}"]


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (("txt", TEXT_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("csv", CSV_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def _open_text(path: Path) -> io.TextIOBase:
    raw = gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


def read_txt(path: Path, options: ReadOptions) -> RawArticle:
    article_id = path.name[: -len(".txt")] if path.name.lower().endswith(".txt") else path.stem
    size = path.stat().st_size
    if size > options.max_bytes:
        return RawArticle(article_id, None, [f"file too large: {size:,} bytes (limit {options.max_bytes:,})"])
    text, errors = decode(path.read_bytes())
    return RawArticle(article_id, text, errors)


def _row_article(row: dict, fallback_id: str, options: ReadOptions) -> RawArticle:
    article_id = str(row.get(options.id_col) or fallback_id)
    text = row.get(options.text_col)
    if not isinstance(text, str):
        return RawArticle(article_id, None, [f"no '{options.text_col}' text field"])
    return RawArticle(article_id, text)


def read_jsonl_lines(lines: Iterable[str], name: str, options: ReadOptions) -> Iterator[RawArticle]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fallback = f"{name}:{number}"
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield RawArticle(fallback, None, [f"invalid JSON on line {number}: {exc}"])
            continue
        if not isinstance(row, dict):
            yield RawArticle(fallback, None, [f"line {number} is not a JSON object"])
            continue
        yield _row_article(row, fallback, options)


def read_csv(path: Path, options: ReadOptions) -> Iterator[RawArticle]:
    csv.field_size_limit(options.max_bytes)
    with _open_text(path) as f:
        for number, row in enumerate(csv.DictReader(f), 2):
            yield _row_article(row, f"{_stem(path)}:{number}", options)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (*JSONL_SUFFIXES, *CSV_SUFFIXES, *TEXT_SUFFIXES):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def read_path(path: Path, options: ReadOptions) -> Iterator[RawArticle]:
    """Articles of one file or directory."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and _kind(p)):
            yield from read_path(child, options)
        return
    kind = _kind(path)
    if kind == "txt" or kind is None:
        yield read_txt(path, options)
    elif kind == "jsonl":
        with _open_text(path) as f:
            yield from read_jsonl_lines(f, _stem(path), options)
    else:
        yield from read_csv(path, options)


def read_inputs(inputs: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[RawArticle]:
    """Articles of every input in order; ``-`` reads JSONL from standard input."""
    options = options or ReadOptions()
    for item in inputs:
        if str(item) == "-":
            yield from read_jsonl_lines(sys.stdin, "stdin", options)
            continue
        path = Path(item)
        if not path.exists():
            raise FileNotFoundError(f"input not found: {path}")
        yield from read_path(path, options)


def _count_path(path: Path, options: ReadOptions) -> int:
    if path.is_dir():
        return sum(_count_path(p, options) for p in path.rglob("*") if p.is_file() and _kind(p))
    kind = _kind(path)
    if kind == "jsonl":
        with _open_text(path) as f:
            return sum(1 for line in f if line.strip())
    if kind == "csv":
        return sum(1 for _ in read_csv(path, options))
    return 1


def count_articles(inputs: Iterable[str | Path], options: ReadOptions | None = None) -> int:
    """How many articles ``read_inputs`` will yield (files only: stdin cannot be counted)."""
    options = options or ReadOptions()
    return sum(_count_path(Path(item), options) for item in inputs if str(item) != "-")
