"""The tokens of a Doc as the extractors read them: kept with the Doc (``doc._.token_cache``),
with their keys, paragraph ends and the text of a token range.

>>> from pipeline.nlp import blank
>>> doc = blank()("وی گفت: بله.\\nاو افزود.")
>>> doc_keys(doc)[:2], line_ends(doc)[0]
(['وی', 'گفت'], 5)
>>> doc_tokens(doc) is doc_tokens(doc) is doc._.token_cache.tokens  # kept once, on the Doc
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from ..nlp import extensions  # noqa: F401  (registers doc._.token_cache)
from ..text import token_key


@dataclass(slots=True)
class TokenCache:
    """What is kept with a Doc while it is analyzed (``doc._.token_cache``): its tokens
    (mentions are looked up at every token, and a fresh list each time made the search
    quadratic), their keys, and the mentions found at each token to the end of the document
    (several components scan for them)."""

    tokens: list[Token] = field(default_factory=list)
    keys: list[str] | None = None
    # (token, cue test) -> the Mention there or None (filled by mentions.mention_at)
    mentions: dict[tuple[int, Callable[[int], bool]], Any] = field(default_factory=dict)
    # for each token, can a mention that names a person start there (mentions.name_starts)
    name_starts: list[bool] | None = None


# where spaCy keeps the value of doc._.token_cache (Underscore's key for a Doc): read there,
# since the extractors ask for the tokens at nearly every token and the ``doc._`` accessor
# costs 1.4 µs a call against 0.1 µs for the look-up (the whole pipeline ran 12% slower)
_SLOT = ("._.", "token_cache", None, None)


def _analyzed(doc: Doc) -> TokenCache:
    cache = doc.user_data.get(_SLOT)
    if cache is None:
        cache = doc._.token_cache = TokenCache(list(doc))
    return cache


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, kept with the Doc."""
    return _analyzed(doc).tokens


def doc_keys(doc: Doc) -> list[str]:
    """The spelling-blind key of every token (:func:`~pipeline.text.key`), kept with the Doc."""
    analyzed = _analyzed(doc)
    if analyzed.keys is None:
        analyzed.keys = [token_key(t) for t in analyzed.tokens]
    return analyzed.keys


def line_ends(doc: Doc, soft: set[int] | frozenset[int] = frozenset()) -> list[int]:
    """For every token, the index of the first token of the next paragraph (line); a line
    break at a token in ``soft`` (a hard-wrapped line going on) ends no paragraph."""
    ends = [len(doc)] * (len(doc) + 1)
    nxt = len(doc)
    for t in reversed(doc):
        if t.is_space and "\n" in t.text and t.i not in soft:
            nxt = t.i
        ends[t.i] = nxt
    return ends


def trim_end(tokens: list[Token], start: int, end: int) -> int:
    """``end`` moved back over trailing spaces and a final «.»، «،» or «؛»."""
    while end > start and (tokens[end - 1].is_space or tokens[end - 1].text in {".", "،", "؛"}):
        end -= 1
    return end


def words_text_tokens(tokens: list[Token], start: int, end: int) -> str:
    """The words of ``tokens[start:end]`` joined by spaces (for lexicon lookups)."""
    return " ".join(t.text for t in tokens[start:end])


def words_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens ``start:end`` as written in the document."""
    return doc[start:end].text if end > start else ""
