"""Speech cues in running text: «گفت»، «تصریح کرده است»، «با بیان اینکه»، «به گفته» (issue #6).

The lexicon (``quote_cues.tsv``) lists each cue once with the present stem of its
last word; the inflected forms agency copy uses are generated here:
گفت، گفتند، گفته، گفته است، گفته بود، نگفت، می‌گوید.

>>> from pipeline.nlp import blank
>>> doc = blank()("وی با بیان اینکه بهزیستی فعال است، اظهار داشت: بله")
>>> [(c.text, c.frame) for c in find_cues(doc)]
[('با بیان اینکه', 'clause'), ('اظهار داشت', 'say')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ..lexicons import load_table
from ..lexicons.words import PhraseSet, lexicon_phrases
from ..text import is_word, key, token_key
from .tokens import doc_tokens

MAX_CUE_TOKENS = 6  # «با بیان این مطلب که»، «اظهار امیدواری کرده است»
ADDRESSEE_PREPOSITIONS = frozenset(key(w) for w in ("به", "با", "برای", "از"))
PERSON_ENDINGS = frozenset(key(w) for w in ("ام", "ای", "ایم", "اید", "اند"))


@dataclass(slots=True)
class Cue:
    """A cue found in the text: tokens ``start:end``, as written, and its frame."""

    start: int
    end: int
    text: str
    frame: str  # say | deem | announce | clause | according | report | demand
    markers: tuple[tuple[str, ...], ...] = ()  # prepositions (word keys) that open its content before it («بر»)


def verb_forms(cue: str, present: str, plural_present: bool = True) -> list[str]:
    """Inflected forms of a cue verb (third person, singular and plural: «می‌گویند»).

    >>> verb_forms("گفت", "گو")[-3:]
    ['میگوید', 'نمیگوید', 'میگویند']
    >>> verb_forms("تصریح کرد", "کن")[:4]
    ['تصریح کرد', 'تصریح کردند', 'تصریح کرده', 'تصریح کرده است']
    """
    *head, last = cue.split()
    prefix = " ".join(head) + " " if head else ""
    forms = [last, last + "ند", last + "ه", last + "ه است", last + "ه بود", last + "ه بودند", last + "ه‌اند"]
    if not head:  # «ندانست» is a cue; «تایید نکرد» is not
        forms.append("ن" + last)
    if last == "داشت" and head:  # «تاکید دارد»، «عقیده دارند»: داشتن takes no «می» in the present
        forms += ["دارد", "دارند"]
    if present:
        ending = "ی" if present[-1] in "اوی" and not present.endswith("ای") else ""  # گو -> گوید، افزا -> افزاید
        forms += ["می" + present + ending + "د", "ن" + "می" + present + ending + "د"]
        if plural_present:  # «می‌گویند»; not for «دانست»، «خواند»: «می‌دانند» is more often «they know»
            forms.append("می" + present + ending + "ند")
    forms = [prefix + f for f in forms]
    if last == "کرد" and head:  # «تاکید نمود»، «اظهار نموده است»: the formal light verb
        forms += verb_forms(" ".join(head) + " نمود", "نما", plural_present)
    return forms


@cache
def cue_frames() -> tuple[dict[str, tuple[str, tuple[tuple[str, ...], ...]]], PhraseSet]:
    """Key of every cue form -> its frame and content markers, and the phrase set that finds them."""
    frames: dict[str, tuple[str, tuple[tuple[str, ...], ...]]] = {}
    for row in load_table("quote_cues"):
        frame = row["frame"]
        markers = tuple(tuple(key(w) for w in m.split()) for m in (row.get("marker") or "").split("|") if m.strip())
        if frame in {"clause", "according", "demand"}:
            forms = [row["cue"]]
        elif frame == "report":
            forms = [row["cue"], row["cue"] + " است", row["cue"] + " بود"]
        else:
            forms = verb_forms(row["cue"], row["present"], plural_present=frame != "deem")
        for form in forms:
            frames.setdefault(key(form), (frame, markers))
    return frames, PhraseSet(frames, max_tokens=MAX_CUE_TOKENS)


def _is_false_cue(tokens: list[Token], i: int, n: int, frame: str) -> bool:
    """«گفت و گو» (a talk), «گفته‌ایم» (first person), «به گفته» read as a verb."""
    after = [token_key(t) for t in tokens[i + n : i + n + 2]]
    k = token_key(tokens[i])
    if k.startswith("گفت") and (after[:2] == ["و", "گو"] or (after and after[0].startswith("وگو"))):
        return True
    if after and (after[0] in PERSON_ENDINGS or after[0].startswith("ها")):  # گفته‌ایم، گفته‌های
        return True
    if frame not in {"clause", "according", "report", "demand"} and n == 1 and k.endswith("ه") and (
        not after or after[0] not in {"و", "", "که"}
    ):  # a bare participle is a cue in «خوانده و گفته بود» and «گفته که ...» (15× in news-raw),
        # not in «خواسته سیاوش اکبرپور»
        return True
    if _after_own_reporter(tokens, i):
        return True
    before = token_key(tokens[i - 1]) if i else ""
    return frame not in {"clause", "according", "demand"} and before in {"به", "با", "از"}


def _after_own_reporter(tokens: list[Token], i: int) -> bool:
    """«گزارشگر ما می‌نویسد: ...»: the paper writes, nobody is quoted (``own_reporters.txt``)."""
    words = [j for j in range(max(0, i - 5), i) if is_word(tokens[j])][-3:]
    if len(words) < 2 or words[-2] + lexicon_phrases("own_reporters").match(tokens, words[-2]) - 1 != words[-1]:
        return False
    # «به خبرنگار ما گفت»، «در گفت‌وگو با خبرنگار ما افزود»: our reporter is spoken to
    return len(words) < 3 or token_key(tokens[words[0]]) not in ADDRESSEE_PREPOSITIONS


def find_cues(doc: Doc) -> list[Cue]:
    """Every cue in the document, in text order, longest match first."""
    frames, phrases = cue_frames()
    tokens = doc_tokens(doc)
    cues: list[Cue] = []
    i = 0
    while i < len(tokens):
        n = phrases.match(tokens, i) if is_word(tokens[i]) else 0
        if n:
            k = "".join(token_key(t) for t in tokens[i : i + n])
            frame, markers = frames[k]
            if not _is_false_cue(tokens, i, n, frame):
                cues.append(Cue(i, i + n, doc[i : i + n].text, frame, markers))
                i += n
                continue
        i += 1
    return cues
