"""Issue 20: figures on the failure classes of unseen news, on sentences of the tune articles
(corpus/dev-b) as written, never of corpus/heldout-b."""

from __future__ import annotations

import pytest

from pipeline.extract.figures import figure_candidates
from pipeline.normalize import normalize
from pipeline.text import key

from .conftest import CORPUS


def sentence(article: str, phrase: str) -> str:
    """The normalized sentence of ``dev-b/ARTICLE.txt`` that holds ``phrase``."""
    text = normalize((CORPUS / "dev-b" / f"{article}.txt").read_text(encoding="utf-8"))
    return next(s for s in text.replace("\n", ". ").split(". ") if key(phrase) in key(s))


def figures(text: str) -> list[tuple[str, float, str]]:
    """(number as written, value, kind) of every figure kept."""
    return [(c.number.text, c.value if c.value is not None else c.number.value, c.kind)
            for c in figure_candidates(text) if not c.excluded and c.kind]


@pytest.mark.parametrize("article, phrase, expected", [
    ("radiofarda-135", "منفی ۳۷ دلار", ("۳۷", -37, "money")),           # a sign before the number
    ("varzesh3-v5-477", "یک سال و نیم", ("یک", 1.5, "other")),           # «و نیم» after the unit
    ("hamshahri-2003-HAM2-820801-118", "بيستم", ("یک بیستم", 0.05, "other")),  # a fraction
])
def test_signed_half_and_fraction_values(article, phrase, expected):
    assert expected in figures(sentence(article, phrase))


@pytest.mark.parametrize("article, phrase", [
    ("hamshahri-2006-HAM2-850814-067", "درمنطقه 5"),   # a designator with «در» written onto it
    ("hamshahri-2003-HAM2-820525-052", "ساعات 10 تا 12"),  # clock hours, not counts
])
def test_numbers_that_name_a_thing_or_a_time_are_no_figures(article, phrase):
    line = sentence(article, phrase)
    numbers = {n for n, _, _ in figures(line)}
    assert not numbers & {"5", "10", "12"}
