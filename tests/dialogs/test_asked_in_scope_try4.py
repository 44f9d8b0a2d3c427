"""What a tester saw answered wrongly (try4): a question at the e-mail step recorded as "no e-mail",
questions of ours declined as out of scope (and the plain answer "那先不算 0"), answers on the
wrong subject (the applicant's own ID for the spouse's, browser advice for another WeChat's
application, 离职证明 for a lost notice), and names and employers not as on the documents.
Each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, play

pytestmark = pytest.mark.answers_questions

OPENING = ["你好", "积分新办", "2027-08-25", "同意"]
AT_EMAIL = [*OPENING, *BASIC[:-1]]
# 增加同住人 with a spouse added as 随员: the checklist has both the applicant's ID (3) and the spouse's (8).
AT_CHECKLIST = ["你好", "增加同住人", "2027-08-25", "同意", "张三", "11010519491231002X", "上海某某科技有限公司",
                "1", "已婚", "13800138000", "无", "1", "确认"]


@pytest.mark.parametrize("asked", ["邮箱我不会弄 可以写我儿子的吗", "我从来不用邮箱，填我爱人的行不行"])
def test_asking_whether_someone_elses_email_will_do_records_nothing(kb, asked):
    outcome = play(kb, *AT_EMAIL, asked)
    assert outcome.state["state"] == "email" and "email" not in outcome.state["answers"]
    assert "邮箱地址" in outcome.replies[-1]


def test_a_number_given_before_asking_whether_anothers_will_do_is_kept(kb):
    outcome = play(kb, *OPENING, *BASIC[:5], "13911112222 可以填我老公的吗")
    assert outcome.state["answers"]["mobile"] == "13911112222"


@pytest.mark.parametrize(("asked", "entry"), [
    ("澳门读的研究生算境外的吧？", "education-foreign-regions"),
    ("结婚证还没拿到 可以先上传其他的吗", "upload-others-first"),
    ("我妈用她微信帮我提交的 我自己的微信怎么看不到", "whose-wechat-account"),
    ("积分通知书丢了怎么办", "print-notice-online"),
    ("证件拍不清楚 用手机截图上传可以吗", "screenshot-or-electronic-copy"),
])
def test_a_question_of_ours_gets_the_entry_that_answers_it(kb, asked, entry):
    assert kb.entry(entry).answer in play(kb, *AT_CHECKLIST, asked).replies


def test_where_a_degree_from_hong_kong_is_asked_the_question_is_answered_and_asked_again(kb):
    at_foreign = [*OPENING, *BASIC, "2", "硕士", "香港大学", "是"]
    outcome = play(kb, *at_foreign, "香港的学历也算境外对吧？")
    assert kb.entry("education-foreign-regions").answer in outcome.replies
    assert outcome.state["state"] == "edu_foreign"


def test_a_count_after_deciding_not_to_count_a_child_is_an_answer(kb):
    outcome = play(kb, *OPENING, *BASIC[:3], "那就先不算他 填0")
    assert outcome.state["answers"]["children"] == 0 and outcome.state["state"] == "marital_status"


def test_a_question_naming_the_spouses_id_is_answered_for_that_item(kb):
    reply = "\n".join(play(kb, *AT_CHECKLIST, "配偶的身份证也要正反两面吗").replies)
    assert "配偶身份证(正反面)" in reply and "持证人身份证" not in reply


def test_the_applicants_own_id_is_still_answered_for_that_item(kb):
    assert kb.entry("material-id-card").answer in "\n".join(play(kb, *AT_CHECKLIST, "身份证要拍正反面吗").replies)


def test_a_name_in_latin_letters_is_asked_again_in_characters(kb):
    outcome = play(kb, *OPENING, "Wang Fang")
    assert "name" not in outcome.state["answers"] and "中文姓名" in "\n".join(outcome.replies)
    assert play(kb, *OPENING, "阿依古丽·买买提").state["answers"]["name"] == "阿依古丽·买买提"


def test_an_employer_half_in_latin_is_asked_again_as_on_the_contract(kb):
    outcome = play(kb, *OPENING, "张三", "11010519491231002X", "上海 阿里 Alibaba")
    assert "employer" not in outcome.state["answers"] and "中英文混写" in "\n".join(outcome.replies)
    assert play(kb, *OPENING, "张三", "11010519491231002X", "IBM中国有限公司").state["answers"]["employer"] \
        == "IBM中国有限公司"


def test_a_choice_with_a_remark_that_asks_nothing_gets_no_out_of_scope_line(kb):
    outcome = play(kb, "你好", "2 没啥别的 就是续一下")
    assert outcome.state["answers"]["business_type"] == "renew"
    assert not any("超出了我能回答的范围" in r for r in outcome.replies)
    assert "居住证有效期" in outcome.replies[-1]
