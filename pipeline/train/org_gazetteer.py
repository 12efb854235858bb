"""Recipe of ``pipeline/lexicons/organization_gazetteer.txt``: organization names that the
NER training corpora tag ORG nearly every time they write them, for the names the model
misses in running news («پزشکی قانونی»، «گمرک»، «تعزیرات حکومتی»).

Every ORG span of PEYMA train, ARMAN train fold 1 and ParsTwiNER train (../shared/corpora,
never the news gold) is a candidate. It is kept when the corpora tag it ORG at least
``MIN_COUNT`` times and in at least ``MIN_SHARE`` of all the places its words stand in that
order, and it is no country or people (``countries.txt``, ``demonyms.txt``): «استقلال»، tagged
ORG as a club but also written as a common noun, stays out by its share.

    .venv/bin/python -m pipeline.train.org_gazetteer   # rewrites pipeline/lexicons/organization_gazetteer.txt

With ``--news`` it writes ``organization_gazetteer_news.txt`` instead: the names of running news
that the corpora lack, from news-raw (:mod:`pipeline.train.news_raw`: every annotated article
left out) tagged by the shipped NER model (``models/khabar-fa``, about 6 minutes on one core):

- *consistent names*: a word sequence the model tags ORG in at least ``CONSISTENT_ARTICLES``
  articles and in at least ``CONSISTENT_SHARE`` of all the places it is written («صندوق
  بین‌المللی پول»); the model misses it in some articles, the corpus decides once;
- *names after a type word*: the words after «روزنامه»، «شرکت»، «باشگاه» ... (``TYPE_WORDS``)
  in at least ``TYPED_ARTICLES`` articles («روزنامه [الصباح الجدید]»، «شرکت [ایرانسل]»), up to
  three uncommon words that are no verb, adjective or possessed noun, which the model tags ORG
  in at least ``TYPED_SHARE`` of their places, unless the model's span runs on past them in half of
  those (they start a longer name: «فایننشال [تایمز]»، «شین [هوا]»).

Neither keeps a country, people or place, a plural of bodies or the paper's own reporter.

    .venv/bin/python -m pipeline.train.org_gazetteer --news   # rewrites organization_gazetteer_news.txt

With ``--clubs`` it writes ``organization_clubs.txt``: the teams of sports news, which the model
tags PER or LOC as often as ORG («فیورنتینا»، «ورونا»). A name of one or two uncommon words that
stands in a team's slot (``club_slots.txt``: «بازیکن X»، «میهمان X»، «مقابل X») in at least
``CLUB_ARTICLES`` articles, in at least ``CLUB_SHARE`` of the places it is written, and that the model
tags as an entity of any label in at least ``CLUB_ENTITY_SHARE`` of them (so not «پرمهره»، «مستعفی») and
ORG in at least ``CLUB_ORG_SHARE`` (a club is sometimes seen as one; a coach, «شفر», never);
no country, people, place, sport («فوتسال») or first name («امید»). Every annotated article is left out, dev-f to dev-i included.

    .venv/bin/python -m pipeline.train.org_gazetteer --clubs   # rewrites organization_clubs.txt

With ``--desks`` it writes ``news_desks.txt``: a paper's desks, which open a line as a byline
(«گروه اقتصادی- ...»، «گروه ادب و هنر: ...») in at least ``DESK_ARTICLES`` news-raw articles. A desk
is no organization («گروه اجتماعی»، «گروه علمی فرهنگی»: the NER model tags them ORG).

    .venv/bin/python -m pipeline.train.org_gazetteer --desks   # rewrites news_desks.txt
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import spacy

from ..analysis import DEFAULT_MODEL, EXTRACTORS
from ..corpora import entity_token_spans, peyma_places, read_tagged
from ..extract.organizations import names_country_or_people
from ..lexicons.hazm import load_lexicon
from ..lexicons.words import first_names, is_common, lexicon_keys, light_verb_forms, places
from ..nlp import blank
from ..normalize import normalize_tracked, split_article
from ..paths import REPO, SHARED_CORPORA
from ..text import key, lookup_form
from .news_raw import GOLD_FOLDERS, news_raw_rows

SOURCES = ("peyma/train.txt", "arman/train_fold1.txt", "parstwiner/train.txt")
MIN_COUNT = 2
MIN_SHARE = 0.8
MAX_WORDS = 8
OUT = REPO / "pipeline" / "lexicons" / "organization_gazetteer.txt"
NEWS_OUT = REPO / "pipeline" / "lexicons" / "organization_gazetteer_news.txt"
CONSISTENT_ARTICLES, CONSISTENT_SHARE, CONSISTENT_MAX_WORDS = 3, 0.7, 6
TYPE_WORDS = ("باشگاه", "روزنامه", "خبرگزاری", "نشریه", "هفته‌نامه", "مجله", "شرکت")
TYPED_ARTICLES, TYPED_SHARE, TYPED_MAX_WORDS = 2, 0.3, 3
CLUBS_OUT = REPO / "pipeline" / "lexicons" / "organization_clubs.txt"
CLUB_ARTICLES, CLUB_SHARE, CLUB_ENTITY_SHARE, CLUB_ORG_SHARE, CLUB_MAX_WORDS = 3, 0.1, 0.3, 0.05, 2
DESKS_OUT = REPO / "pipeline" / "lexicons" / "news_desks.txt"
DESK_ARTICLES = 5
DESK_BYLINE = re.compile(r"(?m)^[ \t]*(گروه(?:[ \u00a0]+[^\s\-_:]+){1,4}?)[ \u00a0]*[-_:]")
ANNOTATED_FOLDERS = (*GOLD_FOLDERS, "dev-f", "dev-g", "dev-h", "dev-i")


@dataclass(frozen=True, slots=True)
class TaggedText:
    """An article's tokens (as written after normalization) and the model's ORG spans."""

    tokens: list[str]
    orgs: list[tuple[int, int]]
    entities: tuple[tuple[int, int], ...] = ()  # every entity span, of any label (``tag_news(..., entities=True)``)


def org_names(texts: list[TaggedText], max_words: int) -> tuple[Counter, Counter, dict[tuple[str, ...], Counter]]:
    """The ORG spans of ``texts`` (up to ``max_words``) as word keys: how often each is tagged,
    in how many texts, and the spellings it was written with."""
    occurrences: Counter = Counter()
    articles: Counter = Counter()
    spellings: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for text in texts:
        seen = set()
        for start, end in text.orgs:
            words = tuple(key(t) for t in text.tokens[start:end])
            if 0 < end - start <= max_words and all(words):
                occurrences[words] += 1
                seen.add(words)
                spellings[words][" ".join(text.tokens[start:end])] += 1
        articles.update(seen)
    return occurrences, articles, spellings


def corpora_texts() -> list[TaggedText]:
    """The sentences of ``SOURCES`` with their ORG spans."""
    return [TaggedText(s.tokens, [(start, end) for start, end, label in entity_token_spans(s.tags) if label.upper() == "ORG"])
            for name in SOURCES for s in read_tagged(SHARED_CORPORA / name)]


def gazetteer(min_count: int = MIN_COUNT, min_share: float = MIN_SHARE) -> list[str]:
    """The kept names (their most frequent spelling), most often tagged first."""
    texts = corpora_texts()
    as_org, _, spellings = org_names(texts, MAX_WORDS)
    written, _, _ = places_of(texts, set(as_org), inside=False)
    kept = [words for words, n in as_org.most_common()
            if n >= min_count and n / written[words] >= min_share and not names_country_or_people("".join(words))]
    return [spellings[words].most_common(1)[0][0] for words in kept]


def news_body(row: dict) -> str:
    """A news-raw row's body, normalized as at run time."""
    layout = split_article(row["text"])
    return normalize_tracked(row["text"][layout.body_start : layout.body_end]).text


