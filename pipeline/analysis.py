"""The analysis: the spaCy ``Language``, its model and its components, in one place.

``build_language()`` loads the trained pipeline that :func:`resolve_model` finds
(``spacy.load``), or with ``model="blank"`` starts from ``spacy.blank("fa")`` with the
Khabar tokenizer, and adds any Khabar component the loaded pipeline lacks, in the order of
:mod:`pipeline.components`::

    khabar_sentences -> [tok2vec, ner] -> khabar_organizations -> khabar_figures
    -> khabar_quotes -> khabar_officials

``components`` sets the components' options (``{"khabar_quotes": {"speaker_ranker": True}}``).
"""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from .components import EXTRACTORS
from .errors import ModelNotFound
from .nlp import blank
from .nlp.tokenizer import create_tokenizer
from .paths import MODELS_DIR

DEFAULT_MODEL = MODELS_DIR / "khabar-fa"
MODEL_PACKAGE = "fa_khabar_news"  # the trained pipeline as an installed package
MODEL_VARIABLE = "KHABAR_MODEL"
BLANK = "blank"  # no trained model: rules only, no organizations
GET_A_MODEL = (
    f"run Khabar from a git checkout (it ships {DEFAULT_MODEL.relative_to(MODELS_DIR.parent)}), "
    f"pip install the {MODEL_PACKAGE} package, or give --model DIR (or {MODEL_VARIABLE}=DIR); "
    f"--model {BLANK} runs without one (no organizations)"
)

__all__ = ["BLANK", "DEFAULT_MODEL", "EXTRACTORS", "add_components", "blank", "build_language", "resolve_model"]


def _usable(model: str | Path) -> str | Path | None:
    """``model`` as spaCy can load it: ``blank``, a directory, or an installed package name."""
    if str(model) == BLANK:
        return BLANK
    if Path(model).is_dir():
        return Path(model)
    if isinstance(model, str) and model.isidentifier() and find_spec(model) is not None:
        return model
    return None


def resolve_model(model: str | Path | None = None) -> str | Path:
    """The trained pipeline to load, in this order: ``model`` (``--model``), the
    ``KHABAR_MODEL`` variable, the repository's ``models/khabar-fa``, the installed
    ``fa_khabar_news`` package; ``blank`` only when asked for.

    >>> resolve_model("blank")
    'blank'
    >>> resolve_model("no/such/model")
    Traceback (most recent call last):
    ...
    pipeline.errors.ModelNotFound: model not found: no/such/model (--model): a pipeline directory, an installed model package or 'blank'
    """
    for given, source in ((model, "--model"), (os.environ.get(MODEL_VARIABLE), MODEL_VARIABLE)):
        if given:
            found = _usable(given)
            if found is None:
                raise ModelNotFound(
                    f"model not found: {given} ({source}): a pipeline directory, an installed model package or '{BLANK}'"
                )
            return found
    if DEFAULT_MODEL.is_dir():
        return DEFAULT_MODEL
    if find_spec(MODEL_PACKAGE) is not None:
        return MODEL_PACKAGE
    raise ModelNotFound(f"no trained model found: {GET_A_MODEL}")


def describe_model(model: str | Path | None = None) -> str:
    """The model :func:`resolve_model` finds, its name (package or directory) and its meta.json's
    version: ``fa_khabar_news 0.1.0 (/…/site-packages/fa_khabar_news/fa_khabar_news-0.1.0)``."""
    try:
        resolved = resolve_model(model)
    except ModelNotFound as error:
        return f"none ({error})"
    if resolved == BLANK:
        return BLANK
    path = Path(resolved) if isinstance(resolved, Path) else spacy.util.get_package_path(resolved)
    if not isinstance(resolved, Path):
        path = next(path.glob(f"{resolved}-*"), path)  # the data directory inside the package
    name = resolved if not isinstance(resolved, Path) else path.name
    return f"{name} {model_version(path) or '?'} ({path})"


def model_version(directory: Path) -> str | None:
    """The ``version`` of a pipeline directory's meta.json (None without one).

    >>> model_version(DEFAULT_MODEL)
    '0.1.0'
    """
    meta = directory / "meta.json"
    return spacy.util.load_meta(meta).get("version") if meta.is_file() else None


def build_language(model: str | Path | None = None, components: dict[str, dict[str, Any]] | None = None) -> Language:
    """The full analysis pipeline on the model :func:`resolve_model` finds
    (``model="blank"``: no trained model, so no entities, never invented ones);
    ``components``: settings of the Khabar components, by name."""
    resolved = resolve_model(model)
    nlp = blank() if resolved == BLANK else spacy.load(resolved, config=_saved_settings(components, resolved))
    if nlp.config["nlp"]["tokenizer"].get("@tokenizers") == "khabar.tokenizer.v1":
        nlp.tokenizer = create_tokenizer()(nlp)  # today's rules, not the ones saved with the model
    return add_components(nlp, components)


def add_components(nlp: Language, components: dict[str, dict[str, Any]] | None = None) -> Language:
    """Add each Khabar component ``nlp`` lacks, in order: the sentence splitter first, the
    extractors last (a trained NER pipeline is saved with them, so ``spacy.load`` gives it whole).

    >>> add_components(blank()).pipe_names
    ['khabar_sentences', 'khabar_organizations', 'khabar_figures', 'khabar_quotes', 'khabar_officials']
    """
    for name in ("khabar_sentences", *EXTRACTORS):
        if name not in nlp.pipe_names:
            place = {"first": True} if name == "khabar_sentences" else {}
            nlp.add_pipe(name, config=(components or {}).get(name, {}), **place)
    return nlp


def _saved_settings(components: dict[str, dict[str, Any]] | None, model: str | Path) -> dict[str, Any]:
    """The config overrides for the components the saved pipeline of ``model`` holds (spaCy
    rejects others; they are applied as the missing components are added). An installed
    package's config is not read here, so its components keep their saved settings."""
    if not components or not isinstance(model, Path):
        return {}
    saved = spacy.util.load_config(model / "config.cfg")["components"]
    return {"components": {name: value for name, value in components.items() if name in saved}}
