"""Score records against gold files exactly as ../shared/gold/FORMAT.md says.

Every task is micro-averaged over all articles: tp, fp and fn are summed, then
precision, recall and F1 computed once.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..text import key

FIGURE_TOLERANCE = 1e-9
QUOTE_THRESHOLD = 0.5
QUOTE_KINDS = ("direct", "indirect")


@dataclass(slots=True)
class Counts:
    """True positives, false positives, false negatives, and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, **asdict(self)}


# ---------------------------------------------------------------- organizations
def score_organizations(predicted: Iterable[Mapping], gold: list[Mapping]) -> Counts:
    """A prediction matches a gold organization whose name or alias has the same key.

    Each gold organization counts once; more predictions for a matched one are
    ignored, and so are predictions that match an optional one.
    """
    keys_of = [{key(g["name"]), *(key(a) for a in g.get("aliases") or [])} for g in gold]
    matched = [False] * len(gold)
    counts = Counts()
    for org in predicted:
        k = key(org["name"])
        hits = [i for i, keys in enumerate(keys_of) if k in keys]
        if not hits:
            counts.fp += 1
            continue
        free = sorted((i for i in hits if not matched[i]), key=lambda i: bool(gold[i].get("optional")))
        if free:
            matched[free[0]] = True
    for i, g in enumerate(gold):
        if g.get("optional"):
            continue
        if matched[i]:
            counts.tp += 1
        else:
            counts.fn += 1
    return counts


# ---------------------------------------------------------------- figures
def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= FIGURE_TOLERANCE * max(abs(a), abs(b))


def score_figures(predicted: list[Mapping], gold: list[Mapping]) -> Counts:
    """Equal value (or one of ``alt_values``) and same kind; one-to-one in text order."""
    ordered = sorted(predicted, key=lambda f: f.get("start", 0))
    used = [False] * len(ordered)
    tp = 0
    for g in gold:
        values = [g["value"], *(g.get("alt_values") or [])]
        for i, p in enumerate(ordered):
            if used[i] or p.get("kind") != g["kind"] or p.get("value") is None:
                continue
            if any(_same_value(float(p["value"]), float(v)) for v in values):
                used[i] = True
                tp += 1
                break
    return Counts(tp, len(ordered) - tp, len(gold) - tp)


# ---------------------------------------------------------------- quotes
def trigrams(s: str) -> Counter:
    """Multiset of character trigrams of ``key(s)``."""
    k = key(s)
    return Counter(k[i : i + 3] for i in range(len(k) - 2))


def dice(a: str, b: str) -> float:
    """Dice coefficient of the trigram multisets of two texts."""
    ta, tb = trigrams(a), trigrams(b)
    total = sum(ta.values()) + sum(tb.values())
    return 2 * sum((ta & tb).values()) / total if total else 0.0


