"""Misreadings fixed at the conversation points (issue 15's second pass), each through the engine
with several phrasings: dates said from today, and what the first pass took for something else."""
from __future__ import annotations

from datetime import date

import pytest

from dialogs import render
from dialogs.validators import add_months
from tests.support.chat import BASIC, TODAY, Chat, at_question, start


pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


def at_permit_expiry(chat: Chat) -> None:
    chat.send("你好")
    chat.send("积分新办")
    assert chat.state["state"] == "permit_expiry"


# Counted from the conversation's day (the fixture's TODAY), as the engine counts it, not from the machine's.
def _next_year(month: int, day: int) -> str:
    return date(TODAY.year + 1, month, day).isoformat()


def _end_of_next_month() -> str:
    first = add_months(TODAY.date().replace(day=1), 2)
    return date.fromordinal(first.toordinal() - 1).isoformat()


@pytest.mark.parametrize("said, saved", [
    ("明年8月1号", lambda: _next_year(8, 1)),
    ("明年七月一号到期", lambda: _next_year(7, 1)),
    ("居住证到明年5月20号", lambda: _next_year(5, 20)),
    ("有效期是到明年五月底", lambda: _next_year(5, 31)),
    ("大概明年三月底吧", lambda: _next_year(3, 31)),
    ("下个月底", _end_of_next_month),
])
def test_a_permit_date_said_from_today_is_read(chat, said, saved):
    at_permit_expiry(chat)
    chat.send(said)
    assert chat.state["answers"]["permit_expiry"] == saved()


@pytest.mark.parametrize("vague", ["明年年初", "下个月中旬", "明年3月份"])
def test_a_vague_permit_date_is_asked_again(chat, vague):
    at_permit_expiry(chat)
    chat.send(vague)
    assert chat.state["state"] == "permit_expiry" and "permit_expiry" not in chat.state["answers"]


TO_EDUCATION = [*BASIC, "学历"]


@pytest.mark.parametrize("said", ["不想同意", "拒绝", "no", "我不接受这个须知"])
def test_refusing_the_consent_in_words_is_no_consent(chat, said):
    chat.send("你好")
    chat.send("积分新办")
    chat.send("2027-08-25")
    assert chat.state["state"] == "consent"
    chat.send(said)
    assert chat.state["answers"].get("consent") != "agree" and chat.state["state"] == "consent"


@pytest.mark.parametrize("said, status", [
    ("爱人去世了", "widowed"), ("老伴前年走了", "widowed"), ("结过婚但是离了", "divorced"), ("前年离的", "divorced"),
    ("成家了", "married"), ("去年领的证", "married"), ("未婚的", "unmarried"),
    ("未结婚", "unmarried"), ("木有结婚", "unmarried"),
])
def test_a_marital_status_said_in_words(chat, said, status):
    at_question(chat, "marital_status", BASIC)
    chat.send(said)
    assert chat.state["answers"]["marital_status"] == status


@pytest.mark.parametrize("field, said", [("marital_status", "single"), ("marital_status", "divorced"),
                                         ("edu_level", "master"), ("email", "no email")])
def test_english_beyond_the_few_words_understood_gets_the_note(chat, field, said):
    """Issue 15, point 7: only yes/no/agree/help/human/progress/back are read in English; a status, a
    degree or "no email" in English gets the one-line note, and nothing is saved."""
    at_question(chat, field, [*BASIC, "学历", "是", "是"] if field.startswith("edu") else BASIC)
    reply = chat.send(said)
    assert render.ENGLISH_NOTE in reply and field not in chat.state["answers"]


@pytest.mark.parametrize("said, chosen", [
    ("二和三", ["education", "social_insurance"]), ("选2和5", ["education", "graduate"]),
    ("第一个跟第三个", ["title", "social_insurance"]), ("一二都要", ["title", "education"]),
])
def test_bonus_options_chosen_by_their_numbers_among_joining_words(chat, said, chosen):
    at_question(chat, "bonus_options", BASIC)
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == chosen


@pytest.mark.parametrize("said, fulltime", [
    ("函授的", False), ("夜大读的", False), ("在职读的", False), ("自考本科", False), ("脱产读的", True),
    ("统招进去的", True), ("非", False),
])
def test_a_study_mode_answers_the_full_time_question(chat, said, fulltime):
    at_question(chat, "edu_fulltime", TO_EDUCATION)
    chat.send(said)
    assert chat.state["answers"]["edu_fulltime"] is fulltime


