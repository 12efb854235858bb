"""Quotes: who said what, direct and indirect (issue #6).

``doc.spans["quotes"]`` holds the quoted content (no cue, no colon), label
``direct`` or ``indirect``, with ``span._.speaker`` (fullest name, never a
pronoun), ``span._.speaker_mention`` (as written) and ``span._.cue``.

- direct: «X گفت: ...» to the end of the paragraph (or to the next sentence that
  another speaker opens; in hard-wrapped newspaper text across soft line breaks),
  «...» or "..." right after the cue to its closing mark, and each later paragraph when that quote mark closes
  paragraphs later, a headline «نام: ...», a paragraph that is one «...» after a quoted
  paragraph, a report's «در این گزارش آمده است: ...», and the answers of an interview
  («گفت‌وگو با X», or questions and answers after an introduction; interviews.py).
- indirect: «با بیان اینکه A، ...» (A), «X ... را ... دانست» (the clause before the
  verb), «X از ... خبر داد»، «X نسبت به ... هشدار داد» (the phrase the cue's marker opens),
  «X خواستار ... شد» (what is asked for), «X گفت (که) ...»، «X عنوان کرد که ...» and «آنطور
  که X گفته، ...» (the clause after), «به گفته X، ...» / «براساس این گزارش، ...» (the rest
  of the sentence).
- nested: a medium's or a report's quote that holds a named speaker's own statement gives
  that statement as a quote too («این روزنامه ادامه داد: ... پادشاه بحرین ... خواست تا ...»).

Speakers: the subject before the cue (subjects.py: a name, a title, a body, an unnamed
source or a group, mentions.py), resolved to the fullest name in the article (speakers.py). Cues and their frames are in lexicons/quote_cues.tsv.

>>> from pipeline.nlp import blank
>>> from pipeline.nlp.sentences import split_sentences
>>> from pipeline.extract.quotes import find_quotes
>>> doc = find_quotes(split_sentences(blank()("علیرضا وارثی گفت: برنامه‌ها ادامه دارد.\\nوی با بیان اینکه بودجه کم است، افزود: کار می‌کنیم.")))
>>> [(q.label_, q._.speaker, q._.cue) for q in doc.spans["quotes"]]
[('direct', 'علیرضا وارثی', 'گفت'), ('indirect', 'علیرضا وارثی', 'با بیان اینکه'), ('direct', 'علیرضا وارثی', 'افزود')]
>>> doc.spans["quotes"][1].text
'بودجه کم است'
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..lexicons.hazm import load_lexicon
from ..lexicons.words import (
    is_agency,
    lexicon_keys,
    lexicon_phrases,
    organization_words,
    pronouns,
    titles,
)
from ..text import ELLIPSIS, SENTENCE_ENDERS, is_word, key, lookup_form, token_key
from .cues import Cue, find_cues
from .interviews import find_interview
from .mentions import (
    BECOME_FORMS,
    PERSON_LABELS,
    REPORT_NOUNS,
    Mention,
    continues_name,
    extend_title_over_commas,
    is_first_name,
    looks_like_verb,
    mention_at,
    name_starts,
    org_at,
    person_spans,
)
from .persons import People
from .speaker_ranker import Ranker
from .speakers import Resolver
from .subjects import PREPOSITIONS, skip_openers, subject_mention
from .tokens import doc_tokens, line_ends, trim_end

HEADLINE_MAX_TOKENS = 8
AS_SAID = frozenset(key(w) for w in ("آنطور", "آن‌طور", "چنانکه", "چنان‌که", "همانطور", "همان‌طور", "آنگونه", "آن‌گونه"))
OWN_CLAUSE_WORDS = 5  # words outside a «» clause that make reported speech a clause of its own even with no verb
MIN_CLAUSE_WORDS = 3  # «X را Y دانست»: at least the object, «را» and a predicate  # a «نام: ...» headline has its colon this early
VERB_FRAMES = frozenset({"say", "deem", "announce"})
CLAUSE_BREAKS = frozenset(key(w) for w in ("اما", "ولی", "که", "لیکن"))
# «شد» and its forms: one kind of verb that ends a clause
BECAME = BECOME_FORMS | frozenset(key(w) for w in ("میشود", "میشوند"))
# the verbs that end a clause before «و» («... اشاره کرد و آن را ... نامید»)
CLAUSE_VERBS = BECAME | frozenset(key(w) for w in (
    "کرد", "کردند", "داد", "دادند", "داشت", "داشتند", "نمود", "نمودند", "است", "بود", "بودند", "گفت"))
# a past participle that closes a clause («... فرجام خواهی کرده و این مسئله را ...»)
PERFECT_PARTICIPLES = frozenset(key(w) for w in ("کرده", "شده", "داده", "بوده", "نموده", "داشته"))
# a clause that opens with one of these opens with an adverbial phrase («با اشاره به ...،»)
ADVERBIAL_OPENERS = frozenset(key(w) for w in ("با", "ضمن", "در", "به", "پس", "طی", "بعد", "قبل", "بدون"))
# a quote inside a quote: the verbs that can report it, and who can speak it
INNER_FRAMES = frozenset({"say", "deem", "announce", "demand"})
INNER_SPEAKERS = frozenset({"name", "title", "group", "org"})
REPORTERS = frozenset({"org", "org_anaphor"})  # a medium or a report, not a person: a person's own words quote others as topics
OPENER_WORDS = frozenset(key(w) for w in ("با", "این", "حال", "وجود", "همچنین", "نیز", "البته"))


@dataclass(slots=True)
class FoundQuote:
    """A quote before its speaker is resolved (token offsets of the content)."""

    start: int
    end: int
    kind: str
    cue: str | None
    mention: Mention | None
    mention_shown: bool = True  # False for an interview answer: its speaker is named in the headline only


class QuoteFinder:
    """The quotes of one document; see the module docstring for the patterns."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.tokens = doc_tokens(doc)
        self.cues = find_cues(doc)
        self.cue_starts = {c.start: c for c in self.cues}
        # a PER entity of the NER model can be a subject the lexicons miss («وینگو بگوویچ»),
        # carried on where the model cut the name short
        self.person_ents = person_spans(doc, self.is_cue)
        self.names = collect_names(doc, self.is_cue, self.person_ents)
        # the key of every name and of its last word(s): «علیرضا وارثی» -> وارثی، علیرضاوارثی
        self.name_tails = {key(" ".join(words[j:])) for words in (n.split() for n in self.names)
                           for j in range(len(words))}
        # one-word persons of the NER model: surnames the article uses alone («آقای هاست»)
        self.surnames = {token_key(e[0]) for e in doc.ents if e.label_ in PERSON_LABELS and len(e) == 1}
        soft = soft_line_breaks(doc)
        self.line_end = line_ends(doc, soft)
        self.sentences = _sentences(doc, soft)
        self.named_subjects: list[Mention] = []

    def is_cue(self, i: int) -> bool:
        """Does a speech cue start at token ``i``?"""
        return i in self.cue_starts

    def known_name(self, doc: Doc, i: int, end: int) -> int:
        """Length of a known name, or its last word(s), at token ``i`` («وارثی»، «صفایی بوشهری»),
        or of a PER entity of the NER model that starts there."""
        ent_end = self.person_ents.get(i)
        if ent_end is not None and ent_end <= end:
            return ent_end - i
        if i + 1 < end and token_key(self.tokens[i + 1]) in self.surnames and continues_name(
            self.tokens, i, self.is_cue
        ):  # «کوین هاست» where «آقای هاست» is tagged a person elsewhere
            return 2
        for n in (3, 2, 1):
            if i + n > end or not all(is_word(t) for t in self.tokens[i : i + n]):
                continue
            if "".join(token_key(t) for t in self.tokens[i : i + n]) in self.name_tails:
                return n

        return 0

    def in_list_item(self, i: int) -> bool:
        """Is token ``i`` on a line that starts with a list mark («- سخنگوی دولت: ...»)?"""
        start = i
        while start > 0 and not (self.tokens[start - 1].is_space and "\n" in self.tokens[start - 1].text):
            start -= 1
        return self.tokens[start].text in LIST_MARKS

    def is_verb_cue(self, i: int) -> bool:
        """A cue other than «به گفته»/«براساس گزارش» starts at ``i`` (those stand before the subject)."""
        return i in self.cue_starts and self.cue_starts[i].frame != "according"

    def subject(self, start: int, end: int) -> Mention | None:
        """The speaker mention of a clause ``start:end`` (the subject before its cue); a word
        that «که» follows opens a relative clause, not a name («زمانی که ...»)."""
        m = subject_mention(self.doc, start, end, self.is_verb_cue, self.known_name)
        if m is not None and m.kind == "name" and m.end < len(self.tokens) and len((m.name or "").split()) == 1 \
                and token_key(self.tokens[self._next_word(m.end, len(self.tokens))]) == "که":
            return None
        return m

    def find(self) -> list[FoundQuote]:
        """All quotes in text order."""
        found: list[FoundQuote] = []
        interview = find_interview(self.doc, self.line_end)
        in_interview = set()
        if interview is not None:  # the answers are the interviewee's; nothing else is quoted there
            found = [FoundQuote(s, e, "direct", None, interview.interviewee, mention_shown=False)
                     for s, e in interview.answers]
            in_interview = {i for s, e in interview.paragraphs for i in range(s, e)}
        taken_until = 0
        for sent in self.sentences:
            if sent.start < taken_until or sent.start in in_interview:
                continue
            headline = self.headline(sent) or (self.quoted_paragraph(sent) if found else None)
            if headline is not None:
                found.append(headline)
                taken_until = headline.end
                continue
            sentence_quotes = self.sentence_quotes(sent)
            if sentence_quotes and sentence_quotes[-1].kind == "direct":
                sentence_quotes += self.continued_paragraphs(sentence_quotes[-1])
            found.extend(q for outer in sentence_quotes for q in self.with_quoted_clauses(outer))
            found.extend(q for outer in sentence_quotes for q in self.nested_quotes(outer))
            if sentence_quotes:
                taken_until = max(taken_until, max(q.end for q in sentence_quotes))
            else:
                self.note_named_subject(sent)
        return sorted(found, key=lambda q: q.start)

    def nested_quotes(self, outer: FoundQuote) -> list[FoundQuote]:
        """The quotes a quote reports: «این روزنامه ادامه داد: ... پادشاه بحرین از ارتش‌ها خواست تا
        نیروهای خود را ... سرازیر کنند»، «این سایت می‌افزاید: فراتینی ... گفت که ...». A speaker
        named inside another's words is quoted too, so the same words give two quotes; a
        pronoun, an anaphor or a guessed name inside a quote is its topic, not a speaker."""
        nested: list[FoundQuote] = []
        if outer.mention is None or outer.mention.kind not in REPORTERS:
            return nested
        for sent in self.sentences:
            start, end = max(sent.start, outer.start), min(sent.end, outer.end)
            if end <= start or not any(start <= c.start < end and c.frame in INNER_FRAMES for c in self.cues):
                continue
            for q in self.sentence_quotes(self.doc[start:end]):
                m = q.mention
                if m is not None and m.kind in INNER_SPEAKERS and not m.guessed and key(m.text) != key(outer.mention.text):
                    nested.append(q)
        return nested

    def with_quoted_clauses(self, outer: FoundQuote) -> list[FoundQuote]:
        """A clause in «» inside reported speech is the speaker's own words: a direct quote (corpus/gold
        radiofarda-160, dev-b radiofarda-000 and -060). «... گفته است این اتفاق ... رخ داده و «چنین
        تهدیدی ... وجود دارد»» gives the indirect quote up to «و» and the clause; «X مدعی شد «ایران
        ... صادر خواهد کرد»» or «سخنان خامنه‌ای «مضر ... است»», a few words and no verb outside the
        marks, give the clause alone. A noun phrase in «» («تئوری توطئه») is a term the
        reporter marks: the quote stays as it is."""
        if outer.kind != "indirect" or outer.mention is None:
            return [outer]
        clauses, i = [], outer.start
        while i < outer.end:
            close = _closing_guillemet(self.tokens, i, self.line_end[i]) if self.tokens[i].text == "«" else None
            if close is None:
                i += 1
                continue
            words = [t for t in self.tokens[i + 1 : close] if is_word(t)]
            if len(words) >= MIN_CLAUSE_WORDS and any(_is_verb_form(t.text) for t in words[-2:]):
                clauses.append(FoundQuote(i + 1, close, "direct", outer.cue, outer.mention))
            i = close + 1
        if not clauses:
            return [outer]
        inside = {t for c in clauses for t in range(c.start - 1, c.end + 1)}
        rest = [t for t in self.tokens[outer.start : outer.end] if t.i not in inside and is_word(t)]
        if len(rest) < OWN_CLAUSE_WORDS and not any(_is_verb_form(t.text) for t in rest):
            return clauses  # «در این مورد «از خودشان بیشتر می‌دانیم»»: no clause of its own outside the marks
        last, joint = clauses[-1], clauses[-1].start - 2
        if last.end + 1 >= outer.end and joint > outer.start and token_key(self.tokens[joint]) == "و":
            outer = FoundQuote(outer.start, joint, outer.kind, outer.cue, outer.mention, outer.mention_shown)
        return [outer, *clauses]

    def note_named_subject(self, sent: Span) -> None:
        """Remember a person named as the subject of a sentence that quotes nobody
        («سردار رویانیان همچنین از ... سخن به میان آورد»): a title said before may be his."""
        start = skip_openers(self.doc, sent.start, sent.end)
        if start >= sent.end:
            return
        m = mention_at(self.doc, start, sent.end, self.is_verb_cue)
        if m is not None and m.kind == "name" and m.name:
            self.named_subjects.append(m)

    def headline(self, sent: Span) -> FoundQuote | None:
        """«رحمانی: کی روش با همه ساز ما رقصید»: a short «name or title:» opening a line."""
        if sent.start and "\n" not in self.tokens[sent.start - 1].text:
            return None
        colon = next((t.i for t in sent[:HEADLINE_MAX_TOKENS] if t.text == ":"), None)
        if colon is None or colon == sent.start or any(self.is_cue(i) for i in range(sent.start, colon)):
            return None
        if is_agency(self.doc[sent.start : colon].text):
            return None
        mention = self.subject(sent.start, colon)
        if mention is None or mention.start != sent.start or mention.kind in {"pronoun", "anaphor"}:
            return None
        start = self._next_word(colon + 1, len(self.tokens))
        if start < len(self.tokens) and self.tokens[start].is_space:  # «وزیر بهداشت:» then the next line
            start += 1
        end = self._trim_end(start, self.line_end[start]) if start < len(self.tokens) else start
        if end <= start or any(t.text == ":" for t in self.tokens[start:end]):
            return None
        return FoundQuote(start, end, "direct", None, mention)

    def continued_paragraphs(self, quote: FoundQuote) -> list[FoundQuote]:
        """«X گفت: "... ⏎ ... ⏎ ..."»: a quote mark opened after the cue and not closed in its
        paragraph goes on over the next paragraphs, each a quote of the same speaker, up to
        the paragraph that closes it (sport and foreign news quote interviews so)."""
        opener = quote.start if self.tokens[quote.start].text in QUOTE_PAIRS else quote.start - 1
        while opener >= 0 and self.tokens[opener].is_space:
            opener -= 1
        closer = QUOTE_PAIRS.get(self.tokens[opener].text) if opener >= 0 else None
        line_end = self.line_end[quote.start]
        if closer is None or any(t.text == closer for t in self.tokens[opener + 1 : line_end]):
            return []
        close = None
        more: list[FoundQuote] = []
        start = line_end
        while len(more) < MAX_CONTINUED_PARAGRAPHS and start < len(self.tokens):
            start = self._after_space(start)
            if start >= len(self.tokens):
                break
            end = self.line_end[start]
            close = next((i for i in range(start, end) if self.tokens[i].text == closer), None)
            stop = close if close is not None else self._trim_end(start, end)
            if stop > start and self.tokens[start].text not in QUOTE_PAIRS:
                more.append(FoundQuote(start, stop, "direct", None, None, mention_shown=False))
            if close is not None or self.tokens[start].text in QUOTE_PAIRS:
                break
            start = end
        else:
            return []  # never closed: not one quote
        return more if more and close is not None else []

    def _after_space(self, i: int) -> int:
        while i < len(self.tokens) and self.tokens[i].is_space:
            i += 1
        return i

    def _after_commas(self, i: int, end: int) -> int:
        """Skip spaces and commas («به گفته او، ...»)."""
        while i < end and (self.tokens[i].is_space or self.tokens[i].text == "،"):
            i += 1
        return i

    def quoted_paragraph(self, sent: Span) -> FoundQuote | None:
        """A paragraph that is one «...» and nothing else, after the article has quoted someone:
        the current speaker goes on (direct, no cue)."""
        start = sent.start
        if start and "\n" not in self.tokens[start - 1].text or self.tokens[start].text != "«":
            return None
        end = self.line_end[start]
        close = _closing_guillemet(self.tokens, start, end)
        if close is None or any(is_word(t) for t in self.tokens[close + 1 : end]) or close <= start + 1:
            return None
        return FoundQuote(start + 1, close, "direct", None, None)

    def sentence_quotes(self, sent: Span) -> list[FoundQuote]:
        """The quotes whose cue stands in this sentence."""
        cues = [c for c in self.cues if sent.start <= c.start < sent.end]
        if not cues:
            return []
        first = next((c for c in cues if c.frame != "according"), cues[0])
        sentence_subject = self.subject(sent.start, first.start) if first is not None else None
        quotes: list[FoundQuote] = []
        clause_start = sentence_subject.end if sentence_subject else sent.start
        for n, cue in enumerate(cues):
            if quotes and cue.start < quotes[-1].end:
                continue
            nxt = cues[n + 1] if n + 1 < len(cues) else None
            subject = self.clause_subject(sent.start, cue.start) or sentence_subject
            if subject is not sentence_subject and subject is not None:
                clause_start = max(clause_start, subject.end)
            if cue.frame == "report":
                subject = self.report_subject(sent.start, cue.start, subject)
            quote = self.quote_for(cue, nxt, sent, clause_start, subject)
            if quote is not None:
                quotes.append(quote)
                if quote.kind == "direct":
                    rest = quote.end + 1  # «گفت:" ... رسیدیم" مانوئل نویر نیز ... گفت:" ..."»: a closed quote
                    closed = quote.end < len(self.tokens) and self.tokens[quote.end].text in CLOSING_MARKS
                    if closed and any(c.start > rest for c in cues[n + 1 :]):
                        quotes += self.sentence_quotes(self.doc[rest : sent.end])
                    break
            clause_start = self._after(quote.end if quote and quote.start > cue.start else cue.end, sent.end)
        return quotes

    def clause_subject(self, start: int, cue_start: int) -> Mention | None:
        """The subject right after the last «اما»/«ولی»/«که»/«؛» before a cue, if one opens
        that clause («... خودداری کرد اما با این حال اکبرپور ... خواست»)."""
        bounds = [i for i in range(start, cue_start) if token_key(self.tokens[i]) in CLAUSE_BREAKS
                  or self.tokens[i].text == "؛"]
        if not bounds:
            return None
        b = bounds[-1] + 1
        m = self.subject(b, cue_start)
        if m is None or m.guessed or any(is_word(t) and t.i < m.start and token_key(t) not in OPENER_WORDS
                            for t in self.tokens[b : m.start]):
            return None
        return m

    def report_subject(self, start: int, cue_start: int, subject: Mention | None) -> Mention | None:
        """Who speaks a passive report cue: the subject when it is a body, else «(در) این گزارش»،
        «گزارش X» in the clause; None when no report is named (then it is no quote)."""
        if subject is not None and subject.kind in {"org", "org_anaphor"}:
            return subject
        for i in range(start, cue_start):
            k = token_key(self.tokens[i])
            if k in REPORT_NOUNS:
                m = org_at(self.doc, i, cue_start, self.is_cue)
                if m is not None:
                    return m
                text = self.doc[max(start, i - 1) : i + 1].text if i > start and key(
                    self.tokens[i - 1].text) == "این" else self.tokens[i].text
                return Mention(i, i + 1, "org_anaphor", text)
            if k == "این" and i + 1 < cue_start and organization_words().match(self.tokens, i + 1):
                return Mention(i, i + 2, "org_anaphor", self.doc[i : i + 2].text)
        return None

    def _after(self, i: int, end: int) -> int:
        """Skip «،» and «و» that join two clauses."""
        while i < end and (self.tokens[i].is_space or token_key(self.tokens[i]) in {"", "و"}):
            i += 1
        return i

    def quote_for(self, cue: Cue, nxt: Cue | None, sent: Span, clause_start: int,
                  subject: Mention | None) -> FoundQuote | None:
        """The quote one cue introduces, if any."""
        after = self._next_word(cue.end, sent.end)
        if cue.frame in VERB_FRAMES | {"report"} and after < len(self.tokens) and self.tokens[after].text == ":":
            if cue.frame == "report" and subject is None:
                return None
            return self.direct(cue, after + 1, subject)
        if cue.frame in VERB_FRAMES and after < sent.end and self.tokens[after].text == "«":
            return self.direct(cue, after, subject)  # «X گفت «...»»: a colon left out
        if cue.frame == "clause":
            return self.clause_quote(cue, nxt, sent, subject)
        if cue.frame == "according":
            return self.according_quote(cue, sent, subject)
        if subject is None:
            return None
        if cue.frame == "report":
            if after < sent.end and token_key(self.tokens[after]) == "که":
                after += 1
            end = self._trim_end(after, sent.end)
            return FoundQuote(after, end, "indirect", cue.text, subject) if end > after else None
        if cue.frame == "announce" and after < sent.end and token_key(self.tokens[after]) == "که":
            end = self._trim_end(after + 1, sent.end)  # «X در بیانیه‌ای خبر داد که ...»
            return FoundQuote(after + 1, end, "indirect", cue.text, subject) if end > after + 1 else None
        if cue.frame == "announce":
            az = next((i for i in range(clause_start, cue.start) if token_key(self.tokens[i]) == "از"
                       and token_key(self.tokens[i + 1]) != "جمله"), None)
            if az is None or az + 1 >= cue.start:
                return None
            return FoundQuote(az + 1, cue.start, "indirect", cue.text, subject)
        if cue.frame == "demand":
            return self.demand_quote(cue, sent, subject)
        has_ra = any(token_key(self.tokens[i]) == "را" for i in range(clause_start, cue.start))
        if clause_start < cue.start and subject.kind == "name" and titles().match(self.tokens, clause_start):
            # «تونی بلر نخست وزیر انگلیس روز گذشته ایران را ... متهم کرد»: the title beside the name is no part of the clause
            clause_start = extend_title_over_commas(self.tokens, clause_start, cue.start, self.is_cue)
        start = self._skip_adverbials(self._after_last_verb(self._after(clause_start, cue.start), cue.start), cue.start)
        if has_ra and sum(is_word(t) for t in self.tokens[start : cue.start]) >= MIN_CLAUSE_WORDS:
            return FoundQuote(start, cue.start, "indirect", cue.text, subject)
        if cue.markers and (after >= sent.end or not is_word(self.tokens[after])
                            or token_key(self.tokens[after]) == "و"):
            marked = self.marked_quote(cue, clause_start, subject)
            if marked is not None:
                return marked
        if cue.frame == "say" and after < sent.end and self.tokens[after].text == "،":
            # «آنطور که X گفته، ...»، «این گزارش می‌افزاید، ...»، «X هشدار داده است، که ...»
            start = after + 1
            if start < sent.end and token_key(self.tokens[start]) == "که":
                start += 1
            end = self._trim_end(start, sent.end)
            if sum(is_word(t) for t in self.tokens[start:end]) >= MIN_CLAUSE_WORDS and not self._colon_cue_follows(cue, sent):
                return FoundQuote(start, end, "indirect", cue.text, subject)
        says_that = cue.frame == "deem" and after < sent.end and token_key(self.tokens[after]) == "که"
        if (cue.frame == "say" or says_that) and after < sent.end and is_word(self.tokens[after]):
            # «X گفت (که) ...»، and «X عنوان کرد که ...»: a «deem» verb that reports a clause
            if token_key(self.tokens[after]) == "و" or self._colon_cue_follows(cue, sent):
                return None
            if token_key(self.tokens[after]) in {"که", "تا"}:
                after += 1
            end = self._trim_end(after, self._before_coordinated_deem(after, sent.end))
            if end > after:
                return FoundQuote(after, end, "indirect", cue.text, subject)
        return None

    def _before_coordinated_deem(self, start: int, end: int) -> int:
        """End of a reported clause before a second one that «و» joins to it with its own «را ...
        دانست» verb: «بارسلونا اعلام کرد که ... فرجام خواهی کرده و این مسئله را نقض آشکار حقوق بشر
        توصیف کرد»، «شهردار اعلام کرد که این میزان رضایت کم است و نرخ ۷۰ درصدی را مطلوب دانست»
        (the second clause is the later cue's own quote)."""
        later = next((c for c in self.cues if start < c.start < end and c.frame == "deem"), None)
        ra = [i for i in range(start, later.start) if token_key(self.tokens[i]) == "را"] if later else []
        if not ra:
            return end
        joint = next((i for i in range(ra[-1] - 1, start, -1) if token_key(self.tokens[i]) == "و"), None)
        if joint is None or token_key(self.tokens[joint - 1]) not in CLAUSE_VERBS | PERFECT_PARTICIPLES:
            return end  # «توسعه صنعت و کشاورزی را مهم دانست»: one object, one clause
        return joint

    def demand_quote(self, cue: Cue, sent: Span, subject: Mention) -> FoundQuote | None:
        """«X خواستار شفاف‌سازی ... شد»، «X خبر از ... داد»: what stands between the cue and the
        verb its marker names (شد، شدند، داد، داده است ...)."""
        closers = {form for c in ([words[0] for words in cue.markers] or ["شد"]) for form in (c, c + "ند", c + "ه")}
        end = next((i for i in range(cue.end, sent.end) if token_key(self.tokens[i]) in closers), None)
        if end is None or not any(is_word(t) for t in self.tokens[cue.end : end]):
            return None
        return FoundQuote(cue.end, self._trim_end(cue.end, end), "indirect", cue.text, subject)

    def marked_quote(self, cue: Cue, clause_start: int, subject: Mention) -> FoundQuote | None:
        """«X نسبت به ... هشدار داد»، «X از ... انتقاد کرد»: the phrase after the cue's first
        marker preposition in the clause, up to the verb (quote_cues.tsv, column marker)."""
        keys = [token_key(t) for t in self.tokens[clause_start : cue.start]]
        for n in range(len(keys)):
            for words in cue.markers:
                if keys[n : n + len(words)] == list(words):
                    start = clause_start + n + len(words)
                    if sum(is_word(t) for t in self.tokens[start : cue.start]) >= 2:
                        return FoundQuote(start, cue.start, "indirect", cue.text, subject)
        return None

    def _after_last_verb(self, start: int, end: int) -> int:
        """After the last «و» that follows a finite verb: «... اشاره کرد و آن را ... نامید» has two
        clauses, and only the last is the object of the cue."""
        for i in range(end - 1, start, -1):
            if token_key(self.tokens[i]) == "و" and token_key(self.tokens[i - 1]) in CLAUSE_VERBS:
                return self._after(i + 1, end)
        return start

    def _skip_adverbials(self, start: int, end: int) -> int:
        """After the comma that closes the adverbial phrases opening a clause («با اشاره به ...،
        لزوم ... را یادآور شدند») and after a time adverb («روز گذشته ایران را ... متهم کرد»): the
        object of a «را ... دانست» verb starts there."""
        while start < end:
            n = lexicon_phrases("clause_time_phrases").match(self.tokens, start)
            if not n and token_key(self.tokens[start]) not in lexicon_keys("subject_adverbs"):
                break
            start += max(1, n)
        while start < end and token_key(self.tokens[start]) in ADVERBIAL_OPENERS:
            comma = next((i for i in range(start, end) if self.tokens[i].text == "،"), None)
            if comma is None or not any(token_key(t) == "را" for t in self.tokens[comma:end]):
                break
            start = self._after(comma + 1, end)
        return start

    def _colon_cue_follows(self, cue: Cue, sent: Span) -> bool:
        """«X درباره اینکه برانکو اعلام کرده ...، توضیح داد: ...»: a later cue with a colon is the
        sentence's own attribution; an earlier bare «گفته/اعلام کرده» is only its topic."""
        for c in self.cues:
            if cue.start < c.start < sent.end and c.frame in VERB_FRAMES:
                nxt = self._next_word(c.end, sent.end)
                if nxt < len(self.tokens) and self.tokens[nxt].text == ":":
                    return True
        return False

    def _as_said(self, clause_start: int, sent_start: int) -> bool:
        """Does the clause open with «آنطور که»/«چنانکه»/«همان‌طور که» (as X said, ...)?"""
        words = [token_key(t) for t in self.tokens[sent_start:clause_start] if is_word(t)]
        return any(w in AS_SAID for w in words[:4])

    def _next_word(self, i: int, end: int) -> int:
        while i < len(self.tokens) and self.tokens[i].is_space and "\n" not in self.tokens[i].text:
            i += 1
        return i

    def _trim_end(self, start: int, end: int) -> int:
        """End without trailing spaces and the sentence's final stop."""
        return trim_end(self.tokens, start, end)

    def direct(self, cue: Cue, start: int, subject: Mention | None) -> FoundQuote | None:
        """«... گفت: content»: to the closing » or to the end of the paragraph, but not into a
        later sentence that another cue and subject open."""
        start = self._next_word(start, len(self.tokens))
        end = self.line_end[start] if start < len(self.tokens) else start
        if start < end and self.tokens[start].text in QUOTE_PAIRS:
            close = _closing_mark(self.tokens, start, end)
            if close is not None:
                return FoundQuote(start + 1, close, "direct", cue.text, subject)
        end = self._stop_at_next_attribution(start, end)
        end = self._trim_end(start, end) if end > start else end
        while end > start and self.tokens[end - 1].is_space:
            end -= 1
        if end <= start:
            return None
        return FoundQuote(start, end, "direct", cue.text, subject)

    def _stop_at_next_attribution(self, start: int, end: int) -> int:
        """Start of the first later sentence (before ``end``) that opens with a speaker and a cue."""
        for sent in self.sentences:
            if sent.start <= start or sent.start >= end:
                continue
            opening = next((c for c in self.cues if c.start == self._next_word(sent.start, sent.end)
                            and c.frame == "according"), None)
            if opening is not None and self.according_quote(opening, sent, None) is not None:
                return sent.start  # «... . به گفته این مسئول، ...»: the reporter attributes again
            cues = [c for c in self.cues if sent.start <= c.start < sent.end and c.frame != "according"]
            m = self.subject(sent.start, cues[0].start) if cues else None
            if m is None:
                continue
            after = self._next_word(cues[0].end, sent.end)
            opens_quote = after < len(self.tokens) and self.tokens[after].text == ":"
            if not m.guessed or opens_quote:  # a guessed name inside a quote is more likely its topic
                return sent.start
        return end

    def clause_quote(self, cue: Cue, nxt: Cue | None, sent: Span, subject: Mention | None) -> FoundQuote | None:
        """«با بیان اینکه A، افزود» -> A: up to the last comma before the main verb."""
        limit = nxt.start if nxt is not None else sent.end
        commas = [i for i in range(cue.end, limit) if self.tokens[i].text == "،"]
        if nxt is not None and nxt.frame == "deem":
            # «با اشاره به اینکه A، B را ...، ... برآورد کرد»: the verb's object B starts after the
            # last comma before its «را»
            ra = [i for i in range(cue.end, limit) if token_key(self.tokens[i]) == "را"]
            commas = [i for i in commas if not ra or i < ra[-1]] or commas
        end = commas[-1] if commas and nxt is not None else limit
        end = self._trim_end(cue.end, end)
        if end <= cue.end:
            return None
        return FoundQuote(cue.end, end, "indirect", cue.text, subject)

    def _reflexive(self, i: int, end: int) -> int:
        """Tokens of «خودش»/«وی» at ``i`` (the tokenizer may write «خود» «ش»), else 0."""
        if i >= end:
            return 0
        k = token_key(self.tokens[i])
        if k == "خود" and i + 1 < end and token_key(self.tokens[i + 1]) in {"ش", "شان"}:
            return 2
        return 1 if k in pronouns() else 0

    def according_quote(self, cue: Cue, sent: Span, subject: Mention | None) -> FoundQuote | None:
        """«به گفته X، ...»: X speaks the rest of the sentence; «به قول خودش ...»: the subject does."""
        if any(c.start > cue.end and c.frame in VERB_FRAMES for c in self.cues if c.start < sent.end):
            return None  # «براساس این گزارش، X ... گفت: ...»: the verb attributes, this only introduces
        own = self._reflexive(cue.end, sent.end)
        if own:
            start = cue.end + own
            if token_key(self.tokens[cue.end]) != "خود":  # «به گفته او، ...»: the current speaker
                subject = Mention(cue.end, start, "pronoun", self.tokens[cue.end].text)
            start = self._after_commas(start, sent.end)
            end = self._trim_end(start, sent.end)
            if subject is None or end <= start:
                return None
            return FoundQuote(start, end, "indirect", self.doc[cue.start : cue.end + own].text, subject)
        comma = next((i for i in range(cue.end, sent.end) if self.tokens[i].text == "،"), None)
        if comma is None:
            return self._according_without_comma(cue, sent)
        if any(token_key(t) in REPORT_NOUNS for t in self.tokens[cue.start : cue.end]) and key(
            self.tokens[cue.end - 2].text
        ) == "این":  # «براساس این گزارش، ...»
            end = self._trim_end(comma + 1, sent.end)
            return FoundQuote(comma + 1, end, "indirect", cue.text,
                              Mention(cue.start, cue.end, "org_anaphor", cue.text))
        mention = mention_at(self.doc, cue.end, comma, self.is_cue) or org_at(self.doc, cue.end, comma, self.is_cue)
        if mention is not None and mention.kind not in {"name", "title", "pronoun", "anaphor", "group", "org", "org_anaphor"}:
            mention = None
        if mention is not None and mention.kind in {"org", "group"} and (
            is_agency(mention.name or "") or "خبر" in key(mention.name or mention.text)
        ):  # «به گزارش باشگاه خبری فارس»، «به گزارش منابع خبری»: a byline, not a statement
            return None
        if mention is None:
            n = self.known_name(self.doc, cue.end, comma)
            if not n:
                return None
            text = self.doc[cue.end : cue.end + n].text
            mention = Mention(cue.end, cue.end + n, "name", text, name=text)
        start = self._after_commas(comma + 1, sent.end)  # «به گفته این محقق،، ...»
        end = self._trim_end(start, sent.end)
        if end <= start:
            return None
        return FoundQuote(start, end, "indirect", cue.text, mention)

    def _according_without_comma(self, cue: Cue, sent: Span) -> FoundQuote | None:
        """«به گفته استاندار گلستان همین باور ... شده است»: no comma, so the speaker phrase ends where
        the person mention does, and the rest of the sentence is what was said."""
        mention = mention_at(self.doc, cue.end, sent.end, self.is_cue)
        if mention is None or mention.kind not in {"name", "title", "anaphor"} or mention.start != cue.end:
            return None
        end = self._trim_end(mention.end, sent.end)
        if sum(is_word(t) for t in self.tokens[mention.end : end]) < MIN_CLAUSE_WORDS:
            return None
        return FoundQuote(mention.end, end, "indirect", cue.text, mention)


