"""The Persian number grammar: number expressions in text, and their values.

Handles Persian, Arabic-Indic and Latin digits with thousands separators (٬ , ،)
and decimal marks (٫ . /), number words (lexicon ``number_words.tsv``) joined
by و, mixed digits and words, halves and fractions, with or without spaces and
ZWNJ, in both ی/ي and ک/ك spellings.

>>> parse_number("یک میلیون و ۲۰۰ هزار")
1200000
>>> parse_number("۲.۵ میلیارد")
2500000000
>>> parse_number("3 هزار و 900 ميليارد")
3900000000000
>>> parse_number("سه چهارم")
0.75
>>> [m.text for m in find_numbers("بیش از سه هزار نفر و ۲۶ هزار معلول")]
['سه هزار', '۲۶ هزار']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache

from ..lexicons import load_list, load_table
from ..text import fold

DIGIT = "0-9۰-۹٠-٩"
# one-to-one character folding (keeps offsets): Arabic letters and all digits
SPACE = " \t\u00a0\u200c\u200f\u200e"  # what may stand between the parts of one number
LEXEME = re.compile(
    rf"(?P<digits>[{DIGIT}]+(?:(?:[.,٫٬:]| /|/ ?)[{DIGIT}]+|،[{DIGIT}]{{3}}(?![{DIGIT}]))*)"
    rf"|(?P<word>[^\W\d_]+(?:\u200c[^\W\d_]+)*)|(?P<space>[{SPACE}]+)|(?P<other>.)",
    re.DOTALL,
)
AND = "و"
ADJECTIVE_SUFFIXES = ("ای", "ی")
ROLES_AFTER_SCALE = ("digits", "unit", "teen", "ten", "hundred")


@dataclass(frozen=True, slots=True)
class Atom:
    """One part of a number: ``۱۱۰`` (digits), ``هزار`` (scale), ``پنج`` (unit) ..."""

    start: int
    end: int
    value: Fraction
    role: str  # digits|unit|teen|ten|hundred|scale|half|denominator


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number expression found in a text: ``۱۱۰ هزار`` at 10..18 -> 110000."""

    start: int
    end: int
    text: str
    value: int | float
    atoms: tuple[Atom, ...]

    @property
    def is_digits(self) -> bool:
        """Written with digits only (``۱۳۹۸``), no number word."""
        return all(a.role == "digits" for a in self.atoms)

    @property
    def is_fraction(self) -> bool:
        """A fraction or a half (``یک سوم``، ``نیم``)."""
        return any(a.role in ("denominator", "half") for a in self.atoms) and self.value < 1


@cache
def _word_table() -> dict[str, tuple[Fraction, str]]:
    """Number word -> (value, role), from ``number_words.tsv``."""
    return {
        row["word"]: (Fraction(row["value"]), row["role"]) for row in load_table("number_words")
    }


@cache
def scales() -> frozenset[str]:
    """Scale words of a thousand and more (هزار، میلیون، میلیارد ...): they can be written onto
    the next word (میلیاردریال), made adjectives (۲۰ میلیونی), and no designator names a
    number that holds one.

    >>> {"هزار", "میلیون"} <= scales() and "صد" not in scales()
    True
    """
    return frozenset(word for word, (value, role) in _word_table().items() if role == "scale" and value >= 1000)


def denominators() -> frozenset[str]:
    """Ordinal forms that serve as fraction denominators (سوم، چهارم ...)."""
    return frozenset(word for word, (_, role) in _word_table().items() if role == "denominator")


