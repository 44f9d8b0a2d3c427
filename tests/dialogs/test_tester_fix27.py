"""The tester's last round (fix27): what an option or a question's word means asked where it is asked (T2/T16/T53),
the optional e-mail taken off at the summary (T25), a goodbye at the checklist (T28),
Shanghainese denials (T33), a children count seldom true asked about once (T34),
a foreign school after 国外学历 否 (T36), a photo said sent wrong and another item's,
a return after more than a week, photos taken again after a return."""
from __future__ import annotations

from datetime import timedelta

import pytest

from bot.applicant.conversation import Conversations

from dialogs import render
from dialogs.events import Image
from tests.support.chat import BASIC, TODAY, Chat, answer_all, application_in, at_married_checklist, at_married_summary, at_question, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base

MARRIED = [*BASIC[:4], "已婚", *BASIC[5:]]


def at_spouse_options(chat) -> None:
    start(chat, "积分新办")
    answer_all(chat, MARRIED)
    assert chat.state["state"] == "spouse_options"


# -- T2/T16/T53: what the word asked about means, then the question again ------------------------------
@pytest.mark.parametrize("asked", ["同住子女指的是哪些小孩", "啥叫同住子女啊", "同住子女是啥意思"])
def test_what_children_to_count_means_is_the_entry_on_which_children_count(chat, kb, asked):
    at_question(chat, "children")
    reply = chat.send(asked)
    assert kb.entry("which-children-count").answer in reply
    assert reply.endswith("请回复数字，没有请回复 0。")
    assert "children" not in chat.state["answers"] and chat.state["state"] == "children"


@pytest.mark.parametrize("asked, entry", [
    ("第2个选项是啥意思", "material-spouse-hukou"),
    ("选项一指什么", "material-spouse-companion"),
    ("随员是指啥", "spouse-companion-meaning"),
    ("本市户籍那个选项是什么意思", "material-spouse-hukou"),
])
def test_a_spouse_option_asked_about_by_its_place_or_name_is_explained(chat, kb, asked, entry):
    at_spouse_options(chat)
    reply = chat.send(asked)
    assert kb.entry(entry).answer in reply and reply.rstrip().endswith("都没有请回复 0 或“无”。")
    assert "spouse_options" not in chat.state["answers"] and chat.state["state"] == "spouse_options"


# -- T25: the optional e-mail taken off at the summary ------------------------------------------------
@pytest.mark.parametrize("said", ["邮箱帮我删了", "邮箱就不填了", "不留邮箱了", "邮箱那栏不写了"])
def test_the_e_mail_taken_off_at_the_summary_is_left_blank_and_the_summary_shown_again(chat, said):
    at_married_summary(chat)
    assert chat.state["answers"]["email"]
    reply = chat.send(said)
    assert chat.state["answers"]["email"] == "" and chat.state["state"] == "summary"
    assert "邮箱地址：未填写" in reply and "无误请回复“确认”" in reply


# -- T28: a goodbye at the checklist is a pause, with the way back ------------------------------------
@pytest.mark.parametrize("said", ["好嘞 拜拜", "再见哈", "今天先到这里 回头再弄"])
def test_a_goodbye_at_the_checklist_pauses_with_how_to_come_back(chat, said):
    at_married_checklist(chat)
    reply = chat.send(said)
    assert render.SAVED_FOR_LATER in reply and chat.state["paused"]
    assert chat.state["state"] == "materials" and chat.state.get("material") is None


# -- T33: Shanghainese denials are Mandarin's ------------------------------------------------------------
@pytest.mark.parametrize("said", ["伐需要的", "勿要哦", "邮箱伐要"])
def test_a_shanghainese_no_at_the_e_mail_leaves_it_blank(chat, said):
    at_question(chat, "email")
    chat.send(said)
    assert chat.state["answers"]["email"] == "" and chat.state["state"] != "email"


@pytest.mark.parametrize("said", ["伐要", "勿需要"])
def test_a_shanghainese_no_to_the_bonus_options_chooses_none(chat, said):
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    assert chat.state["state"] == "bonus_options"
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == []


def test_a_shanghainese_no_to_a_yes_no_question_is_no(chat):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "2"])
    assert chat.state["state"] == "edu_fulltime"
    chat.send("弗是额")
    assert chat.state["answers"]["edu_fulltime"] is False


# -- T34: a count of children seldom true is asked about once before it is saved -----------------------
@pytest.mark.parametrize("said, count", [("9", 9), ("十一个", 11), ("有15个孩子", 15)])
def test_an_unlikely_children_count_is_asked_about_before_it_is_saved(chat, said, count):
    at_question(chat, "children")
    reply = chat.send(said)
    assert f"您填的是{count}个同住子女，对吗？" in reply
    assert "children" not in chat.state["answers"] and chat.state["state"] == "children"
    chat.send("没错")
    assert chat.state["answers"]["children"] == count and chat.state["state"] == "marital_status"


