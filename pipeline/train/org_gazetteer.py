"""Recipe of ``pipeline/lexicons/organization_gazetteer.txt``: organization names that the
NER training corpora tag ORG nearly every time they write them, for the names the model
misses in running news («پزشکی قانونی»، «گمرک»، «تعزیرات حکومتی»).

Every ORG span of PEYMA train, ARMAN train fold 1 and ParsTwiNER train (../shared/corpora,
never the news gold) is a candidate. It is kept when the corpora tag it ORG at least
``MIN_COUNT`` times and in at least ``MIN_SHARE`` of all the places its words stand in that
order, and it is no country or people (``countries.txt``, ``demonyms.txt``): «استقلال»، tagged
ORG as a club but also written as a common noun, stays out by its share.

    .venv/bin/python -m pipeline.train.org_gazetteer   # rewrites pipeline/lexicons/organization_gazetteer.txt
"""

from __future__ import annotations

import argparse
from collections import Counter

from ..corpora import entity_token_spans, read_tagged
from ..extract.organizations import names_country_or_people
from ..paths import REPO, SHARED_CORPORA
from ..text import key

SOURCES = ("peyma/train.txt", "arman/train_fold1.txt", "parstwiner/train.txt")
MIN_COUNT = 2
MIN_SHARE = 0.8
MAX_WORDS = 8
OUT = REPO / "pipeline" / "lexicons" / "organization_gazetteer.txt"


def count_names() -> tuple[Counter, Counter, dict[tuple[str, ...], Counter]]:
    """ORG occurrences of each span (as word keys), all occurrences of those word sequences,
    and the spellings each was written with."""
    sentences = [s for name in SOURCES for s in read_tagged(SHARED_CORPORA / name)]
    as_org: Counter = Counter()
    spellings: dict[tuple[str, ...], Counter] = {}
    for s in sentences:
        for start, end, label in entity_token_spans(s.tags):
            words = tuple(key(t) for t in s.tokens[start:end])
            if label.upper() == "ORG" and 0 < len(words) <= MAX_WORDS and all(words):
                as_org[words] += 1
                spellings.setdefault(words, Counter())[" ".join(s.tokens[start:end])] += 1
    lengths = {len(w) for w in as_org}
    written: Counter = Counter()
    for s in sentences:
        keys = [key(t) for t in s.tokens]
        for n in lengths:
            for i in range(len(keys) - n + 1):
                words = tuple(keys[i : i + n])
                if words in as_org:
                    written[words] += 1
    return as_org, written, spellings


def gazetteer(min_count: int = MIN_COUNT, min_share: float = MIN_SHARE) -> list[str]:
    """The kept names (their most frequent spelling), most often tagged first."""
    as_org, written, spellings = count_names()
    kept = [words for words, n in as_org.most_common()
            if n >= min_count and n / written[words] >= min_share and not names_country_or_people("".join(words))]
    return [spellings[words].most_common(1)[0][0] for words in kept]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] + " Reads ../shared/corpora.")
    parser.parse_args()
    names = gazetteer()
    header = (f"# Organization names of {', '.join(SOURCES)} (../shared/corpora) tagged ORG >= {MIN_COUNT} times\n"
              f"# and in >= {MIN_SHARE:.0%} of their occurrences. Made by `python -m pipeline.train.org_gazetteer`;\n"
              "# do not edit by hand.\n")
    OUT.write_text(header + "".join(n + "\n" for n in names), encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
