"""Training set, training and measurement of the speaker ranker (pipeline/extract/speaker_ranker.py).

Two label sources (``--source``):

- ``news-raw`` (the default): labels written by hand (corpus/speaker-ranker/train.jsonl, how:
  NOTES.md there), one row per ambiguous decision of a news-raw article — article id,
  character offsets of the quote in the normalized body, the mention as written and the right
  speaker;
- ``gold``: the gold quotes of annotated articles, the tune set corpus/gold + corpus/dev-b
  (``--gold-dir`` for others). Each recorded decision's quote is matched to a gold quote as
  the evaluator matches them (Dice >= 0.5, one-to-one, :func:`gold_examples`); the candidates
  that are the gold speaker are the right ones. A decision whose quote matches no gold quote,
  or whose right speaker no candidate offers, is counted but cannot train;
- ``both``: the two together (an article in both would sit in one cross-validation group).

This module re-runs the pipeline on those articles, regenerates each decision's candidates and
features, marks the right candidate, and

- ``cv``: compares rules and ranker on the same decisions by 5-fold cross-validation grouped
  by article (an article's decisions never sit in train and test at once): right decisions
  per kind, McNemar's exact p, and for gold decisions the attribution as the evaluator counts
  it (speaker keys equal) with the rules' and the ranker's choice;
- ``train``: fits the model on every labelled decision and writes models/speaker-ranker/
  (``--out`` elsewhere);
- ``dump``: prints the ambiguous decisions of news-raw articles for labelling.

    .venv/bin/python -m pipeline.train.speaker_ranking dump --every 10 --all --limit 100000 --pick 215
    .venv/bin/python -m pipeline.train.speaker_ranking cv
    .venv/bin/python -m pipeline.train.speaker_ranking cv --source gold
    .venv/bin/python -m pipeline.train.speaker_ranking cv --source both --model logreg
    .venv/bin/python -m pipeline.train.speaker_ranking train
    .venv/bin/python -m pipeline.train.speaker_ranking train --source both --out /tmp/ranker/model

Held-out articles (corpus/heldout, corpus/heldout-b) are never labels: a gold directory or
file under a ``heldout*`` folder is refused unless ``--final`` is given
(:func:`check_not_held_out`), and the news-raw ids of corpus/gold and corpus/heldout are
excluded from news-raw (:func:`excluded_ids`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.persons import one_persons_names
from ..extract.speaker_ranker import FEATURES, MODEL_DIR, SpeakerCandidate
from ..paths import REPO
from ..text import key
from .news_raw import NEWS_RAW, gold_openings, news_raw_id
from .news_raw import excluded_ids as annotated_ids

ROOT = REPO
EXCLUDED = ("gold", "heldout")  # the news-raw articles annotated when the labels were written
LABELS = ROOT / "corpus" / "speaker-ranker" / "train.jsonl"
TUNE_DIRS = (ROOT / "corpus" / "gold", ROOT / "corpus" / "dev-b")  # the gold articles tuned on
SOURCES = ("news-raw", "gold", "both")
MODELS = ("logreg", "hgb", "gbt")
GOLD = "gold"  # Example.speaker_kind of a decision labelled by a gold quote
SEED = 0
FOLDS = 5


class HeldOutError(ValueError):
    """A held-out article was about to be read without ``--final``."""


def is_held_out(path: Path) -> bool:
    """Is ``path`` (or the file a link points to) a held-out article or folder?

    >>> is_held_out(ROOT / "corpus" / "heldout-b"), is_held_out(ROOT / "corpus" / "dev-b" / "x.txt")
    (True, False)
    """
    return any(part.startswith("heldout") for p in (path, path.resolve()) for part in p.parts)


def check_not_held_out(path: Path, final: bool = False) -> None:
    """Refuse a held-out directory or file unless this is the final measurement (``--final``)."""
    if not final and is_held_out(path):
        raise HeldOutError(f"{path} is held out: it is read only with --final")


def excluded_ids(root: Path = ROOT) -> set[str]:
    """news-raw ids of the articles in corpus/gold and corpus/heldout (never used here).

    >>> sorted(i for i in excluded_ids() if i.startswith("fars-1"))[:1]
    ['fars-1-045']
    """
    return annotated_ids(EXCLUDED, root)


def news_raw(ids: set[str] | None = None, limit: int | None = None, every: int = 1) -> Iterator[dict]:
    """news-raw rows (both files, Fars first), gold and held-out articles left out."""
    skip, openings = excluded_ids(), gold_openings(EXCLUDED)
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
    speaker_kind: str | None = None  # name | title | org | none (hand labels) | gold
    correct: list[bool] = field(default_factory=list)
    quote_index: int | None = None  # the quote's index in text order (= in the record's quotes)
    gold_kind: str | None = None  # direct | indirect: the matched gold quote's kind
    fullest: str | None = None  # a surname decision: the fullest name the article gives the surname

    @property
    def labelled(self) -> bool:
        """Has the decision a label (a gold decision: its quote matched a gold quote)?"""
        return self.speaker_kind is not None

    @property
    def group(self) -> str:
        """The cross-validation group: the article, by its news-raw id when it has one (so a
        gold article and its news-raw copy are one group)."""
        return news_raw_id(self.article) or self.article


def article_decisions(pipeline, row: dict) -> list[Example]:
    """Every ambiguous decision of one article: the pipeline's own quote finder and resolver,
    with the resolver recording (the same steps as ``quotes.find_quotes``)."""
    from ..core import RawArticle
    from ..records import Article

    prepared = pipeline.prepare(RawArticle(row["id"], row["text"]))
    if isinstance(prepared, Article):  # a failed record: nothing to analyze
        return []
    return doc_decisions(row["id"], pipeline.nlp(prepared.tracked.text))[0]


def doc_decisions(article: str, doc) -> tuple[list[Example], list[str]]:
    """The ambiguous decisions of an analyzed Doc, and the text of every quote the pipeline
    finds in it, in text order (the record's quotes)."""
    from ..extract.quotes import resolve_speakers

    found, _, resolver = resolve_speakers(doc, ranker=None, record=True)
    examples = []
    for d in resolver.decisions:
        q = found[d.quote]
        span = doc[q.start : q.end]
        ctx_start = max(0, (doc[d.mention.start].idx if d.mention else span.start_char) - 260)
        examples.append(Example(
            article, span.start_char, span.end_char, d.kind, d.mention.text if d.mention else None,
            d.candidates, d.person.speaker if d.person else None, bool(d.person and d.person.name),
            context=doc.text[ctx_start : span.start_char], quote=span.text[:90], quote_index=d.quote,
            fullest=resolver.people.fullest(d.mention.name or d.mention.text)
            if d.kind == "surname" and d.mention else None))
    return examples, [doc[q.start : q.end].text for q in found]


def same_speaker(pred: str | None, gold: str | None) -> bool:
    """One speaker written two ways: equal keys, or one name the fuller form of the other.

    >>> same_speaker("وارثی", "علیرضا وارثی"), same_speaker(None, ""), same_speaker("وی", "علیرضا وارثی")
    (True, True, False)
    """
    if not pred or not gold:
        return not pred and not gold
    return key(pred) == key(gold) or one_persons_names(pred, gold)


def candidate_speaker(c: SpeakerCandidate) -> str | None:
    """What the candidate would write as speaker at the end of the article."""
    if c.person is not None:
        return c.person.speaker
    return c.speaker


def chosen_speaker(example: Example, c: SpeakerCandidate) -> str | None:
    """The speaker written when ``c`` wins: :func:`candidate_speaker`; for ``new`` at a
    surname, what the resolver makes of the surname (``Resolver._person_named``): the person
    who spoke before under a name it fits, else the fullest name the article gives it."""
    speaker = candidate_speaker(c)
    if speaker is not None or c.kind != "new" or example.kind != "surname":
        return speaker
    full = example.fullest or example.mention or ""
    for p in (c.person for c in example.candidates if c.person is not None):
        if p.name and not p.is_org and one_persons_names(p.name, full):
            return p.speaker
    return full or None


def mark_gold(example: Example, speaker: str) -> None:
    """Label a decision with the speaker of the gold quote its quote matched: the right
    candidates are those whose speaker is that person (:func:`same_speaker`; ``new`` is right
    for a bare title the gold gives as speaker, and for a surname nobody else has)."""
    example.speaker, example.speaker_kind = speaker, GOLD
    example.correct = [same_speaker(chosen_speaker(example, c), speaker) for c in example.candidates]


def attributed(speaker: str | None, example: Example) -> bool:
    """Would the evaluator count this speaker right (keys equal, FORMAT.md)? Gold decisions only."""
    return example.speaker_kind == GOLD and key(speaker or "") == key(example.speaker or "")


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
    if example.speaker_kind == GOLD:
        return same_speaker(example.rule_speaker, example.speaker)
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


@dataclass(slots=True)
class GoldCounts:
    """What became of the decisions of the gold articles."""

    articles: int = 0
    gold_quotes: int = 0
    predicted_quotes: int = 0
    decisions: int = 0
    matched: int = 0  # the decision's quote matched a gold quote
    answerable: int = 0  # ... and a candidate is the gold speaker: a training decision

    def line(self) -> str:
        return (f"gold: {self.articles} articles, {self.gold_quotes} gold quotes, {self.predicted_quotes} "
                f"predicted; {self.decisions} decisions, {self.matched} matched to a gold quote, "
                f"{self.answerable} of them with the gold speaker among the candidates")


def gold_files(dirs: list[Path], final: bool = False) -> list[tuple[Path, dict]]:
    """``(NAME.txt, gold)`` of every ``NAME.gold.json`` in ``dirs``; held-out ones refused
    unless ``final`` (checked before a file is opened)."""
    out = []
    for folder in dirs:
        check_not_held_out(folder, final)
        for path in sorted(folder.glob("*.gold.json")):
            text = path.with_name(path.name.removesuffix(".gold.json") + ".txt")
            check_not_held_out(path, final)
            check_not_held_out(text, final)
            out.append((text, json.loads(path.read_text(encoding="utf-8"))))
    return out


def gold_examples(dirs: list[Path] | None = None, pipeline=None, final: bool = False) -> tuple[list[Example], GoldCounts]:
    """Every decision of the gold articles, labelled by the gold quote its quote matches.

    The pipeline runs as ``khabar evaluate`` runs it (the article read from NAME.txt, the
    shipped NER model, the rules deciding); its quotes are matched one-to-one to the gold
    quotes with the evaluator's own :func:`~pipeline.evaluate.gold.match_quotes`."""
    from ..core import load
    from ..evaluate.gold import match_quotes
    from ..readers import ReadOptions, read_txt
    from ..records import Article

    pipeline = pipeline or load()
    counts = GoldCounts()
    examples: list[Example] = []
    for text_path, gold in gold_files(list(dirs or TUNE_DIRS), final):
        raw = read_txt(text_path, ReadOptions())
        prepared = pipeline.prepare(raw)
        gold_quotes = gold.get("quotes") or []
        counts.articles += 1
        counts.gold_quotes += len(gold_quotes)
        if isinstance(prepared, Article):
            continue
        found, quotes = doc_decisions(gold.get("id") or raw.id, next(pipeline.analyze([prepared.tracked.text])))
        counts.predicted_quotes += len(quotes)
        to_gold = dict(match_quotes([{"text": t} for t in quotes], gold_quotes))
        for ex in found:
            counts.decisions += 1
            ex.correct = [False] * len(ex.candidates)
            j = to_gold.get(ex.quote_index)
            if j is not None and gold_quotes[j].get("speaker"):
                mark_gold(ex, gold_quotes[j]["speaker"])
                ex.gold_kind = gold_quotes[j].get("kind")
                counts.matched += 1
                counts.answerable += any(ex.correct)
            examples.append(ex)
    return examples, counts


def load_examples(source: str = "news-raw", gold_dirs: list[Path] | None = None,
                  final: bool = False) -> list[Example]:
    """The decisions of one label source (:data:`SOURCES`), with what became of them printed;
    gold decisions that matched no gold quote are left out (they have no label)."""
    from ..core import load

    pipeline = load()
    examples: list[Example] = []
    if source in {"news-raw", "both"}:
        labelled, missing = labelled_examples(pipeline=pipeline)
        print(f"news-raw: labelled decisions rebuilt: {len(labelled)} (labels without a decision: {missing})")
        examples += labelled
    if source in {"gold", "both"}:
        found, counts = gold_examples(gold_dirs, pipeline, final)
        print(counts.line())
        shared = {ex.group for ex in examples} & {ex.group for ex in found}
        if shared:
            print(f"articles in both sources (one group each): {len(shared)}")
        examples += [ex for ex in found if ex.labelled]
    return examples


def make_model(name: str = "logreg"):
    """The classifier: ``logreg`` (scaled logistic regression), ``hgb`` (histogram gradient
    boosting) or ``gbt`` (small boosted trees)."""
    from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if name == "gbt":
        return GradientBoostingClassifier(n_estimators=150, max_depth=3, learning_rate=0.05,
                                          subsample=0.8, random_state=SEED)
    if name == "hgb":
        return HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_depth=3,
                                              min_samples_leaf=10, random_state=SEED)
    if name != "logreg":
        raise ValueError(f"unknown model: {name} (one of {', '.join(MODELS)})")
    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced",
                                                              random_state=SEED))