def digits_value(text: str) -> Fraction | None:
    """Value of a digit string, or None for dates, times, codes and ambiguous forms.

    >>> digits_value("۲/۵"), digits_value("5 /6"), digits_value("1,200"), digits_value("۱۴۰۲/۰۵/۱۲")
    (Fraction(5, 2), Fraction(28, 5), Fraction(1200, 1), None)
    """
    s = fold(text).replace("٫", ".").replace("٬", ",").replace("،", ",").replace(" ", "")
    if ":" in s:
        return None  # clock time ۱۰:۳۰
    if len(s) > 1 and s[0] == "0" and s[1].isdigit():
        return None  # phone numbers and codes: ۰۲۱...
    if "/" in s:
        parts = s.split("/")
        if len(parts) != 2 or "," in s or "." in s:
            return None  # ۱۴۰۲/۰۵/۱۲
        return Fraction(f"{parts[0]}.{parts[1]}")  # ۲/۵ درصد = 2.5
    whole, _, decimals = s.partition(".") if s.count(".") == 1 else (s, "", "")
    if s.count(".") > 1:
        groups = s.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            return Fraction("".join(groups))  # 1.200.000
        return None
    if "," in whole:
        groups = whole.split(",")
        if not all(len(g) == 3 for g in groups[1:]):
            return None  # "40,50": a list, not a number
        whole = "".join(groups)
    return Fraction(f"{whole}.{decimals}" if decimals else whole)


@lru_cache(maxsize=16_384)  # called for every word of every article; most words recur (bounded: flat memory)
def _segment(word: str) -> tuple[tuple[str, Fraction, str], ...] | None:
    """Split a letter run into number words and و, or None when it is not made of them.

    >>> [w for w, _, _ in _segment("یکصدوبیست")]
    ['یکصد', 'و', 'بیست']
    """
    table = _word_table()
    if word in table:
        return ((word, *table[word]),)
    if word.endswith("م") and word[:-1] in table:
        return None  # «چهاردهم» is the ordinal of «چهارده», not «چهار» «دهم» (four tenths)
    for suffix in ADJECTIVE_SUFFIXES:  # ۲۰ میلیونی، ۳ هزاری: a scale made adjective
        stem = word.removesuffix(suffix)
        if stem != word and stem in scales():
            return ((word, *table[stem]),)

    def split(rest: str) -> list[tuple[str, Fraction, str]] | None:
        if not rest:
            return []
        for size in range(min(len(rest), 8), 0, -1):
            head = rest[:size]
            if head in table or head == AND:
                tail = split(rest[size:])
                if tail is not None:
                    entry = (head, *table[head]) if head in table else (AND, Fraction(0), "and")
                    return [entry, *tail]
        return None

    parts = split(word)
    return tuple(parts) if parts is not None else None


def _leading_scale(word: str) -> str | None:
    """A scale word of 1000 or more glued to the start of another word (میلیاردریال).

    >>> _leading_scale("میلیاردریال"), _leading_scale("هزاره")
    ('میلیارد', None)
    """
    for size in range(min(len(word) - 2, 8), 2, -1):
        if word[:size] in scales():
            return word[:size]
    return None


@cache
def _glued_units() -> frozenset[str]:
    return frozenset(fold(w) for w in load_list("number_glued_units"))


def _leading_number_word(word: str) -> str | None:
    """A number word written onto one of the units of ``number_glued_units.txt``.

    >>> _leading_number_word("یکسال"), _leading_number_word("دوماهه"), _leading_number_word("دوست")
    ('یک', 'دو', None)
    """
    table = _word_table()
    for size in range(min(len(word) - 3, 6), 1, -1):
        head = word[:size]
        if head in table and table[head][1] in ("unit", "teen", "ten", "hundred") and word[size:] in _glued_units():
            return head
    return None


@lru_cache(maxsize=65_536)  # every word of every article passes here; most recur (bounded: flat memory)
def _word_pieces(word: str) -> tuple[tuple[str, int, int, Fraction | None, str], ...]:
    """:func:`_word_items` of ``word`` at offset 0, remembered."""
    return tuple(_word_items(word, 0))


