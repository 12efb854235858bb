"""``python -m pipeline`` is the ``khabar`` command."""

from .cli import main

main()
