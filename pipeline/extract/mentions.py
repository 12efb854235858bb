"""Person mentions: names, titles, pronouns, «این مسئول» anaphors and bodies that speak (issue #6).

Everything here works on spaCy tokens and compares words by their spelling-blind ``key``
(../shared/gold/FORMAT.md) through the word lists of :mod:`pipeline.lexicons.words`.

>>> from pipeline.nlp import blank
>>> doc = blank()("مدیرکل بهزیستی استان قزوین علیرضا وارثی روز شنبه گفت")
>>> m = mention_at(doc, 0, len(doc))
>>> (m.kind, m.title, m.name)
('title', 'مدیرکل بهزیستی استان قزوین', 'علیرضا وارثی')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..lexicons import load_list
from ..lexicons.hazm import load_lexicon
from ..lexicons.words import (
    DEMONSTRATIVES,
    ambiguous_first_names,
    anaphor_nouns,
    collective_speakers,
    entity_words,
    first_names,
    glued_preposition,
    goes_on_after_a_known_name,
    honorifics,
    is_common,
    known_organization_end,
    last_names,
    lexicon_keys,
    light_verb_forms,
    media_heads,
    organization_words,
    place_phrases,
    places,
    pronouns,
    stoppers,
    title_links,
    title_organizations,
    title_qualifiers,
    titles,
)
from ..text import is_word, key, lookup_form, token_key
from .tokens import _analyzed, doc_tokens, words_text, words_text_tokens

REPORT_NOUNS = frozenset(key(w) for w in ("گزارش", "بیانیه", "اطلاعیه", "نامه", "اعلامیه", "مطلب"))


REGION_WORDS = frozenset(key(w) for w in load_list("region_markers"))
PERSON_LABELS = frozenset({"PER", "PERSON", "pers"})  # NER labels of persons (PEYMA, ARMAN)
BODY_LABELS = frozenset({"ORG", "LOC", "FAC", "org", "loc", "fac"})  # ... and of bodies and places


MAX_NAME_WORDS = 4  # first name + up to three more words


MAX_TITLE_WORDS = 12
BECOME_FORMS = frozenset(key(w) for w in ("شد", "شدند", "شده", "گردید", "گردیدند"))  # «شد» and its forms


MAX_COMMA_SEGMENT = 8  # words of a title continued after a comma


@dataclass(slots=True)
class Mention:
    """A reference to a person (or a speaking body) as written.

    kind: ``name`` | ``title`` | ``pronoun`` | ``anaphor`` | ``org`` | ``org_anaphor`` |
    ``group`` (an unnamed source or a group: «مقام‌های وزارت دفاع آمریکا»).
    ``start``/``end`` are token indices; ``name`` is the name without honorifics,
    ``title`` the office phrase when the mention carries one.
    """

    start: int
    end: int
    kind: str
    text: str
    name: str | None = None
    title: str | None = None
    guessed: bool = False  # a name read from its position only («پومپئو گفت»)


@cache
def _link_pairs() -> frozenset[tuple[str, str]]:
    return frozenset((key(a), key(b)) for a, b in (link.split() for link in load_list("title_links")))


def _glued_link(tokens: list[Token], j: int) -> int:
    """1 when ``tokens[j]`` ends a title link whose first word is glued to the word before
    («مدیرنظارت بر بورس‌ها»: «نظارت بر» with «مدیر» and «نظارت» written together)."""
    if j == 0:
        return 0
    before, here = token_key(tokens[j - 1]), token_key(tokens[j])
    return int(any(here == b and before.endswith(a) and before != a for a, b in _link_pairs()))


def is_first_name(token: Token) -> bool:
    """«علیرضا»، «سیدجلیل» (a glued سید before a first name counts).

    >>> from pipeline.nlp import blank
    >>> is_first_name(blank()("سیدجلیل")[0])
    True
    """
    k = token_key(token)
    if k in first_names():
        return True
    return k.startswith("سید") and k[3:] in first_names()


def is_stopper(token: Token) -> bool:
    """Does this token end a name or a title phrase («روز»، «در»، «گفت»، «،» ...)?"""
    return not is_word(token) or token_key(token) in stoppers() or token.like_num


VERB_PREFIXES = ("می\u200c", "نمی\u200c")


VERB_SUFFIXES = ("\u200cاند", "\u200cایم", "\u200cاید", "\u200cام", "\u200cاست")


def looks_like_verb(text: str) -> bool:
    """«باخته‌اند»، «می‌شود»: a conjugated verb, never part of a name."""
    return text.startswith(VERB_PREFIXES) or text.endswith(VERB_SUFFIXES)


# جمع: «ها/های» for any noun, «ان/گان» for the living («نماینده» -> «نمایندگان»)
PLURAL_SUFFIXES = (("\u200cهای", ""), ("\u200cها", ""), ("های", ""), ("ها", ""), ("گان", "ه"), ("ان", ""))


@cache
def is_plural_noun(text: str) -> bool:
    """«دانشمندان»، «پالایشگاه‌های»، «نمایندگان»: a noun in the plural, i.e. hazm knows its
    singular as a noun («دانشمند»، «پالایشگاه»، «نماینده»). A word hazm lists itself is no
    «ان» plural («میزان»، «پایان»), nor is a pronoun («آنان»، «آن‌ها»، «این‌ها»).

    >>> is_plural_noun("کارشناسان"), is_plural_noun("ایران"), is_plural_noun("میزان"), is_plural_noun("کارشناس")
    (True, False, False, False)
    """
    lexicon = load_lexicon()
    if key(text) in pronouns():
        return False
    for suffix, ending in PLURAL_SUFFIXES:
        if not text.endswith(suffix) or (suffix.endswith("ان") and lexicon.is_word(text)):
            continue
        stem = text[: -len(suffix)] + ending
        if len(stem) > 1 and lexicon.has_pos(stem, "N") and key(stem) not in pronouns() | DEMONSTRATIVES:
            return True
    return False


def continues_name(tokens: list[Token], j: int, is_cue: Callable[[int], bool]) -> bool:
    """Can ``tokens[j]`` be the next word of a name («وارثی» after «علیرضا»)?

    Not a stopper, cue, title, organization word or pronoun; a known last name or a
    word that is not common in news text.
    """
    t = tokens[j]
    k = token_key(t)
    if is_stopper(t) or is_cue(j) or titles().match(tokens, j) or k in pronouns() or looks_like_verb(t.text):
        return False
    if t.text in load_lexicon().stopwords:  # «ولی»، «زیرا»: function words, never part of a name
        return False
    if organization_words().match(tokens, j) or honorifics().match(tokens, j):
        return False
    if k in last_names() and is_common(t.text) and j > 0 and not is_first_name(tokens[j - 1]) \
            and j + 1 < len(tokens) and is_common(tokens[j + 1].text) and not (
                is_stopper(tokens[j + 1]) or is_cue(j + 1) or titles().match(tokens, j + 1) or looks_like_verb(tokens[j + 1].text)):
        return False  # «هادیانی [زمان بهره‌برداری ...]»: a common word that a noun phrase goes on from ends no name
    if k in last_names() or (k in first_names() and k not in ambiguous_first_names()):
        return True
    return k not in places() and not is_common(t.text) and not glued_preposition(k)


def _extend_name(tokens: list[Token], i: int, end: int, is_cue: Callable[[int], bool]) -> int:
    """End (exclusive) of a name that starts at ``i``: words until one that cannot continue it."""
    j = i + 1
    while j < end and j - i < MAX_NAME_WORDS and continues_name(tokens, j, is_cue):
        j += 1
    return j


def name_at(tokens: list[Token], i: int, end: int, is_cue: Callable[[int], bool]) -> int:
    """End of a name of two words or more that starts with a first name at ``i``, else ``i``.

    >>> from pipeline.nlp import blank
    >>> toks = list(blank()("حمید امیریان اظهار داشت"))
    >>> name_at(toks, 0, 4, lambda i: i == 2)
    2
    """
    if not is_first_name(tokens[i]) or is_stopper(tokens[i]) or organization_words().match(tokens, i):
        return i
    if token_key(tokens[i]) in ambiguous_first_names() and not (
        i + 1 < end and token_key(tokens[i + 1]) in last_names()
    ):  # «کره شمالی صریحا»، «تیم امید انتخاب»: a common word, not a name
        return i
    j = _extend_name(tokens, i, end, is_cue)
    return j if j - i >= 2 else i


def _name_ends_before(tokens: list[Token], j: int, is_cue: Callable[[int], bool]) -> bool:
    """Does what follows at ``j`` close a name: a title, a cue, a comma or colon, a stopper?"""
    t = tokens[j]
    return bool(titles().match(tokens, j)) or is_cue(j) or t.text in {"،", ":"} or (is_stopper(t) and not t.is_space)


def _extend_title(tokens: list[Token], i: int, end: int, is_cue: Callable[[int], bool]) -> int:
    """End of a title phrase whose office word starts at ``i``.

    It ends after a place («مدیرکل بهزیستی استان قزوین»), keeps «در مجلس ...»
    («نماینده مردم شوش در مجلس شورای اسلامی») and «این» before a body («سرمربی سابق
    این تیم»), and stops at a stopper, a cue, a pronoun or a name.
    """
    j = i + max(1, titles().match(tokens, i))
    rule = title_organizations().get(key(words_text_tokens(tokens, i, j)))
    if rule == "rank":  # «ژنرال حاجی‌زاده»: a rank, then the name
        return j
    if rule == "-":
        # a complete office («رئیس‌جمهوری»، «امام جمعه»): at most the place or country it serves,
        # maybe after a qualifier («امام‌جمعه موقت خوانسار»)
        if j + 1 < end and token_key(tokens[j]) == "این" and token_key(tokens[j + 1]) == "کشور":
            return j + 2  # «نخست وزیر این کشور»
        if j < end and token_key(tokens[j]) == "کشورمان":
            return j + 1  # «رئیس جمهور کشورمان»
        for n in range(j, min(end, j + 3)):
            if is_stopper(tokens[n]) or is_cue(n):
                break
            if place_phrases().match(tokens, n):
                return n + place_phrases().match(tokens, n)
        if j < end and not is_stopper(tokens[j]) and not is_cue(j) and not is_common(tokens[j].text):
            j += 1
        return j
    body, known_end = j, known_organization_end(tokens, j)  # «رئیس [مجمع تشخیص مصلحت نظام]»
    while j < end and j - i < MAX_TITLE_WORDS:
        t = tokens[j]
        k = token_key(t)
        nxt = tokens[j + 1] if j + 1 < end else None
        if j == known_end > body and not goes_on_after_a_known_name(tokens, j):
            break  # «رئیس مجمع تشخیص مصلحت نظام [حفظ فرهنگ‌ها ...]»: the known body is complete
        if t.text == "(" and j + 2 < end and tokens[j + 2].text == ")" and len(tokens[j + 1].text) <= 3 \
                and not tokens[j + 1].is_ascii:  # not «(who)»: an acronym in brackets follows the name
            j += 3  # «ستاد ارتحال امام (ره)»: a blessing in brackets
            if j < end and ends_title(tokens, j):
                break
            continue
        if k == "در" and nxt is not None and (token_key(nxt) == "مجلس" or _serves_body(tokens, j + 1, end)):
            j += 1  # «نماینده ... در مجلس»، «سفیر ... در سازمان ملل»، «مسئول ستاد ... در شهرستان فردوس»
            continue
        n_mission = _mission_place(tokens, i, j, end)
        if n_mission:  # «سفیر ایران در ژاپن»: where a mission serves ends its title
            j += n_mission
            break
        n_link = title_links().match(tokens, j) or _glued_link(tokens, j)
        if n_link and j + n_link < end and not is_stopper(tokens[j + n_link]):  # «... در امور آب»
            j += n_link + 1
            continue
        if (t.text == "،" or k == "و") and _reaches_parliament(tokens, j, end):  # «شهریار، قدس و ملارد در مجلس»
            j += 1
            continue
        n_place = place_phrases().match(tokens, j)
        if n_place:  # «استان قزوین»، «کره شمالی»: the title ends with the place it serves
            j += n_place
            # «شهرستان‌های شهریار، قدس و ملارد در مجلس ...»: a list of places goes on
            while j + 1 < end and (tokens[j].text == "،" or token_key(tokens[j]) == "و") and place_phrases().match(tokens, j + 1):
                j += 1 + place_phrases().match(tokens, j + 1)
            after = tokens[j] if j < end else None
            if after is not None and (token_key(after) == "در" or organization_words().match(tokens, j)
                                      or title_links().match(tokens, j) or _reaches_parliament(tokens, j, end)):
                continue
            break
        # «دانشگاه شهید باهنر»، «بنیاد فرهنگی مهدی موعود»: a body named after a person
        named_body = any(organization_words().match(tokens, b) for b in range(max(i, j - 2), j))
        name_end = name_at(tokens, j, end, is_cue)
        starts_name = name_end > j and k not in ambiguous_first_names() and not names_the_dead(tokens, j, name_end, end)
        if is_cue(j) or k in pronouns() or looks_like_verb(t.text) or (starts_name and not named_body):
            break
        if j > i + 1 and (k in lexicon_keys("appointment_words") or k not in entity_words() and (
                _third_person_verb(t) or (nxt is not None and _third_person_verb(nxt)))):
            break  # «دبیر جدید فدراسیون وزنه‌برداری [انتخاب شد]»، «رئیس باشگاه تاتنهام [بوده]»: a verb
        if honorifics().match(tokens, j) and not named_body and not names_the_dead(tokens, j, name_end, end) and name_at(
            tokens, j + honorifics().match(tokens, j), end, is_cue
        ) > j:
            break  # not «... مسجد حضرت ابوالفضل(ع)»، «... دانشگاه شهید بهشتی»: those names belong to the body
        joins = nxt is not None and not is_stopper(nxt) and not is_cue(j + 1) and (
            is_common(nxt.text) or titles().match(tokens, j + 1) > 0 or not k == "و"
            or load_lexicon().is_word(nxt.text) and not is_first_name(nxt) and nxt.ent_type_ not in PERSON_LABELS)
        if k == "این" and nxt is not None and (organization_words().match(tokens, j + 1) or token_key(nxt) == "کشور"
                                              or token_key(nxt) in lexicon_keys("title_undertakings")):
            j += 1 + max(1, organization_words().match(tokens, j + 1))  # «سرمربی سابق این تیم»، «نخست وزیر این کشور»
            j += _mission_place(tokens, i, j, end)
            break
        if is_stopper(t) and not ((k == "و" or t.like_num) and joins):
            break
        if j > i + 1 and ends_title(tokens, j):
            break
        j += 1
    while j > i + 1 and token_key(tokens[j - 1]) == "و":
        j -= 1
    return j


def _mission_place(tokens: list[Token], i: int, j: int, end: int) -> int:
    """Length of «در <place>» at ``j`` after an office that serves abroad at ``i`` (title_missions.txt:
    «سفیر ایران [در ژاپن]»، «سفیر این کشور [در واشنگتن]»: a place of the lexicons or a LOC of the
    NER model), else 0."""
    if j + 1 >= end or token_key(tokens[j]) != "در" or token_key(tokens[i]) not in lexicon_keys("title_missions"):
        return 0
    n_place = place_phrases().match(tokens, j + 1)  # places.txt and countries.txt, one word or more
    if not n_place and tokens[j + 1].ent_iob_ == "B" and tokens[j + 1].ent_type_ == "LOC":
        n_place = entity_end(tokens, j + 1, end) - (j + 1)  # «واشنگتن»: a place the NER model knows
    return 1 + n_place if n_place else 0


def _third_person_verb(t: Token) -> bool:
    """A light verb said of someone (کرد، داد، بوده، دارد ...), not a form that is also the end
    of a noun («وزنه [برداری]»: a second person «بردار-ی») and not «شد» (a title before it is
    what someone became: «نایب رئیس فدراسیون وزنه برداری شد»).

    >>> from pipeline.nlp import blank
    >>> [_third_person_verb(t) for t in blank()("انجام داد وزنه برداری شد")]
    [False, True, False, False, False]
    """
    form = lookup_form(t.text)
    return form in light_verb_forms() and not form.endswith(("ی", "م")) and form not in BECOME_FORMS


def ends_title(tokens: list[Token], j: int) -> bool:
    """A common word that no organization or place name of the NER corpora holds, and that
    neither qualifies an office nor opens a title or a body, ends a title: «رئیس مجلس شورای
    اسلامی [نامه ...]»، «وزیر بهداشت [کنترل جمعیت]»، «مشاور کاخ سفید [منفی شدن ...]»."""
    t = tokens[j]
    k = token_key(t)
    before = j - 1
    if tokens[before].text == ")" and before >= 3 and tokens[before - 2].text == "(":
        before -= 3  # «سازمان بهداشت جهانی (who) [تنها ...]»: the body ends before its bracket
    if t.ent_type_ or tokens[before].ent_type_ not in BODY_LABELS:
        return False  # the title has not reached the end of a body yet
    return ((is_common(t.text) or load_lexicon().is_word(t.text)) and k not in entity_words()
            and k not in title_qualifiers()
            and not t.like_num and not titles().match(tokens, j) and not organization_words().match(tokens, j))


def _serves_body(tokens: list[Token], j: int, end: int) -> bool:
    """Does a body («سازمان ملل») or a region («شهرستان فردوس») start at ``j`` (after «در»)?"""
    return bool(organization_words().match(tokens, j)) or (
        token_key(tokens[j]) in REGION_WORDS and j + 1 < end and is_word(tokens[j + 1]))


def _reaches_parliament(tokens: list[Token], j: int, end: int) -> bool:
    """Do a few words, commas and «و» from ``j`` lead to «در مجلس» (an MP's constituencies)?"""
    for n in range(j, min(end, j + 8)):
        if token_key(tokens[n]) == "در":
            return n + 1 < end and token_key(tokens[n + 1]) == "مجلس"
        if not (is_word(tokens[n]) or tokens[n].text == "،") or token_key(tokens[n]) in stoppers() - {"و"}:
            return False
    return False


def extend_title_over_commas(tokens: list[Token], i: int, end: int, is_cue: Callable[[int], bool]) -> int:
    """A title continued over short comma segments: «وزیر بهداشت، درمان و آموزش پزشکی، ...»،
    «وزیر بهداشت، درمان و آموزش پزشکی گفت»."""
    j = _extend_title(tokens, i, end, is_cue)
    while j < end and tokens[j].text == "،":
        k = j + 1
        while k < end and k - j <= MAX_COMMA_SEGMENT and is_word(tokens[k]) and not is_cue(k) and (
            not is_stopper(tokens[k]) or token_key(tokens[k]) == "و"
        ) and not titles().match(tokens, k) and name_at(tokens, k, end, is_cue) == k:
            k += 1
        has_and = any(token_key(t) == "و" for t in tokens[j + 1 : k])  # «، درمان و آموزش پزشکی،»
        # the last segment may end at the cue or the name instead of a comma: «عضو هیأت رئیسه
        # کمیسیون برنامه، بودجه و محاسبات گفت»
        comma = k < end and tokens[k].text == "،"
        closes = comma or k == end or (k < end and (is_cue(k) or name_at(tokens, k, end, is_cue) > k))
        if closes and k > j + 1 and token_key(tokens[j + 1]) != "و" and token_key(tokens[k - 1]) != "و" and has_and:
            j = k
            if not comma:
                break
        else:
            break
    return j


BLESSINGS = frozenset(key(w) for w in ("ع", "س", "ص", "عج", "ره", "قده"))


def is_blessed(tokens: list[Token], i: int, end: int) -> bool:
    """Does a blessing in brackets stand at ``i`` («(ع)»، «(ره)»): the name before it is a holy
    figure's or a late authority's, which names a body («مسجد حضرت ابوالفضل(ع)») and holds no office
    in the article."""
    return i + 2 < end and tokens[i].text == "(" and tokens[i + 2].text == ")" and token_key(tokens[i + 1]) in BLESSINGS


MARTYR = key("شهید")


BODY_NAME_REACH = 4  # «[دانشگاه] علوم پزشکی شهید بهشتی»: how far back a body word makes a martyr's name its own


def names_the_dead(tokens: list[Token], start: int, name_end: int, end: int) -> bool:
    """Is the name from ``start`` to ``name_end`` (:func:`name_at`) blessed («حضرت ابوالفضل(ع)») or a
    martyr's after a body word («دانشگاه علوم پزشکی شهید بهشتی»)? Such a name names the body in a
    title and holds no office; «استاد شهید مرتضی مطهری» is a person still."""
    if token_key(tokens[start]) == MARTYR:
        return any(organization_words().match(tokens, b) for b in range(max(0, start - BODY_NAME_REACH), start))
    return is_blessed(tokens, name_end, end)


def _no_cue(i: int) -> bool:
    return False


def may_name_someone(tokens: list[Token], i: int) -> bool:
    """Can a mention that names a person (kind name or title, with a name) start at ``i``?
    Only at a first name, an honorific, a title or «یک» before one: the scans over every
    token of an article ask this before the full :func:`mention_at`."""
    return is_word(tokens[i]) and (is_first_name(tokens[i]) or token_key(tokens[i]) == "یک"
                                   or bool(honorifics().match(tokens, i)) or bool(titles().match(tokens, i)))


def name_starts(doc: Doc) -> list[bool]:
    """:func:`may_name_someone` for every token, worked out once per document."""
    analyzed = _analyzed(doc)
    if analyzed.name_starts is None:
        tokens = analyzed.tokens
        analyzed.name_starts = [may_name_someone(tokens, i) for i in range(len(tokens))]
    return analyzed.name_starts


def mention_at(doc: Doc, i: int, end: int, is_cue: Callable[[int], bool] = _no_cue) -> Mention | None:
    """The person mention that starts at token ``i`` (before token ``end``), if any.

    >>> from pipeline.nlp import blank
    >>> mention_at(blank()("این مسوول افزود"), 0, 3).kind
    'anaphor'
    """
    if end != len(doc):
        return _mention_at(doc, i, end, is_cue)
    found = _analyzed(doc).mentions
    if (i, is_cue) not in found:
        found[i, is_cue] = _mention_at(doc, i, end, is_cue)
    return found[i, is_cue]


def _mention_at(doc: Doc, i: int, end: int, is_cue: Callable[[int], bool]) -> Mention | None:
    tokens = doc_tokens(doc)
    t = tokens[i]
    k = token_key(t)
    if k in pronouns():
        return Mention(i, i + 1, "pronoun", t.text)
    if k == "این" and i + 1 < end:
        n = anaphor_nouns().match(tokens, i + 1) or titles().match(tokens, i + 1) or collective_speakers().match(
            tokens, i + 1)
        if n:
            j = _extend_title(tokens, i + 1, end, is_cue) if titles().match(tokens, i + 1) else i + 1 + n
            return Mention(i, j, "anaphor", words_text(doc, i, j))
        if organization_words().match(tokens, i + 1) or token_key(tokens[i + 1]) in REPORT_NOUNS:
            return Mention(i, i + 2, "org_anaphor", words_text(doc, i, i + 2))
        return None
    start = i
    group = collective_speakers().match(tokens, i + (k == "یک"))
    if group and titles().match(tokens, i + (k == "یک")) > group:
        group = 0  # «مقام معظم رهبری» is an office, not an unnamed «مقام»
    if group:  # «مقام‌های وزارت دفاع آمریکا»، «یک منبع موثق از باشگاه النصر»: a speaker of its own
        head = i + (k == "یک")
        j = _extend_group(tokens, head + group, end, is_cue)
        named = after_quantifier(tokens, head, j)
        return Mention(start, j, "group", words_text(doc, start, j), title=words_text(doc, named, j))
    if k == "یک" and i + 1 < end and titles().match(tokens, i + 1):
        i += 1
    h = honorifics().match(tokens, i)
    while h and i + h < end:
        i += h
        h = honorifics().match(tokens, i)
    if i >= end:
        return None
    if titles().match(tokens, i):
        j = extend_title_over_commas(tokens, i, end, is_cue)
        title = words_text(doc, i, j)
        n = j
        while n < end and honorifics().match(tokens, n):
            n += honorifics().match(tokens, n)
        m = name_at(tokens, n, end, is_cue) if n < end else n
        if m == n and n < end and title_organizations().get(key(title)) == "rank":
            while m < end and m - n < 2 and continues_name(tokens, m, is_cue):
                m += 1
        if m > n:
            return Mention(start, m, "title", words_text(doc, start, m), name=words_text(doc, n, m), title=title)
        named = _name_set_off(tokens, j, end, is_cue)
        if named > j + 1:  # «وزیر دارایی دولت ژاپن، تارو آسو، ...»
            return Mention(start, named + 1, "title", words_text(doc, start, named),
                           name=words_text(doc, j + 1, named), title=title)
        return Mention(start, j, "title", words_text(doc, start, j), title=title)
    j = name_at(tokens, i, end, is_cue)
    if j == i and i > start and is_first_name(tokens[i]) and i + 2 < end and _bridges_name(tokens, i + 1, is_cue) \
            and _name_ends_before(tokens, i + 2, is_cue):
        j = i + 2  # «دکتر محمدباقر قالیباف شهردار ...»: after an honorific, a surname that is also a common word
    if j == i and i > start and not titles().match(tokens, i):
        # «سردار ساجدی نیا»: after an honorific, uncommon words are a name, and so is what
        # the NER model tags a person («آقای هاست»)
        while j < end and j - i < 3 and continues_name(tokens, j, is_cue):
            j += 1
        if j == i and tokens[i].ent_type_ in PERSON_LABELS:
            j = entity_end(tokens, i, end)
    if j > i:
        return Mention(start, j, "name", words_text(doc, start, j), name=words_text(doc, i, j))
    if start == i:
        return org_at(doc, i, end, is_cue)
    return None


def after_quantifier(tokens: list[Token], i: int, end: int) -> int:
    """Where the name of a speaker phrase starts after its leading quantifier (``speaker_quantifiers``):
    «بسیاری از [دانشمندان]»، «برخی [رسانه‌های کرد]»، «برخی دیگر از [نمایندگان]»; ``i`` when none.

    >>> from pipeline.nlp import blank
    >>> after_quantifier(blank()("برخی دیگر از نمایندگان"), 0, 4)
    3
    """
    if token_key(tokens[i]) not in lexicon_keys("speaker_quantifiers"):
        return i
    j = i + 1
    if j < end and token_key(tokens[j]) == "دیگر":
        j += 1
    if j < end and token_key(tokens[j]) == "از":
        j += 1
    return j if j < end else i


def entity_end(tokens: list[Token], i: int, end: int) -> int:
    """End of the NER entity whose token ``i`` is (or continues past ``i``), before ``end``."""
    j = i + 1
    while j < end and tokens[j].ent_iob_ == "I":
        j += 1
    return j


def _name_set_off(tokens: list[Token], j: int, end: int, is_cue: Callable[[int], bool]) -> int:
    """End of a name of two words or more that commas set off at ``j`` («، تارو آسو،»): a
    name that starts with a first name, a PER span of the NER model, or uncommon words; else 0."""
    if j + 1 >= end or tokens[j].text != "،":
        return 0
    k = j + 1
    n = name_at(tokens, k, end, is_cue)
    if n == k and tokens[k].ent_iob_ == "B" and tokens[k].ent_type_ in PERSON_LABELS:
        n = entity_end(tokens, k, end)
    if n == k:
        while n < end and n - k < 3 and continues_name(tokens, n, is_cue):
            n += 1
    return n if n - k >= 2 and n < end and tokens[n].text == "،" else 0


def _extend_group(tokens: list[Token], j: int, end: int, is_cue: Callable[[int], bool]) -> int:
    """End of an unnamed or collective speaker phrase: the head, what qualifies it («موثق»،
    «ارشد اطلاعاتی آمریکا») up to a body or a place, «از» + a body or a place and «در» + a
    body («منبع موثق از باشگاه النصر»، «مقام مسئول در شهرداری»); it stops at a stopper, a cue, a
    verb, and at a common word after a body («وزیران کشاورزی ۲۰ اقتصاد بزرگ جهان»: a number
    goes on)."""
    start = j
    while j < end and j - start < MAX_TITLE_WORDS:
        t = tokens[j]
        if j + 1 < end and (token_key(t) in {"از", "در"} and organization_words().match(tokens, j + 1)
                            or token_key(t) == "از" and place_phrases().match(tokens, j + 1)):
            j += 1
            continue
        number_goes_on = t.like_num and j + 1 < end and is_word(tokens[j + 1]) and not is_stopper(tokens[j + 1])
        if (is_stopper(t) and not number_goes_on) or is_cue(j) or token_key(t) in pronouns() or looks_like_verb(
            t.text
        ) or (j > start and ends_title(tokens, j)):
            break
        j += 1
    return j


def _extend_org(tokens: list[Token], i: int, end: int, is_cue: Callable[[int], bool]) -> int:
    """End of an organization name used as a subject («خبرگزاری مهر»، «بانک مرکزی»،
    «سازمان مدیریت و برنامه‌ریزی»)."""
    j = i + organization_words().match(tokens, i)
    medium = media_heads().match(tokens, i) > 0
    while j < end and j - i < 6 and not is_cue(j):
        if medium and j > i + 1 and place_phrases().match(tokens, j):
            break  # «روزنامه الوطن [عربستان]»: where a medium appears is not its name
        k = token_key(tokens[j])
        joins = (k == "و" and j + 1 < end and not is_stopper(tokens[j + 1]) and not is_cue(j + 1)
                 and not organization_words().match(tokens, j + 1))
        if (is_stopper(tokens[j]) and not joins) or k in REPORT_NOUNS or looks_like_verb(tokens[j].text) or (
            j > i + 1 and ends_title(tokens, j)
        ):  # «دولت ویتنام [اسیر شده ...]»
            break
        j += 1
    return j


def org_at(doc: Doc, i: int, end: int, is_cue: Callable[[int], bool] = lambda _: False) -> Mention | None:
    """A body named at ``i``, also as the author of a report («گزارش سازمان مدیریت ...»).

    >>> from pipeline.nlp import blank
    >>> doc = blank()("گزارش سازمان مدیریت و برنامه‌ریزی در سال ۸۴")
    >>> org_at(doc, 0, len(doc)).name
    'سازمان مدیریت و برنامه‌ریزی'
    """
    tokens = doc_tokens(doc)
    start = i
    if token_key(tokens[i]) in REPORT_NOUNS and i + 1 < end:
        i += 1
        while i < end and token_key(tokens[i]) in {"مشترک", "جدید", "تازه", "رسمی"}:
            i += 1
    if i >= end or not organization_words().match(tokens, i):
        return None
    quoted = quoted_medium_name(tokens, i, end)
    if quoted is not None and quoted[1] - quoted[0] == 1 and place_phrases().match(tokens, quoted[0]):
        quoted = None  # «وب‌سایت "عربستان"»: a place alone would name the country, not the site
    if quoted is not None:  # «سایت اینترنتی «میدل ایست آن لاین»»: the medium is called by the quoted name
        return Mention(start, quoted[1] + 1, "org", words_text(doc, start, quoted[1] + 1),
                       name=words_text(doc, quoted[0], quoted[1]))
    j = _extend_org(tokens, i, end, is_cue)
    name = words_text(doc, i, j)
    return Mention(start, j, "org", words_text(doc, start, j), name=name)


def quoted_medium_name(tokens: list[Token], i: int, end: int) -> tuple[int, int] | None:
    """Start and end of the name in quote marks that a medium's head and at most one word
    before it introduce («روزنامه آمریکایی «نیویورک تایمز»»، «سایت اینترنتی «میدل ایست آن لاین»»)."""
    n = media_heads().match(tokens, i)
    if not n:
        return None
    for q in range(i + n, min(end, i + n + 2)):
        if tokens[q].text in {"«", "\""}:
            closer = "»" if tokens[q].text == "«" else "\""
            close = next((c for c in range(q + 1, min(end, q + 8)) if tokens[c].text == closer), None)
            return (q + 1, close) if close is not None and close > q + 1 else None
        if not is_word(tokens[q]):
            return None
    return None


def _bridges_name(tokens: list[Token], j: int, is_cue: Callable[[int], bool]) -> bool:
    """Can ``tokens[j]``, a common word, still be the last word of a name that the NER span
    cut short («محمد کشتی [آرای] گفت»)? Not a stopper, cue, title, pronoun, verb or body."""
    t = tokens[j]
    return (is_word(t) and not is_stopper(t) and not is_cue(j) and not titles().match(tokens, j)
            and token_key(t) not in pronouns() and not looks_like_verb(t.text)
            and not organization_words().match(tokens, j) and not honorifics().match(tokens, j))


def person_spans(doc: Doc, is_cue: Callable[[int], bool] = _no_cue) -> dict[int, int]:
    """Start -> end of the names the NER model tags PER, honorifics left out and carried on
    where the model cut them short: over the words that can continue a name (a known last
    name, an uncommon word) and over one more word that stands right before the cue or a
    comma (or a stopper, after a name of one word) («یونس میرزایی [تبار] گفت»، «کوین [هاست] روز سه‌شنبه اعلام کرد»).
    Names of one word are left out unless the model or a last name make them two.

    >>> from pipeline.nlp import blank
    >>> from spacy.tokens import Span
    >>> doc = blank()("کوین هاست روز سه شنبه اعلام کرد")
    >>> doc.ents = [Span(doc, 0, 1, label="PER")]
    >>> person_spans(doc)
    {0: 2}
    """
    tokens = doc_tokens(doc)
    spans: dict[int, int] = {}
    for e in doc.ents:
        if e.label_ not in PERSON_LABELS:
            continue
        i = e.start
        while i < e.end and (h := honorifics().match(tokens, i)):
            i += h
        if i >= e.end or titles().match(tokens, i) or any(
            not is_word(t) or token_key(t) in stoppers() or token_key(t) in pronouns() for t in tokens[i : e.end]
        ):
            continue
        j = e.end
        while j < len(tokens) and j - i < MAX_NAME_WORDS and continues_name(tokens, j, is_cue):
            j += 1
        if j - i < MAX_NAME_WORDS and j + 1 < len(tokens) and _bridges_name(tokens, j, is_cue):
            after = tokens[j + 1]
            if is_cue(j + 1) or after.text in {"،", ":"} or (
                j - i == 1 and is_stopper(after) and not after.is_space
            ):
                j += 1
        if j - i >= 2:
            spans[i] = j
    return spans


def person_entity_name(ent: Span) -> str | None:
    """The name in a PER entity of the NER model, without honorifics or a title
    («آیت‌الله غلامعلی صفایی‌بوشهری» -> «غلامعلی صفایی‌بوشهری»); None when nothing is left
    that can be a name.
    """
    tokens = doc_tokens(ent.doc)
    i = ent.start
    while i < ent.end and (h := honorifics().match(tokens, i)):
        i += h
    if i < ent.end and titles().match(tokens, i):
        return None
    words = [t for t in tokens[i : ent.end] if is_word(t)]
    if not words or token_key(words[0]) in pronouns() or any(token_key(t) in stoppers() for t in words):
        return None
    if len(words) == 1 and (is_common(words[0].text) or token_key(words[0]) in ambiguous_first_names()):
        return None  # «امید» tagged alone is more often the word than the name
    return ent.doc[i : ent.end].text
