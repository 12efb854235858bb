"""``spacy pretrain`` of the NER tok2vec on our unlabeled text (experiment 13, models/README.md).

The text is that of the floret vectors (:func:`pipeline.train.vectors.paragraphs`: news-raw
plus the PEYMA *train* sentences, never dev/test), normalized by the run-time normalizer and
written one paragraph per JSONL line ``{"text": ...}``; the Khabar tokenizer runs on it when
``spacy.JsonlCorpus.v1`` reads it. The pretraining config is the ``[pretraining]`` block of
``models/training/ner.cfg``, so the weights fit the shipped tok2vec exactly; the shipped ones,
``models/training/tok2vec-pretrained.bin``, are the ``model5.bin`` of these commands:

    .venv/bin/python -m pipeline.train.pretrain texts build/pretrain/texts.jsonl
    .venv/bin/python -m pipeline.train.pretrain run build/pretrain/chars [key=value ...]
    .venv/bin/python -m pipeline.train.pretrain run build/pretrain/chars --resume build/pretrain/chars/model2.bin \\
        pretraining.max_epochs=6      # epochs 3-5 on top of model2.bin (Adam's moments start afresh)
    .venv/bin/python -m pipeline.train.experiment NAME paths.init_tok2vec=build/pretrain/chars/model5.bin
"""

from __future__ import annotations

import argparse
from pathlib import Path

import srsly

from ..normalize import normalize
from .experiment import parse_overrides
from .ner import DEFAULT_CONFIG
from .vectors import paragraphs


def write_texts(output: Path) -> Path:
    """The normalized paragraphs of :func:`paragraphs`, as JSONL ``{"text": ...}``."""
    output.parent.mkdir(parents=True, exist_ok=True)
    srsly.write_jsonl(output, ({"text": normalize(p)} for p in paragraphs()))
    return output


def run_pretrain(
    output: Path, config: Path = DEFAULT_CONFIG, overrides: dict | None = None, resume: Path | None = None
) -> Path:
    """``spacy pretrain`` with ``config`` (weights ``output/modelN.bin`` after each epoch).

    ``resume``: a ``modelN.bin`` to go on from; spaCy starts at epoch N + 1."""
    from spacy.cli.pretrain import pretrain
    from spacy.util import load_config

    cfg = load_config(config, overrides=dict(overrides or {}), interpolate=False)
    output.mkdir(parents=True, exist_ok=True)
    cfg.to_disk(output / "config.cfg")
    pretrain(cfg.interpolate(), output, resume_path=resume, silent=False)
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["texts", "run"])
    parser.add_argument("output", type=Path)
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--resume", type=Path, help="modelN.bin to go on from (run)")
    parser.add_argument("overrides", nargs="*", help="key=value config overrides (run)")
    args = parser.parse_intermixed_args()
    if args.command == "texts":
        print(write_texts(args.output))
    else:
        print(run_pretrain(args.output, args.config, parse_overrides(args.overrides), args.resume))


if __name__ == "__main__":
    main()
