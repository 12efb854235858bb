"""Figures: every stated quantity as a typed fact (issue #5).

The component ``khabar_figures`` finds number expressions (:mod:`.numbers`), reads
the words around each one and fills ``doc.spans["figures"]`` with token-aligned
spans: ``span.label_`` is the kind (money|percent|count|measure|other) and
``span._.figure`` is ``{"value", "unit", "quantity", "qualifier"}``.

    بیش از سه هزار نفر سرپرست خانوار تحت حمایت ...
    qualifier="بیش از", text="سه هزار نفر", value=3000, kind=count,
    quantity="نفر سرپرست خانوار"

Not figures: dates and years (سال ۸۴، ۱۴ مرداد، ۱۳۹۸، سال مالی ۸۵، سه ماهه دوم), clock times (ساعت ۱۰),
ordinals (دومین), numbers naming a thing (ماده ۲۱۵، کمیته سه نفره), phone numbers
and codes, the article یک (یک پروژه ملی, but «تنها یک راه» and «یک کاروان» beside «۶ کاروان»
count), vague amounts (صدها، چند هزار) and list markers (۱- ...). Pairs say «one or two»
(یکی دو روز: 1 and 2 days), shares are halves (نیمی از، نصف: 0.5). The word lists are lexicons ``figure_*`` in pipeline/lexicons.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache

from spacy.tokens import Doc, Span

from ..lexicons import load_list, load_table
from ..lexicons.hazm import load_lexicon
from ..lexicons.words import DEMONSTRATIVES, glued_preposition, light_verb_forms
from ..text import SENTENCE_ENDERS, lookup_form
from .numbers import Atom, NumberMatch, denominators, find_numbers, parse_number, scales

KINDS = ("money", "percent", "count", "measure", "other")
# one lexical item: a letter run (ZWNJ compounds whole), a digit string or one other character
ITEM = re.compile(r"[^\W\d_]+(?:[\u200c\u00a0]+[^\W\d_]+)*|\d+(?:[.,٫٬/:]\d+)*|[^\s\u200c]|\n")
SUFFIXES = ("ای", "یی", "ی", "ه", "است", "اش")  # تومانی، کیلویی، ساله، نفراست، ساله‌اش (keys carry no ZWNJ)
EXPLICIT_RANGES = ("تا", "الی")
RANGE_LINKS = ("تا", "الی", "یا", "و", "،", ",", "-", "–", "_")
VERB_PREFIXES = ("می\u200c", "نمی\u200c")  # می‌شود، نمی‌کند: a verb ends the counted noun
NAME_JOINERS = ("+", "×", "*")
PARAGRAPH_ENDS = (*SENTENCE_ENDERS, ":", "»", "؛")
CLAUSE_ENDS = ("،", "؛", ".", ",", ";", ":", "!", "؟")
LIST_BREAKS = ("؛", ";", ".", ":", "\n")
YEAR_RANGES = ((1300, 1500), (1900, 2100))
MAX_QUANTITY_WORDS = 3
INDEFINITE_TIME_UNITS = ("روز", "شب")  # یک روز: "one day" in a story, unless a duration cue precedes
NAMED_PERIODS = ("دهه", "قرن", "سده")  # سه دهه ۴۰، ۵۰ و ۶۰ counts decades that have names
SHARE_WORDS = frozenset({"نصف", "نیمی"})  # a half of something, a figure though no unit follows
PREPOSITION_KEYS = frozenset({"به", "با", "در", "از"})
ZERO_COPULAS = frozenset({"است", "بود", "بوده", "باشد", "شد", "شده"})  # «... صفر است»: zero said of something
PERFECT_AUXILIARIES = frozenset({"است", "اند", "بود", "بودند", "باشد", "باشند"})  # رسیده است
ONE_OF_A_PAIR = re.compile(r"(?<![^\W\d_])(یکی)[ \u200c،,]*$")  # «یکی دو روز»، «یکی، دو فیلمنامه»
LONG_DIGITS = 7  # ۱۳۹۸۳۹۲: a news code or a phone number unless a unit follows


@dataclass(frozen=True, slots=True)
class Word:
    """One item of text around a number: ``start``/``end`` index the doc text."""

    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        """Its lexicon look-up spelling (:func:`~pipeline.text.lookup_form`)."""
        return lookup_form(self.text)

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


@dataclass(slots=True)
class Unit:
    """A unit found after a number: ``تومانی`` -> unit تومان, kind money."""

    unit: str | None
    kind: str
    words: int  # how many words it spans


@dataclass(slots=True)
class FigureCandidate:
    """A number and what its context says about it."""

    number: NumberMatch
    kind: str | None = None
    unit: str | None = None
    quantity: str | None = None
    qualifier: str | None = None
    end: int = 0  # end of the figure's text
    explicit_unit: bool = False  # a unit or classifier from figure_units follows
    excluded: str | None = None  # why it is not a figure
    value: int | float | None = None  # when not the number's own value (۱۵ تا ۲۰ هزار -> 15000)
    after: list[Word] = field(default_factory=list)

    @property
    def amount(self) -> int | float:
        """The value the figure states: ``value`` when the context changed it, else the number's."""
        return self.number.value if self.value is None else self.value


@cache
def _key_set(name: str) -> frozenset[str]:
    return frozenset(lookup_form(entry) for entry in load_list(name))


