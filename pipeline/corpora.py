"""NER corpora (PEYMA, ARMAN, ParsTwiNER) -> spaCy Docs on *normalized* text.

Each corpus is one token per line with its IOB2 tag, a blank line between
sentences; the three differ only in the separator and the tag spelling:

- PEYMA ``خبرگزاری|B_ORG`` (split on the last ``|``; ZWNJ words written ``می شود``),
- ARMAN ``وزارت B-org`` (last space), ParsTwiNER ``تهران\\tB-LOC`` (tab).

A sentence's text is its tokens joined by one space, normalized with
:func:`pipeline.normalize.normalize_tracked` (the run-time normalizer), and the
gold entity character spans are carried into the normalized text so the model
trains on exactly what it sees at run time.

>>> from pipeline.nlp import blank
>>> sentence = TaggedSentence(["به", "گزارش", "خبرگزاری", "مهر"], ["O", "O", "B_ORG", "I_ORG"])
>>> [(text, label) for text, label, _, _ in gold_entities(sentence, LABEL_MAPS["peyma"])]
[('خبرگزاری مهر', 'ORG')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from .lexicons import load_list, load_table
from .normalize import TrackedText, normalize, normalize_tracked
from .paths import SHARED_CORPORA
from .text import key

# corpus tag class -> Khabar label; a class missing here becomes O
LABEL_MAPS: dict[str, dict[str, str]] = {
    "peyma": {c: c for c in ("ORG", "PER", "LOC", "DAT", "TIM", "MON", "PCT")},
    "arman": {"org": "ORG", "pers": "PER", "loc": "LOC", "fac": "FAC", "pro": "PRO", "event": "EVE"},
    "parstwiner": {"ORG": "ORG", "PER": "PER", "LOC": "LOC", "EVE": "EVE", "POG": "POG", "NAT": "NAT"},
}
# classes a corpus never annotates: its O tokens say nothing about them
ANNOTATED: dict[str, frozenset[str]] = {
    "peyma": frozenset(LABEL_MAPS["peyma"].values()),
    "arman": frozenset(LABEL_MAPS["arman"].values()),
    "parstwiner": frozenset(LABEL_MAPS["parstwiner"].values()),
}
# PEYMA-train span counts per surface (ZWNJ written as a space): which names PEYMA calls places
PEYMA_TRAIN_LISTS = SHARED_CORPORA / "peyma-train-derived-lists"
# what DAT/TIM/MON/PCT mentions are made of: a digit, or a number/month/unit word
_NUMERIC_HINT = re.compile(r"[0-9۰-۹٠-٩%٪]")


@dataclass(slots=True)
class TaggedSentence:
    """One corpus sentence: tokens and their IOB2 tags (corpus spelling)."""

    tokens: list[str]
    tags: list[str]


def corpus_kind(path: Path) -> str:
    """``peyma``, ``arman`` or ``parstwiner``, from the folder or the first tagged line.

    >>> corpus_kind(Path("../shared/corpora/peyma/test.txt"))
    'peyma'
    """
    for kind in LABEL_MAPS:
        if kind in (p.lower() for p in path.parts):
            return kind
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if "|" in line and re.search(r"\|(O|[BI]_\w+)$", line):
                return "peyma"
            if "\t" in line:
                return "parstwiner"
            return "arman"
    raise ValueError(f"empty corpus file: {path}")


def _split_line(line: str, kind: str) -> tuple[str, str]:
    """``(token, tag)`` of one line: last ``|`` (PEYMA), tab (ParsTwiNER), last space (ARMAN)."""
    if kind == "peyma":
        token, _, tag = line.rpartition("|")
    elif "\t" in line:
        token, _, tag = line.rpartition("\t")
    else:
        token, _, tag = line.rpartition(" ")
    return token.strip(), tag.strip()


def read_tagged(path: Path, kind: str | None = None) -> Iterator[TaggedSentence]:
    """Sentences of a corpus file; tokens that are empty after stripping are dropped.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "train.txt"  # PEYMA's format (tests read the real files)
    >>> _ = path.write_text("مدیران|O\\nسازمان|B_ORG\\n |O\\nبهزیستی|I_ORG\\n\\nوی|O\\n", encoding="utf-8")
    >>> [(s.tokens, s.tags) for s in read_tagged(path, "peyma")]
    [(['مدیران', 'سازمان', 'بهزیستی'], ['O', 'B_ORG', 'I_ORG']), (['وی'], ['O'])]
    """
    kind = kind or corpus_kind(path)
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if tokens:
                    yield TaggedSentence(tokens, tags)
                tokens, tags = [], []
                continue
            token, tag = _split_line(line, kind)
            if token:
                tokens.append(token)
                tags.append(tag or "O")
    if tokens:
        yield TaggedSentence(tokens, tags)


def _tag_parts(tag: str) -> tuple[str, str | None]:
    """``("B", "ORG")`` for ``B_ORG`` / ``B-org``; ``("O", None)`` for O."""
    if tag == "O" or len(tag) < 3 or tag[1] not in "_-":
        return "O", None
    return tag[0], tag[2:]


def entity_token_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(first, end, class)`` token spans of IOB2 tags; a stray I- opens an entity (conlleval).

    >>> entity_token_spans(["B_PER", "I_PER", "O", "I-loc"])
    [(0, 2, 'PER'), (3, 4, 'loc')]
    """
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, cls = _tag_parts(tag)
        continues = prefix == "I" and cls == label
        if start is not None and not continues:
            spans.append((start, i, label))
            start, label = None, None
        if prefix in "BI" and prefix != "O" and not continues:
            start, label = i, cls
    return spans


