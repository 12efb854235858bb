"""Experiment: a learned decision on top of the rule-based figure extractor (pipeline/extract/figures.py).

Question: does a scikit-learn classifier over the rules' figure candidates raise figures F1,
measured by cross-validation grouped by article? The rules are not changed; the model only
decides which candidates become figures:

- ``veto``: a filter over the figures the rules keep (it can only drop them);
- ``all``: a decision over every candidate that has a kind, so it can also restore one the rules
  excluded (with the rules' kind and value).

Data: the gold articles of the tune set (corpus/gold + corpus/dev-b, 56 articles),
corpus/dev-c, dev-d, dev-e (48) and dev-f (48, figures only), 152 in all. Each article is normalized and
analysed by the pipeline (``load().process``), cached under /tmp/figure_filter/cache, and its
candidates are regenerated with :func:`~pipeline.extract.figures.figure_candidates`.

Labels: a candidate is positive when it matches an unused gold figure by value (or an alt value)
and kind, in text order: first the figures the rules keep, matched exactly as the scorer
(:func:`pipeline.evaluate.gold.score_figures`) matches them, then the other candidates (with the
kind and value they carry) against the gold figures still unmatched.

Features (:func:`features`): the rules' exclusion reason, kind, unit and explicit unit, the
number's form and magnitude, the keys of two items before and after, punctuation and line
breaks around it, its place in its line, its neighbouring candidates. Word and unit values are
kept only when seen twice in the training rows of a fold (:class:`FoldVocabulary`).

Evaluation: GroupKFold(5) by article, the same article folds for every model. Each fold's model
is trained on the other four folds, its threshold chosen on out-of-fold probabilities of the
training articles alone (inner GroupKFold(4), F1 computed with the gold scorer), and it
predicts the held-out fold. Predictions of all folds are pooled and scored with the gold scorer
against the rules alone on the same 104 articles, overall and per source set.

    .venv/bin/python -m pipeline.train.figure_filter                      # the CV table
    .venv/bin/python -m pipeline.train.figure_filter --report /tmp/figure_filter_report.md
    .venv/bin/python -m pipeline.train.figure_filter --out /tmp/figure_filter/model
    .venv/bin/python -m pipeline.train.figure_filter --unseen corpus/dev-g   # trained on all, scored on unseen gold
    .venv/bin/python -m pipeline.train.figure_filter --pred-dir /tmp/figure_filter/pred
        # records.jsonl per gold dir (rules, best model's CV predictions) for `khabar evaluate DIR --pred`

``--out`` trains the best configuration of the CV table (highest pooled F1; ties go to the first
in CONFIGS order) on all 104 articles, its threshold chosen on GroupKFold(5) out-of-fold
probabilities of all of them, and writes
``model.joblib`` and ``recipe.json`` (features, parameters, seed, data sets, CV scores) there; it
refuses a directory inside the repository's models/. A gold directory whose path contains
``heldout`` is refused; held-out articles are never read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..evaluate.gold import Counts, _same_value, load_gold, score_figures
from ..extract.figures import CLAUSE_ENDS, FigureCandidate, _words_before, figure_candidates
from ..paths import REPO

SEED = 0
N_FOLDS = 5
INNER_FOLDS = 4
MIN_COUNT = 2  # a word or unit value is a feature when seen this often in a fold's training rows
CACHE = Path("/tmp/figure_filter/cache")
DEFAULT_SETS = (
    ("tune", (REPO / "corpus" / "gold", REPO / "corpus" / "dev-b")),
    ("dev-c", (REPO / "corpus" / "dev-c",)),
    ("dev-d", (REPO / "corpus" / "dev-d",)),
    ("dev-e", (REPO / "corpus" / "dev-e",)),
    ("dev-f", (REPO / "corpus" / "dev-f",)),
)
GROUPS = {"tune": ("tune",), "dev-cde": ("dev-c", "dev-d", "dev-e"), "dev-f": ("dev-f",)}  # the source sets
THRESHOLDS = (0.0, *(round(float(t), 3) for t in np.arange(0.05, 0.951, 0.025)))  # 0.0: the rules' choice (veto)
QUOTE_OPEN, QUOTE_CLOSE = "«", "»"


# ---------------------------------------------------------------- data
def check_not_held_out(path: Path) -> None:
    """Refuse a held-out gold directory (by its path as given and as resolved)."""
    for p in (str(path), str(Path(path).resolve())):
        if "heldout" in p.lower() or "shared/gold/dev" in p:
            raise SystemExit(f"refused: {path} is a held-out gold set")


@dataclass
class Doc:
    """One gold article: its normalized text, candidates, gold figures and labels."""

    id: str
    source: str  # tune | dev-c | dev-d | dev-e
    text: str
    gold: list[dict]
    cands: list[FigureCandidate]
    record_figures: list[dict]  # the rules' figures as the pipeline records them
    labels: list[int] = field(default_factory=list)
    matched_gold: list[int | None] = field(default_factory=list)


def _fingerprint() -> str:
    """A hash of the pipeline's code and lexicons (the cache is void when they change)."""
    h = hashlib.sha1()
    root = REPO / "pipeline"
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".tsv", ".json", ".dat") and "train" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def load_docs(sets=DEFAULT_SETS, verbose: bool = True) -> list[Doc]:
    """Every gold article of ``sets``, processed once (cached) and labelled."""
    fingerprint = _fingerprint()
    nlp = None
    docs = []
    for source, dirs in sets:
        for gold_dir in dirs:
            check_not_held_out(gold_dir)
            for name, gold in load_gold(Path(gold_dir)).items():
                raw_path = Path(gold_dir) / f"{name}.txt"
                check_not_held_out(raw_path)
                raw = raw_path.read_text(encoding="utf-8")
                digest = hashlib.sha1((fingerprint + raw).encode()).hexdigest()
                cached = CACHE / f"{digest}.json"
                if cached.is_file():
                    data = json.loads(cached.read_text(encoding="utf-8"))
                else:
                    if nlp is None:
                        from ..core import load

                        nlp = load()
                    art = nlp.process(raw, id=name)
                    data = {"id": name, "text": art.text,
                            "figures": [{"start": f.start, "end": f.end, "text": f.text, "value": f.value,
                                         "kind": f.kind} for f in art.figures]}
                    CACHE.mkdir(parents=True, exist_ok=True)
                    cached.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
                doc = Doc(name, source, data["text"], gold.get("figures") or [],
                          figure_candidates(data["text"]), data["figures"])
                label(doc)
                docs.append(doc)
    if verbose:
        print(f"{len(docs)} articles: " + ", ".join(f"{s} {sum(d.source == s for d in docs)}" for s, _ in sets),
              file=sys.stderr)
    return docs