def tag_news(rows: Iterable[dict], n_process: int = 1, entities: bool = False) -> list[TaggedText]:
    """Each row's normalized body, tokenized and tagged by the shipped NER model (``entities``:
    keep the spans of every label too)."""
    ner = spacy.load(DEFAULT_MODEL, exclude=["khabar_sentences", *EXTRACTORS])
    ner.max_length = 10**7
    bodies = [news_body(row) for row in rows]
    return [TaggedText([t.text for t in doc], [(e.start, e.end) for e in doc.ents if e.label_ == "ORG"],
                       tuple((e.start, e.end) for e in doc.ents) if entities else ())
            for doc in ner.pipe(bodies, batch_size=32, n_process=n_process)]


def places_of(texts: list[TaggedText], names: set[tuple[str, ...]], inside: bool,
              spellings: dict[tuple[str, ...], Counter] | None = None) -> tuple[Counter, Counter, Counter]:
    """For each of ``names`` (word keys): the places it is written, those the model tags ORG (as
    a whole span, or with ``inside`` also as part of a longer one: «باشگاه [الاهلی]»), and those
    where the model's ORG span runs on past it («روزنامه [فایننشال] تایمز»); ``spellings``, when
    given, counts how each name is written there."""
    written: Counter = Counter()
    as_org: Counter = Counter()
    runs_on: Counter = Counter()
    lengths = {len(n) for n in names}
    for text in texts:
        keys = [key(t) for t in text.tokens]
        org_spans = set(text.orgs)
        in_org = {i for start, end in text.orgs for i in range(start, end)} if inside else set()
        for n in lengths:
            for i in range(len(keys) - n + 1):
                words = tuple(keys[i : i + n])
                if words in names:
                    written[words] += 1
                    runs_on[words] += i + n - 1 in in_org and i + n in in_org and (i, i + n) not in org_spans
                    as_org[words] += (i, i + n) in org_spans or (inside and all(j in in_org for j in range(i, i + n)))
                    if spellings is not None:
                        spellings[words][" ".join(text.tokens[i : i + n])] += 1
    return written, as_org, runs_on


