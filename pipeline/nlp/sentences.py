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
        if text in ENDERS or (text in CLOSERS and i and texts[i - 1] in ENDERS):
            nxt = texts[i + 1] if i + 1 < len(texts) else ""
            start_next = nxt not in CLOSERS and nxt not in ENDERS
    if len(doc):
        starts[0, 0] = 1
        doc.from_array([SENT_START], starts.astype("uint64"))  # spaCy's array type; -1 wraps
    return doc