def kept(cand: FigureCandidate) -> bool:
    """The rules output this candidate as a figure."""
    return cand.excluded is None and cand.kind is not None


def value_of(cand: FigureCandidate) -> int | float:
    return cand.value if cand.value is not None else cand.number.value


def as_figure(cand: FigureCandidate) -> dict:
    return {"start": cand.number.start, "value": value_of(cand), "kind": cand.kind, "text": cand.number.text}


def _match(doc: Doc, indices: list[int], free_gold: list[bool]) -> None:
    """The scorer's matching: each free gold figure, in gold order, takes the first unlabelled
    candidate of ``indices`` (text order) with its kind and an equal value."""
    order = sorted(indices, key=lambda i: doc.cands[i].number.start)
    for gi, g in enumerate(doc.gold):
        if not free_gold[gi]:
            continue
        values = [g["value"], *(g.get("alt_values") or [])]
        for i in order:
            c = doc.cands[i]
            if doc.labels[i] or c.kind != g["kind"]:
                continue
            if any(_same_value(float(value_of(c)), float(v)) for v in values):
                doc.labels[i], doc.matched_gold[i], free_gold[gi] = 1, gi, False
                break


def label(doc: Doc) -> None:
    """Positive candidates: the rules' figures as the scorer matches them, then other candidates
    with a kind against the gold figures left."""
    doc.labels = [0] * len(doc.cands)
    doc.matched_gold = [None] * len(doc.cands)
    free = [True] * len(doc.gold)
    _match(doc, [i for i, c in enumerate(doc.cands) if kept(c)], free)
    _match(doc, [i for i, c in enumerate(doc.cands) if not kept(c) and c.kind is not None], free)


def gold_without_candidate(doc: Doc) -> tuple[int, int]:
    """Gold figures no candidate matches by value and kind; of those, how many one matches by value."""
    matched = {g for g in doc.matched_gold if g is not None}
    missing = [g for gi, g in enumerate(doc.gold) if gi not in matched]
    by_value = 0
    for g in missing:
        values = [g["value"], *(g.get("alt_values") or [])]
        if any(any(_same_value(float(value_of(c)), float(v)) for v in values) for c in doc.cands):
            by_value += 1
    return len(missing), by_value


# ---------------------------------------------------------------- features
def _magnitude(value: float) -> str:
    v = abs(float(value))
    return "0" if v == 0 else str(max(-2, min(13, math.floor(math.log10(v)))))


def _quote_depth(text: str, pos: int) -> int:
    line_start = text.rfind("\n", 0, pos) + 1
    seg = text[line_start:pos]
    return int(seg.count(QUOTE_OPEN) > seg.count(QUOTE_CLOSE))


def _short(s: str) -> str:
    s = s.strip(" \t\u200c\u00a0")
    return s if len(s) <= 3 else "far"


