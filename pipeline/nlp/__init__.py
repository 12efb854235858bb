"""The analysis: one spaCy ``Language`` whose components are registered factories.

``build_language()`` loads the shipped trained pipeline from ``models/`` when it
is there (``spacy.load``), else starts from ``spacy.blank("fa")`` with the Khabar
tokenizer, and adds any Khabar component the loaded pipeline lacks, in order:

    khabar_sentences -> [tok2vec, ner] -> khabar_organizations -> khabar_figures
    -> khabar_quotes -> khabar_officials
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from .. import extract  # noqa: F401  (registers the extraction factories)
from . import extensions, sentences, tokenizer  # noqa: F401  (register factories)

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
DEFAULT_MODEL = MODELS_DIR / "khabar-fa"
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "khabar.tokenizer.v1"}}}
EXTRACTORS = ("khabar_organizations", "khabar_figures", "khabar_quotes", "khabar_officials")


def blank() -> Language:
    """A Persian pipeline with the Khabar tokenizer and no components."""
    return spacy.blank("fa", config=TOKENIZER_CONFIG)


def build_language(model: str | Path | None = None) -> Language:
    """The full analysis pipeline.

    ``model``: a trained spaCy pipeline directory; default ``models/khabar-fa``
    when present. Without one, entities are empty (no invented values).
    """
    path = Path(model) if model else DEFAULT_MODEL
    if model and not path.exists():
        raise FileNotFoundError(f"model not found: {path}")
    nlp = spacy.load(path) if path.exists() else blank()
    if "khabar_sentences" not in nlp.pipe_names:
        nlp.add_pipe("khabar_sentences", first=True)
    for name in EXTRACTORS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp
