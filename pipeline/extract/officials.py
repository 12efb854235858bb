"""Officials: people who speak or hold a stated office, once each (issue #6).

``doc._.officials`` is a list of ``{"name", "title", "organization", "quotes"}``:
every quoted person (from the quotes component's speaker resolution) and every
name the article gives an office beside it («محمد شریعتمداری، وزیر کار ...»،
«مدیرکل بهزیستی استان قزوین علیرضا وارثی»). A person the article never names
is listed under the title (GUIDE.md). Speaking bodies and groups are not officials.

>>> organization_of("مدیرکل بهزیستی استان قزوین")
'اداره کل بهزیستی استان قزوین'
>>> organization_of("نماینده مردم شوش در مجلس شورای اسلامی")
'مجلس شورای اسلامی'
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from ..lexicons.words import common_words, is_common, lexicon_keys, organization_words, titles
from ..text import is_word, key, token_key
from .mentions import (
    PERSON_LABELS,
    extend_title_over_commas,
    is_stopper,
    mention_at,
    name_starts,
    person_entity_name,
)
from .persons import Person, name_suffix_matches, office_head, said_fuller, titles_match
from .tokens import doc_keys, doc_tokens


def organization_of(title: str | None) -> str | None:
    """The body an office belongs to, read from the title (titles.tsv says how).

    >>> organization_of("وزیر بهداشت، درمان و آموزش پزشکی")
    'وزارت بهداشت، درمان و آموزش پزشکی'
    >>> organization_of("امام جمعه بوشهر") is None
    True
    """
    if not title:
        return None
    words = title.split()
    if "در" in words:
        rest = " ".join(words[words.index("در") + 1 :])
        if rest and organization_words().starts(rest):
            return rest  # «نماینده ... در مجلس شورای اسلامی»
        words = words[: words.index("در")]  # «مسئول ستاد ... در شهرستان فردوس»: the body is the ستاد
    head, rule = office_head(words)
    rest = " ".join(words[head:]).strip(" ،")
    if rule is None or rule in {"-", "rank"} or not rest:
        return None
    if rule == "role":  # «هافبک باشگاه فوتبال یوونتوس»، not «قهرمان کاراته کشورمان»
        return rest if organization_words().starts(rest) else None
    if rule == "=":
        return rest
    return f"{rule} {rest}"


def is_role(title: str) -> bool:
    """Does the title name a calling (titles.tsv «role»: قهرمان، شاعر), not an office?

    >>> is_role("قهرمان کاراته کشورمان"), is_role("مدیرکل بهزیستی استان قزوین")
    (True, False)
    """
    return office_head(title.split())[1] == "role"


def _occurrences(doc: Doc, name: str) -> list[tuple[int, int]]:
    """Token ranges where ``name`` is written (spelling-blind)."""
    target = key(name)
    keys = doc_keys(doc)
    n_words = len(name.split())
    found = []
    for i, k in enumerate(keys):
        if not k or not target.startswith(k):
            continue
        joined = ""
        for j in range(i, min(len(keys), i + n_words + 2)):
            joined += keys[j]
            if joined == target:
                found.append((i, j + 1))
                break
            if not target.startswith(joined):
                break
    return found


def titles_beside_names(doc: Doc, names: list[str], is_cue: Callable[[int], bool] = lambda _: False) -> dict[str, str]:
    """Name -> the title written beside it: before («مدیرکل Y علیرضا وارثی»، «وزیر خارجه
    آمریکا مایک پومپئو»، «وزیر دارایی دولت ژاپن، تارو آسو،») or after («X، مدیرکل Y»،
    «مسعود رضاییان مدیرعامل باشگاه فولاد»)."""
    tokens = doc_tokens(doc)
    result: dict[str, str] = {}
    occurrences = {name: _occurrences(doc, name) for name in names}
    # «وزیر دارایی دولت ژاپن، تارو آسو، ...»: a name set off by commas right after a title
    set_off = {start: name for name, spans in occurrences.items() for start, end in spans
               if end < len(doc) and tokens[end].text == "،"}
    in_title: set[int] = set()  # tokens inside a title phrase: no name starts there
    starts = name_starts(doc)
    i = 0
    while i < len(doc):
        m = mention_at(doc, i, len(doc), is_cue) if starts[i] else None
        if m is not None and m.kind == "title":
            in_title.update(range(m.start + 1, m.end))
        if m is not None and m.kind == "title" and m.name and m.title:
            result.setdefault(m.name, m.title)
            i = m.end
            continue
        if m is not None and m.kind == "title" and m.title and m.end < len(doc) and tokens[m.end].text == "،" \
                and m.end + 1 in set_off:
            result.setdefault(set_off[m.end + 1], m.title)
            i = m.end
            continue
        i += 1
    # «با تقوی‌نژاد مدیر امور مالیاتی کشور»، «"نبیل رجب" رئیس مرکز حقوق بشر بحرین»: a name the
    # NER model tags a person, right before a title
    for ent in doc.ents:
        name = person_entity_name(ent) if ent.label_ in PERSON_LABELS and ent.start not in in_title else None
        j = ent.end
        while name and j < len(doc) and tokens[j].text in {"»", "\"", "،", "-", "–"}:
            j += 1
        if name and j < len(doc) and titles().match(tokens, j):
            result.setdefault(name, doc[j : extend_title_over_commas(tokens, j, len(doc), is_cue)].text.strip(" ،"))
    for name, start in _quoted_names(doc):
        if name not in occurrences:
            occurrences[name] = [(start, start)]  # read from the » on, as a name written there
    for name in occurrences:
        for _, end in occurrences[name]:
            j = end
            while j < len(doc) and tokens[j].text in {"»", "،", "-", "–"}:  # «ناصر ابراهیمی- مدیرکل ...-»
                j += 1
            appointed = _as_office(tokens, j)
            if appointed:
                j += 2  # «محمدعلی بلاسی به عنوان دبیر جدید فدراسیون وزنه‌برداری انتخاب شد»
            if j < len(doc) and titles().match(tokens, j):
                t_end = extend_title_over_commas(tokens, j, len(doc), is_cue)
                if appointed and not any(token_key(t) in lexicon_keys("appointment_words") for t in tokens[t_end : t_end + 4]):
                    continue  # «از بگوویچ به عنوان مربی آینده ... نام برده می‌شود»: no office yet
                result.setdefault(name, doc[j:t_end].text.strip(" ،"))
                break
    return result


def _as_office(tokens: list, j: int) -> bool:
    """Does «به عنوان» («as») start at token ``j``, before the office it gives?"""
    return j + 1 < len(tokens) and token_key(tokens[j]) == "به" and token_key(tokens[j + 1]) == "عنوان"


def _quoted_names(doc: Doc) -> list[tuple[str, int]]:
    """Names in guillemets that a title follows, each with the index of its closing »:
    «"برایان کوئن" وزیر خارجه ایرلند»، ««محمدعلی بلاسی» به عنوان دبیر جدید فدراسیون»
    (313 times in news-raw, where the NER model often misses the foreign name inside).
    Two to four words, none a common word, function word or organization word.

    >>> from pipeline.nlp import blank
    >>> _quoted_names(blank()("در این سفر «برایان  کوئن » وزیر خارجه ایرلند"))
    [('برایان کوئن', 7)]
    """
    tokens = doc_tokens(doc)
    found = []
    for i, t in enumerate(tokens):
        if t.text != "«":
            continue
        close = next((j for j in range(i + 1, min(len(tokens), i + 8)) if tokens[j].text in {"»", "«"}), None)
        if close is None or tokens[close].text != "»":
            continue
        words = [w for w in tokens[i + 1 : close] if not w.is_space]
        if not 2 <= len(words) <= 4 or not all(is_word(w) for w in words):
            continue
        if any(is_stopper(w) or is_common(w.text) for w in words) or organization_words().match(tokens, i + 1):
            continue
        j = close + 1
        while j < len(tokens) and (tokens[j].is_space or tokens[j].text == "،"):
            j += 1
        if titles().match(tokens, j + 2 if _as_office(tokens, j) else j):
            found.append((" ".join(w.text for w in words), close))
    return found


def _official_title(person: Person, appositions: dict[str, str]) -> str | None:
    """The first office the article gives, in its longest written form."""
    candidates = list(person.titles)
    if person.name:
        candidates += [t for n, t in appositions.items() if name_suffix_matches(person.name, n)]
    if not candidates:
        return None
    # the first office; a calling («قهرمان سابق وزنه‌برداری») only when no office is stated
    first = next((t for t in candidates if not is_role(t)), candidates[0])
    return max((t for t in candidates if titles_match(t, first) or said_fuller(first, t)), key=len)


def find_officials(doc: Doc) -> Doc:
    """Set ``doc._.officials`` from the resolved speakers and the titled names."""
    persons: list[Person] = [p for p in doc._.speakers or [] if not p.is_org and not p.group]
    people = doc._.people
    appositions: dict[str, str] = people.appositions if people is not None else {}
    officials: list[dict] = []
    seen: set[str] = set()
    for person in persons:
        title = _official_title(person, appositions)
        name = person.name or title
        if not name or key(name) in seen:
            continue
        seen.add(key(name))
        officials.append({"name": name, "title": title, "organization": organization_of(title),
                          "quotes": person.quotes})
    for name, title in appositions.items():
        if is_role(title):
            continue  # «حمزه زرینی، ملی‌پوش سابق والیبال»: described, holds no office, does not speak
        full = people.fullest(name) if people is not None else name
        if (len(full.split()) < 2 and key(full) in common_words()) or key(full) in seen or any(
            name_suffix_matches(o["name"], full) for o in officials
        ):
            continue
        seen.add(key(full))
        officials.append({"name": full, "title": title, "organization": organization_of(title), "quotes": 0})
    doc._.officials = officials
    return doc


__all__ = ["find_officials", "organization_of", "titles_beside_names", "organization_words"]
