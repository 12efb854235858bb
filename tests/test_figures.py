"""Figures (pipeline/extract/figures.py) on real Persian news sentences and the gold sets.

Sentences come from the dev gold set (corpus/gold) and from ../shared/corpora/news-raw
(ids in the comments).
"""

from __future__ import annotations

import json

import pytest

from pipeline.analysis import blank
from pipeline.core import Pipeline, RawArticle
from pipeline.evaluate.gold import Counts, score_figures
from pipeline.extract.figures import KINDS
from pipeline.normalize import normalize
from pipeline.text import key

from .conftest import GOLD_DIR, need_shared


@pytest.fixture(scope="module")
def figures_nlp():
    """The Khabar tokenizer and sentence splitter with only the figures component."""
    nlp = blank()
    nlp.add_pipe("khabar_sentences")
    nlp.add_pipe("khabar_figures")
    return nlp


def figures(nlp, text: str) -> list[tuple[str, int | float, str, str | None]]:
    """(text, value, kind, unit) of every figure found in ``text``."""
    doc = nlp(normalize(text))
    return [(s.text, s._.figure["value"], s.label_, s._.figure["unit"]) for s in doc.spans["figures"]]


def values(nlp, text: str) -> list[tuple[int | float, str]]:
    return [(value, kind) for _, value, kind, _ in figures(nlp, text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # money
        ("رییس جمهوری کسری بودجه نیمه اول امسال را 3 هزار و 900 ميليارد تومان ذکر کرده است.",
         [(3900000000000, "money")]),
        ("بر اساس این بیانیه، رقم چهار میلیون و ۹۴۰ هزار تومانی سبد معیشت، باید به‌ عنوان مبنا قرار گیرد.",
         [(4940000, "money")]),
        ("وی درخواست کمک 25 ميليون دلاري از سازمان ها و دولت های جهان کرد.", [(25000000, "money")]),
        ("ارزش تقاضاهای موجود برای سهام این شرکت 8/9میلیاردریال برآورد شد.",  # hamshahri-HAM2-830705-063
         [(8900000000, "money")]),
        # percent, with the A/B decimal of Hamshahri copy read as written
        ("میزان کسری بودجه تا سطح متوسط 2/4 درصد در سال کاهش یافته است.", [(2.4, "percent")]),
        ("فعالان اجتماعی بر این اساس افزایش ۲۱ درصدی دستمزد را با بند دوم ماده ۴۱ قانون کار مغایر دانستند.",
         [(21, "percent")]),
        ("اگر آمار درست باشد که 80% صنایع ما دولتی", [(80, "percent")]),  # hamshahri-HAM2-811017-138
        ("در همین راستا در سال تحصیلی جاری 8 صدم درصد به تراکم جمعیتی کلاس‌های مدارس دولتی استان افزوده شد "
         "که به سمت میانگین 25 نفر در هر کلاس رسیده است.", [(0.08, "percent"), (25, "count")]),  # fars-4-268
        ("ایران هفتمین کشور پر مصرف لوازم آرایشی در دنیاست/یک میلیارد دلار واردات رسمی",  # fars-4-078
         [(1000000000, "money")]),
        ("قطعات درخواستی حدودا یک میلیون و 600 هزار دلار ارزش داشت.", [(1600000, "money")]),  # fars-1-094
        # measure
        ("ظرفیت تولید آبزیان در استان از 3 هزار و 500 تن به 8 هزار و 500 تن اعلام کرد.",
         [(3500, "measure"), (8500, "measure")]),
        ("در مزارع حوضچه‌هایی به مساحت 100 متر‌مربع احداث شود.", [(100, "measure")]),
        ("کاهش پس لرزه ها و شدت آنها از پنج ريشتر در روز جمعه به چهار ريشتر رسید.",
         [(5, "measure"), (4, "measure")]),
        # other: durations, ages, multiples
        ("این پورسه کاری به مدت 10 روز کاری انجام شد.", [(10, "other")]),
        ("جشنواره فیلم فجر، طی دوران بيست ساله برگزاری اش، فراز و نشیب بسیاری داشته است.", [(20, "other")]),
        ("سرعت اجرای کار با استفاده از لوله‌های فایبرگلاس 6 برابر کانال‌های بتنی است.", [(6, "other")]),
        ("نیروهای امدادی با تاخیر و پس از حدود یک و نیم ساعت پس از وقوع سیل در صحنه حاضر شدند.",  # fars-2-171
         [(1.5, "other")]),
        ("این تغییر که حدود یک سوم از سمت‌های کابینه را شامل می‌شود، در سال 2011 میلادی انجام شده است.",
         [(1 / 3, "other")]),  # fars-4-120: a fraction
        ("هزینه‌های اقتصادی این چهار کشور در سال 2009 دو برابر میزان فعلی افزایش خواهد یافت.",  # fars-2-093
         [(4, "count"), (2, "other")]),
        # count, with glued and spaced spellings
        ("دور دوم انتخابات مجلس ملی قرقیزستان نیز در هزار و 160شعبه اخذ رای این کشور آغاز شد.",
         [(1160, "count")]),
        ("سالانه پذیرای بیش از یک‌صدهزار کوهنورد داخلی و خارجی نیز می‌باشد.", [(100000, "count")]),  # fars-4-247
        ("وجود بیش از سیصد وشصت هزار جلد کتاب فارسی در کتابخانه مرکزی.", [(360000, "count")]),
        ("ما ابتدای بازی 10 نفره شدیم و این به ما ضربه زد.", [(10, "count")]),
        ("2 تن از کشته شدگان کودک بودند.", [(2, "count")]),  # fars-1-218: تن = persons
        ("بیش از200 تن در شهرهای مختلف عراق بر اثر حملات تروریستی کشته شدند.", [(200, "count")]),
        ("اتحادیه اروپا مجازات اعدام پنج پرستار و یک پزشک بلغاری را به حبس ابد تقلیل داد.",  # fars-1-232
         [(5, "count"), (1, "count")]),
        ("فرمانده انتظامی از کشف یک تن و 504 کیلوگرم مواد افیونی در درگیری شبانه پلیس خبر داد.",  # fars-2-065
         [(1, "measure"), (504, "measure")]),
        ("بهای هر مثقال طلای 17عیار امروز با یکهزار ریال کاهش به 404 هزار ریال رسید.",  # fars-4-049
         [(17, "measure"), (1000, "money"), (404000, "money")]),
        ("به تعداد ۱۳هزارو ۴۰۰ بسته معیشتی بین نیازمندان شهرستان توزیع شده است.", [(13400, "count")]),  # fars-1-016
        ("بود که توانست به وزن 5/82 کیلویی خود برگردد.", [(5.82, "measure")]),  # hamshahri-HAM2-821004-014
        ("افراد بین 64 تا 87 ساله‌ای که مرتبا ماهی می‌خورند، کمتر بیمار می‌شوند.",  # hamshahri-HAM2-811011-049
         [(64, "other"), (87, "other")]),
        # ranges: two figures; the first borrows the second's unit and scale
        ("اسرائیل دارای زرادخانه های هسته ای است که بین 200 تا 400 کلاهک هسته ای را در خود جای داده است.",
         [(200, "count"), (400, "count")]),
        ("این تحقیقات از نزدیک به ۷ هزار کودک ۷ تا 10 ساله انجام شد.",  # fars-1-061
         [(7000, "count"), (7, "other"), (10, "other")]),
        ("حدود 15 تا 20 هزار نفر چندین روز است در انتظار رسیدن اتوبوس‌ها هستند.",  # fars-5-014
         [(15000, "count"), (20000, "count")]),
        ("ما در ادامه روی دو، سه ضدحمله گل خوردیم.", [(2, "count"), (3, "count")]),
        ("ویسی در خصوص اینکه آیا بازیکن خاصی را برای فصل آینده مد نظر دارد یا خیر گفت: قطعا 5-6 بازیکن لیگ برتری را مد نظرم دارم.",
         [(5, "count"), (6, "count")]),  # fars-2-260: a range, not a score
        ("وی روز شنبه در چهار مسافت 90، 70، 60 و 50 متر در مجموع انفرادی به مقام نخست دست یافت.",
         [(4, "count"), (90, "measure"), (70, "measure"), (60, "measure"), (50, "measure")]),
    ],
)
def test_figures_in_real_sentences(figures_nlp, sentence, expected):
    assert values(figures_nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # dates and years
        "شده حداقل حقوق کارگران در سال ۹۹ در شورای عالی کار بررسی شد.",
        "نشست ورزش های رزمی از روز دوشنبه ۱۴ مرداد ماه آغاز شده بود.",
        "کاظمی وزیر بازرگانی صبح امروز 20 اردیبهشت‌ماه در سفر غیر منتظره به استان رسید.",
        "شورای اسلامی شهر تهران در تاریخ 1387/2/17 شهرداری تهران را ملزم به تهیه نظام جامع کرد.",
        "دولت مواجه با کسری بودجه شدیدی شده، در سال 1377 رخ داده است.",
        "تیم ملی ایران در بازی های مقدماتی المپیک 2008 پکن حضور خواهد داشت.",
        "نسبت کسری بودجه از کل بودجه عمومی طی دهه،40 50، 60 و 70 به ترتیب تغییر کرده است.",
        # clock times
        "برنامه این مسابقات که راس ساعت 15 آغاز می‌شود، به شرح زیر است:",
        "هفته لیگ برتر با انجام بازی‌هایی که به صورت همزمان از ساعت 15:30 آغاز شد به پایان رسید.",
        "رای گیری از ساعت هشت صبح دیروز به وقت محلی آغاز شد.",
        # ordinals
        "این مسابقات بیست و ششم خردادماه در تهران برگزار خواهد شد.",  # fars-1-179
        "دانش‌آموزان آغاز سی‌امین سالگرد پیروزی انقلاب اسلامی را گرامی داشتند.",  # fars-1-119
        "دومین نمایشگاه پیشکسوتان هنرهای سنتی ایران در نگارخانه خیال برگزار می‌شود.",  # fars-1-023
        # numbers inside names, codes and phone numbers
        "پروژه‌هایی که قرار بود در قالب ماده 215 و به عنوان پروژه ملی حل شود.",
        "وی از دست‌گیری یک سارق کیف‌قاپ در حوزه کلانتری 18 خبر داد.",  # fars-4-080
        "علاقه‌مندان برای اطلاعات بیشتر می‌توانند با شماره تلفن ۸۸۹۴۱۲۳۵ تماس بگیرند.",  # fars-2-132
        "در حوادث پاریس، گروه 1+5 حوادث تروریستی را تجربه کرد.",
        "3 میلیارد دیگر از ماده 180 سال 94 برای این پروژه در نظر گرفته شد و",
        "انگلیس و مقدونیه در شهر اسکوپیه به مصاف هم رفتند و انگلیس به برتری 1-2 رسید.",  # hamshahri-HAM2-820623-117
        "او «پدرو روندون» ملی‌پوش تیم کوبا را با نتیجه (2-3) شکست داد.",  # hamshahri-HAM2-830422-097
        "جانشین فرماندهی لشکر 41 ثارالله گفت.",
        "گروه تحقیق و آموزش. انتهای‌پیام/69014/ع",
        "میزان تولید اورانیوم این کشور طی سال 2008 میلادی نیز کاهش خواهد یافت.",  # fars-2-094
        "آقای خاتمی، رئیس جمهور یک مملکت 70 میلیونی است.",  # fars-1-079: no unit, no figure (not 70)
        "به گزارش ورزش سه، ایوب کلانتری در مورد شکست صحبت کرد.",
        # the article یک, نه as "not", vague amounts, match results, weekdays, titles
        "وی این پروژه را یک پروژه ملی برشمرد.",
        "بسیج نه تنها در عرصه نظامی بلکه در همه عرصه‌ها حضور دارد.",
        "با آغاز انقلاب مردمی در بحرین، ده‌ها هزار نفر به خیابان‌ها سرازیر شدند.",  # fars-3-148
        "تلفات چنین مسئله‌ای به معنای صدها هزار قربانی است.",  # fars-1-165
        "ولی در ضربات پنالتی 2 بر صفر پاراگوئه‌ای‌ها مقابل مردان مانو منزس به برتری رسیدند.",  # fars-3-218
        "توفان کاترینا سه‌شنبه گذشته شهر نیو اورلئان را درنوردید.",
        "فوتبال است دیگر یک روز مثل بازی با سپاهان همه چیز به نفع ما بود.",
        "بالاخره این منطقی نیست که نه مصرف‌کننده راضی باشد و نه تولیدکننده.",
        "در جلسه علنی نوبت عصر امروز (سه شنبه) پارلمان تشکیل شد.",
        "درادامه چهارصد و هشتاد سومین جلسه شورای اسلامی شهر تهران برگزار شد.",
        "هر دو تیم با جرایمی تنبیه شدند.",
        "این کارگردان به خاطر فیلم دختر میلیون دلاری جایزه صنف کارگردانان را دریافت کرد.",
    ],
)
def test_no_figure_from_dates_times_ordinals_and_names(figures_nlp, sentence):
    assert figures(figures_nlp, sentence) == []


