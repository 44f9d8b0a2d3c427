"""try18's leftovers in the dialogue after the checklist (fix59), through the engine and a real store."""
from __future__ import annotations

from tests.support.chat import BASIC, answer_all, start


# U21: "我上个月跳槽了 现在在X公司" at the checklist asked the employer again: the answer's name ("公司") is inside the
# new employer's, so nothing followed it. The employer told is taken, said back, and the summary asks to confirm it.
def test_a_new_employer_told_as_a_job_change_is_taken_and_confirmed(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("确认")
    reply = chat.send("我上个月跳槽了 现在在上海星辰信息技术有限公司")
    assert "已将所在单位改为：上海星辰信息技术有限公司" in reply and "请核对您填写的信息" in reply
    assert chat.state["state"] == "summary"
    chat.send("确认")
    assert chat.application["answers"]["employer"] == "上海星辰信息技术有限公司"


def test_a_new_employer_named_after_the_item_as_before(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("确认")
    assert "已将所在单位改为：上海蓝天物流有限公司" in chat.send("单位改成上海蓝天物流有限公司")