def _word_items(word: str, start: int) -> list[tuple[str, int, int, Fraction | None, str]]:
    """Items of one letter run (ZWNJ compounds included): one number, or a break.

    A glued or ZWNJ-joined run counts only when all of it is one valid number:
    یکصدوبیست، بیست‌وپنج، یک‌صد yes; دوده، سیب no. A ZWNJ compound that starts with a
    number (بیست‌ساله، سه‌شنبه، میلیون‌ها) gives that number and a break: whether the
    rest makes it a figure is for the caller to judge.

    >>> [i[0] for i in _word_items("سه\u200cشنبه", 0)], [i[4] for i in _word_items("یک\u200cصد", 0)]
    (['atom', 'break'], ['unit', 'scale'])
    """
    if word == AND:
        return [("and", start, start + 1, None, "")]
    broken = [("break", start, start + len(word), None, "")]
    items: list[tuple[str, int, int, Fraction | None, str]] = []
    pos = start
    for index, part in enumerate(word.split("\u200c")):
        parts = _segment(part)
        if parts is None and index == 0:
            scale = _leading_scale(part)
            if scale is None:
                head = _leading_number_word(part)
                if head is None:
                    return broken
                # یکسال، دوماهه، پنجگانه: a number word written onto its unit
                return [("atom", start, start + len(head), *_word_table()[head]),
                        ("break", start + len(head), start + len(word), None, "")]
            # ۸/۹میلیاردریال، هزارتومان: a scale glued to the next word
            return [("atom", start, start + len(scale), *_word_table()[scale]),
                    ("break", start + len(scale), start + len(word), None, "")]
        if parts is None:
            # بیست‌ساله، ده‌درصدی، سه‌شنبه: the number, then the rest of the compound
            return _word_items(word[: pos - 1 - start], start) + [("break", pos, start + len(word), None, "")]
        for piece, value, role in parts:
            items.append(("and", pos, pos + len(piece), None, "") if role == "and"
                         else ("atom", pos, pos + len(piece), value, role))
            pos += len(piece)
        pos += 1  # the ZWNJ
    if all(item[0] == "and" for item in items):
        return broken  # a glued و joins the numbers around it: سیصد وشصت هزار، یک هزارو ۲۰۰
    if len(items) > 1 and len(_groups(items)) != 1:
        return broken
    return items


@cache
def _number_start() -> re.Pattern:
    """Where a number may start: a digit, or a word that begins with a number word (or with
    «و» and one: «وپنج»). Most of a text holds none, and is not read lexeme by lexeme."""
    words = "|".join(re.escape(w) for w in sorted(_word_table(), key=len, reverse=True))
    return re.compile(rf"[{DIGIT}]|(?<![^\W\d_])(?<![^\W\d_]\u200c){AND}?(?:{words})")  # not inside a word or a ZWNJ compound


def _lexemes(text: str) -> list[tuple[str, int, int, Fraction | None, str]]:
    """(kind, start, end, value, role) items: atoms, and, space and breaks. Only the stretches
    from a possible number start to the next break are read; what lies between them is a break."""
    items: list[tuple[str, int, int, Fraction | None, str]] = []
    pos = 0
    for start_match in _number_start().finditer(text):
        if start_match.start() < pos:
            continue
        items.append(("break", pos, start_match.start(), None, ""))
        for m in LEXEME.finditer(text, start_match.start()):
            kind, start, end = m.lastgroup or "other", m.start(), m.end()
            pos = end
            if kind == "digits":
                value = digits_value(m.group())
                items.append(("atom", start, end, value, "digits") if value is not None
                             else ("break", start, end, None, ""))
            elif kind == "word":
                items.extend((kind, start + s, start + e, value, role)
                             for kind, s, e, value, role in _word_pieces(m.group()))
            elif kind == "space":
                items.append(("space", start, end, None, ""))
            else:
                items.append(("break", start, end, None, ""))
            if items[-1][0] == "break":
                break
    return items


