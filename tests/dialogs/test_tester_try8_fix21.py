"""What the tester playing applicants saw go wrong (try8, the part fix21 took): a question whether the facts
told are enough, a degree not had, the commitment letter that cannot be printed, the upload link's hours,
each through the engine."""
from __future__ import annotations

import pytest

from bot.applicant.upload_links import LINK_HOURS
from tests.support.chat import play

pytestmark = pytest.mark.answers_questions

AT_BUSINESS_TYPE = ["你好 积分是怎么算的"]
FORM = ["积分新办", "2027-08-08", "同意", "韩梅梅", "410522199001013456", "上海某某教育科技有限公司", "0", "未婚",
        "13812345678", "无"]


@pytest.mark.parametrize("asked", ["我32岁 硕士 社保交了5年 够吗", "本科 社保四年 今年31 够不够", "大专 社保交了6年 能申请吗"])
def test_whether_the_facts_told_are_enough_records_none_of_them(kb, asked):
    """T7: "我30岁 本科 社保交了3年 够吗" saved 学历层次, 社保年数 and two bonus options before any type was
    chosen: the facts are what the question asks about. An answer on what is enough is given instead."""
    outcome = play(kb, *AT_BUSINESS_TYPE, asked)
    answers = outcome.state["answers"]
    assert not {"edu_level", "social_years", "bonus_options"} & set(answers)
    assert {kb.entry(e).answer for e in ("points-threshold", "social-insurance-short-to-apply")} & set(outcome.replies)
    assert not any(reply.startswith("已为您记录") for reply in outcome.replies)


def test_facts_before_another_question_are_still_kept(kb):
    """The contrast: facts told before a question about something else are answers ("…软件工程算紧缺专业吗")."""
    outcome = play(kb, *FORM[:-1], "13812345678", "无", "本科 应届 社保2年 软件工程算紧缺专业吗")
    assert outcome.state["answers"].get("social_years") == 2


AT_BACHELOR_CHECKLIST = [*FORM, "学历", "是", "否", "本科", "复旦大学", "确认"]


@pytest.mark.parametrize("asked", ["学位证没拿到 只有毕业证书 第9项能不传吗", "本科没有学位证 9号怎么办"])
def test_no_degree_asked_about_the_degree_item_gets_a_way_forward(kb, asked):
    """T25: "我没有学位证 只有毕业证 第9个可以不传吗" got the item's requirement again, and 提交 refuses while an item
    is missing: the answer says the degree's papers are for those with one, and 人工 settles the two items."""
    outcome = play(kb, *AT_BACHELOR_CHECKLIST, asked)
    answer = kb.entry("material-degree-none").answer
    assert any(answer in reply for reply in outcome.replies)
    assert "人工" in answer


AT_SOCIAL_CHECKLIST = [*FORM, "社保", "6", "确认"]


def test_the_link_trouble_answer_gives_the_hours_the_link_is_sent_with(kb):
    """T30b: the link was sent "24 小时内有效" and the help for a link that won't open said "几小时"."""
    outcome = play(kb, *AT_SOCIAL_CHECKLIST, "网页上传", "上传链接点开是空白的")
    assert kb.entry("upload-link-trouble").answer in "\n".join(outcome.replies)
    assert f"{LINK_HOURS} 小时内有效" in kb.entry("upload-link-trouble").answer


@pytest.mark.parametrize("asked", ["字已经签了 可打印机坏了 手写一份行不行", "家里打印不了 手写的可以吗"])
def test_a_question_about_the_material_being_photographed_is_about_that_material(kb, asked):
    """T30c: "签好字了 但是打印机坏了 手写的行吗" while the 承诺书 was chosen was called out of scope: it names no
    material, and the one being photographed is what it asks about."""
    outcome = play(kb, *AT_SOCIAL_CHECKLIST, "2", asked)
    assert any(kb.entry("material-commitment-letter").answer in reply for reply in outcome.replies)
    assert outcome.state["material"] == "commitment_letter"


@pytest.mark.parametrize(("said", "count"), [("那就写1个吧 说不准", 1), ("先填2 不太确定", 2)])
def test_a_count_given_with_a_hedge_is_the_answer(kb, said, count):
    """T42: "那就填1吧 不确定" was refused with "子女人数请填写数字": the number is there; the hedge only says it
    may be put right later."""
    outcome = play(kb, *FORM[:6], "孩子在老家上学 能算同住子女吗", said)
    assert outcome.state["answers"]["children"] == count
    assert outcome.state["state"] == "marital_status"