def raw_text(tokens: list[str]) -> tuple[str, list[int]]:
    """Tokens joined by one space, and each token's start offset.

    >>> raw_text(["می شود", "."])
    ('می شود .', [0, 7])
    """
    starts, pos = [], 0
    for token in tokens:
        starts.append(pos)
        pos += len(token) + 1
    return " ".join(tokens), starts


def to_normalized(tracked: TrackedText, raw_start: int, raw_end: int) -> tuple[int, int] | None:
    """The normalized span made from raw ``[raw_start, raw_end)``, None if nothing is left."""
    inside = [
        i for i, (s, e) in enumerate(zip(tracked.starts, tracked.ends, strict=True))
        if s < raw_end and e > raw_start and not tracked.text[i].isspace()
    ]
    if not inside:
        return None
    return inside[0], inside[-1] + 1


def gold_entities(
    sentence: TaggedSentence, label_map: dict[str, str], tracked: TrackedText | None = None
) -> list[tuple[str, str, int, int]]:
    """``(text, label, start, end)`` of the gold entities in the normalized sentence text."""
    raw, starts = raw_text(sentence.tokens)
    tracked = tracked or normalize_tracked(raw)
    found = []
    for first, end, cls in entity_token_spans(sentence.tags):
        label = label_map.get(cls)
        if label is None:
            continue
        raw_end = starts[end - 1] + len(sentence.tokens[end - 1])
        span = to_normalized(tracked, starts[first], raw_end)
        if span:
            found.append((tracked.text[span[0] : span[1]], label, span[0], span[1]))
    return found


@cache
def time_money_words() -> frozenset[str]:
    """Words of date/time/money/percent mentions: the lexicon plus the number words."""
    words = set(load_list("ner_time_money_words"))
    words.update(row["word"] for row in load_table("number_words"))
    return frozenset(normalize(w) for w in words)


