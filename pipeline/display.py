"""Human-readable view of one record (``khabar extract --format table``).

Persian tables read from the right (first column on the right, cells right-aligned, Persian
headers); ``lang="en"`` gives English headers in the usual order. Numbers
are written in full with thousands separators, and long quotes are cut at a word with «…».
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .records import Article

QUOTE_CHARS = 80
HEADERS = {
    "fa": {
        "Organizations": "سازمان‌ها", "Figures": "ارقام", "Quotes": "نقل‌قول‌ها", "Officials": "مقام‌ها",
        "name": "نام", "mentions": "اشاره", "text": "متن", "value": "مقدار", "kind": "نوع", "unit": "واحد",
        "quantity": "چه چیز", "speaker": "گوینده", "mention": "اشاره به گوینده", "cue": "فعل نقل",
        "title": "سمت", "organization": "سازمان", "quotes": "نقل‌قول", "errors": "خطا", "meta": "مشخصات",
        "none": "ندارد",
    },
    "en": {},
}
NUMERIC = {"mentions", "value", "quotes"}


def full_number(value: float | int) -> str:
    """A figure's value in full, never in scientific notation.

    >>> full_number(1.2e10), full_number(0.05), full_number(-37), full_number(2.5)
    ('12,000,000,000', '0.05', '-37', '2.5')
    """
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def cut_at_word(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with «…».

    >>> cut_at_word("ما امسال برنامه‌های زیادی برای مددجویان داریم", 20)
    'ما امسال برنامه‌های…'
    >>> cut_at_word("کوتاه", 20)
    'کوتاه'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ،,.") + "…"


def _header(name: str, lang: str) -> str:
    return HEADERS[lang].get(name, name)


def print_record(article: Article, console: Console | None = None, lang: str = "fa") -> None:
    console = console or Console()
    errors = "; ".join(article.errors) or _header("none", lang)
    console.print(f"[bold]{article.id}[/bold]  {_header('meta', lang)}: {article.meta}  {_header('errors', lang)}: {errors}")
    sections = [
        ("Organizations", ["name", "mentions"], [[o.name, str(len(o.mentions))] for o in article.organizations]),
        ("Figures", ["text", "value", "kind", "unit", "quantity", "speaker"],
         [[f.text, full_number(f.value), f.kind, f.unit or "", f.quantity or "", f.speaker or ""] for f in article.figures]),
        ("Quotes", ["speaker", "mention", "cue", "kind", "text"],
         [[q.speaker or "?", q.speaker_mention or "", q.cue or "", q.kind, cut_at_word(q.text)] for q in article.quotes]),
        ("Officials", ["name", "title", "organization", "quotes"],
         [[o.name, o.title or "", o.organization or "", str(o.quotes)] for o in article.officials]),
    ]
    for title, columns, rows in sections:
        if lang == "fa":  # a Persian table reads from the right: its first column stands there
            columns, rows = columns[::-1], [row[::-1] for row in rows]
        table = Table(title=f"{_header(title, lang)} ({len(rows)})", title_justify="right" if lang == "fa" else "left")
        for column in columns:
            # numbers line up on the right in either language; Persian text reads from the right
            justify = "right" if lang == "fa" or column in NUMERIC else "left"
            table.add_column(_header(column, lang), justify=justify)
        for row in rows:
            table.add_row(*row)
        console.print(table)
