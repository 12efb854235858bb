"""Normalization throughput on news-raw: Khabar (offset map on) against hazm's Normalizer.

Both run in the same process on the same articles, alternating, several rounds;
each side's best round counts (the machine is shared, the best round is the
least disturbed one). Prints chars/s for both and the ratio khabar / hazm.

    .venv/bin/python benchmarks/normalize.py [--articles 600] [--rounds 3]
    .venv/bin/python benchmarks/normalize.py --cases   # exact matches on tests/test_normalize.py, by category

The case tables encode Khabar's stated policy (Latin digits kept, ۀ → ه‌ی ...),
so ``--cases`` measures agreement with that policy, hazm's included.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from hazm import Normalizer

from pipeline.normalize import normalize_tracked

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for --cases
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


def compare_cases() -> None:
    """Exact matches per category of the test cases, for Khabar and hazm."""
    from collections import Counter

    from pipeline.normalize import normalize
    from tests.test_normalize import CASES

    hazm = Normalizer()
    total: Counter[str] = Counter()
    ours: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    for case in CASES:
        raw, expected = case.values
        group = case.id.split("-", 1)[0]
        total[group] += 1
        ours[group] += normalize(raw) == expected
        theirs[group] += hazm.normalize(raw) == expected
    print(f"{'category':<14}{'cases':>6}{'khabar':>8}{'hazm':>8}")
    for group in total:
        print(f"{group:<14}{total[group]:>6}{ours[group]:>8}{theirs[group]:>8}")
    print(f"{'all':<14}{sum(total.values()):>6}{sum(ours.values()):>8}{sum(theirs.values()):>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600, help="articles per news-raw file")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cases", action="store_true", help="compare on the test cases instead")
    args = parser.parse_args()
    if args.cases:
        compare_cases()
        return

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
