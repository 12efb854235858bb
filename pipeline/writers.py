"""Record writers: JSONL (one record per line; ``.gz`` compressed when the name says so)."""

from __future__ import annotations

import dataclasses
import gzip
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import UnionType
from typing import IO, Any, Union, get_args, get_origin, get_type_hints

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
# The tables follow the record's dataclasses (records.py), the one definition of the schema:
# ``articles`` holds an Article's plain fields; each list of records (organizations, figures,
# quotes, officials) is a table of its own, keyed by ``article_id`` and ``index``.
def _nested(hint: Any) -> type | None:
    """The dataclass of a ``list[Dataclass]`` field, else None."""
    args = get_args(hint)
    if get_origin(hint) is list and args and dataclasses.is_dataclass(args[0]):
        return args[0]
    return None


def _tables() -> dict[str, type | None]:
    """Table name -> the dataclass of its rows (None: the articles table)."""
    hints = get_type_hints(Article)
    return {"articles": None, **{name: row for name, hint in hints.items() if (row := _nested(hint))}}


PARQUET_TABLES = tuple(_tables())


def flat_rows(records: Iterable[Article]) -> dict[str, list[dict]]:
    """Records as flat tables keyed by ``article_id`` (list columns stay lists).

    >>> rows = flat_rows([Article(id="a1", text="متن")])
    >>> rows["articles"][0]["id"], rows["figures"]
    ('a1', [])
    """
    nested = [name for name in PARQUET_TABLES if name != "articles"]
    tables: dict[str, list[dict]] = {name: [] for name in PARQUET_TABLES}
    for record in records:
        data = record.to_dict()
        article = {key: value for key, value in data.items() if key not in nested}
        article["meta"] = list(article["meta"].items())  # a map column takes key-value pairs
        tables["articles"].append(article)
        for name in nested:
            for index, item in enumerate(data[name]):
                tables[name].append({"article_id": data["id"], "index": index, **item})
    return tables


def _arrow_type(hint: Any):
    """The Arrow type of a field's type hint: ``str``, ``int``, ``float | int``, ``X | None``,
    ``dict[str, str]``, ``tuple[int, int]``, ``list[X]``, a dataclass (a struct)."""
    import pyarrow as pa

    args = [a for a in get_args(hint) if a is not type(None)]
    origin = get_origin(hint)
    if origin in (Union, UnionType):
        return pa.float64() if set(args) == {int, float} else _arrow_type(args[0])
    if origin is dict:
        return pa.map_(_arrow_type(args[0]), _arrow_type(args[1]))
    if origin in (list, tuple):
        return pa.list_(_arrow_type(args[0]))
    if dataclasses.is_dataclass(hint):
        return pa.struct([(f.name, _arrow_type(t)) for f, t in zip(dataclasses.fields(hint), get_type_hints(hint).values(), strict=True)])
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}[hint]


def _schemas():
    import pyarrow as pa

    schemas = {}
    for name, row in _tables().items():
        if row is None:
            fields = [(f, _arrow_type(t)) for f, t in get_type_hints(Article).items() if not _nested(t)]
        else:
            fields = [("article_id", pa.string()), ("index", pa.int64()),
                      *((f, _arrow_type(t)) for f, t in get_type_hints(row).items())]
        schemas[name] = pa.schema(fields)
    return schemas


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
