"""Corpus readers: every input becomes a stream of :class:`RawArticle`, read lazily.

- a directory: its ``.txt``, ``.jsonl``, ``.jsonl.gz`` and ``.csv`` files, recursively, in name
  order; ids are the path below the directory without the suffix (``a/123``), so files of the
  same name in two folders keep apart
- ``NAME.txt``: one article, id ``NAME``
- ``.jsonl`` / ``.jsonl.gz``: one JSON object per line with ``id`` and ``text``
- ``.csv``: one row per article (``text_col``, ``id_col``)
- ``-``: JSONL on standard input

A row or file that cannot be read still yields a RawArticle, with ``errors``. A file whose
columns do not include the text (or the named id) column raises :class:`InputError` before any
article of it is read: ``check_inputs`` runs that check over every input up front.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO

import orjson

from .errors import InputError
from .langcheck import reads_as_persian
from .limits import MAX_CHARS

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
CSV_SUFFIXES = (".csv", ".csv.gz")
CHECKED_ROWS = 10  # the first JSON rows that must show the text (and named id) field
SNIFF_BYTES = 1 << 16  # bytes of a CSV file that decide its encoding under ``auto``
# byte-order mark, the encoding it declares, the codec that reads what follows it
BOMS = (
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)


@dataclass(slots=True)
class RawArticle:
    """One article as read: its id and text, or why it could not be read.

    ``encoding`` is the one its bytes were decoded with (None for text given as a string);
    ``warnings`` say what was done to it that the user should know (a renamed duplicate id).
    """

    id: str
    text: str | None
    errors: list[str] = field(default_factory=list)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ReadOptions:
    text_col: str = "text"
    id_col: str | None = None  # None: the "id" field when a row has one, else FILE:LINE
    encoding: str = "utf-8"  # "auto", or any Python codec name (cp1256, utf-16 ...)
    max_bytes: int = 4 * MAX_CHARS  # larger files are not read into memory at all


def _guess(data: bytes) -> str:
    """A hint for bytes that are not UTF-8."""
    if data.count(0) > len(data) // 4:
        return "it looks like UTF-16 without a byte-order mark: try --encoding utf-16"
    if reads_as_persian(data.decode("cp1256", errors="replace")):
        return "it reads as Windows-1256 Persian: rerun with --encoding auto (or --encoding cp1256)"
    return "not Windows-1256 Persian either: give its encoding with --encoding"


def decode(data: bytes, encoding: str = "utf-8") -> tuple[str | None, str | None, list[str]]:
    """``(text, encoding used, errors)``. A byte-order mark decides by itself (UTF-8 or UTF-16);
    ``auto`` tries UTF-8, then Windows-1256 when the bytes read as Persian.

    >>> decode("خبر".encode())
    ('خبر', 'utf-8', [])
    >>> decode("خبر".encode("utf-16"))
    ('خبر', 'utf-16', [])
    >>> decode("خبر فارسي".encode("cp1256"), "auto")
    ('خبر فارسي', 'cp1256', [])
    >>> decode("خبر فارسي".encode("cp1256"))[2]
    ['not valid UTF-8: invalid continuation byte at byte 0; it reads as Windows-1256 Persian: rerun with --encoding auto (or --encoding cp1256)']
    """
    for bom, name, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), name, []
            except UnicodeDecodeError as exc:
                return None, None, [f"not valid {name.upper()} after its byte-order mark: {exc.reason} at byte {exc.start}"]
    if encoding not in ("utf-8", "auto"):
        try:
            return data.decode(encoding), encoding, []
        except UnicodeDecodeError as exc:
            return None, None, [f"not valid {encoding}: {exc.reason} at byte {exc.start}"]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        if encoding == "auto":
            text = data.decode("cp1256", errors="replace")
            if "\ufffd" not in text and reads_as_persian(text):
                return text, "cp1256", []
        return None, None, [f"not valid UTF-8: {exc.reason} at byte {exc.start}; {_guess(data)}"]


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (("txt", TEXT_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("csv", CSV_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (*JSONL_SUFFIXES, *CSV_SUFFIXES, *TEXT_SUFFIXES):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _name(path: Path, root: Path | None) -> str:
    """The id of a file: its stem, or its path below the input directory without the suffix.

    >>> _name(Path("in/a/123.txt"), Path("in")), _name(Path("in/123.txt"), None)
    ('a/123', '123')
    """
    if root is None:
        return _stem(path)
    return (path.parent.relative_to(root) / _stem(path)).as_posix()


def _open_binary(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")  # noqa: SIM115


def read_txt(path: Path, options: ReadOptions, root: Path | None = None) -> RawArticle:
    article_id = _name(path, root)
    size = path.stat().st_size
    if size > options.max_bytes:
        return RawArticle(article_id, None, [f"file too large: {size:,} bytes (limit {options.max_bytes:,})"])
    text, encoding, errors = decode(path.read_bytes(), options.encoding)
    return RawArticle(article_id, text, errors, encoding)


def _row_article(row: dict, fallback_id: str, options: ReadOptions, encoding: str | None) -> RawArticle:
    value = row.get(options.id_col or "id")
    article_id = fallback_id if value is None or value == "" else str(value)
    text = row.get(options.text_col)
    if not isinstance(text, str):
        return RawArticle(article_id, None, [f"no '{options.text_col}' text field"], encoding)
    return RawArticle(article_id, text, [], encoding)


def _check_columns(columns: Iterable[str], name: str, options: ReadOptions) -> None:
    """The text column, and an id column the user named, must be among ``columns``."""
    found = list(dict.fromkeys(columns))
    wanted = [(options.text_col, "--text-col")] + ([(options.id_col, "--id-col")] if options.id_col else [])
    for column, option in wanted:
        if column not in found:
            listed = ", ".join(found) if found else "none"
            raise InputError(f"{name}: no '{column}' column ({option}); columns found: {listed}")


def _json_rows(lines: Iterable[bytes], encoding: str) -> Iterator[tuple[int, dict | None, str | None, str | None]]:
    """``(line number, row, encoding used, error)`` of each non-blank line, decoded one by one,
    so a bad line costs only its own article."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        text, used, errors = decode(line.rstrip(b"\r\n"), encoding)
        if text is None:
            yield number, None, None, f"line {number}: {errors[0]}"
            continue
        try:
            row = orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            yield number, None, used, f"invalid JSON on line {number}: {exc}"
            continue
        if not isinstance(row, dict):
            yield number, None, used, f"line {number} is not a JSON object"
            continue
        yield number, row, used, None


