"""The walks tests share (tests/support/chat.py): a walk given from a copy leaves the store exactly as
walking it does, and a walk is taken for real wherever a copy could differ."""
from __future__ import annotations

from bot.applicant.conversation import Conversations
from storage import open_store
from tests.support.chat import TODAY, Chat, application_in, at_question


def kept(chat: Chat) -> dict:
    store = chat.conversations.store
    return {"state": chat.state, "application": chat.application, "last": chat.last,
            "transcript": store.read_log("transcript", chat.user)}


def chat_on(tmp_path, name: str, *, shares_walks: bool, kb=None) -> Chat:
    return Chat(Conversations(open_store(f"sqlite:///{tmp_path / name}"), kb=kb, now=lambda: TODAY),
                shares_walks=shares_walks)


def test_a_shared_walk_leaves_what_walking_leaves(tmp_path):
    walked, first, copied = (chat_on(tmp_path, name, shares_walks=shares)
                             for name, shares in [("walked.db", False), ("first.db", True), ("copied.db", True)])
    ids = [application_in(chat, "待审核") for chat in (walked, first)]
    sent = copied.sent
    ids.append(application_in(copied, "待审核"))
    assert copied.sent == sent  # given from the copy: not one message sent
    assert ids[0] != ids[1] and ids[1] == ids[2]  # a new application's id is drawn afresh when walked
    expected = kept(walked)
    expected["application"]["id"] = ids[2]
    for chat in (first, copied):
        assert kept(chat)["state"] == {**expected["state"], "application_id": ids[2]}
        assert {**kept(chat), "state": None} == {**expected, "state": None}
    assert copied.send("清单") == first.send("清单")  # and the dialogue goes on from it


def test_a_walk_on_a_store_that_holds_something_is_taken_for_real(tmp_path):
    chat = chat_on(tmp_path, "one.db", shares_walks=True)
    at_question(chat, "email")
    other = Chat(chat.conversations, "applicant-2", shares_walks=True)
    sent = other.sent
    at_question(other, "email")
    assert other.sent > sent
    assert chat.state["state"] == other.state["state"] == "email"
