"""The subject of a clause: who speaks before a cue verb («مدیرکل بهزیستی ... گفت»).

>>> from pipeline.nlp import blank
>>> doc = blank()("مدیرکل بهزیستی استان قزوین علیرضا وارثی روز شنبه گفت: ...")
>>> m = subject_mention(doc, 0, len(doc))
>>> (m.kind, m.title, m.name)
('title', 'مدیرکل بهزیستی استان قزوین', 'علیرضا وارثی')
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from ..lexicons.hazm import load_lexicon
from ..lexicons.words import (
    agencies,
    first_names,
    is_agency,
    last_names,
    lexicon_keys,
    media_heads,
    openers,
    place_phrases,
    titles,
)
from ..text import is_word, key, token_key
from .mentions import (
    PERSON_LABELS,
    REPORT_NOUNS,
    Mention,
    _extend_name,
    _no_cue,
    after_quantifier,
    continues_name,
    entity_end,
    is_plural_noun,
    is_stopper,
    looks_like_verb,
    mention_at,
)
from .tokens import doc_tokens, words_text


def skip_openers(doc: Doc, i: int, end: int) -> int:
    """First token after sentence openers («اما»، «از سوی دیگر»), a byline («همشهری ورزشی-»),
    «به گزارش ...،» and a leading phrase that a comma ends («پیش از سخنان کفاشیان،»)."""
    tokens = doc_tokens(doc)
    for _ in range(4):
        while i < end and not is_word(tokens[i]) and tokens[i].text in {"«", "\"", "-", "*", "،"}:
            i += 1
        if i >= end:
            return i
        dash = next((j for j in range(i, min(end, i + 5)) if tokens[j].text in DASHES), None)
        if dash is not None and all(is_word(tokens[j]) for j in range(i, dash)) and not _title_in_dashes(tokens, dash, end):
            i = dash + 1
            continue
        colon = next((j for j in range(i, min(end, i + 5)) if tokens[j].text == ":"), None)
        if colon is not None and is_agency(doc[i:colon].text):
            i = colon + 1
            continue
        report = next((j for j in range(i + 1, min(end, i + 4)) if token_key(tokens[j]) == "گزارش"), None)
        if token_key(tokens[i]) in REPORT_OPENERS and report is not None:
            # «به گزارش ...،»، «بنابر این گزارش،»، «براساس این گزارش،»
            comma = next((j for j in range(i, min(end, i + BYLINE_TOKENS)) if tokens[j].text == "،"), None)
            if comma is not None:
                i = comma + 1
                continue
            credited = _agency_credit_end(tokens, report + 1, end)
            if credited:
                i = credited  # «به گزارش ایسنا دکتر بهرام دلاور ... گفت»: no comma after the agency
                continue
        n = openers().match(tokens, i)
        if n:
            i += n
            continue
        comma = next((j for j in range(i + 1, min(end, i + LEADING_PHRASE_TOKENS)) if tokens[j].text == "،"), None)
        if token_key(tokens[i]) in LEADING_PREPOSITIONS and comma is not None and comma + 1 < end:
            i = comma + 1  # «پیش از سخنان کفاشیان، علی مرادی ... گفت»: a leading phrase, then the subject
            continue
        break
    while i < end and tokens[i].text in {"«", "\"", "،"}:
        i += 1
    return i


def _agency_credit_end(tokens: list, j: int, end: int) -> int:
    """End of an agency credited without a comma, from ``j`` (after «به گزارش»): «ایسنا»، «خبرگزاری
    فارس از کرمان» (a place it reports from); 0 when no agency stands there.

    >>> from pipeline.nlp import blank
    >>> doc = blank()("به گزارش خبرگزاری فارس از کرمان سید محمدعلی محمدی گفت")
    >>> _agency_credit_end(doc_tokens(doc), 2, len(doc))
    6
    """
    j += media_heads().match(tokens, j) if j < end else 0
    if j >= end or token_key(tokens[j]) not in agencies():
        return 0
    j += 1
    if j + 1 < end and token_key(tokens[j]) == "از":
        n = place_phrases().match(tokens, j + 1)
        if n:
            j += 1 + n
    return j


DASHES = frozenset({"-", "–", "—"})
TITLE_IN_DASHES_TOKENS = 25  # «NAME - مدیرکل صادرات گمرک ایران - گفت»: the title a second dash closes


def _title_in_dashes(tokens: list, dash: int, end: int) -> bool:
    """Does a title follow the dash at ``dash`` and another dash close it? Then the words before
    the first dash are a name («ناصر ابراهیمی- مدیرکل صادرات گمرک ایران- گفت»), not a byline
    («همشهری ورزشی- ...»)."""
    return dash + 1 < end and bool(titles().match(tokens, dash + 1)) and any(
        tokens[k].text in DASHES for k in range(dash + 2, min(end, dash + TITLE_IN_DASHES_TOKENS)))


def _guessed_name(doc: Doc, i: int, end: int, is_cue: Callable[[int], bool]) -> Mention | None:
    """«پومپئو با اشاره به ...»، «بگوویچ اما ... گفت»: one to three uncommon words that open
    the clause and end at a stopper or a cue (one word alone when it is a known first or last
    name, the NER model tags it a person, or a title follows it); an agency name («رویترز») speaks as a body."""
    tokens = doc_tokens(doc)
    if token_key(tokens[i]) in agencies():
        return Mention(i, i + 1, "org", tokens[i].text, name=tokens[i].text)
    comma = next((k for k in range(i + 1, min(end, i + 4)) if tokens[k].text == "،" or (
        tokens[k].text in DASHES and _title_in_dashes(tokens, k, end))), None)
    if comma is not None and comma + 1 < end and titles().match(tokens, comma + 1) and all(
        is_word(t) and not is_stopper(t) and not titles().match(tokens, t.i) and t.text not in load_lexicon().stopwords
        and not looks_like_verb(t.text) for t in tokens[i:comma]
    ):  # «کوین هاست، مشاور اقتصادی کاخ سفید، ... گفت»، «داور شیخاوندی- کارشناس ...- گفت»: the words
        # a title in commas or dashes follows are a name
        text = words_text(doc, i, comma)
        return Mention(i, comma, "name", text, name=text, guessed=True)
    if is_stopper(tokens[i]) or not continues_name(tokens, i, is_cue):
        return None
    j = _extend_name(tokens, i, end, is_cue)
    if any(t.text.endswith(("\u200cها", "\u200cهای")) for t in tokens[i:j]):
        return None  # «منوجانی‌ها»: a group, not a person
    # «چی‌مون‌شیک سرمربی تیم ملی کره گفت»: the name may stand before its title
    if j - i > 3 or (j < end and not (is_cue(j) or is_stopper(tokens[j]) or tokens[j].text == ":"
                                      or titles().match(tokens, j))):
        return None
    before_title = j < end and (titles().match(tokens, j) or (
        tokens[j].text == "،" and j + 1 < end and titles().match(tokens, j + 1)))
    if j - i == 1 and not (tokens[i].ent_type_ in PERSON_LABELS or token_key(tokens[i]) in last_names()
                           or token_key(tokens[i]) in first_names() or before_title):
        return None  # «پوشک»، «اسپانسری»: an uncommon word, but nothing says a person
    text = words_text(doc, i, j)
    return Mention(i, j, "name", text, name=text, guessed=True)


# a clause that opens with one of these opens with a phrase its comma ends («در این نشست، ...»)
LEADING_PREPOSITIONS = frozenset(key(w) for w in (
    "در", "با", "پیش", "پس", "بعد", "قبل", "هنگام", "ضمن", "طی", "درباره", "درخصوص", "پیرامون"))
LEADING_PHRASE_TOKENS = 10
BYLINE_TOKENS = 12  # «به گزارش خبرگزاری فارس از بیرجند،»: the comma that ends a byline comes this early


REPORT_OPENERS = frozenset(key(w) for w in ("به", "بنابر", "بنا", "براساس", "بر", "طبق"))


SUBJECT_WINDOW = 6  # words after the openers within which a clause's subject starts


SUBJECT_LIMITS = frozenset(key(w) for w in ("را", "که"))


ORG_LABELS = frozenset({"ORG", "org"})


PREPOSITIONS = frozenset(key(w) for w in ("از", "با", "به", "در", "برای", "درباره", "توسط", "مورد", "نزد", "پیرامون"))


def subject_mention(
    doc: Doc, start: int, end: int, is_cue: Callable[[int], bool] = _no_cue,
    known_names: Callable[[Doc, int, int], int] | None = None,
) -> Mention | None:
    """The subject of a clause: the first person mention between ``start`` and ``end``
    that no preposition governs.

    ``known_names(doc, i, end)`` returns the length of an already known name at ``i``
    (a surname alone: «وارثی افزود»).

    >>> from pipeline.nlp import blank
    >>> doc = blank()("اما «مسعود پزشکیان»، وزیر بهداشت، روز شنبه گفت:")
    >>> subject_mention(doc, 0, len(doc)).name
    'مسعود پزشکیان'
    """
    tokens = doc_tokens(doc)
    i = skip_openers(doc, start, end)
    first = i
    depth = 0  # inside a parenthesis
    while i < end:
        t = tokens[i]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        prev = token_key(tokens[i - 1]) if i > start else ""
        governed = prev in PREPOSITIONS or depth > 0
        if is_cue(i) or token_key(t) in SUBJECT_LIMITS:  # the subject comes before the object and a relative clause
            break
        words_before = sum(is_word(x) for x in tokens[first:i])
        after_comma = i > start and tokens[i - 1].text in {"،", "«"}
        # the subject opens the clause: a name deep inside a phrase («آرمان‌های حضرت امام») is a possessor
        if not governed and is_word(t) and (words_before < SUBJECT_WINDOW or after_comma):
            if i == first and t.ent_iob_ == "B" and t.ent_type_ in ORG_LABELS and not mention_at(doc, i, end, is_cue):
                # «بارسلونا روز گذشته اعلام کرد»: a body the NER model names, with no type word
                j = entity_end(tokens, i, end)
                if j >= end or is_stopper(tokens[j]) or is_cue(j):  # not «کنزا [بورو اوئه]»: the name ends there
                    text = words_text(doc, i, j)
                    return Mention(i, j, "org", text, name=text)
            m = mention_at(doc, i, end, is_cue)
            if m and (m.kind != "org" or i == first or after_comma):  # «در حالی که ...، شرکت ملی نفت ... اعلام کرد»
                return m
            if known_names is not None:
                n = known_names(doc, i, end)
                if n:
                    return Mention(i, i + n, "name", words_text(doc, i, i + n), name=words_text(doc, i, i + n))
            guess = _guessed_name(doc, i, end, is_cue) if i == first else None
            if guess is not None:
                return guess
        i += 1
    if i < len(tokens) and is_cue(i):  # the clause ran up to its cue: no mention opened it
        return _plural_subject(doc, first, i)
    return None


PLURAL_SUBJECT_WORDS = 6  # a plural subject longer than this is a clause, not a noun phrase


def _plural_subject(doc: Doc, i: int, cue: int) -> Mention | None:
    """A noun phrase in the plural that stands right before the cue is a group that speaks
    (GUIDE.md: an unnamed speaker is its own speaker): «پالایشگاه‌های دولتی هند پیش‌بینی
    کرده‌اند»، «بسیاری از دانشمندان عقیده دارند»، «مهندسان شرکت تویوتا قول داده‌اند». Its head is
    a plural noun, after a quantifier that is no part of its name («بسیاری از»); what follows
    it is words, no verb or preposition; «نیز»، «امروز» before the cue stay out.

    >>> from pipeline.nlp import blank
    >>> m = _plural_subject(blank()("بسیاری از دانشمندان عقیده دارند"), 0, 3)
    >>> m.text, m.title
    ('بسیاری از دانشمندان', 'دانشمندان')
    """
    tokens = doc_tokens(doc)
    j = cue
    while j > i and token_key(tokens[j - 1]) in lexicon_keys("subject_adverbs"):
        j -= 1
    head = after_quantifier(tokens, i, j)
    if not (head < j <= i + PLURAL_SUBJECT_WORDS) or not is_plural_noun(tokens[head].text) or any(
            token_key(tokens[head]).startswith(noun) for noun in REPORT_NOUNS):
        return None  # «گزارش‌های اخیر گفته‌اند»: reports are no group of speakers
    if any(not is_word(t) or is_stopper(t) or looks_like_verb(t.text) or token_key(t) in PREPOSITIONS
           for t in tokens[head:j]):
        return None
    return Mention(i, j, "group", words_text(doc, i, j), title=words_text(doc, head, j))
