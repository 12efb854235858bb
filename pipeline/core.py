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
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .analysis import EXTRACTORS, build_language
from .langcheck import not_persian
from .limits import BATCH_CHARS, MAX_CHARS
from .normalize import ArticleLayout, TrackedText, normalize_tracked, split_article
from .readers import RawArticle
from .records import Article, article_from_doc

CONTROL_SHARE = 0.1  # more control characters than this: binary, not text


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
# a sentence end: . ! ? ؟ (or an ellipsis), a closing quote or bracket, then a space
_SENTENCE_BREAK = re.compile(r"[.!?؟…]+[»)\]\"']*\s+(?=\S)")
_SPACE_BREAK = re.compile(r"\s+(?=\S)")


def _cuts(text: str, start: int, end: int, budget: int, breaks: list[re.Pattern]) -> list[int]:
    """Cut points in ``text[start:end]`` after the first kind of break in ``breaks`` that occurs;
    a part still longer than ``budget`` is cut again by the next kinds."""
    if end - start <= budget or not breaks:
        return []
    first, rest = breaks[0], breaks[1:]
    points = [m.end() for m in first.finditer(text, start, end) if m.end() < end]
    cuts: list[int] = []
    for a, b in zip([start, *points], [*points, end], strict=True):
        cuts += [*_cuts(text, a, b, budget, rest), b]
    return cuts[:-1]


def paragraph_pieces(text: str, budget: int = BATCH_CHARS) -> list[str]:
    """``text`` cut into runs of about ``budget`` characters that join back to ``text``: after
    line breaks (whole paragraphs), and inside a longer paragraph after sentence ends, or at
    spaces as a last resort (a scraped body often has no line break at all).

    >>> paragraph_pieces("بند یک\\nبند دو\\n\\nبند سه", budget=8)
    ['بند یک\\n', 'بند دو\\n\\n', 'بند سه']
    >>> paragraph_pieces("جمله اول. جمله دوم! جمله سوم", budget=12)
    ['جمله اول. ', 'جمله دوم! ', 'جمله سوم']
    >>> paragraph_pieces("یک دو سه چهار", budget=6)
    ['یک دو ', 'سه ', 'چهار']
    """
    cuts = _cuts(text, 0, len(text), budget, [_PARAGRAPH_BREAK, _SENTENCE_BREAK, _SPACE_BREAK])
    pieces: list[str] = []
    start = 0
    ends = [*cuts[1:], len(text)] if cuts else []
    for cut, after in zip(cuts, ends, strict=True):
        if after - start > budget:  # the next part would overflow this piece
            pieces.append(text[start:cut])
            start = cut
    return [*pieces, text[start:]]


class Pipeline:
    """Owns the spaCy ``Language``; turns raw articles into records."""

    def __init__(self, nlp: Language | None = None, *, model: str | Path | None = None,
                 components: dict[str, dict] | None = None, max_chars: int = MAX_CHARS,
                 batch_chars: int = BATCH_CHARS, lang_check: bool = True):
        """``components``: settings of the Khabar components by name, e.g.
        ``{"khabar_quotes": {"speaker_ranker": True}}`` (see :mod:`pipeline.components`)."""
        self.nlp = nlp if nlp is not None else build_language(model, components)
        self.max_chars = max_chars
        self.batch_chars = batch_chars
        self.lang_check = lang_check
        self.nlp.max_length = max(self.nlp.max_length, max_chars + 1)

    def prepare(self, raw: RawArticle) -> _Prepared | Article:
        """Body, metadata and normalized text, or a failed record (one whose text is not
        Persian keeps its metadata and normalized text, with no extraction)."""
        encoding = {"encoding": raw.encoding} if raw.encoding else {}
        if raw.errors:
            return Article.failed(raw.id, *raw.errors, meta=encoding)
        problem = check_text(raw.text, self.max_chars)
        if problem:
            return Article.failed(raw.id, problem, meta=encoding)
        layout = split_article(raw.text)
        layout.meta.update(encoding)
        body = raw.text[layout.body_start : layout.body_end]
        tracked = normalize_tracked(body, layout.body_start)
        problem = not_persian(body) if self.lang_check else None
        if problem:
            failed = Article.failed(raw.id, problem, meta=dict(layout.meta))
            failed.text = tracked.text
            return failed
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
        records = [done[id(p)] if isinstance(p, _Prepared) else p for p in prepared]
        for raw, record in zip(chunk, records, strict=True):
            record.warnings = [*raw.warnings, *record.warnings]
        return records

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