def upcoming_mentions(found: list[FoundQuote], n: int, named_subjects: list[Mention]) -> list[Mention | None]:
    """Speaker mentions after quote ``n`` in text order: those of later quotes and the
    named subjects of sentences that quote nobody."""
    after = found[n].end
    later = [(q.start, q.mention) for q in found[n + 1 :]]
    later += [(m.start, m) for m in named_subjects if m.start >= after]
    return [m for _, m in sorted(later, key=lambda pair: pair[0])]


def _is_verb_form(text: str) -> bool:
    """A conjugated verb or a copula: «دارد»، «می‌کنیم»، «است» (hazm's verb forms and the prefixes of
    :func:`~.mentions.looks_like_verb`)."""
    return lookup_form(text) in load_lexicon().conjugations or key(text) in COPULAS or looks_like_verb(text)


COPULAS = frozenset(key(w) for w in ("است", "نیست", "هست", "بود", "نبود", "هستند", "بودند", "اند"))


def _closing_guillemet(tokens: list, start: int, end: int) -> int | None:
    """Index of the » that closes the « at ``start`` within the paragraph."""
    depth = 0
    for i in range(start, end):
        if tokens[i].text == "«":
            depth += 1
        elif tokens[i].text == "»":
            depth -= 1
            if depth == 0:
                return i
    return None