def features(doc: Doc) -> list[dict]:
    """One feature dict per candidate of ``doc`` (strings are categorical, numbers numeric)."""
    text, cands = doc.text, doc.cands
    rows = []
    values = Counter(round(float(value_of(c)), 9) for c in cands)
    for i, c in enumerate(cands):
        n = c.number
        atoms = [a.role for a in n.atoms]
        before = _words_before(text, n.start, 3)
        after = c.after
        line_start = text.rfind("\n", 0, n.start) + 1
        line_end = text.find("\n", n.end)
        line_end = len(text) if line_end < 0 else line_end
        line_len = max(1, line_end - line_start)
        prev_char = text[:n.start].rstrip(" \t\u200c\u00a0")[-1:]
        next_char = text[n.end:].lstrip(" \t\u200c\u00a0")[:1]
        fig_end = max(c.end, n.end)
        end_char = text[fig_end:].lstrip(" \t\u200c\u00a0")[:1]
        prv = cands[i - 1] if i > 0 else None
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        v = value_of(c)
        row = {
            "excluded": c.excluded or "none",
            "kind": c.kind or "none",
            "unit": c.unit or "none",
            "kind_excluded": f"{c.kind}|{c.excluded}",
            "explicit_unit": float(c.explicit_unit),
            "qualifier": float(c.qualifier is not None),
            "has_quantity": float(c.quantity is not None),
            "digits_only": float(n.is_digits),
            "words_only": float("digits" not in atoms),
            "digits_scale": float("digits" in atoms and "scale" in atoms),
            "fraction": float(n.is_fraction),
            "half": float("half" in atoms),
            "n_atoms": float(len(atoms)),
            "first_role": atoms[0],
            "magnitude": _magnitude(v),
            "is_one": float(v == 1),
            "is_zero": float(v == 0),
            "year_like": float(n.is_digits and len(n.text) == 4 and isinstance(n.value, int)
                               and (1300 <= n.value < 1500 or 1900 <= n.value < 2100)),
            "integer": float(float(v).is_integer()),
            "decimal_mark": float(any(ch in n.text for ch in ".٫/")),
            "slash": float("/" in n.text),
            "n_digits": float(sum(ch.isdigit() for ch in n.text)),
            "value_override": float(c.value is not None),
            "negative": float(v < 0),
            "prev1": before[0].key if before else "<bol>",
            "prev2": before[1].key if len(before) > 1 else "<bol>",
            "prev12": (before[1].key if len(before) > 1 else "<bol>") + " " + (before[0].key if before else "<bol>"),
            "next1": after[0].key if after else "<eol>",
            "next2": after[1].key if len(after) > 1 else "<eol>",
            "clause_end_before": float(prev_char in CLAUSE_ENDS),
            "clause_end_after": float(next_char in CLAUSE_ENDS),
            "clause_end_after_figure": float(end_char in CLAUSE_ENDS or end_char == "\n" or not end_char),
            "newline_before": float(prev_char in ("\n", "")),
            "newline_after": float(next_char in ("\n", "")),
            "dash_after": float(next_char in ("-", "–", ")")),
            "pos_in_line": (n.start - line_start) / line_len,
            "line_chars": math.log1p(line_len),
            "first_line": float(line_start == 0),
            "line_index": float(min(text.count("\n", 0, n.start), 30)),
            "in_quote": float(_quote_depth(text, n.start)),
            "same_value": float(values[round(float(v), 9)]),
            "prev_link": _short(text[prv.number.end:n.start]) if prv else "none",
            "next_link": _short(text[n.end:nxt.number.start]) if nxt else "none",
            "prev_excluded": (prv.excluded or "none") if prv else "nocand",
            "next_excluded": (nxt.excluded or "none") if nxt else "nocand",
            "next_kind": (nxt.kind or "none") if nxt else "nocand",
            "n_cands": math.log1p(len(cands)),
        }
        rows.append(row)
    return rows


CATEGORICAL_VOCAB = ("unit", "prev1", "prev2", "prev12", "next1", "next2", "prev_link", "next_link", "kind_excluded")


class FoldVocabulary:
    """Keep a word-like categorical value only when seen ``min_count`` times in the rows it is
    fitted on (one fold's training rows); others become ``<rare>``. Then one-hot + numeric."""

    def __init__(self, min_count: int = MIN_COUNT):
        self.min_count = min_count

    def fit(self, rows: list[dict], y=None):
        from sklearn.feature_extraction import DictVectorizer

        counts = Counter((k, r[k]) for r in rows for k in CATEGORICAL_VOCAB)
        self.keep_ = {kv for kv, n in counts.items() if n >= self.min_count}
        self.vectorizer_ = DictVectorizer(sparse=False, sort=True)
        self.vectorizer_.fit(self._map(rows))
        return self

    def _map(self, rows: list[dict]) -> list[dict]:
        out = []
        for r in rows:
            r = dict(r)
            for k in CATEGORICAL_VOCAB:
                if (k, r[k]) not in self.keep_:
                    r[k] = "<rare>"
            out.append(r)
        return out

    def transform(self, rows: list[dict]) -> np.ndarray:
        return self.vectorizer_.transform(self._map(rows))

    def fit_transform(self, rows: list[dict], y=None) -> np.ndarray:
        return self.fit(rows).transform(rows)

    def get_params(self, deep=True):
        return {"min_count": self.min_count}

    def set_params(self, **params):
        for k, v in params.items():
            setattr(self, k, v)
        return self


