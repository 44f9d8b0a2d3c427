"""The tester's try13 findings on questions the knowledge base answered wrong or in half (kb15), each through the
engine: the finding's own message, and the same kind in other words."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions


def entry_said(kb, entry_id: str, replies: list[str]) -> bool:
    return any(kb.entry(entry_id).answer in reply for reply in replies)


@pytest.mark.parametrize("first", ["你好，请问我在上海工作三年了 可以办积分吗", "在上海工作了四年 能不能办积分"])
def test_years_worked_asked_as_eligibility_get_the_threshold_not_the_resume(kb, first):
    """T22: how long one has worked, asked as whether one may apply, is the threshold's question (居住证 and 120
    points), not how to fill the resume's 工作经历."""
    replies = play(kb, first).replies
    assert entry_said(kb, "points-threshold", replies)
    assert not entry_said(kb, "resume-rules", replies)


@pytest.mark.parametrize("first", ["换单位了 新公司还没在积分系统注册过 能先办吗", "公司还没注册积分系统，员工能不能先申请积分"])
def test_an_employer_not_registered_yet_gets_the_registration_first(kb, first):
    """T37: whether one can go ahead before the (new) employer has registered in the points system is answered by
    the registration: the employer registers and is reviewed first (about half a month to a month), not how to
    change the 组织机构代码."""
    replies = play(kb, first).replies
    assert entry_said(kb, "unit-registration-process", replies)
    assert "要先完成单位注册、审核通过" in "\n".join(replies)


@pytest.mark.parametrize("first", ["我是公司HR，要帮三个员工办积分续办，能在一个微信上办吗",
                                   "我是人事 想用我的微信给部门五个人都办积分 可以吗"])
def test_an_hr_clerk_asking_to_do_several_employees_on_one_wechat_is_answered_directly(kb, first):
    """T39: one WeChat holds one application at a time (its questions are the applicant's own, its notices go there):
    each employee on their own WeChat, or one after another; not the difference between 新办 and 续办."""
    replies = play(kb, first).replies
    assert entry_said(kb, "whose-wechat-account", replies)
    assert "一个微信同一时间只办一份申请" in "\n".join(replies)


# A renewal with two children at its checklist (item 7: 子女出生医学证明及户籍证明).
TWO_CHILDREN_AT_CHECKLIST = ("你好", "积分续办", "2027-08-25", "同意", "张三", "11010519491231002X", "上海某某科技有限公司",
                             "2", "离异", "13800138000", "zhangsan@example.com", "0", "确认")


@pytest.mark.parametrize("asked", ["两个娃的出生证是放一起还是分开传啊", "三个小孩的出生证明要分开上传吗 还是传一个"])
def test_several_childrens_papers_are_said_to_go_into_the_one_item(kb, asked):
    """T6: whether two children's documents go together or apart is answered: one item of the checklist, one PDF,
    each child's papers photographed in turn."""
    replies = play(kb, *TWO_CHILDREN_AT_CHECKLIST, asked).replies
    said = "\n".join(replies)
    assert "几个孩子的都放在清单里同一项" in said and "合成一个 PDF" in said


ADDING_AT_ID_NUMBER = ("你好", "增加同住人", "2027-08-25", "同意", "李娜娜")


@pytest.mark.parametrize(("asked", "entry"), [
    ("身份证等下发，先问一下加孩子要带什么材料", "children-materials"),
    ("身份证号我待会儿再发 我先问下委托单要盖什么章", "material-commission-form"),
])
def test_a_question_announced_after_a_put_off_answer_is_what_is_answered(kb, asked, entry):
    """T8: "X等下发，先问一下Y": Y is asked; X's words (身份证, where the ID number is asked) had pulled a menu of the
    ID card's entries. The answer, and the ID number asked again."""
    outcome = play(kb, *ADDING_AT_ID_NUMBER, asked)
    assert entry_said(kb, entry, outcome.replies) and outcome.state["state"] == "id_number"
    assert "我不太确定您想问的是哪一个" not in "\n".join(outcome.replies)


@pytest.mark.parametrize(("asked", "halves"), [
    ("我想问下 浦东新区人才中心在哪 几点上班", ("pudong-submission", "centre-hours")),
    ("徐汇人才中心地址在哪 电话多少", ("xuhui-address", "centre-contact-missing")),
])
def test_a_question_in_two_parts_is_answered_in_both(kb, asked, halves):
    """T18: where the centre is and when it opens, two entries each answering one half: both said, not the hours
    alone."""
    replies = play(kb, "你好", "单位信息变更", asked).replies
    assert all(entry_said(kb, entry, replies) for entry in halves)


def test_a_district_window_and_its_weekend_are_answered_without_a_menu(kb):
    """T42: "松江的窗口在哪 周六开吗": the 其他区 answer and the hours' (none published), not a menu of three."""
    replies = play(kb, *TWO_CHILDREN_AT_CHECKLIST, "松江的窗口在哪 周六开吗").replies
    assert entry_said(kb, "other-districts-phone-first", replies) and entry_said(kb, "centre-hours", replies)
    assert "我不太确定您想问的是哪一个" not in "\n".join(replies)


@pytest.mark.parametrize(("asked", "returned"), [
    ("身份证过期了 新的还在办 要等一个月 那我这个申请会不会作废", "id_card"),
    ("劳动合同要重新签 得等两个礼拜，退回的这项晚点传申请会失效吗", "labor_contract"),
])
def test_a_question_beside_a_returned_item_is_answered_not_only_its_reason(chat, kb, asked, returned):
    """T31: after a return, a question told with the returned item ("…要等一个月 那我这个申请会不会作废") gets the
    item's reason and the answer to what it asks (a late resubmission: 长时间未补充材料… may need more or fail), not the
    reason and the requirements alone."""
    from tests.support.chat import application_in

    application_in(chat, "returned", materials={returned: {"status": "returned", "reason": "证件已过期"}})
    reply = chat.send(asked)
    assert "被退回，审核意见：证件已过期" in reply and "长时间未补充材料" in reply
