"""Text that remembers where each of its characters came from in the raw input.

Every normalization step is a substitution on a :class:`TrackedText`; the result
keeps, for each output character, the raw span ``[starts[i], ends[i])`` it was
made from. Inserted characters (a restored ZWNJ) get an empty raw span at the
insertion point, deleted ones simply vanish.

A TrackedText may carry *protected* raw intervals (URLs, numbers, Latin words):
``sub`` and ``translate`` never change a character made from a protected raw
position, so every rule respects them without knowing about them.

>>> t = TrackedText.from_raw("برنامههای  ما").sub(r" +", " ")
>>> t.text
'برنامههای ما'
>>> t.to_raw(10, 12)
(11, 13)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace

Replacement = str | Callable[[re.Match], str]
Interval = tuple[int, int]

# characters an edit may insert, delete or swap for one another while every
# other character keeps its own raw span (see _align)
_SOFT = frozenset(" \u00a0\u200c")


@dataclass(slots=True)
class TrackedText:
    """A string plus, per character, the raw span it was produced from."""

    text: str
    starts: list[int]
    ends: list[int]
    protected: tuple[Interval, ...] = field(default=())

    @classmethod
    def from_raw(cls, raw: str, base: int = 0) -> TrackedText:
        """Identity map; ``base`` shifts offsets when ``raw`` is a slice of a larger input."""
        return cls(raw, list(range(base, base + len(raw))), list(range(base + 1, base + len(raw) + 1)))

    def __len__(self) -> int:
        return len(self.text)

    def with_protected(self, intervals: tuple[Interval, ...] | list[Interval]) -> TrackedText:
        """The same text with raw ``intervals`` (sorted, disjoint) protected from change.

        >>> t = TrackedText.from_raw("كد ABC").with_protected([(3, 6)])
        >>> t.translate(str.maketrans("كA", "کX")).text
        'کد ABC'
        """
        return replace(self, protected=tuple(intervals))

    def _point(self, i: int) -> int:
        """Raw position of the gap before normalized index ``i``."""
        if i < len(self.starts):
            return self.starts[i]
        return self.ends[-1] if self.ends else 0

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the normalized span ``text[start:end]``."""
        if end <= start:
            p = self._point(start)
            return p, p
        return self.starts[start], self.ends[end - 1]

    def from_raw_span(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """Normalized ``(start, end)`` covering the characters made from raw ``[raw_start, raw_end)``.

        A character inserted at ``raw_start`` (an empty raw span there) is made from
        nothing inside the interval: it stands before it, as one inserted at ``raw_end``
        stands after it.

        >>> t = TrackedText.from_raw("گفت.12").sub("[.]", ". ")  # the space: raw span (4, 4)
        >>> i, j = t.from_raw_span(4, 6)
        >>> t.text[i:j]
        '12'
        """
        starts, ends = self.starts, self.ends
        i, j = bisect_left(starts, raw_start), bisect_left(starts, raw_end)
        if raw_end > raw_start:
            while i < j and ends[i] == raw_start:  # starts[i] == raw_start too: inserted
                i += 1
        return i, j

    def _touches_protected(self, lo: int, hi: int) -> bool:
        """Does the raw range ``[lo, hi)`` (or the insertion point ``lo == hi``) hit a protected interval?"""
        intervals = self.protected
        i = bisect_left(intervals, (hi if hi > lo else lo, -1)) - 1
        if i < 0:
            return False
        p_start, p_end = intervals[i]
        if hi > lo:
            return p_end > lo
        return p_start < lo < p_end

    def sub(self, pattern: str | re.Pattern, repl: Replacement) -> TrackedText:
        """``re.sub`` that carries the offset map along.

        Characters shared by a match and its replacement at the start or the end
        keep their own raw offsets; in the changed middle, spaces, no-break spaces
        and ZWNJs may be inserted, dropped or swapped while the other characters
        keep theirs; any other change takes the raw span of the changed part.
        A change that would touch a protected character is skipped.

        >>> TrackedText.from_raw("مي شود").sub("ي", "ی").text
        'می شود'
        """
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        edits: list[tuple[int, int, str]] = []
        if isinstance(repl, str) and "\\" not in repl:
            edits = [(m.start(), m.end(), repl) for m in regex.finditer(self.text) if m.group(0) != repl]
        else:
            for m in regex.finditer(self.text):
                new = m.expand(repl) if isinstance(repl, str) else repl(m)
                if new != m.group(0):
                    edits.append((m.start(), m.end(), new))
        return self.replace_spans(edits) if edits else self

    def replace_spans(self, edits: list[tuple[int, int, str]]) -> TrackedText:
        """Replace ``text[a:b]`` by ``new`` for each ``(a, b, new)`` (sorted, disjoint), as ``sub`` does.

        The primitive under :meth:`sub`, for rules that locate their sites without a regex.

        >>> TrackedText.from_raw("مي شود").replace_spans([(2, 3, "\u200c")]).to_raw(0, 6)
        (0, 6)
        """
        text = self.text
        src_starts, src_ends = self.starts, self.ends
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        last = 0
        for a, b, new in edits:
            if a < last:
                continue  # overlaps the previous edit
            old = text[a:b]
            # keep untouched head and tail of the match mapped char by char
            head = 0
            limit = min(len(old), len(new))
            while head < limit and old[head] == new[head]:
                head += 1
            tail = 0
            while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
                tail += 1
            ma, mb = a + head, b - tail
            if self.protected:
                if mb > ma:
                    lo, hi = src_starts[ma], src_ends[mb - 1]
                else:
                    lo = hi = self._point(ma)
                if self._touches_protected(lo, hi):
                    continue
            pieces.append(text[last:ma])
            starts.extend(src_starts[last:ma])
            ends.extend(src_ends[last:ma])
            middle = new[head : len(new) - tail]
            if middle:
                pieces.append(middle)
                if mb - ma == len(middle):
                    starts.extend(src_starts[ma:mb])
                    ends.extend(src_ends[ma:mb])
                elif mb > ma:
                    self._extend_aligned(ma, mb, middle, starts, ends)
                else:
                    p = self._point(ma)
                    starts.extend([p] * len(middle))
                    ends.extend([p] * len(middle))
            last = mb
        if not pieces:
            return self
        pieces.append(text[last:])
        starts.extend(src_starts[last:])
        ends.extend(src_ends[last:])
        return TrackedText("".join(pieces), starts, ends, self.protected)

    def _extend_aligned(self, ma: int, mb: int, middle: str, starts: list[int], ends: list[int]) -> None:
        """Map ``middle`` (replacing ``text[ma:mb]``) char by char when :func:`_align` can."""
        mapping = _align(self.text[ma:mb], middle)
        if mapping is None:
            starts.extend([self.starts[ma]] * len(middle))
            ends.extend([self.ends[mb - 1]] * len(middle))
            return
        for k in mapping:
            if k >= 0:
                starts.append(self.starts[ma + k])
                ends.append(self.ends[ma + k])
            else:  # inserted: empty span at the next kept character
                p = self._point(ma - k - 1)
                starts.append(p)
                ends.append(p)

    def translate(self, table: dict[int, str | int | None]) -> TrackedText:
        """``str.translate`` for one-to-one character tables (offsets unchanged).

        Protected characters are left as they are.
        """
        pairs = [(chr(k), v if isinstance(v, str) else chr(v)) for k, v in table.items() if v is not None]
        if any(ord(new) in table for _, new in pairs if len(new) == 1):
            pairs = [("", "")]  # chained table: let str.translate do it
        if not self.protected:
            out = _translate(self.text, pairs)
        else:
            parts = []
            last = 0
            for p_start, p_end in self.protected:
                i, j = self.from_raw_span(p_start, p_end)
                if j <= last:
                    continue
                parts.append(_translate(self.text[last:i], pairs))
                parts.append(self.text[max(i, last):j])
                last = j
            parts.append(_translate(self.text[last:], pairs))
            out = "".join(parts)
        if len(out) != len(self.text):
            raise ValueError("translate() needs a one-to-one table; use sub() to delete or expand")
        if out == self.text:
            return self
        return TrackedText(out, self.starts, self.ends, self.protected)


def _translate(text: str, pairs: list[tuple[str, str]]) -> str:
    """``str.translate`` for a small table, as a few ``str.replace`` calls (much faster on Persian)."""
    if pairs == [("", "")]:
        raise ValueError("chained translation tables are not supported")
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def _align(old: str, new: str) -> list[int] | None:
    """For each char of ``new``, its index in ``old`` or ``-(i + 1)`` when inserted before ``old[i]``.

    Only soft characters (space, no-break space, ZWNJ) may be inserted or dropped;
    a soft character may stand for another. None when ``new`` is not such an edit.

    >>> _align("کتاب ها", "کتاب\u200cها")
    [0, 1, 2, 3, 4, 5, 6]
    >>> _align("کتابها", "کتاب\u200cها")
    [0, 1, 2, 3, -5, 4, 5]
    """
    mapping: list[int] = []
    i = j = 0
    while j < len(new):
        if i < len(old) and old[i] == new[j]:
            mapping.append(i)
            i += 1
            j += 1
        elif new[j] in _SOFT and i < len(old) and old[i] in _SOFT:
            mapping.append(i)
            i += 1
            j += 1
        elif new[j] in _SOFT:
            mapping.append(-(i + 1))
            j += 1
        elif i < len(old) and old[i] in _SOFT:
            i += 1
        else:
            return None
    while i < len(old) and old[i] in _SOFT:
        i += 1
    return mapping if i == len(old) else None
