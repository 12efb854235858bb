"""The report page (pipeline/report.py) over real runs of corpus/samples: its numbers are the records'."""

from __future__ import annotations

import gzip
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.batch import BatchOptions, run_batch
from pipeline.report import report_page
from pipeline.writers import read_records

from .conftest import CORPUS

SAMPLES = CORPUS / "samples"
SEED_KEY = "بهزیستی"  # the organization key of «سازمان بهزیستی»


class Tables(HTMLParser):
    """The page's tables by id: rows of cells, each cell its text and the hrefs of its links."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[dict]]] = {}
        self.table: list[list[dict]] | None = None
        self.cell: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "table":
            self.table = self.tables.setdefault(attributes.get("id") or "", [])
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = {"tag": tag, "text": "", "hrefs": []}
            self.table[-1].append(self.cell)
        elif tag == "a" and self.cell is not None:
            self.cell["hrefs"].append(attributes.get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.table = None
        elif tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell["text"] += data


def tables(page: str) -> dict[str, list[list[dict]]]:
    parser = Tables()
    parser.feed(page)
    return parser.tables


def body(page: str, table_id: str) -> list[list[str]]:
    """The texts of a table's data rows (its header row left out)."""
    return [[cell["text"].strip() for cell in row] for row in tables(page)[table_id] if row[-1]["tag"] == "td"]


def records(output: Path) -> list[dict]:
    files = sorted((output / "records").glob("*.jsonl")) if output.is_dir() else [output]
    return [record for path in files for record in read_records(path)]


def run(inputs: Path, output: Path) -> Path:
    run_batch([str(inputs)], output, BatchOptions(jobs=1, progress=False))
    return output


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return run(SAMPLES, tmp_path_factory.mktemp("report") / "records.jsonl")


@pytest.fixture(scope="module")
def page(out) -> str:
    return report_page(out)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """A run with a real article, the same article dated, another dated article and an empty one."""
    inputs = tmp_path_factory.mktemp("mixed-in")
    seed = (SAMPLES / "seed-article.txt").read_text(encoding="utf-8")
    shutil.copy(SAMPLES / "seed-article.txt", inputs / "seed-article.txt")
    (inputs / "seed-dated.txt").write_text("تاریخ انتشار: ۱۳۹۸/۰۵/۱۲ - ۱۰:۳۰\n" + seed, encoding="utf-8")
    radio = (SAMPLES / "radiofarda-079.txt").read_text(encoding="utf-8")
    (inputs / "radio-dated.txt").write_text("تاریخ: ۱۲ مرداد ۱۳۹۸\n" + radio, encoding="utf-8")
    (inputs / "blank.txt").write_text("", encoding="utf-8")
    return run(inputs, tmp_path_factory.mktemp("mixed-out") / "records.jsonl")


def test_the_summary_counts_the_17_articles_and_no_errors(page):
    summary = dict(body(page, "summary"))
    assert summary["خبرهای پردازش‌شده (articles processed)"] == "17"
    assert summary["خبرهای با خطا (with errors)"] == "0"
    assert len(body(page, "articles")) == 17
    assert "errors" not in tables(page) and "(no errors)" in page


def test_an_organization_key_is_one_row_with_its_articles_and_mentions(out):
    rows = body(report_page(out, top=1000), "organizations")
    found = [o for r in records(out) for o in r["organizations"] if o["key"] == SEED_KEY]
    names = {o["name"] for o in found}
    group = [row for row in rows if row[1] in names]
    assert [row[1] for row in group] == ["سازمان بهزیستی"]
    assert group[0][2:] == ["1", str(sum(len(o["mentions"]) for o in found))]


def test_the_officials_table_has_varesi_with_14_quotes(page):
    rows = {row[0]: row for row in body(page, "officials")}
    assert rows["علیرضا وارثی"] == ["علیرضا وارثی", "مدیرکل بهزیستی استان قزوین", "اداره کل بهزیستی استان قزوین", "14", "1"]


