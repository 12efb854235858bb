"""Reading ../shared/corpora/news-raw for training recipes, with the annotated articles left out.

Some news-raw articles are also gold articles (corpus/gold, dev-b, heldout, heldout-b, dev-c/d/e
were drawn from it). A recipe that learns from news-raw leaves them out by news-raw id and, as a
second check, by the opening of their text, so no word list or model learns a held-out article.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..paths import REPO, SHARED_CORPORA
from ..text import key

NEWS_RAW = SHARED_CORPORA / "news-raw"
FILES = ("farsnews.jsonl.gz", "hamshahri.jsonl.gz", "varzesh3.jsonl.gz", "radiofarda.jsonl.gz",
         "hamshahri-online.jsonl.gz")
GOLD_FOLDERS = ("gold", "dev-b", "dev-c", "dev-d", "dev-e", "heldout", "heldout-b")


def news_raw_id(name: str) -> str | None:
    """The news-raw id of a gold file name (None when it is not a news-raw article).

    >>> news_raw_id("farsnews-f1-034"), news_raw_id("hamshahri-2003-HAM2-820420-022"), news_raw_id("fars-1-020")
    ('fars-1-034', 'hamshahri-HAM2-820420-022', 'fars-1-020')
    >>> news_raw_id("varzesh3-v4-402"), news_raw_id("seed-article")
    ('varzesh3-v4-402', None)
    """
    name = name.removeprefix("heldout-")
    m = re.fullmatch(r"farsnews-f(\d)-(\d+)|fars-(\d)-(\d+)", name)
    if m:
        return f"fars-{m.group(1) or m.group(3)}-{m.group(2) or m.group(4)}"
    m = re.search(r"HAM2-\d+-\d+", name)
    if m:
        return f"hamshahri-{m.group(0)}"
    return name if re.fullmatch(r"varzesh3-v\d-\d+|radiofarda-\d+", name) else None


def gold_texts(folders: Iterable[str], root: Path = REPO) -> list[Path]:
    """The raw texts of the annotated articles in ``corpus/FOLDER`` for each of ``folders``."""
    return [path for folder in folders for path in sorted((root / "corpus" / folder).glob("*.txt"))]


def excluded_ids(folders: Iterable[str] = GOLD_FOLDERS, root: Path = REPO) -> set[str]:
    """news-raw ids of the annotated articles of ``folders``."""
    return {found for path in gold_texts(folders, root) if (found := news_raw_id(path.stem))}


def gold_openings(folders: Iterable[str] = GOLD_FOLDERS, root: Path = REPO) -> set[str]:
    """Keys of the first 60 letters of each annotated article (a second check, by text)."""
    return {key(path.read_text(encoding="utf-8"))[:60] for path in gold_texts(folders, root)}


def news_raw_rows(files: Iterable[str] = FILES, folders: Iterable[str] = GOLD_FOLDERS) -> Iterator[dict]:
    """news-raw rows of ``files`` in order, the annotated articles of ``folders`` left out."""
    skip, openings = excluded_ids(folders), gold_openings(folders)
    for name in files:
        with gzip.open(NEWS_RAW / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] not in skip and key(row["text"])[:60] not in openings:
                    yield row
