"""Training: corpus converters (PEYMA, ARMAN, ParsTwiNER -> spaCy Docs) and ``train_ner``.

Importing :mod:`pipeline.train.ner` registers the ``khabar.ner_corpus.v1`` reader
that the training configs in ``models/training/`` name.
"""
