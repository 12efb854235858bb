"""A learned ranker over speaker candidates, for the quotes whose subject is ambiguous (issue #6).

The decision: a quote whose speaker mention does not name its person outright —

- ``none``: no subject at all (a quoted paragraph that goes on: «... » after «وی گفت: ...»);
- ``pronoun``: «وی»، «او»، «ایشان»;
- ``anaphor``: «این مسئول»، «این مقام»، «این مدیرکل»;
- ``title``: a bare title, no name beside it («مدیرکل بهزیستی استان قزوین گفت: ...»);
- ``surname``: one word that ends several names of the article («صالحی» for «علی‌اکبر صالحی»
  and «مرتضی صالحی») —

is given to one candidate: a person (or speaking body) that already spoke, a name the article
writes that has not spoken yet, or ``new`` (the title itself is the speaker: a person the
article never names; for a pronoun or no subject: nobody). Names and bodies that the mention
states outright (``name`` of several words, ``org``) are left to the rules.

Each candidate is a row of features (:data:`FEATURES`): the kind of mention, is it the
current / the previous speaker, token and sentence distance from its last mention, where the
article first names it, its title and whether the mention's title words match it, is it a
body, the NER label of its name, and so on. A classifier scores every row and the highest
scored candidate of the decision wins (:class:`Ranker`).

Example: «علیرضا وارثی، مدیرکل بهزیستی استان قزوین گفت: ... . وی افزود: ...» — at «وی» the
candidates are «علیرضا وارثی» (current speaker, 12 tokens back) and ``new`` (nobody).

>>> from pipeline.extract.persons import People, Person
>>> ctx = DocIndex.from_tokens(["علیرضا", "وارثی", "گفت", ":", "کار", ".", "وی", "افزود", ":"])
>>> varesi = Person("علیرضا وارثی", quotes=1)
>>> cands = candidates("pronoun", None, 6, ctx, People(["علیرضا وارثی"], {}), [varesi], varesi, {id(varesi): 0})
>>> [(c.kind, c.speaker) for c in cands]
[('person', 'علیرضا وارثی'), ('new', None)]
>>> cands[0].features["is_current"], cands[0].features["before"]
(1.0, 1.0)

Training data, training and measurement: pipeline/train/speaker_ranking.py; the model:
models/speaker-ranker/; the measured result: models/README.md («speaker ranker»).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..paths import MODELS_DIR
from ..text import SENTENCE_ENDERS, key
from .mentions import Mention
from .persons import People, Person, extends_name, name_suffix_matches, same_office, titles_match

MODEL_DIR = MODELS_DIR / "speaker-ranker"
DECISION_KINDS = ("none", "pronoun", "anaphor", "title", "surname")
CANDIDATE_KINDS = ("person", "name", "new")
TITLE_WINDOW = 10  # tokens either side of a name where its title words are looked for
MAX_NAME_CANDIDATES = 8  # not-yet-speaking names kept, nearest first

FEATURES = (
    *(f"k_{k}" for k in DECISION_KINDS),
    *(f"c_{k}" for k in CANDIDATE_KINDS),
    "is_org", "is_current", "is_previous", "has_title", "title_match", "same_office",
    "apposition", "title_near", "surname_match", "before", "log_tok_dist", "sent_dist",
    "log_after_dist", "next_named", "first_pos", "log_quotes", "log_occurrences", "ner_per",
    "ner_org", "name_words", "indefinite", "speakers_so_far", "names_in_article",
)


def decision_kind(mention: Mention | None, people: People) -> str | None:
    """Which ambiguous decision a mention asks for, or None when the rules settle it.

    >>> from pipeline.extract.mentions import Mention
    >>> from pipeline.extract.persons import People
    >>> p = People(["علی‌اکبر صالحی", "مرتضی صالحی"], {})
    >>> decision_kind(Mention(0, 1, "name", "صالحی", name="صالحی"), p)
    'surname'
    >>> decision_kind(Mention(0, 2, "anaphor", "این مسئول"), p)
    'anaphor'
    """
    if mention is None:
        return "none"
    if mention.kind in {"pronoun", "anaphor"}:
        return mention.kind
    if mention.kind == "title" and not mention.name:
        return "title"
    if mention.kind == "name":
        text = mention.name or mention.text
        fits = {key(n) for n in people.names if name_suffix_matches(n, text)}
        if len(text.split()) == 1 and len(fits) >= 2:
            return "surname"
    return None


@dataclass(slots=True)
class DocIndex:
    """Where every word of the article stands: token keys, sentence of each token, entities."""

    keys: list[str]
    sentence_of: list[int]
    positions: dict[str, list[int]]
    per_keys: frozenset[str] = frozenset()
    org_keys: frozenset[str] = frozenset()

    @classmethod
    def from_tokens(cls, words: list[str], sentence_of: list[int] | None = None) -> DocIndex:
        keys = [key(w) for w in words]
        if sentence_of is None:  # a «.» ends a sentence
            sentence_of, n = [], 0
            for w in words:
                sentence_of.append(n)
                n += w in SENTENCE_ENDERS
        positions: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            if k:
                positions.setdefault(k, []).append(i)
        return cls(keys, sentence_of, positions)

    @classmethod
    def from_doc(cls, doc) -> DocIndex:
        sentence_of = [0] * len(doc)
        try:
            for n, sent in enumerate(doc.sents):
                for i in range(sent.start, sent.end):
                    sentence_of[i] = n
        except ValueError:  # no sentence boundaries set
            sentence_of = None
        index = cls.from_tokens([t.text for t in doc], sentence_of)
        per = {key(w) for e in doc.ents if e.label_ in {"PER", "PERSON", "pers"} for w in e.text.split()}
        org = {key(w) for e in doc.ents if e.label_ in {"ORG", "org"} for w in e.text.split()}
        index.per_keys, index.org_keys = frozenset(per), frozenset(org)
        return index

    def occurrences(self, name: str) -> list[int]:
        """Token positions of a name: where its last word (the surname) stands («وارثی» of
        «علیرضا وارثی»; «جلودار» or «فلاح‌جلودار» of «ربیع فلاح‌جلودار»)."""
        words = name.split()
        if not words:
            return []
        keys = {key(words[-1]), key(words[-1].split("\u200c")[-1])} - {""}
        return sorted({i for k in keys for i in self.positions.get(k, [])})

    def title_near(self, title: str, positions: list[int]) -> float:
        """Share of the title's words (office and body) found within :data:`TITLE_WINDOW` tokens
        of one of ``positions`` — «مدیرکل بهزیستی» near «علیرضا وارثی، مدیرکل بهزیستی ...»."""
        words = {key(w) for w in title.split() if len(key(w)) > 2 and key(w) != "این"}
        if not words or not positions:
            return 0.0
        best = 0.0
        for p in positions:
            window = set(self.keys[max(0, p - TITLE_WINDOW) : p + TITLE_WINDOW + 1])
            best = max(best, len(words & window) / len(words))
        return best


@dataclass(slots=True)
class SpeakerCandidate:
    """One possible speaker of a decision."""

    kind: str  # person (spoke before) | name (written, not spoken yet) | new (title itself / nobody)
    speaker: str | None
    person: Person | None = None
    features: dict[str, float] = field(default_factory=dict)

    def vector(self) -> list[float]:
        return [self.features.get(f, 0.0) for f in FEATURES]


def _log(x: float) -> float:
    return math.log1p(max(0.0, x))


def candidates(kind: str, mention: Mention | None, at: int, index: DocIndex, people: People,
               persons: list[Person], current: Person | None, last_seen: dict[int, int],
               upcoming: list[Mention | None] | None = None, previous: Person | None = None) -> list[SpeakerCandidate]:
    """The candidates of one decision, each with its features.

    ``at``: token position of the mention (or of the quote); ``persons``: the speakers so far;
    ``last_seen``: id(person) -> token of its last quote mention; ``upcoming``: later mentions.
    """
    mtext = (mention.title or mention.text) if mention is not None else ""
    title = mtext if kind in {"title", "anaphor"} else ""
    out: list[SpeakerCandidate] = []
    for p in persons:
        out.append(SpeakerCandidate("person", p.speaker, p))
    spoken = [p.name for p in persons if p.name]
    for name in dict.fromkeys(people.fullest(n) for n in people.names):
        if any(name_suffix_matches(s, name) or name_suffix_matches(name, s) or extends_name(s, name)
               or extends_name(name, s) for s in spoken):
            continue
        out.append(SpeakerCandidate("name", name))
    # keep the nearest not-yet-speaking names
    names = [c for c in out if c.kind == "name"]
    if len(names) > MAX_NAME_CANDIDATES:
        def nearest(c: SpeakerCandidate) -> int:
            occ = index.occurrences(c.speaker or "")
            return min((abs(i - at) for i in occ), default=10**6)
        keep = {id(c) for c in sorted(names, key=nearest)[:MAX_NAME_CANDIDATES]}
        out = [c for c in out if c.kind != "name" or id(c) in keep]
    out.append(SpeakerCandidate("new", mtext if kind == "title" else None))

    nxt = next((m for m in (upcoming or []) if m is not None and m.kind == "name" and m.name), None)
    n_tokens = max(1, len(index.keys))
    appositive = people.name_for_title(title) if title else None
    surname = (mention.name or mention.text) if (mention is not None and kind == "surname") else ""
    for c in out:
        f = c.features
        f[f"k_{kind}"] = 1.0
        f[f"c_{c.kind}"] = 1.0
        f["indefinite"] = float(bool(mtext) and key(mtext.split()[0]) == "یک")
        f["speakers_so_far"] = _log(len(persons))
        f["names_in_article"] = _log(len(people.names))
        if c.kind == "new":
            continue
        p = c.person
        name = (p.name if p is not None else c.speaker) or ""
        titles = list(p.titles) if p is not None else []
        if p is None or (p.name and not p.titles):
            t = people.appositions.get(name) or next(
                (t for n, t in people.appositions.items() if name and name_suffix_matches(name, n)), None)
            if t:
                titles.append(t)
        f["is_org"] = float(p is not None and p.is_org)
        f["is_current"] = float(p is not None and p is current)
        f["is_previous"] = float(p is not None and p is previous and p is not current)
        f["has_title"] = float(bool(titles))
        if title:
            f["title_match"] = float(any(titles_match(title, t) for t in titles))
            f["same_office"] = float(any(same_office(title, t) for t in titles))
        f["apposition"] = float(bool(appositive) and bool(name) and (
            key(appositive) == key(name) or name_suffix_matches(name, appositive)
            or name_suffix_matches(appositive, name)))
        occ = index.occurrences(name) if (name and not (p is not None and p.is_org)) else []
        if p is not None and id(p) in last_seen:
            occ = sorted(set(occ) | {last_seen[id(p)]})
        if title:
            f["title_near"] = index.title_near(title, occ)
        if surname:
            f["surname_match"] = float(bool(name) and name_suffix_matches(name, surname))
        before = [i for i in occ if i < at]
        after = [i for i in occ if i > at]
        f["before"] = float(bool(before))
        if before:
            f["log_tok_dist"] = _log(at - before[-1])
            s_at = index.sentence_of[min(at, n_tokens - 1)]
            f["sent_dist"] = _log(s_at - index.sentence_of[before[-1]])
        else:
            f["log_tok_dist"] = _log(n_tokens)
            f["sent_dist"] = _log(n_tokens)
        f["log_after_dist"] = _log(after[0] - at) if after else _log(n_tokens)
        f["next_named"] = float(nxt is not None and bool(name) and p is None
                                and name_suffix_matches(name, nxt.name or ""))
        f["first_pos"] = occ[0] / n_tokens if occ else 1.0
        f["log_quotes"] = _log(p.quotes if p is not None else 0)
        f["log_occurrences"] = _log(len(occ))
        last = key(name.split()[-1]) if name.split() else ""
        f["ner_per"] = float(bool(last) and last in index.per_keys)
        f["ner_org"] = float(bool(last) and last in index.org_keys)
        f["name_words"] = float(len(name.split()))
    if surname:  # a surname stands only for a person whose name ends with it
        out = [c for c in out if c.kind == "new" or c.features.get("surname_match")]
    return out


class Ranker:
    """A fitted scikit-learn classifier over candidate rows; the best-scored candidate wins."""

    def __init__(self, model, features: tuple[str, ...] = FEATURES):
        if tuple(features) != FEATURES:
            raise ValueError("the model was trained on other features; retrain it")
        self.model = model

    def scores(self, cands: list[SpeakerCandidate]) -> list[float]:
        if not cands:
            return []
        return list(self.model.predict_proba([c.vector() for c in cands])[:, 1])

    def choose(self, cands: list[SpeakerCandidate]) -> SpeakerCandidate | None:
        scores = self.scores(cands)
        return cands[max(range(len(cands)), key=scores.__getitem__)] if cands else None

    @classmethod
    def load(cls, directory: str | Path = MODEL_DIR) -> Ranker:
        import joblib

        directory = Path(directory)
        meta = json.loads((directory / "recipe.json").read_text(encoding="utf-8"))
        return cls(joblib.load(directory / "model.joblib"), tuple(meta["features"]))


@cache
def default_ranker() -> Ranker | None:
    """The shipped model, loaded once; None when it is absent."""
    if not (MODEL_DIR / "model.joblib").exists():
        return None
    return Ranker.load(MODEL_DIR)
