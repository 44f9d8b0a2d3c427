"""What a tester playing applicants as they really write saw go wrong (try7): a free-text answer that
swallowed another answer given with it, a full name said after a short one, answers to later
questions at a free-text question, and values read without saying so. Each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import play

AT_NAME = ["新办", "2027-08-25", "同意"]
AT_EMPLOYER = [*AT_NAME, "王小明", "510102199002201236"]


@pytest.mark.parametrize("told, field, value", [
    ("手机 13912345678", "mobile", "13912345678"), ("电话：13912345678", "mobile", "13912345678"),
    ("邮箱 wangxm@163.com", "email", "wangxm@163.com"), ("手机号码是13912345678", "mobile", "13912345678")])
def test_another_answer_at_the_employer_is_kept_and_never_saved_as_the_employer(told, field, value):
    outcome = play(None, *AT_EMPLOYER, told)
    answers = outcome.state["answers"]
    assert answers[field] == value and "employer" not in answers
    assert outcome.state["state"] == "employer"


@pytest.mark.parametrize("told", ["上海某某科技有限公司", "上海浦东发展银行股份有限公司", "华为技术有限公司上海分公司"])
def test_an_employer_at_the_name_is_the_employer_never_the_name(told):
    outcome = play(None, *AT_NAME, told)
    answers = outcome.state["answers"]
    assert answers["employer"] == told and "name" not in answers
    assert outcome.state["state"] == "name"


@pytest.mark.parametrize("told", ["不知道全称 就叫星巴克", "全称记不清了 就叫星巴克", "不清楚全称 大家都叫它星巴克",
                                  "名字太长了 叫华为"])
def test_what_the_employer_is_called_never_becomes_the_applicants_name(told):
    outcome = play(None, *AT_NAME, "陈大文", "440106199308154564", told)
    answers = outcome.state["answers"]
    assert answers["name"] == "陈大文" and "employer" not in answers
    assert outcome.state["state"] == "employer"
    assert "全称" in "".join(outcome.replies)


@pytest.mark.parametrize("told", ["就叫上海星巴克咖啡经营有限公司", "叫上海星巴克咖啡经营有限公司"])
def test_a_full_name_said_with_jiao_is_the_employer(told):
    outcome = play(None, *AT_EMPLOYER, told)
    assert outcome.state["answers"]["employer"] == "上海星巴克咖啡经营有限公司"


@pytest.mark.parametrize("told, employer", [
    ("沈阳铁西那个厂子 上海分公司 全称是上海铁西机械有限公司", "上海铁西机械有限公司"),
    ("我们都叫铁西厂 全称叫上海铁西机械有限公司", "上海铁西机械有限公司"),
    ("在拼多多上班，公司全称是上海寻梦信息技术有限公司", "上海寻梦信息技术有限公司"),
    ("上海迪士尼乐园 正式名称是上海国际主题乐园有限公司", "上海国际主题乐园有限公司")])
def test_the_full_name_said_after_a_short_one_is_the_employer(told, employer):
    outcome = play(None, *AT_EMPLOYER, told)
    assert outcome.state["answers"]["employer"] == employer
    assert employer in "".join(outcome.replies)


def test_the_full_name_said_beside_the_name_is_the_employer():
    outcome = play(None, *AT_NAME, "王铁柱 沈阳铁西那个厂子 全称是上海铁西机械有限公司")
    assert outcome.state["answers"]["employer"] == "上海铁西机械有限公司"


@pytest.mark.parametrize("told", ["上海某某科技有限公司", "单位是上海某某科技有限公司", "上海浦东发展银行股份有限公司",
                                  "华为技术有限公司", "1个娃"])
def test_an_answer_to_a_later_question_at_the_permits_date_never_opens_the_edit_menu(told):
    outcome = play(None, "新办", told)
    reply = "".join(outcome.replies)
    assert "要修改哪一项" not in reply and "当前步骤" not in reply and "没看懂这个日期" in reply
    assert outcome.state["state"] == "permit_expiry"


AT_CHILDREN = [*AT_NAME, "刘强", "500101198503034517", "上海浦东发展银行股份有限公司"]


@pytest.mark.parametrize("told, count", [
    ("我有两个孩子 一个要随迁", 1), ("两个孩子 只有一个跟我在上海", 1), ("俩娃，一个在老家一个跟我住", 1),
    ("一儿一女 儿子要随迁", 1), ("两个孩子 都不随迁", 0), ("一个儿子一个女儿", 2)])
def test_the_children_counted_are_those_entered_as_living_with_the_applicant(told, count):
    outcome = play(None, *AT_CHILDREN, told)
    assert outcome.state["answers"]["children"] == count
    assert outcome.state["state"] == "marital_status"


def test_the_childrens_label_says_what_the_question_asks():
    outcome = play(None, *AT_CHILDREN, "1", "已婚", "13912345678", "无", "无", "无")
    summary = "".join(outcome.replies)
    assert "同住子女人数：1" in summary and "目前子女人数" not in summary


@pytest.mark.parametrize("told, shown", [
    ("明年2月底到期", "2027-02-28"), ("27年8月25号", "2027-08-25"), ("二零二七年八月二十五日", "2027-08-25"),
    ("明年9月底", "2027-09-30")])
def test_a_date_read_from_other_words_is_said_back(told, shown):
    outcome = play(None, "新办", told)
    assert f"居住证有效期按 {shown} 记录" in "".join(outcome.replies)


@pytest.mark.parametrize("told", ["2027-08-25", "2027年8月25日", "2027.8.25"])
def test_a_date_typed_as_saved_is_not_said_back(told):
    assert "记录" not in "".join(play(None, "新办", told).replies)


@pytest.mark.parametrize("told, field, shown", [
    ("一个儿子一个女儿", "同住子女人数", "2"), ("我有两个孩子 一个要随迁", "同住子女人数", "1"), ("俩娃", "同住子女人数", "2")])
def test_a_count_read_from_words_is_said_back(told, field, shown):
    outcome = play(None, *AT_CHILDREN, told)
    assert f"{field}按 {shown} 记录" in "".join(outcome.replies)


@pytest.mark.parametrize("told", ["+86 139-1234-5678", "幺三九一二三四五六七八", "139-1234-5678"])
def test_a_mobile_typed_otherwise_is_said_back_as_saved(told):
    outcome = play(None, *AT_CHILDREN, "1", "已婚", told)
    assert "手机号码按 13912345678 记录" in "".join(outcome.replies)


def test_a_mobile_typed_as_saved_is_not_said_back():
    assert "记录" not in "".join(play(None, *AT_CHILDREN, "1", "已婚", "13912345678").replies)


def test_options_chosen_by_number_are_said_back():
    outcome = play(None, *AT_CHILDREN, "1", "已婚", "13912345678", "无", "0")
    assert "配偶情况：无" in "".join(outcome.replies)


@pytest.mark.parametrize("told", ["我老婆的是310110199001011230 我的是310110198805121238",
                                  "我的是310110198805121238 我老婆的是310110199001011230",
                                  "本人310110198805121238，爱人310110199001011230",
                                  "老公的310110199001011230，我自己的310110198805121238"])
def test_of_two_id_numbers_the_one_said_to_be_ones_own_is_taken_and_said(told):
    outcome = play(None, *AT_NAME, "刘强", told)
    assert outcome.state["answers"]["id_number"] == "310110198805121238"
    assert "按您本人的 310110198805121238 记录" in "".join(outcome.replies)


def test_two_id_numbers_without_whose_are_asked_about():
    outcome = play(None, *AT_NAME, "刘强", "310110198805121238 310110199001011230")
    assert "id_number" not in outcome.state["answers"] and "不止一个" in "".join(outcome.replies)


def test_of_two_mobiles_the_one_said_to_be_ones_own_is_taken():
    outcome = play(None, *AT_CHILDREN, "1", "已婚", "我的手机13912345678 老公的13812345678")
    assert outcome.state["answers"]["mobile"] == "13912345678"


@pytest.mark.parametrize("then", ["不对 最后一位是X", "X", "漏了最后一位 x", "最后是x", "少打了一个X"])
def test_an_id_number_sent_without_its_last_character_is_completed_by_it(then):
    outcome = play(None, *AT_NAME, "刘强", "51022119850303451", then)
    assert outcome.state["answers"]["id_number"] == "51022119850303451X"
    assert "要修改哪一项" not in "".join(outcome.replies) and outcome.state["state"] == "employer"


def test_a_last_character_that_fails_the_check_is_said_and_the_number_asked_again():
    outcome = play(None, *AT_NAME, "刘强", "51022119850303451", "不对 最后一位是7")
    assert "id_number" not in outcome.state["answers"] and outcome.state["state"] == "id_number"
    assert "要修改哪一项" not in "".join(outcome.replies)


@pytest.mark.parametrize("told", ["刘强（曾用名刘小强）", "刘强(原名刘小强)", "刘强，以前叫刘小强", "刘强 曾用名刘小强"])
def test_a_name_with_a_former_name_is_recorded_and_the_former_one_said_not_needed(told):
    outcome = play(None, *AT_NAME, told)
    assert outcome.state["answers"]["name"] == "刘强"
    assert "曾用名、小名不用填" in "".join(outcome.replies)


@pytest.mark.parametrize("told", ["去年就到期了", "已经过期了", "过期两个月了", "上个月到期了", "早就失效了"])
def test_a_permit_said_to_have_expired_is_told_to_be_renewed_first(told):
    outcome = play(None, "新办", told)
    reply = "".join(outcome.replies)
    assert "已经过期" in reply and "签注" in reply and "没看懂" not in reply
    assert outcome.state["state"] == "permit_expiry"


def test_a_permit_about_to_expire_is_not_said_expired():
    assert "已经过期" not in "".join(play(None, "新办", "快过期了").replies)


@pytest.mark.parametrize("told", ["8/25/2027", "25/8/2027", "08/25/2027"])
def test_a_date_with_its_year_last_is_read_when_only_one_reading_is_a_date(told):
    outcome = play(None, "新办", told)
    assert outcome.state["answers"]["permit_expiry"] == "2027-08-25"
    assert "2027-08-25" in "".join(outcome.replies)


def test_a_date_with_its_year_last_read_either_way_is_asked():
    outcome = play(None, "新办", "8/5/2027")
    assert "permit_expiry" not in outcome.state["answers"] and "2027年5月8日" in "".join(outcome.replies)


AT_BONUS = [*AT_NAME, "李娜", "510102199002201236", "上海某某贸易有限公司", "0", "未婚", "13912345678", "lina@163.com"]


@pytest.mark.parametrize("told, years", [("社保 7年", 7), ("社保，七年", 7), ("社保7年", 7), ("学历 社保 交了8年了", 8)])
def test_social_insurance_years_given_with_the_bonus_are_kept(told, years):
    outcome = play(None, *AT_BONUS, told)
    answers = outcome.state["answers"]
    assert answers["social_years"] == years and "social_insurance" in answers["bonus_options"]
    assert outcome.state["state"] != "social_years"


def test_a_degree_and_years_given_with_the_bonus_are_kept():
    outcome = play(None, *AT_BONUS, "有本科学历 社保交了6年多")
    answers = outcome.state["answers"]
    assert answers["edu_level"] == "bachelor" and answers["social_years"] == 6
    assert set(answers["bonus_options"]) == {"education", "social_insurance"}
    assert outcome.state["state"] not in ("edu_level", "social_years")


@pytest.mark.parametrize("pause", ["等下", "暂停"])
def test_an_answer_that_resumes_after_a_pause_is_said_back(pause):
    outcome = play(None, *AT_NAME, pause, "刘强")
    assert outcome.state["answers"]["name"] == "刘强" and "姓名：刘强" in "".join(outcome.replies)
