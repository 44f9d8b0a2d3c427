"""What a tester playing applicants saw go wrong (try6): questions the seeds answer given the wrong
entry or declined, a hand-off taken back, messages about the open checklist item read as choosing
another, a bonus option turned down at the checklist, consent refused with a question, and names
and employers not as the documents print them. Each through the engine."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import play

pytestmark = pytest.mark.answers_questions

AT_CONSENT = ["你好", "积分新办", "2027-10-01"]


@pytest.mark.parametrize("asked", ["这个63721888*3230是打哪个号码 星号是啥意思", "3230是分机吗",
                                   "那个咨询电话带个星号 怎么打"])
def test_the_hotlines_star_is_explained_as_its_extension(kb, asked):
    outcome = play(kb, *AT_CONSENT, asked)
    assert kb.entry("points-system-password-hotline").answer in outcome.replies
    assert outcome.state["state"] == "consent"


@pytest.mark.parametrize("told", ["俺没单位，自己开车的，社保自己交的，能办不", "我送外卖的，社保自己交，能办积分吗",
                                  "没有单位 社保是个人交的 能办吗"])
def test_applying_without_an_employer_is_answered_with_what_is_required(kb, told):
    outcome = play(kb, told)
    assert kb.entry("who-can-apply").answer in outcome.replies


@pytest.mark.parametrize("asked", ["我在外卖平台跑单，算单位吗", "我是跑滴滴的 没公司 可以申请积分不"])
def test_gig_work_asked_at_the_employer_is_answered_and_the_employer_asked_again(kb, asked):
    outcome = play(kb, *AT_CONSENT, "同意", "王芳", "310101198808081239", asked)
    assert kb.entry("who-can-apply").answer in outcome.replies
    assert outcome.state["state"] == "employer" and "employer" not in outcome.state["answers"]


def test_takeaway_food_is_still_another_subject(kb):
    assert kb.ask("附近有什么好吃的外卖").status == "out_of_domain"


@pytest.mark.parametrize("then", ["算了不用人工了，我自己弄吧", "那不要人工了，我自己搞", "算了不找客服了，自己来吧",
                                  "算了不用人工了 我继续填", "不用转人工了，继续吧"])  # the last two: try8 T4b
def test_a_person_asked_for_and_taken_back_with_doing_it_oneself_is_acknowledged(chat, then):
    """The first message's 人工, then taken back: it was "没有找到…这个选项"."""
    chat.send("人工")
    reply = chat.send(then)
    assert render.SUPPORT_NOT_NEEDED in reply and "没有找到" not in reply
    assert chat.state["state"] == "business_type"


# A married nurse with a child: the checklist's item 3 is the ID card "(正反面)", item 4 the permit.
AT_CHECKLIST = [*AT_CONSENT, "同意", "谭丽", "430102198805124567", "上海交通大学医学院附属瑞金医院", "1", "已婚",
                "13622223333", "无", "0", "无", "确认"]


@pytest.mark.parametrize("told", ["居住证拍了正反面，两张", "居住证正反面拍好了", "居住证两面都拍了"])
def test_the_open_item_named_with_how_it_was_photographed_stays_open(kb, told):
    outcome = play(kb, *AT_CHECKLIST, "4", told)
    assert outcome.state["material"] == "residence_permit"
    assert outcome.replies == [render.photographing("上海市居住证", 0)]


def test_the_id_card_named_with_its_two_sides_is_still_the_id_card(kb):
    outcome = play(kb, *AT_CHECKLIST, "身份证拍了正反面")
    assert "持证人身份证(正反面)" in "\n".join(outcome.replies)


@pytest.mark.parametrize(("told", "item"), [("委托单盖好章了，拍好了，怎么发给你", "commission_form"),
                                            ("户口本拍了 发到哪", "household_register"),
                                            ("承诺书签好了 怎么传给你", "commitment_letter")])
def test_an_item_said_ready_with_how_to_send_it_is_chosen_for_its_photos(kb, told, item):
    outcome = play(kb, *AT_CHECKLIST, told)
    assert outcome.state["material"] == item
    assert "请拍照发送这项材料" in outcome.replies[-1]


# An unmarried applicant who chose the title and the new-graduate bonus: at the checklist.
WITH_BONUSES = [*AT_CONSENT, "同意", "陈嘉欣", "510107198508123455", "上海某某科技有限公司", "0", "未婚", "13761234567",
                "无", "1 5", "确认"]


@pytest.mark.parametrize("told", ["我唔想交應屆生證明喇，唔要應屆生加分", "不要应届生加分了", "应届生加分去掉吧",
                                  "应届生那个加分算了，证明开不出来"])
def test_a_bonus_option_turned_down_at_the_checklist_is_taken_off_and_the_summary_shown(kb, told):
    outcome = play(kb, *WITH_BONUSES, told)
    assert outcome.state["answers"]["bonus_options"] == ["title"]
    assert outcome.state["state"] == "summary" and "加分选项" in outcome.replies[0] and "职称加分" in outcome.replies[0]
