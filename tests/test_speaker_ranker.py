"""Speaker ranker (issue #6): decisions, candidates, features, training and the shipped model.

Articles here are written for the test in the style of agency copy (no gold or held-out
article is used, and no answer is hard-coded for one).
"""

from __future__ import annotations

import json

import pytest

from pipeline.analysis import EXTRACTORS, blank
from pipeline.core import Pipeline
from pipeline.extract import speaker_ranker
from pipeline.extract.speaker_ranker import FEATURES, Ranker
from pipeline.train import speaker_ranking as train

from .conftest import CORPUS, ROOT

ARTICLE = (
    "خبرگزاری فارس: مدیرکل بهزیستی استان قزوین گفت: برنامه‌های توانبخشی در روستاها ادامه دارد.\n"
    "علیرضا وارثی، مدیرکل بهزیستی استان قزوین، روز شنبه اظهار داشت: ۵۰ میلیون تومان برای این کار آمده است.\n"
    "وی افزود: کار در همه شهرستان‌ها آغاز می‌شود.\n"
    "مدیرکل بهزیستی استان قزوین تصریح کرد: مددجویان باید ثبت‌نام کنند.\n"
    "حمید امیریان، رئیس سازمان جهاد کشاورزی استان قزوین نیز گفت: آب کشاورزان تامین می‌شود.\n"
    "این مسئول ادامه داد: طرح‌ها تا پایان سال تمام می‌شود.\n"
    "وارثی یادآور شد: بودجه به موقع می‌رسد.\n"
)

# (quote opening, speaker) of ARTICLE: the labels of the training test
LABELS = [
    ("برنامه‌های", "علیرضا وارثی"),
    ("کار در همه", "علیرضا وارثی"),
    ("مددجویان باید", "علیرضا وارثی"),
    ("طرح‌ها تا پایان", "حمید امیریان"),
]


@pytest.fixture(scope="module")
def pipeline():
    """The Khabar components without the NER model."""
    language = blank()
    for name in ("khabar_sentences", *EXTRACTORS):
        language.add_pipe(name)
    return Pipeline(nlp=language)


@pytest.fixture(scope="module")
def examples(pipeline):
    return train.article_decisions(pipeline, {"id": "test-1", "text": ARTICLE})


def test_decisions_are_the_ambiguous_mentions(examples):
    kinds = [(ex.kind, ex.mention) for ex in examples]
    assert ("title", "مدیرکل بهزیستی استان قزوین") in kinds
    assert ("pronoun", "وی") in kinds
    assert ("anaphor", "این مسئول") in kinds
    # a name written out in full is no decision
    assert all(ex.mention != "حمید امیریان" for ex in examples)


def test_candidates_and_features(examples):
    pronoun = next(ex for ex in examples if ex.kind == "pronoun")
    by_speaker = {c.speaker: c for c in pronoun.candidates}
    varesi = by_speaker["علیرضا وارثی"]
    assert varesi.kind == "person"
    assert varesi.features["is_current"] == 1.0 and varesi.features["before"] == 1.0
    assert varesi.features["has_title"] == 1.0
    assert pronoun.candidates[-1].kind == "new"
    assert all(len(c.vector()) == len(FEATURES) for c in pronoun.candidates)
    title = next(ex for ex in examples if ex.kind == "title" and ex.quote.startswith("مددجویان"))
    varesi = next(c for c in title.candidates if c.speaker == "علیرضا وارثی")
    assert varesi.features["title_match"] == 1.0 and varesi.features["title_near"] > 0.5
    anaphor = next(ex for ex in examples if ex.kind == "anaphor")
    amirian = next(c for c in anaphor.candidates if c.speaker == "حمید امیریان")
    assert amirian.features["is_current"] == 1.0
    assert next(c for c in anaphor.candidates if c.speaker == "علیرضا وارثی").features["is_previous"] == 1.0


def _labelled(examples):
    out = []
    for ex in examples:
        speaker = next((s for opening, s in LABELS if ex.quote.startswith(opening)), None)
        if speaker is not None:
            train.mark(ex, {"speaker": speaker, "speaker_kind": "name"})
            out.append(ex)
    return out


def test_mark_and_rules_on_the_labels(examples):
    labelled = _labelled(examples)
    assert len(labelled) == len(LABELS)
    assert all(any(ex.correct) for ex in labelled)
    assert all(train.rules_right(ex) for ex in labelled)  # the rules get this plain article right


def test_train_writes_a_model_that_loads_and_ranks(examples, tmp_path):
    labelled = _labelled(examples) * 3  # a few copies: enough rows for the classifier
    out = train.train(labelled, "logreg", tmp_path)
    recipe = json.loads((out / "recipe.json").read_text(encoding="utf-8"))
    assert recipe["features"] == list(FEATURES) and recipe["seed"] == train.SEED
    ranker = Ranker.load(out)
    for ex in labelled:
        assert ex.correct[ex.candidates.index(ranker.choose(ex.candidates))]


def test_cross_validation_groups_by_article(examples):
    import copy

    labelled = _labelled(examples)
    many = []
    for n in range(5):  # five "articles"
        for ex in labelled:
            twin = copy.copy(ex)
            twin.article = f"a{n}"
            many.append(twin)
    result = train.cross_validate(many, "logreg", folds=5)
    assert result["decisions"] == len(many) and result["articles"] == 5
    assert result["rules"] == len(many)
    assert 0 <= result["ranker"] <= len(many)


def test_ranker_setting_resolves_the_same_article(pipeline):
    """With the ranker switched on (the quotes component's setting) the plain article keeps
    its speakers."""
    if speaker_ranker.default_ranker() is None:
        pytest.skip("models/speaker-ranker not trained")
    rules = [q.speaker for q in pipeline.process(ARTICLE).quotes]
    with_ranker = Pipeline(model="blank", components={"khabar_quotes": {"speaker_ranker": True}})
    assert with_ranker.nlp.get_pipe("khabar_quotes").ranker is not None
    assert pipeline.nlp.get_pipe("khabar_quotes").ranker is None  # off by default
    ranked = [q.speaker for q in with_ranker.process(ARTICLE).quotes]
    assert "علیرضا وارثی" in ranked and "حمید امیریان" in ranked
    assert None not in ranked
    assert len(ranked) == len(rules)


def test_shipped_model_features():
    recipe = ROOT / "models" / "speaker-ranker" / "recipe.json"
    if recipe.exists():  # the shipped model must match the features the module computes
        assert json.loads(recipe.read_text(encoding="utf-8"))["features"] == list(FEATURES)


def test_training_labels_never_come_from_gold_or_heldout():
    rows = [json.loads(line) for line in (CORPUS / "speaker-ranker" / "train.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 150 and len({r["id"] for r in rows}) >= 40
    assert not {r["id"] for r in rows} & train.excluded_ids()
    assert {r["speaker_kind"] for r in rows} <= {"name", "title", "org", "none"}