def test_a_hedge_alone_is_still_no_count(kb):
    outcome = play(kb, *FORM[:6], "不确定")
    assert "children" not in outcome.state["answers"]


@pytest.mark.parametrize("said", ["我的是老身份证15位的 310105880312123", "310105880312123"])
def test_an_old_fifteen_digit_number_is_named_so_with_the_number_it_becomes(kb, said):
    """T19: "老的15位 4105…" got "含有其他字符，共17位数字": the 15 of 15位 was counted into the number."""
    outcome = play(kb, *FORM[:4], said)
    reply = "\n".join(outcome.replies)
    assert "15位的一代身份证号码" in reply and "310105198803121233" in reply
    assert "id_number" not in outcome.state["answers"]


def test_a_date_with_the_letter_o_for_zero_is_offered_as_meant(kb):
    """T28: "2O27-O8-15" (the letter O typed for 0) got "没看懂这个日期"; the date meant is offered, not taken unasked."""
    outcome = play(kb, "续办", "2O27-O8-15")
    assert any("请回复 2027-08-15" in reply for reply in outcome.replies)
    assert "permit_expiry" not in outcome.state["answers"]
    assert play(kb, "续办", "2O27-O8-15", "2027-08-15").state["answers"]["permit_expiry"] == "2027-08-15"


AT_SOCIAL_YEARS = [*FORM, "社保"]


def test_an_earlier_stretch_told_before_the_start_year_is_added(kb):
    """T30: "2018到2020交了2年 中间断了 2022到现在又交了" offered only the second stretch (约4年), and a yes saved it."""
    outcome = play(kb, *AT_SOCIAL_YEARS, "2017到2019交了两年 后来断了 2023到现在接着交")
    assert any("累计约5年" in reply for reply in outcome.replies)  # today is 2026 in the tests
    assert play(kb, *AT_SOCIAL_YEARS, "2017到2019交了两年 后来断了 2023到现在接着交", "是").state["answers"]["social_years"] == 5


def test_a_start_year_alone_still_counts_from_it(kb):
    outcome = play(kb, *AT_SOCIAL_YEARS, "2016年开始交的 一直没停")
    assert any("从2016年起算约10年" in reply for reply in outcome.replies)


AT_MOBILE = FORM[:8]


@pytest.mark.parametrize("asked", ["填我老婆的号 13900002222 可以吗", "家里座机行不行 021-62345678"])
def test_whose_number_or_a_landline_asked_at_the_mobile_gets_the_steps_rule(kb, asked):
    """T15, T40: "用我老公的号13800001111行吗" got a menu of spouse-material questions, "座机可以吗 021-…" "公开资料里没有
    找到说明": the step's own rule answers (本人的11位手机号), and nothing is saved."""
    outcome = play(kb, *AT_MOBILE, asked)
    assert kb.entry("basic-info-contact").answer in outcome.replies
    assert "mobile" not in outcome.state["answers"]


def test_whether_the_email_may_be_left_out_gets_the_steps_rule(kb):
    """T20b: "邮箱不想填可以吗？会影响审核吗" got a menu of three unrelated questions."""
    outcome = play(kb, *FORM[:9], "不填邮箱行吗？对预审有没有影响")
    assert kb.entry("basic-info-contact").answer in outcome.replies
    assert "email" not in outcome.state["answers"]


@pytest.mark.parametrize(("typed", "off"), [("138123456789", "多了一位"), ("1381234567", "少了一位")])
def test_a_mobile_a_digit_off_is_told_which_way(kb, typed, off):
    """T40: "138123456789" got the generic 11-digit rule."""
    outcome = play(kb, *AT_MOBILE, typed)
    assert any(off in reply for reply in outcome.replies)


@pytest.mark.parametrize("asked", ["星期天有没有人工客服", "晚上人工客服在吗"])
def test_this_accounts_support_asked_by_its_hours_is_answered_so(kb, asked):
    """T33: "周末有人工吗" got the district centres' window hours; it asks about this account's 人工."""
    outcome = play(kb, asked)
    assert kb.entry("support-hours").answer in outcome.replies


def test_the_centres_hours_still_get_their_own_answer(kb):
    assert kb.entry("centre-hours").answer in play(kb, "人才中心星期六开门吗").replies