QUOTE_PAIRS = {"\"": "\"", "«": "»", "“": "”"}  # an opening quote mark and the one that closes it
CLOSING_MARKS = frozenset(QUOTE_PAIRS.values())
MAX_CONTINUED_PARAGRAPHS = 12
WRAP_MIN, WRAP_MAX = 50, 110  # line lengths of hard-wrapped newspaper text
WRAPPED_SHARE = 0.4
WRAP_FILL = 0.75  # a wrapped line fills at least this share of the wrap width
LIST_MARKS = frozenset({"-", "*", "•", "–"})
PARAGRAPH_END = (*SENTENCE_ENDERS, "»", ":", ELLIPSIS, "\"")


def _closing_mark(tokens: list, start: int, end: int) -> int | None:
    """Index of the mark that closes the quote mark at ``start`` within the paragraph: the »
    of a «, or the next " written onto the word before it or followed by no word («گفت: "...
    رسیدیم" مانوئل نویر ...»); the opening mark of an inner "name" is passed over."""
    if tokens[start].text == "«":
        return _closing_guillemet(tokens, start, end)
    closer = QUOTE_PAIRS[tokens[start].text]
    for i in range(start + 1, end):
        if tokens[i].text != closer:
            continue
        after = next((t for t in tokens[i + 1 : end] if not t.is_space), None)
        if after is None or not is_word(after) or tokens[i - 1].text in SENTENCE_ENDERS:
            return i
        if not tokens[i - 1].whitespace_ and tokens[i].whitespace_:  # «رسیدیم" مانوئل»: written onto the last word
            return i
    return None


