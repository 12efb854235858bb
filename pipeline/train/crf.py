"""A CRF baseline for PEYMA NER (python-crfsuite): an experiment, not part of the shipped pipeline.

Same data as the spaCy model: each sentence converted by :mod:`pipeline.train.corpora`
(normalized, Khabar tokenizer, gold spans carried through), BIO tags from the Doc's
entities; scored by :mod:`pipeline.evaluate.ner` on the same normalized texts
(exact span and label). Features: the word, its affixes (1-4), shape, and the words
and suffixes around it (window ±2), bigrams of neighbours.

    .venv/bin/python -m pipeline.train.crf [--c1 0.1] [--c2 0.05] [--iterations 150] [--model build/crf.model]

Needs ``python-crfsuite`` (in the ``test`` extra, not a run-time dependency; imported when training).

>>> word_features(["سازمان", "ملل", "متحد"], 1)[:4]
['b', 'w=ملل', 'p1=م', 'p2=مل']
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from ..corpora import convert, entity_token_spans
from ..evaluate.ner import corpus_entities, score
from ..paths import SHARED_CORPORA

_DIGIT = re.compile(r"[0-9۰-۹٠-٩]")
_LATIN = re.compile(r"[A-Za-z]")
_PUNCT = re.compile(r"^[^\w]+$")


def shape(word: str) -> str:
    """A coarse shape: ``d`` digits, ``l`` Latin, ``p`` punctuation, ``f`` Persian, ``m`` mixed.

    >>> shape("۱۴۰۲"), shape("IRNA"), shape("«"), shape("تهران"), shape("G20")
    ('d', 'l', 'p', 'f', 'm')
    """
    if _PUNCT.match(word):
        return "p"
    digit, latin = bool(_DIGIT.search(word)), bool(_LATIN.search(word))
    if digit and not latin and not re.search(r"[^\W\d_]", word):
        return "d"
    if latin and not digit:
        return "l"
    if digit or latin:
        return "m"
    return "f"


def word_features(words: list[str], i: int) -> list[str]:
    """crfsuite attribute strings of token ``i``."""
    w = words[i]
    feats = ["b", f"w={w}"]
    feats += [f"p{k}={w[:k]}" for k in range(1, 5) if len(w) > k]
    feats += [f"s{k}={w[-k:]}" for k in range(1, 5) if len(w) > k]
    feats += [f"shape={shape(w)}", f"len={min(len(w), 8)}", f"zwnj={chr(0x200C) in w}"]
    for off in (-2, -1, 1, 2):
        j = i + off
        if 0 <= j < len(words):
            feats.append(f"w{off}={words[j]}")
            feats.append(f"s3{off}={words[j][-3:]}")
            feats.append(f"shape{off}={shape(words[j])}")
        else:
            feats.append(f"w{off}=<{'s' if j < 0 else 'e'}>")
    if i > 0:
        feats.append(f"w-1|w={words[i - 1]}|{w}")
    if i + 1 < len(words):
        feats.append(f"w|w+1={w}|{words[i + 1]}")
    return feats


def sentence_features(words: list[str]) -> list[list[str]]:
    """Features of every token of a sentence."""
    return [word_features(words, i) for i in range(len(words))]


def doc_tags(doc) -> list[str]:
    """BIO tags (``B-ORG``) of a Doc's entities; ``O`` elsewhere."""
    return [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]


def train_crf(model: Path, c1: float, c2: float, iterations: int) -> float:
    """Train on PEYMA train (converted like the spaCy model's data); returns seconds taken."""
    import pycrfsuite

    from ..nlp import blank

    nlp = blank()
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in convert(nlp, SHARED_CORPORA / "peyma" / "train.txt"):
        words = [t.text for t in doc]
        trainer.append(sentence_features(words), doc_tags(doc))
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    start = time.perf_counter()
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    return time.perf_counter() - start


def evaluate_crf(model: Path, corpus: Path) -> tuple[dict, float]:
    """Entity scores of the CRF on a corpus file (as ``khabar evaluate ner``), and words/s."""
    import pycrfsuite

    from ..nlp import blank

    nlp = blank()
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    texts, gold, labels = corpus_entities(corpus)
    predicted = set()
    words_done, start = 0, time.perf_counter()
    for i, text in enumerate(texts):
        doc = nlp.make_doc(text)
        words = [t.text for t in doc]
        words_done += len(words)
        tags = tagger.tag(sentence_features(words))
        for first, end, label in entity_token_spans(tags):
            if label in labels:
                predicted.add((i, doc[first].idx, doc[end - 1].idx + len(doc[end - 1]), label))
    seconds = time.perf_counter() - start
    return score(gold, predicted), words_done / seconds


def main() -> None:
    from ..evaluate.ner import format_ner_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--model", type=Path, default=Path("build/crf.model"))
    args = parser.parse_args()
    seconds = train_crf(args.model, args.c1, args.c2, args.iterations)
    print(f"trained in {seconds:.0f} s -> {args.model}")
    for split in ("dev", "test"):
        result, wps = evaluate_crf(args.model, SHARED_CORPORA / "peyma" / f"{split}.txt")
        print(f"PEYMA {split} ({wps:,.0f} words/s incl. tokenizing and features)")
        print(format_ner_report(result))


if __name__ == "__main__":
    main()