def match_quotes(predicted: list[Mapping], gold: list[Mapping]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(pred_index, gold_index)`` with Dice >= 0.5, best first."""
    pairs = sorted(
        ((dice(p["text"], g["text"]), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    taken_p, taken_g, matches = set(), set(), []
    for similarity, i, j in pairs:
        if similarity < QUOTE_THRESHOLD:
            break
        if i not in taken_p and j not in taken_g:
            taken_p.add(i)
            taken_g.add(j)
            matches.append((i, j))
    return matches


def score_quotes(predicted: list[Mapping], gold: list[Mapping]) -> dict[str, Counts]:
    """Detection and attribution, for direct, indirect and all quotes together."""
    rows: dict[str, Counts] = {}
    for kind in (*QUOTE_KINDS, "all"):
        preds = [q for q in predicted if kind == "all" or q.get("kind") == kind]
        golds = [q for q in gold if kind == "all" or q.get("kind") == kind]
        matches = match_quotes(preds, golds)
        found = len(matches)
        right = sum(1 for i, j in matches if key(preds[i].get("speaker")) == key(golds[j].get("speaker")))
        rows[f"quotes {kind} detection"] = Counts(found, len(preds) - found, len(golds) - found)
        rows[f"quotes {kind} attribution"] = Counts(right, len(preds) - right, len(golds) - right)
    return rows


# ---------------------------------------------------------------- officials
def score_officials(predicted: list[Mapping], gold: list[Mapping]) -> dict[str, Counts]:
    """Names match by key; a matched official's title is right when the keys are equal."""
    free = list(range(len(gold)))
    names = titles = 0
    for p in predicted:
        j = next((j for j in free if key(gold[j]["name"]) == key(p["name"])), None)
        if j is None:
            continue
        free.remove(j)
        names += 1
        titles += key(p.get("title")) == key(gold[j].get("title"))
    return {
        "officials": Counts(names, len(predicted) - names, len(gold) - names),
        "officials title": Counts(titles, len(predicted) - titles, len(gold) - titles),
    }


# ---------------------------------------------------------------- text and meta
def score_normalization(text: str, gold: Mapping | None) -> dict[str, Counts]:
    """must_contain: present = tp, missing = fn; must_not_contain: absent = tp, present = fp."""
    gold = gold or {}
    must = gold.get("must_contain") or []
    must_not = gold.get("must_not_contain") or []
    present = sum(1 for s in must if s in text)
    leaked = sum(1 for s in must_not if s in text)
    return {
        "normalization must_contain": Counts(present, 0, len(must) - present),
        "normalization must_not_contain": Counts(len(must_not) - leaked, leaked, 0),
    }


def score_meta(predicted: Mapping, gold: Mapping) -> Counts:
    """Each printed meta field: right when one key contains the other (so 'فارس' ~ 'خبرگزاری فارس')."""
    counts = Counts()
    for name, value in gold.items():
        guess = key(predicted.get(name))
        if guess and (guess in key(value) or key(value) in guess):
            counts.tp += 1
        else:
            counts.fn += 1
            counts.fp += bool(guess)
    return counts


def score_article(record: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, Counts]:
    """Every task row for one article whose gold field is present.

    A gold file that leaves a field out has not annotated it: ``{"id": ..., "figures": [...]}`` is
    scored on figures alone, while ``"quotes": []`` says the article quotes no one.
    """
    rows: dict[str, Counts] = {}
    if "organizations" in gold:
        rows["organizations"] = score_organizations(record.get("organizations") or [], gold["organizations"] or [])
    if "figures" in gold:
        rows["figures"] = score_figures(record.get("figures") or [], gold["figures"] or [])
    if "quotes" in gold:
        rows.update(score_quotes(record.get("quotes") or [], gold["quotes"] or []))
    if "officials" in gold:
        rows.update(score_officials(record.get("officials") or [], gold["officials"] or []))
    if "normalization" in gold:
        rows.update(score_normalization(record.get("text") or "", gold["normalization"]))
    if "meta" in gold:
        rows["meta"] = score_meta(record.get("meta") or {}, gold["meta"] or {})
    if "body_lines" in gold:
        same = list(record.get("body_lines") or []) == list(gold["body_lines"])
        rows["body lines"] = Counts(int(same), int(not same), int(not same))
    return rows


# ---------------------------------------------------------------- corpus level
@dataclass
class Report:
    rows: dict[str, Counts]
    articles: dict[str, dict[str, Counts]]
    missing: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": {name: c.as_dict() for name, c in self.rows.items()},
            "articles": {a: {n: c.as_dict() for n, c in rows.items()} for a, rows in self.articles.items()},
            "missing": self.missing,
        }

    def table(self) -> str:
        lines = [f"{'task':32} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for name, c in self.rows.items():
            lines.append(f"{name:32} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}")
        lines.append(f"articles scored: {len(self.articles)}" + (f"; no record for: {', '.join(self.missing)}" if self.missing else ""))
        return "\n".join(lines)


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """``{article id: gold}`` for every ``NAME.gold.json`` in ``gold_dir``."""
    gold = {}
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold[data.get("id") or path.name.removesuffix(".gold.json")] = data
    return gold


def score_records(records: Iterable[Mapping], gold: Mapping[str, Mapping]) -> Report:
    """Micro-averaged rows over the articles that have gold."""
    by_id = {r["id"]: r for r in records}
    articles: dict[str, dict[str, Counts]] = {}
    missing = []
    for article_id, g in gold.items():
        if article_id not in by_id:
            missing.append(article_id)
        articles[article_id] = score_article(by_id.get(article_id, {}), g)
    rows: dict[str, Counts] = {}
    for per_article in articles.values():
        for name, c in per_article.items():
            rows[name] = rows.get(name, Counts()) + c
    return Report(rows, articles, missing)