def soft_line_breaks(doc: Doc) -> set[int]:
    """Token indices of whitespace whose newline only wraps a line (hard-wrapped text:
    most lines of similar length that stop mid-sentence); empty for agency copy, where
    every line is a paragraph.

    >>> from pipeline.nlp import blank
    >>> line = "وی گفت: این سازمان در حال حاضر تنها منتظر تایید الجزایر برای شرکت در اجلاس"
    >>> len(soft_line_breaks(blank()("\\n".join([line] * 6)))) > 0
    True
    """
    text = doc.text  # built from the tokens on every access: read it once
    lines = [ln.strip() for ln in text.split("\n")]
    lengths = sorted(len(ln) for ln in lines if ln)
    if len(lengths) < 5:
        return set()
    width = lengths[int(0.9 * (len(lengths) - 1))]  # the wrap width: most lines come close to it
    near_full = [ln for ln in lines if WRAP_MIN <= len(ln) <= WRAP_MAX and len(ln) >= WRAP_FILL * width
                 and not ln.endswith(PARAGRAPH_END)]
    if not WRAP_MIN <= width <= WRAP_MAX or len(near_full) < WRAPPED_SHARE * len(lengths):
        return set()
    soft = set()
    for t in doc:
        if t.is_space and t.text.count("\n") == 1 and t.i > 0 and t.i + 1 < len(doc):
            before = doc[t.i - 1].text
            line_start = text.rfind("\n", 0, t.idx) + 1
            line = text[line_start : t.idx].strip()
            if not before.endswith(PARAGRAPH_END) and len(line) >= WRAP_FILL * width and doc[t.i + 1].text not in LIST_MARKS:
                soft.add(t.i)
    return soft


