"""Static word vectors for NER, trained on our own unlabeled text (no model hub).

Recipe (``build_vectors``): news-raw articles plus the PEYMA *train* sentences,
normalized and tokenized exactly as at run time, one paragraph per line ->
floret (fastText with hashed subwords, so an unseen word such as «بهزیستی‌ها»
still gets a vector from its character n-grams) -> a spaCy vectors table.
Dev/test sentences and ARMAN (used for cross-validation) are kept out.

>>> build_vectors(Path("build/vectors"))  # doctest: +SKIP
PosixPath('build/vectors/spacy')
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from ..corpora import raw_text, read_tagged
from ..nlp import blank
from ..normalize import normalize
from ..paths import SHARED_CORPORA

NEWS_FILES = ("news-raw/hamshahri.jsonl.gz", "news-raw/farsnews.jsonl.gz")
TAGGED_FILES = ("peyma/train.txt",)
FLORET = {"model": "cbow", "dim": 100, "mode": "floret", "hashCount": 2, "bucket": 50000,
          "minn": 4, "maxn": 5, "minCount": 3, "epoch": 5, "thread": 1}  # one thread: same vectors every run


def paragraphs(root: Path = SHARED_CORPORA) -> Iterator[str]:
    """Raw paragraphs: news-raw article lines, then training-split sentences.

    >>> next(paragraphs())[:20]  # doctest: +SKIP
    'تحقيق و تفحص از ...'
    """
    for name in NEWS_FILES:
        with gzip.open(root / name, "rt", encoding="utf-8") as f:
            for line in f:
                for paragraph in json.loads(line)["text"].split("\n"):
                    if paragraph.strip():
                        yield paragraph
    for name in TAGGED_FILES:
        for sentence in read_tagged(root / name):
            yield raw_text(sentence.tokens)[0]


def write_corpus(output: Path) -> Path:
    """One normalized, tokenized paragraph per line (tokens joined by a space)."""
    nlp = blank()
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as out:
        for doc in nlp.tokenizer.pipe(normalize(p) for p in paragraphs()):
            out.write(" ".join(t.text for t in doc if not t.is_space) + "\n")
    return output


def build_vectors(workdir: Path) -> Path:
    """Train floret vectors in ``workdir`` and convert them to a spaCy vectors pipeline dir."""
    import floret
    from spacy.training.initialize import convert_vectors

    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / "corpus.txt"
    if not corpus.exists():
        write_corpus(corpus)
    model = floret.train_unsupervised(str(corpus), **FLORET)
    vec = workdir / "vectors.floret"
    model.save_floret_vectors(str(vec))
    nlp = blank()
    convert_vectors(nlp, vec, truncate=0, prune=-1, mode="floret")
    nlp.to_disk(workdir / "spacy")
    return workdir / "spacy"