# ---------------------------------------------------------------- models
CONFIGS = {
    # name: (mode, algorithm, class_weight)
    "veto-logreg": ("veto", "logreg", None),
    "veto-logreg-bal": ("veto", "logreg", "balanced"),
    "veto-hgb": ("veto", "hgb", None),
    "veto-hgb-bal": ("veto", "hgb", "balanced"),
    "all-logreg": ("all", "logreg", None),
    "all-logreg-bal": ("all", "logreg", "balanced"),
    "all-hgb": ("all", "hgb", None),
    "all-hgb-bal": ("all", "hgb", "balanced"),
}
LOGREG_PARAMS = {"C": 0.3, "max_iter": 5000}
HGB_PARAMS = {"max_iter": 200, "learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 10,
              "l2_regularization": 1.0, "early_stopping": False}


def make_model(algorithm: str, class_weight):
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if algorithm == "logreg":
        clf = LogisticRegression(**LOGREG_PARAMS, class_weight=class_weight, random_state=SEED)
        return make_pipeline(FoldVocabulary(), StandardScaler(), clf)
    clf = HistGradientBoostingClassifier(**HGB_PARAMS, class_weight=class_weight, random_state=SEED)
    return make_pipeline(FoldVocabulary(), clf)


def rows_of(mode: str, doc: Doc) -> list[int]:
    """The candidates a model of ``mode`` decides on."""
    if mode == "veto":
        return [i for i, c in enumerate(doc.cands) if kept(c)]
    return [i for i, c in enumerate(doc.cands) if c.kind is not None]


def chosen(doc: Doc, mode: str, probs: dict[int, float], threshold: float) -> list[int]:
    """The candidates output as figures when the model decides on its rows (others as the rules say)."""
    return [i for i, c in enumerate(doc.cands)
            if (probs[i] >= threshold if i in probs else (kept(c) and mode == "veto"))]


def predicted_figures(doc: Doc, mode: str, probs: dict[int, float], threshold: float) -> list[dict]:
    return [as_figure(doc.cands[i]) for i in chosen(doc, mode, probs, threshold)]


def rules_figures(doc: Doc) -> list[dict]:
    return [as_figure(c) for c in doc.cands if kept(c)]


def score(docs: list[Doc], figs: dict[str, list[dict]]) -> Counts:
    total = Counts()
    for d in docs:
        total = total + score_figures(figs[d.id], d.gold)
    return total


def article_folds(docs: list[Doc], n: int) -> list[int]:
    """GroupKFold(n) over all candidates grouped by article: the fold of each article."""
    from sklearn.model_selection import GroupKFold

    groups = np.array([k for k, d in enumerate(docs) for _ in range(max(1, len(d.cands)))])
    fold_of = [0] * len(docs)
    for f, (_, test) in enumerate(GroupKFold(n_splits=n).split(groups, groups=groups)):
        for k in set(groups[test].tolist()):
            fold_of[k] = f
    return fold_of


class Data:
    """Feature rows of every article, computed once."""

    def __init__(self, docs: list[Doc]):
        self.docs = docs
        self.rows = {d.id: features(d) for d in docs}

    def xy(self, mode: str, docs: list[Doc]):
        X, y, where = [], [], []
        for d in docs:
            for i in rows_of(mode, d):
                X.append(self.rows[d.id][i])
                y.append(d.labels[i])
                where.append((d.id, i))
        return X, np.array(y), where


def fit_predict(data: Data, mode: str, algorithm: str, class_weight, train: list[Doc], test: list[Doc]):
    """Fit on ``train``, return ``{doc id: {candidate index: probability}}`` for ``test``."""
    X, y, _ = data.xy(mode, train)
    model = make_model(algorithm, class_weight)
    model.fit(X, y)
    Xt, _, where = data.xy(mode, test)
    probs: dict[str, dict[int, float]] = {d.id: {} for d in test}
    if Xt:
        for (doc_id, i), p in zip(where, model.predict_proba(Xt)[:, 1], strict=True):
            probs[doc_id][i] = float(p)
    return probs, model


def best_threshold(docs: list[Doc], mode: str, probs: dict[str, dict[int, float]]) -> tuple[float, float]:
    """The threshold of THRESHOLDS with the best scorer F1 on ``docs`` (ties: nearest 0.5)."""
    best = None
    for t in THRESHOLDS:
        f1 = score(docs, {d.id: predicted_figures(d, mode, probs[d.id], t) for d in docs}).f1
        key = (round(f1, 12), -abs(t - 0.5))
        if best is None or key > best[0]:
            best = (key, t, f1)
    return best[1], best[2]


def choose_threshold(data: Data, mode: str, algorithm: str, class_weight, train: list[Doc]) -> float:
    """Inner GroupKFold(INNER_FOLDS) on the training articles only: out-of-fold probabilities,
    then the threshold with the best F1 on them."""
    inner = article_folds(train, INNER_FOLDS)
    oof: dict[str, dict[int, float]] = {}
    for f in range(INNER_FOLDS):
        tr = [d for d, k in zip(train, inner, strict=True) if k != f]
        te = [d for d, k in zip(train, inner, strict=True) if k == f]
        probs, _ = fit_predict(data, mode, algorithm, class_weight, tr, te)
        oof.update(probs)
    return best_threshold(train, mode, oof)[0]


