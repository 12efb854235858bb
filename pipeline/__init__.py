"""Khabar (خبر): Persian news -> one structured record per article.

>>> import pipeline
>>> nlp = pipeline.load()
>>> record = nlp.process("علیرضا وارثی گفت: ۱۱۰ هزار مددجو تحت پوشش هستند.", id="x")
>>> record.id
'x'

The names below are imported when first used, so importing a leaf module
(``pipeline.limits``, ``pipeline.normalize``) does not load spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .normalize import normalize  # no spaCy; binds the function over the subpackage's name

if TYPE_CHECKING:
    from .core import Pipeline, load
    from .readers import RawArticle
    from .records import Article

_LAZY = {"Pipeline": "core", "load": "core", "RawArticle": "readers", "Article": "records"}

__all__ = ["Article", "Pipeline", "RawArticle", "load", "normalize"]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
