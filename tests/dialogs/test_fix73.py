"""fix73: the last session's known leftovers (review6 P4, P5, P9; the approval's review time; names at the name
question; nlu30's leftovers; a retaken page)."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import BASIC, VALID_ID, answer_all, application_in, at_question, play, returned_with, start

pytestmark = pytest.mark.answers_questions

CHOSEN = ["你好", "积分新办", "2027-08-25"]
REVIEW_TIME = "公开资料没有写外服预审要多长时间"


@pytest.mark.parametrize("status", ["approved", "submitted"])
@pytest.mark.parametrize("said", ["我这单啥时候能好", "结果啥时候出来"])
def test_ones_own_application_asked_after_gets_the_review_time(chat, status, said):
    application_in(chat, status)
    assert REVIEW_TIME in chat.send(said)
    assert chat.application["status"] == status


def _contests(chat) -> list[dict]:
    return [e for e in chat.conversations.store.find("escalation", user_id=chat.user) if e["reason"] == "return_contested"]


# review6 P4: an objection ending in a question word was answered as a question about copies, and never filed
@pytest.mark.parametrize("said", ["我交的就是原件 怎么还说是复印件呢", "这张明明是清楚的 凭啥退"])
def test_an_objection_ending_in_a_question_word_is_filed(chat, said):
    reply = returned_with(chat, {"id_card": "复印件不清晰"}).send(said)
    assert "复印件不清晰" in reply and render.RETURN_CONTEST_TAKEN in reply
    [contest] = _contests(chat)
    assert said in contest["note"]


@pytest.mark.parametrize("said", ["为什么说是复印件", "复印件不清晰是什么意思"])
def test_the_reason_only_asked_about_is_no_objection(chat, said):
    reply = returned_with(chat, {"id_card": "复印件不清晰"}).send(said)
    assert render.RETURN_CONTEST_TAKEN not in reply and not _contests(chat)


# review6 P5: one's own details before asking where the application stands were read as an edit ("信息不能再修改")
@pytest.mark.parametrize("status", ["submitted", "approved", "returned"])
@pytest.mark.parametrize("said", [f"我是张三 {VALID_ID} 到哪一步了", f"张三，{VALID_ID}，到哪一步了"])
def test_own_details_before_asking_where_it_stands_get_the_progress(chat, status, said):
    application_in(chat, status)
    answers = dict(chat.state["answers"])
    reply = chat.send(said)
    assert "当前状态：" in reply and "不能再修改" not in reply
    assert chat.state["answers"] == answers and not chat.application.get("reported_corrections")


# nlu30's leftover: nothing to change said with the okay at the summary was read as an edit ("请告诉我要修改哪一项")
@pytest.mark.parametrize("said", ["全对 不改了", "都对 不用改了", "都没错 不需要修改"])
def test_nothing_to_change_said_with_the_okay_confirms_the_summary(chat, said):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "0"])
    assert chat.state["state"] == "summary"
    reply = chat.send(said)
    assert chat.state["state"] == "materials" and "要修改哪一项" not in reply


@pytest.mark.parametrize(("said", "state"), [("其他都对 就是手机号要改", "mobile"), ("孩子那项没问题 就是手机号不对", "mobile"),
                                             ("我再核对一下 没问题就确定", "summary")])
def test_an_edit_or_a_promise_to_check_at_the_summary_confirms_nothing(chat, said, state):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "0"])
    chat.send(said)
    assert chat.state["state"] == state


# Names at the name question: two people parted by a comma were saved as the first's; a province said beside a name
# made two people of it (or was joined into it)
@pytest.mark.parametrize("said", ["王芳，李四", "王芳、李四", "王 芳 李 四"])
def test_two_names_parted_by_a_comma_ask_whose_it_is(kb, said):
    outcome = play(kb, *CHOSEN, "同意", said)
    assert "像是两个人的姓名" in "\n".join(outcome.replies) and "name" not in outcome.state["answers"]


@pytest.mark.parametrize("said", ["陈静 江西", "陈静，江西的"])
def test_a_province_said_beside_the_name_is_no_second_person(kb, said):
    assert play(kb, *CHOSEN, "同意", said).state["answers"]["name"] == "陈静"


# nlu30's leftovers at the name: a complaint about the phone saved as the name, the name typed twice saved twice over,
# a name put right in the same message ("打错" with no 了) saved as first typed
@pytest.mark.parametrize("said", ["这破手机 键盘老跳", "输入法老乱跳 烦死"])
def test_the_phone_complained_of_at_the_name_is_no_name(kb, said):
    outcome = play(kb, *CHOSEN, "同意", said)
    assert "name" not in outcome.state["answers"] and "姓名记录为" not in "\n".join(outcome.replies)


@pytest.mark.parametrize(("said", "name"), [("冉小雨冉小雨", "冉小雨"), ("冉小雨 冉小雨", "冉小雨"), ("颜志洪 打错 颜志鸿", "颜志鸿"),
                                            ("颜志洪 写错 颜志鸿", "颜志鸿"), ("李娜娜", "李娜娜")])
def test_a_name_typed_twice_or_put_right_is_saved_once(kb, said, name):
    assert play(kb, *CHOSEN, "同意", said).state["answers"]["name"] == name


# nlu30's leftover: an address dictated with its name heard as characters got the bare "格式不正确"
@pytest.mark.parametrize(("said", "domain"), [("张伟 艾特 qq 点 com", "qq.com"), ("张伟艾特163点com", "163.com")])
def test_an_address_dictated_with_its_name_in_characters_says_what_to_type(chat, said, domain):
    at_question(chat, "email")
    reply = chat.send(said)
    assert "汉字“张伟”" in reply and f"@{domain}" in reply and "email" not in chat.state["answers"]


def test_an_address_dictated_in_letters_is_still_offered(chat):
    at_question(chat, "email")
    assert "zhangwei@163.com" in chat.send("zhang wei at 163 dot com")
