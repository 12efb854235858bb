"""``khabar stats``: what a run found, aggregated by DuckDB straight from the JSONL records."""

from __future__ import annotations

from pathlib import Path

import duckdb

from .errors import InputError
from .writers import is_gzip

COLUMNS = {
    "id": "VARCHAR",
    "errors": "VARCHAR[]",
    "organizations": "STRUCT(name VARCHAR, key VARCHAR, mentions STRUCT(text VARCHAR)[])[]",
    "figures": "STRUCT(kind VARCHAR, unit VARCHAR, value DOUBLE)[]",
    "quotes": "STRUCT(speaker VARCHAR, kind VARCHAR)[]",
    "officials": "STRUCT(name VARCHAR, title VARCHAR, organization VARCHAR, quotes BIGINT)[]",
}

QUERIES = {
    "articles": "SELECT count(*) AS articles, count(*) FILTER (WHERE len(errors) > 0) AS with_errors FROM records",
    # the name of an organization: the one its records give most often, the first in order among
    # equals; an official's title: the longest it is given. Neither depends on the order of the records.
    "top organizations": """
        WITH orgs AS (SELECT id, coalesce(o.key, o.name) AS k, o.name AS name, len(o.mentions) AS mentions
                      FROM (SELECT id, unnest(organizations) AS o FROM records)),
             named AS (SELECT k, name, count(*) AS n FROM orgs GROUP BY k, name),
             best AS (SELECT k, first(name ORDER BY n DESC, name) AS name FROM named GROUP BY k)
        SELECT best.name, count(DISTINCT id) AS articles, sum(mentions) AS mentions
        FROM orgs JOIN best USING (k)
        GROUP BY k, best.name ORDER BY articles DESC, mentions DESC, name LIMIT {top}""",
    "most-quoted officials": """
        SELECT p.name, first(p.title ORDER BY len(p.title) DESC, p.title) FILTER (WHERE p.title IS NOT NULL) AS title,
               sum(p.quotes) AS quotes, count(DISTINCT id) AS articles
        FROM (SELECT id, unnest(officials) AS p FROM records)
        GROUP BY p.name ORDER BY quotes DESC, articles DESC, p.name LIMIT {top}""",
    "figures by kind": """
        SELECT f.kind, count(*) AS figures, count(DISTINCT id) AS articles
        FROM (SELECT id, unnest(figures) AS f FROM records)
        GROUP BY f.kind ORDER BY figures DESC""",
    "quotes by kind": """
        SELECT q.kind, count(*) AS quotes, count(q.speaker) AS attributed
        FROM (SELECT id, unnest(quotes) AS q FROM records)
        GROUP BY q.kind ORDER BY quotes DESC""",
}


def record_files(output: Path) -> list[str]:
    """The JSONL record files of a run's output (a file, or OUT/records/*.jsonl)."""
    if output.is_dir():
        return [str(p) for p in sorted((output / "records").glob("*.jsonl"))]
    return [str(output)]


def _format(title: str, columns: list[str], rows: list[tuple]) -> str:
    rows = [["" if v is None else f"{v:g}" if isinstance(v, float) else str(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    lines = [title, "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def stats_tables(output: Path, top: int = 10) -> dict[str, tuple[list[str], list[tuple]]]:
    """Each of QUERIES's tables over the run written to ``output``: title -> (columns, rows)."""
    files = record_files(output)
    if not files:
        raise FileNotFoundError(f"no records under {output}")
    con = duckdb.connect()
    # the file's bytes, not its name, say whether it is compressed
    compression = "gzip" if any(is_gzip(Path(f)) for f in files) else "none"
    try:
        con.read_json(files, columns=COLUMNS, format="newline_delimited", compression=compression).create_view("records")
        relations = {title: con.sql(query.format(top=top)) for title, query in QUERIES.items()}
        return {title: (relation.columns, relation.fetchall()) for title, relation in relations.items()}
    except duckdb.Error as exc:
        raise InputError(f"cannot read records from {output}: {str(exc).splitlines()[0]}") from exc


def output_stats(output: Path, top: int = 10) -> str:
    """Printable tables of the run written to ``output``."""
    return "\n\n".join(_format(title, *table) for title, table in stats_tables(output, top).items())
