"""``khabar train ner``: the shipped NER pipeline, reproduced from a kept config.

The config (``models/training/ner.cfg``) names the data itself: its corpora use
the ``khabar.ner_corpus.v1`` reader, which converts corpus files from
../shared/corpora on the fly (normalized like run-time text), so
``train_ner(config, output)`` needs no prepared files. Seed fixed in the config.

>>> train_ner(Path("models/training/ner.cfg"), Path("models/khabar-fa"))  # doctest: +SKIP
PosixPath('models/khabar-fa')
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example

from ..analysis import add_components
from ..corpora import convert, resolve_corpus, split_spec
from ..nlp import tokenizer  # noqa: F401  (registers khabar.tokenizer.v1)
from ..paths import REPO, SHARED_CORPORA

DEFAULT_CONFIG = REPO / "models" / "training" / "ner.cfg"
DEFAULT_OUTPUT = REPO / "models" / "khabar-fa"


@spacy.registry.readers("khabar.ner_corpus.v1")
def create_ner_corpus(
    files: list[str],
    labels: list[str] | None = None,
    limit: int = 0,
    root: str = "",
) -> Callable[[Language], Iterator[Example]]:
    """Examples from corpus files (``peyma/train.txt`` ... relative to ``root``,
    default ../shared/corpora); ``limit`` > 0 keeps the first sentences of each file.
    ``"arman/test_fold1.txt:PER"`` takes only PER from that file (other entities missing).

    Reference Docs are built once and kept; each epoch gets fresh predicted Docs.
    """
    base = Path(root) if root else SHARED_CORPORA
    cache: list = []

    def read(nlp: Language) -> Iterator[Example]:
        if not cache:
            for spec in files:
                name, trusted = split_spec(spec)
                cache.extend(convert(nlp, resolve_corpus(name, base), labels, limit, trusted))
        for reference in cache:
            yield Example(nlp.make_doc(reference.text), reference)

    return read


def _path_overrides(config: Path, given: dict) -> dict:
    """``paths.vectors`` and ``paths.init_tok2vec`` of ``config`` made absolute (relative to the
    repository) unless ``given`` sets them, so training runs from any directory. Missing
    vectors: the shipped model's table, else built by :func:`pipeline.train.vectors.build_vectors`."""
    paths = spacy.util.load_config(config).get("paths", {})
    overrides = {}
    if (init_tok2vec := paths.get("init_tok2vec")) and "paths.init_tok2vec" not in given:
        overrides["paths.init_tok2vec"] = str(REPO / init_tok2vec)
    if (vectors := paths.get("vectors")) and "paths.vectors" not in given:
        overrides.update(_vectors_path(REPO / vectors))
    return overrides


def _vectors_path(path: Path) -> dict:
    """``{"paths.vectors": ...}``: ``path`` when built, else the shipped model or a fresh build."""
    if not path.exists() and (DEFAULT_OUTPUT / "vocab" / "vectors").exists():
        # the shipped model carries the very table it was trained with: reuse it, so a
        # fresh clone retrains the same model (rebuilding would re-normalize news-raw)
        return {"paths.vectors": str(DEFAULT_OUTPUT)}
    if not path.exists():
        from .vectors import build_vectors

        build_vectors(path.parent)
    return {"paths.vectors": str(path)}


def train_ner(
    config: Path, output: Path, *, overrides: dict | None = None, best: bool = True
) -> Path:
    """Train the pipeline of ``config`` and save its best model (PEYMA dev F1) at ``output``.

    ``overrides``: dotted config keys, e.g. ``{"training.max_epochs": 1}``.
    ``best=False`` keeps the last model instead (cross-validation, where no dev
    set may choose among checkpoints). Returns ``output``: the trained components and the
    Khabar ones (:func:`pipeline.analysis.add_components`), loadable with ``spacy.load`` once
    ``pipeline.components`` is imported.
    """
    from spacy.cli.train import train as spacy_train

    config, output = Path(config), Path(output)
    overrides = dict(overrides or {})
    overrides.update(_path_overrides(config, overrides))
    with tempfile.TemporaryDirectory(prefix="khabar-ner-") as work:
        spacy_train(config, Path(work), overrides=overrides)
        chosen = Path(work) / ("model-best" if best else "model-last")
        if not chosen.exists():
            chosen = Path(work) / "model-last"
        if output.exists():
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        # saved whole: the trained components and Khabar's, so spacy.load gives the pipeline
        add_components(spacy.load(chosen)).to_disk(output)
    return output
