from __future__ import annotations

from datetime import datetime

import pytest

from bot.applicant.conversation import Conversations
from dialogs.events import Text

TODAY = datetime(2026, 11, 24, 10, 0)


class Chat:
    """One applicant talking to the assistant through the real service and store."""

    def __init__(self, conversations: Conversations, user: str = "applicant-1") -> None:
        self.conversations, self.user = conversations, user
        self.last: list[str] = []

    def send(self, text: str) -> str:
        self.last = self.conversations.handle(self.user, Text(text))
        return "\n".join(self.last)

    @property
    def state(self) -> dict:
        return self.conversations.store.get("conversation", self.user)

    @property
    def application(self) -> dict | None:
        app_id = (self.state or {}).get("application_id")
        return self.conversations.store.get("application", app_id) if app_id else None


@pytest.fixture
def conversations(sqlite_store) -> Conversations:
    return Conversations(sqlite_store, now=lambda: TODAY)


@pytest.fixture
def chat(conversations) -> Chat:
    return Chat(conversations)
