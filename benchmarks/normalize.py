"""Normalization throughput on news-raw: Khabar (offset map on) against hazm and rishe.

All run in the same process on the same articles, alternating, several rounds;
each side's best round counts (the machine is shared, the best round is the
least disturbed one). Prints chars/s for each and the ratios khabar / hazm and
khabar / rishe.

rishe (PyPI, a Rust engine; ``pip install -e .[bench]``) is timed through its
``Normalizer``, the full hazm-style normalizer (letters, punctuation, digits,
spacing, می), which does the job Khabar and hazm do. Its ``Pipeline.normalize``
alone runs fewer stages (no spacing or می rules) and is shown for reference.
Without rishe installed, its lines are skipped with a note.

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


def rishe_normalizers() -> tuple[Callable[[str], str], Callable[[str], str]] | None:
    """rishe's full ``Normalizer().normalize`` and its core ``Pipeline().normalize``, if installed."""
    try:
        import rishe
    except ImportError:
        print("rishe is not installed (pip install -e .[bench]): its rows are skipped")
        return None
    return rishe.Normalizer().normalize, rishe.Pipeline().normalize


def compare_cases() -> None:
    """Exact matches per category of the test cases, for Khabar, hazm and rishe."""
    from collections import Counter

    from pipeline.normalize import normalize
    from tests.test_normalize import CASES

    systems: dict[str, Callable[[str], str]] = {"khabar": normalize, "hazm": Normalizer().normalize}
    rishe = rishe_normalizers()
    if rishe:
        systems["rishe"] = rishe[0]
    total: Counter[str] = Counter()
    right: dict[str, Counter[str]] = {name: Counter() for name in systems}
    for case in CASES:
        raw, expected = case.values
        group = case.id.split("-", 1)[0]
        total[group] += 1
        for name, run in systems.items():
            right[name][group] += run(raw) == expected
    print(f"{'category':<14}{'cases':>6}" + "".join(f"{name:>8}" for name in systems))
    for group in total:
        print(f"{group:<14}{total[group]:>6}" + "".join(f"{right[n][group]:>8}" for n in systems))
    print(f"{'all':<14}{sum(total.values()):>6}"
          + "".join(f"{sum(right[n].values()):>8}" for n in systems))


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
    runs: dict[str, Callable[[str], object]] = {"hazm": Normalizer().normalize}
    rishe = rishe_normalizers()
    if rishe:
        runs["rishe"], runs["rishe_core"] = rishe
    runs["khabar"] = normalize_tracked
    # warm-up: lexicons load, caches fill as they would in a long run
    for text in texts[:50]:
        for run in runs.values():
            run(text)

    best = dict.fromkeys(runs, float("inf"))
    for _ in range(args.rounds):  # alternating: each round times every side once
        for name, run in runs.items():
            best[name] = min(best[name], seconds(run, texts))
    print(f"articles {len(texts):,}, characters {chars:,}, best of {args.rounds} rounds")
    labels = {"hazm": "hazm Normalizer", "rishe": "rishe Normalizer",
              "rishe_core": "rishe Pipeline.normalize", "khabar": "khabar (offset map on)"}
    for name in runs:
        print(f"{labels[name]:<26}{chars / best[name]:>12,.0f} chars/s")
    print(f"{'ratio khabar/hazm':<26}{best['hazm'] / best['khabar']:>12.2f}x")
    if rishe:
        print(f"{'ratio khabar/rishe':<26}{best['rishe'] / best['khabar']:>12.2f}x")
        print(f"{'(khabar/rishe core':<26}{best['rishe_core'] / best['khabar']:>12.2f}x, fewer stages)")


if __name__ == "__main__":
    main()
