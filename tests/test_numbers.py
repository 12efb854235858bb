"""The Persian number grammar (pipeline/extract/numbers.py): text -> value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2fawords import words as persian_words

from pipeline.extract.numbers import digits_value, find_numbers, parse_number

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # digits: Persian, Arabic-Indic, Latin; thousands separators; decimal marks
        ("۱۱۰", 110),
        ("٢٣", 23),
        ("8500", 8500),
        ("1,200", 1200),
        ("۱۲٬۵۰۰٬۰۰۰", 12500000),
        ("۱،۲۰۰", 1200),
        ("۱۲٫۵", 12.5),
        ("12.5", 12.5),
        ("۲/۵", 2.5),
        ("2/4", 2.4),  # Hamshahri's A/B decimal as written
        # words, و between parts, scales
        ("صفر", 0),
        ("چهار", 4),
        ("هفده", 17),
        ("بیست و پنج", 25),
        ("یکصد و پنج", 105),
        ("صد و پنجاه", 150),
        ("سیصد", 300),
        ("سه هزار", 3000),
        ("یک هزار و 500", 1500),
        ("هزار و 160", 1160),
        ("دو هزار و 83", 2083),
        ("یک میلیون و ۲۰۰ هزار", 1200000),
        ("دو میلیون و ۶۳۱ هزار", 2631000),
        ("چهار میلیون و ۹۴۰ هزار", 4940000),
        ("3 هزار و 900 میلیارد", 3900000000000),
        ("هزار میلیارد", 1000000000000),
        ("یک تریلیون", 1000000000000),
        # mixed digits and words
        ("۱۱۰ هزار", 110000),
        ("۵۰ میلیون", 50000000),
        ("۲.۵ میلیارد", 2500000000),
        ("6/9میلیارد", 6900000000),
        ("۸/۹میلیارد", 8900000000),
        # halves and fractions
        ("نیم", 0.5),
        ("یک و نیم", 1.5),
        ("دو و نیم میلیون", 2500000),
        ("یک سوم", 1 / 3),
        ("سه چهارم", 0.75),
        ("یک‌پنجم", 0.2),
        ("۸ صدم", 0.08),
        # spaces, ZWNJ, glued forms, both spellings
        ("پنج‌ هزار", 5000),
        ("یک‌صد", 100),
        ("یکصدوبیست", 120),
        ("بیست‌وپنج", 25),
        ("دوهزار", 2000),
        ("سیصد وشصت هزار", 360000),
        ("سه  میلیون", 3000000),
        ("دو ميليون  و 631 هزار", 2631000),
        ("يك هزار و 800", 1800),
        ("شش  هزار", 6000),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(
    "text",
    [
        "۱۴۰۲/۰۵/۱۲",  # a date
        "۱۰:۳۰",  # a clock time
        "۰۲۱۸۸۸۸۱۲۳۴",  # a phone number
        "40,50",  # a list, not thousands
        "سه‌شنبه",  # a weekday
        "صدها",  # vague
        "میلیون‌ها",
        "دوم",  # an ordinal
        "سومین",
        "سی‌ام",
        "دوده",  # a word that merely starts with number words
        "سده",
        "یکی",
        "۲۰ و ۳۰",  # two numbers, not one
    ],
)
def test_not_one_number(text: str) -> None:
    assert parse_number(text) is None


def test_digits_value_reads_separators() -> None:
    assert digits_value("۱٬۲۰۰٫۵") == 1200.5
    assert digits_value("1.200.000") == 1200000
    assert digits_value("۱۴۰۲.۰۵.۱۲") is None


def test_find_numbers_in_a_news_sentence() -> None:
    sentence = "وارثی تصریح کرد: هم اکنون بیش از سه هزار نفر سرپرست خانوار و ۲۶ هزار معلول تحت حمایت هستند."
    found = find_numbers(sentence)
    assert [(m.text, m.value) for m in found] == [("سه هزار", 3000), ("۲۶ هزار", 26000)]
    assert all(sentence[m.start : m.end] == m.text for m in found)


def test_find_numbers_keeps_ranges_and_lists_apart() -> None:
    found = find_numbers("در دهه 40، 50، 60 و 70 و بین 200 تا 400 کلاهک")
    assert [m.value for m in found] == [40, 50, 60, 70, 200, 400]


@settings(max_examples=3000, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_persian_words_round_trip(n: int) -> None:
    """num2fawords' Persian words of n parse back to n (also with Arabic ي/ك)."""
    text = persian_words(n)
    assert parse_number(text) == n
    assert parse_number(text.replace("ی", "ي").replace("ک", "ك")) == n


@settings(max_examples=1000, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_digits_round_trip(n: int) -> None:
    """n written with Latin, Persian or Arabic-Indic digits, with or without separators."""
    for text in (str(n), f"{n:,}", str(n).translate(PERSIAN_DIGITS),
                 f"{n:,}".replace(",", "٬").translate(PERSIAN_DIGITS), str(n).translate(ARABIC_DIGITS)):
        assert parse_number(text) == n


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["هزار", "میلیون", "میلیارد"]))
def test_digits_with_scale_word(n: int, scale: str) -> None:
    factor = {"هزار": 10**3, "میلیون": 10**6, "میلیارد": 10**9}[scale]
    assert parse_number(f"{str(n).translate(PERSIAN_DIGITS)} {scale}") == n * factor
    assert parse_number(f"{persian_words(n)} {scale}") == n * factor
