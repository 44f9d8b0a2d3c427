"""After the questions, through the engine: a checklist item counted from the end, a reply typed in
pinyin, a command said in a few English words, and "改好了" after a return (issue 15, round 2)."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, application_in, start

# The checklist of BASIC's applicant (new, unmarried, no bonus options): six items, 户籍证明 fifth and
# 劳动(聘用)合同 last.
LAST, SECOND_LAST = "劳动(聘用)合同", "户籍证明"


@pytest.fixture
def at_checklist(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    return chat


@pytest.mark.parametrize("text, item", [
    ("最后一项", LAST), ("拍最后那个", LAST), ("我要传最后一份", LAST),
    ("倒数第二个", SECOND_LAST), ("倒数第2项", SECOND_LAST),
])
def test_an_item_counted_from_the_end_is_chosen(at_checklist, text, item):
    assert at_checklist.send(text).startswith(f"{item}：")


@pytest.mark.parametrize("text, item", [
    ("把最后一个删了", LAST), ("删掉最后一项", LAST), ("删除倒数第二个", SECOND_LAST),
])
def test_an_item_counted_from_the_end_is_the_one_asked_to_delete(at_checklist, text, item):
    assert f"“{item}”是根据您填写的信息生成的，不能单独删除" in at_checklist.send(text)


@pytest.mark.parametrize("text", ["bu tong yi", "butongyi", "BU TONGYI"])
def test_a_refusal_typed_in_pinyin_is_no_consent(chat, text):
    chat.send("你好")
    chat.send("积分新办")
    chat.send("2027-08-25")
    assert "需要您同意" in chat.send(text)
    assert chat.send("tong yi").endswith("请输入您的姓名（与身份证一致）。")


@pytest.mark.parametrize("text", ["ok done", "all done", "i'm done"])
def test_photos_finished_in_english_words(at_checklist, text):
    at_checklist.send("1")
    assert "还没有收到照片" in at_checklist.send(text)


@pytest.mark.parametrize("text", ["any update?", "status please", "any updates"])
def test_progress_asked_in_english_words_after_submitting(chat, text):
    application_in(chat, "submitted")
    assert chat.send(text).startswith("当前状态：")


@pytest.mark.parametrize("text", ["改好了 再提交", "都改完了，提交", "更正完啦 提交"])
def test_done_correcting_after_a_return_is_no_edit(chat, text):
    application_in(chat, "returned")
    reply = chat.send(text)
    assert "填写的信息不能再修改" not in reply and "还没有收到被退回的" in reply and "传齐后回复“提交”" in reply


@pytest.mark.parametrize("text", ["返回清单", "回到清单", "回材料列表看看吧"])
def test_back_to_the_checklist_from_an_item_keeps_the_checklist(at_checklist, text):
    at_checklist.send("1")
    reply = at_checklist.send(text)
    assert "1. 咨询服务委托单【未上传】" in reply and "请核对您填写的信息" not in reply


@pytest.mark.parametrize("text, item", [("最后一个的要求是啥", LAST), ("第三个需要啥", "持证人身份证(正反面)")])
def test_what_an_item_named_by_its_place_needs_shows_that_item(at_checklist, text, item):
    assert at_checklist.send(text).startswith(f"{item}：")


@pytest.mark.parametrize("text", ["名字写错了", "上面的学历不对", "单位名称跟合同上的不一样"])
def test_a_dispute_naming_the_wrong_answer_is_filed_as_said(chat, text):
    application_in(chat, "approved")
    assert "已转给工作人员核实更正" in chat.send(text)
    assert chat.application["status"] == "disputed"


@pytest.mark.parametrize("text", ["我有异议", "单位名称能改吗"])
def test_a_dispute_saying_nothing_of_what_is_wrong_or_asking_files_nothing(chat, text):
    application_in(chat, "approved")
    chat.send(text)
    assert chat.application["status"] == "approved"
