"""Speaker resolution: every mention of a quote resolved to one person (issue #6).

Persian agency copy names a speaker once and then says «وی»، «این مسئول»، a surname
or a title. Mentions are read in text order:

- a name resolves to the fullest name the article gives (وارثی -> علیرضا وارثی);
- «وی»/«او»/«این مسئول» resolve to the current speaker;
- an unnamed source or a group («مقام‌های وزارت دفاع آمریکا»، «یک منبع موثق») is its own speaker;
- a title («مدیرکل بهزیستی استان قزوین») resolves to the person an apposition gives
  it to; else, when the next named speaker is new, to that person («رئیس سازمان X
  گفت: ...» then «حمید امیریان ... اظهار داشت»); else to the current speaker; else
  the title itself is the speaker (a speaker the article never names).

Where a mention is ambiguous (a pronoun, «این مسئول», a bare title, a surname several
names end with, no subject) a learned ranker can decide instead of these rules
(speaker_ranker.py): switched on by the ``khabar_quotes`` component's ``speaker_ranker``
setting (off by default: it did not measure better, models/README.md «speaker ranker»).

>>> from pipeline.extract.persons import People
>>> resolver = Resolver(People(["علیرضا وارثی"], {}))
>>> from pipeline.extract.mentions import Mention
>>> resolver.resolve(Mention(0, 1, "name", "وارثی", name="وارثی"), []).speaker
'علیرضا وارثی'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..lexicons.words import group_heads, lexicon_keys
from ..text import key
from . import speaker_ranker
from .mentions import Mention, is_plural_noun
from .persons import (
    People,
    Person,
    name_suffix_matches,
    one_persons_names,
    overlapping_names,
    same_office,
    titles_match,
    within,
)


@dataclass(slots=True)
class Decision:
    """One ambiguous speaker decision: its candidates and whom it went to (recorded for training)."""

    kind: str
    mention: Mention | None
    at: int
    candidates: list[speaker_ranker.SpeakerCandidate]
    person: Person | None = None
    quote: int | None = None  # index of the quote in text order


SINGULAR_PRONOUNS = frozenset(key(w) for w in ("وی", "او", "ایشان"))  # ضمیر مفرد: never a group


@dataclass(slots=True)
class Resolver:
    """Resolves mentions in text order, keeping the current speaker.

    ``ranker``: decides the ambiguous mentions (None: the rules do; the ``khabar_quotes``
    component's ``speaker_ranker`` setting gives the shipped model); ``record``: keep every ambiguous decision in ``decisions``.
    """

    people: People
    doc: Doc | None = None  # the document the mentions index into (the ranker's features read it)
    persons: list[Person] = field(default_factory=list)
    current: Person | None = None
    ranker: speaker_ranker.Ranker | None = None
    record: bool = False
    decisions: list[Decision] = field(default_factory=list)
    previous: Person | None = None
    last_seen: dict[int, int] = field(default_factory=dict)
    at: int = 0
    index: speaker_ranker.DocIndex | None = None

    def _doc_index(self, mention: Mention | None) -> speaker_ranker.DocIndex:
        if self.index is None:
            doc = self.doc
            usable = doc is not None and (mention is None or mention.end <= len(doc))
            self.index = (speaker_ranker.DocIndex.from_doc(doc) if usable
                          else speaker_ranker.DocIndex.from_tokens([]))
        return self.index

    def _person_named(self, name: str) -> Person:
        full = self.people.fullest(name)
        for p in self.persons:
            if p.is_org or not p.name:
                continue
            union = overlapping_names(p.name, full)
            if union:  # «سید جعفر هاشمی» + «جعفر هاشمی تشکری» -> «سید جعفر هاشمی تشکری»
                p.name = union
                return p
            if one_persons_names(p.name, full):  # «وارثی» and «علیرضا وارثی»
                if len(key(full)) > len(key(p.name)):
                    p.name = full
                return p
        person = Person(full)
        title = self.people.title_of(full)
        if title:
            person.titles.append(title)
        self.persons.append(person)
        return person

    def _speaker_named(self, name: str) -> Person | None:
        """A person already quoted whom ``name`` names: «کلانتری ادامه داد» after «حسین کلانتری
        اظهار کرد» is the governor, though «کلانتری» (a police station) reads as a body."""
        return next((p for p in self.persons if not p.is_org and p.name and one_persons_names(p.name, name)), None)

    def _body(self, name: str) -> Person:
        full = self.people.fullest_body(name)
        person = next((p for p in self.persons if p.is_org and titles_match(p.name or "", full)), None)
        if person is None:
            headed = next((p for p in self.persons if p.is_org and (
                _headed(p.name or "", full) or _headed(full, p.name or ""))), None)
            if headed is not None:
                return headed  # «رویترز می‌نویسد» after «خبرگزاری رویترز گزارش داد»: the body keeps the name it spoke under
            person = Person(full, is_org=True)
            self.persons.append(person)
        elif len(key(full)) > len(key(person.name or "")):
            person.name = full
        return person

    def _group(self, text: str) -> Person:
        """An unnamed source or a group speaks as itself, never as someone named nearby."""
        person = next((p for p in self.persons if not p.name and not p.is_org and p.titles
                       and key(p.titles[0]) == key(text)), None)
        if person is None:
            group = any(key(text).startswith(head) for head in group_heads()) or is_plural_noun(text.split()[0])
            person = Person(None, [text], unnamed=True, group=group)
            self.persons.append(person)
        return person

    def _is_new_name(self, name: str) -> bool:
        full = self.people.fullest(name)
        return not any(p.name and (name_suffix_matches(p.name, full) or name_suffix_matches(full, p.name))
                       for p in self.persons)

    def _person_titled(self, title: str, upcoming: list[Mention | None], indefinite: bool = False) -> Person:
        for p in self.persons:
            if not p.unnamed and any(titles_match(title, t) for t in p.titles):
                p.titles.append(title)
                return p
        named = self.people.name_for_title(title)
        if named:
            person = self._person_named(named)
        else:
            # the next speaker mention that is not this same title again («وزیر بهداشت» ... «وزیر
            # بهداشت، درمان و آموزش پزشکی» ... «کامران باقری لنکرانی»); another title ends the search
            nxt = next((m for m in upcoming if m is not None and not (
                m.kind == "title" and not m.name and same_office(m.title or m.text, title))), None)
            if nxt is not None and nxt.kind == "name" and nxt.name and self._is_new_name(nxt.name) \
                    and self._may_hold(nxt.name, title):
                person = self._person_named(nxt.name)
            elif self.current is not None and not self.current.is_org and not self.current.unnamed and not indefinite:
                # «یک مقام ...» is someone not named before, never the current speaker
                person = self.current
            else:
                person = Person(None)
                self.persons.append(person)
        person.titles.append(title)
        return person

    def resolve(self, mention: Mention | None, upcoming: list[Mention | None],
                quote: int | None = None) -> Person | None:
        """The person a quote's speaker mention stands for; ``upcoming``: later mentions;
        ``quote``: the quote's index, kept with a recorded decision."""
        kind = speaker_ranker.decision_kind(mention, self.people) if (
            self.ranker is not None or self.record) else None
        cands = None
        if mention is not None:
            self.at = mention.start
        if kind is not None:
            cands = speaker_ranker.candidates(
                kind, mention, self.at, self._doc_index(mention), self.people, self.persons,
                self.current, self.last_seen, upcoming, self.previous)
        if cands and self.ranker is not None:
            person = self._ranked(self.ranker.choose(cands), mention, kind)
        else:
            person = self._rules(mention, upcoming)
        if cands is not None and self.record:
            self.decisions.append(Decision(kind, mention, self.at, cands, person, quote))
        if person is not None:
            person.quotes += 1
            if person is not self.current:
                self.previous = self.current
            self.current = person
            self.last_seen[id(person)] = self.at
        return person

    def _ranked(self, choice: speaker_ranker.SpeakerCandidate | None, mention: Mention | None,
                kind: str | None) -> Person | None:
        """The person the ranker's candidate stands for (made when it has not spoken yet)."""
        if choice is None:
            return None
        title = (mention.title or mention.text) if mention is not None and kind == "title" else None
        if choice.kind == "person":
            person = choice.person
        elif choice.kind == "name":
            person = self._person_named(choice.speaker or "")
        elif kind == "surname" and mention is not None:
            person = self._person_named(mention.name or mention.text)
        elif title:
            person = Person(None)
            self.persons.append(person)
        else:
            return None
        if title and person is not None and not person.is_org:
            person.titles.append(title)
        return person

    def _rules(self, mention: Mention | None, upcoming: list[Mention | None]) -> Person | None:
        """The rules of the module docstring."""
        if mention is None or mention.kind in {"pronoun", "anaphor"}:
            person = self.current
            if mention is not None and mention.kind == "anaphor" and person is None:
                return None
            if person is not None and person.group and mention is not None and mention.kind == "pronoun" \
                    and key(mention.text) in SINGULAR_PRONOUNS:  # «وی» is one person, never «تحلیل‌گران»
                person = self.previous if self.previous is not None and not self.previous.group else None
        elif mention.kind == "org_anaphor":
            person = next((p for p in reversed(self.persons) if p.is_org), None)
            if person is None and self.people.report_author:
                person = self._body(self.people.report_author)
        elif mention.kind == "org":
            person = self._speaker_named(mention.name or mention.text) or self._body(mention.name or mention.text)
        elif mention.kind == "group":
            person = self._group(mention.title or mention.text)  # «یک منبع آگاه» -> «منبع آگاه»
        elif mention.kind == "title":
            if mention.name:
                person = self._person_named(mention.name)
                if mention.title:
                    person.titles.append(mention.title)
            else:
                indefinite = key(mention.text.split()[0]) == "یک"
                person = self._person_titled(mention.title or mention.text, upcoming, indefinite)
        else:
            person = self._named_after_title(mention.name or mention.text) or self._person_named(
                mention.name or mention.text)
        return person

    def _may_hold(self, name: str, title: str) -> bool:
        """Can ``name`` be the holder of ``title``, a lead's title? Not when the article gives
        him another office of his own («محمد شمس‌فرد- رئیس اتحادیه خشکبار-» is not «معاون حمل و
        نقل شهرداری»); yes when it gives none or the same office («سرمربی تیم ملی کره» after
        «سرمربی تیم فوتبال نوجوانان کره‌جنوبی»)."""
        own = self.people.title_of(self.people.fullest(name))
        return own is None or same_office(title, own)

    def _named_after_title(self, name: str) -> Person | None:
        """«مشاور هنری رئیس جمهور گفت: ...» ... «جواد شمقدری افزود: ...»: a name new to the
        article, given no title of its own or a fuller form of the same title («کوین هاست،
        مشاور اقتصادی کاخ سفید،» after «مشاور کاخ سفید»), that speaks right after a speaker
        known only by a title, is that speaker's name."""
        current = self.current
        if current is None or current.is_org or current.unnamed or current.name or not current.titles:
            return None
        full = self.people.fullest(name)
        own = self.people.title_of(full)
        if not self._is_new_name(full) or (own is not None and not any(within(t, own) for t in current.titles)):
            return None  # a title of his own, and not the lead's: someone else
        current.name = full
        return current


def _headed(long: str, short: str) -> bool:
    """Is ``long`` the body ``short`` with a type word before it («خبرگزاری رویترز» and «رویترز»)?

    >>> _headed("خبرگزاری رویترز", "رویترز"), _headed("وزارت کار آمریکا", "آمریکا")
    (True, False)
    """
    long_key, short_key = key(long), key(short)
    return bool(short_key) and long_key.endswith(short_key) and long_key[: -len(short_key)] in lexicon_keys("organization_heads")
