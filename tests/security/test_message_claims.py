"""A message's claim is a lease held by its holder (issue 14, item 2), on every backend: a retry
takes over the message of a holder that died, waits for a live holder's reply, and a message the
state has already taken in is never applied twice, whatever the claims say."""
from __future__ import annotations

import time

import pytest

from bot.applicant.conversation import Conversations
from dialogs.events import Text
from storage.inbox import DONE, LEASE_SECONDS, SEEN_FIELD, Inbox, Replayed

KEY = "wx:msg:oDead:42"


@pytest.fixture(params=["sqlite", "redis"])
def conversations(request):
    return Conversations(request.getfixturevalue(f"{request.param}_store"))


def said(conversations: Conversations, user: str) -> list[str]:
    return [entry["in"] for entry in conversations.store.read_log("transcript", user)]


def test_a_retry_processes_the_message_of_a_holder_that_died_once_its_lease_ends(conversations):
    store = conversations.store
    store.claim(KEY, 0.3, "dead0000dead0000")  # claimed, then the worker was killed: no reply, ever
    store.claim("lock:oDead", 0.3, "dead0000dead0000")

    began = time.monotonic()
    replies = conversations.handle("oDead", Text("你好"), once=KEY)

    assert "业务类型" in "".join(replies) and 0.25 < time.monotonic() - began < LEASE_SECONDS
    assert said(conversations, "oDead") == ["你好"]
    assert conversations.handle("oDead", Text("你好"), once=KEY) == [store.recall(KEY)[len(DONE):]]
    assert said(conversations, "oDead") == ["你好"]


def test_a_message_already_taken_in_by_the_state_is_not_applied_again(conversations):
    conversations.handle("oSlow", Text("你好"), once=KEY)
    conversations.store.forget(KEY)  # as if the claim had run out while its holder was only slow
    state = conversations.store.get("conversation", "oSlow")

    assert conversations.handle("oSlow", Text("你好"), once=KEY) == []
    assert conversations.store.get("conversation", "oSlow")["state"] == state["state"]
    assert KEY in state[SEEN_FIELD] and said(conversations, "oSlow") == ["你好"]


def test_a_first_use_key_held_with_another_value_refuses_the_message_and_leaves_nothing_claimed(conversations):
    conversations.handle("oFirst", Text("你好"), once="wx:msg:oFirst:1", first_use=("wx:sig:s", 60, "body-1"))

    with pytest.raises(Replayed):
        conversations.handle("oOther", Text("你好"), once="wx:msg:oOther:2", first_use=("wx:sig:s", 60, "body-2"))
    same = conversations.handle("oFirst", Text("你好"), once="wx:msg:oFirst:1", first_use=("wx:sig:s", 60, "body-1"))

    assert "业务类型" in "".join(same)
    store = conversations.store
    assert store.get("conversation", "oOther") is None
    assert store.recall("wx:msg:oOther:2") is None and store.recall("lock:oOther") is None


def test_a_message_whose_holder_died_after_saving_the_state_still_gets_its_transcript_line_once(conversations):
    store = conversations.store
    with pytest.raises(ConnectionResetError):  # the holder saved the state of a turn with effects, then died
        with Inbox(store).turn("oHalf", KEY) as turn:
            turn.take(lambda state, application: ({"state": "name", "answers": {}}, "effects to run"),
                      ending=lambda _result: None)
            raise ConnectionResetError
    assert said(conversations, "oHalf") == []

    assert conversations.handle("oHalf", Text("同意"), once=KEY) == []  # WeChat's retry: nothing applied again
    assert conversations.handle("oHalf", Text("同意"), once=KEY) == [""]  # and a later retry gets that end
    assert said(conversations, "oHalf") == ["同意"]
    assert store.get("conversation", "oHalf")["state"] == "name"
