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

from ..analysis import BLANK, model_version
from ..readers import RawArticle


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


PACKAGE_DIR = Path(__file__).resolve().parents[1]
SKIPPED_DIRS = {"__pycache__"}


def _digest(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()[:16]


def _tree_digests(root: Path) -> dict[str, str]:
    """``{relative path: content digest}`` of every file under ``root``."""
    return {
        p.relative_to(root).as_posix(): _digest(p)
        for p in sorted(root.rglob("*"))
        if p.is_file() and not SKIPPED_DIRS & set(p.relative_to(root).parts)
    }


def model_signature(model: str | Path) -> dict[str, Any]:
    """What identifies a model: ``blank``, an installed package's name and version, or the
    digests of a directory's files."""
    if str(model) == BLANK:
        return {"name": BLANK}
    if not isinstance(model, Path):
        try:
            return {"name": str(model), "version": version(str(model))}
        except PackageNotFoundError:
            return {"name": str(model)}
    found = model_version(model)
    return {"name": model.name, **({"version": found} if found else {}), "files": _tree_digests(model)}


def _input_signature(item: str) -> list:
    if item == "-":
        return ["-"]
    path = Path(item).resolve()
    stat = path.stat()
    return [str(path), stat.st_size, stat.st_mtime_ns]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Everything that decides a run's records: Khabar's code and lexicons (content digests of
    the package's files), the models, the settings and the inputs. ``id`` is its short hash,
    carried by every shard id; ``changes`` says what differs from an earlier run's."""

    parts: dict[str, Any]

    @property
    def id(self) -> str:
        return hashlib.sha256(orjson.dumps(self.parts, option=orjson.OPT_SORT_KEYS)).hexdigest()[:12]

    def changes(self, old: dict[str, Any]) -> list[str]:
        """What changed since ``old`` (an earlier run's ``parts``), in words.

        >>> a = Fingerprint({"code": {"core.py": "1"}, "lexicons": {"quote_cues.tsv": "2"}, "settings": {"max_chars": 9}})
        >>> a.changes({"code": {"core.py": "1"}, "lexicons": {"quote_cues.tsv": "3"}, "settings": {"max_chars": 8}})
        ['lexicon quote_cues.tsv', 'settings max_chars']
        """
        said = []
        for part, value in self.parts.items():
            before = old.get(part)
            if before == value:
                continue
            if isinstance(value, dict) and isinstance(before, dict):
                names = sorted(k for k in value.keys() | before.keys() if value.get(k) != before.get(k))
                said += [f"{_PART_NAMES.get(part, part)} {name}" for name in names]
            else:
                said.append(_PART_NAMES.get(part, part))
        return said


_PART_NAMES = {"lexicons": "lexicon", "models": "model"}  # in the singular, as a change is said


def run_fingerprint(inputs: list[str], models: dict[str, str | Path], settings: dict[str, Any]) -> Fingerprint:
    """The fingerprint of a run of ``inputs`` with ``models`` (role -> model) and ``settings``."""
    try:
        khabar_version = version("khabar")
    except PackageNotFoundError:
        khabar_version = "unknown"
    files = _tree_digests(PACKAGE_DIR)
    return Fingerprint({
        "khabar": khabar_version,
        "code": {name: d for name, d in files.items() if not name.startswith("lexicons/")},
        "lexicons": {name.removeprefix("lexicons/"): d for name, d in files.items() if name.startswith("lexicons/")},
        "models": {role: model_signature(model) for role, model in models.items()},
        "settings": settings,
        "inputs": [_input_signature(i) for i in inputs],
    })