@pytest.mark.parametrize("said, foreign", [
    ("没出过国", False), ("不是海归", False), ("没留学", False), ("香港读的研", True), ("在日本读的", True),
])
def test_where_a_degree_is_from_answers_the_foreign_question(chat, said, foreign):
    at_question(chat, "edu_foreign", [*TO_EDUCATION, "是"])
    chat.send(said)
    assert chat.state["answers"]["edu_foreign"] is foreign


@pytest.mark.parametrize("said, fields", [
    ("全日制硕士", {"edu_fulltime": True, "edu_level": "master"}),
    ("非全日制研究生", {"edu_fulltime": False, "edu_level": "master"}),
    ("统招本科，复旦大学", {"edu_fulltime": True, "edu_level": "bachelor", "edu_school": "复旦大学"}),
])
def test_a_degree_with_its_qualifier_answers_both_questions(chat, said, fields):
    at_question(chat, "edu_fulltime", TO_EDUCATION)
    chat.send(said)
    assert {k: chat.state["answers"].get(k) for k in fields} == fields


def test_two_answers_that_disagree_then_a_question_record_nothing(chat):
    at_question(chat, "edu_fulltime", TO_EDUCATION)
    chat.send("大专全日制 本科自考 算哪个")
    assert chat.state["state"] == "edu_fulltime" and "edu_fulltime" not in chat.state["answers"]


@pytest.mark.parametrize("said, name", [
    ("你好，我的名字叫陈晓东", "陈晓东"), ("我姓王，叫王建国", "王建国"), ("陈晓东就是我", "陈晓东"),
    ("写陈晓东吧", "陈晓东"), ("那个 我叫刘洋 刘是文刀刘", "刘洋"), ("程序员小邓 邓超", "邓超"), ("於文華 谢谢", "於文华"),
])
def test_a_name_inside_a_longer_sentence_is_the_name_saved(chat, said, name):
    at_question(chat, "name", ["同意"])
    chat.send(said)
    assert chat.state["answers"]["name"] == name


@pytest.mark.parametrize("said, name", [("你好 我叫孙丽", "孙丽"), ("申请人是赵磊", "赵磊"), ("持证人叫钱多多", "钱多多")])
def test_a_name_introduced_is_the_name_whatever_else_is_said(chat, said, name):
    at_question(chat, "name", ["同意"])
    chat.send(said)
    assert chat.state["answers"]["name"] == name


@pytest.mark.parametrize("said", ["你们效率挺高的", "我觉得这个挺好的", "他们说填这里吧"])
def test_a_sentence_is_never_saved_as_the_name(chat, said):
    at_question(chat, "name", ["同意"])
    chat.send(said)
    assert "name" not in chat.state["answers"]


@pytest.mark.parametrize("said, employer", [
    ("中国建设银行股份有限公司上海市分行", "中国建设银行股份有限公司上海市分行"),
    ("上海市第六人民医院金山分院", "上海市第六人民医院金山分院"),
    ("俺在中建八局第三建设有限公司干活", "中建八局第三建设有限公司"),
    ("在上海市徐汇区第二中学当老师", "上海市徐汇区第二中学"),
    ("就是上海小红书科技有限公司啦", "上海小红书科技有限公司"),
])
def test_an_employer_keeps_its_units_and_loses_the_sentence_around_it(chat, said, employer):
    at_question(chat, "employer", BASIC)
    chat.send(said)
    assert chat.state["answers"]["employer"] == employer


@pytest.mark.parametrize("said, years", [("社保交了6年", 6), ("差不多6年吧", 6), ("交了三年多", 3), ("没交过", 0)])
def test_social_insurance_years_said_in_a_sentence(chat, said, years):
    at_question(chat, "social_years", [*BASIC, "社保"])
    chat.send(said)
    assert chat.state["answers"]["social_years"] == years


@pytest.mark.parametrize("said, count", [("有1个", 1), ("仨", 3), ("目前还没要孩子", 0), ("孩子两个", 2)])
def test_children_counted_in_words(chat, said, count):
    at_question(chat, "children", BASIC)
    chat.send(said)
    assert chat.state["answers"]["children"] == count


@pytest.mark.parametrize("said, chosen", [
    ("职称加分，社保加分", ["title", "social_insurance"]), ("学历加分👍社保加分👍", ["education", "social_insurance"]),
])
def test_options_named_one_after_another_are_chosen(chat, said, chosen):
    at_question(chat, "bonus_options", BASIC)
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == chosen


