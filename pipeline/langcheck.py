"""Is a text Persian? Scripts of its letters, and Persian against Arabic function words.

Runs on the raw body before any analysis: an English, Arabic or emoji-only article
gets an error instead of a junk record (``--lang-check off`` skips it).

>>> not_persian("وزیر امور خارجه در این دیدار گفت که همکاری ادامه دارد.") is None
True
>>> not_persian("The minister said on Monday that talks would go on.")
'not Persian: 100% Latin letters'
>>> not_persian("قال وزير الخارجية إن المحادثات التي جرت في الدوحة كانت مثمرة وقد تستمر")
'not Persian: reads as Arabic (5 Arabic function words, 0 Persian)'
>>> not_persian("🙂🙂🙂 !!!")
'not Persian: no letters'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from .lexicons import load_list

SAMPLE_CHARS = 20_000  # enough text to decide; a long article is not read whole
MIN_ARABIC_SCRIPT = 0.5  # share of letters in Arabic script below which a text is not Persian
MIN_ARABIC_WORDS = 3
_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
_WORD = re.compile(r"[\u0600-\u06ff]+")


def script(ch: str) -> str:
    """The script of a letter: ``arabic`` (Persian and Arabic share it), ``latin`` or ``other``.

    >>> script("پ"), script("é"), script("Ж")
    ('arabic', 'latin', 'other')
    """
    code = ord(ch)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "arabic"
    name = unicodedata.name(ch, "")
    return "latin" if name.startswith("LATIN") else "other"


@cache
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    persian = frozenset(w.translate(_FOLD) for w in load_list("function_words_fa"))
    return persian, frozenset(load_list("function_words_ar"))


def not_persian(text: str) -> str | None:
    """Why ``text`` is not Persian, or None when it is (mostly Persian letters, and not
    more Arabic function words than Persian ones)."""
    sample = text[:SAMPLE_CHARS]
    scripts = Counter(script(ch) for ch in sample if ch.isalpha())
    letters = sum(scripts.values())
    if not letters:
        return "not Persian: no letters"
    if scripts["arabic"] < MIN_ARABIC_SCRIPT * letters:
        other, count = max(((s, n) for s, n in scripts.items() if s != "arabic"), key=lambda sn: sn[1])
        name = "Latin" if other == "latin" else "non-Arabic-script"
        return f"not Persian: {round(100 * count / letters)}% {name} letters"
    persian_words, arabic_words = _function_words()
    words = _WORD.findall(sample)
    arabic = sum(w in arabic_words for w in words)
    persian = sum(w.translate(_FOLD) in persian_words for w in words)
    if arabic >= MIN_ARABIC_WORDS and arabic > 2 * persian:
        return f"not Persian: reads as Arabic ({arabic} Arabic function words, {persian} Persian)"
    return None


def reads_as_persian(text: str) -> bool:
    """Whether a decoded text looks like Persian (used to guess a file's encoding).

    >>> reads_as_persian("خبر فارسي".encode("cp1256").decode("cp1256"))
    True
    >>> reads_as_persian("café".encode("latin-1").decode("cp1256"))
    False
    """
    return not_persian(text) is None and not any("\x80" <= ch <= "\x9f" for ch in text[:SAMPLE_CHARS])
