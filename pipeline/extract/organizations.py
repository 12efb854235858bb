"""Organizations: ORG entities grouped so that each organization is named once.

Mentions whose keys (letters only, ی/ک unified) are equal are one organization;
its name is the longest mention.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..evaluate.keys import key


@Language.factory("khabar_organizations")
def create_organizations(nlp: Language, name: str):
    return group_organizations


def group_organizations(doc: Doc) -> Doc:
    groups: dict[str, list] = {}
    for ent in doc.ents:
        if ent.label_ == "ORG":
            groups.setdefault(key(ent.text), []).append(ent)
    doc._.organizations = [
        {"name": max((m.text for m in mentions), key=len), "mentions": mentions}
        for mentions in groups.values()
    ]
    return doc
