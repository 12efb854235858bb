"""Entity-level NER scoring (exact span and label) and the shipped model on PEYMA test."""

from __future__ import annotations

import pytest

from pipeline.analysis import DEFAULT_MODEL
from pipeline.evaluate.ner import evaluate_ner, format_ner_report, score
from tests.conftest import need_shared


def test_a_boundary_error_is_one_false_positive_and_one_miss():
    """conlleval: «خبرگزاری مهر» found as «مهر» scores nothing for that entity."""
    gold = {(0, 9, 21, "ORG"), (0, 24, 33, "PER")}
    predicted = {(0, 18, 21, "ORG"), (0, 24, 33, "PER")}
    result = score(gold, predicted)
    assert result["precision"] == result["recall"] == result["f1"] == 0.5
    assert result["per_label"]["ORG"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert result["per_label"]["PER"]["f1"] == 1.0


def test_wrong_label_on_the_right_span_is_wrong():
    result = score({(3, 0, 5, "LOC")}, {(3, 0, 5, "ORG")})
    assert result["f1"] == 0.0 and result["per_label"]["ORG"]["support"] == 0


def test_report_has_a_row_per_label_and_micro():
    result = score({(0, 0, 4, "ORG"), (0, 5, 9, "PER")}, {(0, 0, 4, "ORG")})
    lines = format_ner_report(result).splitlines()
    assert [line.split()[0] for line in lines] == ["label", "ORG", "PER", "micro"]
    assert lines[-1].split()[1:] == ["100.00", "50.00", "66.67", "2"]


@pytest.fixture(scope="module")
def peyma_sample(tmp_path_factory):
    """The first 300 sentences of PEYMA test, as a PEYMA-format file."""
    text = need_shared("corpora/peyma/test.txt").read_text(encoding="utf-8")
    sample = tmp_path_factory.mktemp("peyma") / "test-300.txt"
    sample.write_text("\n\n".join(text.split("\n\n")[:300]) + "\n", encoding="utf-8")
    return sample


@pytest.mark.skipif(not DEFAULT_MODEL.exists(), reason="no shipped model")
def test_shipped_model_on_peyma_test_sample(peyma_sample):
    result = evaluate_ner(peyma_sample)
    assert set(result) == {"precision", "recall", "f1", "per_label"}
    assert {"ORG", "PER", "LOC"} <= set(result["per_label"])
    assert result["f1"] > 0.75
    assert result["per_label"]["PER"]["f1"] > 0.6 and result["per_label"]["LOC"]["f1"] > 0.75


@pytest.mark.skipif(not DEFAULT_MODEL.exists(), reason="no shipped model")
def test_arman_is_scored_on_its_own_labels_only():
    """ARMAN has no dates: a predicted DAT must not count as a false positive there."""
    result = evaluate_ner(need_shared("corpora/arman/test_fold1.txt"))
    assert not {"DAT", "MON", "PCT", "TIM"} & set(result["per_label"])
    assert result["per_label"]["ORG"]["support"] == 1466