def test_qualifier_and_counted_noun(figures_nlp):
    doc = figures_nlp(normalize("وارثی تصریح کرد: هم اکنون بیش از سه هزار نفر سرپرست خانوار تحت حمایت بهزیستی استان قرار داشته است."))
    (span,) = doc.spans["figures"]
    assert span.text == "سه هزار نفر" and span.label_ == "count"
    assert span._.figure == {"value": 3000, "unit": None, "quantity": "نفر سرپرست خانوار", "qualifier": "بیش از"}


def test_unit_and_quantity_of_a_measure(figures_nlp):
    doc = figures_nlp(normalize("ما تولید را به حدی افزایش می‌دهیم تا جلوی واردات 600 هزار تن کود شیمیایی به استان اردبیل گرفته شود."))
    (span,) = doc.spans["figures"]
    assert (span.text, span.label_) == ("600 هزار تن", "measure")
    assert span._.figure == {"value": 600000, "unit": "تن", "quantity": "کود شیمیایی", "qualifier": None}


@pytest.mark.parametrize("sentence, quantity", [
    # news-raw hamshahri: a compound verb right after the number is not what is counted
    ("پیش بینی می‌شود زمان سفر تا یک سوم کاهش خواهد یافت.", None),
    ("بودجه این طرح‌ها تا ۲۰۰ میلیارد تومان افزایش یافته است.", None),
    # news-raw fars: the counted noun stops before the noun of «اشاره کرد»
    ("وی به سیزده طرح پیشنهادی اشاره کرد.", "طرح پیشنهادی"),
    ("در این مدت ۲۶ هزار معلول خدمات گرفتند.", "معلول"),
])
def test_quantity_stops_before_a_verb(figures_nlp, sentence, quantity):
    doc = figures_nlp(normalize(sentence))
    (span,) = doc.spans["figures"]
    assert span._.figure["quantity"] == quantity


