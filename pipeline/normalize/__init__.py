"""Persian news normalization with an offset map back to the raw input.

Steps, each a substitution on a :class:`TrackedText` so every output character
knows its raw span:

1. line breaks (``\\r\\n`` → ``\\n``; never adds or removes a ``\\n``);
2. protected spans found (URLs, emails, @handles, #hashtags, Latin words,
   numbers with separators): no later rule changes them;
3. letters, presentation forms and digits (:mod:`.characters`);
4. invisible marks, diacritics, kashida, spaces and no-break spaces;
5. stray ZWNJs cleaned, punctuation spacing (:mod:`.spacing`);
6. missing ZWNJs restored from the lexicon (:mod:`.zwnj`).

The result is idempotent: ``normalize(normalize(x)) == normalize(x)``.

>>> normalize("كتاب هاي ٢٣ ســال")
'کتاب\\u200cهای ۲۳ سال'
>>> normalize("مي شود: https://www.irna.ir/news/12 و 12.5 درصد")
'می\\u200cشود: https://www.irna.ir/news/12 و 12.5 درصد'
"""

from __future__ import annotations

from .boilerplate import ArticleLayout, split_article
from .characters import (
    normalize_letters,
    normalize_line_breaks,
    normalize_marks_and_spaces,
    tidy_spaces,
)
from .offsets import TrackedText
from .protect import find_spans
from .spacing import normalize_spacing
from .zwnj import clean_zwnj, restore_zwnj

__all__ = ["ArticleLayout", "TrackedText", "normalize", "normalize_tracked", "split_article"]


def normalize_tracked(raw: str, base: int = 0, *, digits: str | None = None) -> TrackedText:
    """Normalize ``raw``, keeping for each output character its raw span.

    ``base`` is added to every raw offset (use the body's start in the article).
    ``digits``: None keeps Latin digits as written (Arabic-Indic → Persian);
    ``"fa"`` writes every digit in Persian, ``"en"`` in Latin.

    >>> t = normalize_tracked("ديروز  مي شود", base=100)
    >>> t.text, t.to_raw(0, 5), t.to_raw(6, 12)
    ('دیروز می\\u200cشود', (100, 105), (107, 113))
    """
    t = normalize_line_breaks(TrackedText.from_raw(raw, base))
    # letters and digits may change inside numbers (٣ → ۳), never inside a URL or Latin word
    opaque, numbers = (_raw_intervals(t, spans) for spans in find_spans(t.text))
    t = t.with_protected(opaque)
    t = normalize_letters(t, digits)
    t = t.with_protected(sorted(opaque + numbers))
    t = normalize_marks_and_spaces(t, keep_no_break=True)
    t = clean_zwnj(t)
    t = normalize_spacing(t)
    t = restore_zwnj(t)
    t = tidy_spaces(t)  # a dropped mark may leave two spaces side by side
    return t.with_protected(())


def _raw_intervals(t: TrackedText, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The raw intervals behind ``spans`` (indices into ``t.text``)."""
    return [t.to_raw(a, b) for a, b in spans]


def normalize(raw: str, *, digits: str | None = None) -> str:
    """Normalized text of ``raw`` (no offsets)."""
    return normalize_tracked(raw, digits=digits).text
