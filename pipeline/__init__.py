"""Khabar (خبر): Persian news -> one structured record per article.

>>> import pipeline
>>> nlp = pipeline.load()
>>> record = nlp.process("علیرضا وارثی گفت: ۱۱۰ هزار مددجو تحت پوشش هستند.", id="x")
>>> record.id
'x'
"""

from .core import Pipeline, RawArticle, load
from .normalize import normalize
from .records import Article

__all__ = ["Article", "Pipeline", "RawArticle", "load", "normalize"]
