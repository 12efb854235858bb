"""Persian news normalization with an offset map back to the raw input.

>>> normalize("كتاب هاي ٢٣ ســال")
'کتاب های ۲۳ سال'
"""

from __future__ import annotations

from .boilerplate import ArticleLayout, split_article
from .characters import normalize_characters
from .offsets import TrackedText

__all__ = ["ArticleLayout", "TrackedText", "normalize", "normalize_tracked", "split_article"]


def normalize_tracked(raw: str, base: int = 0) -> TrackedText:
    """Normalize ``raw``, keeping for each output character its raw span.

    ``base`` is added to every raw offset (use the body's start in the article).
    """
    return normalize_characters(TrackedText.from_raw(raw, base))


def normalize(raw: str) -> str:
    """Normalized text of ``raw`` (no offsets)."""
    return normalize_tracked(raw).text
