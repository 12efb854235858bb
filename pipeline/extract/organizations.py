"""Organizations: the NER model's ORG mentions, grouped so each organization is named once.

Two mentions name the same body when they agree after dropping what does not
change which body is meant (lexicons ``organization_heads``, ``organization_national``):

- a leading type word: «سازمان بهزیستی» = «بهزیستی», «خبرگزاری فارس» = «فارس»;
- a trailing national qualifier: «سازمان بهزیستی کشور» = «سازمان بهزیستی»;
- a shortened form: «سپاه» is «سپاه پاسداران» when no other organization starts so.

A regional branch (``region_markers``: استان، شهرستان ...) is its own organization:
«اداره کل بهزیستی استان قزوین» is not «سازمان بهزیستی», but «بهزیستی استان»,
«بهزیستی استان قزوین» and «اداره کل بهزیستی قزوین» all join it.
Comparison is on :func:`pipeline.text.key` of each word (spelling-blind);
the name given is the fullest form (the longest mention; the most frequent among equals).
A mention the model let run onto «و»، «از» or punctuation is trimmed first
(lexicon ``organization_edge_words``), and so is one that runs into the verb phrase
(«وزارت نیرو [امروز]»، «[قول] داد»); «X و Y» is split when Y opens a new
name (lexicon ``organization_openers``: «سپاه و بسیج» is two organizations).
A mention the model stopped short is extended over a branch's «استان X» and a
mission's «در X» («سفارت آمریکا در تهران», ``organization_missions``).
A body named inside another mention from an organization word on is its own organization
(«معاونت غذا و داروی [وزارت بهداشت]», GUIDE.md). Countries, peoples and plurals («کمیسیون‌های مجلس») are no organizations
(``countries``, ``demonyms``, ``organization_words``).

One decision per name, not per span: a name the model tags ORG is a mention wherever
else the article writes it untagged (or tags it otherwise less often), and the names
of the organization gazetteers are mentions where the model tagged nothing:
``organization_gazetteer`` mined from the NER training corpora, ``organization_gazetteer_news``
from news-raw (the names the model tags ORG nearly everywhere else, and those written after
«روزنامه»، «شرکت» ...), both by ``python -m pipeline.train.org_gazetteer``. In sports news the
clubs of ``organization_clubs`` (``--clubs``) are mentions whatever the model tagged them. A paper's
desk («گروه اقتصادی», ``news_desks``, ``--desks``), a type word made a person («شرکت کنندگان»،
«روزنامه نگاران») and a name run on past its region into a common word are cut or dropped.
Each organization gets a ``key`` (:func:`group_key`) for counting it across a corpus.

>>> org_name("اداره کل بهزیستی استان قزوین")
OrgName(core=('بهزیستی',), region=('قزوین',), regional=True)
>>> org_name("سازمان بهزیستی کشور").flat
('بهزیستی',)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from ..lexicons import load_list
from ..lexicons.words import (
    DEMONSTRATIVES,
    PhraseSet,
    entity_words,
    glued_preposition,
    goes_on_after_a_known_name,
    is_common,
    known_organization_end,
    lexicon_keys,
    lexicon_phrases,
    light_verb_forms,
    light_verb_present_stems,
    organization_gazetteers,
    organization_words,
    place_phrases,
    title_organizations,
)
from ..text import key, lookup_form, token_key
from .mentions import entity_end, quoted_medium_name
from .tokens import doc_keys, doc_tokens

PARLIAMENT = key("مجلس")


@dataclass(frozen=True, slots=True)
class OrgName:
    """What identifies an organization mention: its core words and its region (if a branch)."""

    core: tuple[str, ...]
    region: tuple[str, ...]
    regional: bool

    @property
    def flat(self) -> tuple[str, ...]:
        """Core and region words together: «بهزیستی قزوین» for the Qazvin branch."""
        return self.core + self.region

    @property
    def ident(self) -> tuple[str, ...]:
        """What mentions are grouped by: ``flat``, set apart for an unnamed region («بهزیستی استان»)."""
        return self.flat + (("\0",) if self.regional and not self.region else ())


def words(text: str) -> tuple[str, ...]:
    """Spelling-blind words of ``text`` (ZWNJ joins, so «اداره‌کل» is one word).

    >>> words("سازمان  بهزيستي")
    ('سازمان', 'بهزیستی')
    """
    return tuple(w for w in (key(part) for part in text.split()) if w)


@cache
def _phrases(lexicon: str) -> tuple[tuple[str, ...], ...]:
    """The lexicon's entries as word tuples, longest first."""
    return tuple(sorted({words(entry) for entry in load_list(lexicon)} - {()}, key=len, reverse=True))