@cache
def _phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word lexicon entries as word-key tuples, longest first."""
    entries = (tuple(lookup_form(w) for w in e.split()) for e in load_list(name))
    return tuple(sorted(entries, key=len, reverse=True))


@cache
def _scale_words() -> frozenset[str]:
    """هزار، میلیون، میلیارد ... (:func:`~.numbers.scales`), as look-up keys."""
    return frozenset(lookup_form(word) for word in scales())


@cache
def _units() -> dict[str, tuple[str | None, str]]:
    """Unit key -> (unit shown in the record or None, kind)."""
    return {lookup_form(row["form"]): (row["unit"] or None, row["kind"]) for row in load_table("figure_units")}


def _words_after(text: str, pos: int, limit: int = 14) -> list[Word]:
    """Items after ``pos`` in the same paragraph (a hard-wrapped line goes on).

    >>> [w.text for w in _words_after("۱۱۰ هزار مددجو و خانواده‌ها", 8)]
    ['مددجو', 'و', 'خانواده\u200cها']
    """
    words = []
    for m in ITEM.finditer(text, pos):
        if len(words) == limit or (m.group() == "\n" and _is_hard_break(text, m.start())):
            break
        if m.group() != "\n":
            words.append(Word(m.start(), m.end(), m.group()))
    return words


def _is_hard_break(text: str, newline: int) -> bool:
    """A line break that ends a paragraph, not a hard wrap inside one (Hamshahri copy).

    >>> _is_hard_break("در سال\\n۷۷ فیلمنامه", 6), _is_hard_break("پایان.\\nآغاز", 6)
    (False, True)
    """
    before = text[:newline].rstrip(" \t")
    after = text[newline + 1 :].lstrip(" \t")
    return not before or not after or before[-1] in PARAGRAPH_ENDS or after[0] == "\n"


def _words_before(text: str, pos: int, limit: int = 4) -> list[Word]:
    """Items before ``pos`` in the same paragraph, nearest first.

    >>> [w.text for w in _words_before("به مبلغ ۵۰ میلیون", 8)]
    ['مبلغ', 'به']
    """
    start = max(0, pos - 80)
    items = []
    for m in ITEM.finditer(text, start, pos):
        if m.group() != "\n":
            items.append(Word(m.start(), m.end(), m.group()))
        elif _is_hard_break(text, m.start()):
            items = []
    return items[::-1][:limit]


def _stems(joined: str, last: str) -> list[str]:
    """``joined`` without one or two suffixes of its last word: ساله‌ای -> ساله، سال.

    >>> _stems("سالهای", "سالهای")[:2], _stems("کیلویی", "کیلویی")[0]
    (['ساله', 'سال'], 'کیلو')
    """
    stems = []
    for first in SUFFIXES:
        if last.endswith(first) and len(last) > len(first) + 1:
            stem, stem_last = joined[: -len(first)], last[: -len(first)]
            stems.append(stem)
            stems.extend(stem[: -len(second)] for second in SUFFIXES
                         if stem_last.endswith(second) and len(stem_last) > len(second) + 1)
    return stems


def find_unit(words: list[Word]) -> Unit | None:
    """The unit at the start of ``words`` (1 to 3 words, suffixes ی/ای/ه/است allowed).

    >>> find_unit([Word(0, 5, "تومانی")]).kind
    'money'
    >>> find_unit([Word(0, 4, "متر"), Word(5, 9, "مربع")]).unit
    'متر مربع'
    """
    units = _units()
    for size in (3, 2, 1):
        part = words[:size]
        if len(part) < size or not all(w.is_word or w.text in "٪%" for w in part):
            continue
        joined = "".join(w.key for w in part)
        for form in (joined, *_stems(joined, part[-1].key)):
            if form in units:
                unit, kind = units[form]
                return Unit(unit, kind, size)
    return None


def _is_stop(word: Word) -> bool:
    """Whether a word ends a counted noun phrase: a stop word, a verb, punctuation, a number
    or a word not in Persian script (28 nov)."""
    if not word.is_word or not "\u0600" <= word.text[0] <= "\u06ff":
        return True
    return word.key in _key_set("figure_stopwords") or word.text.startswith(VERB_PREFIXES)


def _phrase_text(text: str, words: list[Word]) -> str | None:
    """The text covered by ``words`` (None when empty)."""
    return text[words[0].start : words[-1].end] if words else None


def _noun_phrase(words: list[Word], verbs: frozenset[str] = frozenset()) -> list[Word]:
    """Leading words up to the first stop word (at most MAX_QUANTITY_WORDS + 1); with
    ``verbs``, a verb form or the noun of a compound verb stops it too (۲۰ درصد | افزایش
    یافت، سیزده طرح پیشنهادی | اشاره کرد).

    >>> [w.text for w in _noun_phrase(_words_after("مددجو افزایش یافته است", 0), light_verb_forms())]
    ['مددجو']
    """
    phrase = []
    for i, word in enumerate(words[: MAX_QUANTITY_WORDS + 1]):
        if _is_stop(word) or word.key in verbs or (i + 1 < len(words) and words[i + 1].key in verbs):
            break
        phrase.append(word)
    return phrase


def _counted(words: list[Word]) -> list[Word]:
    """What is counted: the noun phrase, short of any verb («۵۰۰ نفر | رسیده است»، «۳ میلیون |
    بپردازم»).

    >>> [w.text for w in _counted(_words_after("نفر رسیده است", 0))], [w.text for w in _counted(_words_after("کشته و زخمی", 0))]
    (['نفر'], ['کشته'])
    """
    phrase = _noun_phrase(words, light_verb_forms())
    for i, word in enumerate(phrase):
        if _is_verb(word, words[i + 1] if i + 1 < len(words) else None, first=i == 0):
            return phrase[:i]
    return phrase


def _is_verb(word: Word, nxt: Word | None, first: bool = False) -> bool:
    """A conjugated verb (hazm's verbs.dat): «بپردازم»، «برسد»، «رسیدند» after the noun, and a
    participle before its auxiliary («رسیده است»); not a participle used as a noun («۶۰۰
    کشته»), a word the lexicon knows as a noun («رسید»، «داده») or, right after the number, a
    form that may be a noun as well («سه شیفت»)."""
    lexicon = load_lexicon()
    k = word.key
    if k.endswith("ه") and k in lexicon.conjugations:
        return nxt is not None and nxt.key in PERFECT_AUXILIARIES
    if k in lexicon.conjugations:
        return not first and k not in lexicon.words
    return k[:1] in "بن" and k[1:] in lexicon.conjugations and k not in lexicon.words


def _phrase_before(before: list[Word], name: str) -> int:
    """Length of the longest phrase of lexicon ``name`` that ends right before the number."""
    for phrase in _phrases(name):
        n = len(phrase)
        if len(before) >= n and tuple(w.key for w in before[:n][::-1]) == phrase:
            return n
    return 0


def _qualifier(text: str, before: list[Word]) -> str | None:
    """The qualifier just before a number, as written: بیش از، حدود، نزدیک به ..."""
    n = _phrase_before(before, "figure_qualifiers")
    return text[before[n - 1].start : before[0].end] if n else None


def _is_date_word(word: Word) -> bool:
    """A month name or a part of the day, ماه glued or not: مرداد، اردیبهشت‌ماه، صبح."""
    key = word.key
    dates = _key_set("figure_date_words")
    return key in dates or (key.endswith("ماه") and key[:-3] in dates)


def _is_ordinal_word(word: Word) -> bool:
    """An ordinal that ends a number written in words: سومین، یکمین، بیستمین.

    >>> _is_ordinal_word(Word(0, 5, "سومین")), _is_ordinal_word(Word(0, 4, "زمین"))
    (True, False)
    """
    key = word.key
    if not key.endswith("مین"):
        return False
    return parse_number(key[:-3]) is not None or key[:-2] in denominators()


TONNES_FROM = 100  # «N تن» that no word decides: tonnes from here on («۵۰۰ تن»), persons below («چهار تن»)


def _tan_means_persons(rest: list[Word], before: list[Word] = (), size: float | None = None) -> bool:
    """After ``N تن``: از, دیگر or a person word next (سه تن از نمایندگان، سه تن دیگر، ۲۰۰ تن
    کشته) means persons, and so does a person word right before («مرگ یک تن»، «مصدومیت سه
    تن») or a demonstrative («این سه تن»); a material noun next (یک تن مواد، ۶۰۰ هزار تن کود)
    means tonnes; otherwise a person word among the five before («جمعیت معترضان بیش از ۱۰۰
    هزار تن») or after it up to the clause's end decides (۲۰۰ تن در شهرهای
    عراق ... کشته شدند), and failing that the number's ``size``: in the gold of the 240 tune and dev
    articles every «N تن» below ``TONNES_FROM`` counts persons (10 of 10), every tonnage is 500 or more.

    >>> _tan_means_persons([Word(0, 2, "از")]), _tan_means_persons([Word(0, 3, "کود")])
    (True, False)
    >>> _tan_means_persons([Word(0, 1, ".")], [Word(0, 3, "مرگ")]), _tan_means_persons([], [Word(0, 3, "این")])
    (True, True)
    """
    cues = _key_set("figure_person_cues")
    if rest and (rest[0].key in ("از", "دیگر") or rest[0].key in cues) or any(w.key in cues for w in before[:2]):
        return True
    if before and before[0].key in DEMONSTRATIVES:
        return True  # «این دو تن»، «اين پنج تن روانه بازداشت شدند» (news-raw: 15 articles, all persons)
    if rest and not _is_stop(rest[0]) and not _opens_light_verb(rest):
        return False  # a noun after «تن» is what the tonnes weigh; not «۱۰۰ هزار تن [اعلام کردند]»
    if any(w.key in cues for w in before):
        return True  # «جمعیت معترضان بیش از ۱۰۰ هزار تن بود»
    if len(rest) > 1 and rest[0].key == "و" and rest[1].text[:1].isdigit():
        return False  # یک تن و ۵۰۴ کیلوگرم
    for word in rest:
        if word.text in CLAUSE_ENDS:
            break
        if word.key in cues:
            return True
    return size is not None and size < TONNES_FROM


DOING_STEMS = ("کرد", "کن", "شد", "شو", "زد", "زن")  # کردن، شدن، زدن: not «داشتن» («۶۰ تن وزن دارد»)


def _opens_light_verb(words: list[Word]) -> bool:
    """Do the words open a compound verb of doing, a noun then «کردن/شدن/زدن» («اعلام کردند»،
    «برآورد شده»)? Not «وزن دارد»: a weight had.

    >>> _opens_light_verb([Word(0, 4, "اعلام"), Word(5, 10, "کردند")]), _opens_light_verb([Word(0, 3, "کود")])
    (True, False)
    >>> _opens_light_verb([Word(0, 3, "وزن"), Word(4, 8, "دارد")])
    False
    """
    if len(words) < 2 or lookup_form(words[1].text) not in light_verb_forms():
        return False
    verb = lookup_form(words[1].text).removeprefix("ن").removeprefix("می")
    return verb.startswith(DOING_STEMS)


def _is_year(number: NumberMatch) -> bool:
    """A four-digit number that reads as a year (۱۳۹۸، 2014)."""
    if not number.is_digits or not isinstance(number.value, int) or len(number.text) != 4:
        return False
    return any(low <= number.value < high for low, high in YEAR_RANGES)


def _inside_fixed_phrase(text: str, number: NumberMatch) -> bool:
    """Whether the number is part of a set name such as چهار راه، ورزش سه، اچ ۵ ان ۱."""
    window_start = max(0, number.start - 20)
    window = lookup_form(text[window_start : number.end + 20])
    offset = len(lookup_form(text[window_start : number.start]))
    for phrase in _phrases("figure_fixed_phrases"):
        joined = "".join(phrase)
        for m in re.finditer(re.escape(joined), window):
            if m.start() <= offset < m.end():
                return True
    return False


def _slash_fragment(text: str, number: NumberMatch) -> bool:
    """Digits cut off by a slash: پیام/۶۹۰۱۴/ع، a table cell /۵٪ (not a headline's دنیاست/یک میلیارد).

    >>> from .numbers import find_numbers as f
    >>> _slash_fragment("پیام/69014/ع", f("پیام/69014/ع")[0]), _slash_fragment("دنیاست/۵۰ کشور", f("دنیاست/۵۰ کشور")[0])
    (True, False)
    """
    if number.atoms[0].role != "digits":
        return False
    if text[number.end : number.end + 1] == "/":
        return True
    if text[number.start - 1 : number.start] != "/":
        return False
    before_slash = text[number.start - 2 : number.start - 1]
    return not before_slash or before_slash.isspace() or before_slash.isdigit()


def _naming_words(before: list[Word], number: NumberMatch) -> list[Word]:
    """The words before a number, skipping a comma glued to it (دهه،40 reads as دهه 40)."""
    if before and before[0].text in ("،", ",") and before[0].end == number.start:
        return before[1:]
    return before


def _is_designator(nearest: list[Word]) -> bool:
    """Do the words before a number name it (figure_designators.txt): «ماده ۲۱۵»، «درمنطقه ۵» (a
    preposition written onto the word), «دقیقه‌ی ۶۶» (its ezafe written), «فازهای ۱۳ و ۱۴» (a plural),
    «سال مالی ۸۵» (two words).

    >>> _is_designator([Word(0, 7, "دقیقه‌ی")]), _is_designator([Word(0, 4, "مالی"), Word(0, 3, "سال")])
    (True, True)
    """
    if not nearest:
        return False
    designators = _key_set("figure_designators")
    word = nearest[0].key
    if word in designators or glued_preposition(word, designators):
        return True
    if word.endswith("هی") and word[:-1] in designators:
        return True
    plural = word.removesuffix("های") if word.endswith("های") else word.removesuffix("ها")
    if plural != word and plural in designators:
        return True  # «فازهای ۱۳ و ۱۴»، «ماده‌های ۵ و ۶»
    return len(nearest) > 1 and nearest[1].key + word in designators


LATIN_LETTER = re.compile(r"[A-Za-z]")


def _is_budget_year(number: NumberMatch, nearest: list[Word], after: list[Word]) -> bool:
    """«بودجه ۹۷»، «بودجه 85»: two digits after «بودجه» with no unit, scale or list after them
    name a year's budget (news-raw: 45 times; «بودجه 40 میلیارد تومانی» is money).

    >>> from .numbers import find_numbers as f
    >>> _is_budget_year(f("۹۷")[0], [Word(0, 5, "بودجه")], [Word(0, 4, "نداده")])
    True
    """
    if not number.is_digits or len(number.text) != 2 or not nearest or nearest[0].key != "بودجه":
        return False
    return find_unit(after) is None and not (after and (after[0].text in RANGE_LINKS or parse_number(after[0].text) is not None))


def _is_service_number(number: NumberMatch, nearest: list[Word], after: list[Word]) -> bool:
    """A public service's phone number: «فوریت‌های پلیسی 110»، «اورژانس 115» (a word of
    figure_service_words.txt before it, no unit after), «با 911 تماس گرفتند» (a call).

    >>> from .numbers import find_numbers as f
    >>> _is_service_number(f("115")[0], [Word(0, 6, "اورژانس")], [Word(0, 2, "از")])
    True
    >>> _is_service_number(f("20")[0], [Word(0, 4, "پلیس")], [Word(0, 3, "نفر")])
    False
    """
    if not number.is_digits or not 100 <= number.value < 1000:
        return False
    if after and after[0].key == "تماس":
        return True
    return bool(nearest) and nearest[0].key in _key_set("figure_service_words") and find_unit(after) is None


def _unit_adjective(after: list[Word]) -> bool:
    """Is the word after a number its unit made an adjective («۵۰ [نفره]»، «۱۰ [ساله]»)? Then the
    number measures what the word before it names («گروه ۵۰ نفره»), it does not name it.

    >>> _unit_adjective([Word(0, 4, "نفره")]), _unit_adjective([Word(0, 3, "نفر")])
    (True, False)
    """
    return bool(after) and find_unit(after[:1]) is not None and after[0].key not in _units()


def _exclusion(text: str, cand: FigureCandidate, before: list[Word]) -> str | None:
    """Why the number cannot be a figure, judged from its own form and the words before."""
    number, after = cand.number, cand.after
    glued_after = text[number.end : number.end + 4]
    if re.match(r"\u200c?(?:ام|امین|مین|م)(?![^\W\d_])", glued_after):
        return "ordinal"
    glued_word = re.match(r"\u200c?[^\W\d_]", glued_after) and number.atoms[-1].role != "digits"
    if glued_word and find_unit(after) is None:
        return "compound"  # سه‌شنبه، میلیون‌ها، ده‌ها، میلیونر (بیست‌ساله، هزارتومان are figures)
    if after and _is_ordinal_word(after[0]):
        return "ordinal"  # چهارصد و هشتاد سومین جلسه
    if _slash_fragment(text, number):
        return "code"  # انتهای پیام/۶۹۰۱۴/ع؛ a table cell "\n/5%" (a real ۵ /۶ is read whole)
    if glued_after[:1] in NAME_JOINERS or (before and before[0].text in NAME_JOINERS and before[0].end == number.start):
        return "name"  # گروه ۵+۱
    nearest = _naming_words(before, number)
    if _is_designator(nearest) and not _is_scaled(number) and not _unit_adjective(after):
        return "designator"  # not «هر سال ۹۰۰ هزار نفر» (no name is that large) or «گروه ۵۰ نفره»
    if _is_budget_year(number, nearest, after):
        return "year"
    if _is_service_number(number, nearest, after):
        return "phone"
    if number.is_digits and (LATIN_LETTER.match(glued_after) or LATIN_LETTER.match(text[number.start - 1 : number.start])):
        return "code"  # «h5n1»، «F16»: digits inside a Latin code
    if nearest and _is_date_word(nearest[0]):
        return "date"
    if len(nearest) > 1 and nearest[0].key == "ماه" and _is_date_word(nearest[1]):
        return "date"  # خرداد ماه ۸۳
    if after and _is_date_word(after[0]):
        return "date"
    if before and before[0].key in _key_set("figure_vague"):
        return "vague"
    if len(number.atoms) == 1 and number.atoms[0].role == "scale" and (number.value >= 10**6 or number.text.endswith("ی")):
        return "lone scale"  # دختر میلیون دلاری، اسکناس هزاری: a title or a name, not an amount
    if _inside_fixed_phrase(text, number):
        return "fixed phrase"
    if _spells_a_letter(number, before, after):
        return "name"
    return None


def _spells_a_letter(number: NumberMatch, before: list[Word], after: list[Word]) -> bool:
    """«سی» (30) beside another letter's name spells an acronym: «بی بی سی»، «سی ان ان» (C).

    >>> from .numbers import find_numbers as f
    >>> _spells_a_letter(f("سی")[0], [Word(0, 2, "بی")], [Word(0, 5, "لبنان")])
    True
    >>> _spells_a_letter(f("سی")[0], [Word(0, 3, "حدود")], [Word(0, 3, "سال")])
    False
    """
    letters = _key_set("latin_letter_names")
    if number.is_digits or len(number.atoms) != 1 or lookup_form(number.text) not in letters:
        return False
    return bool(before and before[0].key in letters or after and after[0].key in letters)


def _is_scaled(number: NumberMatch) -> bool:
    """Does the number have a scale word of a thousand or more («۹۰۰ هزار»، «۲ میلیون و ۵۴۵ هزار»),
    and is it no year («سال دو هزار و هفت»)? No name or designated number is that large.

    >>> from .numbers import find_numbers as f
    >>> _is_scaled(f("۹۰۰ هزار")[0]), _is_scaled(f("دو هزار و هفت")[0]), _is_scaled(f("۸۳")[0])
    (True, False, False)
    """
    return any(a.role == "scale" and a.value >= 1000 for a in number.atoms) and not any(
        low <= number.value < high for low, high in YEAR_RANGES)


def _is_demonstrative_pronoun(cand: FigureCandidate, before: list[Word]) -> bool:
    """«این دو»، «آن سه» with no noun after them: «these two», a pronoun (95 times in news-raw:
    «فرق میان این دو در این است»), not a count.

    >>> from .numbers import find_numbers as f
    >>> c = FigureCandidate(f("دو")[0], after=[Word(0, 2, "در")])
    >>> _is_demonstrative_pronoun(c, [Word(0, 3, "این")])
    True
    """
    number, after = cand.number, cand.after
    if number.is_digits or cand.explicit_unit or not before or before[0].key not in DEMONSTRATIVES:
        return False
    return not after or _is_stop(after[0]) or after[0].key == "یکی" or parse_number(after[0].text) is not None


def _signed(cand: FigureCandidate, before: list[Word]) -> None:
    """«منفی ۳۷ دلار» is -37: a «منفی» right before the number (figure_signs.txt) negates it."""
    if before and before[0].key in _key_set("figure_signs"):
        cand.value = -cand.amount


AND_A_HALF = re.compile(r"\s*و\s*نیم(?![^\W\d_]|\u200c)")


def _and_a_half(text: str, cand: FigureCandidate) -> None:
    """«یک سال و نیم» is 1.5 (a year), «دو ساعت و نیم» 2.5: a «و نیم» right after the unit."""
    half = AND_A_HALF.match(text, cand.end) if cand.explicit_unit else None
    if half:
        cand.value = cand.amount + 0.5
        cand.end = half.end()


def _classify(text: str, cand: FigureCandidate) -> None:
    """Set kind, unit, quantity and the figure's end from the words after the number."""
    number, after = cand.number, cand.after
    unit = find_unit(after)
    if unit is not None and _names_next_number(after, unit):
        unit = None  # ماده ۱۸۰ سال ۹۴: سال names the ۹۴ after it
    if unit is not None and unit.unit == "تن" and _tan_means_persons(
            after[1:], _words_before(text, number.start, 5), None if _unit_adjective(after) else cand.amount):
        # «موشک ۲ تنی»: an adjective of weight is never persons
        unit = Unit(None, "count", 1)  # سه تن از نمایندگان، ۲۰۰ تن کشته شدند: persons
    if unit is not None and _names_a_quarter(after, unit):
        cand.excluded = "named period"
    if unit is not None and unit.unit == "ماه" and len(after) > unit.words and _is_date_word(after[unit.words]):
        cand.excluded = "day of month"  # «17 ماه مارس»: a day of a month, not 17 months (news-raw: 5 articles)
    if number.is_fraction and after and after[0].key in _key_set("figure_stage_words"):
        cand.excluded = "name"  # «یک هشتم نهایی»: a round of a cup (news-raw: 86 articles), not an eighth
    if unit is not None:
        cand.explicit_unit = True
        head = after[: unit.words]
        rest = _counted(after[unit.words :])
        cand.kind, cand.unit, cand.end = unit.kind, unit.unit, head[-1].end
        if unit.kind == "count":
            if head[-1].key in _key_set("figure_partitives") and rest:
                cand.end = rest[0].end
            cand.quantity = _phrase_text(text, head + rest)
        else:
            cand.quantity = _phrase_text(text, rest)
        if unit.unit in NAMED_PERIODS and len(after) > unit.words and after[unit.words].text[:1].isdigit():
            cand.kind, cand.unit = "count", None  # سه دهه ۴۰، ۵۰ و ۶۰: named decades counted
            cand.quantity = head[-1].text
        if number.is_fraction and unit.kind in ("count",):
            cand.kind = "other"
        return
    phrase = _noun_phrase(after)  # any word after a bare number makes it a count ...
    if phrase:
        cand.kind, cand.end = ("other" if number.is_fraction else "count"), phrase[0].end
        cand.quantity = _phrase_text(text, _counted(after))  # ... but a verb is not what is counted
    elif number.is_fraction and number.atoms[-1].role == "denominator":
        cand.kind = "other"  # معادل یک‌پنجم از کل کارگاه‌ها


