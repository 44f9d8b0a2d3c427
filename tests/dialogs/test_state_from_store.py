"""A conversation's state read back from the store (dialogs.state): its own fields by name, None as the
default, every other key kept as it came, whatever object the key's text is (orjson's, not the interned name)."""
from __future__ import annotations

import orjson

from dialogs.state import _OWN_FIELDS, ConversationState


def test_a_stored_state_reads_back_field_by_field_and_keeps_the_keys_of_others():
    saved = {"escalation": "e1", "state": "mobile", "answers": {"name": "张三"}, "pending": None, "failures": 2,
             "messages_taken": ["wx:msg:u:1"], "photos": ["p1"], "extra": {"not": "ours"}, "material": None}
    read = orjson.loads(orjson.dumps(saved))  # keys as the store gives them
    state = ConversationState.from_dict(read)
    assert (state.state, state.answers, state.failures, state.photos) == ("mobile", {"name": "张三"}, 2, ["p1"])
    assert state.pending is None and state.material is None and state.paused is False  # None and absent: defaults
    assert state.extra == {"escalation": "e1", "messages_taken": ["wx:msg:u:1"], "extra": {"not": "ours"}}
    assert state.answers is not read["answers"] and state.photos is not read["photos"]  # the caller's left alone
    again = state.to_dict()
    assert list(again)[:3] == ["escalation", "messages_taken", "extra"] and list(again)[3:] == list(_OWN_FIELDS)
    assert {k: v for k, v in again.items() if v is not None and k in saved} == {k: v for k, v in saved.items() if v is not None}
    assert ConversationState.from_dict(None) == ConversationState.from_dict({}) == ConversationState()
