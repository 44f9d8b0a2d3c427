"""Checklist items named inside a sentence, after the checklist and while photographing (testers'
rounds: "第一项要重新盖章吗", "拍3和4", "结婚证重新拍", "7拍好了", "算了不撤了", "？", "先传第2和第3项").
The phrasings here are others of the same kinds."""
from __future__ import annotations

import pytest

from tests.support.chat import Chat, answer_all, application_in, start

# A married applicant with one child, adding the spouse: nine items.
MARRIED = ["李娜", "11010519491231002X", "上海某某科技有限公司", "1", "已婚", "13800138000", "无", "1", "0"]
ITEMS = ["咨询服务委托单", "承诺书", "持证人身份证(正反面)", "上海市居住证", "户籍证明", "劳动(聘用)合同",
         "结婚证", "配偶身份证(正反面)", "子女出生医学证明及户籍证明"]


pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.fixture
def at_checklist(chat):
    start(chat, "积分新办")
    answer_all(chat, [*MARRIED, "确认"])
    assert f"9. {ITEMS[8]}" in chat.last[-1]
    return chat


def photographing(chat: Chat) -> str | None:
    return chat.state.get("material")


@pytest.mark.parametrize("text, item", [
    ("第二项要本人签吗", 2), ("第5項點樣影？", 5), ("item 6 requirement?", 6), ("第八项是啥", 8),
    ("第4项是什么东西", 4), ("第一项过期了还能用吗", 1), ("9号丢了怎么办", 9),
])
def test_a_question_about_an_item_by_its_place_answers_that_item_without_choosing_it(at_checklist, text, item):
    reply = at_checklist.send(text)
    assert reply.startswith(f"{ITEMS[item - 1]}：") and "超出" not in reply and "只支持中文" not in reply
    assert photographing(at_checklist) is None


def test_a_question_about_an_item_is_answered_by_the_entry_on_that_item(at_checklist):
    reply = at_checklist.send("第1项盖章日期有要求吗")
    assert reply.startswith(f"{ITEMS[0]}：") and "落款日期" in reply


def test_a_question_about_an_item_while_photographing_another_stays_on_it(at_checklist):
    at_checklist.send("3")
    reply = at_checklist.send("第7项是啥")
    assert reply.startswith(f"{ITEMS[6]}：") and f"正在上传“{ITEMS[2]}”" in reply
    assert photographing(at_checklist) == "id_card"


@pytest.mark.parametrize("text", ["3", "第3项", "拍第三项"])
def test_an_item_sent_by_its_number_alone_or_to_photograph_is_chosen(at_checklist, text):
    assert at_checklist.send(text).startswith(f"{ITEMS[2]}：")
    assert photographing(at_checklist) == "id_card"


@pytest.mark.parametrize("text", ["传5和6", "先拍第5、第6项", "拍5 6"])
def test_two_items_to_photograph_start_with_the_first_and_say_the_second_is_next(at_checklist, text):
    reply = at_checklist.send(text)
    assert reply.startswith(f"{ITEMS[4]}：") and f"第 6 项“{ITEMS[5]}”" in reply
    assert photographing(at_checklist) == "household_register"


@pytest.mark.parametrize("text, item, code", [
    ("户口本重新拍", 5, "household_register"), ("结婚证那个", 7, "marriage_certificate"),
    ("换成第8项拍", 8, "spouse_companion"), ("先传合同吧", 6, "labor_contract"),
])
def test_another_item_named_while_photographing_is_switched_to(at_checklist, text, item, code):
    at_checklist.send("1")
    reply = at_checklist.send(text)
    assert reply.startswith(f"{ITEMS[item - 1]}：") and "已取消" not in reply
    assert photographing(at_checklist) == code


@pytest.mark.parametrize("text", ["算了 不删了", "never mind", "哦 不取消了", "不用了"])
def test_taking_back_a_request_while_photographing_stays_on_the_item(at_checklist, text):
    at_checklist.send("2")
    reply = at_checklist.send(text)
    assert reply.startswith("好的") and f"正在上传“{ITEMS[1]}”" in reply and "已取消" not in reply
    assert photographing(at_checklist) == "commitment_letter"


def test_saying_an_item_is_not_needed_while_photographing_another_names_the_answer_to_change(at_checklist):
    at_checklist.send("2")
    reply = at_checklist.send("孩子早就工作了，第九项不需要吧")
    assert "不能单独删除" in reply and "修改 同住子女人数" in reply and "已取消" not in reply
    assert photographing(at_checklist) == "commitment_letter"


@pytest.mark.parametrize("text", ["6传好了", "第6项拍完了", "6拍好了，7下午再拍"])
def test_an_item_said_photographed_without_a_photo_says_none_arrived(at_checklist, text):
    reply = at_checklist.send(text)
    assert f"还没有收到第 6 项“{ITEMS[5]}”的照片" in reply and "回复“6”" in reply
    assert "提交" not in reply and not at_checklist.state.get("paused")


