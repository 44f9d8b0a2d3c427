"""The tester's round try16 (fix50): a message holding a value that is not the answer waiting — a date, a phone,
a company, a count — acted on by the value alone. Each through the engine, in the finding's words and our own."""
from __future__ import annotations

import pytest

from dialogs.events import Escalate
from tests.support.chat import BASIC, play

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]
AT_CHECKLIST = [*AGREED, *BASIC, "0", "确认"]
AT_CHILDREN = [*AGREED, *BASIC[:3]]
FOR_MUM_AT_MOBILE = ["你好 我帮我妈办的", "积分新办", "2027-08-25", "同意", "我妈叫刘桂兰", *BASIC[1:5]]
TYPE_ASKED = ["你好", "我要办积分"]


# -- T5: the permit's 到期 is not the points' ------------------------------------------------------------------
@pytest.mark.parametrize("said, date", [
    ("居住证2027年12月31号到期", "2027-12-31"),
    ("居住证么2027年12月31号到期额", "2027-12-31"),
    ("2027年12月31日到期", "2027-12-31"),
    ("我的居住证是2028年3月15日到期", "2028-03-15"),
    ("居住证嘛 2028年5月20号到期咯", "2028-05-20"),
])
def test_the_permits_expiry_at_the_business_type_keeps_the_date_and_asks_the_type(kb, said, date):
    """"居住证…到期" chose 积分续办 (its 到期 read as the points'), or was refused while its date was recorded."""
    outcome = play(kb, *TYPE_ASKED, said)
    assert outcome.state["state"] == "business_type"
    assert "business_type" not in outcome.state["answers"]
    assert outcome.state["answers"]["permit_expiry"] == date
    assert not any("没有找到" in reply for reply in outcome.replies)


def test_the_points_expiring_still_chooses_the_renewal(kb):
    outcome = play(kb, *TYPE_ASKED, "积分到期了 居住证2027年12月31号到期")
    assert outcome.state["answers"]["business_type"] == "renew"
    assert outcome.state["answers"]["permit_expiry"] == "2027-12-31"


# -- T12: an answer changed, told with its new value at the checklist -----------------------------------------
@pytest.mark.parametrize("said, field, value", [
    ("我单位换了 现在是上海某某贸易有限公司", "employer", "上海某某贸易有限公司"),
    ("我换单位了，新单位叫北京某某网络有限公司上海分公司", "employer", "北京某某网络有限公司上海分公司"),
    ("公司换了 新公司是上海某某建筑工程有限公司", "employer", "上海某某建筑工程有限公司"),
    ("换了个新公司 叫上海某某物流有限公司", "employer", "上海某某物流有限公司"),
    ("我手机号换了 现在是13911112222", "mobile", "13911112222"),
])
def test_an_answer_told_changed_at_the_checklist_is_edited_not_a_material_chosen(kb, said, field, value):
    """"我单位换了 现在是上海…" opened 上海市居住证 for photos (上海 of its name), the employer unchanged."""
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.state["answers"][field] == value
    assert not outcome.state.get("material")


def test_a_question_about_a_changed_employer_changes_nothing(kb):
    outcome = play(kb, *AT_CHECKLIST, "我单位换了 材料还要重新传吗")
    assert outcome.state["answers"]["employer"] == BASIC[2]


# -- T23: the writer's own number, asked about for a relative ----------------------------------------------------
@pytest.mark.parametrize("said", [
    "我妈没有智能手机 填我的手机号行吗 13611112222",
    "我妈不会用手机 留我的号码可以吗 13611112222",
    "13611112222 填我的行不行",
    "她没手机 写我自己的可以不 13611112222",
])
def test_the_writers_own_number_asked_about_for_a_parent_is_not_saved(kb, said):
    """"…填我的手机号行吗 136…" saved the son's number as the mother's while saying family numbers will not do."""
    outcome = play(kb, *FOR_MUM_AT_MOBILE, said)
    assert outcome.state["state"] == "mobile"
    assert "mobile" not in outcome.state["answers"]


def test_the_parents_own_number_said_to_be_hers_is_still_saved(kb):
    outcome = play(kb, *FOR_MUM_AT_MOBILE, "我妈的手机是13611112222")
    assert outcome.state["answers"]["mobile"] == "13611112222"


