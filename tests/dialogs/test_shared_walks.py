"""The walks tests share (tests/support/chat.py): a walk given from a copy leaves the store exactly as
walking it does, and a walk is taken for real wherever a copy could differ."""
from __future__ import annotations

from unittest.mock import ANY

from bot.applicant.conversation import Conversations
from dialogs import engine
from dialogs.events import Context, Text
from storage import open_store
from tests.support.chat import BASIC, TODAY, Chat, application_in, at_question, play


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


def test_a_played_walk_given_from_its_kept_state_ends_as_a_walk_taken_afresh(kb):
    walk = ["你好", "积分新办", "2027-08-25", "同意", *BASIC[:2]]
    state = None
    for text in walk:
        fresh = engine.handle(state, Text(text), Context(today=TODAY.date(), kb=kb))
        state = fresh.state
    for _ in range(2):  # the second time, every turn but the last is given from the kept state
        played = play(kb, *walk)
        assert (played.replies, played.state) == (fresh.replies, {**fresh.state, "application_id": ANY})
    played.state["answers"]["name"] = "李四"  # a test's changes stay its own
    assert play(kb, *walk, BASIC[2]).state["answers"]["name"] == BASIC[0]
