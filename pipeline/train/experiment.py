"""One NER experiment: train a config with overrides, keep its best checkpoint, score PEYMA dev and test.

    .venv/bin/python -m pipeline.train.experiment NAME [--config models/training/ner.cfg] [key=value ...]

Values are JSON when they parse (``training.dropout=0.3``,
``components.tok2vec.model.embed.rows=[20000,5000,10000,2000]``), else strings. The
model goes to ``build/ner-exp/NAME`` and the scores (micro and per-label F1, %) to
``build/ner-exp/NAME.json``; the figures are those of ``khabar evaluate ner --model``, plus the
records' organizations F1 on corpus/gold and corpus/heldout (``khabar evaluate corpus/gold --model``),
since a model that tags more ORG on PEYMA can still give researchers worse organizations.
Run one at a time with ``OMP_NUM_THREADS=1`` (models/README.md, experiment log).

>>> parse_overrides(["training.dropout=0.3", "corpora.train.files=[\\"peyma/train.txt\\"]"])
{'training.dropout': 0.3, 'corpora.train.files': ['peyma/train.txt']}
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from ..evaluate.gold import load_gold, score_records
from ..evaluate.ner import evaluate_ner
from ..evaluate.runner import records_for_gold
from ..paths import REPO, SHARED_CORPORA
from .ner import DEFAULT_CONFIG, train_ner


def parse_overrides(pairs: list[str]) -> dict:
    """``key=value`` strings -> a spaCy overrides dict (JSON values where they parse)."""
    overrides = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    return overrides


def records_organizations(gold_dir: Path, model: Path) -> dict:
    """The organizations row of ``khabar evaluate GOLD_DIR --model MODEL``: F1 (%), tp, fp, fn."""
    gold = load_gold(gold_dir)
    row = score_records(records_for_gold(gold_dir, gold, model=model), gold).as_dict()["rows"]["organizations"]
    return {"f1": round(100 * row["f1"], 1), **{k: row[k] for k in ("tp", "fp", "fn")}}


def run(name: str, config: Path, overrides: dict, root: Path = REPO / "build" / "ner-exp") -> dict:
    """Train, score PEYMA dev and test, save ``root/NAME`` and ``root/NAME.json``."""
    output = root / name
    start = time.perf_counter()
    train_ner(config, output, overrides=overrides)
    result = {"config": str(config), "overrides": overrides, "train_s": round(time.perf_counter() - start)}
    for split in ("dev", "test"):
        scores = evaluate_ner(SHARED_CORPORA / "peyma" / f"{split}.txt", output)
        result[split] = {"f1": round(100 * scores["f1"], 2), "p": round(100 * scores["precision"], 2),
                         "r": round(100 * scores["recall"], 2),
                         **{k: round(100 * v["f1"], 2) for k, v in scores["per_label"].items()}}
    for gold_set in ("gold", "heldout"):
        result[f"orgs_{gold_set}"] = records_organizations(REPO / "corpus" / gold_set, output)
    (root / f"{name}.json").write_text(json.dumps(result, indent=1))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("overrides", nargs="*", help="key=value config overrides")
    args = parser.parse_intermixed_args()
    print(json.dumps(run(args.name, args.config, parse_overrides(args.overrides))))


if __name__ == "__main__":
    main()
