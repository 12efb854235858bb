"""A tiny NER training run (100 sentences of each training corpus, one epoch): the recipe works end to end."""

from __future__ import annotations

import pytest
import spacy

from pipeline.analysis import EXTRACTORS
from pipeline.train.ner import DEFAULT_CONFIG, DEFAULT_OUTPUT, train_ner
from tests.conftest import need_shared


@pytest.mark.slow
def test_one_epoch_on_100_sentences_of_each_corpus_gives_a_loadable_pipeline(tmp_path):
    need_shared("corpora/peyma/train.txt")
    output = train_ner(
        DEFAULT_CONFIG,
        tmp_path / "tiny",
        overrides={
            "corpora.train.limit": 100,  # of each file: PEYMA, ParsTwiNER, ARMAN x 3
            "corpora.dev.limit": 50,
            "training.max_epochs": 1,
            "training.eval_frequency": 50,
            # CI never builds the floret vectors (minutes of CPU): same recipe without them
            "paths.vectors": None,
            "components.tok2vec.model.embed.include_static_vectors": False,
            # the shipped pretrained weights are for the tok2vec *with* static vectors
            "paths.init_tok2vec": None,
        },
    )
    nlp = spacy.load(output)
    assert nlp.pipe_names == ["khabar_sentences", "tok2vec", "ner", *EXTRACTORS]  # saved whole
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "khabar.tokenizer.v1"
    assert {"ORG", "PER", "LOC", "DAT"} <= set(nlp.get_pipe("ner").labels)
    # the Khabar tokenizer came along: a number with its separator stays one token
    assert [t.text for t in nlp("«۱۲.۵ درصد»")][1] == "۱۲.۵"


def test_config_is_seeded_and_reads_the_shared_corpora():
    config = spacy.util.load_config(DEFAULT_CONFIG)
    assert config["system"]["seed"] == 42
    assert config["corpora"]["train"]["@readers"] == "khabar.ner_corpus.v1"
    assert config["corpora"]["train"]["files"] == [
        "peyma/train.txt",  # all of PEYMA's classes; the others lend PER/ORG/LOC only
        "parstwiner/train.txt:PER,ORG,LOC",
        *(f"arman/test_fold{k}.txt:PER,ORG,LOC" for k in (1, 2, 3)),  # each ARMAN sentence once
    ]
    assert config["corpora"]["dev"]["files"] == ["peyma/dev.txt"]  # dev chooses: PEYMA only


def test_the_pretrained_tok2vec_the_config_names_is_committed_and_fits_it():
    """``khabar train ner`` on a fresh clone starts from the committed ``spacy pretrain`` weights."""
    from pipeline.paths import REPO
    from pipeline.train.ner import _path_overrides

    config = spacy.util.load_config(DEFAULT_CONFIG)
    weights = REPO / config["paths"]["init_tok2vec"]
    assert weights.is_file() and weights.stat().st_size > 1_000_000
    overrides = _path_overrides(DEFAULT_CONFIG, {"paths.vectors": None})
    assert overrides == {"paths.init_tok2vec": str(weights)}  # absolute: training runs from any directory
    shipped = spacy.load(DEFAULT_OUTPUT)  # the same tok2vec architecture, trained from those weights
    shipped.get_pipe("tok2vec").model.from_bytes(weights.read_bytes())  # raises if a shape differs


def test_crf_baseline_tags_round_trip_to_entities(tmp_path):
    """The CRF baseline (pipeline/train/crf.py) learns BIO tags of converted Docs and reads them back."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    from pipeline.corpora import TaggedSentence, entity_token_spans, sentence_doc
    from pipeline.nlp import blank
    from pipeline.train.crf import doc_tags, sentence_features

    sentence = TaggedSentence(["به", "گزارش", "خبرگزاری", "مهر", "از", "تهران"],
                              ["O", "O", "B_ORG", "I_ORG", "O", "B_LOC"])
    doc = sentence_doc(blank(), sentence, "peyma")
    tags = doc_tags(doc)
    assert tags == ["O", "O", "B-ORG", "I-ORG", "O", "B-LOC"]
    words = [t.text for t in doc]
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.append(sentence_features(words), tags)
    trainer.set_params({"max_iterations": 20})
    trainer.train(str(tmp_path / "crf.model"))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp_path / "crf.model"))
    assert entity_token_spans(tagger.tag(sentence_features(words))) == [(2, 4, "ORG"), (5, 6, "LOC")]
