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


def _through_init(saved):
    """How ``from_dict`` read a state before it filled the instance in itself: through ``__init__``, each key
    looked up by name (the reference its reading is held equal to)."""
    own, extra = {}, {}
    for key, value in saved.items():
        if key not in _OWN_FIELDS:
            extra[key] = value
        elif value is not None:
            own[key] = value
    state = ConversationState(**own, extra=extra)
    state.answers, state.photos, state.unassigned = dict(state.answers), list(state.photos), list(state.unassigned)
    state.converted, state.photo_plan = list(state.converted), list(state.photo_plan)
    return state


def test_a_stored_state_reads_back_as_through_init_whatever_it_holds():
    import random

    rng = random.Random(19)
    choices = {"flow": ["application"], "state": ["business_type", "mobile", "summary", "materials"],
               "answers": [{}, {"name": "张三", "children": 0}], "failures": [0, 2], "faq_misses": [0, 1],
               "pending": ["restart", {"faq": ["a", "b"]}, {"years": 6}], "paused": [False, True],
               "application_id": ["A1"], "material": ["id_card"], "material_file": ["", "ab12"],
               "photos": [[], ["p1", "p2"]], "unassigned": [[], ["u1"]], "photo_plan": [["c1"]],
               "just_answered": ["name"], "photo_dropped": [False, True], "refused": ["mobile"], "district": ["浦东新区"],
               "offered_type": ["续办"], "last_day": ["2026-12-05"], "typing_for": ["儿子"], "erase_requested": [True],
               "converted": [["name"]], "partly_told": [["spouse"]]}
    assert set(choices) == set(_OWN_FIELDS)
    others = {"seen": ["wx:msg:u:1"], "escalation": "e1", "extra": {"not": "ours"}}
    for _ in range(3000):
        saved = {}
        for key in rng.sample([*choices, *others], rng.randint(0, len(choices) + len(others))):
            saved[key] = None if rng.random() < 0.2 else rng.choice(choices[key]) if key in choices else others[key]
        read = orjson.loads(orjson.dumps(saved))
        ours, theirs = ConversationState.from_dict(read), _through_init(orjson.loads(orjson.dumps(saved)))
        assert ours == theirs and list(ours.to_dict().items()) == list(theirs.to_dict().items()), saved
        for name in ("answers", "photos", "unassigned", "photo_plan", "converted"):
            assert getattr(ours, name) is not read.get(name)  # copied: the caller's left alone
        assert (ours.partly_told is read.get("partly_told")) == (read.get("partly_told") is not None)