@dataclass
class Result:
    name: str
    figs: dict[str, list[dict]]  # pooled CV predictions, per article
    probs: dict[str, dict[int, float]]
    thresholds: list[float]
    figs_half: dict[str, list[dict]]  # the same models at threshold 0.5
    chosen: dict[str, list[int]]  # candidate indices output, per article


def cross_validate(data: Data, names=tuple(CONFIGS), verbose: bool = True) -> tuple[list[int], dict[str, Result]]:
    docs = data.docs
    fold_of = article_folds(docs, N_FOLDS)
    results = {}
    for name in names:
        mode, algorithm, cw = CONFIGS[name]
        t0 = time.time()
        figs, figs_half, all_probs, thresholds, picked = {}, {}, {}, [], {}
        for f in range(N_FOLDS):
            train = [d for d, k in zip(docs, fold_of, strict=True) if k != f]
            test = [d for d, k in zip(docs, fold_of, strict=True) if k == f]
            t = choose_threshold(data, mode, algorithm, cw, train)
            probs, _ = fit_predict(data, mode, algorithm, cw, train, test)
            thresholds.append(float(t))
            for d in test:
                all_probs[d.id] = probs[d.id]
                picked[d.id] = chosen(d, mode, probs[d.id], t)
                figs[d.id] = [as_figure(d.cands[i]) for i in picked[d.id]]
                figs_half[d.id] = predicted_figures(d, mode, probs[d.id], 0.5)
        results[name] = Result(name, figs, all_probs, thresholds, figs_half, picked)
        if verbose:
            c = score(docs, figs)
            print(f"  {name:18} F1 {c.f1:.4f}  thresholds {thresholds}  ({time.time() - t0:.0f}s)", file=sys.stderr)
    return fold_of, results


# ---------------------------------------------------------------- reporting
def _row(name: str, c: Counts, base: Counts | None = None, extra: str = "") -> str:
    delta = f"{c.f1 - base.f1:+.4f}" if base is not None else ""
    return f"| {name} | {c.precision:.4f} | {c.recall:.4f} | {c.f1:.4f} | {c.tp} | {c.fp} | {c.fn} | {delta} | {extra} |"


HEADER = "| model | P | R | F1 | tp | fp | fn | ΔF1 vs rules | thresholds |\n|---|---|---|---|---|---|---|---|---|"


def context(doc: Doc, i: int, width: int = 45) -> str:
    c = doc.cands[i]
    n = c.number
    left = doc.text[max(0, n.start - width):n.start].replace("\n", " ⏎ ")
    right = doc.text[n.end:n.end + width].replace("\n", " ⏎ ")
    return f"{left}[[{n.text}]]{right}"


def changes(docs: list[Doc], result: Result) -> dict[str, list[tuple[Doc, int]]]:
    """Candidates whose decision differs from the rules, by kind of change (labels say right/wrong)."""
    out = {"removed, right (was fp)": [], "removed, wrong (was tp)": [],
           "added, right (now tp)": [], "added, wrong (now fp)": []}
    for d in docs:
        now = set(result.chosen[d.id])
        for i, c in enumerate(d.cands):
            if kept(c) and i not in now:
                out["removed, wrong (was tp)" if d.labels[i] else "removed, right (was fp)"].append((d, i))
            elif i in now and not kept(c):
                out["added, right (now tp)" if d.labels[i] else "added, wrong (now fp)"].append((d, i))
    return out


def bootstrap(docs: list[Doc], a: dict, b: dict, n: int = 2000) -> tuple[float, float, float]:
    """Article bootstrap of F1(b) - F1(a): 2.5%, 97.5% quantiles and the share of resamples > 0."""
    rng = np.random.default_rng(SEED)
    ca = np.array([[*(lambda c: (c.tp, c.fp, c.fn))(score_figures(a[d.id], d.gold))] for d in docs])
    cb = np.array([[*(lambda c: (c.tp, c.fp, c.fn))(score_figures(b[d.id], d.gold))] for d in docs])

    def f1(m):
        tp, fp, fn = m[..., 0], m[..., 1], m[..., 2]
        return np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(1, 2 * tp + fp + fn), 0.0)

    idx = rng.integers(0, len(docs), size=(n, len(docs)))
    deltas = f1(cb[idx].sum(axis=1)) - f1(ca[idx].sum(axis=1))
    return float(np.quantile(deltas, 0.025)), float(np.quantile(deltas, 0.975)), float((deltas > 0).mean())


def passes(docs: list[Doc], rules: dict, figs: dict, margin: float = 0.005) -> bool:
    """Beats the rules by ``margin`` F1 overall and is not worse on either source set."""
    if score(docs, figs).f1 - score(docs, rules).f1 < margin:
        return False
    for sources in GROUPS.values():
        sub = [d for d in docs if d.source in sources]
        if sub and score(sub, figs).f1 < score(sub, rules).f1:
            return False
    return True


