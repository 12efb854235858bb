"""Officials (issue #6): one record per person, title and organization, quote counts."""

from __future__ import annotations

import pytest

from pipeline.analysis import blank
from pipeline.extract.officials import organization_of
from pipeline.extract.subjects import subject_mention
from pipeline.normalize import normalize_tracked


@pytest.fixture(scope="module")
def nlp():
    language = blank()
    for name in ("khabar_sentences", "khabar_quotes", "khabar_officials"):
        language.add_pipe(name)
    return language


def officials_of(nlp, text: str) -> list[dict]:
    return nlp(normalize_tracked(text).text)._.officials


@pytest.mark.parametrize(
    ("title", "organization"),
    [
        ("مدیرکل بهزیستی استان قزوین", "اداره کل بهزیستی استان قزوین"),
        ("نماینده مردم شوش در مجلس شورای اسلامی", "مجلس شورای اسلامی"),
        ("رئیس سازمان بسیج سازندگی استان اردبیل", "سازمان بسیج سازندگی استان اردبیل"),
        ("وزیر بهداشت، درمان و آموزش پزشکی", "وزارت بهداشت، درمان و آموزش پزشکی"),
        ("هافبک فولاد خوزستان", "فولاد خوزستان"),
        ("امام جمعه بوشهر", None),
        (None, None),
    ],
)
def test_organization_is_read_from_the_title(title, organization):
    assert organization_of(title) == organization


def test_apposition_after_name_gives_title_without_a_quote(nlp):
    text = ("شکایت از محمد شریعتمداری، وزیر کار و تعاون و رفاه اجتماعی، در قالب ماده ۲۳۴ "
            "آیین‌نامه داخلی مجلس تقدیم شده است.")
    assert officials_of(nlp, text) == [{"name": "محمد شریعتمداری", "title": "وزیر کار و تعاون و رفاه اجتماعی",
                                        "organization": "وزارت کار و تعاون و رفاه اجتماعی", "quotes": 0}]


def test_comma_continued_title_and_guillemets_around_name(nlp):
    text = ("اما «مسعود پزشکیان»، وزیر بهداشت، درمان و آموزش پزشکی، روز شنبه گفت: برای اصلاح ساختار "
            "بهداشتی شهر بم به کمک همه سازمان ها نیاز داریم.\nوی گفت: اکنون درحال سمپاشی هستیم.")
    assert officials_of(nlp, text) == [{"name": "مسعود پزشکیان", "title": "وزیر بهداشت، درمان و آموزش پزشکی",
                                        "organization": "وزارت بهداشت، درمان و آموزش پزشکی", "quotes": 2}]


def test_honorific_is_not_part_of_the_name_but_seyyed_is():
    doc = blank()("سردار حسین فتاحی شامگاه جمعه گفت")
    assert subject_mention(doc, 0, len(doc)).name == "حسین فتاحی"
    doc = blank()("دکتر سیدجلیل الدین فاطمی گفت")
    assert subject_mention(doc, 0, len(doc)).name == "سیدجلیل الدین فاطمی"


def test_unnamed_speaker_is_listed_under_its_title(nlp):
    text = "سخنگوی وزارت امور خارجه روز دوشنبه گفت: ایران به تعهدات خود پایبند است."
    assert officials_of(nlp, text) == [{"name": "سخنگوی وزارت امور خارجه", "title": "سخنگوی وزارت امور خارجه",
                                        "organization": "وزارت امور خارجه", "quotes": 1}]


def test_speaking_body_is_not_an_official(nlp):
    text = ("بانک مرکزی پیش از این اعلام کرده بود که تورم سال ۹۸ بیش از ۴۱ درصد است.\n"
            "خبرگزاری مهر، از مذاکره تلفنی مسعود رضاییان مدیرعامل باشگاه فولاد با بگوویچ خبر داد.")
    doc = nlp(normalize_tracked(text).text)
    assert [q._.speaker for q in doc.spans["quotes"]] == ["بانک مرکزی", "خبرگزاری مهر"]
    assert [o["name"] for o in doc._.officials] == ["مسعود رضاییان"]
    assert doc._.officials[0]["title"] == "مدیرعامل باشگاه فولاد"


def test_each_person_once_with_quote_count(nlp):
    text = ("مایک پومپئو شامگاه چهارشنبه در مصاحبه با فاکس گفت: ایران پاسخگو باشد.\n"
            "وزیر خارجه آمریکا افزود: ما کوتاه نمی آییم.\n"
            "پومپئو تصریح کرد: همه گزینه ها روی میز است.\n"
            "او گفت: جان کری معذرت‌خواهی کرد.")
    (official,) = officials_of(nlp, text)
    assert official == {"name": "مایک پومپئو", "title": "وزیر خارجه آمریکا", "organization": "وزارت خارجه آمریکا",
                        "quotes": 4}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("رسول زرگر معاون وزیر نیرو در امور آب دیروز در جمع خبرنگاران گفت: بودجه کافی نیست.",
         "معاون وزیر نیرو در امور آب"),
        ("محمدرضا نقدی رئیس ستاد مرکزی مبارزه با قاچاق کالا و ارز گفت: قاچاق کم شده است.",
         "رئیس ستاد مرکزی مبارزه با قاچاق کالا و ارز"),
        ("علی کریمی استاندار مرکزی در جمع خبرنگاران گفت: طرح‌ها ادامه دارد.", "استاندار مرکزی"),
        ("محمود خواجه نصیر مدیرنظارت بر بورس‌ها گفت: انتشار اسناد تاخیر داشت.", "مدیرنظارت بر بورس‌ها"),
    ],
)
def test_title_runs_on_through_what_the_office_covers(nlp, text, title):
    (official,) = officials_of(nlp, text)
    assert official["title"] == title
