from __future__ import annotations

from datetime import date

import pytest

from dialogs.text import canonical
from dialogs.validators import (
    EMPLOYER_LEAD_IN, SCHOOL_LEAD_IN, ValidationError, add_months, parse_count, parse_date, parse_email,
    parse_free_text, parse_id_number, parse_mobile, parse_person_name, parse_years, parse_yes_no,
)


@pytest.mark.parametrize("text", ["2027-08-25", "2027/8/25", "2027年8月25日", "2027年08月25号", "20270825",
                                  "2027.08.25", "2027 8 25", "27年8月25日", "二〇二七年八月二十五日",
                                  "二零二七年八月廿五号", "二七年八月二十五日"])
def test_dates(text):
    assert parse_date(text) == date(2027, 8, 25)


def test_full_width_date_after_canonical_form():
    assert parse_date(canonical("２０２７年８月２５日")) == date(2027, 8, 25)


@pytest.mark.parametrize("text", ["2027-13-01", "2027-02-29", "八月", "27-8-25", "", "二〇二七年十三月一日",
                                  "二〇二七年八月十十日", "27年8月"])
def test_bad_dates(text):
    with pytest.raises(ValidationError):
        parse_date(text)


def test_add_months_clamps_to_month_end():
    assert add_months(date(2026, 12, 31), 2) == date(2027, 2, 28)


@pytest.mark.parametrize("text, message", [
    ("110105194912310021", "校验位"),
    ("11010519491231002", "17位"),
    ("110105491231002", "15位"),
    ("11010519491331002X", "出生日期"),
    ("11010519491231002Y", "只能包含数字"),
])
def test_id_number_errors(text, message):
    with pytest.raises(ValidationError, match=message):
        parse_id_number(text)


def test_id_number_accepts_lowercase_x_and_spaces():
    assert parse_id_number("110105 19491231 002x") == "11010519491231002X"


@pytest.mark.parametrize("text", ["13800138000", "+86 138 0013 8000", "138-0013-8000", "008613800138000"])
def test_mobiles(text):
    assert parse_mobile(text) == "13800138000"


@pytest.mark.parametrize("text", ["1380013800", "23800138000", "02112345678", "12345678901"])
def test_bad_mobiles(text):
    with pytest.raises(ValidationError):
        parse_mobile(text)


def test_email_blank_and_valid():
    assert parse_email("无") == "" and parse_email("a.b@example.com") == "a.b@example.com"
    with pytest.raises(ValidationError):
        parse_email("a@@b")


def test_names():
    assert parse_person_name("买买提·艾力") == "买买提·艾力"
    for bad in ("张3", "a", "!!"):
        with pytest.raises(ValidationError):
            parse_person_name(bad)


@pytest.mark.parametrize("text", ["我叫张三", "姓名：张三", "我的名字是张三", "名字叫张三", "本人张三", "张三。"])
def test_a_name_said_in_a_sentence_keeps_only_the_name(text):
    assert parse_person_name(text) == "张三"


@pytest.mark.parametrize("text, lead_in, value", [
    ("我在上海某某科技有限公司", EMPLOYER_LEAD_IN, "上海某某科技有限公司"),
    ("单位：上海某某科技有限公司。", EMPLOYER_LEAD_IN, "上海某某科技有限公司"),
    ("公司名称是上海某某科技有限公司", EMPLOYER_LEAD_IN, "上海某某科技有限公司"),
    ("单位服务有限公司", EMPLOYER_LEAD_IN, "单位服务有限公司"),  # a label needs 是/为/a colon after it
    ("毕业于复旦大学", SCHOOL_LEAD_IN, "复旦大学"),
    ("我是上海交通大学毕业的", SCHOOL_LEAD_IN, "上海交通大学"),
    ("学校：同济大学", SCHOOL_LEAD_IN, "同济大学"),
])
def test_an_employer_or_school_said_in_a_sentence_keeps_only_the_name(text, lead_in, value):
    assert parse_free_text(text, label="全称", min_len=4, lead_in=lead_in) == value