@pytest.mark.parametrize("said, business_type", [
    ("我晓得了 选4", "add_companion"), ("额 就那个第一个吧", "new"), ("最后一个", "add_companion"),
])
def test_a_business_type_chosen_by_its_place_in_the_list(chat, said, business_type):
    chat.send("你好")
    chat.send(said)
    assert chat.state["answers"]["business_type"] == business_type


def at_consent(chat: Chat) -> None:
    chat.send("你好")
    chat.send("积分新办")
    chat.send("2027-08-25")
    assert chat.state["state"] == "consent"


@pytest.mark.parametrize("said", ["张伟", "噢噢", "谢谢提醒", "还没看完"])
def test_nothing_but_words_of_consent_is_consent(chat, said):
    at_consent(chat)
    chat.send(said)
    assert "consent" not in chat.state["answers"] and chat.state["state"] == "consent"


@pytest.mark.parametrize("said", ["童意", "同意的哈", "没意见 同意", "我已阅读并同意"])
def test_consent_in_its_words_or_a_typo_of_them(chat, said):
    at_consent(chat)
    chat.send(said)
    assert chat.state["answers"]["consent"] == "agree" and chat.state["state"] == "name"


def test_a_confirmation_taken_back_in_the_same_message_confirms_nothing(chat):
    start(chat, "积分新办")
    for text in [*BASIC, "0"]:
        chat.send(text)
    assert chat.state["state"] == "summary"
    chat.send("其他都对，就是孩子是3个")
    assert chat.state["state"] == "summary" and chat.application is None


def test_a_subject_surely_outside_the_service_is_declined_though_it_shares_words_with_an_entry(chat):
    """社保卡的银行功能 matches an entry on social insurance word for word; it is still the bank's business."""
    at_question(chat, "social_years", [*BASIC, "社保"])
    reply = chat.send("社保卡的银行功能怎么开通")
    assert render.OUT_OF_SCOPE in reply and chat.state["state"] == "social_years"


@pytest.mark.parametrize("field, said", [
    ("bonus_options", "无所谓"), ("social_years", "一直在交"), ("social_years", "-3"), ("children", "-1"),
])
def test_words_that_give_no_value_are_asked_again(chat, field, said):
    at_question(chat, field, [*BASIC, "社保"])
    chat.send(said)
    assert chat.state["state"] == field and field not in chat.state["answers"]


@pytest.mark.parametrize("said, material", [
    ("身份证重新拍一下", "id_card"), ("把居住证传一下", "residence_permit"), ("合同一起传了吧", "labor_contract"),
])
def test_a_material_named_with_one_in_its_words_is_that_material_not_the_first(chat, said, material):
    """The 一 of "一下" or "一起" is no item number."""
    start(chat, "积分新办")
    for text in [*BASIC, "0", "确认"]:
        chat.send(text)
    chat.send(said)
    assert chat.state["material"] == material


@pytest.mark.parametrize("field, said, value", [
    ("children", "冇仔女", 0), ("edu_fulltime", "係", True), ("edu_fulltime", "冇", False),
    ("edu_foreign", "係，喺英國讀嘅", True), ("marital_status", "唔係未婚 係已婚", "married"),
])
def test_cantonese_function_words_are_read_as_mandarin(chat, field, said, value):
    at_question(chat, field, [*BASIC, "学历", "是"] if field.startswith("edu") else BASIC)
    chat.send(said)
    assert chat.state["answers"][field] == value


def test_a_name_after_cantonese_i_am_is_the_name(chat):
    at_question(chat, "name", ["同意"])
    chat.send("我系梁家辉")
    assert chat.state["answers"]["name"] == "梁家辉"


@pytest.mark.parametrize("field, said, value", [
    ("bonus_options", "xueli shebao", ["education", "social_insurance"]), ("marital_status", "yihun", "married"),
    ("social_years", "9 years", 9),
])
def test_pinyin_and_english_words_for_an_answer(chat, field, said, value):
    at_question(chat, field, [*BASIC, "社保"])
    chat.send(said)
    assert chat.state["answers"][field] == value


@pytest.mark.parametrize("said", ["xu ban", "xuban"])
def test_a_business_type_in_pinyin(chat, said):
    chat.send("你好")
    chat.send(said)
    assert chat.state["answers"]["business_type"] == "renew"