def no_body_name(name: str) -> bool:
    """Names the news gazetteer never keeps: a country, people or place, the paper's own
    reporter («خبرنگار ما»)."""
    k = key(name)
    own = {o.replace(" ", "") for o in lexicon_keys("own_reporters")}
    return (names_country_or_people(k.replace(" ", "")) or k in places()
            or any(k.replace(" ", "").startswith(o) for o in own))


def consistent_names(texts: list[TaggedText]) -> Counter:
    """Names the model tags ORG in >= ``CONSISTENT_ARTICLES`` articles and in >= ``CONSISTENT_SHARE``
    of the places they are written: article counts by the names' most frequent spelling."""
    _, articles, spellings = org_names(texts, CONSISTENT_MAX_WORDS)
    frequent = {w for w, n in articles.items() if n >= CONSISTENT_ARTICLES}
    written, as_org, _ = places_of(texts, frequent, inside=False)
    return Counter({spellings[w].most_common(1)[0][0]: articles[w] for w in frequent
                    if as_org[w] >= CONSISTENT_SHARE * written[w]})


def _name_word(word: str) -> bool:
    """Can ``word`` be part of a name after a type word: an uncommon word, no function word,
    verb, digit, adjective or possessed noun («روزنامه [انگلیسی]»، «باشگاه [محبوبش]»)?"""
    lexicon = load_lexicon()
    if (not any(c.isalpha() for c in word) or any(c.isdigit() for c in word) or is_common(word)
            or word in lexicon.stopwords or key(word) in lexicon_keys("function_words_fa") or key(word) == "و"
            or word in lexicon.conjugations or lookup_form(word) in light_verb_forms()
            or any(lexicon.has_pos(word, pos) for pos in ("AJ", "V", "ADV"))):
        return False
    for suffix in ("شان", "مان", "ش", "م", "ی"):  # «انگلیسی»، «محبوبش»: a word or place + suffix
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 1 and (
                lexicon.is_word(stem) or key(stem) in places() or names_country_or_people(key(stem))):
            return False
    return True


