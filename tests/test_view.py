"""Issue 18: the article page (`khabar view`), checked as HTML and in headless Chromium.

The browser tests need Debian's `chromium` (`.ci/run` installs it when missing); they render
pages from files with the network shut off and read the DOM Chromium built or a screenshot.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.view import article_page

from .conftest import CORPUS

SEED = CORPUS / "samples" / "seed-article.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
need_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")


class Page(HTMLParser):
    """The highlights (tag attributes) of a page and the visible text of its article."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.highlights: list[dict[str, str | None]] = []
        self.tables = 0
        self.text: list[str] = []
        self._depth = 0  # open elements inside #article-text
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "data-kind" in attributes:
            self.highlights.append(attributes)
        self.tables += tag == "table"
        if self._depth or attributes.get("id") == "article-text":
            self._depth += 1

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.text.append(data)

    def count(self, kind: str) -> int:
        return sum(h["data-kind"] == kind for h in self.highlights)


@pytest.fixture(scope="module")
def seed(khabar) -> dict:
    return khabar.process(SEED.read_text(encoding="utf-8"), "seed-article").to_dict()


def chromium(*args: str) -> subprocess.CompletedProcess:
    """Headless Chromium with every host name unresolvable (no network)."""
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--host-resolver-rules=MAP * ~NOTFOUND", *args],
                          check=True, capture_output=True, text=True, timeout=120)


def test_the_seed_page_highlights_every_quote_figure_and_mention(seed):
    page = Page(article_page(seed))
    assert page.count("quote") == 14 and {h["data-speaker"] for h in page.highlights if h["data-kind"] == "quote"} == {"علیرضا وارثی"}
    assert page.count("figure") == len(seed["figures"]) == 6
    assert page.count("org") == sum(len(o["mentions"]) for o in seed["organizations"])
    assert page.tables == 3
    assert "".join(page.text) == seed["text"]  # overlaps never break the text


def test_overlapping_spans_keep_the_text_and_one_element_each():
    """A figure and an organization inside a quote, and an organization mention running past the
    quote's end (cut there): each still one element, the text unchanged."""
    text = "مدیرکل بهزیستی گفت: ۱۱۰ هزار مددجو زیر پوشش سازمان بهزیستی هستند."
    quote_end = text.index("بهزیستی هستند") + 3
    record = {"id": "x", "text": text, "meta": {}, "officials": [], "errors": [],
              "quotes": [{"start": 20, "end": quote_end, "speaker": "مدیرکل بهزیستی", "cue": "گفت", "kind": "direct"}],
              "figures": [{"start": 20, "end": 35, "value": 110000, "kind": "count", "quantity": "مددجو"}],
              "organizations": [{"name": "سازمان بهزیستی", "key": "بهزیستی", "mentions": [
                  {"text": "بهزیستی", "start": 7, "end": 14}, {"text": "سازمان بهزیستی", "start": text.index("سازمان"), "end": text.index(" هستند")}]}]}
    page = Page(article_page(record))
    assert (page.count("quote"), page.count("figure"), page.count("org")) == (1, 1, 2)
    assert "".join(page.text) == text


def test_khabar_view_writes_a_page_from_an_article_or_from_records(tmp_path):
    runner = CliRunner()
    from_text = tmp_path / "a.html"
    assert runner.invoke(app, ["view", str(SEED), "-o", str(from_text)]).exit_code == 0
    records = tmp_path / "records.jsonl"
    assert runner.invoke(app, ["run", str(SEED), "-o", str(records)]).exit_code == 0
    from_records = tmp_path / "b.html"
    assert runner.invoke(app, ["view", str(records), "--id", "seed-article", "-o", str(from_records)]).exit_code == 0
    assert from_text.read_text(encoding="utf-8") == from_records.read_text(encoding="utf-8")
    missing = runner.invoke(app, ["view", str(records), "--id", "nope", "-o", str(tmp_path / "c.html")])
    assert missing.exit_code != 0 and "nope" in missing.output


def test_errors_of_a_record_are_shown():
    page = article_page({"id": "broken", "text": "", "meta": {}, "organizations": [], "figures": [], "quotes": [],
                         "officials": [], "errors": ["empty article"]})
    assert 'id="errors"' in page and "empty article" in page


@need_chromium
def test_chromium_builds_the_page_with_every_highlight(seed, tmp_path):
    path = tmp_path / "seed.html"
    path.write_text(article_page(seed), encoding="utf-8")
    assert "http://" not in path.read_text(encoding="utf-8") and "https://" not in path.read_text(encoding="utf-8")
    page = Page(chromium("--dump-dom", path.as_uri()).stdout)
    assert page.count("quote") == len(seed["quotes"]) == 14
    assert page.count("figure") == len(seed["figures"])
    assert page.count("org") == sum(len(o["mentions"]) for o in seed["organizations"])
    assert "".join(page.text) == seed["text"]


@need_chromium
def test_the_screenshot_is_not_blank_and_the_text_runs_right_to_left(seed, tmp_path):
    from PIL import Image

    path = tmp_path / "seed.html"
    path.write_text(article_page(seed), encoding="utf-8")
    png = tmp_path / "seed.png"
    chromium("--window-size=1280,900", f"--screenshot={png}", path.as_uri())
    image = Image.open(png).convert("L")
    width, height = image.size
    pixels = image.load()
    ink_rows = [y for y in range(height) if any(pixels[x, y] < 100 for x in range(0, width, 2))]
    assert len(ink_rows) > height // 4  # a page of text, not a blank one
    first_line = [y for y in ink_rows if y - ink_rows[0] < 12]
    ink_x = [x for y in first_line for x in range(width) if pixels[x, y] < 100]
    assert max(ink_x) > width - 60 and min(ink_x) > width // 2  # the first line hugs the right edge

