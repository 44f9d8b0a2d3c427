""""下一个", "下一项", "next" after the checklist: the next item on the list still to send — after the
one in hand (its photos sent first), or the first when none is in hand."""
from __future__ import annotations

import pytest

from bot.applicant.conversation import Conversations
from bot.applicant.effects import Effects
from dialogs.events import Image
from tests.support.chat import TODAY, Chat, application_in

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.fixture
def draft(chat):
    application_in(chat, "draft")
    return chat


def in_hand(chat) -> str | None:
    return chat.state.get("material")


@pytest.mark.parametrize("said", ["下一个", "下一项", "next", "好 下一个吧"])
def test_the_next_item_asked_for_with_none_in_hand_is_the_first_still_to_send(draft, said):
    reply = draft.send(said)
    assert in_hand(draft) == "commission_form" and reply.startswith("咨询服务委托单：")


def test_the_next_item_asked_for_while_photographing_one_is_the_item_after_it(draft):
    draft.send("1")
    draft.send("下一项")
    assert in_hand(draft) == "commitment_letter"
    draft.send("next")
    assert in_hand(draft) == "id_card"


def test_the_photos_of_the_item_in_hand_are_sent_before_the_next_item_is_chosen(sqlite_store, kb):
    jobs = []
    effects = Effects(sqlite_store, now=lambda: TODAY, enqueue=lambda name, **job: jobs.append((name, job)))
    chat = Chat(Conversations(sqlite_store, kb=kb, now=lambda: TODAY, effects=effects))
    application_in(chat, "draft")
    chat.send("1")
    chat.conversations.handle(chat.user, Image("m1"))
    reply = chat.send("下一个")
    assert [(name, job["code"], job["media_ids"]) for name, job in jobs] == [("build_material", "commission_form", ["m1"])]
    assert in_hand(chat) == "commitment_letter" and "承诺书：" in reply


def test_the_next_item_asked_for_at_the_last_one_still_to_send_keeps_it_not_says_all_are_sent(draft):
    app_id = draft.application["id"]
    last = draft.application["checklist"][-1]
    uploaded = {code: {"status": "uploaded", "sha256": "a" * 64} for code in draft.application["checklist"][:-1]}
    draft.conversations.store.update("application", app_id, lambda a: {**a, "materials": uploaded})
    draft.send(str(len(draft.application["checklist"])))
    assert in_hand(draft) == last
    reply = draft.send("下一个")
    assert in_hand(draft) == last and "所有材料都已上传" not in reply
