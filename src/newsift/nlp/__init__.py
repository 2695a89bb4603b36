"""Entities, quotes and their speakers, on top of one spaCy parse per article.

Import the stages from :mod:`newsift.nlp.stages`; nothing here loads a model
at import time.
"""

from __future__ import annotations
