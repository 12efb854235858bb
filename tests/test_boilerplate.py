"""Header/footer lines leave the body; what they say goes into meta (general rules)."""

from __future__ import annotations

from pipeline.normalize import split_article
from pipeline.normalize.boilerplate import lead_credits


def test_footer_lines_fill_meta_and_leave_the_body():
    raw = (
        "متن خبر در خط اول.\n"
        "خط دوم خبر.\n"
        "- کد خبر: 4521\n"
        "- منبع: isna.ir\n"
        "پایگاه اطلاع رسانی و خبری جماران -تهران\n"
        "کپی شد"
    )
    layout = split_article(raw)
    assert layout.body_lines == (1, 2)
    assert raw[layout.body_start : layout.body_end] == "متن خبر در خط اول.\nخط دوم خبر."
    assert layout.meta == {"news_code": "4521", "source": "isna.ir", "publisher": "جماران"}


def test_share_buttons_and_blank_lines_around_the_body():
    raw = "\n\nاشتراک گذاری\nعنوان خبر\nمتن خبر.\n\nچاپ\nنسخه چاپی\n"
    layout = split_article(raw)
    assert raw[layout.body_start : layout.body_end] == "عنوان خبر\nمتن خبر."
    assert layout.body_lines == (4, 5)


def test_a_closing_sentence_that_starts_like_a_footer_stays():
    raw = (
        "عنوان خبر\n"
        "منبع: گزارش مرکز آمار ایران نشان می‌دهد که نرخ بیکاری در سال گذشته به ۱۲ درصد رسیده و این روند ادامه دارد."
    )
    assert split_article(raw).body_lines == (1, 2)


def test_lead_credits_name_the_agency():
    assert lead_credits(["به گزارش خبرنگار ورزشی خبرگزاری فارس، ثبت نام آغاز شد."]) == {"agency": "فارس"}
    assert lead_credits(["به گزارش ایرنا از دوشنبه حدود سه میلیون نفر رای دادند."]) == {"agency": "ایرنا"}
    assert lead_credits(['به گزارش "ورزش سه"، ایوب کلانتری گفت: ...']) == {"agency": "ورزش سه"}
    assert lead_credits(["ایلنا: وزیر بهداشت گفت: ..."]) == {"agency": "ایلنا"}
    assert lead_credits(["خبرگزاری فارس: یک استاد دانشگاه مصر گفت: ..."]) == {"agency": "فارس"}
    assert lead_credits(["همشهری ورزشی- کیومرث هاشمی از انتخاب سرمربی خبر داد."]) == {"agency": "همشهری ورزشی"}
    assert lead_credits(["گروه اقتصادی: یکی از وظایف دولت ..."]) == {"desk": "گروه اقتصادی"}
    assert lead_credits(["سید راضی نوری امروز در گفت‌وگو با خبرنگار فارس در شوش گفت: ..."]) == {"agency": "فارس"}


def test_no_credit_is_invented():
    assert lead_credits(["به گزارش خبرنگار ما در تازه‌ترین گزارش ..."]) == {}
    assert lead_credits(["وزیر امور خارجه امروز به تهران رسید."]) == {}


def test_continuation_marker_closes_the_body_and_credits_follow_long_headlines():
    raw = (
        "از ابتدای سال آینده آغاز می‌شود\n"
        "حضور بخش خصوصی در عملیات سدسازی\n"
        "۵۸ درصد بودجه طرح‌های آبی اختصاص داده شد\n"
        "گروه اقتصادی: در سال جاری تنها ۵۸ درصد بودجه پرداخت شد.\n"
        "به گزارش همشهری معاون وزیر نیرو دیروز گفت: ...\n"
        "ادامه دارد..."
    )
    layout = split_article(raw)
    assert layout.body_lines == (1, 5)
    assert layout.meta == {"desk": "گروه اقتصادی", "agency": "همشهری", "source": "همشهری"}


def test_byline_author_is_a_name_line_not_a_headline():
    raw = "جشنواره فیلم فجر و «بایدها»\nبه فکر جشنواره‌ای خصوصی باشید\nمحمد رضا باباگلی\nجشنواره فیلم فجر، طی دوران بیست ساله برگزاری‌اش تغییر کرد."
    assert split_article(raw).meta == {"author": "محمد رضا باباگلی"}
    not_a_byline = "برنامه جدید\nجمهوری اسلامی ایران معرفی شدند\nمتن خبر."
    assert "author" not in split_article(not_a_byline).meta
