"""Misreadings the last reviews left (fix60), through the engine: each as an applicant would meet it."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from dialogs.privacy import mask_id_number
from tests.support.chat import BASIC, VALID_ID, answer_all, play, returned_with, start

AT_NAME = ["你好", "积分新办", "2027-08-25", "同意"]
AT_SPOUSE = [*AT_NAME, *BASIC[:4], "已婚", *BASIC[5:]]


@pytest.mark.parametrize("said", ["没有配偶随员", "不新增配偶随员", "配偶随员没有", "不办配偶随员", "配偶随员不办",
                                  "不要本次新增配偶随员"])
def test_a_spouse_option_named_in_full_and_turned_down_chooses_nothing(kb, said):
    """"没有配偶随员" chose 本次新增配偶随员: the short name 随员 inside it was read as said without its 没有."""
    outcome = play(kb, *AT_SPOUSE, said)
    assert outcome.state["answers"].get("spouse_options") == []
    assert "新增配偶随员" not in "\n".join(outcome.replies)


@pytest.mark.parametrize("said, chosen", [("配偶随员", ["spouse_companion"]), ("新增配偶随员 她是上海户口", ["spouse_companion", "spouse_hukou"])])
def test_a_spouse_option_named_in_full_is_still_chosen(kb, said, chosen):
    assert play(kb, *AT_SPOUSE, said).state["answers"]["spouse_options"] == chosen


AT_FULLTIME = [*AT_NAME, *BASIC, "2"]


@pytest.mark.parametrize("said", ["不是吧，我是自考的", "不是吧 读的函授", "应该不是吧，是成人高考的"])
def test_a_hedged_no_beside_a_study_form_that_settles_it_is_saved(kb, said):
    """"不是吧，我是自考的" at 全日制 was asked again as a guess: 自考 is never full-time, so the no is firm."""
    outcome = play(kb, *AT_FULLTIME, said)
    assert outcome.state["answers"]["edu_fulltime"] is False
    assert outcome.state["state"] == "edu_foreign"


def test_a_hedged_no_with_nothing_that_settles_it_is_still_asked(kb):
    outcome = play(kb, *AT_FULLTIME, "不是全日制吧 是一年制授课型的")
    assert "edu_fulltime" not in outcome.state["answers"]


AT_SCHOOL = [*AT_NAME, *BASIC, "2", "是", "否", "本科"]


@pytest.mark.parametrize("said, labels", [("职称和社保都没有", "职称加分、社保加分"), ("职称也没有", "职称加分"),
                                          ("紧缺专业和应届生都不是", "紧缺专业加分、应届生加分")])
def test_bonus_options_said_not_had_at_the_school_are_no_school(kb, said, labels):
    """"职称和社保都没有" at the school was saved as the school's name."""
    outcome = play(kb, *AT_SCHOOL, said)
    assert "edu_school" not in outcome.state["answers"]
    assert outcome.state["state"] == "edu_school"
    assert outcome.state["answers"]["bonus_options"] == ["education"]
    reply = "\n".join(outcome.replies)
    assert f"{labels}没有就不选" in reply and "请输入您最高学历毕业院校的全称" in reply


def test_a_school_with_a_bonus_option_turned_down_beside_it_is_saved(kb):
    assert play(kb, *AT_SCHOOL, "复旦大学 职称没有").state["answers"]["edu_school"] == "复旦大学"


@pytest.mark.parametrize("before", [[], ["我叫李娜木子李娜是女字旁一个那字"], ["李娜"]], ids=["asked", "spelled", "saved"])
@pytest.mark.parametrize("said", ["不对，是李那，那是那个的那", "不对 是李那 那字就是那里的那"])
def test_a_name_put_right_with_a_character_explained_is_that_name(kb, before, said):
    """"不对，是李那，那是那个的那" saved 是李那: 那 reads as a function word, so 李那 was no name and the 是 stayed."""
    outcome = play(kb, *AT_NAME, *before, said)
    assert outcome.state["answers"]["name"] == "李那"
    assert outcome.state["state"] == "id_number"


def test_a_name_wrong_then_put_right_with_a_character_explained(kb):
    outcome = play(kb, *AT_NAME, "李娜", "名字错了 应该是李那 那是那个的那")
    assert outcome.state["answers"]["name"] == "李那"


