"""Where Khabar's files lie: the repository, its shipped models, and ../shared beside it.

>>> MODELS_DIR.name, SHARED_CORPORA.parts[-2:]
('models', ('shared', 'corpora'))
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODELS_DIR = REPO / "models"
SHARED_CORPORA = REPO.parent / "shared" / "corpora"  # read-only ground truth (training, evaluation)
