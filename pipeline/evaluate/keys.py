"""``key(s)`` of ../shared/gold/FORMAT.md: the spelling-blind form names are compared by.

NFKC; ي ى -> ی, ك -> ک, ة ۀ -> ه, أ إ ٱ -> ا, ؤ -> و; diacritics (U+064B-U+065F,
U+0670) and tatweel dropped; every digit to ASCII; then only letters and digits.

>>> key("سازمان‌هاي  ۱۲") == key("سازمانهای 12")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و"})
_DROP = re.compile("[\u064B-\u065F\u0670\u0640]")


def _ascii_digit(ch: str) -> str:
    return str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch


@lru_cache(maxsize=200_000)
def _key(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).translate(_LETTERS)
    s = _DROP.sub("", s)
    return "".join(_ascii_digit(ch) for ch in s if ch.isalpha() or ch.isdigit())


def key(s: str | None) -> str:
    """Letters and ASCII digits of ``s`` after the FORMAT.md unification (cached: extractors
    compare the same names many times)."""
    return _key(s) if s else ""