def _names_a_quarter(after: list[Word], unit: Unit) -> bool:
    """«سه ماهه دوم سال»، «شش ماهه نخست»: a part of the year, named (figure_period_ordinals.txt).

    >>> _names_a_quarter([Word(0, 4, "ماهه"), Word(5, 8, "دوم")], Unit("ماه", "other", 1))
    True
    """
    return (unit.unit == "ماه" and after[0].key.endswith("ماهه") and len(after) > unit.words
            and after[unit.words].key in _key_set("figure_period_ordinals"))


def _names_next_number(after: list[Word], unit: Unit) -> bool:
    """A unit word that is a designator of the number after it (۱۸۰ سال ۹۴), except a
    named period counted (سه دهه ۴۰، ۵۰).

    >>> _names_next_number([Word(0, 3, "سال"), Word(4, 6, "94")], Unit("سال", "other", 1))
    True
    """
    if unit.unit in NAMED_PERIODS or len(after) <= unit.words:
        return False
    following, last = after[unit.words], after[unit.words - 1]
    if len(after) > unit.words + 1 and after[unit.words + 1].key in _scale_words():
        return False  # «پس از ۵ سال ۱۶ میلیون خط»: a figure follows, not a year
    if _has_own_unit(after[unit.words + 1 :]):
        return False  # «پس از گذشت 15 سال 80 درصد افراد» (news-raw: 5 articles): the next number has its unit
    return following.text[:1].isdigit() and last.key in _key_set("figure_designators")


