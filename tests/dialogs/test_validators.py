from __future__ import annotations

from datetime import date

import pytest

from dialogs import clock
from dialogs.text import canonical
from dialogs.validators import (
    ValidationError, add_months, id_number_notes, parse_count, parse_date, parse_email, parse_employer,
    parse_id_number, parse_mobile, parse_person_name, parse_school, parse_years, parse_yes_no,
)
from stdnum.cn import ric

TODAY = date(2026, 11, 24)


def id_number(region: str, born: str, serial: str = "123") -> str:
    """A well-formed ID number: the check digit computed for the region, birth date and serial."""
    body = region + born + serial
    return body + ric.calc_check_digit(body + "0")


@pytest.mark.parametrize("text", ["2027-08-25", "2027/8/25", "2027年8月25日", "2027年08月25号", "20270825",
                                  "2027.08.25", "2027 8 25", "27年8月25日", "二〇二七年八月二十五日",
                                  "二零二七年八月廿五号", "二七年八月二十五日"])
def test_dates(text):
    assert parse_date(text) == date(2027, 8, 25)


def test_full_width_date_after_canonical_form():
    assert parse_date(canonical("２０２７年８月２５日")) == date(2027, 8, 25)


@pytest.mark.parametrize("text", ["2027-13-01", "2027-02-29", "八月", "", "二〇二七年十三月一日",
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


@pytest.mark.parametrize("text", ["110105-19491231-002x", "１１０１０５１９４９１２３１００２Ｘ", "１１０１０５ １９４９１２３１ ００２ｘ",
                                  "身份證號：110105 1949 1231 002X"])
def test_id_number_accepts_full_width_digits_hyphens_and_spaces_and_saves_18_characters(text):
    assert parse_id_number(text, today=TODAY) == "11010519491231002X"


@pytest.mark.parametrize("region, born, where", [
    ("500101", "19900101", "重庆市"),     # Chongqing's codes date from 1997
    ("310115", "19850607", "浦东新区"),   # Pudong's from 1992
    ("441900", "19800101", "东莞市"),     # Dongguan's from 1988
])
def test_a_genuine_id_number_whose_region_code_is_younger_than_its_holder_is_accepted_and_noted(region, born, where):
    number = id_number(region, born)
    assert parse_id_number(number, today=TODAY) == number
    (note,) = id_number_notes(number)
    assert region in note and where in note and "属正常" in note and "不符" not in note  # information, no fault


def test_an_id_number_with_a_region_code_not_in_the_list_is_accepted_and_noted():
    number = id_number("999999", "19900101")
    assert parse_id_number(number, today=TODAY) == number
    (note,) = id_number_notes(number)
    assert "不在国家行政区划代码表中" in note


def test_an_ordinary_id_number_has_no_note():
    assert id_number_notes("11010519491231002X") == ()


@pytest.mark.parametrize("born, reason", [
    ("20270101", "晚于今天"), ("20261125", "晚于今天"), ("20150101", "未满16周岁"), ("20101125", "未满16周岁"),
    ("19251123", "超过100周岁"), ("19250505", "超过100周岁"),
])
def test_an_implausible_birth_date_is_refused_with_its_reason(born, reason):
    with pytest.raises(ValidationError, match=reason):
        parse_id_number(id_number("110105", born), today=TODAY)


@pytest.mark.parametrize("born", ["20101124", "19261124"])
def test_the_age_limits_16_and_100_are_inclusive_on_the_birthday(born):
    number = id_number("110105", born)
    assert parse_id_number(number, today=TODAY) == number


def test_the_age_is_counted_on_shanghais_today_when_no_date_is_given():
    sixteen_today = add_months(clock.today(), -16 * 12)
    number = id_number("110105", f"{sixteen_today:%Y%m%d}")
    assert parse_id_number(number) == number


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
    assert parse_person_name("阿不都热合曼") == "阿不都热合曼"  # 不 in a long name, no space: a name
    for bad in ("张3", "a", "!!", "弄错了 是李秀兰"):
        with pytest.raises(ValidationError):
            parse_person_name(bad)


@pytest.mark.parametrize("text", ["我叫张三", "姓名：张三", "我的名字是张三", "名字叫张三", "本人张三", "张三。"])
def test_a_name_said_in_a_sentence_keeps_only_the_name(text):
    assert parse_person_name(text) == "张三"


@pytest.mark.parametrize("parse, text, value", [
    (parse_employer, "我在上海某某科技有限公司", "上海某某科技有限公司"),
    (parse_employer, "单位：上海某某科技有限公司。", "上海某某科技有限公司"),
    (parse_employer, "公司名称是上海某某科技有限公司", "上海某某科技有限公司"),
    (parse_employer, "我的單位是上海某某科技有限公司", "上海某某科技有限公司"),
    (parse_employer, "单位服务有限公司", "单位服务有限公司"),  # a label needs 是/为/a colon after it
    (parse_school, "毕业于复旦大学", "复旦大学"),
    (parse_school, "我是上海交通大学毕业的", "上海交通大学"),
    (parse_school, "学校：同济大学", "同济大学"),
])
def test_an_employer_or_school_said_in_a_sentence_keeps_only_the_name(parse, text, value):
    assert parse(text) == value


@pytest.mark.parametrize("text", [
    "上海某某科技有限公司", "3M中国有限公司", "上海市第一人民医院", "中国银行上海分行", "上海市公安局", "浦东新区卫健委",
    "上海市浦东新区人民政府", "复旦大学附属中山医院", "某某便利店", "无锡华润微电子有限公司", "未来科技有限公司",
    "华为技术", "字节跳动", "Microsoft (China) Co., Ltd.", "Apple Inc.", "上海外服（集团）有限公司", "ＡＢＣ（中国）有限公司",
])
def test_an_organisation_name_is_taken_as_the_employer_as_typed(text):
    assert parse_employer(text) == text


@pytest.mark.parametrize("text", [
    # the examples
    "没有单位", "12345", "不知道", "我又来了", "随便",
    # and others of the same kinds: denials, numbers, questions, greetings, sentences, roles
    "没工作", "还没找到工作", "没有固定公司", "我没有公司", "暂无", "无", "1234567", "公司全称怎么填？", "在吗",
    "单位是什么意思", "你好", "hello", "hi there", "好的", "继续", "退休了", "我不上班", "不告诉你", "随便写写",
    "测试一下", "哈哈哈哈", "自由职业者", "个体户", "家庭主妇", "asdfgh", "...", "公司", "大学",
])
def test_what_is_not_an_organisation_is_refused_as_the_employer_with_a_reason(text):
    with pytest.raises(ValidationError, match="单位") as refused:
        parse_employer(text)
    assert "例如" in refused.value.message or "人工" in refused.value.message


@pytest.mark.parametrize("text, reason", [
    ("没有单位", "如果暂时没有单位"), ("12345", "不是单位名称"), ("公司全称怎么填？", "像是一个问题"), ("保密", "太短了"),
])
def test_the_reason_names_what_the_employer_answer_was_taken_for(text, reason):
    with pytest.raises(ValidationError, match=reason):
        parse_employer(text)


def test_a_refused_employer_is_quoted_back_with_its_numbers_masked_before_it_is_cut():
    # Quoted back cut to 20 characters, an ID number would lose its last digits and escape the
    # transcript's masking with the birth date in it.
    with pytest.raises(ValidationError) as refused:
        parse_employer("我的身份证是11010519491231002X")
    assert "19491231" not in refused.value.message and "110105**" in refused.value.message


@pytest.mark.parametrize("text", ["复旦大学", "中国科学院大学", "上海市第二中学", "Harvard University",
                                  "University of Sydney", "麻省理工"])
def test_a_school_name_is_taken_as_typed(text):
    assert parse_school(text) == text


@pytest.mark.parametrize("text", ["北大", "12345", "不记得了", "学校是哪个", "没上过学", "hello"])
def test_what_is_not_a_school_is_refused_with_a_reason(text):
    with pytest.raises(ValidationError, match="毕业院校的全称"):
        parse_school(text)


@pytest.mark.parametrize("parse, text, saved", [
    (parse_person_name, "張偉", "张伟"), (parse_person_name, "我叫陳美玲。", "陈美玲"),
    (parse_person_name, "於文華", "於文华"),  # 於 is a surname of its own in simplified Chinese
    (parse_employer, "於文華貿易有限公司", "于文华贸易有限公司"), (parse_school, "國立臺灣大學", "国立台湾大学"),
    (parse_employer, "上海振華重工（集團）股份有限公司", "上海振华重工（集团）股份有限公司"),
])
def test_traditional_characters_are_saved_in_simplified_ones(parse, text, saved):
    assert parse(text) == saved


@pytest.mark.parametrize("parse, text", [(parse_person_name, "周乾"), (parse_person_name, "孙陞"),
                                         (parse_school, "乾县第一中学")])
def test_characters_of_simplified_chinese_that_opencc_would_change_are_kept_without_traditional_script(parse, text):
    assert parse(text) == text  # t2s makes 周乾 周干: 乾 is a character of its own in simplified names


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


@pytest.mark.parametrize("said, expected", [
    ("明年8月1号", date(2027, 8, 1)), ("明年的今天", date(2027, 12, 3)), ("后年1月5日", date(2028, 1, 5)),
    ("下个月15号到期", date(2027, 1, 15)), ("下个月底", date(2027, 1, 31)), ("今年年底", date(2026, 12, 31)),
    ("明年2月底", date(2027, 2, 28)), ("应该是明年十月二十号", date(2027, 10, 20)),
])
def test_a_date_said_from_today(said, expected):
    assert parse_date(said, today=date(2026, 12, 3)) == expected


@pytest.mark.parametrize("vague", ["明年年初", "下个月中旬", "明年3月份", "明年2月30号"])
def test_a_vague_or_impossible_date_from_today_is_refused(vague):
    with pytest.raises(ValidationError):
        parse_date(vague, today=date(2026, 12, 3))


def test_an_id_numbers_birth_date_is_read_as_python_stdnum_reads_it():
    import random

    from stdnum.exceptions import ValidationError as StdnumError

    from dialogs.validators import _ID_SHAPE, _birth_date, id_age

    rng = random.Random(19)
    digits = "0123456789" + "０１２３４５６７８９" + "٣٧"  # full-width and Arabic-Indic digits match \d as well
    numbers = ["11010519491231002X", "110105194902290011", "110105200002290011", "110105199913320011",
               "110105000001010011", "110105199900000011"]
    numbers += ["".join(rng.choice(digits) for _ in range(17)) + rng.choice(digits + "X") for _ in range(3000)]
    numbers += [f"110105{rng.randint(1900, 2030)}{rng.randint(0, 13):02d}{rng.randint(0, 32):02d}001X" for _ in range(3000)]
    today = date(2026, 12, 5)
    for number in numbers:
        assert _ID_SHAPE.fullmatch(number)
        try:
            born = ric.get_birth_date(number)
        except StdnumError as error:
            with pytest.raises(type(error)):
                _birth_date(number)
        else:
            assert _birth_date(number) == born, number
            assert id_age(number, today) == today.year - born.year - ((today.month, today.day) < (born.month, born.day))