def report(data: Data, fold_of: list[int], results: dict[str, Result], examples: int = 15) -> tuple[str, str]:
    docs = data.docs
    rules = {d.id: rules_figures(d) for d in docs}
    base = score(docs, rules)
    lines = ["# Figures: a learned decision over the rules' candidates (grouped CV)", ""]
    # data and labels
    n_cands = sum(len(d.cands) for d in docs)
    n_kept = sum(kept(c) for d in docs for c in d.cands)
    n_gold = sum(len(d.gold) for d in docs)
    pos_kept = sum(y for d in docs for c, y in zip(d.cands, d.labels, strict=True) if kept(c))
    pos_excl = sum(y for d in docs for c, y in zip(d.cands, d.labels, strict=True) if not kept(c))
    missing = [gold_without_candidate(d) for d in docs]
    kindless = sum(c.kind is None for d in docs for c in d.cands)
    mismatch = sum(1 for d in docs if [(f["kind"], f["value"]) for f in rules[d.id]]
                   != [(f["kind"], f["value"]) for f in d.record_figures])
    lines += [
        "## Data and labels", "",
        f"- articles: {len(docs)} (" + ", ".join(f"{s} {sum(d.source == s for d in docs)}" for s, _ in DEFAULT_SETS)
        + f"); gold figures: {n_gold}",
        f"- candidates: {n_cands}; kept by the rules: {n_kept}; excluded or without kind: {n_cands - n_kept} "
        f"(without kind: {kindless})",
        f"- positive labels: {pos_kept} of the kept (= the rules' tp), {pos_excl} among the others "
        f"(excluded candidates with a kind that match a gold figure left unmatched)",
        f"- gold figures with no candidate of equal value and kind: {sum(m for m, _ in missing)} "
        f"(of which {sum(v for _, v in missing)} have a candidate of equal value but another kind or no kind)",
        f"- recall ceilings: veto filter {pos_kept / n_gold:.4f} (the rules' recall); "
        f"all-candidates model {(pos_kept + pos_excl) / n_gold:.4f}",
        f"- articles whose recorded figures (art.figures) differ from the kept candidates: {mismatch}",
        f"- folds: GroupKFold({N_FOLDS}) by article, articles per fold "
        + str([fold_of.count(f) for f in range(N_FOLDS)]) + "; thresholds chosen per fold on inner "
        f"GroupKFold({INNER_FOLDS}) out-of-fold probabilities of the training articles",
        "",
        "## Pooled CV, 104 articles", "", HEADER, _row("rules", base)]
    for name, r in results.items():
        c = score(docs, r.figs)
        lines.append(_row(name, c, base, ", ".join(f"{t:.3f}" for t in r.thresholds)))
    passing = [n for n, r in results.items() if passes(docs, rules, r.figs)]
    lines += ["", "Criterion for keeping a model: pooled CV F1 ≥ rules + 0.005 and not below the rules on either "
              "source set (tune, dev-cde). Configurations that pass: " + (", ".join(passing) or "none") + "."]
    lines += ["", "The same fitted models at a fixed threshold 0.5 (for reference, not chosen):", "", HEADER,
              _row("rules", base)]
    for name, r in results.items():
        lines.append(_row(name + " @0.5", score(docs, r.figs_half), base, "0.5"))
    # best
    ranked = sorted(results, key=lambda n: (-score(docs, results[n].figs).f1, list(CONFIGS).index(n)))
    best = ranked[0]
    r = results[best]
    lines += ["", f"## Per source set (best configuration by pooled CV F1: {best})", "", HEADER]
    for label_, sources in (("tune", ("tune",)), ("dev-cde", GROUPS["dev-cde"]), ("dev-c", ("dev-c",)),
                            ("dev-d", ("dev-d",)), ("dev-e", ("dev-e",))):
        sub = [d for d in docs if d.source in sources]
        b = score(sub, rules)
        lines.append(_row(f"{label_} ({len(sub)}) rules", b))
        for name in ranked:
            lines.append(_row(f"{label_} ({len(sub)}) {name}", score(sub, results[name].figs), b))
    lines += ["", "## Per fold (rules vs best)", "", HEADER]
    for f in range(N_FOLDS):
        sub = [d for d, k in zip(docs, fold_of, strict=True) if k == f]
        b = score(sub, rules)
        lines.append(_row(f"fold {f} ({len(sub)}) rules", b))
        lines.append(_row(f"fold {f} {best}", score(sub, r.figs), b, f"{r.thresholds[f]:.3f}"))
    lo, hi, share = bootstrap(docs, rules, r.figs)
    lines += ["", f"Article bootstrap (2000 resamples, seed {SEED}) of ΔF1 {best} − rules: 95% interval "
              f"[{lo:+.4f}, {hi:+.4f}], share of resamples > 0: {share:.3f}.", ""]
    lines += _errors_section(docs, rules, results)
    lines += ["## Changes against the rules (pooled CV predictions)", "",
              "| model | removed, right (was fp) | removed, wrong (was tp) | added, right (now tp) | added, wrong (now fp) "
              "| net tp (labels) | net tp (scorer) | net fp (scorer) |", "|---|---|---|---|---|---|---|---|"]
    all_changes = {name: changes(docs, res) for name, res in results.items()}
    for name, ch in all_changes.items():
        c = score(docs, results[name].figs)
        net = len(ch["added, right (now tp)"]) - len(ch["removed, wrong (was tp)"])
        lines.append(f"| {name} | " + " | ".join(str(len(v)) for v in ch.values())
                     + f" | {net:+d} | {c.tp - base.tp:+d} | {c.fp - base.fp:+d} |")
    lines.append("")
    pooled: dict[str, dict[tuple[str, int], list[str]]] = {k: {} for k in next(iter(all_changes.values()))}
    for name, ch in all_changes.items():
        for k, v in ch.items():
            for d, i in v:
                pooled[k].setdefault((d.id, i), []).append(name)
    by_id = {d.id: d for d in docs}
    lines += [f"Examples, pooled over all configurations: each distinct changed candidate once, with the "
              f"configurations that changed it and their CV probabilities (up to {examples} of each kind, drawn "
              f"with seed {SEED}; [[number]] marks it in its text).", ""]
    rng = np.random.default_rng(SEED)
    for k, found in pooled.items():
        items = sorted(found.items())
        lines += [f"### {k}: {len(items)} distinct candidates", ""]
        if not items:
            lines += ["(none)", ""]
            continue
        pick = sorted(rng.choice(len(items), size=min(examples, len(items)), replace=False).tolist())
        for j in pick:
            (doc_id, i), names = items[j]
            d = by_id[doc_id]
            cand = d.cands[i]
            who = ", ".join(f"{n} p={r_prob(results[n], d, i):.2f}" for n in names)
            lines.append(f"- `{d.id}` value={value_of(cand)} kind={cand.kind} excluded={cand.excluded} [{who}]: "
                         f"{context(d, i)}")
        lines.append("")
    return "\n".join(lines), best


