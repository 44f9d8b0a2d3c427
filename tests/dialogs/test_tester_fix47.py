"""The last tester round's and the lead's reads' leftovers, through the engine with ``play`` (fix47)."""
from __future__ import annotations

import pytest

from tests.support.chat import play

pytestmark = pytest.mark.answers_questions

# A new application walked to the bonus options (an unmarried applicant, no children).
TO_BONUS = ("你好", "1", "2027-08-25", "同意", "张伟", "110101199003078515", "上海星河科技有限公司", "0", "未婚",
            "13800138000", "a@b.com")
TO_NAME, TO_EMPLOYER, TO_CHILDREN, TO_MOBILE = TO_BONUS[:4], TO_BONUS[:6], TO_BONUS[:7], TO_BONUS[:9]
TO_SCHOOL = (*TO_BONUS, "学历", "1", "2", "本科")


def _said(outcome) -> str:
    return "\n".join(outcome.replies)


# -- 1: the applicant's own degree run on after the spouse's in one clause: theirs kept, the spouse's not -----------
@pytest.mark.parametrize("text, level", [
    ("学历 我老公是硕士我是本科", "bachelor"),
    ("学历加分 我老婆是研究生我自己是大专", "college"),
    ("老公博士我本人硕士", "master"),
    ("学历 我媳妇是博士我的学历是本科", "bachelor"),
])
def test_the_applicants_degree_after_the_spouses_in_one_clause_is_kept_as_theirs(kb, text, level):
    outcome = play(kb, *TO_BONUS, text)
    answers = outcome.state["answers"]
    assert answers["bonus_options"] == ["education"] and answers["edu_level"] == level
    assert outcome.state["state"] == "edu_fulltime"


def test_the_applicants_degree_after_the_spouses_at_the_level_is_the_answer(kb):
    outcome = play(kb, *TO_BONUS, "学历", "1", "2", "老婆研究生我本科")
    assert outcome.state["answers"]["edu_level"] == "bachelor" and outcome.state["state"] == "edu_school"


# -- 2: 都 said of the applicant and another ("老婆和我都是本科") is both of them, not every option ------------------
@pytest.mark.parametrize("text, level", [
    ("老婆和我都是本科", "bachelor"),
    ("我和老公都是硕士", "master"),
    ("我们两口子都是研究生", "master"),
    ("我跟我媳妇都是本科毕业的", "bachelor"),
    ("他跟我都是大专", "college"),
])
def test_both_of_us_said_at_the_bonus_options_chooses_the_education_alone(kb, text, level):
    outcome = play(kb, *TO_BONUS, text)
    answers = outcome.state["answers"]
    assert answers["bonus_options"] == ["education"] and answers["edu_level"] == level


def test_every_option_said_with_du_alone_still_chooses_them_all(kb):
    assert len(play(kb, *TO_BONUS, "都要").state["answers"]["bonus_options"]) == 5


# -- 3: a sigh or a grumble about the form before the name is no word of it ---------------------------------------
@pytest.mark.parametrize("text, name", [
    ("唉 又要填 邵春雷", "邵春雷"),
    ("唉又要填邵春雷", "邵春雷"),
    ("哎 烦死了 周建华", "周建华"),
    ("唉 真麻烦 赵丽", "赵丽"),
    ("哎呀 怎么又要写 孙立新", "孙立新"),
])
def test_a_grumble_before_the_name_is_not_the_name(kb, text, name):
    outcome = play(kb, *TO_NAME, text)
    assert outcome.state["answers"]["name"] == name and outcome.state["state"] == "id_number"


@pytest.mark.parametrize("text", ["又要填", "真麻烦啊", "好烦啊"])
def test_a_grumble_alone_at_the_name_saves_nothing_and_asks_again(kb, text):
    outcome = play(kb, *TO_NAME, text)
    assert "name" not in outcome.state["answers"] and outcome.state["state"] == "name"


def test_a_grumble_before_the_employer_is_not_its_name(kb):
    outcome = play(kb, *TO_EMPLOYER, "唉 又要填 上海星河科技有限公司")
    assert outcome.state["answers"]["employer"] == "上海星河科技有限公司"


# -- 4: wistful words about one's university at the school are a feeling, not a school -----------------------------
@pytest.mark.parametrize("text", ["真怀念大学生活", "大学生活真让人怀念", "好想回到大学时代", "真想念读大学那会儿"])
def test_missing_ones_university_days_at_the_school_is_no_school(kb, text):
    outcome = play(kb, *TO_SCHOOL, text)
    assert "edu_school" not in outcome.state["answers"] and outcome.state["state"] == "edu_school"
    assert "院校" in _said(outcome)


