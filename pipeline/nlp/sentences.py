"""Sentence boundaries for Persian news: after . ! ؟ ? … and at every line break.

Agency copy puts one paragraph per line, so a newline always ends a sentence.

>>> nlp = spacy.blank("fa"); nlp.add_pipe("khabar_sentences")  # doctest: +ELLIPSIS
<...>
>>> [s.text for s in nlp("وی گفت: بله. او افزود؟ نه\\nخبر بعدی").sents]
['وی گفت: بله.', 'او افزود؟', 'نه', 'خبر بعدی']
"""

from __future__ import annotations

import spacy  # noqa: F401  (used by the doctest)
from spacy.language import Language
from spacy.tokens import Doc

ENDERS = {".", "!", "؟", "?", "…", "!؟", "؟!"}
CLOSERS = {"»", '"', "”", ")", "'"}


@Language.factory("khabar_sentences")
def create_sentence_splitter(nlp: Language, name: str):
    return split_sentences


def split_sentences(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token; whitespace stays with the sentence before it."""
    start_next = True
    for token in doc:
        if token.is_space:
            token.is_sent_start = token.i == 0
            start_next = start_next or "\n" in token.text
            continue
        token.is_sent_start = start_next
        start_next = False
        prev = doc[token.i - 1].text if token.i else ""
        if token.text in ENDERS or (token.text in CLOSERS and prev in ENDERS):
            nxt = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
            start_next = nxt not in CLOSERS and nxt not in ENDERS
    return doc