def _has_own_unit(words: list[Word]) -> bool:
    """Do the words after a number give it a unit, at once or after a range («تا 70 درصد»)?

    >>> _has_own_unit([Word(0, 4, "درصد")]), _has_own_unit([Word(0, 2, "تا"), Word(3, 5, "70"), Word(6, 10, "درصد")])
    (True, True)
    """
    if len(words) >= 3 and words[0].key in EXPLICIT_RANGES and words[1].text[:1].isdigit():
        words = words[2:]
    return bool(words) and find_unit(words) is not None


def _only_one(before: list[Word]) -> bool:
    """«تنها یک»، «فقط به یک» (figure_only_words.txt): a preposition may stand between.

    >>> _only_one([Word(0, 2, "به"), Word(0, 3, "فقط")]), _only_one([Word(0, 4, "تنها"), Word(0, 2, "نه")])
    (True, False)
    """
    words = before[1:] if before and before[0].key in PREPOSITION_KEYS else before
    if len(words) > 1 and words[1].key == "نه":
        return False  # «نه تنها یک مشکل»: not only a problem
    return bool(words) and words[0].key in _key_set("figure_only_words")


def _zero_percent(text: str, cand: FigureCandidate) -> bool:
    """«صفر» said of a percentage: «درصد سرقت‌ها ... برابر با صفر بوده»، «درصد ذکر شده برای ایران ...
    صفر است» (dev-f, two articles): «صفر» before a copula, «درصد» earlier in its sentence.

    >>> from .numbers import find_numbers as f
    >>> text = "درصد ذکر شده برای ایران صفر است"
    >>> _zero_percent(text, FigureCandidate(f(text)[0], after=[Word(29, 32, "است")]))
    True
    """
    if not cand.after or cand.after[0].key not in ZERO_COPULAS:
        return False
    start = max(text.rfind(end, 0, cand.number.start) for end in (*SENTENCE_ENDERS, "\n"))
    return "درصد" in lookup_form(text[start + 1 : cand.number.start])


