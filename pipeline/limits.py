"""Size limits shared by the CLI, the readers and the pipeline (kept light: no spaCy import)."""

MAX_CHARS = 100_000
"""Longest article analyzed; a longer one gets an error record (``--max-chars`` raises it).
Over twice the longest of news-raw's 6,827 articles (47k characters). A worker needs about
3.5 KB of memory per character of the longest article it analyzes."""

BATCH_CHARS = 20_000
"""Characters of text per ``nlp.pipe`` batch. The CNN's activations grow with the tokens of a
batch (about 14 KB a token), so batching by text size keeps a worker's memory flat (a worker
peaked at 1.2 GB with 64-article batches, ~400 MB with these), and the whole pipeline ran 8%
faster than with 64-article batches (300 news-raw articles, side by side, one thread)."""
