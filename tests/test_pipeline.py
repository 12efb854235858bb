"""End to end: raw article -> record, on the seed article and the dev samples."""

from __future__ import annotations

import orjson
import pytest

from pipeline import RawArticle
from pipeline.core import Pipeline, paragraph_pieces
from pipeline.normalize import normalize
from pipeline.readers import ReadOptions, read_inputs
from pipeline.text import key

from .conftest import CORPUS

SAMPLES = CORPUS / "samples"


@pytest.fixture(scope="module")
def sample_records(khabar):
    raws = {r.id: r.text for r in read_inputs([SAMPLES])}
    return raws, {a.id: a for a in khabar.pipe(RawArticle(i, t) for i, t in raws.items())}


def test_seed_record_meta_and_body(khabar):
    raw = (SAMPLES / "seed-article.txt").read_text(encoding="utf-8")
    record = khabar.process(raw, id="seed-article")
    assert record.meta["news_code"] == "1398392"
    assert record.meta["source"] == "irna.ir"
    assert record.meta["publisher"] == "جماران"
    assert record.body_lines == (1, 10)
    for boilerplate in ("کپی شد", "کدخبر", "منبع:", "پایگاه اطلاع رسانی"):
        assert boilerplate not in record.text
    assert record.text.startswith("علیرضا وارثی")
    assert record.text.endswith("تحت پوشش سازمان بهزیستی هستند.")
    assert record.errors == []


def test_one_record_per_sample_with_consistent_spans(sample_records):
    raws, records = sample_records
    assert set(records) == set(raws) and len(records) == 17
    for article_id, record in records.items():
        raw = raws[article_id]
        assert not record.errors, article_id
        spans = [*record.figures, *record.quotes, *(m for o in record.organizations for m in o.mentions)]
        for span in spans:
            assert record.text[span.start : span.end] == span.text
            # the raw slice is the source of the span: same letters once normalized
            assert key(normalize(raw[span.raw_start : span.raw_end])) == key(span.text)


def test_long_articles_read_in_paragraph_pieces_give_the_same_records(khabar, sample_records):
    """An article longer than a batch is read by the model in paragraph pieces (so memory
    does not grow with the longest article): with 1,500-character batches every sample is
    cut, and each record is the one the whole-document reading gives."""
    raws, whole = sample_records
    small_batches = Pipeline(khabar.nlp, batch_chars=1_500)
    cut = 0
    for record in small_batches.pipe(RawArticle(i, t) for i, t in raws.items()):
        cut += len(paragraph_pieces(record.text, 1_500)) > 1
        assert record == whole[record.id], record.id
    assert cut >= 12


def test_figures_and_organizations_point_to_the_quote_they_stand_in(sample_records):
    _, records = sample_records
    linked = 0
    for record in records.values():
        spans = [*record.figures, *(m for o in record.organizations for m in o.mentions)]
        for span in spans:
            inside = [i for i, q in enumerate(record.quotes) if q.start <= span.start and span.end <= q.end]
            assert span.quote == (inside[0] if inside else None)
            linked += span.quote is not None
        for figure in record.figures:
            assert figure.speaker == (record.quotes[figure.quote].speaker if figure.quote is not None else None)
    assert linked > 20  # the dev articles state many figures and name many bodies inside quotes


def test_sentences_cover_the_text_in_order(sample_records):
    _, records = sample_records
    for record in records.values():
        ends = [0]
        for start, end in record.sentences:
            assert start >= ends[-1] and end > start
            sentence = record.text[start:end]
            assert sentence == sentence.strip() and "\n" not in sentence
            ends.append(end)
        assert record.text[ends[-1] :].strip() == ""


def test_record_is_json_with_the_contract_fields(khabar):
    record = khabar.process("وزیر بهداشت گفت: برنامههای ما ادامه دارد.", id="x")
    data = orjson.loads(orjson.dumps(record.to_dict()))
    for field in ("id", "meta", "text", "sentences", "organizations", "figures", "quotes", "officials", "errors"):
        assert field in data
    assert data["text"] == "وزیر بهداشت گفت: برنامه‌های ما ادامه دارد."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("  \n\t ", "empty"),
        ("\x00\x01\x02\x03ELF\x00\x00" * 50, "binary"),
        ("خبر " * 300_000, "too large"),
    ],
)
def test_unprocessable_text_gives_an_error_record(khabar, text, reason):
    record = khabar.process(text, id="bad")
    assert record.id == "bad" and reason in record.errors[0]
    assert record.text == "" and record.figures == [] and record.quotes == []


def test_a_bad_article_does_not_stop_the_batch(khabar):
    good = (SAMPLES / "seed-article.txt").read_text(encoding="utf-8")
    batch = [RawArticle("a", good), RawArticle("b", ""), RawArticle("c", None, ["not valid UTF-8"]), RawArticle("d", good)]
    records = list(khabar.pipe(batch))
    assert [r.id for r in records] == ["a", "b", "c", "d"]
    assert [bool(r.errors) for r in records] == [False, True, True, False]
    assert records[0].text == records[3].text != ""


def test_jsonl_and_csv_rows_keep_their_ids(tmp_path):
    (tmp_path / "rows.jsonl").write_text(
        '{"id": "n1", "text": "خبر اول"}\n{not json}\n{"id": "n3"}\n', encoding="utf-8"
    )
    (tmp_path / "rows.csv").write_text("url,body\nhttp://x/1,خبر دوم\n", encoding="utf-8")
    jsonl = list(read_inputs([tmp_path / "rows.jsonl"]))
    assert [a.id for a in jsonl] == ["n1", "rows:2", "n3"]
    assert jsonl[0].text == "خبر اول" and "invalid JSON" in jsonl[1].errors[0] and "text" in jsonl[2].errors[0]
    rows = list(read_inputs([tmp_path / "rows.csv"], ReadOptions(text_col="body", id_col="url")))
    assert [(a.id, a.text) for a in rows] == [("http://x/1", "خبر دوم")]