@pytest.mark.parametrize("text", ["有效期至2027-08-25", "我的居住证到2027年8月25日", "2027年8月25日到期", "截止2027.8.25",
                                  "居住证有效期：2027-08-25"])
def test_a_date_said_as_the_permit_words_it(text):
    assert parse_date(canonical(text)) == date(2027, 8, 25)


@pytest.mark.parametrize("parse, text, value", [
    (parse_id_number, "我的身份证号是11010519491231002X", "11010519491231002X"),
    (parse_id_number, "身份证：110105 19491231 002x。", "11010519491231002X"),
    (parse_mobile, "我的手机是13800138000", "13800138000"),
    (parse_mobile, "电话：138-0013-8000", "13800138000"),
    (parse_email, "我的邮箱是zhang@example.com", "zhang@example.com"),
    (parse_email, "Email: zhang@example.com", "zhang@example.com"),
])
def test_a_number_or_address_said_in_a_sentence_keeps_only_the_value(parse, text, value):
    assert parse(canonical(text)) == value


@pytest.mark.parametrize("text", ["阿依古丽·买买提", "阿依古丽.买买提", "阿依古丽 . 买买提", "阿依古丽・买买提", "阿依古丽•买买提"])
def test_a_name_with_a_middle_dot_is_kept_with_the_id_cards_dot_however_it_was_typed(text):
    assert parse_person_name(canonical(text)) == "阿依古丽·买买提"


def test_a_landline_number_is_named_as_such():
    with pytest.raises(ValidationError, match="这是固定电话号码"):
        parse_mobile("021-63721888")


def test_an_email_address_must_be_ascii_so_a_sentence_around_it_is_never_saved_as_one():
    with pytest.raises(ValidationError, match="邮箱地址格式不正确"):
        parse_email("张三@example.com")


@pytest.mark.parametrize("text, value", [("有1个", 1), ("一个孩子", 1), ("我有两个孩子", 2), ("没有孩子", 0), ("交了5年", 5)])
def test_counts_said_in_a_short_sentence(text, value):
    assert parse_count(text, label="数量", low=0, high=50) == value


@pytest.mark.parametrize("reply", ["同意", "好的", "确认", "OK", "保持", "没问题"])
def test_a_reply_to_another_question_is_not_taken_for_a_name(reply):
    with pytest.raises(ValidationError, match=f"“{reply}”不像是姓名"):
        parse_person_name(reply)


@pytest.mark.parametrize("text, value", [("0", 0), ("没有", 0), ("两个", 2), ("十二年", 12), ("3个", 3)])
def test_counts(text, value):
    assert parse_count(text, label="子女人数", low=0, high=20) == value


@pytest.mark.parametrize("text, value", [("72个月", 6), ("30个月", 2), ("六十个月", 5), ("8个月", 0), ("6年半", 6),
                                         ("五年多", 5), ("交了5年", 5), ("12", 12)])
def test_years_paid_count_full_years_also_from_months(text, value):
    assert parse_years(text, label="社保累计年数", low=0, high=50) == value


def test_years_in_months_are_checked_against_the_range_in_years():
    with pytest.raises(ValidationError, match="0 到 50"):
        parse_years("1000个月", label="社保累计年数", low=0, high=50)


@pytest.mark.parametrize("text, value", [("是的，全日制", True), ("全日制的", True), ("不是的", False), ("否，非全日制", False)])
def test_yes_no_answered_in_a_clause(text, value):
    assert parse_yes_no(text) is value


def test_yes_no():
    assert parse_yes_no("是的") is True and parse_yes_no("2") is False
    with pytest.raises(ValidationError):
        parse_yes_no("也许")


@pytest.mark.parametrize("text", ["十十", "二十十", "三四十", "十几"])
def test_malformed_chinese_numerals_are_asked_again_not_crashed_on(text):
    with pytest.raises(ValidationError, match="请填写数字"):
        parse_count(text, label="子女人数", low=0, high=10)