def read_jsonl_lines(lines: Iterable[bytes], name: str, options: ReadOptions) -> Iterator[RawArticle]:
    """Articles of JSONL lines (bytes); raises InputError when none of the first rows has the
    text field (or the id field the user named)."""
    rows = _json_rows(lines, options.encoding)
    head = list(islice(rows, CHECKED_ROWS))
    objects = [row for _, row, _, _ in head if row is not None]
    if objects:
        _check_columns((key for row in objects for key in row), name, options)
    for number, row, used, error in (*head, *rows):
        fallback = f"{name}:{number}"
        if row is None:
            yield RawArticle(fallback, None, [error], used)
        else:
            yield _row_article(row, fallback, options, used)


def _csv_encoding(path: Path, encoding: str) -> str:
    """The codec to read a CSV file with: its byte-order mark, else ``encoding``; under ``auto``
    UTF-8 when its first bytes are, else Windows-1256 when they read as Persian."""
    with _open_binary(path) as f:
        head = f.read(SNIFF_BYTES)
    for bom, name, _ in BOMS:
        if head.startswith(bom):
            return "utf-8-sig" if name == "utf-8" else "utf-16"
    if encoding != "auto":
        return "utf-8-sig" if encoding == "utf-8" else encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head)  # a character cut at the end is fine
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "cp1256" if reads_as_persian(head.decode("cp1256", errors="replace")) else "utf-8-sig"


class _LineDecoder:
    """Lines of a binary stream decoded one by one; remembers the lines that were not valid."""

    def __init__(self, stream: IO[bytes], encoding: str):
        self.stream = stream
        self.encoding = encoding
        self.bad: list[int] = []

    def __iter__(self) -> Iterator[str]:
        for number, line in enumerate(self.stream, 1):
            try:
                yield line.decode(self.encoding)
            except UnicodeDecodeError:
                self.bad.append(number)
                yield line.decode(self.encoding, errors="replace")