@pytest.mark.parametrize("said", [
    "2个 但一个在老家读书 填2吗",
    "两个孩子 一个在老家 写2对吗",
    "俩娃 小的跟外婆住 报2可以吗",
    "一个 在外地上学 还算1个吗",
])
def test_a_count_said_and_doubted_in_one_breath_is_not_recorded(kb, said):
    """"2个 但一个在老家读书 填2吗" recorded 2, then put the answer in doubt."""
    outcome = play(kb, *AT_CHILDREN, said)
    assert outcome.state["state"] == "children"
    assert "children" not in outcome.state["answers"]


def test_a_count_with_a_question_not_doubting_it_is_still_recorded(kb):
    outcome = play(kb, *AT_CHILDREN, "2个 要交出生证明吗")
    assert outcome.state["answers"]["children"] == 2


# -- T21: a question the knowledge base answers, read as a person or the progress wanted -----------------------
@pytest.mark.parametrize("said", [
    "我们公司注册在静安 人在杨浦上班 交哪个区",
    "公司注册地在静安，我在杨浦上班，材料交哪个区",
    "单位是在浦东注册的 我在徐汇上班 材料往哪个区送",
    "执照在闵行 我人在长宁 去哪个区交材料",
])
def test_which_district_asked_with_two_districts_is_answered_not_escalated(kb, said):
    """"公司注册在静安 人在杨浦上班 交哪个区" was escalated unasked, or answered with the progress report."""
    outcome = play(kb, *AT_CHECKLIST, said)
    text = "\n".join(outcome.replies)
    assert "注册地" in text
    assert "人工客服" not in text and "当前状态" not in text
    assert not any(isinstance(effect, Escalate) for effect in outcome.effects)


def test_a_person_asked_for_beside_the_question_is_still_escalated(kb):
    outcome = play(kb, *AT_CHECKLIST, "转人工 我想问下材料交哪个区")
    assert any(isinstance(effect, Escalate) for effect in outcome.effects)


# -- T2: giving up beside a cancel ------------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["我不想弄了 取消", "不想搞了 取消吧", "俺不想整了 取消", "我不想弄了"])
def test_giving_up_beside_a_cancel_at_the_checklist_is_no_edit(kb, said):
    """"我不想弄了 取消" asked which answer to edit; "不办了" in the same state says nothing need be withdrawn."""
    expected = play(kb, *AT_CHECKLIST, "不办了").replies
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.replies == expected
    assert "要修改哪一项" not in "\n".join(outcome.replies)


# -- T1: a later answer alone at the employer -----------------------------------------------------------------
@pytest.mark.parametrize("said, status", [("已婚", "married"), ("离异", "divorced"), ("丧偶", "widowed"),
                                          ("未婚", "unmarried")])
def test_a_marital_status_alone_at_the_employer_is_kept_without_a_refusal(kb, said, status):
    """"已婚" at the employer: "太短了，请填写全称" and "已为您记录：婚姻状况：已婚" in one turn."""
    outcome = play(kb, *AGREED, *BASIC[:2], said)
    assert outcome.state["answers"]["marital_status"] == status
    assert outcome.state["state"] == "employer"
    assert not any("太短" in reply for reply in outcome.replies)


def test_a_short_employer_is_still_refused(kb):
    outcome = play(kb, *AGREED, *BASIC[:2], "华为")
    assert "employer" not in outcome.state["answers"] and any("太短" in reply for reply in outcome.replies)


# -- T14: sending the materials first asked while the permit is too short ------------------------------------------
@pytest.mark.parametrize("said", ["那我能先把材料传了吗", "材料先发给你行吗", "能不能先把材料拍了传上去"])
def test_uploading_first_asked_while_the_permit_is_too_short_is_told_no_checklist_yet(kb, said):
    """"那我能先把材料传了吗" was told "可以…其他几项可以先上传" (the FAQ about a missing material), with no checklist."""
    outcome = play(kb, "你好", "积分新办", "2027-01-08", said)
    text = "\n".join(outcome.replies)
    assert "还不能上传" in text and "可以先上传" not in text
    assert outcome.state["state"] == "permit_too_short"
