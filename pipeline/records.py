"""The output record (../shared/gold/RECORD.md): typed dataclasses, built once from a Doc.

Offsets (``start``/``end``) index the normalized ``Article.text``;
``raw_start``/``raw_end`` index the raw input as read (file or row text).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from .normalize import ArticleLayout, TrackedText


@dataclass(slots=True)
class OrganizationMention:
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    quote: int | None = None  # index into Article.quotes when the mention stands inside a quote


@dataclass(slots=True)
class Organization:
    name: str  # the fullest form the article gives («سازمان بهزیستی»)
    key: str  # spelling-blind, type word and «کشور» folded: the same body across articles («بهزیستی»)
    mentions: list[OrganizationMention]


@dataclass(slots=True)
class Figure:
    text: str
    value: float | int
    kind: str  # money | percent | count | measure | other
    unit: str | None
    quantity: str | None
    start: int
    end: int
    raw_start: int
    raw_end: int
    sentence: int
    qualifier: str | None = None  # بیش از، حدود، نزدیک به ...
    quote: int | None = None  # index into Article.quotes when stated inside a quote
    speaker: str | None = None


@dataclass(slots=True)
class Quote:
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    kind: str  # direct | indirect
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    sentence: int


@dataclass(slots=True)
class Official:
    name: str
    title: str | None
    organization: str | None
    quotes: int = 0


@dataclass(slots=True)
class Article:
    id: str
    meta: dict[str, str] = field(default_factory=dict)
    text: str = ""
    body_lines: tuple[int, int] | None = None  # 1-based inclusive lines of the raw input
    sentences: list[tuple[int, int]] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # processed, but note this (a renamed duplicate id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def failed(cls, article_id: str, *errors: str, meta: dict | None = None) -> Article:
        """The record of an article that could not be processed."""
        return cls(id=article_id, meta=meta or {}, errors=list(errors))


def _sentence_index(sentence_starts: list[int], char: int) -> int:
    """Index of the sentence holding character ``char``."""
    return max(0, bisect_right(sentence_starts, char) - 1)


def _span_offsets(span: Span, tracked: TrackedText) -> dict[str, int]:
    """``start``/``end`` in the normalized text and ``raw_start``/``raw_end`` in the input."""
    raw_start, raw_end = tracked.to_raw(span.start_char, span.end_char)
    return {"start": span.start_char, "end": span.end_char, "raw_start": raw_start, "raw_end": raw_end}


def _sentence_bounds(sent: Span) -> tuple[int, int]:
    """Character span of a sentence without the whitespace that trails it."""
    words = [t for t in sent if not t.is_space] or list(sent)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _quote_index(quotes: list[Quote], span: Span) -> int | None:
    """Index of the quote that contains ``span``, if any."""
    return next((i for i, q in enumerate(quotes) if q.start <= span.start_char and span.end_char <= q.end), None)


def article_from_doc(
    article_id: str, doc: Doc, tracked: TrackedText, layout: ArticleLayout
) -> Article:
    """Turn an analyzed Doc into an :class:`Article` (the one place this happens)."""
    sentences = [_sentence_bounds(s) for s in doc.sents]
    starts = [start for start, _ in sentences]
    quotes = [
        Quote(
            speaker=span._.speaker,
            speaker_mention=span._.speaker_mention,
            cue=span._.cue,
            kind=span.label_,
            text=span.text,
            sentence=_sentence_index(starts, span.start_char),
            **_span_offsets(span, tracked),
        )
        for span in doc.spans.get("quotes", [])
    ]
    organizations = [
        Organization(org["name"], org["key"], [
            OrganizationMention(span.text, **_span_offsets(span, tracked), quote=_quote_index(quotes, span))
            for span in org["mentions"]
        ])
        for org in doc._.organizations
    ]
    figures = []
    for span in doc.spans.get("figures", []):
        info = span._.figure
        quote_index = _quote_index(quotes, span)
        figures.append(
            Figure(
                text=span.text,
                value=info["value"],
                kind=span.label_,
                unit=info.get("unit"),
                quantity=info.get("quantity"),
                sentence=_sentence_index(starts, span.start_char),
                qualifier=info.get("qualifier"),
                quote=quote_index,
                speaker=quotes[quote_index].speaker if quote_index is not None else None,
                **_span_offsets(span, tracked),
            )
        )
    officials = [Official(**o) for o in doc._.officials]
    return Article(
        id=article_id,
        meta=dict(layout.meta),
        text=doc.text,
        body_lines=layout.body_lines,
        sentences=sentences,
        organizations=organizations,
        figures=figures,
        quotes=quotes,
        officials=officials,
    )
