"""Character-level rules: letters, digits, invisible marks and spaces.

Policy (one per letter):

- ي ى ۍ ې ے ێ → ی ؛ ك ڪ → ک ؛ ګ ڱ → گ ؛ ھ ە ة ۃ → ه ؛ ٱ → ا ؛ ئ ؤ أ إ kept.
- ۀ and ه + hamza above (هٔ), the written ezafe, → ه‌ی (خانۀ من → خانه‌ی من).
- Arabic presentation forms → their letters (NFKC); diacritics, kashida, bidi
  and invisible marks dropped.
- Arabic-Indic digits (٠-٩) → Persian (۰-۹); Latin digits kept unless
  ``digits="fa"`` (→ Persian) or ``digits="en"`` (→ Latin) asks otherwise.
- A no-break space inside a word (between two letters) is kept for the ZWNJ
  rules to decide on (see :mod:`.zwnj`); any other run of spaces becomes one space.

>>> from pipeline.normalize.offsets import TrackedText
>>> normalize_characters(TrackedText.from_raw("كتاب هاي ٢٣ ســال")).text
'کتاب های ۲۳ سال'
"""

from __future__ import annotations

import re
import unicodedata

from .offsets import TrackedText

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

# Arabic letter variants -> the Persian letter (same length, offsets unchanged).
# Look-alikes of other Arabic-script alphabets too: Urdu ے (خوبے), Kurdish ێ, Pashto ګ and ڱ,
# Urdu ۃ (a teh marbuta goal).
LETTERS = str.maketrans({
    "ي": "ی", "ى": "ی", "ۍ": "ی", "ې": "ی", "ے": "ی", "ێ": "ی", "ك": "ک", "ڪ": "ک", "ٮ": "ب",
    "ګ": "گ", "ڱ": "گ", "ھ": "ه", "ە": "ه", "ة": "ه", "ۃ": "ه", "ٱ": "ا",
} | {a: p for a, p in zip(ARABIC_DIGITS, PERSIAN_DIGITS, strict=True)})
TO_PERSIAN_DIGITS = str.maketrans(LATIN_DIGITS, PERSIAN_DIGITS)
TO_LATIN_DIGITS = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)

# Unicode line separators other than \n would split a line for str.splitlines.
LINE_BREAKS = re.compile("\r\n|[\r\v\f\x1c-\x1e\x85\u2028\u2029]")
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
# hamza written as a combining mark over its seat: هٔ is the ezafe
HAMZA_ABOVE = re.compile("([هۀیيىوا])\u0654|ا\u0655")
HAMZA_SEATS = {"ه": "ه\u200cی", "ۀ": "ه\u200cی", "ی": "ئ", "ي": "ئ", "ى": "ئ", "و": "ؤ", "ا": "أ"}
HEH_YEH = re.compile("ۀ")
# diacritics (harakat, superscript alef), tatweel, bidi controls, BOM, soft hyphen,
# zero-width space/joiner, word joiner, Arabic letter mark
INVISIBLE_CHARS = (
    "\u064b-\u065f\u0670\u0640\u061c\u200b\u200d\u200e\u200f\u202a-\u202e"
    "\u2060\u2066-\u2069\ufeff\u00ad"
)
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]+")
NO_BREAK = "\u00a0\u202f"
_SPACE_CHARS = " \t\u00a0\u2000-\u200a\u202f\u205f\u3000"
# a run of spaces that needs a change: longer than one, or not a plain space
# (written to start with a character class, which the regex engine scans for fast)
SPACE_RUN = re.compile(f"[{_SPACE_CHARS}](?:[{_SPACE_CHARS}]+|(?<=[\t\u2000-\u200a\u205f\u3000]))")
LONE_NO_BREAK = re.compile("[\u00a0\u202f]")
LINE_EDGE_SPACES = re.compile("\n +| +(?=\n|\\Z)")
DOUBLE_SPACE = re.compile(" {2,}")
TEXT_START_SPACES = re.compile("\\A +")
LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5"
_WORD_INSIDE = re.compile(f"[{LETTER}]")


def _nfkc(m: re.Match) -> str:
    """Presentation forms to plain letters; a lone diacritic form vanishes.

    >>> _nfkc(re.match(".+", "ﻻ"))
    'لا'
    """
    text = unicodedata.normalize("NFKC", m.group(0))
    return INVISIBLE.sub("", text).strip(" ")


