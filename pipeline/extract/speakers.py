"""Speaker resolution: every mention of a quote resolved to one person (issue #6).

Persian agency copy names a speaker once and then says «وی»، «این مسئول»، a surname
or a title. Mentions are read in text order:

- a name resolves to the fullest name the article gives (وارثی -> علیرضا وارثی);
- «وی»/«او»/«این مسئول» resolve to the current speaker;
- a title («مدیرکل بهزیستی استان قزوین») resolves to the person an apposition gives
  it to; else, when the next named speaker is new, to that person («رئیس سازمان X
  گفت: ...» then «حمید امیریان ... اظهار داشت»); else to the current speaker; else
  the title itself is the speaker (a speaker the article never names).

Where a mention is ambiguous (a pronoun, «این مسئول», a bare title, a surname several
names end with, no subject) a learned ranker can decide instead of these rules
(speaker_ranker.py): switched on by ``KHABAR_SPEAKER_RANKER=1`` (off by default: it did
not measure better, models/README.md «speaker ranker»).

>>> people = People(["علیرضا وارثی"], {})
>>> people.fullest("وارثی")
'علیرضا وارثی'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..evaluate.keys import key
from . import speaker_ranker
from .people import Mention, title_organizations


@dataclass(slots=True)
class Person:
    """One person (or speaking body) the quotes of an article belong to."""

    name: str | None
    titles: list[str] = field(default_factory=list)
    is_org: bool = False
    quotes: int = 0

    @property
    def speaker(self) -> str | None:
        """The name, or the fullest title for a person the article never names."""
        if self.name:
            return self.name
        return max(self.titles, key=len) if self.titles else None


def name_suffix_matches(full: str, short: str) -> bool:
    """Is ``short`` the last word(s) of ``full`` (spelling-blind)?

    >>> name_suffix_matches("غلامعلی صفایی‌بوشهری", "صفایی بوشهری")
    True
    >>> name_suffix_matches("علیرضا وارثی", "رضا وارثی")
    False
    >>> name_suffix_matches("ربیع فلاح‌جلودار", "فلاح")
    True
    """
    words = full.split()
    target = key(short)
    if any(key(" ".join(words[j:])) == target for j in range(len(words))):
        return True
    # «فلاح» for «ربیع فلاح‌جلودار»، «صفایی» for «غلامعلی صفایی بوشهری»: the first part of a compound surname
    surname = " ".join(words[1:]).replace("\u200c", " ").split()
    return len(surname) >= 2 and len(short.split()) == 1 and key(surname[0]) == target


def overlapping_names(a: str, b: str) -> str | None:
    """Two readings of one name that overlap by two words or more, neither containing
    the other: their union, else None.

    >>> overlapping_names("سید جعفر هاشمی", "جعفر هاشمی تشکری")
    'سید جعفر هاشمی تشکری'
    """
    wa, wb = a.split(), b.split()
    for first, second in ((wa, wb), (wb, wa)):
        for n in range(min(len(first), len(second)) - 1, 1, -1):
            if [key(w) for w in first[-n:]] == [key(w) for w in second[:n]] and len(second) > n and len(first) > n:
                return " ".join(first + second[n:])
    return None


def extends_name(longer: str, shorter: str) -> bool:
    """«سید ابوالحسن حسینی بوشهری» extends «سید ابوالحسن حسینی» (same first words, one person).

    >>> extends_name("سید ابوالحسن حسینی بوشهری", "سید ابوالحسن حسینی")
    True
    """
    a, b = longer.split(), shorter.split()
    return len(b) >= 2 and len(a) > len(b) and key(" ".join(a[: len(b)])) == key(shorter)


def titles_match(a: str, b: str) -> bool:
    """One title is the other or begins it: «وزیر بهداشت» ~ «وزیر بهداشت، درمان و آموزش پزشکی»;
    «سرپرست این فدراسیون» ~ «سرپرست فدراسیون فوتبال» (what comes before «این»).

    >>> titles_match("سرپرست این فدراسیون", "سرپرست فدراسیون فوتبال")
    True
    """
    pointing = "این" in a.split()[1:] or "این" in b.split()[1:]  # «سرپرست این فدراسیون» points back
    a, b = _before_this(a), _before_this(b)
    if not pointing and min(len(a.split()) - _head_words(a), len(b.split()) - _head_words(b)) < 1:
        return key(a) == key(b)  # a bare office («امام جمعه») says nothing about which one
    ka, kb = key(a), key(b)
    return bool(ka) and bool(kb) and (ka.startswith(kb) or kb.startswith(ka))


def same_office(a: str, b: str) -> bool:
    """The same kind of office, perhaps said differently: «سرمربی کره‌جنوبی» ~ «سرمربی تیم
    فوتبال نوجوانان کره‌جنوبی» (same first word), or one title begins the other."""
    return titles_match(a, b) or (bool(a.split()) and bool(b.split()) and key(a.split()[0]) == key(b.split()[0]))


def _head_words(title: str) -> int:
    """Words of the office itself at the start of a title («امام جمعه» in «امام جمعه موقت سقز»)."""
    words = title.split()
    offices = title_organizations()
    return next((n for n in range(min(4, len(words)), 0, -1) if key(" ".join(words[:n])) in offices), 0)


def _before_this(title: str) -> str:
    """«سرپرست این فدراسیون» -> «سرپرست»: the part a demonstrative does not point back from."""
    words = title.split()
    return " ".join(words[: words.index("این")]) if "این" in words[1:] else title


class People:
    """The names known in an article and the titles appositions give them."""

    def __init__(self, names: list[str], appositions: dict[str, str], bodies: list[str] | None = None,
                 report_author: str | None = None):
        self.names = names
        self.appositions = appositions  # name -> title
        self.bodies = bodies or []  # organization names written in the article
        self.report_author = report_author  # the body whose report the article relays

    def fullest_body(self, name: str) -> str:
        """The longest body name that begins with ``name`` («کمیسیون مرکزی انتخابات قرقیزستان»)."""
        k = key(name)
        return max((b for b in self.bodies if key(b).startswith(k)), key=lambda b: len(key(b)), default=name)

    def fullest(self, name: str) -> str:
        """The longest known name that ends with ``name`` (itself when none)."""
        candidates = [n for n in self.names if name_suffix_matches(n, name)]
        return max(candidates, key=lambda n: (len(key(n)), -self.names.index(n)), default=name)

    def name_for_title(self, title: str) -> str | None:
        """The person an apposition in the article gives this title to."""
        for name, other in self.appositions.items():
            if titles_match(title, other):
                return self.fullest(name)
        return None


@dataclass(slots=True)
class Decision:
    """One ambiguous speaker decision: its candidates and whom it went to (recorded for training)."""

    kind: str
    mention: Mention | None
    at: int
    candidates: list[speaker_ranker.Candidate]
    person: Person | None = None
    quote: int | None = None  # index of the quote in text order


@dataclass(slots=True)
class Resolver:
    """Resolves mentions in text order, keeping the current speaker.

    ``ranker``: decides the ambiguous mentions (default: the shipped model when
    ``speaker_ranker.enabled()``); ``record``: keep every ambiguous decision in ``decisions``.
    """

    people: People
    doc: Doc | None = None  # the document the mentions index into (the ranker's features read it)
    persons: list[Person] = field(default_factory=list)
    current: Person | None = None
    ranker: speaker_ranker.Ranker | None = field(default_factory=lambda: (
        speaker_ranker.default_ranker() if speaker_ranker.enabled() else None))
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
            if p.name and (name_suffix_matches(p.name, full) or name_suffix_matches(full, p.name)
                           or extends_name(p.name, full) or extends_name(full, p.name)):
                if len(key(full)) > len(key(p.name)):
                    p.name = full
                return p
        person = Person(full)
        title = self.people.appositions.get(full) or next(
            (t for n, t in self.people.appositions.items() if name_suffix_matches(full, n)), None)
        if title:
            person.titles.append(title)
        self.persons.append(person)
        return person

    def _body(self, name: str) -> Person:
        full = self.people.fullest_body(name)
        person = next((p for p in self.persons if p.is_org and titles_match(p.name or "", full)), None)
        if person is None:
            person = Person(full, is_org=True)
            self.persons.append(person)
        elif len(key(full)) > len(key(person.name or "")):
            person.name = full
        return person

    def _is_new_name(self, name: str) -> bool:
        full = self.people.fullest(name)
        return not any(p.name and (name_suffix_matches(p.name, full) or name_suffix_matches(full, p.name))
                       for p in self.persons)

    def _person_titled(self, title: str, upcoming: list[Mention | None], indefinite: bool = False) -> Person:
        for p in self.persons:
            if any(titles_match(title, t) for t in p.titles):
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
            if nxt is not None and nxt.kind == "name" and nxt.name and self._is_new_name(nxt.name):
                person = self._person_named(nxt.name)
            elif self.current is not None and not self.current.is_org and not indefinite:
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

    def _ranked(self, choice: speaker_ranker.Candidate | None, mention: Mention | None,
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
        elif mention.kind == "org_anaphor":
            person = next((p for p in reversed(self.persons) if p.is_org), None)
            if person is None and self.people.report_author:
                person = self._body(self.people.report_author)
        elif mention.kind == "org":
            person = self._body(mention.name or mention.text)
        elif mention.kind == "title":
            if mention.name:
                person = self._person_named(mention.name)
                if mention.title:
                    person.titles.append(mention.title)
            else:
                indefinite = key(mention.text.split()[0]) == "یک"
                person = self._person_titled(mention.title or mention.text, upcoming, indefinite)
        else:
            person = self._person_named(mention.name or mention.text)
        return person
