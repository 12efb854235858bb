"""The spaCy layer under the extractors: the Khabar tokenizer, the sentence splitter, the
gazetteer feature and the Doc extensions where results live (no extractor is imported here:
the components are registered in :mod:`pipeline.components`).

>>> [t.text for t in blank()("وی گفت: «سلام» و ۱۲٫۵ درصد.")]
['وی', 'گفت', ':', '«', 'سلام', '»', 'و', '۱۲٫۵', 'درصد', '.']
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from . import extensions, tokenizer  # noqa: F401  (register khabar.tokenizer.v1 and the Doc extensions)

TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "khabar.tokenizer.v1"}}}


def blank() -> Language:
    """A Persian pipeline with the Khabar tokenizer and no components."""
    return spacy.blank("fa", config=TOKENIZER_CONFIG)