def _errors_section(docs: list[Doc], rules: dict, results: dict[str, Result]) -> list[str]:
    """The rules' false positives (with each model's CV probability), their missed gold figures,
    and how well each model's CV probabilities rank the rules' figures (ROC AUC, tp vs fp)."""
    from sklearn.metrics import roc_auc_score

    names = list(results)
    lines = ["## What there is to gain: the rules' errors", "",
             "ROC AUC of the pooled CV probabilities over the rules' figures (tp vs fp): "
             + ", ".join(f"{n} {roc_auc_score(*_kept_scores(docs, results[n])):.3f}" for n in names) + ".", "",
             "False positives of the rules (CV probability of each model, in the order "
             + ", ".join(names) + "):", ""]
    for d in docs:
        for i, c in enumerate(d.cands):
            if kept(c) and not d.labels[i]:
                probs = " ".join(f"{r_prob(results[n], d, i):.2f}" for n in names)
                lines.append(f"- `{d.id}` value={value_of(c)} kind={c.kind} p=[{probs}]: {context(d, i)}")
    lines += ["", "Gold figures the rules miss (fn): whether a candidate carries the value", ""]
    for d in docs:
        matched = {g for i, g in enumerate(d.matched_gold) if g is not None and kept(d.cands[i])}
        for gi, g in enumerate(d.gold):
            if gi in matched:
                continue
            values = [g["value"], *(g.get("alt_values") or [])]
            same = [i for i, c in enumerate(d.cands)
                    if any(_same_value(float(value_of(c)), float(v)) for v in values)]
            how = "; ".join(f"candidate «{d.cands[i].number.text}» kind={d.cands[i].kind} excluded={d.cands[i].excluded} "
                            f"({_whose(d.matched_gold[i], gi)})" for i in same) or "no candidate of that value"
            lines.append(f"- `{d.id}` gold «{g['text']}» value={g['value']} kind={g['kind']}: {how}")
    lines.append("")
    return lines


def _whose(matched: int | None, gi: int) -> str:
    if matched is None:
        return "unmatched"
    return "matches this gold figure" if matched == gi else "matches another gold figure"


def _kept_scores(docs: list[Doc], result: Result) -> tuple[list[int], list[float]]:
    y, p = [], []
    for d in docs:
        for i, c in enumerate(d.cands):
            if kept(c):
                y.append(d.labels[i])
                p.append(result.probs[d.id][i])
    return y, p


def r_prob(result: Result, doc: Doc, i: int) -> float:
    return result.probs[doc.id].get(i, float("nan"))


# ---------------------------------------------------------------- final model
def check_out_dir(out: Path) -> Path:
    """Refuse a model directory inside the repository's models/ (this experiment writes under /tmp)."""
    out = Path(out).resolve()
    models = (REPO / "models").resolve()
    if out == models or models in out.parents:
        raise SystemExit(f"refused: {out} is inside the repository's models/; write under /tmp/figure_filter/")
    return out


