from __future__ import annotations

import pytest

from bot.applicant.conversation import Conversations
from tests.support.chat import TODAY, Chat


@pytest.fixture
def conversations(sqlite_store) -> Conversations:
    return Conversations(sqlite_store, now=lambda: TODAY)


@pytest.fixture
def chat(conversations) -> Chat:
    return Chat(conversations)
