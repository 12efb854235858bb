"""Spacing around punctuation: . ، ؛ ؟ : ! and « » ( ), the Latin , ? ; after Persian words
(→ ، ؟ ؛), and a space between a digit and the Persian word glued to it (۹کیلومتر).

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
LETTERS = frozenset(chr(c) for c in range(0x0621, 0x06D6) if re.match(L, chr(c)))
# تهران, اصفهان → تهران، اصفهان
LATIN_COMMA = re.compile(f"(?<={L}) ?, ?(?={L})")
# space before a closing mark (a lone full stop or colon, not an ellipsis); a » that a
# word follows opens a quote in copy with reversed guillemets (»سلام«) and keeps its space
SPACE_BEFORE_CLOSING = re.compile(f" +(?=[،؛؟!)\\]]|»(?!{L})|[.:](?![.:]))")
# space after an opening mark that does not follow a word (a « after a word closes: سلام« و)
SPACE_AFTER_OPENING = re.compile(f"((?<!{L})«|[(\\[]) +")
# a closing mark glued to a Persian word or an opening mark after it (see _after_closing)
CLOSING_THEN_WORD = re.compile(f"[،؛؟!»)\\]:.](?={L}|[«(])")
# a Latin ? or ; after a Persian word, not before Latin text or a digit: the Persian mark
LATIN_QUESTION_OR_SEMICOLON = re.compile(f"(?<={L})( ?)([?;])(?![A-Za-z0-9])")
# a » after a space and before a word, with a « open before it on the line: a closing mark
SPACED_CLOSING_GUILLEMET = re.compile(f" »(?={L})")
# a digit glued to the Persian word after it (۹کیلومتر), not an ordinal or «گانه» suffix
DIGIT_THEN_WORD = re.compile(f"(?<=[0-9۰-۹])(?!(?:ام|امین|مین|م|گانه)(?!{L}))(?={L})")
GLUED_DIGIT = re.compile(f"[0-9۰-۹]{L}")  # a fast first check for DIGIT_THEN_WORD
# a full stop glued between a Persian word and a number (گذاشتند.۱۲۹ نفر)
FULL_STOP_THEN_DIGIT = re.compile(f"\\.(?<={L}{L}\\.)(?=\\d)")
# an opening mark glued to the Persian word before it (and followed by a word)
OPENING = re.compile(f"«(?={L}|[«(])|\\(")


def _after_closing(m: re.Match) -> str:
    """``،ما`` → ``، ما``; a colon only after a word (گفت:ما), a full stop only between
    two words of two letters or more (آمدیم.او but not ه.ش)."""
    mark, text, i = m.group(0), m.string, m.start()
    if mark == ":":
        glued = i > 0 and (text[i - 1] in LETTERS or text[i - 1] in "»)") and text[i + 1] != "("
    elif mark == ".":
        glued = (
            i >= 2 and text[i - 1] in LETTERS and text[i - 2] in LETTERS
            and i + 2 < len(text) and text[i + 1] in LETTERS and text[i + 2] in LETTERS
        )
    elif mark == "»":
        glued = i > 0 and text[i - 1] != " "  # not the opening of a reversed pair
    else:
        glued = True
    return mark + " " if glued else mark


def _persian_mark(m: re.Match) -> str:
    """``چه شد ?`` → ``چه شد؟``، ``الف; ب`` → ``الف؛ ب``."""
    return "؟" if m.group(2) == "?" else "؛"


def _closing_guillemet(m: re.Match) -> str:
    """``« گوگل »اعلام`` → ``« گوگل» اعلام`` when a « is open before it on the line."""
    text, i = m.string, m.start()
    line_start = text.rfind("\n", 0, i) + 1
    opened = text.rfind("«", line_start, i) > text.rfind("»", line_start, i)
    return "» " if opened else m.group(0)


def _before_opening(m: re.Match) -> str:
    """``گفت«`` → ``گفت «``."""
    i = m.start()
    return " " + m.group(0) if i > 0 and m.string[i - 1] in LETTERS else m.group(0)


def normalize_spacing(t: TrackedText) -> TrackedText:
    """Apply the punctuation spacing rules (each skips protected spans).

    >>> normalize_spacing(TrackedText.from_raw("امام(ره) و ه.ش و کنند.وی")).text
    'امام (ره) و ه.ش و کنند. وی'
    >>> normalize_spacing(TrackedText.from_raw("گفت »سلام« و رفت")).text
    'گفت »سلام« و رفت'
    >>> normalize_spacing(TrackedText.from_raw("فروش گذاشتند.۱۲۹ نفر، ۳.۵ دلار و ه.۱")).text
    'فروش گذاشتند. ۱۲۹ نفر، ۳.۵ دلار و ه.۱'
    >>> normalize_spacing(TrackedText.from_raw("شرکت « گوگل »اعلام کرد چرا ? ۹کیلومتر و ۱۲ام و F16")).text
    'شرکت «گوگل» اعلام کرد چرا؟ ۹ کیلومتر و ۱۲ام و F16'
    """
    text = t.text
    if "," in text:
        t = t.sub(LATIN_COMMA, "، ")
    if "?" in text or ";" in text:
        t = t.sub(LATIN_QUESTION_OR_SEMICOLON, _persian_mark)
    if " »" in text:
        t = t.sub(SPACED_CLOSING_GUILLEMET, _closing_guillemet)
    if GLUED_DIGIT.search(text):
        t = t.sub(DIGIT_THEN_WORD, " ")
    t = t.sub(SPACE_BEFORE_CLOSING, "")
    if "«" in text or "(" in text or "[" in text:
        t = t.sub(SPACE_AFTER_OPENING, lambda m: m.group(1))
        t = t.sub(OPENING, _before_opening)
    if "." in text:
        t = t.sub(FULL_STOP_THEN_DIGIT, ". ")
    return t.sub(CLOSING_THEN_WORD, _after_closing)
