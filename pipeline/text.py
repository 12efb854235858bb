"""Text primitives every layer shares (no spaCy): the spelling-blind key, sentence enders.

``key(s)`` is the one of ../shared/gold/FORMAT.md, the form names are compared by: NFKC;
ي ى -> ی, ك -> ک, ة ۀ -> ه, أ إ ٱ -> ا, ؤ -> و; diacritics (U+064B-U+065F, U+0670) and
tatweel dropped; every digit to ASCII; then only letters and digits.

>>> key("سازمان‌هاي  ۱۲") == key("سازمانهای 12")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"} | {
    chr(base + i): str(i) for base in (0x06F0, 0x0660) for i in range(10)
})


def fold(text: str) -> str:
    """Same-length folding (offsets stay valid): ي ى -> ی, ك -> ک, every digit to ASCII.

    >>> fold("۲۶ هزار ميليون")
    '26 هزار میلیون'
    """
    return text.translate(_FOLD)


@lru_cache(maxsize=16_384)  # bounded; the extractors look up the same words again and again
def lookup_form(text: str) -> str:
    """The spelling a lexicon entry is looked up by: folded, without spaces and ZWNJs;
    unlike :func:`key` it keeps signs (``گروه ۵+۱``, ``%``) and letters other than ي ك.

    >>> lookup_form("متر‌ مربع"), lookup_form("گروه ۵+۱")
    ('مترمربع', 'گروه5+1')
    """
    return fold(text).replace("\u200c", "").replace(" ", "")


SENTENCE_ENDERS = (".", "!", "؟", "?")  # what ends a sentence (an ellipsis may too)
QUESTION_MARKS = ("؟", "?")
ELLIPSIS = "…"

_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و"})
_DROP = re.compile("[\u064B-\u065F\u0670\u0640]")


def _ascii_digit(ch: str) -> str:
    return str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch


@lru_cache(maxsize=16_384)  # bounded: a worker's memory stays flat over an archive
def _key(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).translate(_LETTERS)
    s = _DROP.sub("", s)
    return "".join(_ascii_digit(ch) for ch in s if ch.isalpha() or ch.isdigit())


def key(s: str | None) -> str:
    """Letters and ASCII digits of ``s`` after the FORMAT.md unification (cached: extractors
    compare the same names many times)."""
    return _key(s) if s else ""


_TOKEN_KEYS: dict[int, str] = {}
_TOKEN_KEYS_MAX = 16_384


def token_key(token) -> str:
    """``key(token.text)`` for a spaCy token, looked up by its string id: reading
    ``token.text`` builds a new string each time, and the extractors ask for the key of
    the same token many times.

    >>> from pipeline.nlp import blank
    >>> [token_key(t) for t in blank()("برنامه‌هاي ۱۲")]
    ['برنامههای', '12']
    """
    found = _TOKEN_KEYS.get(token.orth)
    if found is None:
        if len(_TOKEN_KEYS) >= _TOKEN_KEYS_MAX:  # bounded whatever the archive's vocabulary
            _TOKEN_KEYS.clear()
        found = _TOKEN_KEYS[token.orth] = key(token.text)
    return found


def is_word(token) -> bool:
    """A token with letters or digits (not punctuation, not whitespace).

    >>> from pipeline.nlp import blank
    >>> [is_word(t) for t in blank()("گفت: ۱۲")]
    [True, False, True]
    """
    return bool(token_key(token))  # whitespace has no letters or digits
