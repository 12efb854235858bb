"""Sentence boundaries for Persian news: after . ! ؟ ? … and at every line break.

Agency copy puts one paragraph per line, so a newline always ends a sentence. The component
``khabar_sentences`` (:mod:`pipeline.components`) runs :func:`split_sentences`.

>>> nlp = spacy.blank("fa")
>>> [s.text.strip() for s in split_sentences(nlp("وی گفت: بله. او افزود؟ نه\\nخبر بعدی")).sents]
['وی گفت: بله.', 'او افزود؟', 'نه', 'خبر بعدی']
"""

from __future__ import annotations

import numpy
import spacy  # noqa: F401  (used by the doctest)
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from ..text import ELLIPSIS, SENTENCE_ENDERS

ENDERS = {*SENTENCE_ENDERS, ELLIPSIS, "!؟", "؟!"}
CLOSERS = {"»", '"', "”", ")", "'"}


ACRONYM_LETTERS = 3  # «بی.بی.سی»، «آر.ان.ای»: letter groups this short between dots spell a Latin acronym


def _letter_group(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].text.isalpha() and len(doc[i].text) <= ACRONYM_LETTERS


def is_acronym_dot(doc: Doc, i: int) -> bool:
    """Is the «.» at ``i`` one of an acronym's dots (117 news-raw articles write «بي.بي.سي»،
    «اچ.آي.وي»، «سي.ان.ان»)? Three groups or more of one to three letters, each but the last
    glued to the dot after it: «بی. بی. سی» after normalization, never «گفت. نه.» (two groups).

    >>> from pipeline.nlp import blank
    >>> doc = blank()("به گزارش بی.بی.سی، او گفت. نه.")
    >>> [is_acronym_dot(doc, t.i) for t in doc if t.text == "."]
    [True, True, False, False]
    """
    def dot(j: int) -> bool:
        return 0 < j < len(doc) and doc[j].text == "." and not doc[j - 1].whitespace_ and _letter_group(doc, j - 1)

    if not dot(i) or not _letter_group(doc, i + 1):
        return False
    return (dot(i + 2) and _letter_group(doc, i + 3)) or (dot(i - 2) and _letter_group(doc, i - 3))


def split_sentences(doc: Doc) -> Doc:
    """Mark sentence starts; whitespace stays with the sentence before it."""
    starts = numpy.full((len(doc), 1), -1, dtype="int64")  # SENT_START: 1 start, -1 inside
    start_next = True
    texts = [t.text for t in doc]
    for i, text in enumerate(texts):
        if text.isspace():
            start_next = start_next or "\n" in text
            continue
        if start_next:
            starts[i, 0] = 1
            start_next = False
        if text == "." and is_acronym_dot(doc, i):
            continue
        if text in ENDERS or (text in CLOSERS and i and texts[i - 1] in ENDERS):
            nxt = texts[i + 1] if i + 1 < len(texts) else ""
            start_next = nxt not in CLOSERS and nxt not in ENDERS
    if len(doc):
        starts[0, 0] = 1
        doc.from_array([SENT_START], starts.astype("uint64"))  # spaCy's array type; -1 wraps
    return doc
