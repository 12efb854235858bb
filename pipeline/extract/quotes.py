"""Quotes: who said what, direct and indirect (issue #6 fills this component).

Until then the component declares an empty ``doc.spans["quotes"]``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("khabar_quotes")
def create_quotes(nlp: Language, name: str):
    return find_quotes


def find_quotes(doc: Doc) -> Doc:
    doc.spans["quotes"] = []
    return doc
