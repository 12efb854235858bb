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
                               ("errors", pa.list_(text))]),
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