def rows(examples: list[Example]) -> tuple[list[list[float]], list[int]]:
    """One row per candidate of every decision that can train (one of its candidates is right)."""
    X, y = [], []
    for ex in examples:
        if not any(ex.correct):
            continue  # the right speaker is no candidate: nothing to learn
        for c, ok in zip(ex.candidates, ex.correct, strict=True):
            X.append(c.vector())
            y.append(int(ok))
    return X, y


def ranker_choice(model, ex: Example) -> int:
    """Index of the candidate the model scores highest."""
    scores = model.predict_proba([c.vector() for c in ex.candidates])[:, 1]
    return max(range(len(scores)), key=lambda i: scores[i])


def ranker_right(model, ex: Example) -> bool:
    return ex.correct[ranker_choice(model, ex)]


def mcnemar_exact(only_a: int, only_b: int) -> float:
    """Two-sided exact McNemar p: the discordant pairs against a fair coin.

    >>> mcnemar_exact(5, 4), round(mcnemar_exact(0, 6), 4)
    (1.0, 0.0312)
    """
    n = only_a + only_b
    if not n:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(min(only_a, only_b) + 1)) / 2**n
    return min(1.0, 2 * tail)


def cross_validate(examples: list[Example], model_name: str = "logreg", folds: int = FOLDS) -> dict:
    """Rules vs ranker on the same decisions, ``folds``-fold grouped by article (GroupKFold:
    deterministic; the models' seed is :data:`SEED`). Per decision kind and per label source;
    for gold decisions also ``attribution``: how many the evaluator would count right (speaker
    keys equal) with the rules' speaker and with the ranker's candidate — the ranker's choice
    taken alone, not its effect on later decisions (a pipeline run with the ranker measures that)."""
    from sklearn.model_selection import GroupKFold

    groups = [ex.group for ex in examples]
    per_kind: dict[str, list[int]] = {}
    per_source: dict[str, list[int]] = {}
    rules = ranker = only_rules = only_ranker = 0
    attribution = [0, 0, 0]  # gold decisions, right with rules, right with ranker
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(examples, groups=groups):
        X, y = rows([examples[i] for i in train_idx])
        model = make_model(model_name).fit(X, y)
        for i in test_idx:
            ex = examples[i]
            best = ranker_choice(model, ex)
            r, m = rules_right(ex), ex.correct[best]
            rules += r
            ranker += m
            only_rules += r and not m
            only_ranker += m and not r
            source = "gold" if ex.speaker_kind == GOLD else "news-raw"
            for counts in (per_kind.setdefault(ex.kind, [0, 0, 0]), per_source.setdefault(source, [0, 0, 0])):
                counts[0] += 1
                counts[1] += r
                counts[2] += m
            if ex.speaker_kind == GOLD:
                attribution[0] += 1
                attribution[1] += attributed(ex.rule_speaker, ex)
                attribution[2] += attributed(chosen_speaker(ex, ex.candidates[best]), ex)
    n = len(examples)
    result = {"model": model_name, "decisions": n, "articles": len(set(groups)),
              "rules": rules, "ranker": ranker, "rules_acc": rules / n, "ranker_acc": ranker / n,
              "only_rules_right": only_rules, "only_ranker_right": only_ranker,
              "mcnemar_p": mcnemar_exact(only_rules, only_ranker),
              "oracle": sum(any(ex.correct) for ex in examples),
              "per_kind": {k: dict(zip(("n", "rules", "ranker"), v, strict=True)) for k, v in sorted(per_kind.items())},
              "per_source": {k: dict(zip(("n", "rules", "ranker"), v, strict=True)) for k, v in sorted(per_source.items())}}
    if attribution[0]:
        result["attribution"] = dict(zip(("matched", "rules", "ranker"), attribution, strict=True))
    return result


