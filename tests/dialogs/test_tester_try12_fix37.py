"""Tester try12, through the engine (fix37): the conversation findings of the middle of a dialogue."""
from __future__ import annotations

import pytest

from tests.support.chat import application_in, play, returned_with

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.fixture
def returned(chat):
    return returned_with(chat, {"commission_form": "委托单未盖单位公章", "id_card": "身份证反面拍得不清晰"})


# T7: why one returned item came back is that item's reason and what to do, as for any question naming it; the
# whole progress (every item, every status) buried it.
@pytest.mark.parametrize("said", ["身份证咋被退了", "为什么把我身份证退回了"])
def test_why_one_returned_item_came_back_is_its_own_reason(returned, said):
    reply = returned.send(said)
    assert reply.startswith("“持证人身份证(正反面)”被退回，审核意见：身份证反面拍得不清晰")
    assert "请工作人员复核" in reply and "【已审核】" not in reply


# T24: contesting a return in words the knowledge base has nothing for is met with the reasons and a person to
# re-check them (as the pointed answer offers), never "超出了我能回答的范围".
@pytest.fixture
def name_returned(chat):
    return returned_with(chat, {"id_card": "姓名或身份证号码与填写信息不一致"})


@pytest.mark.parametrize("said", ["我的名字明明没错 你们是不是看错了", "我名字没错啊 审的人搞错了吧"])
def test_contesting_a_return_gives_its_reasons_and_a_person_to_recheck(name_returned, said):
    reply = name_returned.send(said)
    assert "姓名或身份证号码与填写信息不一致" in reply and "转给工作人员复核" in reply
    assert "超出了我能回答的范围" not in reply