def test_spans_are_token_aligned_with_known_kinds(figures_nlp):
    text = (GOLD_DIR / "hamshahri-2004-HAM2-821014-070.txt").read_text(encoding="utf-8")
    doc = figures_nlp(normalize(text))
    assert len(doc.spans["figures"]) >= 20
    for span in doc.spans["figures"]:
        assert span.label_ in KINDS
        assert doc[span.start : span.end].text == span.text
        assert isinstance(span._.figure["value"], int | float)


# ------------------------------------------------------------------ gold sets


def _gold_files():
    return sorted(GOLD_DIR.glob("*.gold.json"))


def test_dev_gold_figure_f1(figures_nlp):
    """Figures F1 >= 0.95 (value and kind, one-to-one in text order) over seed + dev."""
    pipeline = Pipeline(nlp=figures_nlp)
    total = Counts()
    for path in _gold_files():
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = path.with_name(path.name.removesuffix(".gold.json") + ".txt").read_text(encoding="utf-8")
        prepared = pipeline.prepare(RawArticle(gold["id"], raw))
        doc = figures_nlp(prepared.tracked.text)
        predicted = [{"value": s._.figure["value"], "kind": s.label_, "start": s.start_char}
                     for s in doc.spans["figures"]]
        total = total + score_figures(predicted, gold["figures"])
    assert total.tp + total.fn == sum(len(json.loads(p.read_text())["figures"]) for p in _gold_files())
    assert total.f1 >= 0.95, total


