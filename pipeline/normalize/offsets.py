"""Text that remembers where each of its characters came from in the raw input.

Every normalization step is a substitution on a :class:`TrackedText`; the result
keeps, for each output character, the raw span ``[starts[i], ends[i])`` it was
made from. Inserted characters (a restored ZWNJ) get an empty raw span at the
insertion point, deleted ones simply vanish.

>>> t = TrackedText.from_raw("برنامههای  ما").sub(r" +", " ")
>>> t.text
'برنامههای ما'
>>> t.to_raw(10, 12)
(11, 13)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Replacement = str | Callable[[re.Match], str]


@dataclass(slots=True)
class TrackedText:
    """A string plus, per character, the raw span it was produced from."""

    text: str
    starts: list[int]
    ends: list[int]

    @classmethod
    def from_raw(cls, raw: str, base: int = 0) -> TrackedText:
        """Identity map; ``base`` shifts offsets when ``raw`` is a slice of a larger input."""
        return cls(raw, list(range(base, base + len(raw))), list(range(base + 1, base + len(raw) + 1)))

    def __len__(self) -> int:
        return len(self.text)

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

    def sub(self, pattern: str | re.Pattern, repl: Replacement) -> TrackedText:
        """``re.sub`` that carries the offset map along.

        Characters shared by a match and its replacement at the start or the end
        keep their own raw offsets; the changed middle takes the raw span of the
        changed part of the match.

        >>> TrackedText.from_raw("مي شود").sub("ي", "ی").text
        'می شود'
        """
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        text = self.text
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        last = 0
        for m in regex.finditer(text):
            old = m.group(0)
            new = m.expand(repl) if isinstance(repl, str) else repl(m)
            if new == old:
                continue
            a, b = m.span()
            # keep untouched head and tail of the match mapped char by char
            head = 0
            limit = min(len(old), len(new))
            while head < limit and old[head] == new[head]:
                head += 1
            tail = 0
            while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
                tail += 1
            pieces.append(text[last : a + head])
            starts.extend(self.starts[last : a + head])
            ends.extend(self.ends[last : a + head])
            middle = new[head : len(new) - tail]
            ma, mb = a + head, b - tail
            if middle:
                pieces.append(middle)
                if mb - ma == len(middle):
                    starts.extend(self.starts[ma:mb])
                    ends.extend(self.ends[ma:mb])
                elif mb > ma:
                    starts.extend([self.starts[ma]] * len(middle))
                    ends.extend([self.ends[mb - 1]] * len(middle))
                else:
                    p = self._point(ma)
                    starts.extend([p] * len(middle))
                    ends.extend([p] * len(middle))
            last = mb
        if not pieces and last == 0:
            return self
        pieces.append(text[last:])
        starts.extend(self.starts[last:])
        ends.extend(self.ends[last:])
        return TrackedText("".join(pieces), starts, ends)

    def translate(self, table: dict[int, str | int | None]) -> TrackedText:
        """``str.translate`` for one-to-one character tables (offsets unchanged)."""
        out = self.text.translate(table)
        if len(out) != len(self.text):
            raise ValueError("translate() needs a one-to-one table; use sub() to delete or expand")
        return TrackedText(out, self.starts, self.ends)
