"""The review's findings on fix60's features (review3 R3, R12, R4), through the engine: each as an applicant meets it."""
from __future__ import annotations

import pytest

from dialogs.privacy import mask_id_number
from tests.support.chat import BASIC, VALID_ID, answer_all, play, start

SUMMARY = [*BASIC, "0"]


@pytest.mark.parametrize("at_checklist", [False, True])
def test_a_new_type_refused_at_its_consent_keeps_the_type_and_every_answer(chat, at_checklist):
    """R3: consent given, then a change of business type asks it again; "不同意" there dropped every answer and
    struck them from the transcript, "已经删除" said though they came after the first consent."""
    start(chat, "积分新办")
    answer_all(chat, SUMMARY + (["确认"] if at_checklist else []))
    before = {f: v for f, v in chat.state["answers"].items() if f != "confirmed"}  # a change is confirmed again
    answer_all(chat, ["修改 业务类型", "积分续办"])
    assert chat.state["state"] == "consent"
    reply = chat.send("不同意")
    assert "删除" not in reply and "积分新办" in reply
    assert chat.state["answers"] == before and chat.state["state"] == "summary"
    assert "张三" in str(chat.conversations.store.read_log("transcript", chat.user))
    if at_checklist:
        assert chat.application["answers"]["name"] == "张三"


def test_a_new_type_agreed_to_then_changed_again_still_keeps_the_answers(chat):
    """The type agreed to under its own consent is the one a later refusal keeps."""
    start(chat, "积分新办")
    answer_all(chat, [*SUMMARY, "修改 业务类型", "积分续办", "同意", "修改 业务类型", "积分新办"])
    reply = chat.send("不同意")
    assert "积分续办" in reply and chat.state["answers"]["business_type"] == "renew"
    assert chat.state["answers"]["name"] == "张三"


AT_NAME = ["你好", "积分新办", "2027-08-25", "同意"]


@pytest.mark.parametrize("said", ["我叫张伟 不好意思打错了 手机号是13800138000", "我叫张伟 抱歉打错了 身份证号是11010519491231002X",
                                  "我叫张伟 不好意思 打错了 单位是上海某某科技有限公司", "我叫张伟 打错了 邮箱是zw@example.com",
                                  "我叫张伟 对不起打错了 我重新发", "我叫张伟 不好意思打错了 我媳妇叫李娜"])
def test_what_follows_a_typo_apology_is_not_saved_as_the_name_unless_it_is_one(kb, said):
    """R12: after "(不好意思)打错了" whatever followed was saved as the name ("手机号是", the employer, "我重新发")."""

    outcome = play(kb, *AT_NAME, said)
    assert outcome.state["answers"].get("name") in (None, "张伟")


def test_a_name_put_right_after_a_typo_apology_is_still_the_new_name(kb):

    assert play(kb, *AT_NAME, "我叫王芳 不好意思打错了 是王方").state["answers"]["name"] == "王方"


def test_an_id_number_typed_with_a_small_x_is_struck_after_the_refusal(chat):
    """R4: the ID was struck as saved ("…002X") and masked so; typed "…002x", its masked form stayed in the transcript."""
    typed = VALID_ID.lower()
    assert typed != VALID_ID  # the number ends in X
    answer_all(chat, [f"我叫王芳 身份证{typed}", "积分新办", "2027-08-25"])
    chat.send("不同意")
    kept = str(chat.conversations.store.read_log("transcript", chat.user)).lower()
    assert typed not in kept and mask_id_number(VALID_ID).lower() not in kept
