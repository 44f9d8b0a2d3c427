"""Values read right at the conversation points (issue 15, round 2, `values`), each through the engine
with several phrasings: digits dictated (幺/两/洞) or typed in groups, names introduced in words, a
surname alone, half dates, no number given yet, answers run together, an address with a space in it."""
from __future__ import annotations

import pytest

from dialogs.understanding.entities import spoken_digits
from tests.support.chat import BASIC, Chat, start


pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


# After the basic answers: the bonus option whose questions follow, and the answers before the one asked.
_THEN = {"edu_level": ["学历", "是", "否"], "social_years": ["社保"]}


def at_question(chat: Chat, field: str) -> None:
    if field == "permit_expiry":
        chat.send("你好")
        chat.send("积分新办")
    else:
        start(chat, "积分新办")
        for text in [*BASIC, *_THEN.get(field, ())]:
            if chat.state["state"] == field:
                break
            chat.send(text)
    assert chat.state["state"] == field


@pytest.mark.parametrize("field, said, saved", [
    ("mobile", "幺八六 两幺洞洞 三四五六", "18621003456"),
    ("mobile", "我手机一三九，零零二一，七七八八", "13900217788"),
    ("mobile", "139.0021.7788", "13900217788"),
    ("mobile", "手机号码幺三九洞洞两幺拐拐八八", "13900217788"),
    ("id_number", "三七零二八四 一九九三零五零五 三三幺八", "370284199305053318"),
    ("id_number", "370284，19930505，3318", "370284199305053318"),
])
def test_a_number_dictated_or_typed_in_groups_is_saved(chat, field, said, saved):
    at_question(chat, field)
    chat.send(said)
    assert chat.state["answers"][field] == saved


@pytest.mark.parametrize("said, saved", [
    ("我的名字叫做邵子涵", "邵子涵"), ("我名叫邵子涵", "邵子涵"), ("免贵姓邵，邵子涵", "邵子涵"), ("邵子涵本人", "邵子涵"),
])
def test_a_name_introduced_in_words_is_saved_without_them(chat, said, saved):
    at_question(chat, "name")
    chat.send(said)
    assert chat.state["answers"]["name"] == saved


@pytest.mark.parametrize("said", ["免贵姓邵", "我姓邵", "姓邵的"])
def test_a_surname_alone_asks_for_the_full_name(chat, said):
    at_question(chat, "name")
    reply = chat.send(said)
    assert "name" not in chat.state["answers"] and chat.state["state"] == "name"
    assert "全名" in reply


@pytest.mark.parametrize("said, reason", [
    ("2028年3月", "哪一天"), ("有效期到28年3月", "哪一天"), ("3月15日", "年份"), ("三月十五号到期", "年份"),
])
def test_half_a_date_is_asked_again_with_what_is_missing(chat, said, reason):
    at_question(chat, "permit_expiry")
    reply = chat.send(said)
    assert "permit_expiry" not in chat.state["answers"] and reason in reply


@pytest.mark.parametrize("field, said", [
    ("id_number", "身份证在单位抽屉里"), ("id_number", "证件不在我身上"), ("mobile", "号码刚换 还没记住"),
    ("email", "邮箱晚点给你"),
])
def test_no_number_yet_is_asked_again_offering_a_pause(chat, field, said):
    at_question(chat, field)
    reply = chat.send(said)
    assert field not in chat.state["answers"] and "暂停" in reply


@pytest.mark.parametrize("field, said, fields", [
    ("id_number", "身份证370284199305053318电话13900217788",
     {"id_number": "370284199305053318", "mobile": "13900217788"}),
    ("mobile", "手机13900217788邮箱shao.zh@126.com", {"mobile": "13900217788", "email": "shao.zh@126.com"}),
])
def test_answers_run_together_are_all_saved_and_listed(chat, field, said, fields):
    at_question(chat, field)
    reply = chat.send(said)
    assert {k: chat.state["answers"].get(k) for k in fields} == fields
    assert "已为您记录" in reply


@pytest.mark.parametrize("said", ["shao zihan@126.com", "shaozihan @126.com"])
def test_an_address_with_a_space_is_not_cut_to_a_part(chat, said):
    at_question(chat, "email")
    reply = chat.send(said)
    assert "email" not in chat.state["answers"] and "空格" in reply


@pytest.mark.parametrize("said", ["1，2", "2027.5.20", "选一二三", "两个孩子", "138 1667", "3、4、5"])
def test_what_makes_no_whole_number_is_left_as_said(said):
    assert spoken_digits(said) == said


