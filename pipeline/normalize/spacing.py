"""Spacing around punctuation: . ، ؛ ؟ : ! and « » ( ), and the Latin comma between Persian words.

No space before a closing mark, one after it when a Persian word follows; none
inside « » and ( ), one outside. Full stops only get a space between two
Persian words of two letters or more, so abbreviations (ه.ش، ج.ا.ا) and
numbers (protected anyway) stay as they are. Newlines are never touched.

>>> from pipeline.normalize.offsets import TrackedText
>>> normalize_spacing(TrackedText.from_raw("وی گفت :« سلام » ،ما آمدیم.او رفت")).text
'وی گفت: «سلام»، ما آمدیم. او رفت'
"""

from __future__ import annotations

import re

from .characters import LETTER
from .offsets import TrackedText

L = f"[{LETTER}]"
# تهران, اصفهان → تهران، اصفهان
LATIN_COMMA = re.compile(f"(?<={L}) ?, ?(?={L})")
# space before a closing mark (a lone full stop or colon, not an ellipsis)
SPACE_BEFORE_CLOSING = re.compile(r" +(?=[،؛؟!»)\]]|[.:](?![.:]))")
SPACE_AFTER_OPENING = re.compile(r"(?<=[«(\[]) +")
# a missing space after a closing mark, before a Persian word or an opening mark
SPACE_AFTER_CLOSING = re.compile(
    f"(?<=[،؛؟!»)\\]])(?={L}|[«(])|(?<=[{LETTER}»)]:)(?={L}|«)|(?<={L}{{2}}\\.)(?={L}{{2}})"
)
# a missing space before an opening mark that follows a Persian word
SPACE_BEFORE_OPENING = re.compile(f"(?<={L})(?=[«(])")


def normalize_spacing(t: TrackedText) -> TrackedText:
    """Apply the punctuation spacing rules (each skips protected spans).

    >>> normalize_spacing(TrackedText.from_raw("امام(ره) و ه.ش و کنند.وی")).text
    'امام (ره) و ه.ش و کنند. وی'
    """
    text = t.text
    if "," in text:
        t = t.sub(LATIN_COMMA, "، ")
    t = t.sub(SPACE_BEFORE_CLOSING, "")
    t = t.sub(SPACE_AFTER_OPENING, "")
    t = t.sub(SPACE_AFTER_CLOSING, " ")
    return t.sub(SPACE_BEFORE_OPENING, " ")