def _sentences(doc: Doc, soft: set[int]) -> list[Span]:
    """The document's sentences, joined again where only a soft line break split them."""
    merged: list[Span] = []
    for sent in doc.sents:
        if merged and merged[-1][-1].i in soft:
            merged[-1] = doc[merged[-1].start : sent.end]
        else:
            merged.append(sent)
    return merged


def collect_names(doc: Doc, is_cue, persons: dict[int, int] | None = None) -> list[str]:
    """Person names written out in the article: PER entities (``persons``, from
    :func:`person_spans` when not given), names after an honorific or starting with a known
    first name, names inside title phrases («سردار حسین فتاحی»)."""
    persons = person_spans(doc, is_cue) if persons is None else persons
    names: list[str] = [doc[i:j].text for i, j in persons.items()]
    starts = name_starts(doc)
    i = 0
    while i < len(doc):
        m = mention_at(doc, i, len(doc), is_cue) if starts[i] else None
        if m is not None and m.name and m.kind in {"name", "title"} and len(m.name.split()) >= 2:
            names.append(m.name)
            i = m.end
            continue
        i += 1
    return list(dict.fromkeys(names))


def bodies_and_report_author(doc: Doc, is_cue) -> tuple[list[str], str | None]:
    """Organization names written in the article (from ``doc._.organizations`` when the
    organizations component ran, and «سازمان ...»-type phrases), and the body of the first
    «گزارش <body>» (the report an article relays: «براساس گزارش مشترک سازمان مدیریت ...»)."""
    bodies = [org["name"] for org in (doc._.organizations or [])]
    author = None
    for i, t in enumerate(doc):
        if not is_word(t):
            continue
        m = org_at(doc, i, min(len(doc), i + 12), is_cue)
        if m is None:
            continue
        bodies.append(m.name or m.text)
        if author is None and token_key(t) in REPORT_NOUNS and not is_agency(m.name or ""):
            author = m.name
    return list(dict.fromkeys(bodies)), author


