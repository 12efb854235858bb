"""The word lists about people and bodies, keyed once: titles, honorifics, name lists,
pronouns, organization words, places ... (the files beside this module), and the phrase sets
that match them over tokens by the spelling-blind key, so «مدیرکل»/«مدیر کل»، «تأکید»/«تاکید»
and a ZWNJ or a space inside a word all match the same entry.

>>> titles().keys >= {"مدیرکل", "وزیر"}
True
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from ..text import is_word, key, lookup_form, token_key
from . import load_list, load_table

if TYPE_CHECKING:
    from spacy.tokens import Token


class PhraseSet:
    """Lexicon phrases matched over tokens by key (spaces, ZWNJ and hamza forms ignored).

    >>> from pipeline.nlp import blank
    >>> PhraseSet(["مدیر کل"]).match(list(blank()("مدیرکل بهزیستی")), 0)
    1
    """

    def __init__(self, phrases: Iterable[str], max_tokens: int | None = None):
        phrases = list(phrases)
        self.keys = {key(p) for p in phrases if key(p)}
        # every proper prefix of a key: the token walk stops as soon as none can continue
        self.prefixes = {k[:n] for k in self.keys for n in range(1, len(k))}
        self.max_tokens = max_tokens or max((len(p.split()) for p in phrases), default=1) + 1

    def match(self, tokens: list[Token], i: int) -> int:
        """Number of tokens of the longest phrase starting at ``tokens[i]``, 0 if none."""
        first = token_key(tokens[i]) if i < len(tokens) else ""
        if first not in self.prefixes and first not in self.keys:  # most tokens open no phrase
            return 0
        best, joined = 0, ""
        for k in range(i, min(len(tokens), i + self.max_tokens)):
            if not is_word(tokens[k]):
                break
            joined += token_key(tokens[k])
            if joined in self.keys:
                best = k - i + 1
            if joined not in self.prefixes:
                break
        return best

    def starts(self, text: str) -> bool:
        """Does ``text`` begin with a phrase of the set? («سازمان ملل متحد» for organization words)"""
        joined = ""
        for word in text.split()[: self.max_tokens]:
            joined += key(word)
            if joined in self.keys:
                return True
            if joined not in self.prefixes:
                return False
        return False


@cache
def entity_words() -> frozenset[str]:
    """Words inside organization and place names of the NER corpora (``entity_words.tsv``)."""
    return frozenset(key(row["word"]) for row in load_table("entity_words"))


@cache
def title_qualifiers() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("title_qualifiers"))


@cache
def honorifics() -> PhraseSet:
    return PhraseSet(load_list("honorifics"))


@cache
def title_links() -> PhraseSet:
    return PhraseSet(load_list("title_links"))


@cache
def titles() -> PhraseSet:
    return PhraseSet(row["title"] for row in load_table("titles"))


@cache
def title_organizations() -> dict[str, str]:
    """Key of an office word -> how it names its body (see titles.tsv)."""
    return {key(row["title"]): row["organization"] for row in load_table("titles")}


@cache
def pronouns() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("pronouns"))


DEMONSTRATIVES = frozenset(key(w) for w in ("این", "آن"))  # «این دو تن»، «این‌ها»: this, that


@cache
def collective_speakers() -> PhraseSet:
    """Heads of unnamed and collective speakers («منبع»، «مقام‌های»، «یکی از»)."""
    return PhraseSet(row["head"] for row in load_table("collective_speakers"))


@cache
def group_heads() -> frozenset[str]:
    """Keys of the heads in ``collective_speakers.tsv`` that name a group, not one person."""
    return frozenset(key(row["head"]) for row in load_table("collective_speakers") if row["number"] == "group")


@cache
def lexicon_keys(name: str) -> frozenset[str]:
    """Keys of a word list's entries (``name``.txt): «demonyms»، «countries»، «subject_adverbs»."""
    return frozenset(key(w) for w in load_list(name))


@cache
def lexicon_phrases(name: str) -> PhraseSet:
    """A word list's entries as a PhraseSet: «organization_gazetteer»، «organization_missions»."""
    return PhraseSet(load_list(name))


@cache
def media_heads() -> PhraseSet:
    return PhraseSet(load_list("media_heads"))


@cache
def anaphor_nouns() -> PhraseSet:
    return PhraseSet(load_list("anaphor_nouns"))


@cache
def openers() -> PhraseSet:
    return PhraseSet(load_list("speaker_openers"))


@cache
def stoppers() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("name_stoppers"))


@cache
def first_names() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("first_names"))


@cache
def places() -> frozenset[str]:
    """Iranian provinces and cities, and countries: a title ends after one."""
    return frozenset(key(w) for w in load_list("places") + load_list("countries"))


@cache
def place_phrases() -> PhraseSet:
    """Places and countries, also of several words («کره شمالی»، «خراسان رضوی»)."""
    return PhraseSet(load_list("places") + load_list("countries"))