def cv_table(results: list[dict]) -> str:
    """The results of :func:`cross_validate` for several models on the same decisions, as a
    Markdown table (decision kind, n, rules right, each model's right)."""
    first = results[0]
    head = ["decision", "n", "rules", *(f"ranker ({r['model']})" for r in results)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]

    def row(name: str, pick) -> None:
        n, right = pick(first)["n"], pick(first)["rules"]
        cells = [name, str(n), f"{right} ({right / n:.3f})" if n else "0"]
        cells += [f"{pick(r)['ranker']} ({pick(r)['ranker'] / n:.3f})" if n else "0" for r in results]
        lines.append("| " + " | ".join(cells) + " |")

    for kind in sorted(first["per_kind"], key=lambda k: -first["per_kind"][k]["n"]):
        row(kind, lambda r, k=kind: r["per_kind"][k])
    if len(first["per_source"]) > 1:
        for source in first["per_source"]:
            row(f"all {source}", lambda r, s=source: r["per_source"][s])
    row("**all**", lambda r: {"n": r["decisions"], "rules": r["rules"], "ranker": r["ranker"]})
    lines.append("| McNemar exact p (only rules / only ranker right) | | | " + " | ".join(
        f"{r['mcnemar_p']:.3g} ({r['only_rules_right']}/{r['only_ranker_right']})" for r in results) + " |")
    if "attribution" in first:
        a = first["attribution"]
        lines.append(f"| gold attribution right (keys equal) | {a['matched']} | {a['rules']} | " + " | ".join(
            str(r["attribution"]["ranker"]) for r in results) + " |")
    lines.append(f"\n{first['oracle']} of {first['decisions']} decisions have a right candidate; "
                 f"{first['articles']} articles, {FOLDS}-fold GroupKFold by article.")
    return "\n".join(lines)