def fuller_names(doc: Doc, names: list[str]) -> list[str]:
    """«وینگو بگوویچ» for a speaker written «بگوویچ»: a one-word name with an uncommon word
    before it, where that pair opens a phrase (after a preposition, a comma or at a line start).

    >>> from pipeline.nlp import blank
    >>> fuller_names(blank()("از وینگو بگوویچ نام برده می شود."), ["بگوویچ"])
    ['وینگو بگوویچ']
    """
    singles = {key(n) for n in names if len(n.split()) == 1}
    tokens = doc_tokens(doc)
    found: list[str] = []
    for i in range(1, len(tokens)):
        if token_key(tokens[i]) not in singles or not continues_name(tokens, i - 1, lambda _: False):
            continue
        before = tokens[i - 2] if i >= 2 else None
        if before is None or not is_word(before) or token_key(before) in PREPOSITIONS or is_first_name(tokens[i - 1]):
            found.append(doc[i - 1 : i + 1].text)
    return found


def apposition_titles(doc: Doc, names: list[str], is_cue) -> dict[str, str]:
    """Titles the article gives a name right beside it: «X، مدیرکل Y»، «مدیرکل Y X»، «X مدیرکل Y».

    Filled by the officials component (see officials.py); quotes use it to link a title
    mention to its person.
    """
    from .officials import titles_beside_names

    return titles_beside_names(doc, names, is_cue)


