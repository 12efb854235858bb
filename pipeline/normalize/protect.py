"""Spans no rule may change: URLs, emails, @handles, #hashtags, Latin words, numbers.

They are found once on the input and stored on the :class:`TrackedText` as raw
intervals; ``sub`` and ``translate`` then skip any change inside them, so they
come out byte-identical.

>>> [raw[a:b] for raw in ["ببینید https://www.irna.ir/news/1، رشد 12.5 درصد"]
...  for a, b in find_protected(raw)]
['https://www.irna.ir/news/1', '12.5']
"""

from __future__ import annotations

import re

from .characters import INVISIBLE_CHARS

Interval = tuple[int, int]

_URL = r"(?:(?:https?|ftp)://|www\.)[^\s<>«»\"'()\[\]{}،؛]+"
_EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
_HANDLE = r"(?<![\w@])@[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*"
# a "#" right after a mark the normalizer deletes (characters.INVISIBLE; a ZWNJ there is stray,
# so dropped too) is no hashtag start: once the mark is gone it follows a letter («می\u200f#خبر»)
_HASHTAG = rf"(?<![\w#{INVISIBLE_CHARS}\u200c])#[\w\u200c]+"
# a Latin word with its inner joiners and digits: COVID-19, U.S., irna.ir, Wi-Fi
_LATIN = r"[A-Za-z][A-Za-z0-9]*(?:[\-_.'’&/+][A-Za-z0-9]+)*\.?"
# a number with its separators: 12.5, 1,200, ۱۴۰۲/۰۵/۱۲, 10:30, ۲٫۵
_NUMBER = r"\d+(?:[.,/:٫٬\-]\d+)+"

PROTECTED = re.compile("|".join([_URL, _EMAIL, _HANDLE, _HASHTAG, _LATIN, f"(?P<number>{_NUMBER})"]))
_TRAILING = ".,;:!?)]}'\"،؛؟"
# every protected span holds one of these; most Persian paragraphs hold none
CANDIDATE = re.compile(r"[A-Za-z@#]|\d[.,/:٫٬\-]\d")


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
    for m in PROTECTED.finditer(text):
        a, b = m.span()
        token = m.group(0)
        if token[0] in "hHwWfF" and ("://" in token or token[:4].lower() == "www."):
            b -= len(token) - len(token.rstrip(_TRAILING))  # a URL ending a sentence
        elif token.endswith(".") and len(token.rsplit(".", 2)[-2].rsplit(".", 1)[-1]) > 1:
            b -= 1  # "... in Tehran." : the full stop is punctuation (kept in "U.S.")
        if b > a:
            (numbers if m.group("number") else opaque).append((base + a, base + b))
    return opaque, numbers


def find_protected(text: str, base: int = 0) -> list[Interval]:
    """Raw intervals of every protected span in ``text`` (sorted, disjoint).

    >>> raw = "کاربر @irna_fa و ایمیل info@irna.ir و COVID-19"
    >>> [raw[a:b] for a, b in find_protected(raw)]
    ['@irna_fa', 'info@irna.ir', 'COVID-19']
    """
    opaque, numbers = find_spans(text, base)
    return sorted(opaque + numbers)
