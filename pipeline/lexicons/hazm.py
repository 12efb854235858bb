"""The word lexicon behind the ZWNJ rules of :mod:`pipeline.normalize.zwnj`: hazm's
``data/words.dat`` and ``data/verbs.dat``, read from the installed hazm package (a
dependency; its licence, MIT, ships with it). They are located without importing hazm,
which would pull in nltk.

``words.dat`` lines are ``word<TAB>frequency<TAB>POS``. Entries with a real POS
(``N``, ``AJ`` ...) are the *lexicon*; entries with POS ``0`` are only word
forms hazm has seen (``میشود``، ``آنها``), so they never decide anything alone.

>>> lex = load_lexicon()
>>> lex.is_word("بین‌المللی"), lex.is_word("میشود"), lex.seen("میشود")
(True, False, True)
>>> "شود" in lex.conjugations and "دان" not in lex.conjugations
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from . import load_list

ZWNJ = "\u200c"
NON_JOINING = "ءآأؤإادذرزژو"  # letters that never join the next one
NON_JOINING_ZWNJ = re.compile(f"(?<=[{NON_JOINING}])\u200c+")
PERSON_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
PAST_ENDINGS = ("م", "ی", "", "یم", "ید", "ند")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Words with frequency and POS, seen forms, conjugated verb forms, function words."""

    words: dict[str, tuple[int, frozenset[str]]]
    seen_forms: frozenset[str]
    conjugations: frozenset[str]
    bare_stems: frozenset[str]  # a present stem alone after می: نمی‌توان
    present_stems: frozenset[str]  # every present stem: نگار، بین، ساز (روزنامه‌نگار، پیش‌بینی)
    past_stems: frozenset[str]  # شد، کرد: شده، شدن are verbal, not the end of a compound
    stopwords: frozenset[str]  # function words (lexicons/zwnj_function_words.txt)
    compounds: dict[tuple[str, str], str]  # ("بین", "المللی") -> "بین‌المللی" (any words.dat entry)
    compound_pairs: frozenset[tuple[str, str]]
    joined_compounds: dict[str, str]  # "بینالمللی" -> "بین‌المللی"

    def is_word(self, word: str) -> bool:
        """A lexicon entry with a part of speech."""
        return word in self.words

    def seen(self, word: str) -> bool:
        """Any words.dat entry, a seen form included."""
        return word in self.seen_forms

    def frequency(self, word: str) -> int:
        """Corpus frequency of a lexicon entry (0 when absent)."""
        entry = self.words.get(word)
        return entry[0] if entry else 0

    def has_pos(self, word: str, pos: str) -> bool:
        """``has_pos("مهم", "AJ")`` is True."""
        entry = self.words.get(word)
        return entry is not None and pos in entry[1]


def canonical_zwnj(word: str) -> str:
    """``word`` without the ZWNJs that follow a non-joining letter (they change nothing).

    >>> canonical_zwnj("صد\u200cدر\u200cصد"), canonical_zwnj("کشور\u200cها")
    ('صددرصد', 'کشورها')
    """
    return NON_JOINING_ZWNJ.sub("", word) if ZWNJ in word else word


def _hazm_data(name: str) -> Path:
    """``hazm/data/<name>`` of the installed hazm, found without running ``hazm/__init__``.

    >>> _hazm_data("words.dat").is_file()
    True
    """
    spec = find_spec("hazm")  # a top-level package: its spec is found, not imported
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the lexicon needs hazm's data files: pip install hazm")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / name


def conjugate(past: str, present: str) -> set[str]:
    """Simple past, past participle and present forms without the می prefix.

    >>> sorted(conjugate("گفت", "گو"))[:4]
    ['گفت', 'گفتم', 'گفتند', 'گفته']
    >>> all(f in conjugate(*p) for f, p in [("گوید", ("گفت", "گو")), ("شود", ("شد", "شو")),
    ...                                       ("آیند", ("آمد", "آ"))])
    True
    """
    forms: set[str] = set()
    if past:
        forms.update(past + e for e in PAST_ENDINGS)
        forms.add(past + "ه")  # می‌شده، می‌کرده
    if present:
        # after ا/آ a glide ی comes in (گشاید); after و both occur (شود، گوید)
        if present[-1] in "اآ":
            forms.update(present + "ی" + e for e in PERSON_ENDINGS)
        else:
            forms.update(present + e for e in PERSON_ENDINGS)
            if present[-1] == "و":
                forms.update(present + "ی" + e for e in PERSON_ENDINGS)
    return forms


def _read_verbs() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Conjugated forms, present stems of four letters or more (نمی‌توان), all present stems,
    past stems."""
    forms: set[str] = set()
    stems: set[str] = set()
    presents: set[str] = set()
    pasts: set[str] = set()
    text = _hazm_data("verbs.dat").read_text(encoding="utf-8")
    for line in text.splitlines():
        if "#" not in line or " " in line.strip():
            continue
        past, present = (part.strip() for part in line.split("#", 1))
        forms |= conjugate(past, present)
        if len(present) >= 4:  # not دان، است: میدان، «جیووانی می است»
            stems.add(present)
        if present:
            presents.add(present)
        if past:
            pasts.add(past)
    forms.discard("")
    return frozenset(forms), frozenset(stems), frozenset(presents), frozenset(pasts)


@cache
def load_lexicon() -> Lexicon:
    """Read hazm's word and verb lists once (about a quarter of a second)."""
    words: dict[str, tuple[int, frozenset[str]]] = {}
    seen: set[str] = set()
    with _hazm_data("words.dat").open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or not parts[0]:
                continue
            word, freq, pos = parts[0], parts[1], parts[2]
            seen.add(word)
            if pos != "0":
                words[word] = (int(freq) if freq.isdigit() else 0, frozenset(pos.split(",")))
    stopwords = frozenset(load_list("zwnj_function_words"))
    compounds: dict[tuple[str, str], str] = {}
    joined: dict[str, str] = {}
    # in order, the more frequent spelling first, so two spellings of one word (همجنس‌گرا،
    # هم‌جنس‌گرا) give the same choice in every run
    for entry in sorted(seen, key=lambda e: (-words.get(e, (0,))[0], e)):
        if ZWNJ not in entry:
            continue
        word = canonical_zwnj(entry)
        key = word.replace(ZWNJ, "")
        parts = entry.split(ZWNJ)
        if word == key or not all(parts) or all(p in stopwords for p in parts):
            continue  # صد‌در‌صد: no ZWNJ needed; این‌که: two function words
        if len(parts) == 2:
            compounds.setdefault((parts[0], parts[1]), word)
        if key in seen:
            continue  # پیشگیری، لیلی: a joined spelling in use is left alone
        if parts[0] in stopwords and entry not in words:
            continue  # بهسان (a name) is not به‌سان unless the lexicon says so
        joined.setdefault(key, word)
    conjugations, bare_stems, present_stems, past_stems = _read_verbs()
    return Lexicon(words, frozenset(seen), conjugations, bare_stems, present_stems, past_stems, stopwords, compounds,
                   frozenset(compounds), joined)
