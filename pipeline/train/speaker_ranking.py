"""Training set, training and measurement of the speaker ranker (pipeline/extract/speaker_ranker.py).

The labels are written by hand (corpus/speaker-ranker/train.jsonl, how: NOTES.md there): one
row per ambiguous decision of a news-raw article — article id, character offsets of the quote
in the normalized body, the mention as written and the right speaker. This module re-runs the
pipeline on those articles, regenerates each decision's candidates and features, marks the
right candidate, and

- ``cv``: compares rules and ranker on the same decisions by 5-fold cross-validation grouped
  by article (an article's decisions never sit in train and test at once);
- ``train``: fits the model on every labelled decision and writes models/speaker-ranker/;
- ``dump``: prints the ambiguous decisions of news-raw articles for labelling.

    .venv/bin/python -m pipeline.train.speaker_ranking dump --every 10 --all --limit 100000 --pick 215
    .venv/bin/python -m pipeline.train.speaker_ranking cv
    .venv/bin/python -m pipeline.train.speaker_ranking train

Gold and held-out articles (corpus/gold, corpus/heldout) are never read here: their news-raw
ids are excluded (:func:`excluded_ids`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.persons import extends_name, name_suffix_matches, overlapping_names
from ..extract.speaker_ranker import FEATURES, MODEL_DIR, SpeakerCandidate
from ..text import key

ROOT = Path(__file__).resolve().parents[2]
NEWS_RAW = ROOT.parent / "shared" / "corpora" / "news-raw"
LABELS = ROOT / "corpus" / "speaker-ranker" / "train.jsonl"
SEED = 0
FOLDS = 5


def excluded_ids(root: Path = ROOT) -> set[str]:
    """news-raw ids of the articles in corpus/gold and corpus/heldout (never used here).

    >>> sorted(i for i in excluded_ids() if i.startswith("fars-1"))[:1]
    ['fars-1-045']
    """
    ids: set[str] = set()
    for folder in ("gold", "heldout"):
        for path in (root / "corpus" / folder).glob("*.txt"):
            name = path.stem.removeprefix("heldout-")
            m = re.fullmatch(r"farsnews-f(\d)-(\d+)|fars-(\d)-(\d+)", name)
            if m:
                ids.add(f"fars-{m.group(1) or m.group(3)}-{m.group(2) or m.group(4)}")
            m = re.search(r"HAM2-\d+-\d+", name)
            if m:
                ids.add(f"hamshahri-{m.group(0)}")
    return ids


def _gold_openings(root: Path = ROOT) -> set[str]:
    """Keys of the first 60 letters of every gold and held-out article (a second check by text)."""
    out = set()
    for folder in ("gold", "heldout"):
        for path in (root / "corpus" / folder).glob("*.txt"):
            out.add(key(path.read_text(encoding="utf-8"))[:60])
    return out


def news_raw(ids: set[str] | None = None, limit: int | None = None, every: int = 1) -> Iterator[dict]:
    """news-raw rows (both files, Fars first), gold and held-out articles left out."""
    skip, openings = excluded_ids(), _gold_openings()
    n = 0
    for name in ("farsnews.jsonl.gz", "hamshahri.jsonl.gz"):
        with gzip.open(NEWS_RAW / name, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                row = json.loads(line)
                if row["id"] in skip or key(row["text"])[:60] in openings:
                    continue
                if ids is not None and row["id"] not in ids:
                    continue
                if ids is None and i % every:
                    continue
                yield row
                n += 1
                if limit is not None and n >= limit:
                    return


@dataclass(slots=True)
class Example:
    """One decision of an article, with what the rules chose and (once labelled) the answer."""

    article: str
    quote_start: int
    quote_end: int
    kind: str
    mention: str | None
    candidates: list[SpeakerCandidate]
    rule_speaker: str | None
    rule_named: bool = False
    context: str = ""
    quote: str = ""
    speaker: str | None = None  # the label
    speaker_kind: str | None = None  # name | title | org | none
    correct: list[bool] = field(default_factory=list)


def article_decisions(pipeline, row: dict) -> list[Example]:
    """Every ambiguous decision of one article: the pipeline's own quote finder and resolver,
    with the resolver recording (the same steps as ``quotes.find_quotes``)."""
    from ..core import RawArticle
    from ..extract.quotes import resolve_speakers
    from ..records import Article

    prepared = pipeline.prepare(RawArticle(row["id"], row["text"]))
    if isinstance(prepared, Article):  # a failed record: nothing to analyze
        return []
    doc = pipeline.nlp(prepared.tracked.text)
    found, _, resolver = resolve_speakers(doc, ranker=None, record=True)
    examples = []
    for d in resolver.decisions:
        q = found[d.quote]
        span = doc[q.start : q.end]
        ctx_start = max(0, (doc[d.mention.start].idx if d.mention else span.start_char) - 260)
        examples.append(Example(
            row["id"], span.start_char, span.end_char, d.kind, d.mention.text if d.mention else None,
            d.candidates, d.person.speaker if d.person else None, bool(d.person and d.person.name),
            context=doc.text[ctx_start : span.start_char], quote=span.text[:90]))
    return examples


def same_speaker(pred: str | None, gold: str | None) -> bool:
    """One speaker written two ways: equal keys, or one name the fuller form of the other.

    >>> same_speaker("وارثی", "علیرضا وارثی"), same_speaker(None, ""), same_speaker("وی", "علیرضا وارثی")
    (True, True, False)
    """
    if not pred or not gold:
        return not pred and not gold
    if key(pred) == key(gold):
        return True
    return bool(name_suffix_matches(gold, pred) or name_suffix_matches(pred, gold)
                or extends_name(gold, pred) or extends_name(pred, gold) or overlapping_names(pred, gold))


def candidate_speaker(c: SpeakerCandidate) -> str | None:
    """What the candidate would write as speaker at the end of the article."""
    if c.person is not None:
        return c.person.speaker
    return c.speaker


def mark(example: Example, label: dict) -> None:
    """Set the label and which candidates are right: a person or body by :func:`same_speaker`
    (every reading of the right person counts); ``new`` when a bare title names a person the
    article never names, when nobody speaks, or when a surname is nobody else's; a title
    speaker of a pronoun is the unnamed person who spoke under that title."""
    from ..extract.persons import titles_match

    example.speaker, example.speaker_kind = label["speaker"], label["speaker_kind"]
    correct = []
    for c in example.candidates:
        if c.kind == "new":
            ok = (example.speaker_kind == "none" and example.kind != "title") or (
                example.speaker_kind == "title" and example.kind == "title") or (
                example.kind == "surname" and same_speaker(example.mention, example.speaker))
        elif example.speaker_kind == "title":
            ok = c.person is not None and not c.person.name and any(
                titles_match(t, example.speaker) for t in c.person.titles)
        else:
            ok = example.speaker_kind in {"name", "org"} and same_speaker(candidate_speaker(c), example.speaker)
        correct.append(ok)
    example.correct = correct


def rules_right(example: Example) -> bool:
    """Did the rules pick the labelled speaker? (a title speaker: a person the rules left unnamed)"""
    if example.speaker_kind == "none":
        return not example.rule_speaker
    if example.speaker_kind == "title":
        return bool(example.rule_speaker) and not example.rule_named
    return same_speaker(example.rule_speaker, example.speaker)


def load_labels(path: Path = LABELS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def labelled_examples(path: Path = LABELS, pipeline=None) -> tuple[list[Example], int]:
    """The labelled decisions rebuilt from news-raw; also how many labels found no decision."""
    from ..core import load

    labels = load_labels(path)
    by_quote = {(lab["id"], lab["quote_start"]): lab for lab in labels}
    pipeline = pipeline or load()
    examples = []
    for row in news_raw(ids={lab["id"] for lab in labels}):
        for ex in article_decisions(pipeline, row):
            lab = by_quote.get((ex.article, ex.quote_start))
            if lab is not None:
                mark(ex, lab)
                examples.append(ex)
    return examples, len(labels) - len(examples)


def make_model(name: str = "logreg"):
    """The classifier: ``logreg`` (scaled logistic regression) or ``gbt`` (small boosted trees)."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if name == "gbt":
        return GradientBoostingClassifier(n_estimators=150, max_depth=3, learning_rate=0.05,
                                          subsample=0.8, random_state=SEED)
    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced",
                                                              random_state=SEED))


