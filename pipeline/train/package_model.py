"""Recipe of the model wheel ``fa_khabar_news-VERSION``: models/khabar-fa packaged by
``spacy package`` with a model card in its meta.json (issue 17).

The wheel holds the trained pipeline as it is in models/khabar-fa (same weights) and requires
``khabar==VERSION``, whose entry points give spaCy the tokenizer and the Khabar components: in
a venv with both wheels, ``spacy.load("fa_khabar_news")`` is the whole pipeline. The meta.json
carries the training data's sources and licence and the scores measured while packaging: PEYMA
test (../shared/corpora) and the records' F1 on the dev gold (../shared/gold/dev, else corpus/gold).

    .venv/bin/python -m pipeline.train.package_model --output dist   # what `make dist` runs
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from ..analysis import DEFAULT_MODEL, MODEL_PACKAGE
from ..evaluate.gold import load_gold, score_records
from ..evaluate.ner import evaluate_ner
from ..evaluate.runner import records_for_gold
from ..paths import REPO, SHARED_CORPORA

NAME = MODEL_PACKAGE.removeprefix("fa_")  # spacy package names it LANG_NAME
DESCRIPTION = ("Khabar's Persian news pipeline: a spaCy NER model (PEYMA's labels) with Khabar's "
               "rules for organizations, figures, quotes and quoted officials on the Doc.")
SOURCES = [  # as ../shared/corpora/*/SOURCE.md give them
    {"name": "PEYMA (train)", "url": "https://arxiv.org/abs/1801.09936 (copy: github.com/overfit-ir/parstwiner)",
     "license": "free for research use"},
    {"name": "ARMAN (PER, ORG, LOC)", "url": "https://github.com/HaniehP/PersianNER",
     "license": "academic research use only"},
    {"name": "ParsTwiNER (train: PER, ORG, LOC)", "url": "https://github.com/overfit-ir/parstwiner", "license": "MIT"},
    {"name": "news-raw (pretraining and vector text)", "url": "../shared/corpora/news-raw/SOURCE.md",
     "license": "as stated per source (Hamshahri: research use)"},
]
LICENSE = "research use only (inherited from PEYMA and ARMAN; see models/README.md)"


def dev_gold_dir() -> Path:
    """The dev gold the records are scored on: ../shared/gold/dev, else corpus/gold."""
    shared = SHARED_CORPORA.parent / "gold" / "dev"
    return shared if shared.is_dir() else REPO / "corpus" / "gold"


def scores() -> dict:
    """PEYMA test micro F1 of the NER model, and the records' F1 per task on the dev gold."""
    peyma = evaluate_ner(SHARED_CORPORA / "peyma" / "test.txt")
    gold_dir = dev_gold_dir()
    gold = load_gold(gold_dir)
    report = score_records(records_for_gold(gold_dir, gold), gold)
    return {
        "peyma_test": {"precision": peyma["precision"], "recall": peyma["recall"], "f1": peyma["f1"]},
        "records_f1": {name: round(c.f1, 3) for name, c in report.rows.items()},
        "records_gold": f"{gold_dir.relative_to(REPO.parent)} ({len(gold)} articles)",
    }


def model_meta(khabar_version: str, measured: dict) -> dict:
    """models/khabar-fa's meta.json with the package's name, version, card and requirement."""
    meta = json.loads((DEFAULT_MODEL / "meta.json").read_text(encoding="utf-8"))
    meta.update(name=NAME, version=khabar_version, description=DESCRIPTION, license=LICENSE,
                author="Khabar", sources=SOURCES, requirements=[f"khabar=={khabar_version}"])
    meta["performance"] = {**meta.get("performance", {}), **measured}
    return meta


def package(output: Path, measured: dict | None = None) -> Path:
    """Build the wheel into ``output``; its path."""
    khabar_version = version("khabar")
    meta = model_meta(khabar_version, scores() if measured is None else measured)
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        meta_path = Path(tmp) / "meta.json"
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "spacy", "package", str(DEFAULT_MODEL), tmp, "--meta-path",
                        str(meta_path), "--build", "none", "--force"], check=True, capture_output=True)
        source = Path(tmp) / f"{MODEL_PACKAGE}-{khabar_version}"
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", tmp, str(source)], check=True)
        wheel = next(Path(tmp).glob(f"{MODEL_PACKAGE}-*.whl"))
        return Path(shutil.copy(wheel, output / wheel.name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] + " Reads ../shared (scores).")
    parser.add_argument("--output", type=Path, default=REPO / "dist", help="where the wheel goes (default: dist/)")
    args = parser.parse_args()
    print(package(args.output))


if __name__ == "__main__":
    main()
