"""Split a raw article into its body and the metadata printed around it.

Footer and header lines (``- کدخبر: 1398392``, ``کپی شد``, a site-name line,
share buttons) leave the body and fill ``meta``; a lead credit such as
``به گزارش خبرنگار فارس`` stays in the body and names ``meta["agency"]``.
Patterns are data: ``lexicons/boilerplate.tsv`` and ``lexicons/credits.tsv``.

>>> layout = split_article("متن خبر.\\n- کدخبر: 1398392\\nکپی شد")
>>> layout.meta, layout.body_lines
({'news_code': '1398392'}, (1, 1))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..lexicons import load_list, load_table
from ..text import SENTENCE_ENDERS
from .characters import normalize_characters
from .offsets import TrackedText

CREDIT_LINES = 5  # a lead credit sits in the first lines of the body (after up to 4 headline lines)


SENTENCE_BREAK = re.compile(f"(?<=[{re.escape(''.join(SENTENCE_ENDERS))}])\\s+")


@dataclass(slots=True)
class ArticleLayout:
    """Where the body lies in the raw text, and what the rest of it says."""

    body_start: int
    body_end: int
    body_lines: tuple[int, int]  # 1-based, inclusive
    meta: dict[str, str] = field(default_factory=dict)


@cache
def _boilerplate_rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r["pattern"]), r["meta"] or "") for r in load_table("boilerplate"))


@cache
def _credit_rules() -> tuple[tuple[re.Pattern, str], ...]:
    agency = "|".join(re.escape(a) for a in sorted(load_list("agencies"), key=len, reverse=True))
    return tuple(
        (re.compile(r["pattern"].replace("{agency}", f"(?:{agency})")), r["meta"])
        for r in load_table("credits")
    )


def _clean(line: str) -> str:
    return normalize_characters(TrackedText.from_raw(line)).text.strip()


def _boilerplate(line: str) -> tuple[str, str] | None:
    """``(meta_key, value)`` when ``line`` is boilerplate (key ``""`` = drop only)."""
    for pattern, key in _boilerplate_rules():
        m = pattern.match(line)
        if m:
            return key, (m.group("value").strip() if "value" in pattern.groupindex else "")
    return None


def lead_credits(lines: list[str]) -> dict[str, str]:
    """Agency and desk named at the start of the first body lines.

    >>> lead_credits(["به گزارش خبرنگار اقتصادی فارس، قیمت‌ها ..."])
    {'agency': 'فارس'}
    """
    found: dict[str, str] = {}
    for line in lines[:CREDIT_LINES]:
        for sentence in SENTENCE_BREAK.split(line)[:2]:
            for pattern, key in _credit_rules():
                m = pattern.search(sentence)
                if m and key not in found:
                    found[key] = m.group("value").strip(" \"«»")
    return found


@cache
def _first_names() -> frozenset[str]:
    return frozenset(load_list("first_names"))


@cache
def _common_words() -> frozenset[str]:
    return frozenset(load_list("common_words"))


def byline_author(lines: list[str]) -> str | None:
    """A headline-area line that is only a person's name (2-4 words, the first a first name).

    >>> byline_author(["جشنواره فیلم فجر", "به فکر جشنواره‌ای خصوصی باشید", "محمد رضا باباگلی", "متن ..."])
    'محمد رضا باباگلی'
    """
    for line in lines[:CREDIT_LINES - 1]:
        words = line.split()
        if (
            2 <= len(words) <= 4
            and words[0] in _first_names()
            and not any(w in _common_words() for w in words[1:])
            and not re.search(r"[.:،؛!؟«»\d-]", line)
        ):
            return line
    return None


def split_article(raw: str) -> ArticleLayout:
    """Find the body lines of ``raw`` and collect header/footer metadata."""
    lines = raw.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    cleaned = [_clean(line) for line in lines]
    meta: dict[str, str] = {}

    def take(i: int) -> bool:
        """Consume line i if it is blank or boilerplate."""
        if not cleaned[i]:
            return True
        hit = _boilerplate(cleaned[i])
        if hit is None:
            return False
        key, value = hit
        if key and value and key not in meta:
            meta[key] = value
        return True

    first, last = 0, len(lines) - 1
    while last >= first and take(last):
        last -= 1
    while first <= last and take(first):
        first += 1
    if first > last:  # nothing but boilerplate: keep everything as body
        return ArticleLayout(0, len(raw), (1, len(lines)), meta)
    for key, value in lead_credits(cleaned[first : last + 1]).items():
        meta.setdefault(key, value)
    author = byline_author(cleaned[first : last + 1]) if last > first else None
    if author:
        meta.setdefault("author", author)
    if "agency" in meta:
        meta.setdefault("source", meta["agency"])
    body_end = offsets[last] + len(lines[last].rstrip("\r"))
    return ArticleLayout(offsets[first], body_end, (first + 1, last + 1), meta)
