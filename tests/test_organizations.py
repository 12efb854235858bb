"""Organization mentions merged under one name; a provincial branch stays its own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from pipeline.extract.organizations import group_mentions, org_name
from pipeline.nlp import blank

# the seed article (corpus/gold/seed-article.txt) names the national body and its Qazvin branch
SENTENCE = (
    "مدیرکل بهزیستی استان قزوین گفت: برنامه‌های سازمان بهزیستی کشور و بهزیستی در "
    "اداره کل بهزیستی استان قزوین و بهزیستی استان به گزارش خبرگزاری ایرنا ادامه دارد و ایرنا نوشت."
)
MENTIONS = [
    "بهزیستی استان قزوین", "سازمان بهزیستی کشور", "بهزیستی", "اداره کل بهزیستی استان قزوین",
    "بهزیستی استان", "خبرگزاری ایرنا", "ایرنا",
]


def spans_of(doc, texts: list[str]) -> list[Span]:
    """Each text's first occurrence after the previous one, as a Span labelled ORG."""
    spans, pos = [], 0
    for text in texts:
        start = doc.text.index(text, pos)
        spans.append(doc.char_span(start, start + len(text), label="ORG"))
        pos = start + len(text)
    return spans


@pytest.fixture(scope="module")
def groups():
    doc = blank()(SENTENCE)
    return {g["name"]: [m.text for m in g["mentions"]] for g in group_mentions(spans_of(doc, MENTIONS))}


def test_national_body_and_short_name_are_one(groups):
    assert groups["سازمان بهزیستی کشور"] == ["سازمان بهزیستی کشور", "بهزیستی"]


def test_provincial_branch_stays_its_own(groups):
    assert groups["اداره کل بهزیستی استان قزوین"] == [
        "بهزیستی استان قزوین", "اداره کل بهزیستی استان قزوین", "بهزیستی استان"]


def test_agency_with_and_without_type_word(groups):
    assert groups["خبرگزاری ایرنا"] == ["خبرگزاری ایرنا", "ایرنا"]
    assert len(groups) == 3


def test_spelling_blind_and_national_suffix():
    assert org_name("بانك مركزي جمهوري اسلامي ايران").flat == org_name("بانک مرکزی").flat


def test_short_form_joins_only_an_unambiguous_long_form():
    """«مجلس» is left alone when two bodies start with it."""
    nlp = spacy.blank("fa")
    doc = nlp("سپاه پاسداران و سپاه ؛ مجلس شورای اسلامی و مجلس ملی قرقیزستان و مجلس")
    spans = [doc[0:2], doc[3:4], doc[5:8], doc[9:12], doc[13:14]]
    names = [g["name"] for g in group_mentions(spans)]
    assert names == ["سپاه پاسداران", "مجلس شورای اسلامی", "مجلس ملی قرقیزستان", "مجلس"]


def test_a_bare_region_does_not_join_a_national_body():
    assert org_name("بهزیستی استان").ident != org_name("بهزیستی").ident


def test_coordinated_bodies_are_split_but_compound_names_are_not():
    """«سپاه و بسیج» names two bodies; «وزارت راه و شهرسازی» is one (farsnews dev gold)."""
    doc = blank()("سپاه و بسیج و نیروهای مسلح و وزارت راه و شهرسازی")
    from pipeline.extract.organizations import split_coordination

    assert [s.text for s in split_coordination(doc[0:6])] == ["سپاه", "بسیج", "نیروهای مسلح"]
    assert [s.text for s in split_coordination(doc[7:11])] == ["وزارت راه و شهرسازی"]


def test_a_body_named_by_its_office_gets_the_body_word():
    """«وزیر بهداشت» and «معاون وزیر راه و ترابری» name ministries; the name says so, the
    mention stays what the text says."""
    doc = blank()("وزیر بهداشت، درمان و آموزش پزشکی گفت و معاون وزیر راه و ترابری افزود.")
    health = doc.text.index("بهداشت")
    roads = doc.text.index("راه")
    spans = [doc.char_span(health, doc.text.index(" گفت"), label="ORG"),
             doc.char_span(roads, doc.text.index(" افزود"), label="ORG")]
    groups = group_mentions(spans)
    assert [g["name"] for g in groups] == ["وزارت بهداشت، درمان و آموزش پزشکی", "وزارت راه و ترابری"]
    assert [m.text for m in groups[1]["mentions"]] == ["راه و ترابری"]


def test_a_title_whose_body_is_the_rest_adds_nothing():
    """«رئیس سازمان بسیج»: the body is written out already."""
    doc = blank()("رئیس سازمان بسیج گفت")
    assert [g["name"] for g in group_mentions([doc[1:3]])] == ["سازمان بسیج"]


def test_financial_independence_is_not_the_football_club():
    """The seed article's «استقلال مالی مددجویان» (financial independence) is no organization,
    whether the model tags the phrase or only its first word; the club is kept."""
    from pipeline.extract.organizations import group_organizations

    doc = blank()("تلاش می‌کنیم استقلال مالی مددجویان را حفظ کنیم و باشگاه استقلال برد.")
    start = doc.text.index("استقلال")
    club = doc.text.index("باشگاه")
    doc.ents = [doc.char_span(start, start + len("استقلال"), label="ORG"),
                doc.char_span(club, club + len("باشگاه استقلال"), label="ORG")]
    assert [g["name"] for g in group_organizations(doc)._.organizations] == ["باشگاه استقلال"]
