"""Size limits shared by the CLI, the readers and the pipeline (kept light: no spaCy import)."""

MAX_CHARS = 100_000
"""Longest article analyzed; a longer one gets an error record (``--max-chars`` raises it).
Over twice the longest of news-raw's 6,827 articles (47k characters). A worker needs about
3.5 KB of memory per character of the longest article it analyzes."""

BATCH_CHARS = 20_000
"""Characters of text per ``nlp.pipe`` batch. The CNN's activations grow with the tokens of a
batch (about 14 KB a token), so batching by text size keeps a worker's memory flat; small
batches are also faster here (cache-friendly): 64 articles a batch took 1.6x longer."""
