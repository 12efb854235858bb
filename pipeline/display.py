"""Human-readable view of one record (``khabar extract --format table``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .records import Article


def print_record(article: Article, console: Console | None = None) -> None:
    console = console or Console()
    console.print(f"[bold]{article.id}[/bold]  meta: {article.meta}  errors: {article.errors or 'none'}")
    sections = [
        ("Organizations", ["name", "mentions"], [[o.name, str(len(o.mentions))] for o in article.organizations]),
        ("Figures", ["text", "value", "kind", "unit", "quantity", "speaker"],
         [[f.text, f"{f.value:g}", f.kind, f.unit or "", f.quantity or "", f.speaker or ""] for f in article.figures]),
        ("Quotes", ["speaker", "mention", "cue", "kind", "text"],
         [[q.speaker or "?", q.speaker_mention or "", q.cue or "", q.kind, q.text[:80]] for q in article.quotes]),
        ("Officials", ["name", "title", "organization", "quotes"],
         [[o.name, o.title or "", o.organization or "", str(o.quotes)] for o in article.officials]),
    ]
    for title, columns, rows in sections:
        table = Table(title=f"{title} ({len(rows)})", title_justify="left")
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*row)
        console.print(table)
