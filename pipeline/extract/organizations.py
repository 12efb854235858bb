"""Organizations: the NER model's ORG mentions, grouped so each organization is named once.

Two mentions name the same body when they agree after dropping what does not
change which body is meant (lexicons ``organization_heads``, ``organization_national``):

- a leading type word: «سازمان بهزیستی» = «بهزیستی», «خبرگزاری فارس» = «فارس»;
- a trailing national qualifier: «سازمان بهزیستی کشور» = «سازمان بهزیستی»;
- a shortened form: «سپاه» is «سپاه پاسداران» when no other organization starts so.

A regional branch (``region_markers``: استان، شهرستان ...) is its own organization:
«اداره کل بهزیستی استان قزوین» is not «سازمان بهزیستی», but «بهزیستی استان»,
«بهزیستی استان قزوین» and «اداره کل بهزیستی قزوین» all join it.
Comparison is on :func:`pipeline.text.key` of each word (spelling-blind);
the name given is the mention said most often (the longest among equals).
A mention the model let run onto «و»، «از» or punctuation is trimmed first
(lexicon ``organization_edge_words``), and «X و Y» is split when Y opens a new
name (lexicon ``organization_openers``: «سپاه و بسیج» is two organizations).

>>> org_name("اداره کل بهزیستی استان قزوین")
OrgName(core=('بهزیستی',), region=('قزوین',), regional=True)
>>> org_name("سازمان بهزیستی کشور").flat
('بهزیستی',)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from ..lexicons import load_list
from ..lexicons.words import title_organizations
from ..text import key


@dataclass(frozen=True, slots=True)
class OrgName:
    """What identifies an organization mention: its core words and its region (if a branch)."""

    core: tuple[str, ...]
    region: tuple[str, ...]
    regional: bool

    @property
    def flat(self) -> tuple[str, ...]:
        """Core and region words together: «بهزیستی قزوین» for the Qazvin branch."""
        return self.core + self.region

    @property
    def ident(self) -> tuple[str, ...]:
        """What mentions are grouped by: ``flat``, set apart for an unnamed region («بهزیستی استان»)."""
        return self.flat + (("\0",) if self.regional and not self.region else ())


def words(text: str) -> tuple[str, ...]:
    """Spelling-blind words of ``text`` (ZWNJ joins, so «اداره‌کل» is one word).

    >>> words("سازمان  بهزيستي")
    ('سازمان', 'بهزیستی')
    """
    return tuple(w for w in (key(part) for part in text.split()) if w)


@cache
def _phrases(lexicon: str) -> tuple[tuple[str, ...], ...]:
    """The lexicon's entries as word tuples, longest first."""
    return tuple(sorted({words(entry) for entry in load_list(lexicon)} - {()}, key=len, reverse=True))


def _drop_head(ws: tuple[str, ...]) -> tuple[str, ...]:
    """Without one leading type word, unless nothing would be left.

    >>> _drop_head(("خبرگزاری", "فارس"))
    ('فارس',)
    """
    for head in _phrases("organization_heads"):
        if len(ws) > len(head) and ws[: len(head)] == head:
            return ws[len(head) :]
    return ws


def _drop_national(ws: tuple[str, ...]) -> tuple[str, ...]:
    """Without a trailing «کشور» / «جمهوری اسلامی ایران», unless nothing would be left."""
    for tail in _phrases("organization_national"):
        if len(ws) > len(tail) and ws[-len(tail) :] == tail:
            return ws[: -len(tail)]
    return ws


def org_name(text: str) -> OrgName:
    """Core and region of one mention.

    >>> org_name("بهزیستی استان")
    OrgName(core=('بهزیستی',), region=(), regional=True)
    """
    ws = _drop_national(_drop_head(words(text)))
    markers = {m[0] for m in _phrases("region_markers") if len(m) == 1}
    for i, w in enumerate(ws):
        if i > 0 and w in markers:
            return OrgName(ws[:i], ws[i + 1 :], True)
    return OrgName(ws, (), False)