@pytest.mark.parametrize("said", ["确认提交", "提交"])
def test_submitting_at_the_summary_confirms_it(chat, said):
    start(chat, "积分新办")
    for text in [*BASIC, "0"]:
        chat.send(text)
    assert chat.state["state"] == "summary"
    chat.send(said)
    assert chat.application is not None


def test_a_material_mentioned_before_the_checklist_is_no_checklist_command(chat):
    at_question(chat, "edu_fulltime", TO_EDUCATION)
    reply = chat.send("我去看看毕业证 一会回来")
    assert render.CHECKLIST_NOT_YET not in reply and "edu_fulltime" not in chat.state["answers"]


@pytest.mark.parametrize("said, fields", [
    ("已婚，老婆是上海户口", {"marital_status": "married", "spouse_options": ["spouse_hukou"]}),
    ("离异了，一个儿子", {"marital_status": "divorced", "children": 1}),
])
def test_a_spouse_or_a_child_said_beside_the_marital_status_is_saved_too(chat, said, fields):
    at_question(chat, "marital_status", BASIC)
    chat.send(said)
    assert {k: chat.state["answers"].get(k) for k in fields} == fields


@pytest.mark.parametrize("said, chosen", [
    ("她是上海户籍 这次也要加她", ["spouse_companion", "spouse_hukou"]), ("老公上海户口 不加他", ["spouse_hukou"]),
    ("没有没有", []),
])
def test_spouse_options_said_through_the_spouse(chat, said, chosen):
    at_question(chat, "spouse_options", [*BASIC[:3], "1", "已婚", *BASIC[5:]])
    chat.send(said)
    assert chat.state["answers"]["spouse_options"] == chosen


def test_a_mobile_read_aloud_in_groups(chat):
    at_question(chat, "mobile", BASIC)
    chat.send("一三五 零一二三 四五六七")
    assert chat.state["answers"]["mobile"] == "13501234567"


@pytest.mark.parametrize("said", ["第三项删掉", "2号不要了"])
def test_deleting_an_item_named_before_the_verb(chat, said):
    start(chat, "积分新办")
    for text in [*BASIC, "0", "确认"]:
        chat.send(text)
    reply = chat.send(said)
    assert "不能单独删除" in reply


@pytest.mark.parametrize("field, said, value", [("marital_status", "还没结婚呢", "unmarried"), ("children", "还没有孩子呢", 0)])
def test_a_state_not_yet_come_about_with_ne_is_an_answer_not_a_question(chat, field, said, value):
    at_question(chat, field, BASIC)
    chat.send(said)
    assert chat.state["answers"][field] == value


@pytest.mark.parametrize("said, name", [("张伟", "张伟"), ("谢霆锋", "谢霆锋"), ("叶子涵 谢谢", "叶子涵"), ("郭靖[微笑]", "郭靖")])
def test_a_name_alone_or_beside_a_thanks_is_the_name(chat, said, name):
    at_question(chat, "name", ["同意"])
    chat.send(said)
    assert chat.state["answers"]["name"] == name


@pytest.mark.parametrize("said", ["嘿嘿", "小王", "多谢"])
def test_a_sound_a_nickname_or_a_thanks_is_no_name(chat, said):
    at_question(chat, "name", ["同意"])
    chat.send(said)
    assert "name" not in chat.state["answers"]


@pytest.mark.parametrize("said, business_type", [
    ("跳槽了", "employer_change"), ("把娃加进去", "add_companion"), ("头一回办", "new"), ("积分快到期了要续", "renew"),
])
def test_a_business_type_by_what_happened(chat, said, business_type):
    chat.send("你好")
    chat.send(said)
    assert chat.state["answers"]["business_type"] == business_type


@pytest.mark.parametrize("said", ["不想说", "太感谢了"])
def test_a_refusal_or_a_thanks_is_no_name(chat, said):
    at_question(chat, "name", ["同意"])
    chat.send(said)
    assert "name" not in chat.state["answers"]


def test_asking_how_many_of_something_is_a_question(chat):
    at_question(chat, "social_years", [*BASIC, "社保"])
    chat.send("社保交几年能加分")
    assert chat.state["state"] == "social_years" and "social_years" not in chat.state["answers"]


@pytest.mark.parametrize("said, shown", [("离婚了，孩子归我要交啥", "离异"), ("结婚了 老婆要交什么材料", "已婚")])
def test_an_answer_taken_from_a_message_that_also_asks_is_named(chat, said, shown):
    at_question(chat, "marital_status", BASIC)
    reply = chat.send(said)
    assert f"婚姻状况：{shown}" in reply