def test_seed_article_six_figures_exact(khabar):
    gold = json.loads((GOLD_DIR / "seed-article.gold.json").read_text(encoding="utf-8"))
    record = khabar.process((GOLD_DIR / "seed-article.txt").read_text(encoding="utf-8"), id="seed-article")
    got = [(key(f.text), f.value, f.kind, f.unit, f.quantity) for f in record.figures]
    want = [(key(g["text"]), g["value"], g["kind"], g["unit"], g["quantity"]) for g in gold["figures"]]
    assert got == want
    for figure in record.figures:
        assert record.text[figure.start : figure.end] == figure.text


def test_figures_inside_quotes_carry_the_speaker(khabar):
    """"Who stated which figure" comes straight from the record."""
    record = khabar.process((GOLD_DIR / "seed-article.txt").read_text(encoding="utf-8"), id="seed-article")
    by_text = {f.text: f for f in record.figures}
    stated = by_text["۵۰ میلیون تومان"]
    assert stated.quote is not None
    quote = record.quotes[stated.quote]
    assert quote.start <= stated.start and stated.end <= quote.end
    assert stated.speaker == quote.speaker == "علیرضا وارثی"
    assert by_text["۲۶ هزار معلول"].quote is None  # the last line is the reporter's own


# ------------------------------------------------------------------ news-raw robustness

MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی",
          "بهمن", "اسفند", "ژانویه", "فوریه", "مارس", "آوریل", "ژوئن", "ژوئیه", "اوت", "سپتامبر",
          "اکتبر", "نوامبر", "دسامبر")


def _news_raw(name: str, limit: int) -> list[str]:
    import gzip
    from itertools import islice

    path = need_shared(f"corpora/news-raw/{name}.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in islice(f, limit)]


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["farsnews", "hamshahri"])
def test_news_raw_figures_are_well_formed_and_never_dates(figures_nlp, corpus):
    """Over real articles: spans aligned, values finite, no year after سال, no day before a month."""
    import math
    import re

    before_year = re.compile(r"(?<![^\W\d_])(?:سال|دهه)(?:[\s\u200c]*|،)$")
    month_after = re.compile(rf"^[\s\u200c]*(?:{'|'.join(MONTHS)})(?:[\s\u200c]*ماه)?(?![^\W\d_])")
    found = 0
    for raw in _news_raw(corpus, 300):
        doc = figures_nlp(normalize(raw))
        for span in doc.spans["figures"]:
            found += 1
            value = span._.figure["value"]
            assert span.label_ in KINDS and isinstance(value, int | float) and math.isfinite(value)
            assert span.text[:1].isdigit() or span.text[:1].isalpha()
            context = doc.text[max(0, span.start_char - 12) : span.start_char]
            assert not before_year.search(context) or span.label_ in ("money", "percent", "measure"), span.text
            first = doc[span.start]
            assert not month_after.match(doc.text[first.idx + len(first) :]), span.text
    assert found > 300
