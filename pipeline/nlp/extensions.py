"""Custom attributes where extraction results live on the Doc while analysis runs.

- ``doc.ents``: named entities (ORG, PER, LOC, ...) from the NER model.
- ``doc._.organizations``: ``[{"name": str, "mentions": [Span, ...]}]``.
- ``doc.spans["figures"]``: figure spans, label = kind; ``span._.figure`` holds
  ``{"value", "unit", "quantity", "qualifier"}``.
- ``doc.spans["quotes"]``: quote spans, label = direct|indirect; ``span._.speaker``,
  ``span._.speaker_mention``, ``span._.cue``.
- ``doc._.speakers``: the Persons the quotes belong to, ``doc._.people``: the article's
  names and the titles beside them (written by the quotes component, read by officials).
- ``doc._.officials``: ``[{"name", "title", "organization", "quotes"}]``.
- ``doc._.token_cache``: each token and its spelling-blind key, kept with the Doc for the
  extractors that read them many times (pipeline.extract.tokens).
"""

from spacy.tokens import Doc, Span


def register_extensions() -> None:
    """Idempotent: safe to call from every worker process."""
    for name in ("organizations", "officials", "speakers", "people", "token_cache"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in ("figure", "speaker", "speaker_mention", "cue"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()
