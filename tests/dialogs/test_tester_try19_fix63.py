"""Answers dropped beside something else in the same message (try19 V8, V4 and their kin; fix63), through the
engine and a real store."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, at_question, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


# V8: "我单位是X 人工是想问下…" was read as no answer at all (the person addressed): the employer was dropped and asked
# again. The employer is kept and said back, and the question answered beside it, no person opened.
def test_an_employer_kept_beside_a_question_put_to_the_person(chat):
    at_question(chat, "employer")
    reply = chat.send("我们公司是上海明光家政服务有限公司 人工是想问下社保断过能办吗")
    assert "所在单位记录为：上海明光家政服务有限公司" in reply
    assert "社保" in reply and "已为您转接" not in reply
    assert chat.state["state"] == "children"


# Where the knowledge base is unsure of the question, the model read no answer or a question alone: the same.
@pytest.mark.parametrize("employer", ["上海绿洲物业管理有限公司", "上海蓝湾物业管理有限公司"])
def test_an_employer_kept_beside_a_question_the_knowledge_base_is_unsure_of(chat, employer):
    at_question(chat, "employer")
    reply = chat.send(f"我单位是{employer} 人工是想问下保安可以办积分吗")
    assert f"所在单位记录为：{employer}" in reply and "已为您转接" not in reply
    assert chat.state["state"] == "children"


# V4: "那就改成0" right after the bot explained the children's count (asked whether a grown child counts) named no item,
# and the bot asked which to change. The item just explained is the one changed.
def test_a_change_naming_no_item_changes_the_one_just_explained(chat):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC[:3], "1", *BASIC[4:], "0"])
    assert chat.state["state"] == "summary"
    assert "修改 子女人数" in chat.send("闺女今年二十了在外地读大学 还算同住子女吗")
    reply = chat.send("那改成0吧")
    assert "已将同住子女人数改为：0" in reply and "请告诉我要修改哪一项" not in reply
    assert chat.state["answers"]["children"] == 0


def test_a_count_told_after_its_meaning_was_explained_answers_the_question_waiting(chat):
    at_question(chat, "children")
    chat.send("子女人数指的是什么")
    chat.send("那就改成0")
    assert chat.state["answers"]["children"] == 0 and chat.state["state"] != "children"


def test_a_change_naming_no_item_with_nothing_explained_still_asks_which(chat):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC[:3], "1", *BASIC[4:], "0"])
    assert "请告诉我要修改哪一项" in chat.send("那改成0吧")


# A job change told at the checklist in other everyday words than fix59's: "“了”不像是单位名称", or read as the
# business type 单位信息变更 (and the 居住证 item shown, 上海 being in its name). The employer is changed and confirmed.
@pytest.mark.parametrize("told", ["我跳槽到上海云帆广告有限公司了", "我换工作了，现在在上海云帆广告有限公司上班"])
def test_a_job_change_told_at_the_checklist_changes_the_employer(chat, told):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("确认")
    reply = chat.send(told)
    assert "已将所在单位改为：上海云帆广告有限公司" in reply and "请核对您填写的信息" in reply
    chat.send("确认")
    assert chat.application["answers"]["employer"] == "上海云帆广告有限公司"
    assert chat.application["answers"]["business_type"] == "new"


# A parent typing for a grown child names the child and the type at the name question: the type was saved and the name
# silently lost. The name is kept aside and asked about, as when the relative's name comes alone; a yes saves it.
def test_a_relatives_name_beside_the_type_is_asked_about_not_lost(chat):
    at_question(chat, "name")
    reply = chat.send("我儿子叫韩子墨 积分续办")
    assert "韩子墨" in reply and "请回复“是”" in reply
    assert chat.state["answers"]["business_type"] == "renew"
    chat.send("是")
    assert chat.state["answers"]["name"] == "韩子墨"
