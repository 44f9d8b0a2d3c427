"""The last session's known leftovers (fix56), each through the engine: an item off the applicant's list named at
the checklist, a contact changed after submission, a name said to be the ID card's, a marriage told at the checklist,
children some of whom live elsewhere, a sent file's withdrawal by its place."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, application_in, play, start

OPENING = ("你好", "1", "2027-08-25", "同意")
APPLICANT = ("张伟", "110101199003078515", "上海星河科技有限公司", "0", "未婚", "13800138000", "a@b.com")
AT_SUMMARY = (*OPENING, *APPLICANT, "0")
AT_CHECKLIST = (*AT_SUMMARY, "确认")
MARRIED_AT_CHECKLIST = (*OPENING, *APPLICANT[:4], "已婚", *APPLICANT[5:], "1", "0", "确认")


# -- 1. an item named that is off the applicant's list: said so, never the nearest item on it chosen -----------------
@pytest.mark.parametrize("said", ["我媳妇身份证正反面拍好了 怎么发", "老婆身份证", "配偶身份证怎么拍"])
def test_the_spouses_id_card_named_by_someone_unmarried_is_said_off_the_list(kb, said):
    outcome = play(kb, *AT_CHECKLIST, said)
    reply = "\n".join(outcome.replies)
    assert "您的材料清单里没有“配偶身份证(正反面)”" in reply and "配偶" in reply
    assert outcome.state.get("material") is None and "持证人身份证" not in reply


def test_the_spouses_id_card_named_by_someone_married_is_chosen(kb):
    outcome = play(kb, *MARRIED_AT_CHECKLIST, "老婆身份证")
    assert "配偶身份证" in outcome.replies[0] and "清单里没有" not in "\n".join(outcome.replies)


def test_the_holders_own_id_card_is_still_chosen(kb):
    outcome = play(kb, *AT_CHECKLIST, "身份证正反面拍好了 怎么发")
    assert outcome.replies[0].startswith("持证人身份证(正反面)")


# -- 3. the name as the ID card shows it, changed: the name's edit, no ID number said unchanged ------------------------
@pytest.mark.parametrize("said", ["身份证姓名填错了 应该是张玮", "身份证上的名字写错了 应该是张玮"])
def test_the_name_on_the_id_card_said_wrong_is_the_names_edit_alone(kb, said):
    outcome = play(kb, *AT_SUMMARY, said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["answers"]["name"] == "张玮" and outcome.state["answers"]["id_number"] == "110101199003078515"
    assert "没能按您说的修改" not in reply


def test_the_name_on_the_id_card_asked_to_change_asks_for_the_name(kb):
    outcome = play(kb, *AT_SUMMARY, "修改 身份证姓名")
    assert outcome.state["state"] == "name"


# -- 4. a marriage told at the checklist with the spouse named: the marital status changed, the checklist to be made ---
def test_a_marriage_told_with_the_spouses_name_at_the_checklist_changes_the_marital_status(kb):
    outcome = play(kb, *AT_CHECKLIST, "我结婚了 老婆叫李娜")
    reply = "\n".join(outcome.replies)
    assert outcome.state["answers"]["marital_status"] == "married" and outcome.state["state"] == "spouse_options"
    assert "婚姻状况：已婚" in reply and "材料清单会按修改后的信息重新生成" in reply


# -- 2. a contact replaced after submission: the new one asked for and passed to staff, no 申办信息有误 filed -------------
@pytest.mark.parametrize("status", ["submitted", "approved"])
@pytest.mark.parametrize("said, new", [("手机号换了", "13912345678"), ("我邮箱换了", "zw2@qq.com"), ("我换号了", "13912345678")])
def test_a_contact_said_replaced_without_the_new_one_asks_for_it_and_passes_it_to_staff(chat, status, said, new):
    application_in(chat, status)
    asked = chat.send(said)
    assert "请直接发送新的" in asked and chat.application["status"] == status
    told = chat.send(new)
    field = "mobile" if new.isdecimal() else "email"
    assert "已转给工作人员" in told and chat.application["status"] == status
    assert chat.application["pending_contact"][field]["new"] == new


def test_a_contact_replaced_with_the_new_one_after_approval_is_passed_to_staff(chat):
    application_in(chat, "approved")
    assert "已转给工作人员" in chat.send("我邮箱换了 新的是x@y.com")
    assert chat.application["status"] == "approved" and chat.application["pending_contact"]["email"]["new"] == "x@y.com"


@pytest.mark.parametrize("said", ["申办信息有误 手机号不对", "手机号码填错了", "信息对的 但是我想改一下邮箱", "别的都对 邮箱想换个新的"])
def test_a_contact_said_wrong_or_wanted_changed_at_approval_is_still_reported(chat, said):
    application_in(chat, "approved")
    assert "已收到您反馈的申办信息问题" in chat.send(said) and chat.application["status"] == "disputed"


@pytest.mark.parametrize("status, refusal", [("submitted", "信息不能再修改"), ("approved", "申办信息有误 + 哪里有误")])
def test_the_edit_command_of_a_contact_on_a_locked_form_is_still_refused(chat, status, refusal):
    application_in(chat, status)
    assert refusal in chat.send("修改 手机号码") and "请直接发送新的" not in chat.send("修改 手机号码")


# -- 5. children counted with some of them elsewhere: the count recorded (as the sets count them), said back --------------
AT_CHILDREN = (*OPENING, *APPLICANT[:3])


@pytest.mark.parametrize("said, total, away, place", [("2个 一个在老家", 2, 1, "老家"), ("三个 两个在外地", 3, 2, "外地")])
def test_children_some_of_them_elsewhere_are_recorded_and_said_back_with_how_to_leave_them_out(kb, said, total, away, place):
    outcome = play(kb, *AT_CHILDREN, said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["answers"]["children"] == total and outcome.state["state"] == "marital_status"
    assert f"同住子女人数按 {total} 记录（含在{place}的 {away} 个" in reply and f"改为 {total - away}" in reply


@pytest.mark.parametrize("said, count", [("2个 都在老家", 2), ("2个 一个在老家 一个跟我住", 1), ("2", 2)])
def test_children_all_elsewhere_or_said_whether_they_come_are_recorded_as_before(kb, said, count):
    outcome = play(kb, *AT_CHILDREN, said)
    assert outcome.state["answers"]["children"] == count and "含在" not in "\n".join(outcome.replies)


# -- 6. a sent file's withdrawal said in the chat: asked once, as the upload page's 删除 asks; the answer honoured --------
def _commission_uploaded(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    chat.conversations.store.update("application", chat.application["id"], lambda a: {**a, "materials": {
        "commission_form": {"sha256": "ab" * 32, "pages": 1, "size": 1000, "status": "uploaded", "source": "photos"}}})


@pytest.mark.parametrize("said", ["删掉第1项", "删除咨询服务委托单"])
def test_deleting_a_sent_file_is_asked_first_and_a_yes_deletes_it(chat, said):
    _commission_uploaded(chat)
    asked = chat.send(said)
    assert "确定删除“咨询服务委托单”已上传的文件吗" in asked and "commission_form" in chat.application["materials"]
    assert "已删除“咨询服务委托单”已上传的文件" in chat.send("是")
    assert "commission_form" not in chat.application["materials"]


@pytest.mark.parametrize("no", ["否", "不删了"])
def test_deleting_a_sent_file_turned_down_keeps_it(chat, no):
    _commission_uploaded(chat)
    chat.send("删掉第1项")
    kept = chat.send(no)
    assert "没有删除" in kept and chat.application["materials"]["commission_form"]["sha256"] == "ab" * 32


def test_another_message_after_the_question_deletes_nothing(chat):
    _commission_uploaded(chat)
    chat.send("删掉第1项")
    chat.send("清单")
    assert "已删除" not in chat.send("是") and "commission_form" in chat.application["materials"]
