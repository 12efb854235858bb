"""The Persian tokenizer: spaCy's ``fa`` rules, made to agree with the normalizer.

Numbers keep their separators (۱۲.۵، 1,200، ۲/۵، ۱۴۰۲/۰۵/۱۲ are one token each),
ZWNJ words stay whole (سازمان‌ها), «», quotes and Persian punctuation split off, and a «و»
written onto a speech verb is a word of its own («وافزود:»، glued_and_verbs.txt).

>>> nlp = spacy.blank("fa", config={"nlp": {"tokenizer": {"@tokenizers": "khabar.tokenizer.v1"}}})
>>> [t.text for t in nlp("«۱۲.۵ درصد».")]
['«', '۱۲.۵', 'درصد', '»', '.']
>>> [t.text for t in nlp("اعلام کرد وافزود:")]
['اعلام', 'کرد', 'و', 'افزود', ':']
>>> [t.text for t in nlp('بغداد،"طارق الهاشمی')]
['بغداد', '،', '"', 'طارق', 'الهاشمی']
"""

from __future__ import annotations

import re

import spacy
from spacy.lang.fa import Persian
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from ..lexicons import load_list

DIGIT = r"[0-9۰-۹٠-٩]"
NUMBER = re.compile(rf"^[-+−]?{DIGIT}+(?:[.,٫٬/:]{DIGIT}+)*$")
# only explicit URLs: spaCy's default also takes "کنند.وی" for a host name
URL = re.compile(r"^(?:https?://|www\.)\S+$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.ASCII)
EXTRA_PUNCT = ["«", "»", "“", "”", '"', "'", "،", "؛", "؟", ":", r"\.", "!", r"\)", r"\(", r"\[", r"\]", "٪", "%", "…", "-", "–", "—"]


@spacy.registry.tokenizers("khabar.tokenizer.v1")
def create_tokenizer():
    """Registered so that a trained pipeline's config names it (``@tokenizers``)."""

    def make(nlp: Persian) -> Tokenizer:
        defaults = nlp.Defaults
        prefixes = list(defaults.prefixes) + EXTRA_PUNCT
        suffixes = list(defaults.suffixes) + EXTRA_PUNCT
        # infixes: split punctuation glued between words (کرد.وی), never inside numbers
        infixes = list(defaults.infixes) + [
            r"(?<=[^\W\d])[.:!؟»«](?=[^\W\d])",
            r"(?<=\w)[،؛](?=\w)",  # the Persian comma never joins two words
            r"(?<=\w)[،؛](?=[\"«“'])",  # nor a word and a quote mark: «بغداد،"طارق الهاشمی»
            r"(?<=[،؛])[\"«“']",  # and the mark after that comma is a token of its own
        ]
        rules = dict(defaults.tokenizer_exceptions)
        for verb in load_list("glued_and_verbs"):  # «وافزود:» -> «و» «افزود»
            rules["و" + verb] = [{ORTH: "و"}, {ORTH: verb}]
        return Tokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=compile_suffix_regex(suffixes).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=NUMBER.match,
            url_match=URL.match,
        )

    return make
