"""Lexicons are data files beside this module, loaded once.

- ``NAME.txt``: one entry per line; ``#`` starts a comment.
- ``NAME.tsv``: a header row, then tab-separated rows (returned as dicts).

>>> "فارس" in load_list("agencies")
True
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


def _path(name: str):
    return resources.files(__package__) / name


@cache
def load_list(name: str) -> tuple[str, ...]:
    """Entries of ``NAME.txt`` in file order, comments and blank lines skipped."""
    text = _path(f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(e for e in entries if e)


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``NAME.tsv`` as dicts keyed by the header; ``#`` lines are comments."""
    with _path(f"{name}.tsv").open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
