"""Experiment (issue 16): fine-tune the shipped NER on the news gold's organizations.

The tune articles' gold (corpus/gold and corpus/dev-b, never a held-out folder) lists every
organization with every surface form it takes (GUIDE.md), so each article is a complete ORG
annotation: the forms are found in the normalized text (longest first, spelling-blind),
tagged ORG; the entities of other labels that the current model predicts are left missing
(the gold says nothing about persons or places); every other token is O. The model's own
training data (ner.cfg's train corpora) is replayed beside them so it keeps its other labels.

    .venv/bin/python -m pipeline.train.ner_news build/ner-news --epochs 3
    khabar evaluate ner --corpus ../shared/corpora/peyma/dev.txt --model build/ner-news
    khabar run corpus/heldout-b -o /tmp/hb.jsonl --model build/ner-news

A full retrain with the articles in from the start uses the ``khabar.ner_corpus_with_news.v1``
reader in place of ner.cfg's train reader:

    python -c "import pipeline.train.ner_news; from pipeline.train.ner import train_ner; \
        train_ner('models/training/ner.cfg', 'build/ner-full-news', \
                  overrides={'corpora.train.@readers': 'khabar.ner_corpus_with_news.v1'})"

Training reads corpus/ and ../shared/corpora; nothing at run time imports this module.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example, offsets_to_biluo_tags
from spacy.util import minibatch

from ..core import load
from ..evaluate.gold import load_gold
from ..extract.organizations import untagged_mentions
from ..lexicons.words import PhraseSet
from ..paths import REPO
from .ner import create_ner_corpus

TUNE_DIRS = ("corpus/gold", "corpus/dev-b")
CONFIG = REPO / "models" / "training" / "ner.cfg"  # its train corpora are replayed


def org_forms(gold: dict) -> list[str]:
    """Every surface form of every gold organization (name and aliases)."""
    return [form for org in gold.get("organizations") or [] for form in (org["name"], *(org.get("aliases") or []))]


def news_example(nlp: Language, predicted: Doc, forms: list[str], others: str = "O") -> Example:
    """The article as a reference Doc: gold ORG forms tagged, other predicted entities missing,
    every other token ``others`` ("O", or "-" for missing: the article teaches ORG only)."""
    doc = nlp.make_doc(predicted.text)
    tags = [others] * len(doc)
    for span in untagged_mentions(doc, PhraseSet(forms)):  # a fresh Doc: every occurrence, longest first
        n = len(span)
        tags[span.start : span.end] = ["U-ORG"] if n == 1 else ["B-ORG", *["I-ORG"] * (n - 2), "L-ORG"]
    for ent in predicted.ents:
        if ent.label_ != "ORG" and all(t == others for t in tags[ent.start : ent.end]):
            tags[ent.start : ent.end] = ["-"] * len(ent)
    for i, token in enumerate(doc):
        if token.is_space:
            tags[i] = "O"
    return Example.from_dict(doc, {"entities": tags})


def news_examples(khabar, others: str = "O") -> list[Example]:
    """One example per tune article that has organizations in its gold (``khabar``: the
    Pipeline whose model is trained, so the Docs share its vocabulary)."""
    examples = []
    for folder in TUNE_DIRS:
        directory = REPO / folder
        for name, gold in load_gold(directory).items():
            forms = org_forms(gold)
            if not forms:
                continue
            raw = (directory / f"{name}.txt").read_text(encoding="utf-8")
            text = khabar.process(raw, id=name).text
            predicted = next(khabar.analyze([text]))
            examples.append(news_example(khabar.nlp, predicted, forms, others))
    return examples


@spacy.registry.readers("khabar.ner_corpus_with_news.v1")
def create_corpus_with_news(files: list[str], labels: list[str] | None = None, limit: int = 0, repeat: int = 4,
                            model: str = "models/khabar-fa"):
    """The ``khabar.ner_corpus.v1`` corpus plus the tune articles as ORG-complete examples,
    each ``repeat`` times (for a full retrain with the news in from the start). The missing
    entities are those ``model`` predicts; the Docs are rebuilt with the trained nlp's vocab."""
    base = create_ner_corpus(files, labels, limit)
    cache: list = []

    def read(nlp: Language):
        if not cache:
            for example in news_examples(load(REPO / model)):
                gold = example.reference
                doc = nlp.make_doc(gold.text)
                tags = offsets_to_biluo_tags(doc, [(e.start_char, e.end_char, e.label_) for e in gold.ents])
                unknown = {t.idx for t in gold if t.ent_iob_ == ""}  # left missing in the article
                tags = ["-" if t.idx in unknown and tag == "O" else tag for t, tag in zip(doc, tags, strict=True)]
                cache.append(Example.from_dict(doc, {"entities": tags}).reference)
        yield from base(nlp)
        for _ in range(repeat):
            for reference in cache:
                yield Example(nlp.make_doc(reference.text), reference)

    return read


def fine_tune(model: Path, output: Path, epochs: int, repeat: int, seed: int, learn_rate: float,
              others: str = "O") -> Path:
    khabar = load(model)
    nlp = khabar.nlp
    news = news_examples(khabar, others)
    train = spacy.util.load_config(CONFIG)["corpora"]["train"]
    replay = list(create_ner_corpus(train["files"], train["labels"])(nlp))
    print(f"{len(news)} news articles (x{repeat}), {len(replay)} sentences of the model's own training data")
    random.seed(seed)
    optimizer = nlp.resume_training()
    optimizer.learn_rate = learn_rate
    trainable = {"tok2vec", "ner"}
    exclude = [name for name in nlp.pipe_names if name not in trainable]
    for epoch in range(epochs):
        data = news * repeat + replay
        random.shuffle(data)
        losses: dict = {}
        for batch in minibatch(data, size=32):
            nlp.update(batch, drop=0.1, sgd=optimizer, losses=losses, exclude=exclude)
        print(f"epoch {epoch + 1}: ner loss {losses.get('ner', 0):.1f}")
    nlp.to_disk(output)
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] + " Reads corpus/ and ../shared/corpora.")
    parser.add_argument("output", type=Path)
    parser.add_argument("--model", type=Path, default=REPO / "models" / "khabar-fa")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=4, help="times each news article is seen per epoch")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--learn-rate", type=float, default=0.0005)
    parser.add_argument("--others", choices=["O", "-"], default="O",
                        help="what a news token outside the gold organizations teaches: O, or nothing (-)")
    args = parser.parse_args()
    print(fine_tune(args.model, args.output, args.epochs, args.repeat, args.seed, args.learn_rate, args.others))


if __name__ == "__main__":
    main()
