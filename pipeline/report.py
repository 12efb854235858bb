"""``khabar report``: one self-contained HTML page over a run's output (issue 18).

The page shows the articles processed, the errors with their reasons, the top organizations
(grouped by their ``key``), the most-quoted officials, quotes per month where records carry a
``meta.date``, and figures by kind and by unit. The grouped tables come from pipeline/stats.py's
queries; the charts are drawn offline by matplotlib and go in as inline ``<svg>``; the page loads
nothing from the network.
"""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .stats import record_files, stats_tables
from .view import environment, page_css
from .writers import read_records

JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
NUMERIC_DATE = re.compile(r"(\d{4})\s*[/\-.]\s*(\d{1,2})\b")  # ۱۳۹۸/۰۵/۱۲, 1398-5-3
NAMED_DATE = re.compile(rf"\b({'|'.join(JALALI_MONTHS)})(?:\s*ماه)?\s+(\d{{4}})\b")  # ۱۲ مرداد ۱۳۹۸
CHART_STYLE = {"font.family": ["DejaVu Sans"], "font.size": 9, "svg.fonttype": "path"}


def year_month(date: str) -> str | None:
    """The year/month a date gives, in its own calendar (Persian digits read as digits).

    >>> year_month("۱۳۹۸/۰۵/۱۲ - ۱۰:۳۰"), year_month("۱۲ مرداد ۱۳۹۸"), year_month("دیروز")
    ('1398/05', '1398/05', None)
    """
    if match := NUMERIC_DATE.search(date):
        return f"{int(match[1])}/{int(match[2]):02d}"
    if match := NAMED_DATE.search(date):
        return f"{int(match[2])}/{JALALI_MONTHS.index(match[1]) + 1:02d}"
    return None


def bar_chart(labels: list[str], values: list[int], title: str) -> str:
    """A horizontal bar chart as an inline ``<svg>`` element (no XML prologue); short Latin labels.

    >>> bar_chart(["money", "percent"], [3, 1], "figures by kind").startswith("<svg")
    True
    """
    with matplotlib.rc_context(CHART_STYLE):
        fig = Figure(figsize=(6, 0.8 + 0.3 * len(labels)))
        ax = fig.subplots()
        bars = ax.barh(range(len(labels)), values, color="#3b6ea5")
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.bar_label(bars, padding=2)
        ax.set_title(title)
        ax.spines[["top", "right"]].set_visible(False)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def _rows(table: tuple[list[str], list[tuple]]) -> list[dict]:
    """A stats table's rows as dicts (column -> value)."""
    columns, rows = table
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _with_organization(officials: list[dict], records: list[dict]) -> list[dict]:
    """The officials' rows, each with the organization its records name most often."""
    named: defaultdict[str, Counter] = defaultdict(Counter)
    for record in records:
        for official in record["officials"]:
            if official["organization"]:
                named[official["name"]][official["organization"]] += 1
    return [{**row, "organization": next(iter(named[row["name"]].most_common(1)), ("",))[0]} for row in officials]


def _by_unit(records: list[dict]) -> list[dict]:
    """Figures and articles per unit ("" for a figure without one), most figures first."""
    figures: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for record in records:
        units = [figure["unit"] or "" for figure in record["figures"]]
        figures.update(units)
        articles.update(set(units))
    return [{"unit": unit, "figures": n, "articles": articles[unit]} for unit, n in figures.most_common()]


def _by_month(records: list[dict]) -> list[dict]:
    """Quotes and articles per year/month of ``meta.date``, in order; undated records left out."""
    quotes: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for record in records:
        if month := year_month(record["meta"].get("date", "")):
            quotes[month] += len(record["quotes"])
            articles[month] += 1
    return [{"month": month, "quotes": quotes[month], "articles": articles[month]} for month in sorted(articles)]


def _article_row(record: dict) -> dict:
    """One line of the article index."""
    meta = record["meta"]
    counts = {name: len(record[name]) for name in ("organizations", "figures", "quotes", "officials", "errors")}
    return {"id": record["id"], "source": meta.get("source", ""), "date": meta.get("date", ""), **counts}


def _charts(organizations: list[dict], kinds: list[dict], months: list[dict]) -> dict[str, str]:
    """The page's SVG charts by name (only those with something to draw)."""
    charts = {}
    if kinds:
        charts["kinds"] = bar_chart([k["kind"] for k in kinds], [k["figures"] for k in kinds], "figures by kind")
    if organizations:
        ranks = [str(i) for i in range(1, len(organizations) + 1)]
        charts["organizations"] = bar_chart(ranks, [o["articles"] for o in organizations], "top organizations: articles (by rank #)")
    if months:
        charts["months"] = bar_chart([m["month"] for m in months], [m["quotes"] for m in months], "quotes per month")
    return charts


def report_page(output: Path, article_links: Mapping[str, str] | None = None, top: int = 15) -> str:
    """The report page (one self-contained HTML string) of the run written to ``output``: a
    records .jsonl/.jsonl.gz file (what `make run` writes: out/records.jsonl) or a run directory
    OUT/ (records under OUT/records/*.jsonl, see pipeline/stats.py record_files).

    ``article_links`` maps an article id to a relative URL; every id shown then links to it.

    >>> import tempfile
    >>> from pipeline.records import Article
    >>> from pipeline.writers import record_json
    >>> path = Path(tempfile.mkdtemp()) / "records.jsonl"
    >>> _ = path.write_bytes(record_json(Article.failed("a1", "empty article")) + b"\\n")
    >>> page = report_page(path, {"a1": "articles/a1.html"})
    >>> '<a href="articles/a1.html"><bdi>a1</bdi></a>' in page, "empty article" in page
    (True, True)
    """
    tables = stats_tables(Path(output), top)
    records = [record for path in record_files(Path(output)) for record in read_records(Path(path))]
    organizations = _rows(tables["top organizations"])
    kinds = _rows(tables["figures by kind"])
    months = _by_month(records)
    return environment().get_template("report.html.j2").render(
        css=page_css(),
        title=Path(output).name,
        summary=_rows(tables["articles"])[0],
        errors=[record for record in records if record["errors"]],
        organizations=organizations,
        officials=_with_organization(_rows(tables["most-quoted officials"]), records),
        kinds=kinds,
        units=_by_unit(records),
        months=months,
        undated=len(records) - sum(m["articles"] for m in months),
        articles=[_article_row(record) for record in records],
        charts=_charts(organizations, kinds, months),
        links=article_links or {},
    )
