"""The gold scorer implements ../shared/gold/FORMAT.md rule by rule."""

from __future__ import annotations

import pytest

from pipeline.evaluate.gold import (
    Counts,
    dice,
    load_gold,
    match_quotes,
    score_figures,
    score_officials,
    score_organizations,
    score_quotes,
    score_records,
)
from pipeline.text import key

from .conftest import GOLD_DIR


def test_key_unifies_letters_digits_and_drops_spacing():
    assert key("سازمان‌هاي ملّي") == key("سازمانهای ملی")
    assert key("ۀ ة") == "هه"
    assert key("أحمد إسلام ٱ") == "احمداسلاما"
    assert key("مؤسسه") == "موسسه"
    assert key("۱۲٫۵ و 12.5 و ١٢") == "125و125و12"
    assert key("علــی") == "علی"
    assert key("ﻻ") == "لا"  # NFKC of a presentation form
    assert key(None) == ""


def test_dice_on_trigram_multisets():
    assert dice("برنامه", "برنامه") == 1.0
    assert dice("برنامه", "کتابخانه") == 0.0
    # "aaaa" has trigrams {aaa: 2}; "aaa" has {aaa: 1}: 2*1/(2+1)
    assert dice("aaaa", "aaa") == pytest.approx(2 / 3)
    # ZWNJ, spaces and punctuation vanish in key()
    assert dice("می‌شود.", "می شود") == 1.0


def test_organizations_aliases_duplicates_and_optional():
    gold = [
        {"name": "سازمان بهزیستی", "aliases": ["بهزیستی"], "optional": False},
        {"name": "ایرنا", "aliases": ["خبرگزاری ایرنا"], "optional": False},
        {"name": "جماران", "aliases": [], "optional": True},
    ]
    predicted = [
        {"name": "بهزيستي"},  # alias, Arabic letters
        {"name": "سازمان بهزیستی"},  # second hit on a matched gold: ignored
        {"name": "جماران"},  # optional: neither tp nor fp
        {"name": "شهرداری تهران"},  # false positive
    ]
    c = score_organizations(predicted, gold)
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)


def test_optional_gold_is_not_a_miss_when_absent():
    gold = [{"name": "فارس", "aliases": [], "optional": True}]
    assert score_organizations([], gold) == Counts(0, 0, 0)


def test_figures_value_kind_alt_values_one_to_one():
    gold = [
        {"text": "1/46 درصد", "value": 1.46, "alt_values": [46.1], "kind": "percent"},
        {"text": "۵۰ میلیون تومان", "value": 50_000_000, "kind": "money"},
        {"text": "۵۰ میلیون تومان", "value": 50_000_000, "kind": "money"},
    ]
    predicted = [
        {"value": 46.1, "kind": "percent", "start": 5},  # the alternative reading counts
        {"value": 50_000_000, "kind": "money", "start": 30},
        {"value": 50_000_000, "kind": "count", "start": 60},  # wrong kind
        {"value": 50_000_000.00000001, "kind": "money", "start": 90},  # within 1e-9 relative
    ]
    c = score_figures(predicted, gold)
    assert (c.tp, c.fp, c.fn) == (3, 1, 0)
    # one prediction can match only one gold figure
    assert score_figures(predicted[1:2], gold[1:]) == Counts(1, 0, 1)


def test_quote_matching_is_best_first_and_one_to_one():
    gold = [{"text": "برنامه‌های متنوع فرهنگی ارائه می‌شود"}, {"text": "استقلال مالی مددجویان حفظ می‌شود"}]
    predicted = [
        {"text": "برنامههای متنوع فرهنگی ارائه میشود و"},
        {"text": "برنامه‌های متنوع فرهنگی ارائه می‌شود"},
    ]
    # the exact copy wins gold 0; the near copy then has no free partner above 0.5
    assert match_quotes(predicted, gold) == [(1, 0)]