A_KIND = "نوع"
PERSON_UNITS = frozenset({"نفر", "تن"})
PREDICATE_WORDS = frozenset({"است", "محسوب", "تلقی"})  # «یک X است»، «یک X محسوب می‌شود»: is a(n) X


def _is_predicate(cand: FigureCandidate) -> bool:
    """Is «یک X» the predicate «is a(n) X»: «است»، «محسوب» or «تلقی» right after the noun or after
    one adjective («داشتن خودرو یک حق است اما استفاده از معابر یک امتیاز محسوب می‌شود»)? In the
    tune gold, 18 of 18 such «یک» are no count.

    >>> from .numbers import find_numbers as f
    >>> c = FigureCandidate(f("یک")[0], end=10, after=[Word(3, 10, "امتیاز"), Word(11, 16, "محسوب")])
    >>> _is_predicate(c)
    True
    """
    if cand.after and cand.after[0].key in PERSON_UNITS:
        return False  # «شمار کشته‌ها یک نفر است»: one person, counted
    after = [w for w in cand.after if w.start >= cand.end]
    return any(w.key in PREDICATE_WORDS for w in after[:2])


def _restricted_word_excluded(text: str, cand: FigureCandidate, before: list[Word]) -> str | None:
    """یک، نه، صفر and نیم alone are figures only before a unit; یک روز needs a duration cue."""
    number = cand.number
    if len(number.atoms) != 1:
        return None
    atom = number.atoms[0]
    if atom.role == "half" and not cand.explicit_unit:
        if lookup_form(number.text) in SHARE_WORDS:  # «نیمی از مشکلات»، «قیمت گندم نصف بازارهای جهانی بود»
            cand.kind = "other"
            return None
        return "not a number"  # نیم نگاه
    if atom.role != "unit" or number.value not in (0, 1, 9):
        return None
    if not cand.explicit_unit:
        if number.value == 0 and _zero_percent(text, cand):
            cand.kind, cand.unit = "percent", "درصد"
            return None
        if number.value == 1 and cand.kind == "count" and _only_one(before):
            return None  # «تنها یک راه»، «فقط به یک دلیل»: only one, counted
        return "article" if number.value == 1 else "not a number"  # نه تنها، به صفر رساندن
    if number.value == 1 and cand.kind == "count" and _is_predicate(cand):
        return "article"  # «استفاده از معابر یک امتیاز محسوب می‌شود»: a privilege, not one point
    if number.value == 1 and cand.after and cand.after[0].key == A_KIND:
        return "article"  # «یک نوع موازنه»، «یک نوع ریسک»: «a kind of» (the tune gold: 0 of 2), not «۱۵۰ نوع خدمات»
    if number.value == 1 and cand.unit in INDEFINITE_TIME_UNITS:
        if not _phrase_before(before, "figure_duration_cues"):
            return "indefinite"  # یک روز مثل بازی با سپاهان: "one day", not a duration
    return None


