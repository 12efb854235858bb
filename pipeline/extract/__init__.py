"""Extraction components: each reads the Doc and writes its results onto it.

Importing this package registers the factories with spaCy.
"""

from . import figures, officials, organizations, quotes  # noqa: F401
