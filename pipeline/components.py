"""Every Khabar spaCy component, registered here once, with what it reads and writes.

The analysis is one spaCy ``Language`` (built by :mod:`pipeline.analysis`); its Khabar
components, in order::

    khabar_sentences -> [khabar_gazetteer] -> tok2vec -> ner -> khabar_organizations
    -> khabar_figures -> khabar_quotes -> khabar_officials

Each declares ``requires`` and ``assigns`` (``nlp.analyze_pipes()`` checks the order), and its
results travel on the Doc: ``doc.ents``, ``doc.spans["figures"]``, ``doc.spans["quotes"]`` and
the extensions of :mod:`pipeline.nlp.extensions`. Options are the components' config settings.

>>> from pipeline.nlp import blank
>>> nlp = blank()
>>> for name in ("khabar_sentences", "khabar_figures", "khabar_quotes", "khabar_officials"):
...     _ = nlp.add_pipe(name)
>>> doc = nlp("علیرضا وارثی گفت: ۱۱۰ هزار مددجو تحت پوشش هستند.")
>>> [s.label_ for s in doc.spans["figures"]], doc.spans["quotes"][0]._.speaker, doc._.officials[0]["name"]
(['count'], 'علیرضا وارثی', 'علیرضا وارثی')
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extract.figures import find_figures
from .extract.officials import find_officials
from .extract.organizations import group_organizations
from .extract.quotes import find_quotes
from .extract.speaker_ranker import default_ranker
from .nlp.gazetteer import GazetteerTagger
from .nlp.sentences import split_sentences

EXTRACTORS = ("khabar_organizations", "khabar_figures", "khabar_quotes", "khabar_officials")


@Language.factory("khabar_sentences", assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str):
    """Sentence starts after . ! ؟ ? … and at every line break."""
    return split_sentences


@Language.factory("khabar_gazetteer", assigns=["token.lemma"])
def make_gazetteer(nlp: Language, name: str) -> GazetteerTagger:
    """Gazetteer classes of each token (an NER feature; lists filled by ``initialize`` or
    loaded with the model)."""
    return GazetteerTagger()


@Language.factory("khabar_organizations", requires=["doc.ents"], assigns=["doc._.organizations"])
def make_organizations(nlp: Language, name: str):
    """The ORG entities, split, trimmed and grouped under one name each."""
    return group_organizations


@Language.factory("khabar_figures", requires=["token.is_sent_start"], assigns=["doc.spans", "span._.figure"])
def make_figures(nlp: Language, name: str):
    """Every stated quantity: ``doc.spans["figures"]``, label = kind, ``span._.figure``."""
    return find_figures


class QuoteComponent:
    """Quotes with their resolved speakers (``doc.spans["quotes"]``), and the people they
    belong to (``doc._.speakers``, ``doc._.people``) for the officials component."""

    def __init__(self, speaker_ranker: bool):
        self.ranker = default_ranker() if speaker_ranker else None

    def __call__(self, doc: Doc) -> Doc:
        return find_quotes(doc, ranker=self.ranker)


@Language.factory(
    "khabar_quotes",
    default_config={"speaker_ranker": False},
    requires=["token.is_sent_start", "doc.ents"],
    assigns=["doc.spans", "span._.speaker", "span._.speaker_mention", "span._.cue", "doc._.speakers", "doc._.people"],
)
def make_quotes(nlp: Language, name: str, speaker_ranker: bool) -> QuoteComponent:
    """``speaker_ranker``: the learned ranker decides ambiguous speakers (off: it did not
    measure better than the rules, models/README.md «speaker ranker»)."""
    return QuoteComponent(speaker_ranker)


@Language.factory("khabar_officials", requires=["doc.spans", "doc._.speakers", "doc._.people"], assigns=["doc._.officials"])
def make_officials(nlp: Language, name: str):
    """Quoted and titled officials: name, title, organization, number of quotes."""
    return find_officials
