from __future__ import annotations

import pytest

from bot.applicant.conversation import Conversations
from knowledge import KnowledgeBase, load_default
from tests.support.chat import TODAY, Chat


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_default()


@pytest.fixture
def conversations(sqlite_store, request) -> Conversations:
    """The dialogue on a real store; with the shipped knowledge base where the test module is marked
    ``answers_questions`` (without it, a question gets the out-of-scope reply)."""
    kb = request.getfixturevalue("kb") if request.node.get_closest_marker("answers_questions") else None
    return Conversations(sqlite_store, kb=kb, now=lambda: TODAY)


@pytest.fixture
def chat(conversations, request) -> Chat:
    """The applicant on the fixture's dialogue; it shares the walks of tests/support/chat.py with the
    other tests of its process unless the test patches code or the clock."""
    patched = {"monkeypatch", "time_machine"} & set(request.fixturenames)
    return Chat(conversations, shares_walks=not patched)