def rows(examples: list[Example]) -> tuple[list[list[float]], list[int]]:
    X, y = [], []
    for ex in examples:
        if not any(ex.correct):
            continue  # the right speaker is no candidate: nothing to learn
        for c, ok in zip(ex.candidates, ex.correct, strict=True):
            X.append(c.vector())
            y.append(int(ok))
    return X, y


def ranker_right(model, ex: Example) -> bool:
    scores = model.predict_proba([c.vector() for c in ex.candidates])[:, 1]
    best = max(range(len(scores)), key=lambda i: scores[i])
    return ex.correct[best]


def cross_validate(examples: list[Example], model_name: str = "logreg", folds: int = FOLDS) -> dict:
    """Rules vs ranker on the same decisions, 5-fold grouped by article (fixed seed)."""
    from sklearn.model_selection import GroupKFold

    groups = [ex.article for ex in examples]
    per_kind: dict[str, list[int]] = {}
    rules = ranker = only_rules = only_ranker = 0
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(examples, groups=groups):
        X, y = rows([examples[i] for i in train_idx])
        model = make_model(model_name).fit(X, y)
        for i in test_idx:
            ex = examples[i]
            r, m = rules_right(ex), ranker_right(model, ex)
            rules += r
            ranker += m
            only_rules += r and not m
            only_ranker += m and not r
            counts = per_kind.setdefault(ex.kind, [0, 0, 0])
            counts[0] += 1
            counts[1] += r
            counts[2] += m
    n = len(examples)
    return {"model": model_name, "decisions": n, "articles": len(set(groups)),
            "rules": rules, "ranker": ranker, "rules_acc": rules / n, "ranker_acc": ranker / n,
            "only_rules_right": only_rules, "only_ranker_right": only_ranker,
            "oracle": sum(any(ex.correct) for ex in examples),
            "per_kind": {k: {"n": v[0], "rules": v[1], "ranker": v[2]} for k, v in sorted(per_kind.items())}}