def can_follow(left: Atom, right: Atom, joined_by_and: bool) -> bool:
    """Whether ``right`` continues the number ending in ``left``.

    >>> a = lambda v, r: Atom(0, 0, Fraction(v), r)
    >>> can_follow(a(3, "unit"), a(1000, "scale"), False)   # سه هزار
    True
    >>> can_follow(a(20, "digits"), a(30, "digits"), True)  # ۲۰ و ۳۰: two numbers
    False
    """
    if left.role == "denominator":
        return False
    if joined_by_and:
        if right.role == "half":
            return left.role not in ("half",)
        if right.role == "scale" and right.value == 100:  # هزار و صد میلیارد: «صد» is a hundred here
            return left.role == "scale" and left.value > 100
        if right.role not in ROLES_AFTER_SCALE:
            return False
        if left.role == "scale":
            return right.value < left.value
        if left.role == "hundred":
            return right.value < 100 and right.role != "hundred"
        if left.role == "ten":
            return right.role == "unit" and right.value > 0
        return False
    if right.role == "scale":
        if right.value == 100:
            return left.role == "unit" and left.value > 0
        if left.role == "scale":
            return left.value < right.value
        return left.role != "denominator" and left.value > 0
    if right.role == "denominator":  # یک سوم، سه چهارم، ۸ صدم
        return left.role in ("unit", "teen", "ten", "digits") and 0 < left.value < right.value
    return False


def value_of(atoms: list[Atom] | tuple[Atom, ...]) -> Fraction:
    """Value of a valid sequence of atoms (scales multiply what precedes them).

    >>> a = lambda v, r: Atom(0, 0, Fraction(v), r)
    >>> int(value_of([a(3, "digits"), a(1000, "scale"), a(900, "digits"), a(10**9, "scale")]))
    3900000000000
    """
    total = current = Fraction(0)
    largest = Fraction(0)
    for atom in atoms:
        if atom.role == "scale":
            if atom.value == 100:
                current = (current or 1) * 100
            elif atom.value > largest:
                total, current, largest = (total + current or 1) * atom.value, Fraction(0), atom.value
            else:
                total, current = total + (current or 1) * atom.value, Fraction(0)
        elif atom.role == "denominator":
            current = current / atom.value
        else:
            current += atom.value
    return total + current


def as_number(value: Fraction) -> int | float:
    """A plain JSON number: int when whole.

    >>> as_number(Fraction(5, 2)), as_number(Fraction(110000))
    (2.5, 110000)
    """
    return int(value) if value.denominator == 1 else float(value)


def _groups(items: list[tuple[str, int, int, Fraction | None, str]]) -> list[list[Atom]]:
    """Group consecutive atoms into number expressions."""
    groups: list[list[Atom]] = []
    current: list[Atom] = []
    pending_and = False
    for kind, start, end, value, role in items:
        if kind == "space":
            continue
        if kind == "atom":
            atom = Atom(start, end, value, role)  # type: ignore[arg-type]
            if current and can_follow(current[-1], atom, pending_and):
                current.append(atom)
            else:
                if current:
                    groups.append(current)
                current = [atom]
            pending_and = False
            continue
        if kind == "and" and current and not pending_and:
            pending_and = True
            continue
        if current:
            groups.append(current)
        current, pending_and = [], False
    if current:
        groups.append(current)
    return groups


def _trim(atoms: list[Atom]) -> list[Atom]:
    """Drop a leading bare denominator or scale-less half fragments that are not numbers."""
    while atoms and atoms[0].role == "denominator":
        atoms = atoms[1:]  # دوم، سوم alone are ordinals
    return atoms


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number expression in ``text``, in order (offsets index ``text``).

    >>> [(m.text, m.value) for m in find_numbers("دو میلیون و ۶۳۱ هزار نفر، یک و نیم برابر")]
    [('دو میلیون و ۶۳۱ هزار', 2631000), ('یک و نیم', 1.5)]
    """
    folded = fold(text)
    matches = []
    for atoms in _groups(_lexemes(folded)):
        atoms = _trim(atoms)
        if not atoms:
            continue
        start, end = atoms[0].start, atoms[-1].end
        matches.append(
            NumberMatch(start, end, text[start:end], as_number(value_of(atoms)), tuple(atoms))
        )
    return matches


def parse_number(text: str) -> int | float | None:
    """Value of ``text`` when the whole of it is one number expression, else None.

    >>> parse_number("دو ميليون  و 631 هزار"), parse_number("نیم"), parse_number("سال")
    (2631000, 0.5, None)
    """
    stripped = text.strip(SPACE + "\n")
    found = find_numbers(stripped)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(stripped):
        return None
    return found[0].value