def _hamza(m: re.Match) -> str:
    """هٔ → ه‌ی، یٔ → ئ، ؤ → ؤ، أ → أ، إ → إ."""
    if m.group(1) is None:
        return "إ"
    return HAMZA_SEATS[m.group(1)]


def _no_break(m: re.Match) -> str:
    """A no-break space between two letters stays (a ZWNJ candidate), otherwise a space.

    >>> t = TrackedText.from_raw("مي\u00a0شود \u00a0و")
    >>> _squeeze_spaces(t).text == "مي\u00a0شود و"
    True
    """
    text, i = m.string, m.start()
    inside = (
        i > 0 and i + 1 < len(text)
        and _WORD_INSIDE.match(text, i - 1) is not None
        and _WORD_INSIDE.match(text, i + 1) is not None
    )
    return "\u00a0" if inside else " "


def _squeeze_spaces(t: TrackedText, keep_no_break: bool = True) -> TrackedText:
    """Runs of spaces → one space; a lone no-break space is judged by :func:`_no_break`
    (or made a plain space when ``keep_no_break`` is false)."""
    t = t.sub(SPACE_RUN, " ")
    if "\u00a0" in t.text or "\u202f" in t.text:
        t = t.sub(LONE_NO_BREAK, _no_break if keep_no_break else " ")
    return t


def normalize_line_breaks(t: TrackedText) -> TrackedText:
    r"""``\r\n`` → ``\n``; other line separators → space (never adds or removes a ``\n``)."""
    return t.sub(LINE_BREAKS, lambda m: "\n" if m.group(0) == "\r\n" else " ")


def normalize_letters(t: TrackedText, digits: str | None = None) -> TrackedText:
    """Letters to one Persian form, presentation forms unfolded, digits by policy.

    >>> normalize_letters(TrackedText.from_raw("خانۀ ﺑﺎﻧﻚ ٢٣ و 23"), digits="fa").text
    'خانه\u200cی بانک ۲۳ و ۲۳'
    """
    if PRESENTATION_FORMS.search(t.text):
        t = t.sub(PRESENTATION_FORMS, _nfkc)
    if "\u0654" in t.text or "\u0655" in t.text:
        t = t.sub(HAMZA_ABOVE, _hamza)
    if "ۀ" in t.text:
        t = t.sub(HEH_YEH, "ه\u200cی")
    t = t.translate(LETTERS)
    if digits == "fa":
        t = t.translate(TO_PERSIAN_DIGITS)
    elif digits == "en":
        t = t.translate(TO_LATIN_DIGITS)
    elif digits is not None:
        raise ValueError(f"digits must be None, 'fa' or 'en', not {digits!r}")
    return t


def normalize_marks_and_spaces(t: TrackedText, keep_no_break: bool = False) -> TrackedText:
    """Drop invisible marks, squeeze spaces, trim line edges.

    >>> normalize_marks_and_spaces(TrackedText.from_raw(" اِعلام\u200f  شد ")).text
    'اعلام شد'
    """
    t = t.sub(INVISIBLE, "")
    t = _squeeze_spaces(t, keep_no_break)
    return _trim_lines(t)


def tidy_spaces(t: TrackedText) -> TrackedText:
    """Last pass: one space where later rules left two, none at a line's edges.

    >>> tidy_spaces(TrackedText.from_raw("شدند \\nو  در")).text
    'شدند\\nو در'
    """
    if "  " in t.text:
        t = t.sub(DOUBLE_SPACE, " ")
    return _trim_lines(t)


def _trim_lines(t: TrackedText) -> TrackedText:
    """No space at the start or end of a line."""
    text = t.text
    if " \n" in text or "\n " in text or text.endswith(" "):  # most texts have none: skip the scan
        t = t.sub(LINE_EDGE_SPACES, lambda m: "\n" if m.group(0)[0] == "\n" else "")
    return t.sub(TEXT_START_SPACES, "") if t.text.startswith(" ") else t


def normalize_characters(t: TrackedText, digits: str | None = None) -> TrackedText:
    """Unify letters and digits, drop invisible marks, squeeze spaces (no ZWNJ or punctuation rules)."""
    t = normalize_line_breaks(t)
    t = normalize_letters(t, digits)
    return normalize_marks_and_spaces(t)