def typed_names(texts: list[TaggedText]) -> Counter:
    """Names after a type word (``TYPE_WORDS``) in >= ``TYPED_ARTICLES`` articles that the model tags
    ORG in >= ``TYPED_SHARE`` of their places and that are not mostly the start of a longer name
    («[فایننشال] تایمز»): article counts by the names' most frequent spelling."""
    types = {key(w) for w in TYPE_WORDS}
    articles: Counter = Counter()
    spellings: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for text in texts:
        seen = set()
        for i, token in enumerate(text.tokens):
            if key(token) not in types:
                continue
            end = i + 1
            while end < len(text.tokens) and end - i <= TYPED_MAX_WORDS and _name_word(text.tokens[end]):
                end += 1
            if end > i + 1:
                words = tuple(key(t) for t in text.tokens[i + 1 : end])
                seen.add(words)
                spellings[words][" ".join(text.tokens[i + 1 : end])] += 1
        articles.update(seen)
    frequent = {w for w, n in articles.items() if n >= TYPED_ARTICLES}
    written, as_org, runs_on = places_of(texts, frequent, inside=True)
    return Counter({spellings[w].most_common(1)[0][0]: articles[w] for w in frequent
                    if as_org[w] >= TYPED_SHARE * written[w] and runs_on[w] < 0.5 * as_org[w]})


def slot_names(tokens: list[str]) -> list[tuple[str, ...]]:
    """The names (word keys) that stand in a team's slot of one text: one or two words after a
    ``club_slots`` word, each uncommon (:func:`_name_word`), of three letters or more and no slot word.

    >>> slot_names("بازیکن فیورنتینا در دقیقه ۵۶ و میهمان ورونا شد".split())
    [('فیورنتینا',), ('ورونا',)]
    """
    slots = lexicon_keys("club_slots")
    found = []
    for i, token in enumerate(tokens[:-1]):
        if key(token) not in slots:
            continue
        for n in range(CLUB_MAX_WORDS, 0, -1):
            words = tokens[i + 1 : i + 1 + n]
            if len(words) == n and all(_name_word(w) and len(key(w)) >= 3 and key(w) not in slots for w in words):
                found.append(tuple(key(w) for w in words))
                break
    return found


def club_gazetteer(rows: Iterable[dict], n_process: int = 1) -> list[str]:
    """The club names of ``rows`` (news-raw), most articles first (then by name)."""
    tokenizer = blank()
    slotted = [(row, slot_names([t.text for t in tokenizer.make_doc(news_body(row))])) for row in rows]
    articles = Counter(w for _, names in slotted for w in set(names))
    frequent = {w for w, n in articles.items() if n >= CLUB_ARTICLES}
    tagged = tag_news([row for row, names in slotted if any(w in frequent for w in names)], n_process, entities=True)
    in_slot = Counter(w for text in tagged for w in slot_names(text.tokens) if w in frequent)
    spellings: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    written, as_org, _ = places_of(tagged, frequent, inside=True, spellings=spellings)
    _, as_entity, _ = places_of([TaggedText(t.tokens, list(t.entities)) for t in tagged], frequent, inside=True)
    not_clubs = peyma_places() | lexicon_keys("sports_words")
    kept = {spellings[w].most_common(1)[0][0]: articles[w] for w in frequent if written[w]
            and in_slot[w] >= CLUB_SHARE * written[w] and as_entity[w] >= CLUB_ENTITY_SHARE * written[w]
            and as_org[w] >= CLUB_ORG_SHARE * written[w]
            and not no_body_name(" ".join(w)) and "".join(w) not in not_clubs
            and not (len(w) == 1 and w[0] in first_names())}
    return sorted(kept, key=lambda name: (-kept[name], name))


def news_desks(rows: Iterable[dict]) -> list[str]:
    """The desks whose byline opens a line in >= ``DESK_ARTICLES`` of ``rows``, most articles first.

    >>> news_desks([{"text": "گروه اقتصادی- قیمت نفت بالا رفت"}] * 5)
    ['گروه اقتصادی']
    """
    articles: Counter = Counter()
    spellings: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        seen = set()
        for match in DESK_BYLINE.finditer(row["text"]):
            desk = " ".join(match.group(1).split())
            seen.add(key(desk))
            spellings[key(desk)][desk] += 1
        articles.update(seen)
    kept = {spellings[k].most_common(1)[0][0]: n for k, n in articles.items() if n >= DESK_ARTICLES}
    return sorted(kept, key=lambda desk: (-kept[desk], desk))


