"""Where a run's output goes, and how a shard is committed (write to a temp file, rename).

Two layouts:
- a directory ``OUT/``: ``records/shard-*.jsonl``, ``errors.jsonl``, ``manifest.json``,
  ``fingerprint.json`` and, with
  ``--format parquet``, ``parquet/<table>/part-*.parquet``;
- a single file ``OUT.jsonl[.gz]``: shards are kept in ``.OUT.jsonl.shards/`` while the run
  lasts, then joined in order into the file, with the run's manifest beside it
  (``OUT.manifest.json``: Khabar's version, the model's name and version, the fingerprint).
A shard whose file exists is committed: a rerun skips it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from ..errors import InputError
from ..records import Article
from ..writers import open_output, record_json
from .shards import Fingerprint

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


@dataclass(frozen=True, slots=True)
class OutputStore:
    """Paths of one run's output (plain data: workers receive a copy)."""

    target: Path
    parquet: bool = False

    @property
    def single_file(self) -> bool:
        return self.target.name.endswith(JSONL_SUFFIXES)

    @property
    def shard_dir(self) -> Path:
        if self.single_file:
            return self.target.parent / f".{self.target.name}.shards"
        return self.target / "records"

    @property
    def manifest_path(self) -> Path:
        """``OUT/manifest.json``, or beside a single file: ``records.jsonl`` -> ``records.manifest.json``."""
        if self.single_file:
            stem = next(self.target.name.removesuffix(s) for s in JSONL_SUFFIXES if self.target.name.endswith(s))
            return self.target.with_name(f"{stem}.manifest.json")
        return self.target / "manifest.json"

    def shard_path(self, shard_id: str) -> Path:
        return self.shard_dir / f"shard-{shard_id}.jsonl"

    def is_committed(self, shard_id: str) -> bool:
        return self.shard_path(shard_id).exists()

    @property
    def fingerprint_path(self) -> Path:
        """What the committed shards were made with (read when they turn out stale, to say why)."""
        return (self.shard_dir if self.single_file else self.target) / "fingerprint.json"

    def check(self) -> None:
        """Raise InputError when the output cannot be made: a file where a directory is
        needed or the other way round, or a place that cannot be written."""
        target = self.target
        if target.is_file() and not self.single_file:
            raise InputError(f"-o {target} is an existing file: give a directory, or a name ending in .jsonl or .jsonl.gz")
        if target.is_dir() and self.single_file:
            raise InputError(f"-o {target} is a directory, not a .jsonl file")
        try:
            self.shard_dir.mkdir(parents=True, exist_ok=True)
            probe = self.shard_dir / f".probe-{os.getpid()}.tmp"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise InputError(f"cannot write the output {target}: {exc.strerror or exc}") from exc

    def prepare(self, fingerprint: Fingerprint, fresh: bool) -> list[str]:
        """Create folders; drop temp files of a killed run, and shards made with another
        fingerprint (all shards when ``fresh``). Returns what changed since the run that made
        the dropped shards, in words (empty when nothing was dropped)."""
        self.check()
        parts = self.target / "parquet"
        old = [*self.shard_dir.glob("*.tmp"), *(parts.rglob("*.tmp") if parts.exists() else [])]
        stale = [
            path for path in [*self.shard_dir.glob("shard-*.jsonl"), *(parts.rglob("part-*.parquet") if parts.exists() else [])]
            if fresh or not path.name.split(".")[0].endswith(f"-{fingerprint.id}")
        ]
        changes: list[str] = []
        if stale and not fresh and self.fingerprint_path.exists():
            changes = fingerprint.changes(orjson.loads(self.fingerprint_path.read_bytes()))
        for path in [*old, *stale]:
            path.unlink(missing_ok=True)
        self.fingerprint_path.write_bytes(orjson.dumps(fingerprint.parts, option=orjson.OPT_INDENT_2))
        return changes

    def commit(self, shard_id: str, records: list[Article]) -> None:
        """Write a shard's records (and Parquet parts) so they appear whole or not at all."""
        if self.parquet:
            from ..writers import write_parquet_parts

            write_parquet_parts(records, self.target / "parquet", shard_id)
        final = self.shard_path(shard_id)
        temp = final.with_name(f"{final.name}.{os.getpid()}.tmp")
        with open(temp, "wb") as out:
            for record in records:
                out.write(record_json(record) + b"\n")
        os.replace(temp, final)

    def committed_files(self) -> list[Path]:
        return sorted(self.shard_dir.glob("shard-*.jsonl"))

    def iter_lines(self, shard_ids: Iterable[str]) -> Iterator[bytes]:
        for shard_id in shard_ids:
            with open(self.shard_path(shard_id), "rb") as f:
                yield from f

    def finish(self, shard_ids: list[str], manifest: dict) -> None:
        """Join shards into the single file (if so), write errors.jsonl and the manifest."""
        if self.single_file:
            temp = self.target.with_name(self.target.name + ".tmp")
            with open_output(temp, compress=self.target.name.endswith(".gz")) as out:
                for line in self.iter_lines(shard_ids):
                    out.write(line)
            os.replace(temp, self.target)
            shutil.rmtree(self.shard_dir)
            self.manifest_path.write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
            return
        with open(self.target / "errors.jsonl", "wb") as errors:
            for line in self.iter_lines(shard_ids):
                record = orjson.loads(line)
                if record["errors"] or record.get("warnings"):
                    errors.write(orjson.dumps({key: record.get(key, []) for key in ("id", "errors", "warnings")}) + b"\n")
        self.manifest_path.write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
