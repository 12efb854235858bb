"""``khabar view``: one self-contained HTML page per article record.

The normalized text with every organization mention, figure and quote highlighted by kind
(``data-kind`` = ``org``, ``figure``, ``quote``; a quote also carries ``data-speaker``), a
tooltip of each highlight's fields on hover or focus, and side tables of the officials (linked
to their quotes), organizations and figures. Highlights nest: a figure inside a quote, an
organization inside a title. A span that crosses the end of the one it starts in is cut at
that end, so each highlight stays one element and the text stays as the record has it.

>>> page = article_page({"id": "a", "text": "وزارت نیرو گفت: ۱۲ درصد", "meta": {},
...     "organizations": [{"name": "وزارت نیرو", "key": "نیرو", "mentions": [{"start": 0, "end": 10}]}],
...     "figures": [{"start": 16, "end": 23, "value": 12, "kind": "percent", "unit": "درصد"}],
...     "quotes": [{"start": 16, "end": 23, "speaker": "وزارت نیرو", "cue": "گفت", "kind": "direct"}],
...     "officials": [], "errors": []})
>>> page.count('data-kind="org"'), page.count('data-kind="figure"'), page.count('data-kind="quote"')
(1, 1, 1)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jinja2

KIND_ORDER = {"quote": 0, "org": 1, "figure": 2}  # at the same start, the outer one first


@dataclass(slots=True)
class Highlight:
    """One highlighted span of the text and what its tooltip shows."""

    kind: str
    start: int
    end: int
    tip: list[tuple[str, str]]
    speaker: str | None = None
    anchor: str | None = None
    children: list[Highlight | str] = field(default_factory=list)


def _tip(pairs: list[tuple[str, Any]]) -> list[tuple[str, str]]:
    """The fields that have a value, as text: a figure's ``[("value", "110000"), ...]``."""
    return [(label, f"{value:g}" if isinstance(value, float) else str(value))
            for label, value in pairs if value not in (None, "", [])]


def highlights(record: Mapping[str, Any]) -> list[Highlight]:
    """Every organization mention, figure and quote of ``record`` as a highlight."""
    found = [Highlight("org", m["start"], m["end"], _tip([("سازمان", org["name"]), ("key", org.get("key"))]))
             for org in record.get("organizations") or [] for m in org["mentions"]]
    found += [Highlight("figure", f["start"], f["end"], _tip([
        ("مقدار", f.get("value")), ("نوع", f.get("kind")), ("واحد", f.get("unit")),
        ("چه چیزی", f.get("quantity")), ("گوینده", f.get("speaker"))])) for f in record.get("figures") or []]
    found += [Highlight("quote", q["start"], q["end"], _tip([
        ("گوینده", q.get("speaker")), ("فعل", q.get("cue")), ("نوع", q.get("kind"))]),
        speaker=q.get("speaker") or "", anchor=f"quote-{i}") for i, q in enumerate(record.get("quotes") or [])]
    return [h for h in found if 0 <= h.start < h.end]


def nest(text: str, spans: list[Highlight]) -> list[Highlight | str]:
    """``text`` as a tree of plain strings and highlights, each highlight inside the one it
    starts in (cut at that one's end if it runs past it).

    >>> tree = nest("abcdef", [Highlight("quote", 0, 4, []), Highlight("org", 2, 6, [])])
    >>> tree[0].children[1].end, tree[1]
    (4, 'ef')
    """
    root = Highlight("root", 0, len(text), [])
    stack = [root]
    for h in sorted(spans, key=lambda h: (h.start, -h.end, KIND_ORDER[h.kind])):
        while stack[-1] is not root and stack[-1].end <= h.start:
            stack.pop()
        h.end = min(h.end, stack[-1].end)
        stack[-1].children.append(h)
        stack.append(h)
    _fill(text, root)
    return root.children


def _fill(text: str, node: Highlight) -> None:
    """Put the text between a highlight's children into it, in order."""
    filled: list[Highlight | str] = []
    at = node.start
    for child in node.children:
        if isinstance(child, Highlight):
            if child.start > at:
                filled.append(text[at : child.start])
            _fill(text, child)
            filled.append(child)
            at = child.end
    if node.end > at:
        filled.append(text[at : node.end])
    node.children = filled


@cache
def environment() -> jinja2.Environment:
    """The page templates (``pipeline/templates``), HTML-escaped."""
    return jinja2.Environment(loader=jinja2.PackageLoader("pipeline", "templates"), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True)


def page_css() -> str:
    """The pages' shared style sheet (``templates/base.css``), put inline: no file to fetch."""
    return environment().loader.get_source(environment(), "base.css")[0]


def article_page(record: Mapping[str, Any]) -> str:
    """The self-contained HTML page of one article record (``Article.to_dict()``)."""
    quotes = record.get("quotes") or []
    officials = [{**o, "quote_ids": [f"quote-{i}" for i, q in enumerate(quotes) if q.get("speaker") == o["name"]]}
                 for o in record.get("officials") or []]
    return environment().get_template("article.html.j2").render(
        record=record, tree=nest(record.get("text") or "", highlights(record)), officials=officials,
        css=page_css())