def _candidates(text: str) -> list[FigureCandidate]:
    """Every number with its context, exclusions and classification."""
    cands = []
    for number in find_numbers(text):
        cand = FigureCandidate(number, end=number.end, after=_words_after(text, number.end))
        before = _words_before(text, number.start)
        cand.excluded = _exclusion(text, cand, before)
        _classify(text, cand)
        if cand.excluded in ("designator", "date") and cand.explicit_unit and cand.kind != "count":
            # کیلومتر ۱۰ میلیارد تومان، خط ۲۰ کیلومتری، «۲۰ دی ماه ۴۸ ساله می‌شود»: the unit wins
            # (not کمیته سه نفره)
            cand.excluded = None
        if (before and before[0].key in _key_set("figure_distributives") and not number.is_digits
                and cand.kind in ("count", None)):
            cand.excluded = cand.excluded or "distributive"  # هر دو تیم (به ازای هر ۱۵ دانش‌آموز counts)
        if _is_demonstrative_pronoun(cand, before):
            cand.excluded = cand.excluded or "pronoun"  # «این دو یکی از سوژه‌ها بودند»: these two
        cand.qualifier = _qualifier(text, before)
        _and_a_half(text, cand)
        _signed(cand, before)
        if cand.excluded is None:
            cand.excluded = _restricted_word_excluded(text, cand, before)
        if cand.excluded is None and not cand.explicit_unit:
            if _is_year(number):
                cand.excluded = "year"
            elif number.is_digits and len(number.text) >= LONG_DIGITS:
                cand.excluded = "code"
        cands.append(cand)
    return cands


def _between(text: str, left: FigureCandidate, right: FigureCandidate) -> str:
    """What stands between two numbers («تا» in «۱۵ تا ۲۰ درصد»)."""
    return text[left.number.end : right.number.start].strip(" \t\u200c")


def _after_figure(text: str, left: FigureCandidate, right: FigureCandidate) -> str:
    """What stands between a figure's end (its unit included) and the next number («و» in «۲۱ دلار و ۵۶ سنت»)."""
    return text[left.end : right.number.start].strip(" \t\u200c")