@cache
def ambiguous_first_names() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("ambiguous_first_names"))


@cache
def last_names() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("last_names"))


@cache
def common_words() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("common_words"))


@cache
def organization_words() -> PhraseSet:
    return PhraseSet(load_list("organization_words"))


@cache
def agencies() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("agencies"))


def is_agency(text: str) -> bool:
    """A news agency's name as a byline: «ایلنا»، «خبرگزاری فارس»، «همشهری ورزشی».

    >>> is_agency("خبرگزاری فارس")
    True
    """
    k = key(text)
    return bool(k) and (k in agencies() or (k.startswith("خبرگزاری") and len(k) > len("خبرگزاری")))


SUFFIXES = frozenset(key(w) for w in ("ها", "های", "هایی", "هایش", "ای", "ی", "تر", "ترین", "اش", "شان", "مان"))


def is_common(text: str) -> bool:
    """A common word of news text, also when written with a ZWNJ suffix («سرویس‌های»).

    >>> is_common("سرویس‌های"), is_common("صفایی‌بوشهری")
    (True, False)
    """
    if key(text) in common_words():
        return True
    head, *rest = text.split("\u200c")
    return bool(rest) and key(head) in common_words() and all(key(r) in SUFFIXES for r in rest)


def glued_preposition(k: str, vocabulary: frozenset[str] | None = None) -> bool:
    """«درابتدای»، «بابیان»: a preposition written onto a common word (a typo), not a name; or
    onto a word of ``vocabulary`` when given («درمنطقه» for the figures' designators)."""
    words = common_words() if vocabulary is None else vocabulary
    return any(k.startswith(p) and k[len(p) :] in words for p in ("در", "با", "به", "از", "بر"))


@cache
def light_verb_present_stems() -> frozenset[str]:
    """Look-up forms of the light verbs' present stems (lexicon ``light_verbs``: «کن»، «ده»، «شو»)."""
    return frozenset(lookup_form(row["present"]) for row in load_table("light_verbs"))


@cache
def light_verb_forms() -> frozenset[str]:
    """Keys of the forms of the light verbs (lexicon ``light_verbs``) and of the future auxiliary.

    >>> {"کردند", "میشود", "افزایش", "خواهد", "یافته"} & light_verb_forms() == {"کردند", "میشود", "خواهد", "یافته"}
    True
    """
    past_endings = ("", "م", "ی", "یم", "ید", "ند")  # شناسه‌های گذشته: کرد، کردم، کردند
    present_endings = ("م", "ی", "د", "یم", "ید", "ند")  # شناسه‌های حال: کنم، کند، کنند
    perfect_endings = ("", "ام", "ای", "است", "ایم", "اید", "اند")  # کرده، کرده‌ام، کرده است
    forms = {"خواه" + p for p in present_endings}  # آینده: خواهد یافت
    for row in load_table("light_verbs"):
        past, present = lookup_form(row["past"]), lookup_form(row["present"])
        for prefix in ("", "ن"):
            forms.update(prefix + past + p for p in past_endings)
            forms.update(prefix + past + "ه" + aux for aux in perfect_endings)
        for prefix in ("", "می", "نمی", "ب", "ن"):
            forms.update(prefix + present + p for p in present_endings)
    return frozenset(forms)


def known_organization_end(tokens: list[Token], i: int) -> int:
    """End of the longest organization name of the gazetteers (``organization_gazetteer``,
    ``organization_gazetteer_news``) that starts at token ``i``; ``i`` when none does.

    >>> from pipeline.nlp import blank
    >>> doc = blank()("رئیس مجمع تشخیص مصلحت نظام حفظ فرهنگ‌ها")
    >>> known_organization_end(list(doc), 1)
    5
    """
    return i + organization_gazetteers().match(tokens, i)


@cache
def organization_gazetteers() -> PhraseSet:
    """The names of both organization gazetteers, ``organization_gazetteer`` (the NER corpora) and
    ``organization_gazetteer_news`` (news-raw), in one PhraseSet: one look-up per token."""
    return PhraseSet(load_list("organization_gazetteer") + load_list("organization_gazetteer_news"))


def goes_on_after_a_known_name(tokens: list[Token], j: int) -> bool:
    """After a complete known organization name, does token ``j`` still belong to the phrase?
    A place («استان قزوین»)، «در» (a mission's seat)، a link of a title («در امور»)، another
    body word, a national tail («کشور»)، a qualifier («سابق») or an uncommon word may; a
    common word says the phrase has ended: «مجمع تشخیص مصلحت نظام [حفظ فرهنگ‌ها ...]»."""
    t = tokens[j]
    if not is_word(t) or not is_common(t.text) or t.ent_type_ in {"LOC", "GPE"}:
        return True
    k = token_key(t)
    return (k == "در" or k in lexicon_keys("organization_national") or k in title_qualifiers()
            or bool(place_phrases().match(tokens, j) or title_links().match(tokens, j)
                    or organization_words().match(tokens, j)))
