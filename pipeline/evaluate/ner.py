"""``khabar evaluate ner --corpus FILE``: entity-level NER scores, like conlleval/seqeval.

An entity counts as found only when its exact span and label match. Each corpus
sentence is rebuilt as text (tokens joined by a space), normalized as at run time,
and the model's entities are compared with the gold ones carried into the same
normalized text. Only the labels the corpus annotates are scored (a PEYMA model's
DAT is neither right nor wrong on ARMAN, which has no dates).

>>> prf(8, 10, 16)
(0.8, 0.5, 0.6153846153846154)
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language

from ..analysis import BLANK, resolve_model
from ..corpora import LABEL_MAPS, corpus_kind, gold_entities, raw_text, read_tagged
from ..errors import InputError
from ..normalize import normalize_tracked

Entity = tuple[int, int, int, str]  # sentence, start, end, label


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_ner(model: Path | None = None) -> Language:
    """The NER pipeline (found by ``resolve_model``), without Khabar extractors."""
    path = resolve_model(model)
    if path == BLANK:
        raise InputError("evaluate ner needs a trained model, not the blank pipeline")
    nlp = spacy.load(path)
    # a trained model holds only what NER needs (tok2vec, ner and any feature
    # component such as khabar_gazetteer); Khabar's extractors are added at run time
    for name in list(nlp.pipe_names):
        if name.startswith("khabar_") and name != "khabar_gazetteer":
            nlp.disable_pipe(name)
    return nlp


def corpus_entities(corpus: Path) -> tuple[list[str], set[Entity], set[str]]:
    """Normalized sentence texts, their gold entities, and the labels the corpus annotates."""
    kind = corpus_kind(corpus)
    label_map = LABEL_MAPS[kind]
    texts: list[str] = []
    gold: set[Entity] = set()
    for i, sentence in enumerate(read_tagged(corpus, kind)):
        tracked = normalize_tracked(raw_text(sentence.tokens)[0])
        texts.append(tracked.text)
        for _text, label, start, end in gold_entities(sentence, label_map, tracked):
            gold.add((i, start, end, label))
    return texts, gold, set(label_map.values())


def predicted_entities(nlp: Language, texts: list[str], labels: set[str]) -> set[Entity]:
    """Model entities of each text, as (sentence, start, end, label), ``labels`` only."""
    found: set[Entity] = set()
    for i, doc in enumerate(nlp.pipe(texts, batch_size=256)):
        for ent in doc.ents:
            if ent.label_ in labels:
                found.add((i, ent.start_char, ent.end_char, ent.label_))
    return found


def score(gold: set[Entity], predicted: set[Entity]) -> dict:
    """Micro and per-label precision/recall/F1 of exact (span, label) matches.

    >>> score({(0, 0, 4, "ORG"), (0, 5, 9, "PER")}, {(0, 0, 4, "ORG"), (0, 5, 9, "LOC")})["f1"]
    0.5
    """
    correct = gold & predicted
    p, r, f = prf(len(correct), len(predicted), len(gold))
    by_label = {name: Counter(e[3] for e in group) for name, group in
                (("gold", gold), ("pred", predicted), ("ok", correct))}
    per_label = {}
    for label in sorted(set(by_label["gold"]) | set(by_label["pred"])):
        lp, lr, lf = prf(by_label["ok"][label], by_label["pred"][label], by_label["gold"][label])
        per_label[label] = {"precision": lp, "recall": lr, "f1": lf, "support": by_label["gold"][label]}
    return {"precision": p, "recall": r, "f1": f, "per_label": per_label}


def evaluate_ner(corpus: Path, model: Path | None = None) -> dict:
    """Entity-level scores of ``model`` (default: the shipped one) on a PEYMA/ARMAN/ParsTwiNER file.

    Returns ``{"precision", "recall", "f1", "per_label": {"ORG": {"precision",
    "recall", "f1", "support"}, ...}}``.
    """
    texts, gold, labels = corpus_entities(Path(corpus))
    return score(gold, predicted_entities(load_ner(model), texts, labels))


def format_ner_report(result: dict) -> str:
    """A conlleval-style table: one row per label, then the micro average.

    >>> print(format_ner_report({"precision": 1.0, "recall": 0.5, "f1": 2 / 3,
    ...     "per_label": {"ORG": {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2}}}))
    label    precision  recall      f1  support
    ORG         100.00   50.00   66.67        2
    micro       100.00   50.00   66.67        2
    """
    rows = ["label    precision  recall      f1  support"]
    line = "{:<8} {:>9.2f} {:>7.2f} {:>7.2f} {:>8}"
    for label, s in result["per_label"].items():
        rows.append(line.format(label, 100 * s["precision"], 100 * s["recall"], 100 * s["f1"], s["support"]))
    support = sum(s["support"] for s in result["per_label"].values())
    rows.append(line.format("micro", 100 * result["precision"], 100 * result["recall"],
                            100 * result["f1"], support))
    return "\n".join(rows)