def _link_lists_and_ranges(text: str, cands: list[FigureCandidate]) -> None:
    """Chains and ranges: دهه ۴۰، ۵۰ و ۶۰ (all dates); ۱۰ تا ۱۵ درصد (two percents);
    list markers ۱- ... ؛ ۲ ...; a bare ۳ میلیارد after a money figure is money."""
    for left, right in zip(cands, cands[1:], strict=False):
        link = _between(text, left, right)
        if left.excluded in ("designator", "date", "year") and link in ("", *RANGE_LINKS):
            if not right.explicit_unit and not _is_scaled(right.number):  # «در سال 83، 2 میلیون و 545 هزار جوان»
                right.excluded = left.excluded
            elif left.excluded == "designator" and link == "و" and right.unit == "دقیقه" and _is_clock(text, left):
                right.excluded = "date"  # «ساعت 6 و پنج دقیقه»: the minutes of a clock time (news-raw: 22 articles)
        elif left.excluded == "date" and _day_part_then_range_link(link):
            right.excluded = right.excluded or "date"  # «از 9 صبح تا 7 شب»: the second time of a span
    for left, right in zip(cands, cands[1:], strict=False):
        dashed = _between(text, left, right) in ("-", "–")
        # «با پیروزی 3-1 برابر نیوکاسل»: «برابر» here is «against», no unit
        # «شکست 1-0 دیدار قبل»: a count classifier after a score is the match, not what is counted
        glued_dash = dashed and (not right.explicit_unit or right.unit in ("برابر", None))
        if _between(text, left, right) == "بر" or (glued_dash and (
                _near_score_cue(text, left, right) or _on_a_results_line(text, left, right))):
            left.excluded = right.excluded = "score"  # ۲ بر صفر، 2-1 پیروز شد: a match result
        elif dashed and left.number.value == right.number.value:
            left.excluded = right.excluded = "name"  # «۲-۲-» a section, «۵۰-۵۰» fifty-fifty: no range
    for left, right in zip(cands[-2::-1], cands[:0:-1], strict=False):
        link = _between(text, left, right)
        if link not in EXPLICIT_RANGES and _written_in_digits(left.number) != _written_in_digits(right.number):
            continue  # پژو ۴۰۵، یک تن: a list joins numbers written alike (دو، سه ضدحمله; ۳۶ و ۳۱ میلیارد)
        if left.kind is None and right.kind is not None and not right.excluded \
                and (link in RANGE_LINKS or _parallel_items(text, left, link)) \
                and lookup_form(left.number.text) not in SHARE_WORDS:  # «به نصف و یک هزار کیلومتر»: a share, then a length
            left.kind, left.unit, left.quantity = right.kind, right.unit, right.quantity
            scaled = left.number.value * _range_scale(left.number, right.number, link in EXPLICIT_RANGES)
            left.value = int(scaled) if float(scaled).is_integer() else scaled
            if left.excluded in ("article", "not a number") or (left.excluded == "designator" and link in EXPLICIT_RANGES):
                left.excluded = None  # «پس از پنج سال 50 تا 70 درصد»، «هر سال 5 تا 6 هزار نفر»: a range, no name
    _approximate_pairs(text, cands)
    _mark_list_markers(text, cands)
    _count_after_count(text, cands)
    _one_beside_a_count(text, cands)
    _dollars_and_cents(text, cands)
    money = None
    for cand in cands:
        if cand.kind == "money" and not cand.excluded:
            money = cand
        elif cand.kind is None and money and any(a.role == "scale" and a.value >= 10**6 for a in cand.number.atoms):
            cand.kind, cand.unit, cand.quantity = "money", money.unit, None


def _parallel_items(text: str, left: FigureCandidate, link: str) -> bool:
    """«کره جنوبی با 2/4، انگلستان با 4/3 ... و اسپانیا با 4/2 درصد»، «سبزی با 411، زعفران با 68 و
    نعناع با 18 هکتار»: items «X با N» in a list share the last one's unit (news-raw: 3 articles).

    >>> from .numbers import find_numbers as f
    >>> text = "کره با 2/4، انگلستان با 4/3 درصد"
    >>> _parallel_items(text, FigureCandidate(f(text)[0]), "، انگلستان با")
    True
    """
    words = link.split()
    if len(words) < 3 or len(words) > 5 or words[0] not in ("،", ",", "و") or words[-1] not in PREPOSITION_KEYS:
        return False
    before = _words_before(text, left.number.start, 1)
    return bool(before) and before[0].key == words[-1]


def _is_clock(text: str, cand: FigureCandidate) -> bool:
    """Is the number written after «ساعت» («ساعت 6 و پنج دقیقه»)?"""
    before = _words_before(text, cand.number.start, 1)
    return bool(before) and before[0].key == "ساعت"


def _day_part_then_range_link(link: str) -> bool:
    """Is the text between two numbers a part of the day and a range link («صبح تا»)?

    >>> _day_part_then_range_link("صبح تا"), _day_part_then_range_link("نفر تا")
    (True, False)
    """
    words = link.split()
    return len(words) == 2 and lookup_form(words[0]) in _key_set("figure_date_words") and words[1] in RANGE_LINKS


def _written_in_digits(number: NumberMatch) -> bool:
    """Does the number open with digits («۳۱ میلیارد» does, «سی و یک میلیارد» does not)?"""
    return number.atoms[0].role == "digits"


def _near_score_cue(text: str, left: FigureCandidate, right: FigureCandidate) -> bool:
    """A match-result word just before ``A-B`` or within two items after it (not three: «5-6
    بازیکن لیگ برتری» is a range)."""
    cues = _key_set("figure_score_cues")
    near = _words_before(text, left.number.start, 3) + right.after[:2]
    return any(w.key in cues for w in near)


# a line of results: «نورنبرگ آلمان 3 - 4 بروخه بلژیک»، «سمپدوریا 2 - 0 یوونتوس؛ پایان آلگری با شکست»
RESULTS_LINE = re.compile(r"(?P<home>[^\d\n]{2,60})\s\d{1,2}\s?[-–]\s?\d{1,2}\s(?P<away>[^\d\n؛:.(]{2,60})(?:[؛:(.].*)?")


def _on_a_results_line(text: str, left: FigureCandidate, right: FigureCandidate) -> bool:
    """Is ``A - B`` the one pair of a line that names a side before and after it, as match
    results are listed (news-raw Varzesh3: 94 such lines, Fars 4)? The sides are names, no
    function words; a range has a unit after it («نرخ بیکاری جوانان 15-29 ساله»), which the
    caller has ruled out."""
    start = text.rfind("\n", 0, left.number.start) + 1
    end = text.find("\n", right.number.end)
    line = RESULTS_LINE.fullmatch(text[start : end if end >= 0 else len(text)].strip())
    function_words = load_lexicon().stopwords  # «بین ۵ - ۶ بازیکن جذب شدند» is a sentence, not a line of results
    return line is not None and not any(
        lookup_form(w) in function_words for side in ("home", "away") for w in line.group(side).split())


def _approximate_pairs(text: str, cands: list[FigureCandidate]) -> None:
    """«یکی دو روز»، «دو سه هفته»، «سه، چهار بازیکن»: two number words in a row, the second one
    more, say «one or two»: two figures of the second one's kind and unit. «یکی» («one of»)
    is no number word, but before «دو» it is the first of such a pair."""
    for i in range(len(cands) - 1, -1, -1):
        one = ONE_OF_A_PAIR.search(text, max(0, cands[i].number.start - 8), cands[i].number.start)
        if one is not None and cands[i].number.value == 2 and not cands[i].number.is_digits:
            atom = Atom(one.start(1), one.end(1), Fraction(1), "unit")
            number = NumberMatch(atom.start, atom.end, one.group(1), 1, (atom,))
            cands.insert(i, FigureCandidate(number, end=atom.end, excluded="article"))
    for left, right in zip(cands, cands[1:], strict=False):
        words = [c.number for c in (left, right)]
        if any(n.is_digits or len(n.atoms) != 1 or n.atoms[0].role != "unit" for n in words):
            continue
        if right.number.value != left.number.value + 1 or _between(text, left, right) not in ("", "،", ","):
            continue
        if right.kind is None or right.excluded:
            continue
        left.kind, left.unit, left.quantity = right.kind, right.unit, right.quantity
        left.excluded = None


