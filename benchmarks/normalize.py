"""Normalization throughput on news-raw: Khabar (offset map on) against hazm's Normalizer.

Both run in the same process on the same articles, alternating, several rounds;
each side's best round counts (the machine is shared, the best round is the
least disturbed one). Prints chars/s for both and the ratio khabar / hazm.

    .venv/bin/python benchmarks/normalize.py [--articles 600] [--rounds 3]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import time
from collections.abc import Callable
from pathlib import Path

from hazm import Normalizer

from pipeline.normalize import normalize_tracked

NEWS_RAW = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "news-raw"


def load_articles(per_source: int, folder: Path = NEWS_RAW) -> list[str]:
    """The first ``per_source`` article texts of each news-raw file (Hamshahri, Fars)."""
    texts: list[str] = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            texts.extend(json.loads(line)["text"] for line in itertools.islice(f, per_source))
    return texts


def seconds(run: Callable[[str], object], texts: list[str]) -> float:
    """Wall time of ``run`` over every text."""
    start = time.perf_counter()
    for text in texts:
        run(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600, help="articles per news-raw file")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    texts = load_articles(args.articles)
    chars = sum(map(len, texts))
    hazm = Normalizer()
    # warm-up: lexicons load, caches fill as they would in a long run
    for text in texts[:50]:
        hazm.normalize(text)
        normalize_tracked(text)

    best_hazm = best_khabar = float("inf")
    for _ in range(args.rounds):
        best_hazm = min(best_hazm, seconds(hazm.normalize, texts))
        best_khabar = min(best_khabar, seconds(normalize_tracked, texts))
    print(f"articles {len(texts):,}, characters {chars:,}, best of {args.rounds} rounds")
    print(f"hazm Normalizer          {chars / best_hazm:>12,.0f} chars/s")
    print(f"khabar (offset map on)   {chars / best_khabar:>12,.0f} chars/s")
    print(f"ratio khabar/hazm        {best_hazm / best_khabar:>12.2f}x")


if __name__ == "__main__":
    main()