def resolve_speakers(doc: Doc, **resolver_options) -> tuple[list[FoundQuote], list, Resolver]:
    """The quotes of ``doc`` in text order, each one's speaker (a Person or None), and the
    resolver that chose them (``resolver_options`` go to :class:`Resolver`)."""
    finder = QuoteFinder(doc)
    found = finder.find()
    spoken = [q.mention.name for q in found if q.mention is not None and q.mention.kind in {"name", "title"}
              and q.mention.name]
    names = list(dict.fromkeys(finder.names + spoken + fuller_names(doc, spoken)))
    bodies, author = bodies_and_report_author(doc, finder.is_cue)
    people = People(names, apposition_titles(doc, names, finder.is_cue), bodies, author)
    resolver = Resolver(people, doc=doc, **resolver_options)
    speakers = []
    for n, q in enumerate(found):
        if finder.in_list_item(q.start):  # a digest of headlines: each line stands alone
            resolver.current = None
            speakers.append(resolver.resolve(q.mention, [], quote=n))
            resolver.current = None
        else:
            mention = q.mention
            if mention is not None and mention.kind == "pronoun" and resolver.current is None:
                # «دکتر جمشید پژویان با نگاه جدید به این مسئله پرداخته است. وی ... گفت»: the
                # person a sentence without a quote named last
                mention = next((m for m in reversed(finder.named_subjects) if m.end <= q.start), mention)
            speakers.append(resolver.resolve(mention, upcoming_mentions(found, n, finder.named_subjects), quote=n))
    return found, speakers, resolver


def find_quotes(doc: Doc, ranker: Ranker | None = None) -> Doc:
    """Set ``doc.spans["quotes"]`` with speakers resolved (``ranker``: decides the ambiguous
    ones), and the people they belong to: ``doc._.speakers``, ``doc._.people``."""
    found, speakers, resolver = resolve_speakers(doc, ranker=ranker)
    people = resolver.people
    spans: list[Span] = []
    for q, person in zip(found, speakers, strict=True):  # names now final: a later mention may complete one
        span = Span(doc, q.start, q.end, label=q.kind)
        span._.speaker = person.speaker if person else None
        span._.speaker_mention = q.mention.text if q.mention and q.mention_shown else None
        span._.cue = q.cue
        spans.append(span)
    doc.spans["quotes"] = spans
    doc._.speakers = resolver.persons
    doc._.people = people
    return doc
