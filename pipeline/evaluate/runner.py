"""Records to score: read from a JSONL file, or made by running the pipeline on NAME.txt."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from ..core import load
from ..readers import ReadOptions, read_txt
from ..writers import read_records


def records_for_gold(
    gold_dir: Path, gold: Mapping[str, dict], *, pred: Path | None = None, model: str | Path | None = None,
    components: dict[str, dict] | None = None,
) -> Iterator[dict]:
    """Records for the gold articles: ``pred``'s, or the pipeline's on ``gold_dir/NAME.txt``
    (``components``: settings of the Khabar components, see :mod:`pipeline.components`)."""
    if pred is not None:
        yield from read_records(pred)
        return
    options = ReadOptions()
    texts = [read_txt(gold_dir / f"{name}.txt", options) for name in gold if (gold_dir / f"{name}.txt").exists()]
    for article in load(model, components=components).pipe(texts):
        yield article.to_dict()