def test_the_count_put_right_after_the_check_is_saved_instead(chat):
    at_question(chat, "children")
    chat.send("10")
    chat.send("说错了 是1个")
    assert chat.state["answers"]["children"] == 1 and chat.state["state"] == "marital_status"


def test_an_unlikely_count_said_with_another_answer_is_asked_about_and_the_other_kept(chat):
    at_question(chat, "children")
    assert "您填的是12个同住子女，对吗？" in chat.send("12个孩子，离异")
    assert chat.state["answers"]["marital_status"] == "divorced" and "children" not in chat.state["answers"]
    chat.send("对")
    assert chat.state["answers"]["children"] == 12


def test_a_usual_count_is_saved_without_a_check(chat):
    at_question(chat, "children")
    assert "对吗" not in chat.send("3")
    assert chat.state["answers"]["children"] == 3


# -- T36: a foreign school named after the degree was said not to be foreign ----------------------------
def at_school_not_foreign(chat) -> None:
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "2", "是", "否", "硕士"])
    assert chat.state["state"] == "edu_school" and chat.state["answers"]["edu_foreign"] is False


@pytest.mark.parametrize("school", ["Monash University", "墨尔本大学", "英国华威大学"])
def test_a_foreign_school_after_no_foreign_degree_asks_which_is_right(chat, school):
    at_school_not_foreign(chat)
    reply = chat.send(school)
    assert "哪个对" in reply and chat.state["state"] == "edu_school"
    chat.send("1")
    assert chat.state["answers"]["edu_foreign"] is True and chat.state["answers"]["edu_school"] == school
    assert chat.state["state"] == "summary"


def test_the_school_said_right_keeps_the_degree_not_foreign(chat):
    at_school_not_foreign(chat)
    chat.send("Monash University")
    chat.send("不是国外的 名字没错")
    assert chat.state["answers"]["edu_foreign"] is False and chat.state["state"] == "summary"


def test_a_mainland_school_asks_nothing(chat):
    at_school_not_foreign(chat)
    assert "哪个对" not in chat.send("华东师范大学")
    assert chat.state["state"] == "summary"


# -- a photo said sent wrong, and another item's: moved there -------------------------------------------
@pytest.mark.parametrize("said", ["发错了 它是第5项的", "拍错了，应该算第五项", "这张是第5项"])
def test_a_photo_said_sent_wrong_and_another_items_moves_there(chat, said):
    at_married_checklist(chat)
    chat.send("1")
    chat.conversations.handle(chat.user, Image("m7"))
    assert chat.state["material"] == "commission_form" and chat.state["photos"] == ["m7"]
    chat.send(said)
    fifth = chat.application["checklist"][4]
    assert chat.state["material"] == fifth and chat.state["photos"] == ["m7"]


# -- a return after more than a week: welcomed back, told where they were -------------------------------
def test_a_return_after_more_than_a_week_is_welcomed_with_where_they_were(sqlite_store):
    now = [TODAY]
    chat = Chat(Conversations(sqlite_store, now=lambda: now[0]))
    at_question(chat, "employer")
    now[0] = TODAY + timedelta(days=9)
    reply = chat.send("上海某某科技有限公司")
    assert chat.last[0].startswith("欢迎回来") and "9 天" in reply and "所在单位" in chat.last[0]
    assert chat.state["answers"]["employer"] == "上海某某科技有限公司"  # the message is still taken
    now[0] += timedelta(days=2)
    assert "欢迎回来" not in chat.send("0")  # two days later: nothing to say


def test_a_return_within_the_week_is_not_welcomed_back(sqlite_store):
    now = [TODAY]
    chat = Chat(Conversations(sqlite_store, now=lambda: now[0]))
    at_question(chat, "employer")
    now[0] = TODAY + timedelta(days=7)
    assert "欢迎回来" not in chat.send("上海某某科技有限公司")


# -- after a return, "taking the photos again" chooses what was returned -------------------------------
def returned_with(chat, count: int) -> list[str]:
    application_in(chat, "draft")
    codes = chat.application["checklist"]
    chat.conversations.store.update("application", chat.application["id"], lambda a: {
        **a, "status": "returned", "materials": {
            **{c: {"status": "uploaded", "sha256": "a" * 64, "pages": 1} for c in codes},
            **{c: {"status": "returned", "reason": "看不清"} for c in codes[1:1 + count]}}})
    return codes[1:1 + count]


@pytest.mark.parametrize("said", ["好 那我重拍吧", "我重新再照一下"])
def test_taking_photos_again_after_one_item_returned_chooses_it(chat, said):
    returned = returned_with(chat, 1)
    chat.send(said)
    assert chat.state["material"] == returned[0]


def test_taking_photos_again_after_several_returned_lists_them(chat):
    returned_with(chat, 2)
    reply = chat.send("好 那我重拍吧")
    assert "被退回的材料有：2. 承诺书、3. 持证人身份证(正反面)" in reply and chat.state["material"] is None
