"""Gazetteer features for NER: which public name lists each token belongs to.

The ``khabar_gazetteer`` component runs before ``tok2vec`` and marks every token
with its gazetteer classes — ``F`` first name, ``L`` last name, ``P`` Iranian
place — so the model can tell an unseen surname («کلباسی») from a common word.
spaCy's hash embedding reads only token attributes, so the class string is kept
in ``token.lemma_`` (Khabar has no lemmatizer; ``tok2vec`` embeds ``LEMMA``).

Lists (../shared/corpora/gazetteer-persian-names, gazetteer-iran-places; public,
no annotated data) are read at ``initialize`` and saved inside the model, so a
shipped model needs no shared/ folder.

>>> from pipeline.nlp import blank
>>> nlp = blank(); tagger = GazetteerTagger({"F": ["علی"], "L": ["کلباسی"], "P": ["قزوین"]})
>>> [t.lemma_ for t in tagger(nlp("علی کلباسی در قزوین"))]
['F', 'L', '-', 'P']
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..normalize import normalize
from ..paths import SHARED_CORPORA

NONE = "-"
SOURCES: dict[str, tuple[str, ...]] = {
    "F": ("gazetteer-persian-names/male_first_names.txt", "gazetteer-persian-names/female_first_names.txt"),
    "L": ("gazetteer-persian-names/last_names.txt",),
    "P": ("gazetteer-iran-places/provinces.txt", "gazetteer-iran-places/cities.tsv"),
}


def read_names(relative: str, root: Path = SHARED_CORPORA) -> list[str]:
    """First column of a list file, normalized like run-time text, header of a .tsv skipped."""
    lines = (root / relative).read_text(encoding="utf-8").splitlines()
    if relative.endswith(".tsv"):
        lines = lines[1:]
    return sorted({normalize(line.split("\t")[0].strip()) for line in lines if line.strip()})


class GazetteerTagger:
    """Marks tokens with the classes of the gazetteer phrases covering them."""

    def __init__(self, lists: dict[str, list[str]] | None = None):
        self.lists: dict[str, list[str]] = {}
        self.matcher: PhraseMatcher | None = None
        self.classes: dict[int, str] = {}
        if lists:
            self.set_lists(lists)

    def set_lists(self, lists: dict[str, list[str]]) -> None:
        """Build the phrase matcher (token texts, so multiword names match word by word)."""
        from . import blank

        self.lists = {cls: sorted(set(names)) for cls, names in lists.items()}
        tokenizer = blank().tokenizer
        self.matcher = PhraseMatcher(tokenizer.vocab, attr="ORTH")
        for cls, names in self.lists.items():
            self.matcher.add(cls, list(tokenizer.pipe(names)))
            self.classes[tokenizer.vocab.strings.add(cls)] = cls

    def __call__(self, doc: Doc) -> Doc:
        classes: list[set[str]] = [set() for _ in doc]
        if self.matcher is not None:
            for match_id, start, end in self.matcher(doc):
                cls = self.classes[match_id]
                for i in range(start, end):
                    classes[i].add(cls)
        for token, found in zip(doc, classes, strict=True):
            token.lemma_ = "".join(sorted(found)) or NONE
        return doc

    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   root: str = "") -> None:
        """Read the public lists (``root``: the shared corpora folder)."""
        base = Path(root) if root else SHARED_CORPORA
        self.set_lists({cls: [n for f in files for n in read_names(f, base)] for cls, files in SOURCES.items()})

    def to_disk(self, path: Path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "lists.json").write_text(json.dumps(self.lists, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: Path, *, exclude=()) -> GazetteerTagger:
        self.set_lists(json.loads((Path(path) / "lists.json").read_text(encoding="utf-8")))
        return self
