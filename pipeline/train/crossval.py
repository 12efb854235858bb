"""ARMAN 3-fold cross-validation of a NER config (never pooled folds).

ARMAN's ``train_foldK`` is the other two test folds, so each fold trains on
``train_foldK`` and is scored on ``test_foldK`` alone; the three F1 are averaged.
No dev set chooses a checkpoint: each fold trains a fixed number of epochs and
keeps its last model. Labels are ARMAN's six (ORG PER LOC FAC PRO EVE), as in
the published 3-fold figures.

    .venv/bin/python -m pipeline.train.crossval [--config models/training/ner.cfg] [--epochs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from ..corpora import LABEL_MAPS
from ..evaluate.ner import evaluate_ner
from ..paths import SHARED_CORPORA
from .ner import DEFAULT_CONFIG, train_ner

ARMAN_LABELS = sorted(set(LABEL_MAPS["arman"].values()))


def fold_overrides(fold: int, epochs: int) -> dict:
    """Config overrides training on ARMAN ``train_fold{fold}`` (its first 300 sentences as dev log).

    >>> fold_overrides(2, 5)["corpora.train.files"]
    ['arman/train_fold2.txt']
    """
    train = [f"arman/train_fold{fold}.txt"]
    return {
        "corpora.train.files": train, "corpora.train.labels": ARMAN_LABELS,
        "corpora.dev.files": train, "corpora.dev.labels": ARMAN_LABELS, "corpora.dev.limit": 300,
        "training.max_epochs": epochs, "training.patience": 0,
    }


def cross_validate(config: Path = DEFAULT_CONFIG, epochs: int = 5, folds: tuple[int, ...] = (1, 2, 3)) -> dict:
    """Per-fold scores and their mean: ``{"folds": {k: result}, "f1": mean, "per_label": {label: mean F1}}``."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="khabar-arman-") as work:
        for fold in folds:
            model = train_ner(config, Path(work) / f"fold{fold}", best=False,
                              overrides=fold_overrides(fold, epochs))
            results[fold] = evaluate_ner(SHARED_CORPORA / "arman" / f"test_fold{fold}.txt", model)
            print(f"fold {fold}: F1 {results[fold]['f1']:.4f}", flush=True)
    labels = set.intersection(*(set(r["per_label"]) for r in results.values()))
    return {
        "folds": results,
        "f1": statistics.mean(r["f1"] for r in results.values()),
        "per_label": {label: statistics.mean(r["per_label"][label]["f1"] for r in results.values())
                      for label in sorted(labels)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=None, help="write the scores here as JSON")
    args = parser.parse_args()
    result = cross_validate(args.config, args.epochs)
    text = json.dumps(result, indent=1)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