@pytest.mark.parametrize("said, name", [("我老婆叫李娜 手机13912345678", "李娜"), ("我老公叫李强 电话13912345678", "李强")])
def test_a_family_members_name_beside_a_number_is_asked_about_never_saved(kb, said, name):
    """"我老婆叫李娜 手机139…" at the name saved 姓名：手机: the label beside the number was read as the name."""
    outcome = play(kb, *AT_NAME, said)
    assert "name" not in outcome.state["answers"]
    assert outcome.state["state"] == "name"
    reply = "\n".join(outcome.replies)
    assert f"您说的“{name}”是您的家人，还没有记录" in reply and "姓名：" not in reply


def test_an_own_name_beside_a_number_with_a_space_is_the_name(kb):
    outcome = play(kb, *AT_NAME, "我叫李娜 手机13912345678")
    assert outcome.state["answers"]["name"] == "李娜" and outcome.state["answers"]["mobile"] == "13912345678"


@pytest.mark.answers_questions
@pytest.mark.parametrize("said", ["好的 我再拍一张上传", "我现在一张一张发", "好 再传一张", "第二页我再拍一张"])
def test_more_pages_promised_while_photographing_keep_the_photos(chat, said):
    """"好的 我再拍一张上传" was 重拍 (the photo in hand cleared) and "我现在一张一张发" 删除上一张: both only say more is coming."""
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "0", "确认", "6"])
    chat.conversations.handle(chat.user, Image("front"))
    reply = chat.send(said)
    assert chat.state["photos"] == ["front"]
    assert "已收到 1 页" in reply and "删除" not in reply and "清空" not in reply


AT_YEARS = [*AT_NAME, *BASIC, "3"]


def test_the_own_option_turned_down_at_its_question_is_no_other_option_noted(kb):
    outcome = play(kb, *AT_YEARS, "职称没有")
    assert "职称加分没有就不选" in "\n".join(outcome.replies) and outcome.state["state"] == "social_years"
    assert "没有就不选" not in "\n".join(play(kb, *AT_YEARS, "社保加分我不要了").replies)
    assert "没有就不选" not in "\n".join(play(kb, *AT_YEARS, "老家交的社保算不算").replies)


def returned_contract(chat, resent: bool):
    """An application returned for its contract (every other item approved), the contract sent again or not."""
    returned_with(chat, {"labor_contract": "合同已过期"})
    if resent:
        chat.conversations.store.update("application", chat.application["id"], lambda a: {
            **a, "materials": {**a["materials"], "labor_contract": {"status": "uploaded", "sha256": "b" * 64, "pages": 1}}})


@pytest.mark.answers_questions
@pytest.mark.parametrize("said", ["补好了啥时候出结果", "都改好了 什么时候有结果"])
@pytest.mark.parametrize("resent", [True, False], ids=["resent", "not_resent"])
def test_put_right_and_when_the_result_comes_is_answered_never_submitted(chat, said, resent):
    """"补好了啥时候出结果" at a return was read as 提交: the question went unanswered."""
    returned_contract(chat, resent)
    reply = chat.send(said)
    assert chat.application["status"] == "returned"
    assert "通知" in reply and "只需按原因重新上传" not in reply  # the entry on returns was the answer
    assert ("回复“提交”再次提交预审" if resent else "还需重新上传：6. 劳动(聘用)合同") in reply


@pytest.mark.parametrize("refusal", ["不同意", "不同意 凭什么要我承担一切后果", "不同意 我去窗口办"])
def test_a_refused_consent_keeps_nothing_personal_told_before_it(chat, refusal):
    """A name and an ID number sent before the consent were kept, in the state and the transcript, after 不同意."""
    answer_all(chat, [f"我叫王芳 身份证{VALID_ID}", "积分新办", "2027-08-25"])
    reply = chat.send(refusal)
    assert chat.state["answers"] == {"business_type": "new", "permit_expiry": "2027-08-25"}
    assert "没有保存，已经删除" in reply and "已填写的内容会为您保留" not in reply
    kept = str(chat.conversations.store.read_log("transcript", chat.user))
    assert "王芳" not in kept and mask_id_number(VALID_ID) not in kept and VALID_ID not in kept
    assert "请输入您的姓名" in chat.send("同意")  # asked again once agreed


def test_a_refused_consent_with_nothing_told_before_it_says_nothing_of_it(chat):
    answer_all(chat, ["你好", "积分新办", "2027-08-25"])
    assert "没有保存" not in chat.send("不同意")
