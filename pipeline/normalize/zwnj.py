"""ZWNJ (نیم‌فاصله): clean stray ones, restore the missing ones from the lexicon.

Restored, each time backed by :mod:`.lexicon` (hazm's words.dat and verbs):

- می/نمی + a conjugated verb: ``مي شود``، ``میشود`` → ``می‌شود`` (میز، میدان untouched);
- plural ها/های...: ``سازمان ها``، ``صندوقهای`` → ``سازمان‌ها``، ``صندوق‌های``;
- تر/ترین after an adjective: ``مهمترین`` → ``مهم‌ترین`` (بهترین، دختر، دفتر untouched);
- ام/ای/ایم/اید/اند after ه: ``شده اند`` → ``شده‌اند``; ezafe ``خانه ی`` → ``خانه‌ی``;
- lexical compounds: ``بین المللی``، ``سرمایهگذاری`` → ``بین‌المللی``، ``سرمایه‌گذاری``.

After a letter that never joins the next one (ا د ذ ر ز ژ و) a ZWNJ changes
nothing on screen: it is dropped, and a suffix there is written joined
(``کشور ها`` → ``کشورها``).

>>> from pipeline.normalize.offsets import TrackedText
>>> restore_zwnj(TrackedText.from_raw("سازمان ها و کشور ها می گویند")).text
'سازمان\u200cها و کشورها می\u200cگویند'
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..lexicons import load_table
from .characters import LETTER
from .lexicon import ZWNJ, load_lexicon
from .offsets import TrackedText

NON_JOINING = "ءآأؤإادذرزژو"
# the pronouns آن/این are stopwords yet take the plural: آن‌ها، این‌ها
PLURAL_PRONOUNS = ("آن", "این")
MI_PREFIXES = ("نمی", "می")
PARTICIPLE_SCORE = 1_000_000  # a past participle (شده، کرده) is as good as a frequent word
MAX_ROUNDS = 3

WORD = f"[{LETTER}]+(?:\u200c[{LETTER}]+)*"
WORD_RE = re.compile(WORD)
_EDGE = f"(?<![{LETTER}\u200c])"
PAIR_RE = re.compile(f"{_EDGE}({WORD})([ \u00a0])(?=({WORD}))")
WORD_AT = re.compile(WORD)
STRAY_ZWNJ = re.compile(
    f"\u200c{{2,}}|(?<![{LETTER}])\u200c|\u200c(?![{LETTER}])|(?<=[{NON_JOINING}])\u200c"
)


@cache
def suffix_kinds() -> dict[str, str]:
    """Suffix → kind from ``lexicons/zwnj_suffixes.tsv`` (``{"ها": "plural", ...}``)."""
    return {row["suffix"]: row["kind"] for row in load_table("zwnj_suffixes")}


@cache
def _suffixes_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(suffix_kinds().items(), key=lambda kv: -len(kv[0])))


def clean_zwnj(t: TrackedText) -> TrackedText:
    """Drop doubled ZWNJs, ZWNJs beside a space or a non-letter, and after a non-joining letter.

    >>> clean_zwnj(TrackedText.from_raw("برنامه\u200c\u200cهای می\u200c شود کشور\u200cها")).text
    'برنامه\u200cهای می شود کشورها'
    """
    if ZWNJ not in t.text:
        return t
    return t.sub(STRAY_ZWNJ, lambda m: ZWNJ if m.group(0)[0] == ZWNJ and _inside(m) else "")


def _inside(m: re.Match) -> bool:
    """A run of ZWNJs between two letters, the first of which joins."""
    text, a, b = m.string, m.start(), m.end()
    return (
        a > 0 and b < len(text)
        and re.match(f"[{LETTER}]", text[a - 1]) is not None
        and text[a - 1] not in NON_JOINING
        and re.match(f"[{LETTER}]", text[b]) is not None
    )


def _joiner(word: str) -> str:
    """What joins a suffix to ``word``: a ZWNJ after a joining letter, nothing otherwise."""
    return "" if word[-1] in NON_JOINING else ZWNJ


def _lexical(word: str) -> bool:
    """``word`` is a lexicon entry, or one with a derivational ی: تنهایی، میدانی، گروهی."""
    lex = load_lexicon()
    if lex.is_word(word):
        return True
    if word.endswith("یی") and lex.is_word(word[:-2]):
        return True
    return word.endswith("ی") and lex.is_word(word[:-1])


def _mi_verb(word: str) -> str | None:
    """``میشود`` → ``می‌شود`` when the rest is a conjugated verb and the word no noun.

    >>> _mi_verb("نمیتوان"), _mi_verb("میدانی"), _mi_verb("میوه")
    ('نمی\u200cتوان', None, None)
    """
    for prefix in MI_PREFIXES:
        if word.startswith(prefix):
            rest = word[len(prefix):]
            lex = load_lexicon()
            verb = rest in lex.conjugations or rest in lex.bare_stems
            if rest and rest[0] != ZWNJ and verb and not _lexical(word):
                return prefix + ZWNJ + rest
            return None
    return None


def _stem_score(stem: str, kind: str) -> int:
    """How sure we are that ``stem`` + a ``kind`` suffix is right (0: not at all)."""
    lex = load_lexicon()
    if len(stem) < 2 or stem[-1] == ZWNJ or stem[-1] in NON_JOINING:
        return 0
    if kind == "plural":
        if lex.is_word(stem):
            return lex.frequency(stem) + 1
        if stem in lex.joined_compounds:
            return lex.frequency(lex.joined_compounds[stem]) + 1
        return PARTICIPLE_SCORE if _mi_verb(stem) else 0
    if kind == "comparative":
        return lex.frequency(stem) + 1 if lex.has_pos(stem, "AJ") else 0
    if kind == "copula" and stem.endswith("ه"):
        if lex.is_word(stem):
            return lex.frequency(stem) + 1
        return PARTICIPLE_SCORE if stem[:-1] in lex.conjugations else 0
    return 0


@lru_cache(maxsize=300_000)
def fix_word(word: str) -> str:
    """A written-together word with its ZWNJs restored (unchanged when unsure).

    >>> [fix_word(w) for w in ["صندوقهای", "مهمترین", "شدهاند", "تنهایی", "دختر", "بهترین"]]
    ['صندوق\u200cهای', 'مهم\u200cترین', 'شده\u200cاند', 'تنهایی', 'دختر', 'بهترین']
    """
    lex = load_lexicon()
    if lex.is_word(word):
        return word
    if word in lex.joined_compounds:
        return lex.joined_compounds[word]
    verb = _mi_verb(word)
    if verb:
        return verb
    if _lexical(word):
        return word
    best, best_score = None, 0
    for suffix, kind in _suffixes_longest_first():
        if kind == "ezafe" or not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if kind == "comparative" and suffix != "تر" and lex.is_word(stem + "تر"):
            return word  # بهترین، بیشترین: lexicalized
        score = _stem_score(stem, kind)
        if score > best_score:
            best, best_score = (stem, suffix), score
    if best is None:
        return word
    stem, suffix = best
    return fix_word(stem) + ZWNJ + suffix


@lru_cache(maxsize=300_000)
def join_pair(left: str, sep: str, right: str) -> str:
    """The separator to write between two words: ``sep`` unchanged, a ZWNJ, or nothing.

    >>> [join_pair(a, " ", b) for a, b in [("می", "شود"), ("کشور", "ها"), ("به", "نظر")]]
    ['\u200c', '', ' ']
    """
    lex = load_lexicon()
    if left in MI_PREFIXES:
        return ZWNJ if right in lex.conjugations or right in lex.bare_stems else sep
    kind = suffix_kinds().get(right)
    stop = left in lex.stopwords
    if kind == "plural":
        if not stop or left in PLURAL_PRONOUNS:
            return _joiner(left)
    elif kind == "comparative":
        if lex.has_pos(left, "AJ"):
            return "" if lex.is_word(left + right) else _joiner(left)
    elif kind in ("copula", "ezafe"):
        if left.endswith("ه") and len(left) > 1 and not stop:  # not که، چه، به، نه
            return ZWNJ
    compound = lex.compounds.get((left, right))
    if compound and not (stop and right in lex.stopwords):
        return _joiner(left)
    if sep == "\u00a0" and lex.seen(left + ZWNJ + right):
        return _joiner(left)
    return sep


def _restore_once(t: TrackedText) -> TrackedText:
    """One round: fix written-together words and the separators between word pairs."""
    text = t.text
    fixes = {w: f for w in set(WORD_RE.findall(text)) if (f := fix_word(w)) != w}
    joins = {p: s for p in set(PAIR_RE.findall(text)) if (s := join_pair(*p)) != p[1]}
    if not fixes and not joins:
        return t
    alternatives = [
        re.escape(left + sep) + f"(?={re.escape(right)}(?![{LETTER}\u200c]))"
        for left, sep, right in sorted(joins, key=lambda p: -len(p[0]))
    ]
    alternatives += [
        re.escape(w) + f"(?![{LETTER}\u200c])" for w in sorted(fixes, key=len, reverse=True)
    ]
    sites = re.compile(f"{_EDGE}(?:{'|'.join(alternatives)})")

    def repl(m: re.Match) -> str:
        found = m.group(0)
        if found[-1] in " \u00a0":
            left, sep = found[:-1], found[-1]
            right = WORD_AT.match(m.string, m.end())
            new_sep = joins.get((left, sep, right.group(0)), sep) if right else sep
            return fixes.get(left, left) + new_sep
        return fixes.get(found, found)

    return t.sub(sites, repl)


def restore_zwnj(t: TrackedText) -> TrackedText:
    """Restore missing ZWNJs until nothing changes; leftover no-break spaces become spaces."""
    for _ in range(MAX_ROUNDS):
        restored = _restore_once(t)
        if restored is t:
            break
        t = restored
        if "\u00a0" in t.text:
            t = t.sub("\u00a0", " ")
    if "\u00a0" in t.text:
        t = t.sub("\u00a0", " ")
    return t