class _Groups:
    """Union-find over mention identities (flat word tuples)."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def find(self, x: tuple[str, ...]) -> tuple[str, ...]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        self.parent[self.find(a)] = self.find(b)


def _merge_short_forms(names: dict[tuple[str, ...], OrgName], groups: _Groups) -> None:
    """Join a non-branch name to the one longer non-branch name it starts,
    and «بهزیستی استان» to the one branch of that body with a region.

    >>> g = _Groups(); ns = {n.ident: n for n in map(org_name, ["سپاه", "سپاه پاسداران"])}
    >>> _merge_short_forms(ns, g); g.find(("سپاه",)) == g.find(("سپاه", "پاسداران"))
    True
    """
    for ident in sorted(names, key=len, reverse=True):
        name, flat = names[ident], names[ident].flat
        if name.regional and not name.region:
            candidates = [n.ident for n in names.values() if n.regional and n.region and n.core == name.core]
        elif not name.regional:
            candidates = [
                n.ident for n in names.values()
                if not n.regional and len(n.flat) > len(flat) and n.flat[: len(flat)] == flat
            ]
        else:
            continue
        roots = {groups.find(c) for c in candidates}
        if len(roots) == 1:
            groups.union(ident, roots.pop())


def group_mentions(mentions: list[Span]) -> list[dict]:
    """``[{"name", "mentions"}]`` in order of first mention.

    >>> import spacy; nlp = spacy.blank("fa")
    >>> doc = nlp("سازمان بهزیستی و بهزیستی")
    >>> [g["name"] for g in group_mentions([doc[0:2], doc[3:4]])]
    ['سازمان بهزیستی']
    """
    names = {}
    for span in mentions:
        name = org_name(span.text)
        if name.flat:
            names.setdefault(name.ident, name)
    groups = _Groups()
    for ident in names:
        groups.find(ident)
    _merge_short_forms(names, groups)
    grouped: dict[tuple[str, ...], list[Span]] = {}
    for span in mentions:
        name = org_name(span.text)
        if name.flat:
            grouped.setdefault(groups.find(name.ident), []).append(span)
    return [{"name": group_name(spans), "mentions": spans} for spans in grouped.values()]


def body_word_before(span: Span) -> str | None:
    """The word an office title just before ``span`` puts before its body (titles.tsv):
    «وزیر [بهداشت]» -> «وزارت»، «مدیرکل [بهزیستی استان قزوین]» -> «اداره کل»; None when
    there is no such title or the span already starts with that word.

    >>> import spacy; doc = spacy.blank("fa")("معاون وزیر راه و ترابری گفت")
    >>> body_word_before(doc[2:5])
    'وزارت'
    """
    doc = span.doc
    for n in (2, 1):
        if span.start - n < 0:
            continue
        body = title_organizations().get(key(doc[span.start - n : span.start].text))
        if body and body not in {"=", "-"}:
            return None if words(span.text)[: len(words(body))] == words(body) else body
    return None


def mention_name(span: Span) -> str:
    """What a mention names: its text, with the body word of a title before it
    («وزیر [کار]» names «وزارت کار»)."""
    body = body_word_before(span)
    return f"{body} {span.text}" if body else span.text


def group_name(mentions: list[Span]) -> str:
    """The mention name said most often (spelling-blind); the longest among equals.

    >>> import spacy; doc = spacy.blank("fa")("سپاه پاسداران و سپاه و سپاه")
    >>> group_name([doc[0:2], doc[3:4], doc[5:6]])
    'سپاه'
    >>> doc = spacy.blank("fa")("وزیر بهداشت گفت")
    >>> group_name([doc[1:2]])
    'وزارت بهداشت'
    """
    names = [mention_name(m) for m in mentions]
    counts: dict[str, int] = {}
    for name in names:
        counts[key(name)] = counts.get(key(name), 0) + 1
    return max(names, key=lambda t: (counts[key(t)], len(t)))


def split_coordination(span: Span) -> list[Span]:
    """``span`` cut before each «و» (or «،») followed by a word that opens an organization name.

    >>> import spacy; doc = spacy.blank("fa")("سپاه و بسیج و نیروهای مسلح")
    >>> [s.text for s in split_coordination(doc[0:6])]
    ['سپاه', 'بسیج', 'نیروهای مسلح']
    >>> doc = spacy.blank("fa")("وزارت راه و شهرسازی")
    >>> [s.text for s in split_coordination(doc[0:4])]
    ['وزارت راه و شهرسازی']
    """
    openers = set(load_list("organization_openers"))
    doc, parts, start = span.doc, [], span.start
    for i in range(span.start + 1, span.end - 1):
        if doc[i].text in ("و", "،") and doc[i + 1].text in openers and i > start:
            parts.append(Span(doc, start, i, label=span.label))
            start = i + 1
    if not parts:
        return [span]
    return [*parts, Span(doc, start, span.end, label=span.label)]


def trim(span: Span) -> Span | None:
    """``span`` without edge words and punctuation at either end; None if nothing is left.

    >>> import spacy; doc = spacy.blank("fa")("سازمان مدیریت و برنامه‌ریزی و از")
    >>> trim(doc[0:6]).text
    'سازمان مدیریت و برنامه‌ریزی'
    """
    edge = set(load_list("organization_edge_words"))
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].text in edge):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in edge):
        end -= 1
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label)


def is_common_phrase(span: Span) -> bool:
    """Does ``span`` start a common noun phrase that names no body (lexicon
    ``organization_not_names``: «استقلال مالی مددجویان» is financial independence), also when
    the phrase runs on past the span ([استقلال] مالی)?

    >>> import spacy; doc = spacy.blank("fa")("استقلال مالی مددجویان و باشگاه استقلال")
    >>> is_common_phrase(doc[0:3]), is_common_phrase(doc[0:1]), is_common_phrase(doc[4:6])
    (True, True, False)
    """
    longest = max((len(p) for p in _phrases("organization_not_names")), default=0)
    ws = words(span.doc[span.start : max(span.end, min(len(span.doc), span.start + longest))].text)
    return any(ws[: len(phrase)] == phrase for phrase in _phrases("organization_not_names"))


def group_organizations(doc: Doc) -> Doc:
    """Set ``doc._.organizations`` from ``doc.ents`` labelled ORG."""
    mentions = [trim(part) for ent in doc.ents if ent.label_ == "ORG" for part in split_coordination(ent)]
    doc._.organizations = group_mentions([m for m in mentions if m is not None and not is_common_phrase(m)])
    return doc
