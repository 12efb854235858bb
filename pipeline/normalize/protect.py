"""Spans no rule may change: URLs, emails, @handles, #hashtags, Latin words, numbers.

They are found once on the input and stored on the :class:`TrackedText` as raw
intervals; ``sub`` and ``translate`` then skip any change inside them, so they
come out byte-identical.

They are found as if the characters the normalizer deletes were already gone
(invisible marks, presentation forms of a lone diacritic, stray ZWNJs), so the
spans found on the raw text are the spans found again on the normalized text:
``Tehran\u200fwww.irna.ir`` is one Latin word, as ``Tehranwww.irna.ir`` is. Such
a character inside a span is left out of the span's raw intervals.

>>> [raw[a:b] for raw in ["ببینید https://www.irna.ir/news/1، رشد 12.5 درصد"]
...  for a, b in find_protected(raw)]
['https://www.irna.ir/news/1', '12.5']
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right

from .characters import INVISIBLE, INVISIBLE_CHARS, LETTER

Interval = tuple[int, int]

# an Arabic-script character (letter, digit, presentation form) ends a URL, and so does a
# "#" opening a Persian hashtag: «www.irna.irمی» is a URL and a word, and the word is
# normalized; «www.irna.ir.#خبر» (once «www.irna.ir .#خبر» loses its space) a URL, a full
# stop and a hashtag
_ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_URL = (
    rf"(?:(?:https?|ftp)://|www\.)"
    rf"(?:[^\s<>«»\"'()\[\]{{}}#{_ARABIC_SCRIPT}]|#(?![\w\u200c]*[{_ARABIC_SCRIPT}]))+"
)
_EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
_HANDLE = r"(?<![\w@])@[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*"
# (a "#" after a mark or a stray ZWNJ is judged by what stands before them: see _view)
_HASHTAG = r"(?<![\w#])#[\w\u200c]+"
# a Latin word with its inner joiners and digits: COVID-19, U.S., irna.ir, Wi-Fi
_LATIN = r"[A-Za-z][A-Za-z0-9]*(?:[\-_.'’&/+][A-Za-z0-9]+)*\.?"
# a number with its separators: 12.5, 1,200, ۱۴۰۲/۰۵/۱۲, 10:30, ۲٫۵
_NUMBER = r"\d+(?:[.,/:٫٬\-]\d+)+"

PROTECTED = re.compile("|".join([_URL, _EMAIL, _HANDLE, _HASHTAG, _LATIN, f"(?P<number>{_NUMBER})"]))
_TRAILING = ".,;:!?)]}'\"،؛؟"
# What the normalizer deletes, whatever stands around it: invisible marks, and the
# presentation forms of a diacritic (ﹰ), which NFKC turns into one (characters._nfkc)
_VANISHING = "".join(
    c for c in map(chr, [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)])
    if INVISIBLE.sub("", unicodedata.normalize("NFKC", c)).strip(" ") == ""
)
_GONE = f"{INVISIBLE_CHARS}{_VANISHING}"
_DELETED = re.compile(f"[{_GONE}]")
# ... and a ZWNJ that, once the marks are gone, does not stand between two letters
# (zwnj.clean_zwnj; written to start with the ZWNJ, which the regex engine scans for fast)
_ARABIC_LETTER = f"{LETTER}\ufb50-\ufdff\ufe70-\ufefe"
_LOOSE_ZWNJ = re.compile(f"\u200c(?:(?<![\u200c{_ARABIC_LETTER}]\u200c)|\u200c*(?![\u200c{_ARABIC_LETTER}]))")
_GAP_RUN = re.compile(f"[\u200c{_GONE}]+")
_LETTER_AT = re.compile(f"[{_ARABIC_LETTER}]")
# every protected span holds one of these (a number maybe split by deleted characters:
# 1\u200f.5); most Persian paragraphs hold none
_GAP = f"[{_GONE}\u200c]*"
CANDIDATE = re.compile(f"[A-Za-z@#]|\\d{_GAP}[.,/:٫٬\\-]{_GAP}\\d")


def find_spans(text: str, base: int = 0) -> tuple[list[Interval], list[Interval]]:
    """``(opaque, numbers)``: URLs, emails, handles, hashtags and Latin words; numbers.

    Digit conversion (٣ → ۳, or the ``digits=`` option) may touch a number's
    digits, never an opaque span.

    >>> raw = "COVID-19 در 1402/05/12"
    >>> [[raw[a:b] for a, b in spans] for spans in find_spans(raw)]
    [['COVID-19'], ['1402/05/12']]
    """
    opaque: list[Interval] = []
    numbers: list[Interval] = []
    if CANDIDATE.search(text) is None:
        return opaque, numbers
    view, kept = _view(text)
    for m in PROTECTED.finditer(view):
        a, b = m.span()
        token = m.group(0)
        if token[0] in "hHwWfF" and ("://" in token or token[:4].lower() == "www."):
            b -= len(token) - len(token.rstrip(_TRAILING))  # a URL ending a sentence
        elif token.endswith(".") and len(token.rsplit(".", 2)[-2].rsplit(".", 1)[-1]) > 1:
            b -= 1  # "... in Tehran." : the full stop is punctuation (kept in "U.S.")
        if b > a:
            spans = numbers if m.group("number") else opaque
            if kept is None:
                spans.append((base + a, base + b))
            else:
                spans.extend((base + x, base + y) for x, y in _runs(kept, a, b))
    return opaque, numbers


def _view(text: str) -> tuple[str, list[tuple[int, int, int]] | None]:
    """``text`` without the characters the normalizer deletes, and the runs of ``text``
    it keeps: ``(start in the view, start, end in text)`` (None when nothing is deleted).

    >>> _view("Tehran\u200fwww \u200c#خبر")
    ('Tehranwww #خبر', [(0, 0, 6), (6, 7, 11), (10, 12, 16)])
    """
    if _DELETED.search(text) is None and _LOOSE_ZWNJ.search(text) is None:
        return text, None
    runs: list[tuple[int, int, int]] = []
    size = 0

    def keep(start: int, end: int) -> None:
        nonlocal size
        if runs and runs[-1][2] == start:
            runs[-1] = (runs[-1][0], runs[-1][1], end)
        elif end > start:
            runs.append((size, start, end))
        size += end - start

    last = 0
    for m in _GAP_RUN.finditer(text):  # marks and ZWNJs, as many as stand together
        a, b = m.span()
        keep(last, a)
        if "\u200c" in m.group() and a > 0 and _LETTER_AT.match(text, a - 1) and _LETTER_AT.match(text, b):
            for z in re.finditer("\u200c+", m.group()):  # between two letters: the ZWNJs stay
                keep(a + z.start(), a + z.end())
        last = b
    keep(last, len(text))
    return "".join(text[i:j] for _, i, j in runs), runs


def _runs(runs: list[tuple[int, int, int]], a: int, b: int) -> list[Interval]:
    """The intervals of the text behind ``view[a:b]`` (``runs`` from :func:`_view`).

    >>> _runs([(0, 0, 6), (6, 7, 11), (10, 12, 16)], 4, 8)
    [(4, 6), (7, 9)]
    """
    k = bisect_right(runs, (a, math.inf)) - 1  # the run view[a] is in
    found: list[Interval] = []
    for start, i, j in runs[max(k, 0) :]:
        if start >= b:
            break
        lo, hi = i + max(a - start, 0), min(j, i + b - start)
        if hi > lo:
            found.append((lo, hi))
    return found


def find_protected(text: str, base: int = 0) -> list[Interval]:
    """Raw intervals of every protected span in ``text`` (sorted, disjoint).

    >>> raw = "کاربر @irna_fa و ایمیل info@irna.ir و COVID-19"
    >>> [raw[a:b] for a, b in find_protected(raw)]
    ['@irna_fa', 'info@irna.ir', 'COVID-19']
    """
    opaque, numbers = find_spans(text, base)
    return sorted(opaque + numbers)
