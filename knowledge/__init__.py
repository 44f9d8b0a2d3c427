"""The FAQ knowledge base: entries written from the seeds (``entries/*.yaml``) and retrieval.

    kb = load_default()
    answer = kb.ask("闵行的材料寄到哪？")   # Answer(status, entry, confidence, candidates)
"""
from __future__ import annotations

from functools import lru_cache

from knowledge.entries import Entry, KnowledgeDataError, Link, Source
from knowledge.retrieval import Answer, KnowledgeBase

__all__ = ["Answer", "Entry", "KnowledgeBase", "KnowledgeDataError", "Link", "Source", "load_default"]


@lru_cache(maxsize=1)
def load_default() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process."""
    return KnowledgeBase.load()