def train(examples: list[Example], model_name: str = "logreg", out: Path = MODEL_DIR,
          source: str = "news-raw", gold_dirs: list[Path] | None = None) -> Path:
    """Fit on every labelled decision; write model.joblib and recipe.json (``source`` and
    ``gold_dirs``: where the labels came from, for the recipe)."""
    import joblib
    import sklearn

    X, y = rows(examples)
    model = make_model(model_name).fit(X, y)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "model.joblib")
    labels = [str(LABELS.relative_to(ROOT))] if source in {"news-raw", "both"} else []
    if source in {"gold", "both"}:
        labels += [_shown(d) for d in (gold_dirs or TUNE_DIRS)]
    command = f".venv/bin/python -m pipeline.train.speaker_ranking train --model {model_name}"
    if source != "news-raw":
        command += f" --source {source}" + "".join(f" --gold-dir {_shown(d)}" for d in gold_dirs or [])
    if out.resolve() != MODEL_DIR.resolve():
        command += f" --out {_shown(out)}"
    recipe = {
        "model": model_name, "params": make_model(model_name).get_params(deep=False) if model_name != "logreg" else
        {"scaler": "StandardScaler", "C": 1.0, "class_weight": "balanced", "max_iter": 2000},
        "seed": SEED, "features": list(FEATURES), "source": source,
        "labels": labels[0] if len(labels) == 1 else labels,
        "decisions": len(examples), "trained_decisions": sum(any(ex.correct) for ex in examples),
        "candidate_rows": len(y), "positive_rows": sum(y),
        "sklearn": sklearn.__version__,
        "reproduce": command,
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


def _shown(path: Path) -> str:
    """A path as written in a recipe: relative to the repository when inside it."""
    for form in (Path(path).absolute(), Path(path).resolve()):
        if form.is_relative_to(ROOT):
            return str(form.relative_to(ROOT))
    return str(path)


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
    c.add_argument("--model", default="all", choices=["all", *MODELS])
    t = sub.add_parser("train")
    t.add_argument("--model", default="logreg", choices=MODELS)
    t.add_argument("--out", type=Path, default=MODEL_DIR, help="where the model goes (default: %(default)s)")
    for p in (c, t):
        p.add_argument("--source", default="news-raw", choices=SOURCES,
                       help="labels: news-raw hand labels, gold quotes of the tune set, or both")
        p.add_argument("--gold-dir", type=Path, action="append", dest="gold_dirs",
                       help="a gold directory (repeatable; default: corpus/gold and corpus/dev-b)")
        p.add_argument("--final", action="store_true", help="allow held-out gold directories")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.limit, args.every, not args.all, args.pick)
        return
    try:
        for folder in args.gold_dirs or []:
            check_not_held_out(folder, args.final)
        examples = load_examples(args.source, args.gold_dirs, args.final)
    except HeldOutError as exc:
        parser.error(str(exc))
    if args.command == "cv":
        results = []
        for name in (MODELS if args.model == "all" else [args.model]):
            results.append(cross_validate(examples, name))
            print(json.dumps(results[-1], ensure_ascii=False))
        print(cv_table(results))
    else:
        out = train(examples, args.model, args.out, args.source, args.gold_dirs)
        print(f"model written to {out}")


if __name__ == "__main__":
    main()