def test_figures_by_kind_and_by_unit_are_the_records_counts(out, page):
    figures = [f for r in records(out) for f in r["figures"]]
    assert {kind: int(n) for kind, n, _ in body(page, "figures-by-kind")} == Counter(f["kind"] for f in figures)
    units = {unit: int(n) for unit, n, _ in body(page, "figures-by-unit")}
    assert units == Counter(f["unit"] or "بی‌واحد (none)" for f in figures)


def test_the_page_is_self_contained_with_inline_svg_charts(page):
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fa" dir="rtl">' in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\((?!#)", page)  # url(#id): a chart's own clip path
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page
    charts = re.findall(r'<figure class="chart" dir="ltr" id="chart-([a-z]+)"><svg ', page)
    assert charts == ["organizations", "kinds"]  # no dates in the samples: no month chart
    assert 'id="no-dates"' in page


def test_with_article_links_every_article_id_is_a_link(out):
    ids = [r["id"] for r in records(out)]
    links = {i: f"articles/{i}.html" for i in ids}
    assert not any(cell["hrefs"] for row in tables(report_page(out))["articles"] for cell in row)
    rows = tables(report_page(out, links))["articles"][1:]
    assert [(row[0]["text"], row[0]["hrefs"]) for row in rows] == [(i, [links[i]]) for i in ids]


def test_a_run_directory_and_a_gzip_file_give_the_same_tables(out, page, tmp_path):
    directory = run(SAMPLES, tmp_path / "run")
    assert tables(report_page(directory)) == tables(page)
    packed = tmp_path / "records.jsonl.gz"
    packed.write_bytes(gzip.compress(out.read_bytes()))
    assert tables(report_page(packed)) == tables(page)


def test_a_failed_article_shows_its_id_and_reason(mixed):
    page = report_page(mixed, {"blank": "articles/blank.html"})
    [blank] = [r for r in records(mixed) if r["errors"]]
    errors = tables(page)["errors"][1:]
    assert [(row[0]["text"], row[0]["hrefs"], row[1]["text"]) for row in errors] == [
        ("blank", ["articles/blank.html"], "".join(blank["errors"]))
    ]
    assert "empty article" in blank["errors"][0]
    assert dict(body(page, "summary"))["خبرهای با خطا (with errors)"] == "1"


def test_quotes_per_month_groups_jalali_dates_as_written(mixed):
    page = report_page(mixed)
    dated = [r for r in records(mixed) if "date" in r["meta"]]
    assert {r["id"] for r in dated} == {"seed-dated", "radio-dated"}
    assert body(page, "quotes-per-month") == [["1398/05", str(sum(len(r["quotes"]) for r in dated)), "2"]]
    assert 'id="chart-months"' in page and "(undated articles): <bdi>2</bdi>" in page
    # the same body in two articles is one organization row counting both
    rows = [row for row in body(page, "organizations") if row[1] == "سازمان بهزیستی"]
    assert len(rows) == 1 and rows[0][2] == "2"


def test_khabar_report_with_articles_writes_linked_article_pages(out, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    report = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(out), "-o", str(report), "--with-articles"])
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in (tmp_path / "articles").glob("*.html"))
    assert len(pages) == 17 and "seed-article.html" in pages
    assert 'href="articles/seed-article.html"' in report.read_text(encoding="utf-8")
    seed = (tmp_path / "articles" / "seed-article.html").read_text(encoding="utf-8")
    assert seed.count('data-speaker="علیرضا وارثی"') == 14


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed (.ci/run installs it)")
def test_chromium_renders_the_report_from_a_file_without_network(page, tmp_path):
    import subprocess

    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND",
                          "--dump-dom", path.as_uri()], check=True, capture_output=True, text=True, timeout=120).stdout
    assert dom.count("<table") == page.count("<table") >= 6 and dom.count("<svg") == page.count("<svg") >= 2
    assert "علیرضا وارثی" in dom
