"""Character-level rules: letters, digits, invisible marks and spaces.

>>> from pipeline.normalize.offsets import TrackedText
>>> normalize_characters(TrackedText.from_raw("كتاب هاي ٢٣ ســال")).text
'کتاب های ۲۳ سال'
"""

from __future__ import annotations

import re
import unicodedata

from .offsets import TrackedText

# Arabic letter variants -> the Persian letter (same length, offsets unchanged).
LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ٮ": "ب", "ڪ": "ک", "ھ": "ه"})
# Arabic-Indic digits -> Persian (Extended Arabic-Indic) digits.
DIGITS = str.maketrans({chr(0x0660 + i): chr(0x06F0 + i) for i in range(10)})

PRESENTATION_FORMS = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]")
# diacritics (harakat, superscript alef), tatweel, bidi controls, BOM, soft hyphen
INVISIBLE = re.compile("[\u064B-\u065F\u0670\u0640\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]")
SPACES = re.compile("[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+")
LINE_EDGE_SPACES = re.compile("(?m)^ +| +$")
CARRIAGE_RETURNS = re.compile("\r\n?")


def _nfkc(m: re.Match) -> str:
    return unicodedata.normalize("NFKC", m.group(0))


def normalize_characters(t: TrackedText) -> TrackedText:
    """Unify letters and digits, drop invisible marks, squeeze spaces."""
    t = t.sub(CARRIAGE_RETURNS, "\n")
    t = t.sub(PRESENTATION_FORMS, _nfkc)
    t = t.translate(LETTERS).translate(DIGITS)
    t = t.sub(INVISIBLE, "")
    t = t.sub(SPACES, " ")
    return t.sub(LINE_EDGE_SPACES, "")