def test_quotes_detection_and_attribution_by_kind():
    gold = [
        {"kind": "direct", "speaker": "علیرضا وارثی", "text": "مددجویان بهزیستی نقش موثری دارند"},
        {"kind": "indirect", "speaker": "علیرضا وارثی", "text": "بهزیستی ۱۵۰ نوع خدمات ارائه می‌دهد"},
    ]
    predicted = [
        {"kind": "direct", "speaker": "وارثی", "text": "مددجویان بهزیستی نقش موثری دارند."},
        {"kind": "direct", "speaker": "علیرضا وارثی", "text": "بهزیستی ۱۵۰ نوع خدمات ارائه میدهد"},
    ]
    rows = score_quotes(predicted, gold)
    assert rows["quotes direct detection"] == Counts(1, 1, 0)
    assert rows["quotes direct attribution"] == Counts(0, 2, 1)  # found, but speaker not the fullest name
    assert rows["quotes indirect detection"] == Counts(0, 0, 1)  # predicted as direct: no indirect match
    assert rows["quotes all detection"] == Counts(2, 0, 0)
    assert rows["quotes all attribution"] == Counts(1, 1, 1)


def test_officials_names_and_titles():
    gold = [{"name": "علیرضا وارثی", "title": "مدیرکل بهزیستی استان قزوین"}, {"name": "سید راضی نوری", "title": None}]
    predicted = [
        {"name": "عليرضا وارثي", "title": "مدیر کل بهزیستی استان قزوین"},
        {"name": "نوری", "title": None},
    ]
    rows = score_officials(predicted, gold)
    assert rows["officials"] == Counts(1, 1, 1)
    assert rows["officials title"] == Counts(1, 1, 1)


def test_micro_average_sums_counts_before_dividing():
    gold = {
        "a": {"figures": [{"value": 1, "kind": "count"}]},
        "b": {"figures": [{"value": 2, "kind": "count"}, {"value": 3, "kind": "count"}, {"value": 4, "kind": "count"}]},
    }
    records = [
        {"id": "a", "figures": [{"value": 1, "kind": "count", "start": 0}]},
        {"id": "b", "figures": [{"value": 2, "kind": "count", "start": 0}]},
    ]
    report = score_records(records, gold)
    figures = report.rows["figures"]
    assert (figures.tp, figures.fp, figures.fn) == (2, 0, 2)
    assert figures.recall == pytest.approx(0.5)  # micro: 2/4, not the macro mean (1 + 1/3) / 2


def test_missing_record_counts_every_gold_item_as_missed():
    gold = {"a": {"figures": [{"value": 1, "kind": "count"}]}}
    report = score_records([], gold)
    assert report.missing == ["a"]
    assert report.rows["figures"] == Counts(0, 0, 1)


def test_a_field_the_gold_leaves_out_is_not_scored():
    """A figures-only gold file (corpus/dev-f) scores figures; its quotes are unannotated, not empty."""
    gold = {
        "figures-only": {"id": "figures-only", "figures": [{"value": 110000, "kind": "count"}]},
        "no-quotes": {"id": "no-quotes", "figures": [], "quotes": []},
    }
    quote = {"kind": "direct", "speaker": "علیرضا وارثی", "text": "شرایط را فراهم کردیم"}
    records = [
        {"id": "figures-only", "figures": [{"value": 110000, "kind": "count"}], "quotes": [quote]},
        {"id": "no-quotes", "quotes": [quote]},
    ]
    report = score_records(records, gold)
    assert report.rows["figures"] == Counts(1, 0, 0)
    assert "organizations" not in report.rows and "meta" not in report.rows
    assert "organizations" not in report.articles["figures-only"]
    assert set(report.articles["figures-only"]) == {"figures"}  # its quote is not a false positive
    assert report.articles["no-quotes"]["quotes direct detection"].fp == 1  # an empty list is a claim


def test_gold_dir_has_seed_and_dev_articles():
    gold = load_gold(GOLD_DIR)
    assert "seed-article" in gold and len(gold) == 17
    assert all((GOLD_DIR / f"{name}.txt").exists() for name in gold)
