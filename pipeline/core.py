"""Pipeline: raw article text -> :class:`~pipeline.records.Article`.

    read -> normalize (body, meta, offset map) -> analyze (spaCy Doc) -> record

>>> from pipeline import load
>>> article = load().process("وی گفت: برنامههای ما ادامه دارد.\\nکپی شد", id="a1")
>>> article.text
'وی گفت: برنامه‌های ما ادامه دارد.'
"""

from __future__ import annotations

import re
import traceback
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .limits import BATCH_CHARS, MAX_CHARS
from .nlp import EXTRACTORS, build_language
from .normalize import ArticleLayout, TrackedText, normalize_tracked, split_article
from .records import Article, article_from_doc

CONTROL_SHARE = 0.1  # more control characters than this: binary, not text


@dataclass(slots=True)
class RawArticle:
    """One article as read: its id and text, or why it could not be read."""

    id: str
    text: str | None
    errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Prepared:
    id: str
    tracked: TrackedText
    layout: ArticleLayout


def check_text(text: str | None, max_chars: int = MAX_CHARS) -> str | None:
    """Why ``text`` cannot be processed, or None when it can.

    >>> check_text("   ")
    'empty article: no text after whitespace'
    """
    if text is None:
        return "no text"
    if not text.strip():
        return "empty article: no text after whitespace"
    if len(text) > max_chars:
        return f"article too large: {len(text):,} characters (limit {max_chars:,}; see --max-chars)"
    sample = text[:10_000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    if "\x00" in sample or controls > CONTROL_SHARE * len(sample):
        return f"binary content: {controls} control characters in the first {len(sample):,}"
    return None


def text_batches(texts: list[str], budget: int = BATCH_CHARS) -> Iterator[list[str]]:
    """Consecutive runs of ``texts`` of about ``budget`` characters (one text at least).

    >>> [len(b) for b in text_batches(["خبر" * 5_000, "کوتاه", "کوتاه", "خبر" * 9_000], budget=20_000)]
    [3, 1]
    """
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > budget:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


_PARAGRAPH_BREAK = re.compile(r"\n\s*(?=\S)")


def paragraph_pieces(text: str, budget: int = BATCH_CHARS) -> list[str]:
    """``text`` cut after line breaks into runs of whole paragraphs of about ``budget``
    characters (a longer paragraph stays whole); the pieces join back to ``text``.

    >>> paragraph_pieces("بند یک\\nبند دو\\n\\nبند سه", budget=8)
    ['بند یک\\n', 'بند دو\\n\\n', 'بند سه']
    """
    cuts = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    pieces: list[str] = []
    start = 0
    for cut, after in zip(cuts, [*cuts[1:], len(text)], strict=True):
        if after - start > budget:  # the next paragraph would overflow this piece
            pieces.append(text[start:cut])
            start = cut
    return [*pieces, text[start:]]


class Pipeline:
    """Owns the spaCy ``Language``; turns raw articles into records."""

    def __init__(self, nlp: Language | None = None, *, model: str | Path | None = None,
                 max_chars: int = MAX_CHARS, batch_chars: int = BATCH_CHARS):
        self.nlp = nlp if nlp is not None else build_language(model)
        self.max_chars = max_chars
        self.batch_chars = batch_chars
        self.nlp.max_length = max(self.nlp.max_length, max_chars + 1)

    def prepare(self, raw: RawArticle) -> _Prepared | Article:
        """Body, metadata and normalized text, or a failed record."""
        if raw.errors:
            return Article.failed(raw.id, *raw.errors)
        problem = check_text(raw.text, self.max_chars)
        if problem:
            return Article.failed(raw.id, problem)
        layout = split_article(raw.text)
        tracked = normalize_tracked(raw.text[layout.body_start : layout.body_end], layout.body_start)
        return _Prepared(raw.id, tracked, layout)

    def process(self, text: str, id: str = "article") -> Article:
        """One article's record."""
        return next(self.pipe([RawArticle(id, text)]))

    def pipe(self, articles: Iterable[RawArticle], batch_size: int = 64) -> Iterator[Article]:
        """Records in input order; a failing article yields a record with ``errors``."""
        iterator = iter(articles)
        while chunk := list(islice(iterator, batch_size)):
            yield from self._process_chunk(chunk)

    def _process_chunk(self, chunk: list[RawArticle]) -> list[Article]:
        prepared = [self._safe_prepare(raw) for raw in chunk]
        todo = [p for p in prepared if isinstance(p, _Prepared)]
        # the words a chunk adds to the vocabulary are freed with its Docs once the records
        # are plain data: without this, memory grows with every new word of an archive
        with self.nlp.memory_zone():
            try:
                docs = self.analyze([p.tracked.text for p in todo])
                done = {id(p): article_from_doc(p.id, next(docs), p.tracked, p.layout) for p in todo}
            except Exception:  # isolate the article that broke the batch
                done = {id(p): self._analyze_one(p) for p in todo}
        return [done[id(p)] if isinstance(p, _Prepared) else p for p in prepared]

    def analyze(self, texts: list[str]) -> Iterator[Doc]:
        """The analyzed Doc of each text, in order, in batches of ``batch_chars`` characters."""
        for batch in text_batches(texts, self.batch_chars):
            if len(batch) == 1 and len(batch[0]) > self.batch_chars:
                yield self._analyze_long(batch[0])
            else:
                yield from self.nlp.pipe(batch, batch_size=len(batch))

    def _analyze_long(self, text: str) -> Doc:
        """A text longer than a batch: the model reads it in paragraph pieces, which are joined
        into one Doc for the document-level extractors. A worker's memory is then set by
        ``batch_chars``, not by the longest article of a corpus; the model's window spans a
        few tokens, so only the words next to a cut can be read differently."""
        extractors = [name for name in self.nlp.pipe_names if name in EXTRACTORS]
        pieces = [doc for batch in text_batches(paragraph_pieces(text, self.batch_chars), self.batch_chars)
                  for doc in self.nlp.pipe(batch, batch_size=len(batch), disable=extractors)]
        doc = Doc.from_docs(pieces, ensure_whitespace=False)
        for name in extractors:
            doc = self.nlp.get_pipe(name)(doc)
        return doc

    def _safe_prepare(self, raw: RawArticle) -> _Prepared | Article:
        try:
            return self.prepare(raw)
        except Exception as exc:
            return Article.failed(raw.id, f"normalization failed: {exc!r}")

    def _analyze_one(self, p: _Prepared) -> Article:
        try:
            return article_from_doc(p.id, next(self.analyze([p.tracked.text])), p.tracked, p.layout)
        except Exception as exc:
            detail = traceback.format_exception_only(exc)[-1].strip()
            return Article.failed(p.id, f"analysis failed: {detail}", meta=p.layout.meta)


def load(model: str | Path | None = None, **kwargs) -> Pipeline:
    """The default pipeline (shipped model when present)."""
    return Pipeline(model=model, **kwargs)
