"""Size limits shared by the CLI, the readers and the pipeline (kept light: no spaCy import)."""

MAX_CHARS = 100_000
"""Longest article analyzed; a longer one gets an error record (``--max-chars`` raises it).
Over twice the longest of news-raw's 6,827 articles (47k characters). The model reads a long
article in paragraph pieces of ``BATCH_CHARS`` (``Pipeline.analyze``), so its length does not
raise a worker's peak memory (a 99k-character article: +0 MB); the limit bounds the time of the
document-level extractors, which grows a little faster than the length (100k characters 2.6 s,
400k 15 s, one thread)."""

BATCH_CHARS = 20_000
"""Characters of text per ``nlp.pipe`` batch. The CNN's activations grow with the tokens of a
batch (about 14 KB a token), so batching by text size, and cutting a longer text into
paragraph pieces of this size, keeps a worker's memory flat (a worker
peaked at 1.2 GB with 64-article batches, ~400 MB with these), and the whole pipeline ran 8%
faster than with 64-article batches (300 news-raw articles, side by side, one thread)."""
