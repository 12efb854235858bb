"""The shipped NER model inside `khabar run`: organizations in records come from it."""

from __future__ import annotations

import pytest

from pipeline.analysis import DEFAULT_MODEL
from pipeline.text import key
from tests.conftest import GOLD_DIR

pytestmark = pytest.mark.skipif(not DEFAULT_MODEL.exists(), reason="no shipped model")


@pytest.fixture(scope="module")
def seed_record():
    from pipeline.analysis import build_language
    from pipeline.core import Pipeline

    nlp = build_language()
    assert {"tok2vec", "ner", "khabar_organizations"} <= set(nlp.pipe_names)
    text = (GOLD_DIR / "seed-article.txt").read_text(encoding="utf-8")
    return Pipeline(nlp).process(text, id="seed-article")


def test_national_body_is_one_organization_with_its_short_name(seed_record):
    """«بهزیستی» and «سازمان بهزیستی» (seed article) are one organization."""
    groups = [o for o in seed_record.organizations if key(o.name) in {key("بهزیستی"), key("سازمان بهزیستی")}]
    assert len(groups) == 1
    mentions = {key(m.text) for m in groups[0].mentions}
    assert {key("بهزیستی"), key("سازمان بهزیستی")} <= mentions


def test_provincial_branch_is_separate(seed_record):
    """«بهزیستی استان قزوین» (and «بهزیستی استان») stay apart from «سازمان بهزیستی»."""
    branch = [o for o in seed_record.organizations if "قزوین" in o.name]
    assert len(branch) == 1
    assert all(key("بهزیستی استان") in key(m.text) for m in branch[0].mentions)
    national = [o for o in seed_record.organizations if key(o.name) == key("سازمان بهزیستی")]
    assert all("استان" not in m.text for o in national for m in o.mentions)


def test_mentions_point_into_the_text(seed_record):
    for org in seed_record.organizations:
        for m in org.mentions:
            assert seed_record.text[m.start : m.end] == m.text


def test_spacy_load_gives_the_whole_pipeline_in_its_declared_order():
    """The shipped model's config names every component, so ``spacy.load`` alone (with the
    factories registered) gives the Doc its organizations, figures, quotes and officials, and
    every component's ``requires`` is met by one before it."""
    import spacy

    import pipeline.components  # noqa: F401  (registers the factories)

    nlp = spacy.load(DEFAULT_MODEL)
    assert nlp.pipe_names == ["khabar_sentences", "tok2vec", "ner", *pipeline.components.EXTRACTORS]
    assert not any(nlp.analyze_pipes(pretty=False)["problems"].values())
    doc = nlp("علیرضا وارثی مدیرکل بهزیستی استان قزوین گفت: ۱۱۰ هزار مددجو تحت پوشش سازمان بهزیستی هستند.")
    assert doc.spans["quotes"][0]._.speaker == "علیرضا وارثی"
    assert [s._.figure["value"] for s in doc.spans["figures"]] == [110000]
    assert "سازمان بهزیستی" in [o["name"] for o in doc._.organizations]
    assert doc._.officials[0]["title"] == "مدیرکل بهزیستی استان قزوین"
