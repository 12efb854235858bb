"""Sentence boundaries for Persian news: after . ! ؟ ? … and at every line break.

Agency copy puts one paragraph per line, so a newline always ends a sentence.

>>> nlp = spacy.blank("fa"); nlp.add_pipe("khabar_sentences")  # doctest: +ELLIPSIS
<...>
>>> [s.text.strip() for s in nlp("وی گفت: بله. او افزود؟ نه\\nخبر بعدی").sents]
['وی گفت: بله.', 'او افزود؟', 'نه', 'خبر بعدی']
"""

from __future__ import annotations

import numpy
import spacy  # noqa: F401  (used by the doctest)
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

ENDERS = {".", "!", "؟", "?", "…", "!؟", "؟!"}
CLOSERS = {"»", '"', "”", ")", "'"}


@Language.factory("khabar_sentences")
def create_sentence_splitter(nlp: Language, name: str):
    return split_sentences


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