# -- 5: characters typed one by one with spaces between are one word -------------------------------------------------
@pytest.mark.parametrize("before, text, field, value", [
    (TO_SCHOOL, "同 济 大 学", "edu_school", "同济大学"),
    (TO_SCHOOL, "南 京 大 学", "edu_school", "南京大学"),
    (TO_NAME, "李 强", "name", "李强"),
    (TO_NAME, "欧 阳 晓 东", "name", "欧阳晓东"),
    (TO_EMPLOYER, "上 海 星 河 科 技 有 限 公 司", "employer", "上海星河科技有限公司"),
])
def test_characters_typed_apart_are_joined(kb, before, text, field, value):
    assert play(kb, *before, text).state["answers"][field] == value


def test_words_typed_apart_stay_several_answers(kb):
    answers = play(kb, *TO_NAME, "张伟 身份证110101199003078515").state["answers"]
    assert answers["name"] == "张伟" and answers["id_number"] == "110101199003078515"


def test_a_name_typed_apart_before_the_id_number_is_joined(kb):
    answers = play(kb, *TO_NAME, "李 强 110101199003078515").state["answers"]
    assert answers["name"] == "李强" and answers["id_number"] == "110101199003078515"


# -- 6: a negative count is no count: asked again, said why ----------------------------------------------------------
@pytest.mark.parametrize("text", ["负二", "-3", "负1", "负两个", "－2"])
def test_a_negative_children_count_is_asked_again(kb, text):
    outcome = play(kb, *TO_CHILDREN, text)
    assert "children" not in outcome.state["answers"] and outcome.state["state"] == "children"
    assert "不能是负数" in _said(outcome)


# -- 7: the name said wrong with the right one beside it, at the next question: changed, said, the question again -----
@pytest.mark.parametrize("text", ["我叫错了 是张玮", "名字打错了 应该是张玮", "叫错了 应该叫张玮", "刚才名写错了 是张玮",
                                  "前面名字输错了，正确的是张玮", "名字填错了 张玮才对"])
def test_the_name_put_right_at_the_next_question_is_changed_and_said(kb, text):
    outcome = play(kb, *TO_NAME, "张伟", text)
    assert outcome.state["answers"]["name"] == "张玮" and outcome.state["state"] == "id_number"
    assert "张玮" in _said(outcome) and "身份证号码" in _said(outcome)


# -- 8: a surname spelled by its parts with a one-character given name told ("单名一个晨") --------------------------
@pytest.mark.parametrize("text, name", [
    ("我叫耳东陈 单名一个晨", "陈晨"),
    ("我姓耳东陈，单名一个晨", "陈晨"),
    ("古月胡 单名一个歌", "胡歌"),
    ("文刀刘 名字是一个畅", "刘畅"),
    ("耳东陈 单名一个晨字", "陈晨"),
    ("姓弓长张 名字叫伟", "张伟"),
])
def test_a_spelled_surname_and_a_one_character_given_name_make_the_name(kb, text, name):
    assert play(kb, *TO_NAME, text).state["answers"]["name"] == name


@pytest.mark.parametrize("text, surname", [("木子李", "李"), ("立早章", "章"), ("耳东陈 单名一个字", "陈")])
def test_a_spelled_surname_alone_asks_for_the_full_name(kb, text, surname):
    outcome = play(kb, *TO_NAME, text)
    assert "name" not in outcome.state["answers"] and f"姓“{surname}”" in _said(outcome)


# -- 9: a number saved from among other words is said back, as a name taken from a sentence is -----------------------
@pytest.mark.parametrize("before, text, label, value", [
    (TO_MOBILE, "13911112222 我女儿帮我填的", "手机号码", "13911112222"),
    (TO_MOBILE, "13911112222 孙子帮忙打的字", "手机号码", "13911112222"),
    (TO_BONUS[:10], "a@b.com 儿子给我注册的", "邮箱地址", "a@b.com"),
    (TO_BONUS[:5], "110101199003078515 照着卡抄的", "身份证号码", "110101199003078515"),
])
def test_a_number_saved_from_among_other_words_is_said_back(kb, before, text, label, value):
    said = _said(play(kb, *before, text))
    assert f"{label}按 {value} 记录" in said


@pytest.mark.parametrize("text", ["13911112222", "我的手机号是13911112222", "13911112222 谢谢"])
def test_a_number_alone_or_with_its_label_is_not_said_back(kb, text):
    assert "记录" not in _said(play(kb, *TO_MOBILE, text))
