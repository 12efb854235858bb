"""Errors the user can fix (exit code 2 on the command line), apart from Khabar's own failures.

>>> raise InputError("no column 'body' in articles.csv (columns: id, text)")
Traceback (most recent call last):
...
pipeline.errors.InputError: no column 'body' in articles.csv (columns: id, text)
"""

from __future__ import annotations


class InputError(ValueError):
    """Something wrong with what was given: a path, a column, a file's contents, an option."""


class ModelNotFound(InputError):
    """No trained pipeline where the model resolution order looked."""
