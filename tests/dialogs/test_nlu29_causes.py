"""Development set 18's misreadings by their causes (nlu29: slow typists of fifty, lunch-break fragments, referring
back, office English), each in other words (none of the set's texts), through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, application_in, play

OPENING = ["你好", "积分新办", "2027-08-25"]
AGREED = [*OPENING, "同意"]
AT_EMPLOYER = [*AGREED, *BASIC[:2]]
AT_BONUS = [*AGREED, *BASIC]
AT_SPOUSE = [*AGREED, *BASIC[:3], "0", "已婚", *BASIC[5:]]


# -- 1. a slow typist's space after every word ------------------------------------------------------------------------
def test_a_question_typed_word_by_word_is_asked_not_an_edit(kb):
    """"请问 单位 改 过 名 字 …": the words apart tore the pairs the model reads, and a question about the employer's
    name was taken for a request to edit an answer: it is answered, and the employer asked again."""
    outcome = play(kb, *AT_EMPLOYER, "请问 公司 名 字 换 了 写 哪 个 。")
    assert outcome.state["state"] == "employer" and "employer" not in outcome.state["answers"]
    assert not any("修改" in reply for reply in outcome.replies)


def test_thanks_typed_word_by_word_is_no_name(kb):
    """"谢谢 小伙子 你 们 …" at the name saved the word for the helper as the applicant's name."""
    outcome = play(kb, *AGREED, "谢谢 小伙子 你 们 真 辛苦 了 。")
    assert "name" not in outcome.state["answers"] and outcome.state["state"] == "name"


def test_options_typed_word_by_word_are_chosen(kb):
    outcome = play(kb, *AT_BONUS, "学历 和 社保 这 两 个 都 要")
    assert outcome.state["answers"].get("bonus_options") == ["education", "social_insurance"]


# -- 2. an option chosen by its place in the list, pointed back at ---------------------------------------------------
@pytest.mark.parametrize("before, field, said, value", [
    (["你好"], "business_type", "上面列的第二个", "renew"),
    (AT_BONUS, "bonus_options", "你上面说的第1个和第3个", ["title", "social_insurance"]),
])
def test_an_option_chosen_by_its_place_pointed_back_at(kb, before, field, said, value):
    """"上面说的第三个" was read as an option's name, and none was found: the place is the answer."""
    assert play(kb, *before, said).state["answers"].get(field) == value


def test_a_place_pointed_back_at_and_asked_about_is_a_question(kb):
    outcome = play(kb, *AT_BONUS, "上面第五个 应届生 是什么意思")
    assert "bonus_options" not in outcome.state["answers"]


# -- 3. a name put right after an apology -------------------------------------------------------------------------------
def test_a_name_put_right_after_an_apology_is_the_one_kept(kb):
    """"名字是… 不好意思打错了 是…": the apology before 打错了 hid the taking back, and the wrong name was kept."""
    outcome = play(kb, *AGREED, "我叫林晓雯 不好意思打错了 是林晓文")
    assert outcome.state["answers"].get("name") == "林晓文"


# -- 4. the spouse made one's 同住人 is the 随员 option; 同住 alone names no option ------------------------------------------
@pytest.mark.parametrize("said, value", [
    ("把我爱人也加成同住人", ["spouse_companion"]),
    ("老婆也加成同住人 她是上海户口", ["spouse_companion", "spouse_hukou"]),
    # review3 R16: 同住/同住人 as an option's name chose 随员 where it was denied or about the children
    ("她不和我同住 是上海户口", ["spouse_hukou"]),
    ("孩子是同住人 配偶都不是", []),
])
def test_the_spouse_as_a_co_resident_is_the_companion_option(kb, said, value):
    """The spouse added as one's 同住人 is a 随员 (the question's own note says so); 同住 said of anyone else, or denied,
    chooses nothing."""
    assert play(kb, *AT_SPOUSE, said).state["answers"].get("spouse_options") == value


# -- 5. a major in artificial intelligence is no request for a person --------------------------------------------------
def test_a_major_in_artificial_intelligence_is_no_request_for_a_person(kb):
    """"…人工智能" holds 人工, the word that asks for a person: the applicant was handed to one, nothing chosen."""
    outcome = play(kb, *AT_BONUS, "紧缺专业那个 我硕士读的人工智能")
    assert outcome.state["answers"].get("bonus_options") == ["shortage_major"]


# -- 6. a step said as taken already, and what may be done after it asked: a question ---------------------------------
def test_the_consent_supposed_and_its_undoing_asked_is_no_consent(kb):
    """"今天点了同意 过两天后悔了 能撤销吗": the consent said in a supposition was given, and the question answered
    beside it; nothing is given, the question is answered and the consent asked again."""
    outcome = play(kb, *OPENING, "我点了同意 过几天不想办了 还能取消吗")
    assert "consent" not in outcome.state["answers"] and outcome.state["state"] == "consent"


def test_the_consent_said_apart_before_the_question_is_given(kb):
    outcome = play(kb, *OPENING, "看完了 同意 同意了以后还能撤回吗")
    assert outcome.state["answers"].get("consent") == "agree"


def test_the_confirmation_supposed_and_a_change_after_asked_confirms_nothing(chat):
    """"点了确认 后面发现错了 还有机会改不" confirmed the approved application."""
    application_in(chat, "approved")
    chat.send("点了确认 回头发现有错 还能改不")
    assert chat.application["status"] == "approved"
