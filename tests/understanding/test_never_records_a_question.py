"""A message that asks is never recorded as a plain answer, whatever path reads it and whatever
the model says: the last step of ``interpret`` marks it, and the policy refuses to only record it."""
from __future__ import annotations

import pytest

from dialogs.asking import asks
from dialogs.policy import Action, decide
from dialogs.understanding import Interpretation, interpret
from dialogs.understanding.classifier import Ranked, trained
from dialogs.understanding.features import match_form
from dialogs.understanding.values import clauses
from knowledge import load_default

# Questions of the helper's own, at every kind of point, each naming words an answer would use.
ASKING = [
    ("name", "名字是不是要写繁体"), ("name", "刘佳 这个名字重名多吗"), ("name", "我的名字有个字打不出来咋整"),
    ("id_number", "身份证号最后是x的要大写吗"), ("id_number", "320503198706124417这个号码对吗"),
    ("employer", "上海某某科技有限公司还是分公司的名字"), ("employer", "外包的填哪个公司呀"),
    ("mobile", "13817765432能收到通知吗"), ("mobile", "座机号码可不可以"), ("mobile", "13817765432 这个号能接电话吧"),
    ("email", "qq邮箱行吗"), ("email", "没有邮箱会不会影响"),
    ("marital_status", "离异带孩子算哪种"), ("marital_status", "已婚的话配偶要来吗"),
    ("children", "两个孩子都要填吗"), ("children", "继子女算不算在里面"),
    ("bonus_options", "社保加分是怎么算的"), ("bonus_options", "学历和职称能同时选吗"),
    ("spouse_options", "随员是什么意思"), ("edu_level", "本科没拿学位证算本科吗"), ("edu_level", "自考的算本科吧"),
    ("edu_fulltime", "全日制怎么判断"), ("edu_foreign", "香港读的算国外吗"),
    ("social_years", "社保五年够不够"), ("permit_expiry", "2027年5月到期要不要先续签"),
    ("consent", "同意以后能反悔吗"), ("summary", "确认以后还能改吗"), ("start", "新办和续办有什么区别"),
    # Cantonese how, why and what, and 为何: asked in words the Mandarin cues did not know
    ("bonus_options", "应届生加分点样计"), ("marital_status", "离异为何要交证明"), ("bonus_options", "学历加分要交咩材料"),
    ("edu_level", "硕士点解要学信网报告"),
    # Shanxi and Inner Mongolia 甚 (what): "为甚" is why, "做甚" what for
    ("name", "为甚非得写真名"), ("employer", "单位名称要来做甚"), ("consent", "这须知甚意思"),
]


@pytest.fixture(scope="module")
def kb():
    return load_default()


@pytest.mark.parametrize("point, text", ASKING)
def test_a_message_that_asks_is_never_recorded_as_a_plain_answer(kb, point, text):
    meant = interpret(point, text, kb=kb)[0]
    assert meant.asks and meant.kind not in ("answer", "answers")
    if meant.kind == "answer_and_question":  # only the clause before the question is taken
        assert not asks(match_form(clauses(text)[0]))


class AlwaysAnAnswer:
    """A model that reads every message as an answer with a value: the guard must not need the model."""

    def kind(self, point, text):
        return Ranked((("answer", 0.99), ("question", 0.01)))

    def command(self, point, text):
        return None

    def value(self, point, text):
        return "married"


@pytest.mark.parametrize("point, text", [
    ("marital_status", "结婚证丢了还能办吗"), ("marital_status", "已婚要交啥"), ("name", "王芳可以吗"),
    ("employer", "上海某某有限公司要写全称吗"), ("children", "孩子几个算多"),
])
def test_whatever_the_model_says_a_message_that_asks_is_not_only_recorded(point, text):
    meant = interpret(point, text, classifier=AlwaysAnAnswer())[0]
    assert meant.asks and meant.kind not in ("answer", "answers")
    assert decide(meant, asks_question=True) is not Action.RECORD


@pytest.mark.parametrize("kind", ["answer", "answers"])
def test_the_policy_never_only_records_a_message_that_asks(kind):
    meant = Interpretation(kind, 0.9, value="married", fields={"name": "王芳", "mobile": "13800138000"}, asks=True)
    assert decide(meant, asks_question=True) is Action.ANSWER_QUESTION


def test_the_policy_records_and_answers_a_message_that_answers_then_asks():
    meant = Interpretation("answer_and_question", 0.9, value="married", asks=True)
    assert decide(meant, asks_question=True) is Action.RECORD_AND_ANSWER


@pytest.mark.parametrize("point, text", [
    ("name", "少数民族名字有点长 能填全吗"), ("name", "曾用名比较多，填哪个"), ("name", "小名叫豆豆 要写吗"),
    ("employer", "华为，要写全称吗"), ("employer", "老板开的小店 算单位吗"), ("edu_school", "交大，要写全称吗"),
])
def test_a_typed_answer_before_a_question_must_read_as_one_by_itself(point, text):
    assert interpret(point, text)[0].kind == "question"


@pytest.mark.parametrize("point, text, value", [
    ("name", "贾思远，名字要和护照一致吗", "贾思远"), ("name", "欧阳子豪 复姓没问题吧", "欧阳子豪"),
    ("employer", "上海某某物流有限公司，要盖章吗", "上海某某物流有限公司"),
    ("edu_school", "华东理工大学 要写学院吗", "华东理工大学"),
])
def test_a_typed_answer_then_a_question_is_both(point, text, value):
    meant = interpret(point, text)[0]
    assert (meant.kind, meant.value) == ("answer_and_question", value)


@pytest.mark.parametrize("point, text", [
    ("marital_status", "离婚证明材料"), ("marital_status", "未婚声明怎么写"), ("bonus_options", "职称加分认定标准"),
    ("bonus_options", "社保加分基数要求"), ("spouse_options", "随员办理条件"), ("edu_foreign", "海外学历认证办理"),
    ("name", "姓名更改证明材料"),
])
def test_an_option_or_field_named_with_what_is_asked_about_it_is_a_question(kb, point, text):
    assert trained().kind(point, text).best == "question"
    assert interpret(point, text, kb=kb)[0].kind == "question"
