"""Officials: people who speak or hold a stated office (issue #6 fills this component).

Until then the component declares an empty ``doc._.officials``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("khabar_officials")
def create_officials(nlp: Language, name: str):
    return find_officials


def find_officials(doc: Doc) -> Doc:
    doc._.officials = []
    return doc
