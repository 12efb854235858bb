"""Record writers: JSONL (one record per line; ``.gz`` compressed when the name says so)."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import orjson

from .errors import InputError
from .records import Article


def record_json(article: Article, *, indent: bool = False) -> bytes:
    """One record as UTF-8 JSON (Persian kept as is, not \\u-escaped)."""
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(article.to_dict(), option=option)


GZIP_MAGIC = b"\x1f\x8b"


def open_output(path: Path, *, compress: bool | None = None) -> IO[bytes]:
    """A binary file for writing, gzip-compressed when ``compress`` (default: when the name
    ends in ``.gz``; a temporary file takes the final name's choice, not its own)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if compress is None:
        compress = path.name.endswith(".gz")
    return gzip.open(path, "wb") if compress else open(path, "wb")  # noqa: SIM115


def is_gzip(path: Path) -> bool:
    """Whether the file starts with gzip's magic bytes (whatever its name says)."""
    with open(path, "rb") as f:
        return f.read(2) == GZIP_MAGIC


def open_input(path: Path) -> IO[bytes]:
    """A binary file for reading, decompressed when its bytes are gzip (not its name)."""
    return gzip.open(path, "rb") if is_gzip(path) else open(path, "rb")  # noqa: SIM115


def read_records(path: Path) -> Iterator[dict]:
    """Records of a JSONL file, compressed or not; InputError when it is not one."""
    number = 0
    try:
        with open_input(path) as f:
            for line in f:
                number += 1
                if line.strip():
                    yield orjson.loads(line)
    except (OSError, EOFError, zlib.error) as exc:  # a damaged or cut gzip stream
        raise InputError(f"cannot read records from {path}: {exc}") from exc
    except orjson.JSONDecodeError as exc:
        raise InputError(f"cannot read records from {path}: line {number} is not JSON ({exc})") from exc


# ---------------------------------------------------------------- Parquet
PARQUET_TABLES = ("articles", "organizations", "figures", "quotes", "officials")


def flat_rows(records: Iterable[Article]) -> dict[str, list[dict]]:
    """Records as flat tables keyed by ``article_id`` (list columns stay lists).

    >>> rows = flat_rows([Article(id="a1", text="متن")])
    >>> rows["articles"][0]["id"], rows["figures"]
    ('a1', [])
    """
    tables: dict[str, list[dict]] = {name: [] for name in PARQUET_TABLES}
    for record in records:
        data = record.to_dict()
        tables["articles"].append({
            "id": data["id"],
            "meta": list(data["meta"].items()),
            "text": data["text"],
            "body_lines": list(data["body_lines"]) if data["body_lines"] else None,
            "sentences": [list(s) for s in data["sentences"]],
            "errors": data["errors"],
            "warnings": data["warnings"],
        })
        for name in PARQUET_TABLES[1:]:
            for index, item in enumerate(data[name]):
                tables[name].append({"article_id": data["id"], "index": index, **item})
    return tables


def _schemas():
    import pyarrow as pa

    span = [("start", pa.int64()), ("end", pa.int64()), ("raw_start", pa.int64()), ("raw_end", pa.int64())]
    text = pa.string()
    return {
        "articles": pa.schema([("id", text), ("meta", pa.map_(text, text)), ("text", text),
                               ("body_lines", pa.list_(pa.int64())), ("sentences", pa.list_(pa.list_(pa.int64()))),
                               ("errors", pa.list_(text)), ("warnings", pa.list_(text))]),
        "organizations": pa.schema([("article_id", text), ("index", pa.int64()), ("name", text),
                                    ("mentions", pa.list_(pa.struct([("text", text), *span, ("quote", pa.int64())])))]),
        "figures": pa.schema([("article_id", text), ("index", pa.int64()), ("text", text), ("value", pa.float64()),
                              ("kind", text), ("unit", text), ("quantity", text), *span, ("sentence", pa.int64()),
                              ("qualifier", text), ("quote", pa.int64()), ("speaker", text)]),
        "quotes": pa.schema([("article_id", text), ("index", pa.int64()), ("speaker", text),
                             ("speaker_mention", text), ("cue", text), ("kind", text), ("text", text), *span,
                             ("sentence", pa.int64())]),
        "officials": pa.schema([("article_id", text), ("index", pa.int64()), ("name", text), ("title", text),
                                ("organization", text), ("quotes", pa.int64())]),
    }


def write_parquet_parts(records: list[Article], root: Path, part: str) -> None:
    """One Parquet file per table for these records: ``root/<table>/part-<part>.parquet``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = _schemas()
    for name, rows in flat_rows(records).items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{part}.parquet"
        temp = final.with_name(final.name + ".tmp")
        pq.write_table(pa.Table.from_pylist(rows, schema=schemas[name]), temp)
        temp.replace(final)
