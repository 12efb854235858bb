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

Interval = tuple[int, int]

_URL = r"(?:(?:https?|ftp)://|www\.)[^\s<>«»\"'()\[\]{}،؛]+"
_EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
_HANDLE = r"(?<![\w@])@[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*"
_HASHTAG = r"(?<![\w#])#[\w\u200c]+"
# a Latin word with its inner joiners and digits: COVID-19, U.S., irna.ir, Wi-Fi
_LATIN = r"[A-Za-z][A-Za-z0-9]*(?:[\-_.'’&/+][A-Za-z0-9]+)*\.?"
# a number with its separators: 12.5, 1,200, ۱۴۰۲/۰۵/۱۲, 10:30, ۲٫۵
_NUMBER = r"\d+(?:[.,/:٫٬\-]\d+)+"

PROTECTED = re.compile("|".join([_URL, _EMAIL, _HANDLE, _HASHTAG, _LATIN, _NUMBER]))
# a number or Latin word: digit conversion may still touch the digits of the former
OPAQUE = re.compile("|".join([_URL, _EMAIL, _HANDLE, _HASHTAG, _LATIN]))
_TRAILING = ".,;:!?)]}'\"،؛؟"
# every protected span holds one of these; most Persian paragraphs hold none
CANDIDATE = re.compile(r"[A-Za-z@#]|\d[.,/:٫٬\-]\d")


def _spans(regex: re.Pattern, text: str, base: int) -> list[Interval]:
    spans: list[Interval] = []
    if CANDIDATE.search(text) is None:
        return spans
    for m in regex.finditer(text):
        a, b = m.span()
        token = m.group(0)
        if token[0] in "hHwWfF" and ("://" in token or token[:4].lower() == "www."):
            b -= len(token) - len(token.rstrip(_TRAILING))  # a URL ending a sentence
        elif token.endswith(".") and len(token.rsplit(".", 2)[-2].rsplit(".", 1)[-1]) > 1:
            b -= 1  # "... in Tehran." : the full stop is punctuation (kept in "U.S.")
        if b > a:
            spans.append((base + a, base + b))
    return spans


def find_protected(text: str, base: int = 0) -> list[Interval]:
    """Raw intervals of every protected span in ``text`` (sorted, disjoint).

    >>> raw = "کاربر @irna_fa و ایمیل info@irna.ir و COVID-19"
    >>> [raw[a:b] for a, b in find_protected(raw)]
    ['@irna_fa', 'info@irna.ir', 'COVID-19']
    """
    return _spans(PROTECTED, text, base)


def find_opaque(text: str, base: int = 0) -> list[Interval]:
    """Protected spans other than bare numbers (digit conversion leaves these alone).

    >>> raw = "COVID-19 در 1402/05/12"
    >>> [raw[a:b] for a, b in find_opaque(raw)]
    ['COVID-19']
    """
    return _spans(OPAQUE, text, base)
