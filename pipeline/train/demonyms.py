"""Recipe of ``pipeline/lexicons/demonyms.txt``: nationality adjectives and the peoples they
name («ژاپنی»، «فلسطینی»، «چینی‌ها»، «ایرانیان»), which the NER model at times tags ORG.

Each one-word place of ``countries.txt`` and of PEYMA train's LOC entities (seen at least
``MIN_COUNT`` times, ../shared/corpora/peyma-train-derived-lists/entities_LOC.tsv) gives its
adjective by the Persian rule: «ی» after the name, «یی» after a final «ا» or «و» (آمریکا ->
آمریکایی). An adjective is kept only when hazm's word list has it or news-raw writes it as a word
at least ``MIN_NEWS`` times («اماراتی»، «ایرلندی»، «تایلندی»), so no form is made up.

    .venv/bin/python -m pipeline.train.demonyms   # rewrites pipeline/lexicons/demonyms.txt
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from pathlib import Path

from ..lexicons import load_list
from ..lexicons.hazm import load_lexicon
from ..paths import REPO, SHARED_CORPORA
from ..text import key
from .news_raw import news_raw_rows

PLACES = SHARED_CORPORA / "peyma-train-derived-lists" / "entities_LOC.tsv"
MIN_COUNT = 2
MIN_NEWS = 3  # times news-raw must write an adjective hazm's list lacks
OUT = REPO / "pipeline" / "lexicons" / "demonyms.txt"
NO_PEOPLE = frozenset({"جهان"})  # a place of PEYMA whose adjective names no people: «بانک جهانی» is a body


def one_word_places(path: Path = PLACES, min_count: int = MIN_COUNT) -> list[str]:
    """Countries of the lexicon, then PEYMA's one-word places seen ``min_count`` times."""
    with path.open(encoding="utf-8") as f:
        peyma = [row["surface"] for row in csv.DictReader(f, delimiter="\t") if int(row["count"]) >= min_count]
    places = [*load_list("countries"), *peyma]
    return list(dict.fromkeys(p for p in places if len(p.split()) == 1 and p not in NO_PEOPLE))


def demonym(place: str) -> str:
    """The nationality adjective of a place name.

    >>> demonym("ژاپن"), demonym("آمریکا")
    ('ژاپنی', 'آمریکایی')
    """
    return place + ("یی" if place[-1] in "او" else "ی")


def news_words() -> Counter:
    """How often news-raw writes each word (spelling-blind keys), the annotated articles left out
    (:func:`~pipeline.train.news_raw.news_raw_rows`)."""
    counts: Counter = Counter()
    for row in news_raw_rows():
        counts.update(key(w) for w in re.findall(r"[^\W\d_]+", row["text"]))
    return counts


def demonyms(places: list[str], news: Counter | None = None) -> list[str]:
    """The adjectives hazm's word list or news-raw (``news``: word counts) attests, in the order of ``places``."""
    lexicon = load_lexicon()
    news = news or Counter()
    return [d for d in dict.fromkeys(demonym(p) for p in places if not p.endswith(("ی", "ه")))
            if lexicon.seen(d) or news[key(d)] >= MIN_NEWS]


def write(words: list[str], out: Path = OUT) -> int:
    header = ("# Adjectives of countries and places (a people: the adjective, its plural with «ها» or «ان»), made from\n"
              "# countries.txt and PEYMA train's one-word places, attested by hazm or news-raw, by `python -m pipeline.train.demonyms`;\n"
              "# do not edit by hand. An organization mention that is only one of these is dropped.\n")
    out.write_text(header + "".join(w + "\n" for w in words), encoding="utf-8")
    return len(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] + " Reads ../shared/corpora.")
    parser.parse_args()
    print(f"{write(demonyms(one_word_places(), news_words()))} adjectives -> {OUT}")


if __name__ == "__main__":
    main()