def test_the_item_in_hand_said_photographed_without_a_photo_asks_for_its_photos(at_checklist):
    at_checklist.send("6")
    reply = at_checklist.send("6拍好了")
    assert "还没有收到第 6 项" in reply and "请在对话里拍照发送" in reply
    assert photographing(at_checklist) == "labor_contract"


@pytest.mark.parametrize("text", ["？", "??", "？ ？"])
def test_a_bare_question_mark_while_photographing_says_where_the_applicant_is(at_checklist, text):
    at_checklist.send("4")
    assert f"正在上传“{ITEMS[3]}”" in at_checklist.send(text)
    assert photographing(at_checklist) == "residence_permit"


def test_choosing_items_while_an_answer_is_changed_leaves_the_edit_and_keeps_the_answer(at_checklist):
    at_checklist.send("修改 子女人数")
    reply = at_checklist.send("先拍第4和第5项")
    assert reply.startswith("好的，信息保持不变") and f"第 5 项“{ITEMS[4]}”" in reply
    assert at_checklist.state["state"] == "materials" and photographing(at_checklist) == "residence_permit"
    assert at_checklist.application["answers"]["children"] == 1


def test_choosing_an_item_after_an_answer_was_changed_waits_for_its_summary_to_be_confirmed(at_checklist):
    at_checklist.send("修改 子女人数")
    at_checklist.send("0")  # a new answer: its checklist differs
    reply = at_checklist.send("先传第2项")
    assert "信息保持不变" not in reply and at_checklist.state["state"] == "summary"
    assert at_checklist.application["answers"]["children"] == 1  # nothing confirmed unasked


def test_asking_about_items_while_an_answer_is_changed_answers_them_and_keeps_the_edit(at_checklist):
    at_checklist.send("修改 子女人数")
    reply = at_checklist.send("第8项和第9项分别要什么")
    assert ITEMS[7] in reply and ITEMS[8] in reply and reply.rstrip().endswith("不改请回复“保持”）")
    assert at_checklist.state["state"] == "children"


def test_a_question_about_an_item_past_the_end_says_how_many_there_are(at_checklist):
    assert "共 9 项，没有第 12 项" in at_checklist.send("第12项是什么")


def test_a_question_about_a_returned_item_is_answered(chat):
    application_in(chat, "returned")
    reply = chat.send("第一项要重新盖章吗")
    assert reply.startswith(f"{ITEMS[0]}：") and "盖章" in reply


def test_a_question_naming_the_item_in_hand_is_answered_not_taken_for_its_photos(at_checklist):
    at_checklist.send("8")
    reply = at_checklist.send("配偶身份证是指什么")
    assert reply.startswith(f"{ITEMS[7]}：") and "还没有收到" in reply.splitlines()[-1]
    assert photographing(at_checklist) == "spouse_companion"


def test_an_item_said_uploaded_that_was_uploaded_on_the_page_says_so(chat):
    application_in(chat, "draft", materials={"labor_contract": {"status": "uploaded"}})
    reply = chat.send("第6项我重新传了")
    assert reply.startswith("第 6 项“劳动(聘用)合同”已经上传") and "下一项建议上传" in reply


def test_an_item_said_uploaded_that_was_not_says_no_photo_arrived(chat):
    application_in(chat, "draft")
    assert "还没有收到第 6 项" in chat.send("6我已经传了")


@pytest.mark.parametrize("text", ["传了5项了", "试了3遍传不上去", "传了1个小时还没好", "12号去窗口交可以吗",
                                  "我3号下午去交材料行吗", "手机拍的传不上去 iphone 13"])
def test_a_count_a_day_or_a_model_beside_a_number_chooses_no_item(at_checklist, text):
    reply = at_checklist.send(text)
    assert photographing(at_checklist) is None and "没有第" not in reply


@pytest.mark.parametrize("text", ["这两项要什么", "退回的两项还要什么", "还有两项没传吗"])
def test_a_count_of_items_names_no_item(at_checklist, text):
    reply = at_checklist.send(text)
    assert not reply.startswith((f"{ITEMS[1]}：", f"{ITEMS[2]}："))


@pytest.mark.parametrize("text", ["身份证拍哪项", "结婚证拍在哪一项"])
def test_a_question_naming_a_material_chooses_nothing_for_upload(at_checklist, text):
    at_checklist.send(text)
    assert photographing(at_checklist) is None


@pytest.mark.parametrize("text", ["第3项和第4项我明天再拍", "身份证回头再传"])
def test_an_item_put_off_chooses_nothing_now(at_checklist, text):
    assert at_checklist.send(text).startswith("好的")
    assert photographing(at_checklist) is None