@pytest.mark.parametrize("said, saved", [("王晓东同学", "王晓东"), ("周丽萍女士", "周丽萍")])
def test_a_title_after_a_name_is_not_saved_with_it(chat, said, saved):
    at_question(chat, "name")
    chat.send(said)
    assert chat.state["answers"]["name"] == saved


@pytest.mark.parametrize("said", ["周女士", "叫我小周就行", "叫我周姐"])
def test_a_title_or_a_nickname_asks_for_the_full_name(chat, said):
    at_question(chat, "name")
    chat.send(said)
    assert "name" not in chat.state["answers"] and chat.state["state"] == "name"


@pytest.mark.parametrize("said, saved", [("28年2月底", "2028-02-29"), ("2027年11月底到期", "2027-11-30")])
def test_a_months_end_with_its_year_saves_its_last_day(chat, said, saved):
    at_question(chat, "permit_expiry")
    chat.send(said)
    assert chat.state["answers"]["permit_expiry"] == saved


@pytest.mark.parametrize("said", ["有效期2023.3.1-2028.3.1", "2023年3月1日至2028年3月1日", "2023-03-01到2028-03-01"])
def test_a_permit_period_saves_its_end(chat, said):
    at_question(chat, "permit_expiry")
    chat.send(said)
    assert chat.state["answers"]["permit_expiry"] == "2028-03-01"


@pytest.mark.parametrize("said, saved", [
    ("我在上海梅林食品厂上班", "上海梅林食品厂"), ("在上海仪电集团工作", "上海仪电集团"),
    ("Roche Diagnostics (Shanghai) Co., Ltd.", "Roche Diagnostics (Shanghai) Co., Ltd."),
])
def test_an_employer_is_saved_without_the_work_said_after_it(chat, said, saved):
    at_question(chat, "employer")
    chat.send(said)
    assert chat.state["answers"]["employer"] == saved


@pytest.mark.parametrize("said, saved", [
    ("社保交了18个月", 1), ("五年零两个月", 5), ("不到两年", 1), ("半年", 0), ("交了一年不到", 0),
])
def test_social_insurance_years_said_in_months_or_less_than_some(chat, said, saved):
    at_question(chat, "social_years")
    chat.send(said)
    assert chat.state["answers"]["social_years"] == saved


@pytest.mark.parametrize("said", ["硕士在读", "博士还没毕业", "正在读本科"])
def test_a_degree_still_studied_for_is_asked_again_with_the_reason(chat, said):
    at_question(chat, "edu_level")
    reply = chat.send(said)
    assert "edu_level" not in chat.state["answers"] and "正在读的还不算" in reply


def test_the_degree_had_beside_the_one_studied_for_is_saved(chat):
    at_question(chat, "edu_level")
    chat.send("博士在读 硕士已经毕业")
    assert chat.state["answers"]["edu_level"] == "master"


@pytest.mark.parametrize("said", ["还没要呢", "暂时没打算要", "一个都没有", "孩子一个也没", "小囡一个都没有", "阿拉没有小囡",
                                  "没得", "否"])  # 一个都没有 was 1
def test_no_children_yet_is_none(chat, said):
    at_question(chat, "children")
    chat.send(said)
    assert chat.state["answers"]["children"] == 0


@pytest.mark.parametrize("said", ["孩子都没上户口", "孩子也没在上海读书"])
def test_a_remark_about_the_children_is_no_count(chat, said):
    at_question(chat, "children")
    chat.send(said)
    assert "children" not in chat.state["answers"]


@pytest.mark.parametrize("field, said, saved", [
    ("permit_expiry", "贰零贰捌年肆月拾陆日", "2028-04-16"),  # a formal letter's date
    ("children", "本人育有子女贰名", 2),
    ("marital_status", "叁", "divorced"),  # the menu's third status
])
def test_a_capital_number_is_the_number(chat, field, said, saved):
    at_question(chat, field)
    chat.send(said)
    assert chat.state["answers"][field] == saved


@pytest.mark.parametrize("said", ["陆嘉伟", "伍思琪"])  # 陆 and 伍 alone are surnames, not six and five
def test_a_surname_written_like_a_capital_number_stays_a_name(chat, said):
    at_question(chat, "name")
    chat.send(said)
    assert chat.state["answers"]["name"] == said


@pytest.mark.parametrize("said", ["③", "❸", "⑶", "⒊"])
def test_a_number_in_a_circle_or_brackets_chooses_that_option(chat, said):
    chat.send("你好")
    chat.send(said)  # the menu's third type; int() refuses "③" though str.isdigit() accepts it
    assert chat.state["answers"]["business_type"] == "employer_change"
    at_question(chat, "marital_status")
    chat.send("②")
    assert chat.state["answers"]["marital_status"] == "married"