def train(examples: list[Example], model_name: str = "logreg", out: Path = MODEL_DIR) -> Path:
    """Fit on every labelled decision; write model.joblib and recipe.json."""
    import joblib
    import sklearn

    X, y = rows(examples)
    model = make_model(model_name).fit(X, y)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "model.joblib")
    recipe = {
        "model": model_name, "params": make_model(model_name).get_params(deep=False) if model_name == "gbt" else
        {"scaler": "StandardScaler", "C": 1.0, "class_weight": "balanced", "max_iter": 2000},
        "seed": SEED, "features": list(FEATURES), "labels": str(LABELS.relative_to(ROOT)),
        "decisions": len(examples), "candidate_rows": len(y), "positive_rows": sum(y),
        "sklearn": sklearn.__version__,
        "reproduce": f".venv/bin/python -m pipeline.train.speaker_ranking train --model {model_name}",
    }
    if model_name == "logreg":  # the weights as data too (readable without unpickling)
        scaler, logreg = model[0], model[-1]
        recipe["weights"] = {
            "intercept": float(logreg.intercept_[0]),
            "coef": dict(zip(FEATURES, (round(float(w), 6) for w in logreg.coef_[0]), strict=True)),
            "mean": dict(zip(FEATURES, (round(float(m), 6) for m in scaler.mean_), strict=True)),
            "scale": dict(zip(FEATURES, (round(float(v), 6) for v in scaler.scale_), strict=True)),
        }
    (out / "recipe.json").write_text(json.dumps(recipe, ensure_ascii=False, indent=1, default=str) + "\n",
                                     encoding="utf-8")
    return out


def dump(limit: int, every: int, skip_trivial: bool, pick: int = 0, seed: int = 6, max_per_article: int = 8) -> None:
    """Print the decisions of news-raw articles for labelling (stdout).

    ``pick``: instead of every article, shuffle the articles (``seed``) and keep whole articles
    with at most ``max_per_article`` decisions, not all of them pronouns, until ``pick``
    decisions are reached (how train.jsonl's 216 decisions were chosen: ``--every 10 --all
    --pick 215``)."""
    import random

    from ..core import load

    pipeline = load()
    by_article: dict[str, list[Example]] = {}
    for row in news_raw(limit=limit, every=every):
        found = [ex for ex in article_decisions(pipeline, row) if not (skip_trivial and ex.kind == "none")]
        if found:
            by_article[row["id"]] = found
    ids = sorted(by_article)
    if pick:
        random.seed(seed)
        random.shuffle(ids)
        chosen, n = [], 0
        for aid in ids:
            found = by_article[aid]
            if len(found) > max_per_article or {ex.kind for ex in found} <= {"pronoun"}:
                continue
            chosen.append(aid)
            n += len(found)
            if n >= pick:
                break
        ids = chosen
    for aid in ids:
        for ex in by_article[aid]:
            cands = " | ".join(f"[{j}] {c.kind[0]}:{candidate_speaker(c) or '-'}"
                               for j, c in enumerate(ex.candidates))
            print(f"### {ex.article} {ex.quote_start} {ex.kind} m={ex.mention or '-'} R={ex.rule_speaker or '-'}")
            print("  C:", ex.context.replace("\n", " / ")[-200:], "<<Q>>", ex.quote.replace("\n", " / ")[:50])
            print("  ", cands)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--limit", type=int, default=300)
    d.add_argument("--every", type=int, default=1)
    d.add_argument("--all", action="store_true", help="also decisions with no subject")
    d.add_argument("--pick", type=int, default=0, help="choose whole articles up to this many decisions")
    c = sub.add_parser("cv")
    c.add_argument("--model", default="all")
    t = sub.add_parser("train")
    t.add_argument("--model", default="logreg")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.limit, args.every, not args.all, args.pick)
        return
    examples, missing = labelled_examples()
    print(f"labelled decisions rebuilt: {len(examples)} (labels without a decision: {missing})")
    if args.command == "cv":
        for name in (["logreg", "gbt"] if args.model == "all" else [args.model]):
            print(json.dumps(cross_validate(examples, name), ensure_ascii=False))
    else:
        print(f"model written to {train(examples, args.model)}")


if __name__ == "__main__":
    main()
