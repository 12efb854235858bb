"""Recipe of ``pipeline/lexicons/entity_words.tsv``: the words that stand inside names of
organizations, facilities and places in the NER training corpora (PEYMA train, ARMAN train
fold 1; read from ../shared/corpora), with how often.

A title runs on as long as its words can belong to the body it names: «رئیس مجلس شورای
اسلامی» stops before «نامه رئیس جمهور ...» because «نامه», a common word, stands in no
organization name of the corpora (mentions.py reads the list).

    .venv/bin/python -m pipeline.train.entity_words   # rewrites pipeline/lexicons/entity_words.tsv
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from ..corpora import entity_token_spans, read_tagged
from ..paths import REPO, SHARED_CORPORA
from ..text import key

SOURCES = ("peyma/train.txt", "arman/train_fold1.txt")
LABELS = frozenset({"ORG", "FAC", "LOC"})  # PEYMA ORG/LOC, ARMAN org/fac/loc
MIN_COUNT = 2
OUT = REPO / "pipeline" / "lexicons" / "entity_words.tsv"


def count_entity_words(sources: tuple[str, ...] = SOURCES, root: Path = SHARED_CORPORA) -> Counter:
    """Key of every word -> occurrences inside an ORG, FAC or LOC span of the corpora."""
    counts: Counter = Counter()
    for name in sources:
        for sentence in read_tagged(root / name):
            for start, end, label in entity_token_spans(sentence.tags):
                if label.upper() in LABELS:
                    counts.update(key(t) for t in sentence.tokens[start:end] if key(t))
    return counts


def write(counts: Counter, out: Path = OUT, min_count: int = MIN_COUNT) -> int:
    """Write the words seen ``min_count`` times or more, most frequent first; their number."""
    rows = [(w, n) for w, n in counts.most_common() if n >= min_count]
    header = (f"# Words inside organization, facility and place names of {', '.join(SOURCES)}"
              f" (../shared/corpora), seen >= {min_count} times.\n"
              "# Made by `python -m pipeline.train.entity_words`; do not edit by hand.\nword\tcount\n")
    out.write_text(header + "".join(f"{w}\t{n}\n" for w, n in rows), encoding="utf-8")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] + " Reads ../shared/corpora.")
    parser.parse_args()
    print(f"{write(count_entity_words())} words -> {OUT}")


if __name__ == "__main__":
    main()
