"""What the tester playing applicants saw go wrong (try9, the part fix25 took): wrong data saved and
corrections refused at the form's questions, each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions

FORM = ["积分新办", "2027-08-08", "同意", "韩梅梅", "410522199001013456", "上海某某教育科技有限公司", "0", "未婚",
        "13812345678", "无"]
AT_NAME = FORM[:3]


@pytest.mark.parametrize(("said", "name"), [("我老婆叫李娜", "李娜"), ("我儿子的名字是张小明", "张小明")])
def test_a_family_members_name_is_asked_about_before_it_is_saved(kb, said, name):
    """T45: "我老婆叫李娜" at the name question saved 李娜 as the applicant's name without a word. Someone typing
    for the applicant names them so too, so whether the applicant is that relative is asked, and the name saved
    on a yes only (try18 U39: saved with a check, it replaced the applicant's own name)."""
    outcome = play(kb, *AT_NAME, said)
    assert "name" not in outcome.state["answers"]
    assert any("这里要填申请人本人的姓名" in reply and name in reply for reply in outcome.replies)
    assert play(kb, *AT_NAME, said, "是").state["answers"]["name"] == name


@pytest.mark.parametrize(("said", "name"), [("我帮我老公办的，他叫王强", "王强"), ("申请人是我爸，叫张建国", "张建国"),
                                           ("我妈叫刘梅，我叫张伟", "张伟")])
def test_the_name_of_the_one_applying_is_still_saved(kb, said, name):
    """The contrast: someone typing for the applicant names the applicant, and one's own name beside a
    relative's is the answer: no check."""
    outcome = play(kb, *AT_NAME, said)
    assert outcome.state["answers"]["name"] == name
    assert not any("这里要填申请人本人的姓名" in reply for reply in outcome.replies)


@pytest.mark.parametrize("said", ["姓张 名伟", "姓张，名伟", "我姓张 名字叫伟"])
def test_a_name_dictated_surname_then_given_name_is_the_whole_name(kb, said):
    """T11: "姓张 名伟" saved 名伟; people dictating a name say 姓X名Y."""
    outcome = play(kb, *AT_NAME, said)
    assert outcome.state["answers"]["name"] == "张伟"


MARITAL_PROMPT = "请选择您的婚姻状况"
MOBILE_PROMPT = "请输入您本人的手机号码"


@pytest.mark.parametrize("said", ["不对，孩子是1个", "说错了，1个孩子", "不对，是1个", "不好意思孩子只有一个"])
def test_the_children_put_right_at_the_next_question_are_changed(kb, said):
    """T1: after children "2", at the marital question "不对，孩子是1个" was read as a bad option and
    "不对，是1个" asked which item to change: the count kept was 2. The count fits only the answer just
    given: it is changed, said, and the marital question asked again."""
    outcome = play(kb, *FORM[:6], "2", said)
    assert outcome.state["answers"]["children"] == 1
    assert outcome.state["state"] == "marital_status"
    assert any("已将同住子女人数改为：1" in reply for reply in outcome.replies)
    assert outcome.replies[-1].startswith(MARITAL_PROMPT)


@pytest.mark.parametrize(("said", "status"), [("不对，是离异", "divorced"), ("说错了，我离婚了", "divorced"),
                                               ("不对，我是已婚", "married")])
def test_the_marital_status_put_right_at_the_mobile_question_is_changed(kb, said, status):
    """T1 (more): after 未婚, at the mobile question "不对，是离异" asked which item to change and "不对，我是
    已婚" was told an 11-digit number is needed."""
    outcome = play(kb, *FORM[:8], said)
    assert outcome.state["answers"]["marital_status"] == status
    assert outcome.state["state"] == "mobile"
    assert any(reply.startswith("已将婚姻状况改为") for reply in outcome.replies)
    assert outcome.replies[-1].startswith(MOBILE_PROMPT)


def test_a_correction_that_answers_the_question_asked_is_that_answer(kb):
    """The contrast: the value fits the question asked ("不对，是139…" at the mobile): it is its answer."""
    outcome = play(kb, *FORM[:8], "不对，是13912345678")
    assert outcome.state["answers"]["mobile"] == "13912345678"
    assert outcome.state["answers"]["marital_status"] == "unmarried"


@pytest.mark.parametrize("before", [["积分续办"], ["积分续办", "2027-08-08"]])
def test_a_change_of_mind_on_the_type_changes_it(kb, before):
    """T7: "算了，我还是办新办吧" after 续办 was chosen got a menu of questions about 新办, and the type stayed
    积分续办: 算了 here gives up the type chosen, the one named is wanted (said back)."""
    outcome = play(kb, *before, "算了，我还是办新办吧")
    assert outcome.state["answers"]["business_type"] == "new"
    assert any("已将业务类型改为：积分新办" in reply for reply in outcome.replies)


@pytest.mark.parametrize(("said", "status", "why"), [
    ("已婚未领证", "unmarried", "领了结婚证才算已婚"),
    ("正在办离婚", "married", "仍按已婚填写"),
    ("离异后再婚", "married", "再婚的按已婚填写"),
    ("分居中", "married", "按已婚填写"),
])
def test_the_marital_status_is_saved_as_registered_with_why(kb, said, status, why):
    """T13/T29/T32: "已婚未领证" saved 已婚 (the checklist then asks for a 结婚证 they do not have), "正在办离婚"
    离异, while "离异后再婚" and "分居中" were answered as questions. The status is the registered one, said back
    with why."""
    outcome = play(kb, *FORM[:7], said)
    assert outcome.state["answers"]["marital_status"] == status
    assert any(reply.startswith("好的，婚姻状况") and why in reply for reply in outcome.replies)


@pytest.mark.parametrize(("said", "status"), [("离婚了", "divorced"), ("已婚", "married"), ("未婚", "unmarried")])
def test_a_plain_marital_status_is_said_without_a_note(kb, said, status):
    outcome = play(kb, *FORM[:7], said)
    assert outcome.state["answers"]["marital_status"] == status
    assert not any("按已婚填写" in reply or "按未婚填写" in reply for reply in outcome.replies)


AT_SCHOOL = [*FORM, "学历", "是", "否", "本科"]


@pytest.mark.parametrize("said", ["自考的北京大学", "北京大学 自考的", "函授读的北京大学"])
def test_a_school_said_with_how_it_was_studied_is_the_school_and_that_answer(kb, said):
    """T35: "自考的北京大学" saved the remark inside the school's name, and 是否全日制学历 stayed 是: the school
    alone is saved, and 自考 puts 是否全日制学历 right (said)."""
    outcome = play(kb, *AT_SCHOOL, said)
    answers = outcome.state["answers"]
    assert answers["edu_school"] == "北京大学" and answers["edu_fulltime"] is False
    assert any("是否全日制学历" in reply and "改为“否”" in reply for reply in outcome.replies)


@pytest.mark.parametrize(("said", "school"), [("上海交通大学（原上海第二医科大学）", "上海交通大学"),
                                               ("哈尔滨工业大学（威海）", "哈尔滨工业大学（威海）"),
                                               ("国家开放大学", "国家开放大学")])
def test_a_note_on_the_schools_former_name_is_no_part_of_it(kb, said, school):
    """T15: the employer lost its "（原来是…）" note, the school kept "（原上海第二医科大学）"; a campus's brackets
    and a school called 开放大学 stay."""
    assert play(kb, *AT_SCHOOL, said).state["answers"]["edu_school"] == school


@pytest.mark.parametrize("first", ["积分信办", "信办"])
def test_new_typed_as_its_homophone_chooses_it(kb, first):
    """T30: "积分信办" got the welcome and the menu (while "新半" is read), and every later answer then hit the
    business-type question."""
    outcome = play(kb, first)
    assert outcome.state["answers"].get("business_type") == "new"
    assert outcome.state["state"] == "permit_expiry"


@pytest.mark.parametrize("said", ["老二还没出生，现在一个", "目前就一个"])
def test_the_children_counted_today_are_the_answer(kb, said):
    """T31: "老二还没出生，现在一个" was told "子女人数请填写数字"; the count today is there."""
    outcome = play(kb, *FORM[:6], said)
    assert outcome.state["answers"]["children"] == 1
