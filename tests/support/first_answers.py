"""What a first message must get from the knowledge base and through the engine: one entry's answer, or nothing."""
from __future__ import annotations

from typing import Any

from tests.support.chat import play


def answered_by(kb: Any, question: str, entry: str) -> None:
    """``question`` answered with ``entry`` by the knowledge base, and its answer among the engine's replies."""
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry), (answer.status, answer.entry and answer.entry.id)
    assert kb.entry(entry).answer in play(kb, question).replies


def declined(kb: Any, question: str) -> None:
    """``question`` declined as out of domain, and no entry's answer among the engine's replies."""
    assert kb.ask(question).status == "out_of_domain"
    replies = play(kb, question).replies
    assert not any(entry.answer in replies for entry in kb.entries)