def _drop_head(ws: tuple[str, ...]) -> tuple[str, ...]:
    """Without one leading type word, unless nothing would be left.

    >>> _drop_head(("خبرگزاری", "فارس"))
    ('فارس',)
    """
    for head in _phrases("organization_heads"):
        if len(ws) > len(head) and ws[: len(head)] == head:
            return ws[len(head) :]
    return ws


def _drop_national(ws: tuple[str, ...]) -> tuple[str, ...]:
    """Without a trailing «کشور» / «جمهوری اسلامی ایران», unless nothing would be left."""
    for tail in _phrases("organization_national"):
        if len(ws) > len(tail) and ws[-len(tail) :] == tail:
            return ws[: -len(tail)]
    return ws


def org_name(text: str) -> OrgName:
    """Core and region of one mention.

    >>> org_name("بهزیستی استان")
    OrgName(core=('بهزیستی',), region=(), regional=True)
    """
    ws = _drop_national(_drop_head(words(text)))
    markers = {m[0] for m in _phrases("region_markers") if len(m) == 1}
    for i, w in enumerate(ws):
        if i > 0 and w in markers:
            return OrgName(ws[:i], ws[i + 1 :], True)
    return OrgName(ws, (), False)


class _Groups:
    """Union-find over mention identities (flat word tuples)."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def find(self, x: tuple[str, ...]) -> tuple[str, ...]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        self.parent[self.find(a)] = self.find(b)


def _merge_short_forms(names: dict[tuple[str, ...], OrgName], groups: _Groups) -> None:
    """Join a non-branch name to the one longer non-branch name it starts,
    and «بهزیستی استان» to the one branch of that body with a region.

    >>> g = _Groups(); ns = {n.ident: n for n in map(org_name, ["سپاه", "سپاه پاسداران"])}
    >>> _merge_short_forms(ns, g); g.find(("سپاه",)) == g.find(("سپاه", "پاسداران"))
    True
    """
    for ident in sorted(names, key=len, reverse=True):
        name, flat = names[ident], names[ident].flat
        if name.regional and not name.region:
            candidates = [n.ident for n in names.values() if n.regional and n.region and n.core == name.core]
        elif not name.regional:
            candidates = [
                n.ident for n in names.values()
                if not n.regional and len(n.flat) > len(flat) and n.flat[: len(flat)] == flat
                and not _names_a_country(n.flat[len(flat) :])  # «امور خارجه» is not «امور خارجه ایتالیا»
            ]
        else:
            continue
        roots = {groups.find(c) for c in candidates}
        if len(roots) == 1:
            groups.union(ident, roots.pop())


def _names_a_country(ws: tuple[str, ...]) -> bool:
    """Are the words ``ws`` (keys) a country or a place: the body of another state or city?"""
    return "".join(ws) in place_phrases().keys or "".join(ws) in lexicon_keys("countries")


def group_mentions(mentions: list[Span]) -> list[dict]:
    """``[{"name", "mentions"}]`` in order of first mention.

    >>> import spacy; nlp = spacy.blank("fa")
    >>> doc = nlp("سازمان بهزیستی و بهزیستی")
    >>> [g["name"] for g in group_mentions([doc[0:2], doc[3:4]])]
    ['سازمان بهزیستی']
    """
    names = {}
    for span in mentions:
        name = org_name(span.text)
        if name.flat:
            names.setdefault(name.ident, name)
    groups = _Groups()
    for ident in names:
        groups.find(ident)
    _merge_short_forms(names, groups)
    grouped: dict[tuple[str, ...], list[Span]] = {}
    for span in mentions:
        name = org_name(span.text)
        if name.flat:
            grouped.setdefault(groups.find(name.ident), []).append(span)
    return [{"name": group_name(spans), "key": group_key(root), "mentions": spans}
            for root, spans in grouped.items()]


def group_key(ident: tuple[str, ...]) -> str:
    """A spelling-blind identifier of an organization, the same in every article that names
    it so, for counting bodies across a corpus: its words without the type word and the
    national qualifier (``org_name``), a branch's region after them.

    >>> group_key(org_name("سازمان بهزیستی کشور").ident), group_key(org_name("اداره کل بهزیستی استان قزوین").ident)
    ('بهزیستی', 'بهزیستی قزوین')
    """
    return " ".join(w for w in ident if w != "\0")


def body_word_before(span: Span) -> str | None:
    """The word an office title just before ``span`` puts before its body (titles.tsv):
    «وزیر [بهداشت]» -> «وزارت»، «مدیرکل [بهزیستی استان قزوین]» -> «اداره کل»; None when
    there is no such title or the span already starts with a body word (``organization_words``,
    ``organization_openers``: «مدیرکل [دفتر محیط زیست]» names «دفتر محیط زیست»).

    >>> import spacy; doc = spacy.blank("fa")("معاون وزیر راه و ترابری گفت")
    >>> body_word_before(doc[2:5])
    'وزارت'
    """
    doc = span.doc
    first = key(span[0].text)
    if first in lexicon_keys("organization_words") or first in lexicon_keys("organization_openers"):
        return None
    for n in (2, 1):
        if span.start - n < 0:
            continue
        body = title_organizations().get(key(doc[span.start - n : span.start].text))
        if body and body not in {"=", "-", "rank", "role"}:  # rules, not words (titles.tsv)
            return None if words(span.text)[: len(words(body))] == words(body) else body
    return None


def mention_name(span: Span) -> str:
    """What a mention names: its text, with the body word of a title before it
    («وزیر [کار]» names «وزارت کار»)."""
    body = body_word_before(span)
    return f"{body} {span.text}" if body else span.text


def group_name(mentions: list[Span]) -> str:
    """The fullest form the article gives: the longest mention name (with the body word of a
    title before it), the one said most often among equally long ones.

    >>> import spacy; doc = spacy.blank("fa")("بهزیستی و سازمان بهزیستی و بهزیستی")
    >>> group_name([doc[0:1], doc[2:4], doc[5:6]])
    'سازمان بهزیستی'
    >>> doc = spacy.blank("fa")("وزیر بهداشت گفت")
    >>> group_name([doc[1:2]])
    'وزارت بهداشت'
    """
    names = [mention_name(m) for m in mentions]
    counts: dict[str, int] = {}
    for name in names:
        counts[key(name)] = counts.get(key(name), 0) + 1
    return max(names, key=lambda t: (len(words(t)), counts[key(t)], len(t)))


def split_coordination(span: Span) -> list[Span]:
    """``span`` cut before each «و» (or «،») followed by a word that opens an organization name.

    >>> import spacy; doc = spacy.blank("fa")("سپاه و بسیج و نیروهای مسلح")
    >>> [s.text for s in split_coordination(doc[0:6])]
    ['سپاه', 'بسیج', 'نیروهای مسلح']
    >>> doc = spacy.blank("fa")("وزارت راه و شهرسازی")
    >>> [s.text for s in split_coordination(doc[0:4])]
    ['وزارت راه و شهرسازی']
    """
    openers = set(load_list("organization_openers"))
    doc, parts, start = span.doc, [], span.start
    for i in range(span.start + 1, span.end - 1):
        if doc[i].text in ("و", "،") and doc[i + 1].text in openers and i > start:
            parts.append(Span(doc, start, i, label=span.label))
            start = i + 1
    if not parts:
        return [span]
    return [*parts, Span(doc, start, span.end, label=span.label)]


def trim(span: Span) -> Span | None:
    """``span`` without edge words and punctuation at either end; None if nothing is left.

    >>> import spacy; doc = spacy.blank("fa")("سازمان مدیریت و برنامه‌ریزی و از")
    >>> trim(doc[0:6]).text
    'سازمان مدیریت و برنامه‌ریزی'
    """
    edge = set(load_list("organization_edge_words"))
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].text in edge):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in edge):
        end -= 1
    while end - start > 1 and _runs_on(doc, end - 1):
        end -= 1
    tokens = doc_tokens(doc)
    known = known_organization_end(tokens, start)
    if start < known < end and not goes_on_after_a_known_name(tokens, known):
        end = known  # «مجمع تشخیص مصلحت نظام [حفظ فرهنگ‌ها]»: a known name, then the sentence
    end = _after_place(tokens, start, end)
    glued = next((i for i in range(start + 1, end) if glued_preposition(key(doc[i].text))
                  and not is_common(doc[i].text) and key(doc[i].text) not in entity_words()), end)
    end = glued  # «شهرداری تهران [درمنطقه 5 تهران]»: a preposition written onto the next word
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label)


def _after_place(tokens: list, start: int, end: int) -> int:
    """Where a name ends that the model ran on past its place into a common word that no name of
    the NER corpora holds: «اداره کل تبلیغات اسلامی خراسان شمالی [گردهمایی آموزشی ...]» (a branch's
    name ends with its region; «واحد تهران [مرکز]» goes on)."""
    for i in range(start + 1, end):
        n = place_phrases().match(tokens, i)
        nxt = tokens[i + n] if n and i + n < end else None
        if nxt is not None and is_common(nxt.text) and key(nxt.text) not in entity_words() and key(nxt.text) != "و":
            return i + n
    return end


def _runs_on(doc: Doc, i: int) -> bool:
    """Is the last word of a name, ``doc[i]``, the model's run-on into the verb phrase: an
    adverb after the subject (``subject_adverbs``), a verb form, or the noun of a compound
    verb that no organization or place name of the NER corpora holds (``entity_words``):
    «وزارت نیرو [امروز] اعلام کرد»، «وزارت نیرو [قول] داد»?"""
    word = doc[i].text
    if key(word) in entity_words():
        return False
    if lookup_form(word) in light_verb_forms() or key(word) in lexicon_keys("subject_adverbs"):
        return True
    nxt = next((t for t in doc[i + 1 : i + 3] if not t.is_space), None)
    return nxt is not None and is_common(word) and lookup_form(nxt.text) in light_verb_forms()


def extend(span: Span) -> Span:
    """``span`` with the rest of its name that the model left out: a national tail
    («شورای عالی ترافیک» + «کشور», ``organization_national``), the region of a branch
    («بهزیستی» + «استان قزوین»), where a mission serves («سفارت جمهوری اسلامی ایران» +
    «در وین», lexicon ``organization_missions``) and a medium's name in quote marks, which
    is then the mention («شبکه خبری "الجزیره"» -> «الجزیره»، as the quotes' speaker).

    >>> import spacy; doc = spacy.blank("fa")("سفارت ایران در ژاپن و اداره کل بهزیستی استان قزوین گفت")
    >>> extend(doc[0:2]).text, extend(doc[5:8]).text
    ('سفارت ایران در ژاپن', 'اداره کل بهزیستی استان قزوین')
    """
    doc, end = span.doc, span.end
    if end >= len(doc):
        return span
    tokens = doc_tokens(doc)
    national = lexicon_phrases("organization_national").match(tokens, end) if not tokens[end].ent_type_ else 0
    if national:  # «شورای عالی ترافیک [کشور]»، «بانک مرکزی [جمهوری اسلامی ایران]»
        return Span(doc, span.start, end + national, label=span.label)
    quoted = quoted_medium_name(tokens, span.start, len(doc))
    if quoted is not None and quoted[0] - 1 <= end <= quoted[0]:  # «شبکه خبری "[الجزیره]"»: the medium's name
        return Span(doc, quoted[0], quoted[1], label=span.label)
    after = token_key(tokens[end])
    markers = lexicon_keys("region_markers")
    if after in markers and not any(key(t.text) in markers for t in span):
        n = place_phrases().match(tokens, end + 1)
        if n:
            return Span(doc, span.start, end + 1 + n, label=span.label)
    if after == "در" and lexicon_phrases("organization_missions").match(tokens, span.start):
        n = place_phrases().match(tokens, end + 1) or lexicon_phrases("organization_gazetteer").match(tokens, end + 1)
        if not n and end + 1 < len(doc) and tokens[end + 1].ent_iob_ == "B" and tokens[end + 1].ent_type_ in {"LOC", "ORG"}:
            n = entity_end(tokens, end + 1, len(doc)) - (end + 1)  # «در [وین]»
        if n:
            return Span(doc, span.start, end + 1 + n, label=span.label)
    return span


def is_common_phrase(span: Span) -> bool:
    """Does ``span`` start a common noun phrase that names no body (lexicon
    ``organization_not_names``: «استقلال مالی مددجویان» is financial independence), also when
    the phrase runs on past the span ([استقلال] مالی)?

    >>> import spacy; doc = spacy.blank("fa")("استقلال مالی مددجویان و باشگاه استقلال")
    >>> is_common_phrase(doc[0:3]), is_common_phrase(doc[0:1]), is_common_phrase(doc[4:6])
    (True, True, False)
    """
    longest = max((len(p) for p in _phrases("organization_not_names")), default=0)
    ws = words(span.doc[span.start : max(span.end, min(len(span.doc), span.start + longest))].text)
    return any(ws[: len(phrase)] == phrase for phrase in _phrases("organization_not_names"))


MEDIA_TYPES = frozenset(key(w) for w in ("روزنامه", "نشریه", "مجله"))
AGENT_ENDINGS = ("ندگان", "نده")  # کننده، دهندگان: a present stem made an agent


def is_agent_noun(span: Span) -> bool:
    """Does ``span`` open with a type word made a person by an agent after it: «شرکت کنندگان»
    (participants)، «سازمان دهندگان» (organizers)، «روزنامه نگاران» (journalists)? The agent is a
    light verb's (``light_verbs``: «شرکت کردن» -> «شرکت‌کننده»), and the type word is then no body's
    head; «اتحادیه تولیدکنندگان»، «کانون نویسندگان» are bodies of such people.

    >>> import spacy; doc = spacy.blank("fa")("شرکت کنندگان و روزنامه نگاران و کانون نویسندگان")
    >>> is_agent_noun(doc[0:2]), is_agent_noun(doc[3:5]), is_agent_noun(doc[6:8])
    (True, True, False)
    """
    if len(span) < 2 or not (organization_words().match(list(span), 0) or key(span[0].text) in MEDIA_TYPES):
        return False
    agent = span[1].text
    if lookup_form(agent) in {"نگار", "نگاران"}:
        return True
    return any(agent.endswith(end) and lookup_form(agent[: -len(end)]) in light_verb_present_stems()
               for end in AGENT_ENDINGS)


def is_country_or_people(span: Span) -> bool:
    """Is ``span`` only a country (``countries``: «جمهوری اسلامی ایران»), a nationality
    adjective or the people it names (``demonyms``, made by ``python -m pipeline.train.demonyms``:
    «ژاپنی»، «فلسطینی‌ها»، «ایرانیان»)? GUIDE.md: none of them is an organization.

    >>> import spacy; doc = spacy.blank("fa")("اسرائیلی‌ها و چینی و بانک چین و جمهوری اسلامی ایران و ونزوئلا")
    >>> [is_country_or_people(s) for s in (doc[0:1], doc[2:3], doc[4:6], doc[7:10], doc[11:12])]
    [True, True, False, True, True]
    """
    return names_country_or_people(key(span.text))


def names_country_or_people(k: str) -> bool:
    """:func:`is_country_or_people` for the key of a name (also used by the gazetteer's recipe)."""
    demonyms = lexicon_keys("demonyms")
    folded = k.replace("ئ", "ی")  # «آمریکائی‌ها»
    return k in lexicon_keys("countries") or folded in demonyms or any(
        folded.endswith(plural) and folded[: -len(plural)] in demonyms for plural in ("ها", "ان"))


def is_body_of_a_people(span: Span) -> bool:
    """Is ``span`` an organization word and a nationality only («روزنامه آمریکایی»، «تیم
    چینی»، «شرکت ژاپنی»): a kind of body, «این روزنامه آمریکایی» on second mention, no name?

    >>> import spacy; doc = spacy.blank("fa")("روزنامه آمریکایی و روزنامه گاردین و ارتش آمریکا")
    >>> [is_body_of_a_people(s) for s in (doc[0:2], doc[3:5], doc[6:8])]
    [True, False, False]
    """
    ws = words(span.text)
    return len(ws) > 1 and ws[0] in lexicon_keys("organization_words") and all(
        names_country_or_people(w) and w not in lexicon_keys("countries") for w in ws[1:])


def is_foreign_office(span: Span) -> bool:
    """Is ``span`` the office in a title of another state's official («وزیر [امور خارجه
    فرانسه]»): named only through the person, not listed (the gold lists the ministry only
    where the article writes it, «وزارت خارجه آمریکا»)?

    >>> import spacy; doc = spacy.blank("fa")("وزیر امور خارجه فرانسه و وزیر امور خارجه ایران")
    >>> is_foreign_office(doc[1:4]), is_foreign_office(doc[6:9])
    (True, False)
    """
    last = key(span[-1].text)
    return (body_word_before(span) is not None and last in lexicon_keys("countries")
            and last not in lexicon_keys("organization_national"))


def is_generic_plural(span: Span) -> bool:
    """Does ``span`` open with the plural of an organization word («کمیسیون‌های مجلس»،
    «سازمان‌های محیط زیست»، «بانک‌های مرکزی»): bodies of a kind, no one named body?

    >>> import spacy; doc = spacy.blank("fa")("کمیسیون‌های مجلس و نیروهای مسلح و کمیسیون امنیت")
    >>> [is_generic_plural(s) for s in (doc[0:2], doc[3:5], doc[6:8])]
    [True, False, False]
    """
    first = key(span[0].text)
    stems = [first[: -len(plural)] for plural in ("های", "ها") if first.endswith(plural)]
    heads = lexicon_keys("organization_words")
    return any(stem in heads or stem.removesuffix("خانه") in heads for stem in stems[:1])  # «وزارتخانه‌های نفت»


def embedded_mentions(span: Span) -> list[Span]:
    """The bodies named inside ``span`` after its first word, each from an organization word
    (``organization_words``) to the span's end: «معاونت غذا و داروی [وزارت بهداشت]»،
    «اداره کل امور فرهنگی [ستاد مبارزه با مواد مخدر]». GUIDE.md lists each on its own.

    A body word alone at the end names no body («اداره کل بهزیستی [استان]»), except «مجلس»: the tune
    gold lists it in each of the 14 articles that write «کمیسیون فرهنگی مجلس»، «نماینده ... مجلس».

    >>> import spacy; doc = spacy.blank("fa")("معاونت غذا و داروی وزارت بهداشت و کمیسیون فرهنگی مجلس")
    >>> [s.text for s in embedded_mentions(doc[0:6])], [s.text for s in embedded_mentions(doc[7:10])]
    (['وزارت بهداشت'], ['مجلس'])
    """
    heads = lexicon_keys("organization_words")
    doc = span.doc
    last = span.end - 1 if key(doc[span.end - 1].text) == PARLIAMENT else span.end - 2
    return [Span(doc, i, span.end, label=span.label) for i in range(span.start + 1, last + 1)
            if key(doc[i].text) in heads and doc[i - 1].text not in ("و", "،")
            and key(doc[i - 1].text) not in heads]  # not «مجلس [شورای اسلامی]»


def untagged_mentions(doc: Doc, *names: PhraseSet) -> list[Span]:
    """Where one of ``names`` stands in ``doc`` and the NER model tagged no entity: «پزشکی قانونی»،
    «گمرک» from the organization gazetteer (made by ``python -m pipeline.train.org_gazetteer``),
    or a name the model tagged ORG elsewhere in the same article.

    >>> import spacy; doc = spacy.blank("fa")("نامه سازمان پزشکی قانونی به مجلس شورای اسلامی")
    >>> [s.text for s in untagged_mentions(doc, lexicon_phrases("organization_gazetteer"))]
    ['سازمان پزشکی قانونی', 'مجلس شورای اسلامی']
    """
    tokens = doc_tokens(doc)
    found, i = [], 0
    while i < len(doc):
        n = max(phrases.match(tokens, i) for phrases in names) if not doc[i].ent_type_ else 0
        if n and not any(t.ent_type_ for t in doc[i : i + n]):
            found.append(Span(doc, i, i + n, label="ORG"))
            i += n
        else:
            i += 1
    return found


def club_mentions(doc: Doc) -> list[Span]:
    """In sports news (a word of ``sports_words``), the clubs of the club gazetteer
    (``organization_clubs``, by ``python -m pipeline.train.org_gazetteer --clubs``) that the NER
    model did not tag ORG: it tags «فیورنتینا» PER and «ورونا» LOC as often as not. A club inside a
    longer entity is left to it.

    >>> import spacy; doc = spacy.blank("fa")("بازیکن آرسنال در لیگ برتر")
    >>> [s.text for s in club_mentions(doc)]
    ['آرسنال']
    """
    keys = doc_keys(doc)
    if not lexicon_keys("sports_words") & set(keys):
        return []
    tokens = doc_tokens(doc)
    clubs = lexicon_phrases("organization_clubs")
    found, i = [], 0
    while i < len(doc):
        n = clubs.match(tokens, i)
        crossed = n and any(t.ent_iob_ == "I" for t in (doc[i], *doc[i + n : i + n + 1]))
        if n and not crossed and doc[i].ent_type_ != "ORG":
            found.append(Span(doc, i, i + n, label="ORG"))
            i += n
        else:
            i += 1
    return found


NATIONAL_TEAM = (key("تیم"), key("ملی"))


def national_team_mentions(doc: Doc) -> list[Span]:
    """«تیم ملی» said alone, the country's own national team («بازیکنان تیم ملی آماده هستند»): an
    organization the NER model leaves untagged; the tune gold lists it in 14 articles. Not when a
    sport, an age or sex group (``team_qualifiers``), a country, a people or «این» follows: that is
    the start of a longer name («تیم ملی فرانسه»، «تیم ملی بانوان ایران»), or another country's
    team («تیم ملی این کشور»).

    >>> import spacy; doc = spacy.blank("fa")("بازیکنان تیم ملی آماده‌اند و تیم ملی فرانسه و تیم ملی بانوان")
    >>> [s.text for s in national_team_mentions(doc)]
    ['تیم ملی']
    """
    keys = doc_keys(doc)
    found = []
    for i in range(len(doc) - 1):
        if (keys[i], keys[i + 1]) != NATIONAL_TEAM or doc[i].ent_type_ or doc[i + 1].ent_type_:
            continue
        nxt = keys[i + 2] if i + 2 < len(doc) else ""
        if nxt in lexicon_keys("team_qualifiers") or nxt in lexicon_keys("sports_words") or nxt in DEMONSTRATIVES \
                or names_country_or_people(nxt):
            continue  # «تیم ملی این کشور»: a country's team, named by the article before
        found.append(Span(doc, i, i + 2, label="ORG"))
    return found


def retagged_mentions(doc: Doc, mentions: list[Span]) -> list[Span]:
    """Entities of another label whose text the model tags ORG more often in the article: one
    decision per name, so «بهزیستی» tagged LOC once in the seed is the organization there too."""
    as_org = Counter(key(m.text) for m in mentions)
    as_other = Counter(key(e.text) for e in doc.ents if e.label_ != "ORG")
    return [Span(doc, e.start, e.end, label="ORG") for e in doc.ents
            if e.label_ != "ORG" and as_org[key(e.text)] > as_other[key(e.text)]]


def group_organizations(doc: Doc) -> Doc:
    """Set ``doc._.organizations`` from ``doc.ents`` labelled ORG and the gazetteer's names."""
    mentions = [trim(part) for ent in doc.ents if ent.label_ == "ORG" for part in split_coordination(ent)]
    mentions = [extend(m) for m in mentions if m is not None]
    mentions += [inner for m in mentions for inner in embedded_mentions(m)]
    # one decision per name: a name tagged once is an organization at each of its mentions
    named = PhraseSet(m.text for m in mentions if len(m) > 1 or not is_common(m.text))  # not «استقلال»
    extra = untagged_mentions(doc, named, organization_gazetteers()) + retagged_mentions(doc, mentions)
    taken = [*mentions, *extra]
    extra += [c for c in (*club_mentions(doc), *national_team_mentions(doc))
              if not any(m.start < c.end and c.start < m.end for m in taken)]
    mentions = sorted([*mentions, *extra], key=lambda m: m.start)
    doc._.organizations = group_mentions([m for m in mentions if not is_common_phrase(m)
                                          and not is_country_or_people(m) and not is_body_of_a_people(m)
                                          and not is_generic_plural(m) and not is_foreign_office(m)
                                          and key(m.text) not in lexicon_keys("news_desks")  # «گروه اقتصادی»: a desk
                                          and not is_agent_noun(m)])
    return doc