def news_gazetteer(texts: list[TaggedText]) -> list[str]:
    """The news names not in the corpora's gazetteer, most articles first (then by name)."""
    known = {key(n) for n in gazetteer_file(OUT)}
    counts = consistent_names(texts) | typed_names(texts)
    kept = {name: n for name, n in counts.items() if key(name) not in known and not no_body_name(name)}
    return sorted(kept, key=lambda name: (-kept[name], name))


def gazetteer_file(path) -> list[str]:
    """The names of a gazetteer file (comment lines left out)."""
    return [w for w in path.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] + " Reads ../shared/corpora.")
    parser.add_argument("--news", action="store_true", help="write organization_gazetteer_news.txt from "
                        "news-raw tagged by models/khabar-fa (annotated articles left out)")
    parser.add_argument("--desks", action="store_true", help="write news_desks.txt from news-raw's bylines")
    parser.add_argument("--clubs", action="store_true", help="write organization_clubs.txt from news-raw's "
                        "sports news (annotated articles left out)")
    parser.add_argument("--processes", type=int, default=1, help="processes tagging news-raw (--news, --clubs)")
    args = parser.parse_args()
    if args.desks:
        names = news_desks(news_raw_rows(folders=ANNOTATED_FOLDERS))
        header = (f"# A paper's desks: «گروه X» opening a line as a byline («گروه اقتصادی- ...») in >= {DESK_ARTICLES} "
                  "articles of\n# ../shared/corpora/news-raw (annotated articles left out). No organization. Made by\n"
                  "# `python -m pipeline.train.org_gazetteer --desks`; do not edit by hand.\n")
        out = DESKS_OUT
    elif args.clubs:
        names = club_gazetteer(news_raw_rows(folders=ANNOTATED_FOLDERS), args.processes)
        header = ("# Club names of sports news in ../shared/corpora/news-raw (annotated articles left out): in a\n"
                  f"# team's slot (club_slots.txt) in >= {CLUB_ARTICLES} articles and >= {CLUB_SHARE:.0%} of their places, "
                  f"tagged an entity\n# by models/khabar-fa in >= {CLUB_ENTITY_SHARE:.0%} and ORG in >= {CLUB_ORG_SHARE:.0%}; "
                  "no country, people, place, sport or first name. "
                  "Made by\n# `python -m pipeline.train.org_gazetteer --clubs`; do not edit by hand.\n")
        out = CLUBS_OUT
    elif args.news:
        names = news_gazetteer(tag_news(news_raw_rows(), args.processes))
        header = ("# Organization names of ../shared/corpora/news-raw (annotated articles left out) tagged by\n"
                  f"# models/khabar-fa: ORG in >= {CONSISTENT_ARTICLES} articles and >= {CONSISTENT_SHARE:.0%} of their "
                  f"places, or after «{'، '.join(TYPE_WORDS)}»\n# in >= {TYPED_ARTICLES} articles and ORG in >= "
                  f"{TYPED_SHARE:.0%} of their places. Made by `python -m pipeline.train.org_gazetteer --news`;\n"
                  "# do not edit by hand.\n")
        out = NEWS_OUT
    else:
        names = gazetteer()
        header = (f"# Organization names of {', '.join(SOURCES)} (../shared/corpora) tagged ORG >= {MIN_COUNT} times\n"
                  f"# and in >= {MIN_SHARE:.0%} of their occurrences. Made by `python -m pipeline.train.org_gazetteer`;\n"
                  "# do not edit by hand.\n")
        out = OUT
    out.write_text(header + "".join(n + "\n" for n in names), encoding="utf-8")
    print(f"{len(names)} names -> {out}")


if __name__ == "__main__":
    main()
