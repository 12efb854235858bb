"""Words per second of the NER model alone (tok2vec + ner), on normalized news-raw text.

    .venv/bin/python benchmarks/ner_speed.py [--model models/khabar-fa] [--articles 300]

One process, one thread: the figure a single archive worker gets.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from pipeline.evaluate.ner import load_ner
from pipeline.normalize import normalize

NEWS_RAW = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "news-raw"


def news_texts(limit: int) -> list[str]:
    """The first ``limit`` farsnews articles, normalized."""
    texts = []
    with gzip.open(NEWS_RAW / "farsnews.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            texts.append(normalize(json.loads(line)["text"]))
            if len(texts) >= limit:
                break
    return texts


def words_per_second(model: Path | None, texts: list[str]) -> tuple[int, float]:
    """Tokens processed and seconds taken by ``nlp.pipe`` over ``texts`` (after one warm-up)."""
    nlp = load_ner(model)
    list(nlp.pipe(texts[:5]))
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    return words, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    words, seconds = words_per_second(args.model, news_texts(args.articles))
    print(f"{words} words in {seconds:.1f} s: {words / seconds:,.0f} words/s")


if __name__ == "__main__":
    main()
