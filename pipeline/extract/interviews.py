"""Interviews: the answers of a question-and-answer article are direct quotes of the interviewee.

An article is an interview when one of its first lines opens with «گفت‌وگو با X» /
«مصاحبه با X» (lexicon ``interview_openers``), X being a person, and at least two later
paragraphs are questions. Without such an opener, three questions each answered in the next
paragraph (a marked question «*», a dashed answer, or a short question) make one, and the
interviewee is the person the introduction names (a «X: ...» headline, else its first name): they end with «؟» or open with a question mark-up («*»، «■»،
«س:»). Every other non-empty paragraph after the first question is an answer; its
leading dash («-»، «ـ»، «ج:») is not part of the quote. Paragraphs before the first
question are the introduction, not answers.

>>> from pipeline.nlp import blank
>>> from pipeline.nlp.sentences import split_sentences
>>> doc = split_sentences(blank()("گفت‌وگو با علی کریمی\\nکریمی کم مصاحبه می‌کند.\\n* چرا به بایرن رفتید؟\\n- پیشنهاد خوبی بود.\\n* پشیمان نیستید؟\\n- نه، اصلاً."))
>>> from pipeline.extract.tokens import line_ends
>>> found = find_interview(doc, line_ends(doc))
>>> found.interviewee.name, [doc[s:e].text for s, e in found.answers]
('علی کریمی', ['پیشنهاد خوبی بود', 'نه، اصلاً'])
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from ..lexicons import load_list
from ..lexicons.words import PhraseSet
from ..text import QUESTION_MARKS, is_word, key
from .mentions import Mention, mention_at, person_spans
from .subjects import subject_mention
from .tokens import doc_tokens, trim_end

HEADLINE_LINES = 3  # the opener is looked for in the first lines (headline, lead)
MIN_QUESTIONS = 2
MIN_PAIRS = 3  # question-answer pairs that make an interview when no opener announces it
MIN_PAIR_SHARE = 0.25  # ... and at least this share of the paragraphs from the first question on
SHORT_QUESTION_WORDS = 40
HEADLINE_NAME_TOKENS = 6  # «کنزا بورو اوئه: ...»: the colon of a name headline comes this early
QUESTION_OPENERS = frozenset({"*", "■", "●", "س"})
ANSWER_OPENERS = frozenset({"-", "ـ", "–", "—", "ج", ":"})


@dataclass(slots=True)
class Interview:
    """The interviewee's mention (in the headline), the answers and every paragraph
    of the question-and-answer part (token ranges)."""

    interviewee: Mention
    answers: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]


@cache
def interview_openers() -> PhraseSet:
    return PhraseSet(load_list("interview_openers"), max_tokens=6)  # «گفت و گوی اختصاصی با»: five tokens


def paragraphs(doc: Doc, line_end: list[int]) -> list[tuple[int, int]]:
    """(first word token, end) of every non-empty paragraph."""
    tokens = doc_tokens(doc)
    found, i = [], 0
    while i < len(tokens):
        end = line_end[i]
        start = i
        while start < end and tokens[start].is_space:
            start += 1
        if start < end:
            found.append((start, end))
        i = max(end, i) + 1
    return found


def _last_token(tokens, start: int, end: int) -> int:
    """Index of the last token of a paragraph that is not a space."""
    last = end - 1
    while last > start and tokens[last].is_space:
        last -= 1
    return last


def _is_question(tokens, start: int, end: int) -> bool:
    """A paragraph that ends with «؟» or opens with a question mark-up («*»، «■»، «س:»)."""
    first = tokens[start].text
    return (tokens[_last_token(tokens, start, end)].text in QUESTION_MARKS or first in QUESTION_OPENERS
            or key(first) in QUESTION_OPENERS)


def _interviewee(doc: Doc, paras: list[tuple[int, int]]) -> Mention | None:
    """The person an opening «گفت‌وگو با X» names (by name, or by title alone:
    «گفت‌وگو با وزیر امور خارجه فنلاند»)."""
    tokens = doc_tokens(doc)
    for start, end in paras[:HEADLINE_LINES]:
        n = interview_openers().match(tokens, start)
        if not n:
            continue
        m = mention_at(doc, start + n, end) if start + n < end else None
        if m is not None and (m.kind == "name" and m.name or m.kind == "title"):
            return m
    return None


def _answer_start(tokens, start: int, end: int) -> int:
    """First word of an answer, after its dash or «ج:»."""
    while start < end and (tokens[start].is_space or tokens[start].text in ANSWER_OPENERS
                           or not is_word(tokens[start]) and tokens[start].text != "«"):
        start += 1
    return start


def _question_answer_pairs(tokens, paras: list[tuple[int, int]], questions: list[int]) -> int:
    """How many questions are followed by an answer that reads as one: opened with a dash or
    «ج:» after a marked question, or, for unmarked questions, a short question then a paragraph
    that is none."""
    pairs = 0
    for q in questions:
        if q + 1 >= len(paras) or q + 1 in questions:
            continue
        s, e = paras[q]
        if trim_end(tokens, s, e) == s or tokens[_last_token(tokens, s, e)].text not in QUESTION_MARKS:
            continue  # «* جنبش طالبان پاکستان»: a marked heading asks nothing
        a_start = paras[q + 1][0]
        marked = tokens[s].text in QUESTION_OPENERS or key(tokens[s].text) in QUESTION_OPENERS
        answered = tokens[a_start].text in ANSWER_OPENERS or key(tokens[a_start].text) in ANSWER_OPENERS
        short = sum(is_word(t) for t in tokens[s:e]) <= SHORT_QUESTION_WORDS
        pairs += bool(marked or answered or short)
    return pairs


def _introduced_interviewee(doc: Doc, paras: list[tuple[int, int]], first_question: int) -> Mention | None:
    """The person an interview without a «گفت‌وگو با X» opener introduces before its first
    question: a «X: ...» headline, else the first full name of the introduction («در این نشست
    X عضو هیات مدیره ... توضیح داد»)."""
    tokens = doc_tokens(doc)
    intro = paras[:first_question]
    for start, end in intro[:HEADLINE_LINES]:
        colon = next((i for i in range(start, min(end, start + HEADLINE_NAME_TOKENS)) if tokens[i].text == ":"), None)
        m = subject_mention(doc, start, colon) if colon is not None else None
        if m is not None and m.kind == "name" and m.name and m.end == colon:
            return m
    names = person_spans(doc)
    for start, end in intro:
        for i in range(start, end):
            if i in names and names[i] <= end:
                text = doc[i : names[i]].text
                return Mention(i, names[i], "name", text, name=text)
            m = mention_at(doc, i, end) if is_word(tokens[i]) and (i == start or not is_word(tokens[i - 1])) else None
            if m is not None and m.kind in {"name", "title"} and m.name:
                return m
    return None


def find_interview(doc: Doc, line_end: list[int]) -> Interview | None:
    """The interview in ``doc``, or None when it is not one."""
    paras = paragraphs(doc, line_end)
    tokens = doc_tokens(doc)
    interviewee = _interviewee(doc, paras)
    if interviewee is None:
        # no «گفت‌وگو با X» opener: questions and answers that alternate, after an introduction
        questions = [i for i, (s, e) in enumerate(paras) if _is_question(tokens, s, e)]
        pairs = _question_answer_pairs(tokens, paras, questions) if questions and questions[0] else 0
        if pairs < MIN_PAIRS or pairs < MIN_PAIR_SHARE * (len(paras) - questions[0]):
            return None  # an interview alternates questions and answers to its end
        interviewee = _introduced_interviewee(doc, paras, questions[0])
        if interviewee is None:
            return None
    questions = [i for i, (s, e) in enumerate(paras) if _is_question(tokens, s, e) and s > interviewee.end]
    if len(questions) < MIN_QUESTIONS:
        return None
    answers, part = [], paras[questions[0]:]
    asked = set(questions)
    for i, (s, e) in enumerate(part, start=questions[0]):
        if i in asked:
            continue
        start = _answer_start(tokens, s, e)
        end = trim_end(tokens, start, e)
        if end > start:
            answers.append((start, end))
    return Interview(interviewee, answers, part) if answers else None
