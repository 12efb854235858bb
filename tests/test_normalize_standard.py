"""Issue 19: the half-space and spacing gaps that other toolkits' tests expose, on news-raw text.

Each class on sentences written as news-raw writes them (the source is named); the look-alike
letters do not occur in news-raw, so that test writes news-raw words with them.
"""

from __future__ import annotations

import pytest

from pipeline.normalize import normalize

Z = "\u200c"


@pytest.mark.parametrize("raw, expected", [
    # 1. «می» after a word that ends in «می» (the finder used to consume the overlap)
    ("شهدا را گرامی می داریم", f"شهدا را گرامی می{Z}داریم"),                      # news-raw
    ("تضعیف نظام اسلامی می دانند و", f"تضعیف نظام اسلامی می{Z}دانند و"),          # news-raw
    ("تشویش اذهان عمومی می شوید.", f"تشویش اذهان عمومی می{Z}شوید."),              # news-raw
    ("این طرح رسمی نمی شود", f"این طرح رسمی نمی{Z}شود"),
])
def test_mi_after_a_word_ending_in_mi(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    # 2. a verbal prefix before می, joined or apart
    ("صبحگاه برمی گردم .", f"صبحگاه برمی{Z}گردم."),                                # news-raw
    ("به رینگ برمیگردد", f"به رینگ برمی{Z}گردد"),                                 # news-raw
    ("دوباره به قطر برمی گردد", f"دوباره به قطر برمی{Z}گردد"),                      # news-raw
    ("صدایی درمیآید و فرامیگیرد", f"صدایی درمی{Z}آید و فرامی{Z}گیرد"),
    ("صندوق زنان درمیان با", "صندوق زنان درمیان با"),                               # news-raw: a place
])
def test_a_prefixed_verb_gets_its_half_space_after_mi(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    # 3. the prefix بی written apart, joined where the lexicon writes the word joined
    ("در استان بی سواد داشته", f"در استان بی{Z}سواد داشته"),                       # news-raw
    ("استان را بی سابقه عنوان", f"استان را بی{Z}سابقه عنوان"),                     # news-raw
    ("اصولی، چرای بی رویه دام", f"اصولی، چرای بی{Z}رویه دام"),                     # news-raw
    ("به گزارش شبکه بی بی سی", "به گزارش شبکه بی بی سی"),
])
def test_the_prefix_bi_is_joined_where_the_lexicon_joins_it(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    # 4. a pronoun clitic written apart after a vowel
    ("همه مواهب خدادادی اش سرشار از", f"همه مواهب خدادادی{Z}اش سرشار از"),         # news-raw
    ("ايرانى كه شناسنامه اش را", f"ایرانی که شناسنامه{Z}اش را"),                   # news-raw
    ("گالكوويچ كه دروازه اش را", f"گالکوویچ که دروازه{Z}اش را"),                    # news-raw
    ("این عمه ات است", f"این عمه{Z}ات است"),
])
def test_a_pronoun_clitic_written_apart_is_joined(raw, expected):
    assert normalize(raw) == expected


def test_a_spaced_closing_guillemet_is_respaced():
    # 5. news-raw: «پرونده « م.ن »اقرار كرد»
    assert normalize("پرونده « م.ن »اقرار كرد") == "پرونده «م.ن» اقرار کرد"
    assert normalize("شرکت « گوگل »اعلام کرد") == "شرکت «گوگل» اعلام کرد"
    assert normalize("گفت »سلام« و رفت") == "گفت »سلام« و رفت"  # reversed guillemets stay


def test_look_alike_letters_of_other_alphabets_are_folded():
    # 6. news-raw words written with Urdu ے and ۃ, Kurdish ێ, Pashto ګ and ڱ, Sindhi ڪ
    assert normalize("خوبے یعنے ګفت و ڱروه ڪتاب") == "خوبی یعنی گفت و گروه کتاب"
    assert normalize("مدرسۃ و بێ") == "مدرسه و بی"


@pytest.mark.parametrize("raw, expected", [
    # Persian punctuation between Persian words (never in Latin text, numbers or URLs)
    ("مى كنند? مگر", f"می{Z}کنند؟ مگر"),                                            # news-raw
    ("شرمآور نيست? و", f"شرم{Z}آور نیست؟ و"),                                       # news-raw
    ("نخست اینکه; دوم", "نخست اینکه؛ دوم"),
    ("تهران, اصفهان", "تهران، اصفهان"),
    ("http://example.com/a?b=1;c و ۱۲,۵۰۰ تومان", "http://example.com/a?b=1;c و ۱۲,۵۰۰ تومان"),
])
def test_persian_punctuation_between_persian_words(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    # a digit glued to a Persian word gets a space; ordinals, «گانه» and codes stay
    ("از 160نفر", "از 160 نفر"),                                                    # news-raw
    ("تعداد ۱۳هزار", "تعداد ۱۳ هزار"),                                              # news-raw
    ("كيلوگرم، 4هزار", "کیلوگرم، 4 هزار"),                                          # news-raw
    ("۹کیلومتر راه", "۹ کیلومتر راه"),
    ("جنگنده F16 و نسل ۵G و دوره ۱۲ام و طرح ۵۲گانه", "جنگنده F16 و نسل ۵G و دوره ۱۲ام و طرح ۵۲گانه"),
])
def test_a_digit_glued_to_a_word_gets_a_space(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    # compounds the standard joins: a verb stem or derivational ending after a word, the joined
    # word in the lexicon; two nouns stay apart
    ("این پیش بینی را", f"این پیش{Z}بینی را"),
    ("یک روزنامه نگار آمریکایی", f"یک روزنامه{Z}نگار آمریکایی"),
    ("عناصر اخلال گر بازداشت شدند", f"عناصر اخلال{Z}گر بازداشت شدند"),
    ("در خلیج فارس و هلال احمر", "در خلیج فارس و هلال احمر"),
    ("معاون رئیس جمهور گفت", "معاون رئیس جمهور گفت"),
    ("به خانه ما آمد", "به خانه ما آمد"),
])
def test_compounds_the_standard_writes_joined(raw, expected):
    assert normalize(raw) == expected