def train_final(data: Data, name: str, out: Path, cv: dict) -> None:
    """Fit ``name`` on every article, its threshold from GroupKFold(N_FOLDS) out-of-fold
    probabilities; write model.joblib and recipe.json to ``out``."""
    import joblib
    import sklearn

    out = check_out_dir(out)
    mode, algorithm, cw = CONFIGS[name]
    threshold = choose_threshold(data, mode, algorithm, cw, data.docs)
    X, y, _ = data.xy(mode, data.docs)
    model = make_model(algorithm, cw)
    model.fit(X, y)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": model, "threshold": threshold, "mode": mode, "config": name}, out / "model.joblib")
    recipe = {
        "what": "learned decision over pipeline.extract.figures.figure_candidates (pipeline/train/figure_filter.py)",
        "config": name, "mode": mode, "algorithm": algorithm, "class_weight": cw,
        "params": LOGREG_PARAMS if algorithm == "logreg" else HGB_PARAMS,
        "threshold": threshold, "threshold_grid": list(THRESHOLDS), "seed": SEED,
        "features": sorted(data.rows[data.docs[0].id][0]) if data.docs[0].cands else [],
        "vocabulary_min_count": MIN_COUNT, "vocabulary_features": list(CATEGORICAL_VOCAB),
        "rows": int(len(y)), "positives": int(y.sum()),
        "data_sets": {s: [str(p) for p in dirs] for s, dirs in DEFAULT_SETS},
        "articles": len(data.docs),
        "passes_criterion": cv[name]["passes"],
        "criterion": "pooled CV F1 >= rules + 0.005 and not below the rules on tune or dev-cde",
        "cv": cv, "sklearn": sklearn.__version__, "numpy": np.__version__,
        "usage": "bundle = joblib.load('model.joblib'); rows = features(doc) for the candidates of rows_of(mode, doc); "
                 "keep where bundle['model'].predict_proba(rows)[:, 1] >= bundle['threshold']",
    }
    (out / "recipe.json").write_text(json.dumps(recipe, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {out / 'model.joblib'} and {out / 'recipe.json'} (threshold {threshold})", file=sys.stderr)


def write_predictions(data: Data, results: dict[str, Result], best: str, out: Path) -> None:
    """records.jsonl per source set with the rules' figures and with the best model's CV figures."""
    out.mkdir(parents=True, exist_ok=True)
    for source, _ in DEFAULT_SETS:
        docs = [d for d in data.docs if d.source == source]
        for tag, figs in (("rules", {d.id: rules_figures(d) for d in docs}), (best, results[best].figs)):
            with (out / f"{source}.{tag}.jsonl").open("w", encoding="utf-8") as fh:
                for d in docs:
                    fh.write(json.dumps({"id": d.id, "text": d.text, "figures": figs[d.id]}, ensure_ascii=False) + "\n")
    print(f"wrote records to {out}", file=sys.stderr)


def cv_summary(data: Data, results: dict[str, Result]) -> dict:
    docs = data.docs
    rules = {d.id: rules_figures(d) for d in docs}
    summary = {"rules": score(docs, rules).as_dict()}
    for name, r in results.items():
        summary[name] = {**score(docs, r.figs).as_dict(), "thresholds": r.thresholds,
                         "per_set": {g: score([d for d in docs if d.source in s], r.figs).as_dict()
                                     for g, s in GROUPS.items()},
                         "passes": passes(docs, rules, r.figs)}
    summary["rules_per_set"] = {g: score([d for d in docs if d.source in s], rules).as_dict() for g, s in GROUPS.items()}
    return summary


def test_on_unseen(train_docs: list[Doc], test_dir: Path, names) -> str:
    """Each configuration trained on every article of ``train_docs`` (its threshold from their
    inner CV) and applied to the gold articles of ``test_dir``, which no rule or model has seen,
    against the rules alone on the same articles."""
    test_docs = load_docs((("unseen", (Path(test_dir),)),))
    data = Data(train_docs + test_docs)
    base = score(test_docs, {d.id: rules_figures(d) for d in test_docs})
    lines = [f"## Trained on {len(train_docs)} articles, applied to {len(test_docs)} unseen ones ({test_dir})", "",
             HEADER, _row("rules", base)]
    for name in names:
        mode, algorithm, cw = CONFIGS[name]
        threshold = choose_threshold(data, mode, algorithm, cw, train_docs)
        probs, _ = fit_predict(data, mode, algorithm, cw, train_docs, test_docs)
        figs = {d.id: predicted_figures(d, mode, probs[d.id], threshold) for d in test_docs}
        lines.append(_row(name, score(test_docs, figs), base, str(threshold)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", type=Path, help="write the markdown report here")
    parser.add_argument("--out", type=Path, help="train the best configuration on all articles and save it here")
    parser.add_argument("--pred-dir", type=Path, help="write records.jsonl per source set (rules and best CV)")
    parser.add_argument("--configs", nargs="*", default=list(CONFIGS), choices=list(CONFIGS))
    parser.add_argument("--unseen", type=Path,
                        help="train on all articles and score on this gold directory instead of the CV table")
    args = parser.parse_args(argv)
    if args.out:
        check_out_dir(args.out)
    np.random.seed(SEED)
    docs = load_docs()
    if args.unseen:
        print(test_on_unseen(docs, args.unseen, args.configs))
        return
    data = Data(docs)
    fold_of, results = cross_validate(data, args.configs)
    text, best = report(data, fold_of, results)
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    if args.pred_dir:
        write_predictions(data, results, best, args.pred_dir)
    if args.out:
        train_final(data, best, args.out, cv_summary(data, results))


if __name__ == "__main__":
    # run the imported module, not __main__, so the pickled FoldVocabulary is found by joblib.load
    from pipeline.train.figure_filter import main as _main

    _main()