@cache
def peyma_places(lists: Path = PEYMA_TRAIN_LISTS) -> frozenset[str]:
    """Surfaces PEYMA *train* tags LOC more often than ORG (ایران 591 LOC / 1 ORG), as
    :func:`pipeline.text.key` (blind to spelling, spaces and ZWNJ: PEYMA writes «می شود»).

    ARMAN tags a country that acts as ORG («ایران اعلام کرد»: 141 of its 443 «ایران»), where
    PEYMA, whose classes Khabar keeps, says LOC; on those names ARMAN's ORG is left missing.
    """
    def counts(label: str) -> Counter[str]:
        found: Counter[str] = Counter()
        for line in (lists / f"entities_{label}.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            n, surface = line.split("\t", 1)
            found[key(surface)] += int(n)
        return found

    orgs = counts("ORG")
    return frozenset(k for k, n in counts("LOC").items() if n > orgs.get(k, 0))


def missing_tokens(doc: Doc, kind: str, labels: set[str]) -> list[Span]:
    """Tokens whose O is not trustworthy: a corpus without the numeric classes
    (ARMAN: no DAT/TIM/MON/PCT) says nothing about «۱۲»، «درصد» or «امروز».

    >>> from pipeline.nlp import blank
    >>> doc = blank()("در ۱۲ فروردین امسال ۵ درصد رشد")
    >>> [s.text for s in missing_tokens(doc, "arman", {"ORG", "DAT", "PCT"})]
    ['۱۲', 'فروردین', 'امسال', '۵', 'درصد']
    """
    if not (labels - ANNOTATED[kind]) & {"DAT", "TIM", "MON", "PCT"}:
        return []
    words = time_money_words()
    return [
        doc[t.i : t.i + 1]
        for t in doc
        if t.ent_iob_ in ("O", "") and (_NUMERIC_HINT.search(t.text) or t.text in words)
    ]


def sentence_doc(
    nlp: Language,
    sentence: TaggedSentence,
    kind: str,
    labels: Iterable[str] | None = None,
    trusted: Iterable[str] | None = None,
) -> Doc:
    """A Doc of the normalized sentence with its gold entities set.

    ``labels``: the labels being trained; other classes become O. ``trusted``:
    the labels taken from this corpus (default all); the spans of its other
    entities are left missing, neither taught as O nor as a label — ARMAN tags
    «ایران» ORG a third of the time where PEYMA says LOC, so a mixed model takes
    only ARMAN's PER — or its ORG too, less the names PEYMA calls places
    (:func:`peyma_places`), which are left missing. Date/money words of a corpus
    lacking those classes are missing too (:func:`missing_tokens`).
    """
    label_map = LABEL_MAPS[kind]
    wanted = set(labels) if labels is not None else set(label_map.values())
    taken = wanted & set(trusted) if trusted is not None else wanted
    raw, _ = raw_text(sentence.tokens)
    tracked = normalize_tracked(raw)
    doc = nlp.make_doc(tracked.text)
    spans: list[Span] = []
    untrusted: list[Span] = []
    for _text, label, start, end in gold_entities(sentence, label_map, tracked):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None:
            continue
        place_as_org = kind != "peyma" and label == "ORG" and key(span.text) in peyma_places()
        if label not in taken or place_as_org:
            if label in wanted or trusted is not None:
                untrusted.append(span)
        elif not any(span.start < s.end and s.start < span.end for s in spans):
            spans.append(span)
    doc.set_ents(spans, default="outside")
    free = [s for s in untrusted if not any(s.start < t.end and t.start < s.end for t in spans)]
    indices = {t.i for span in missing_tokens(doc, kind, wanted) + free for t in span}
    if indices:
        doc.set_ents([], missing=[doc[i : i + 1] for i in sorted(indices)], default="unmodified")
    return doc


def convert(
    nlp: Language,
    path: Path,
    labels: Iterable[str] | None = None,
    limit: int = 0,
    trusted: Iterable[str] | None = None,
) -> list[Doc]:
    """All sentences of one corpus file as Docs (``limit`` > 0: the first ``limit``)."""
    kind = corpus_kind(path)
    labels = list(labels) if labels is not None else None
    trusted = list(trusted) if trusted is not None else None
    docs = []
    for i, sentence in enumerate(read_tagged(path, kind)):
        if limit and i >= limit:
            break
        docs.append(sentence_doc(nlp, sentence, kind, labels, trusted))
    return docs


def split_spec(spec: str) -> tuple[str, list[str] | None]:
    """``"arman/test_fold1.txt:PER,LOC"`` -> the file and the labels trusted from it.

    >>> split_spec("arman/test_fold1.txt:PER"), split_spec("peyma/train.txt")
    (('arman/test_fold1.txt', ['PER']), ('peyma/train.txt', None))
    """
    name, _, trusted = spec.partition(":")
    return name, (trusted.split(",") if trusted else None)


def write_docbin(docs: Iterable[Doc], output: Path) -> Path:
    """Save Docs as a spaCy DocBin (``.spacy``)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(output)
    return output


def resolve_corpus(name: str | Path, root: Path = SHARED_CORPORA) -> Path:
    """``peyma/train.txt`` under ../shared/corpora, or a path as given when it exists."""
    path = Path(name)
    if path.exists():
        return path
    return root / path


def main() -> None:
    """``python -m pipeline.train.corpora IN.txt OUT.spacy [LABEL ...]``: one corpus file -> DocBin."""
    import sys

    from .nlp import blank

    if len(sys.argv) < 3:
        raise SystemExit(main.__doc__)
    source, output, labels = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] or None
    docs = convert(blank(), resolve_corpus(source), labels)
    write_docbin(docs, output)
    print(f"{len(docs)} sentences, {sum(len(d.ents) for d in docs)} entities -> {output}")


if __name__ == "__main__":
    main()
