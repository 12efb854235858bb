"""Custom attributes where extraction results live on the Doc while analysis runs.

- ``doc.ents``: named entities (ORG, PER, LOC, ...) from the NER model.
- ``doc._.organizations``: ``[{"name": str, "mentions": [Span, ...]}]``.
- ``doc.spans["figures"]``: figure spans, label = kind; ``span._.figure`` holds
  ``{"value", "unit", "quantity", "qualifier"}``.
- ``doc.spans["quotes"]``: quote spans, label = direct|indirect; ``span._.speaker``,
  ``span._.speaker_mention``, ``span._.cue``.
- ``doc._.officials``: ``[{"name", "title", "organization", "quotes"}]``.
"""

from spacy.tokens import Doc, Span


def register_extensions() -> None:
    """Idempotent: safe to call from every worker process."""
    for name in ("organizations", "officials"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in ("figure", "speaker", "speaker_mention", "cue"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()
