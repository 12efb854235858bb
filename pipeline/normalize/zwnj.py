"""ZWNJ (نیم‌فاصله): clean stray ones, restore the missing ones from the lexicon.

Restored, each time backed by :mod:`.lexicon` (hazm's words.dat and verbs):

- می/نمی + a conjugated verb: ``مي شود``، ``میشود`` → ``می‌شود`` (میز، میدان untouched), also
  after a verbal prefix (``برمیگردد`` → ``برمی‌گردد``) and after a word ending in می (گرامی می‌باشد);
- the prefix بی written apart where the lexicon joins it: ``بی سابقه`` → ``بی‌سابقه``;
- a pronoun clitic written apart after a vowel: ``اصلی اش`` → ``اصلی‌اش``;
- plural ها/های...: ``سازمان ها``، ``صندوقهای`` → ``سازمان‌ها``، ``صندوق‌های``;
- تر/ترین after an adjective: ``مهمترین`` → ``مهم‌ترین`` (بهترین، دختر، دفتر untouched);
- ام/ای/ایم/اید/اند after ه: ``شده اند`` → ``شده‌اند``; ezafe ``خانه ی`` → ``خانه‌ی``;
- lexical compounds: ``بین المللی``، ``سرمایهگذاری`` → ``بین‌المللی``، ``سرمایه‌گذاری``, and
  those the standard joins whose second part is a verb stem or a derivational ending:
  ``پیش بینی``، ``روزنامه نگار``، ``اخلال گر`` (never two nouns: خلیج فارس).

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

from ..lexicons import load_list, load_table
from ..lexicons.hazm import NON_JOINING, ZWNJ, load_lexicon
from .characters import LETTER, tidy_spaces
from .offsets import TrackedText

# the pronouns آن/این are stopwords yet take the plural: آن‌ها، این‌ها
PLURAL_PRONOUNS = ("آن", "این")
MI_PREFIXES = ("نمی", "می")
PARTICIPLE_SCORE = 1_000_000  # a past participle (شده، کرده) is as good as a frequent word
MAX_ROUNDS = 3
BOUND_PART_FREQUENCY = 100  # a compound's second part rarer than this is a bound form (سازی)

WORD = f"[{LETTER}]+(?:\u200c[{LETTER}]+)*"
WORD_RE = re.compile(WORD)
_EDGE = f"(?<![{LETTER}\u200c])"
_WORD_CHAR = re.compile(f"[{LETTER}\u200c]")
_END = f"(?![{LETTER}\u200c])"
# می written apart from the word after it (نمی: see _pair_sites)
# every «می» before a space (overlapping: «گرامی می باشد»); the word it ends decides
MI_PAIR = re.compile(f"می(?=([ \u00a0])({WORD}))")
BI_PAIR = re.compile(f"بی([ \u00a0])({WORD})")  # the prefix بی written apart: بی سابقه
NO_BREAK_PAIR = re.compile(f"\u00a0({WORD})")
WORD_BEFORE = re.compile(f"{_EDGE}{WORD}$")
UNCHANGED_LIMIT = 500_000
_UNCHANGED: set[str] = set()  # words fix_word leaves as they are (a cache)
# a ZWNJ that is doubled, beside a non-letter, or after a non-joining letter
# (starts with the ZWNJ itself, which the regex engine scans for fast)
STRAY_ZWNJ = re.compile(
    f"\u200c(?:\u200c+|(?![{LETTER}])|(?<=[{NON_JOINING}]\u200c)|(?<![{LETTER}]\u200c))"
)


@cache
def _keep() -> frozenset[str]:
    """Words never split (``lexicons/zwnj_keep.txt``): names that look like verbs (میداود)."""
    return frozenset(load_list("zwnj_keep"))


@cache
def suffix_kinds() -> dict[str, str]:
    """Suffix → kind from ``lexicons/zwnj_suffixes.tsv`` (``{"ها": "plural", ...}``)."""
    return {row["suffix"]: row["kind"] for row in load_table("zwnj_suffixes")}


def trie_pattern(words: list[str]) -> str:
    """A regex matching any of ``words``, as a prefix tree (the engine tries one branch per
    letter instead of every word in turn).

    >>> trie_pattern(["ها", "های", "ترین", "تر"])
    '(?:ها(?:ی)?|تر(?:ین)?)'
    """
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alternatives = [re.escape(letter) + branch(child) for letter, child in node.items() if letter]
        if not alternatives:
            return ""
        group = alternatives[0] if len(alternatives) == 1 and "" not in node else f"(?:{'|'.join(alternatives)})"
        return f"{group}?" if "" in node else group

    return branch(tree) if len(tree) > 1 else f"(?:{branch(tree)})"


def _suffix_pair_regex() -> re.Pattern:
    """A space, then a suffix written apart: (سازمان) ها، (شده) اند، (مهم) ترین."""
    return re.compile(f"([ \u00a0])({trie_pattern(list(suffix_kinds()))}){_END}")


@cache
def _suffixes_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(suffix_kinds().items(), key=lambda kv: -len(kv[0])))


SUFFIX_PAIR = _suffix_pair_regex()


def clean_zwnj(t: TrackedText) -> TrackedText:
    """Drop doubled ZWNJs, ZWNJs beside a space or a non-letter, and after a non-joining letter.

    The spaces a dropped ZWNJ stood between become one (and none at a line's edge),
    as the later rules expect, so ``مي \u200c شود`` reads as ``مي شود`` does.

    >>> clean_zwnj(TrackedText.from_raw("برنامه\u200c\u200cهای می\u200c شود کشور\u200cها")).text
    'برنامه\u200cهای می شود کشورها'
    >>> clean_zwnj(TrackedText.from_raw("\u200c می \u200c شود")).text
    'می شود'
    """
    if ZWNJ not in t.text:
        return t
    cleaned = t.sub(STRAY_ZWNJ, lambda m: ZWNJ if m.group(0)[0] == ZWNJ and _inside(m) else "")
    return cleaned if cleaned is t else tidy_spaces(cleaned)


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


@cache
def verb_prefixes() -> tuple[str, ...]:
    """Prefixes written joined before می (``lexicons/verb_prefixes.txt``): بر، در، فرا ..."""
    return tuple(load_list("verb_prefixes"))


def _prefixed_mi_verb(word: str) -> str | None:
    """``برمیگردد`` → ``برمی‌گردد``: a verbal prefix, then a می verb (not a lexicon word: درمیان).

    >>> _prefixed_mi_verb("برمیگردد"), _prefixed_mi_verb("درمیان")
    ('برمی\u200cگردد', None)
    """
    for prefix in verb_prefixes():
        if word.startswith(prefix) and (verb := _mi_verb(word[len(prefix):])):
            return prefix + verb
    return None


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
    if len(stem) < 2 or stem[-1] == ZWNJ:
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
        return PARTICIPLE_SCORE if stem[:-1] in lex.past_stems else 0
    return 0


def _suffix_split(word: str) -> tuple[str, str] | None:
    """The one reading of ``word`` as stem + suffix the lexicon supports, if there is one.

    Two readings that need different spellings (خانهای: خان‌های or خانه‌ای) mean
    we cannot tell: None. So does a reading after a non-joining letter
    (روزهای: روز+های), which needs no ZWNJ at all.

    >>> _suffix_split("صندوقهای"), _suffix_split("روزهای")
    (('صندوق', 'های'), None)
    """
    lex = load_lexicon()
    readings: list[tuple[str, str]] = []
    for suffix, kind in _suffixes_longest_first():
        if kind == "ezafe" or not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if kind == "comparative":
            if suffix != "تر" and lex.is_word(stem + "تر"):
                return None  # بهترین، بیشترین: lexicalized
            if lex.seen(word) and not lex.seen(stem + ZWNJ + suffix):
                return None  # فیلتر is no comparative of فیل
        if kind == "copula" and suffix == "ای" and stem[:-1] in lex.past_stems:
            continue  # کردهای: the Kurds (کرد+های) far more often than کرده‌ای
        if _stem_score(stem, kind):
            readings.append((stem, suffix))
    if len(readings) != 1 or readings[0][0][-1] in NON_JOINING:
        return None
    return readings[0]


@lru_cache(maxsize=16_384)  # bounded: a worker's memory stays flat over an archive
def fix_word(word: str) -> str:
    """A written-together word with its ZWNJs restored (unchanged when unsure).

    >>> [fix_word(w) for w in ["صندوقهای", "مهمترین", "شدهاند", "تنهایی", "دختر", "بهترین"]]
    ['صندوق\u200cهای', 'مهم\u200cترین', 'شده\u200cاند', 'تنهایی', 'دختر', 'بهترین']
    """
    lex = load_lexicon()
    if lex.is_word(word) or word in _keep():
        return word
    if word in lex.joined_compounds:
        return lex.joined_compounds[word]
    verb = _mi_verb(word)
    if verb:
        return verb
    if _lexical(word):
        return word
    verb = _prefixed_mi_verb(word)
    if verb:
        return verb
    split = _suffix_split(word)
    if split is None:
        return word
    stem, suffix = split
    return fix_word(stem) + ZWNJ + suffix


@lru_cache(maxsize=16_384)  # bounded: a worker's memory stays flat over an archive
def join_pair(left: str, sep: str, right: str) -> str:
    """The separator to write between two words: ``sep`` unchanged, a ZWNJ, or nothing.

    >>> [join_pair(a, " ", b) for a, b in [("می", "شود"), ("کشور", "ها"), ("به", "نظر")]]
    ['\u200c', '', ' ']
    """
    lex = load_lexicon()
    if left in _mi_words():  # می، نمی، برمی ...
        return ZWNJ if right in lex.conjugations or right in lex.bare_stems else sep
    if left == "بی":  # بی سابقه → بی‌سابقه where the lexicon writes it so; بی بی سی stays
        return ZWNJ if right != "بی" and lex.is_word(left + ZWNJ + right) else sep
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
    elif kind == "clitic":  # اصلی اش، عمه ات: a pronoun after a word ending in a vowel
        if left[-1] in "یه" and len(left) > 1 and not stop and _lexical(left):
            return ZWNJ
    if (left, right) in lex.compounds and (_compound_parts(left, right) or _agentive_compound(left, right)):
        return _joiner(left)
    if sep == "\u00a0" and lex.seen(left + ZWNJ + right) and _may_join(left, right):
        return _joiner(left)
    return sep


def _compound_sites(words: list[str]) -> set[tuple[str, str]]:
    """Adjacent word pairs (in ``words``) that words.dat knows as one compound."""
    lefts, pairs = _compound_lefts(), load_lexicon().compound_pairs
    return {pair for pair in zip(words, words[1:], strict=False) if pair[0] in lefts and pair in pairs}


@cache
def _compound_lefts() -> frozenset[str]:
    """The first parts of words.dat's compounds (most words open none: a cheap first test)."""
    return frozenset(left for left, _ in load_lexicon().compound_pairs)


def _word_before(text: str, end: int) -> str | None:
    """The whole word ending at ``text[end]``, if one does."""
    m = WORD_BEFORE.search(text, max(0, end - 40), end)
    if m is None or (m.start() > 0 and _WORD_CHAR.match(text, m.start() - 1)):
        return None
    return m.group(0)


def _pair_sites(text: str) -> list[tuple[str, int, str, str]]:
    """``(left, sep_index, sep, right)`` for each space after می/نمی, before a suffix,
    or a no-break space, between two words."""
    sites = []
    for m in MI_PAIR.finditer(text):
        left = _mi_before(text, m.start())
        if left:
            sites.append((left, m.start(1), m.group(1), m.group(2)))
    for m in BI_PAIR.finditer(text):
        if _is_edge(text, m.start() - 1):
            sites.append(("بی", m.start(1), m.group(1), m.group(2)))
    for m in SUFFIX_PAIR.finditer(text):
        left = _word_before(text, m.start())
        if left:
            sites.append((left, m.start(), m.group(1), m.group(2)))
    if "\u00a0" in text:
        for m in NO_BREAK_PAIR.finditer(text):
            left = _word_before(text, m.start())
            if left:
                sites.append((left, m.start(), "\u00a0", m.group(1)))
    return sites


def _word_fixes(words: set[str]) -> dict[str, str]:
    """``{word: fixed}`` for the words of ``words`` that :func:`fix_word` changes."""
    fixes: dict[str, str] = {}
    for word in words - _UNCHANGED:  # most words were seen before and need nothing
        fixed = fix_word(word)
        if fixed != word:
            fixes[word] = fixed
        elif len(_UNCHANGED) < UNCHANGED_LIMIT:
            _UNCHANGED.add(word)
    return fixes


def _mi_before(text: str, i: int) -> str | None:
    """The word «می» at ``text[i]`` ends when it is می، نمی or a verbal prefix + (ن)می
    (most «می» end another word: اسلامی، تمامی).

    >>> _mi_before("گرامی می باشد", 6), _mi_before("گرامی می باشد", 3), _mi_before("«برمی گردد", 3)
    ('می', None, 'برمی')
    """
    start = i
    while start > 0 and _WORD_CHAR.match(text, start - 1):
        start -= 1
    word = text[start : i + 2]
    return word if word in _mi_words() else None


@cache
def _mi_words() -> frozenset[str]:
    """می، نمی and each verbal prefix with them: برمی، درنمی ..."""
    return frozenset(prefix + mi for prefix in ("", *verb_prefixes()) for mi in MI_PREFIXES)


def _is_edge(text: str, i: int) -> bool:
    """No letter or ZWNJ at ``text[i]`` (a word cannot go on there)."""
    return i < 0 or i >= len(text) or _WORD_CHAR.match(text, i) is None


def _occurrences(text: str, needle: str) -> list[int]:
    """Start of every occurrence of ``needle`` as whole words."""
    found = []
    i = text.find(needle)
    while i >= 0:
        if _is_edge(text, i - 1) and _is_edge(text, i + len(needle)):
            found.append(i)
        i = text.find(needle, i + 1)
    return found


def _compound_parts(left: str, right: str) -> bool:
    """Can ``left right``, written apart, be a lexical compound? Only when ``right`` is a
    bound part (گذاری، زایی، المللی، سازی: no word of its own, or a rare one), so two
    words that also stand alone stay apart (خلیج فارس، هلال احمر، رئیس جمهور); never with
    a function word (به طور) or a participle or infinitive (انجام شده، جهانی شدن)."""
    lex = load_lexicon()
    if not _may_join("", right):
        return False
    if left in lex.stopwords and not lex.is_word(left + ZWNJ + right):
        return False  # بین‌المللی is a lexicon word; به درستی stays two
    return not lex.is_word(right) or 0 < lex.frequency(right) < BOUND_PART_FREQUENCY


def _agentive_compound(left: str, right: str) -> bool:
    """Is ``left right`` a compound the standard writes joined, whose second part is a present
    stem (نگار، ساز), a stem + ی (بینی، سازی) or a derivational ending (گر، ``compound_suffixes``),
    and which the lexicon holds as one word: «روزنامه نگار»، «پیش بینی»، «اخلال گر»? Two
    nouns (خلیج فارس، رئیس جمهور) stay apart.

    >>> _agentive_compound("پیش", "بینی"), _agentive_compound("رئیس", "جمهور")
    (True, False)
    """
    lex = load_lexicon()
    stem = right[:-1] if right.endswith("ی") else right
    bound = (right in lex.present_stems or stem in lex.present_stems
             or right in _compound_suffixes())
    return bound and lex.is_word(left + ZWNJ + right) and _may_join(left, right)


@cache
def _compound_suffixes() -> frozenset[str]:
    return frozenset(load_list("compound_suffixes"))


def _may_join(left: str, right: str) -> bool:
    """Neither word a function word, ``right`` no verb form (شده، نشده، شدن، شد)."""
    lex = load_lexicon()
    if left in lex.stopwords or right in lex.stopwords:
        return False
    verb = right[1:] if right.startswith("ن") else right
    return not (verb in lex.past_stems or (verb[-1:] in ("ه", "ن") and verb[:-1] in lex.past_stems))


def _restore_once(t: TrackedText) -> TrackedText:
    """One round: fix written-together words and the separators between word pairs."""
    text = t.text
    words = WORD_RE.findall(text)
    edits: list[tuple[int, int, str]] = []
    for word, fixed in _word_fixes(set(words)).items():
        edits.extend((i, i + len(word), fixed) for i in _occurrences(text, word))
    for left, at, sep, right in set(_pair_sites(text)):
        new_sep = join_pair(left, sep, right)
        if new_sep != sep:
            edits.append((at, at + 1, new_sep))
    for left, right in _compound_sites(words):
        for sep in " \u00a0":
            new_sep = join_pair(left, sep, right)
            if new_sep != sep:
                at = len(left)
                edits.extend((i + at, i + at + 1, new_sep) for i in _occurrences(text, left + sep + right))
    if not edits:
        return t
    edits.sort()
    return t.replace_spans(edits)


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