# T36: the permit's end said as a year's end ("2027年底", "居住证到27年底") asks which day, with the year said back,
# as "2027年3月" does; "没看懂这个日期" sent the applicant on typing the next answers into the date question.
@pytest.mark.parametrize("said", ["2028年底", "居住证到28年底", "2028年年底到期"])
def test_a_year_end_for_the_permit_asks_which_day_of_that_year(kb, said):
    outcome = play(kb, "你好", "新办", said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["state"] == "permit_expiry" and "permit_expiry" not in outcome.state["answers"]
    assert "2028年底是哪一天" in reply and "2028年12月31日" in reply and "没看懂" not in reply


# T41: at the spouse question the spouse said to be added or to come along, in the spoken order ("老婆要加",
# "媳妇跟我一起"), is the companion option, also after a reminder it was said ("刚说了 …", never an option's name).
_MARRIED_AT_SPOUSE = ("你好", "新办", "2027-08-25", "同意", "张三", "11010519491231002X", "上海某某科技有限公司", "2",
                      "已婚", "13800138000", "zhangsan@example.com")


@pytest.mark.parametrize("said", ["老公要加", "爱人跟我一块", "刚才说了 媳妇也要加", "我老婆和我一起的"])
def test_the_spouse_said_to_be_added_is_the_companion_option(kb, said):
    outcome = play(kb, *_MARRIED_AT_SPOUSE, said)
    assert outcome.state["answers"].get("spouse_options") == ["spouse_companion"]


@pytest.mark.parametrize("said", ["老公不要加", "刚说了 老婆不用加"])
def test_the_spouse_said_not_to_be_added_is_no_option(kb, said):
    outcome = play(kb, *_MARRIED_AT_SPOUSE, said)
    assert outcome.state["answers"].get("spouse_options") == []


# T40: two types weighed at the type menu ("3 还是 2 我也不知道") choose neither (its first clause "3" chose 单位信息变更):
# what tells the two apart is said, the choice left to the applicant.
@pytest.mark.parametrize("said", ["4 还是 3 拿不准", "2 或者 3 我分不清"])
def test_two_types_weighed_choose_neither_and_say_what_tells_them_apart(kb, said):
    outcome = play(kb, "你好", said)
    reply = "\n".join(outcome.replies)
    assert outcome.state["state"] == "business_type" and "business_type" not in outcome.state["answers"]
    assert "积分仍在有效期内" in reply and "没有找到" not in reply


# T41: the spouse and the children added in one message at the children question ("老婆和两个娃都要加") are the
# count, the marriage and the companion option; only the count was kept, and the spouse question asked again.
@pytest.mark.parametrize("said", ["老公和俩孩子都要加", "媳妇跟两个小孩也得加"])
def test_the_spouse_added_with_the_children_is_kept_with_their_count(kb, said):
    outcome = play(kb, "你好", "增加同住人", "2027-08-25", "同意", "张三", "11010519491231002X", "上海某某科技有限公司", said)
    answers = outcome.state["answers"]
    assert answers.get("children") == 2 and answers.get("marital_status") == "married"
    assert answers.get("spouse_options") == ["spouse_companion"]


# T42: a degree level said alone at the bonus options ("本科", "我是研究生") is the education bonus with its level kept
# (as "社保交了7年" is the social-insurance bonus with its years), never "没有找到…这个选项" nor the level asked again.
_AT_BONUS = ("你好", "新办", "2027-08-25", "同意", "张三", "11010519491231002X", "上海某某科技有限公司", "0", "未婚",
             "13800138000", "zhangsan@example.com")


@pytest.mark.parametrize("said, level", [("研究生", "master"), ("我是本科", "bachelor"), ("大专学历", "college")])
def test_a_degree_level_at_the_bonus_options_is_the_education_bonus_with_it(kb, said, level):
    answers = play(kb, *_AT_BONUS, said).state["answers"]
    assert answers.get("bonus_options") == ["education"] and answers.get("edu_level") == level


# T8: work and home in two districts the seeds do not cover ("青浦上班 住在松江") ask which district's centre is theirs:
# the seeds' rule (the district where the employer is registered), not "其他区打电话" as for one such district named.
@pytest.mark.parametrize("said", ["我在松江上班 住在嘉定，算哪个区", "在杨浦上班 住在普陀 算哪个区"])
def test_work_and_home_in_two_districts_is_answered_with_the_registered_district(kb, said):
    reply = "\n".join(play(kb, "请问闵行的材料寄到哪", said).replies)
    assert "单位注册地所在区的人才服务中心" in reply


# T43: after approval, the score in the 积分系统 said to be wrong ("分数不对 少了10分") is the report itself, as "上报的单位名称
# 错了" is: never "请在“申办信息有误”后面写明哪里有误" for what was just written.
@pytest.mark.parametrize("said", ["系统上的分数不对 差了5分", "积分系统里我的得分好像算少了"])
def test_a_wrong_score_reported_after_approval_is_the_dispute(chat, said):
    application_in(chat, "approved", confirm_by="2026-11-26T23:59:59+08:00")
    reply = chat.send(said)
    assert chat.application["status"] == "disputed" and "写明哪里有误" not in reply


# T30: the QQ number said to be the mailbox after the word 邮箱 ("邮箱就是QQ号 12345678") is offered as that QQ mailbox,
# as "QQ邮箱 123456789" is, never "邮箱地址格式不正确".
@pytest.mark.parametrize("said, meant", [("邮箱就是QQ号 23456789", "23456789@qq.com"), ("邮箱用qq 3456789012", "3456789012@qq.com")])
def test_the_qq_number_said_after_the_mailbox_is_offered_as_the_qq_mailbox(kb, said, meant):
    outcome = play(kb, *_AT_BONUS[:-1], said)
    assert outcome.state["state"] == "email" and meant in "\n".join(outcome.replies)


# T37: an ID number labelled "身份证" at the permit's date ("身份证4101…") is the ID number, kept as the bare number is;
# its birth year is no date of the ID card's ("这是身份证的日期吧？").
def test_a_labelled_id_number_at_the_permit_date_is_kept(kb):
    outcome = play(kb, "你好", "新办", "身份证号 11010519491231002X")
    assert outcome.state["answers"].get("id_number") == "11010519491231002X"
    assert "身份证的日期" not in "\n".join(outcome.replies)