def _count_after_count(text: str, cands: list[FigureCandidate]) -> None:
    """``پنج پرستار و یک پزشک``: یک joined by و to a count is a count, not an article."""
    for left, right in zip(cands, cands[1:], strict=False):
        joined = _after_figure(text, left, right) in ("و", "،")
        if joined and left.kind == "count" and not left.excluded and right.excluded == "article":
            if right.kind == "count":
                right.excluded = None


def _one_beside_a_count(text: str, cands: list[FigureCandidate]) -> None:
    """«یک کاروان مرکزی از بیرجند و ۶ کاروان شهرستانی»: «یک» before a noun that another number
    of the same paragraph counts is a count of one, not an article."""
    ones = [c for c in cands if c.excluded == "article" and c.kind == "count" and c.quantity]
    if not ones:
        return
    breaks = [m.start() for m in re.finditer("\n", text)]
    counted: dict[int, set[str]] = {}
    for cand in cands:
        if cand.kind == "count" and not cand.excluded and cand.quantity and cand.number.value != 1:
            paragraph = bisect_left(breaks, cand.number.start)
            counted.setdefault(paragraph, set()).add(lookup_form(cand.quantity.split()[0]))
    for cand in ones:
        if lookup_form(cand.quantity.split()[0]) in counted.get(bisect_left(breaks, cand.number.start), ()):
            cand.excluded = None


def _range_scale(left: NumberMatch, right: NumberMatch, explicit: bool = True) -> int:
    """The scale a range's first number borrows from the second: ۱۵ تا ۲۰ هزار -> 1000. A range
    with «تا» rises (بین ۵۰۰ تا ۲ هزار نفر: 500); a list («۳۶ و ۳۱ میلیارد ریال» به ترتیب،
    «۶۰۰-۵۰۰ میلیون») shares the scale whichever number is larger.

    >>> from .numbers import find_numbers as f
    >>> _range_scale(f("۱۵")[0], f("۲۰ هزار")[0]), _range_scale(f("۵۰۰")[0], f("۲ هزار")[0])
    (1000, 1)
    >>> _range_scale(f("۳۶")[0], f("۳۱ میلیارد")[0], explicit=False)
    1000000000
    """
    if any(a.role == "scale" for a in left.atoms):
        return 1
    scale, leading = 1, 0
    atoms = list(right.atoms)
    while atoms and atoms[0].role != "scale":
        leading += atoms.pop(0).value
    while atoms and atoms[0].role == "scale":
        scale *= int(atoms.pop(0).value)
    if not explicit:
        return scale if left.value < 1000 and leading < 1000 else 1
    return scale if left.value <= leading else 1  # بین ۵۰۰ تا ۲ هزار نفر: 500, not 500000


def _mark_list_markers(text: str, cands: list[FigureCandidate]) -> None:
    """``۱- بودجه ...؛ ۲ حضور ...؛ ۳ شرط ...``: enumeration numbers, not figures."""
    expected = None
    starts = [_starts_item(text, c.number) for c in cands]
    for i, cand in enumerate(cands):
        number = cand.number
        if not number.is_digits or not isinstance(number.value, int):
            continue
        glued = text[number.end : number.end + 3].lstrip(" \t")[:1]  # «۱- ...» or «1 - ...»
        starts_item = starts[i]
        # «به نحوی که:\n1 تعداد شرکت‌ها ...\n2 شرکت‌های توزیع ...»: no mark, but a 2 opens the next item
        numbered = glued in ("-", ")", "–") or any(
            starts[k] and cands[k].number.value == 2 and cands[k].number.is_digits for k in range(i + 1, min(len(cands), i + 6)))
        if starts_item and numbered and number.value == 1:
            cand.excluded, expected = "list marker", 2
        elif starts_item and number.value == expected:
            cand.excluded, expected = "list marker", number.value + 1


def _starts_item(text: str, number: NumberMatch) -> bool:
    """Does the number open the text, a line or a sentence («\n۲ شرکت‌های توزیع ...»)?"""
    i = number.start
    while i > 0 and text[i - 1] in " \t\u200c":
        i -= 1
    return i == 0 or text[i - 1] in LIST_BREAKS


def _dollars_and_cents(text: str, cands: list[FigureCandidate]) -> None:
    """«۲۱ دلار و ۵۶ سنت» is one price, 21.56 dollars (19 times in news-raw)."""
    for left, right in zip(cands, cands[1:], strict=False):
        if left.unit in CENT_CURRENCIES and right.unit == "سنت" and not left.excluded and right.amount < 100 \
                and _after_figure(text, left, right) == "و":
            left.value = left.amount + right.amount / 100
            left.end, right.excluded = right.end, "part of a sum"


CENT_CURRENCIES = frozenset({"دلار", "یورو"})


def figure_candidates(text: str) -> list[FigureCandidate]:
    """All numbers of ``text`` with their reading; figures are those with a kind and no exclusion.

    >>> [(c.number.text, c.kind) for c in figure_candidates("از ۱۰ تا ۱۵ درصد در سال ۱۳۹۸") if not c.excluded]
    [('۱۰', 'percent'), ('۱۵', 'percent')]
    """
    cands = _candidates(text)
    _link_lists_and_ranges(text, cands)
    return cands


def find_figures(doc: Doc) -> Doc:
    """Fill ``doc.spans["figures"]`` (label = kind, ``span._.figure`` = value, unit, quantity, qualifier)."""
    spans = [span for cand in figure_candidates(doc.text) if (span := _figure_span(doc, cand)) is not None]
    doc.spans["figures"] = spans
    return doc


def _figure_span(doc: Doc, cand: FigureCandidate) -> Span | None:
    """The token-aligned span of a figure (``۱۱۰ هزار مددجو``), or None when it is not one."""
    if cand.excluded or cand.kind not in KINDS:
        return None
    span = doc.char_span(cand.number.start, max(cand.end, cand.number.end), label=cand.kind,
                         alignment_mode="expand")
    if span is not None:
        span._.figure = {
            "value": cand.amount,
            "unit": cand.unit,
            "quantity": cand.quantity,
            "qualifier": cand.qualifier,
        }
    return span


__all__ = ["FigureCandidate", "figure_candidates", "find_figures", "find_unit"]