def read_csv(path: Path, options: ReadOptions, root: Path | None = None) -> Iterator[RawArticle]:
    csv.field_size_limit(options.max_bytes)
    encoding = _csv_encoding(path, options.encoding)
    name = _name(path, root)
    with _open_binary(path) as raw:
        if encoding == "utf-16":  # no line-by-line decoding for a two-byte encoding
            lines: Iterable[str] = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
            decoder = None
        else:
            decoder = _LineDecoder(raw, encoding)
            lines = decoder
        reader = csv.DictReader(lines)
        _check_columns(reader.fieldnames or [], str(path), options)
        used = "utf-8" if encoding == "utf-8-sig" else encoding
        for row in reader:
            article = _row_article(row, f"{name}:{reader.line_num}", options, used)
            if decoder and decoder.bad:
                article = RawArticle(article.id, None, [f"not valid {used} on line {decoder.bad[0]}"], used)
                decoder.bad.clear()
            yield article


def _files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file() and _kind(p))


def read_path(path: Path, options: ReadOptions, root: Path | None = None) -> Iterator[RawArticle]:
    """Articles of one file or directory (``root``: the directory the ids are relative to)."""
    if path.is_dir():
        for child in _files(path):
            yield from read_path(child, options, root or path)
        return
    kind = _kind(path)
    if kind == "txt" or kind is None:
        yield read_txt(path, options, root)
    elif kind == "jsonl":
        with _open_binary(path) as f:
            yield from read_jsonl_lines(f, _name(path, root), options)
    else:
        yield from read_csv(path, options, root)


def read_inputs(inputs: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[RawArticle]:
    """Articles of every input in order; ``-`` reads JSONL from standard input."""
    options = options or ReadOptions()
    for item in inputs:
        if str(item) == "-":
            yield from read_jsonl_lines(sys.stdin.buffer, "stdin", options)
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"input not found: {path}")
        yield from read_path(path, options)


def _input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Every file the inputs name or hold (standard input left out); InputError for a missing one."""
    for item in inputs:
        if str(item) == "-":
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"input not found: {path}")
        yield from _files(path) if path.is_dir() else [path]


def check_inputs(inputs: Iterable[str | Path], options: ReadOptions | None = None) -> None:
    """Raise :class:`InputError` before any work when an input does not exist, or a JSONL or CSV
    file lacks the text column (or the id column the user named); standard input is checked on
    its first rows as it is read."""
    options = options or ReadOptions()
    for file in _input_files(inputs):
        kind = _kind(file)
        if kind == "jsonl":
            with _open_binary(file) as f:
                next(read_jsonl_lines(f, str(file), options), None)
        elif kind == "csv":
            next(read_csv(file, options), None)


class UniqueIds:
    """Makes ids unique in input order: a repeated ``123`` becomes ``123#2``, ``123#3`` ...,
    with a warning on the record; ``renamed`` lists ``(old, new)`` for the summary.

    >>> unique = UniqueIds()
    >>> [a.id for a in unique(RawArticle(i, "") for i in ["a/1", "1", "1", "1#2"])]
    ['a/1', '1', '1#2', '1#2#2']
    >>> unique.renamed
    [('1', '1#2'), ('1#2', '1#2#2')]
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.renamed: list[tuple[str, str]] = []

    def __call__(self, articles: Iterable[RawArticle]) -> Iterator[RawArticle]:
        for article in articles:
            if article.id in self.seen:
                n = 2
                while f"{article.id}#{n}" in self.seen:
                    n += 1
                new = f"{article.id}#{n}"
                self.renamed.append((article.id, new))
                article.warnings.append(f"duplicate id {article.id!r}: renamed {new!r}")
                article.id = new
            self.seen.add(article.id)
            yield article


def count_articles(inputs: Iterable[str | Path], options: ReadOptions | None = None) -> int:
    """How many articles ``read_inputs`` will yield (files only: stdin cannot be counted)."""
    options = options or ReadOptions()
    total = 0
    for file in _input_files(inputs):
        kind = _kind(file)
        if kind == "jsonl":
            with _open_binary(file) as f:
                total += sum(1 for line in f if line.strip())
        elif kind == "csv":
            total += sum(1 for _ in read_csv(file, options))
        else:
            total += 1
    return total
