"""The people of an article: a Person (one speaker or speaking body), People (the names the
article gives and the titles beside them), and how names and titles are matched.

>>> people = People(["علیرضا وارثی"], {})
>>> people.fullest("وارثی")
'علیرضا وارثی'
>>> name_suffix_matches("علیرضا وارثی", "وارثی"), titles_match("مدیرکل بهزیستی استان قزوین", "مدیرکل بهزیستی")
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicons.words import is_common, media_heads, place_phrases, title_organizations
from ..text import key


@dataclass(slots=True)
class Person:
    """One person (or speaking body) the quotes of an article belong to."""

    name: str | None
    titles: list[str] = field(default_factory=list)
    is_org: bool = False
    quotes: int = 0
    unnamed: bool = False  # an unnamed source («منبع موثق») or a group: never named later
    group: bool = False  # a group («مقام‌های وزارت دفاع آمریکا»): a speaker, never an official

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
    >>> name_suffix_matches("ابراهیم الشمری", "شمری")  # the Arabic article «ال» left out
    True
    """
    words = full.split()
    target = key(short)
    if any(key(" ".join(words[j:])) == target for j in range(len(words))):
        return True
    if len(words) > 1 and words[-1].startswith("ال") and len(words[-1]) > 4 and key(words[-1][2:]) == target:
        return True  # «الشمری» -> «شمری»، «المالکی» -> «مالکی»
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


def one_persons_names(a: str, b: str) -> bool:
    """Two names one person may go by: one ends or extends the other, or they overlap
    («وارثی» ~ «علیرضا وارثی»، «سید جعفر هاشمی» ~ «جعفر هاشمی تشکری»).

    >>> one_persons_names("وارثی", "علیرضا وارثی"), one_persons_names("علی کریمی", "علی دایی")
    (True, False)
    """
    return bool(name_suffix_matches(a, b) or name_suffix_matches(b, a) or extends_name(a, b)
                or extends_name(b, a) or overlapping_names(a, b))


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


def said_fuller(short: str, long: str) -> bool:
    """Is ``long`` the office ``short`` said in full: the same office word, and every other word
    of ``short`` begins a word of ``long`` («وزیر اقتصاد» -> «وزیر امور اقتصادی و دارایی»)?

    >>> said_fuller("وزیر اقتصاد", "وزیر امور اقتصادی و دارایی"), said_fuller("وزیر اقتصاد", "وزیر کشور")
    (True, False)
    """
    short_words, long_words = [key(w) for w in short.split()], [key(w) for w in long.split()]
    if not short_words or not long_words or short_words[0] != long_words[0] or len(long_words) <= len(short_words):
        return False
    return all(any(w.startswith(s) for w in long_words[1:]) for s in short_words[1:])


def within(short: str, long: str) -> bool:
    """Every word of one title stands in the other: «مشاور کاخ سفید» is within «مشاور اقتصادی کاخ سفید».

    >>> within("مشاور کاخ سفید", "مشاور اقتصادی کاخ سفید"), within("مشاور کاخ سفید", "مشاور وزیر")
    (True, False)
    """
    return {key(w) for w in short.split()} <= {key(w) for w in long.split()}


def same_office(a: str, b: str) -> bool:
    """The same kind of office, perhaps said differently: «سرمربی کره‌جنوبی» ~ «سرمربی تیم
    فوتبال نوجوانان کره‌جنوبی» (same first word), or one title begins the other."""
    return titles_match(a, b) or (bool(a.split()) and bool(b.split()) and key(a.split()[0]) == key(b.split()[0]))


def office_head(words: list[str]) -> tuple[int, str | None]:
    """How many words of a title are the office itself, and how titles.tsv says that office
    names its body (0 and None when no office opens the title).

    >>> office_head("امام جمعه موقت سقز".split())
    (2, '-')
    """
    offices = title_organizations()
    for n in range(min(4, len(words)), 0, -1):
        rule = offices.get(key(" ".join(words[:n])))
        if rule is not None:
            return n, rule
    return 0, None


def _head_words(title: str) -> int:
    """Words of the office itself at the start of a title («امام جمعه» in «امام جمعه موقت سقز»)."""
    return office_head(title.split())[0]


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
        medium = media_heads().starts(name)
        # not «روزنامه الوطن [عربستان]», but «وب‌سایت "عربستان"» (a name in quote marks)
        longer = [b for b in self.bodies if key(b).startswith(k) and not (
            medium and place_phrases().starts(extra := b[len(name):].strip()) and not extra.startswith(('"', "«")))]
        return max(longer, key=lambda b: len(key(b)), default=name)

    def fullest(self, name: str) -> str:
        """The longest known name that ends with ``name`` (itself when none)."""
        candidates = [n for n in self.names if name_suffix_matches(n, name) and key(n) != key(name)]
        if not candidates and len(name.split()) == 1 and not is_common(name):
            # «ژاوی» for «ژاوی مارتینز»: sport and foreign news call a player by his first name,
            # when only one name of the article starts with it
            firsts = {n for n in self.names if len(n.split()) >= 2 and key(n.split()[0]) == key(name)}
            candidates = list(firsts) if len({key(n) for n in firsts}) == 1 else []
        return max(candidates, key=lambda n: (len(key(n)), -self.names.index(n)), default=name)

    def title_of(self, name: str) -> str | None:
        """The title an apposition gives this name, or a name it ends with («وارثی»)."""
        return self.appositions.get(name) or next(
            (t for n, t in self.appositions.items() if name_suffix_matches(name, n)), None)

    def name_for_title(self, title: str) -> str | None:
        """The person an apposition in the article gives this title to."""
        for name, other in self.appositions.items():
            if titles_match(title, other):
                return self.fullest(name)
        return None
