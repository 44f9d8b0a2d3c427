"""Through the engine, what dev5 showed at the second half of the application: an answer said with
what surrounds it in applicants' words — none at all said with 啥/什么, an option then how much it adds,
an option added after "不对", a public body as the employer, a northern "没毛病", a material to redo named
by its name or with a voice-input slip, a material lying elsewhere while photographing, a
confirmation with thanks."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, application_in, at_question, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.fixture
def at_bonus_options(chat):
    at_question(chat, "bonus_options", BASIC + ["无"])
    return chat


@pytest.mark.parametrize("text", ["什么加分也没有", "啥加分都不沾"])
def test_none_at_all_said_with_what_is_no_bonus_and_no_question(at_bonus_options, text):
    reply = at_bonus_options.send(text)
    assert "没有找到" not in reply and at_bonus_options.state["answers"]["bonus_options"] == []


def test_an_option_then_how_much_it_adds_is_saved_and_the_question_answered(at_bonus_options):
    reply = at_bonus_options.send("3，社保能加几分")
    assert reply.startswith("好的，加分选项：社保加分") and "继续办理" in reply
    assert at_bonus_options.state["answers"]["bonus_options"] == ["social_insurance"]


def test_an_option_added_after_a_slip_keeps_the_ones_before(at_bonus_options):
    at_bonus_options.send("职称 社保 不对 还有学历")
    assert at_bonus_options.state["answers"]["bonus_options"] == ["title", "education", "social_insurance"]


def test_a_public_body_is_an_employer_and_the_question_after_it_is_answered(chat):
    at_question(chat, "employer")
    reply = chat.send("上海市闵行区虹桥镇人民政府 编外人员也能办吧")
    assert "所在单位记录为：上海市闵行区虹桥镇人民政府" in reply
    assert chat.state["answers"]["employer"] == "上海市闵行区虹桥镇人民政府"


@pytest.mark.parametrize("text", ["中中 没啥毛病", "看过了 没毛病"])
def test_a_northern_all_fine_confirms_the_summary(chat, text):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    assert "已根据您的情况生成材料清单" in chat.send(text)


@pytest.mark.parametrize("text, item", [("改一下劳动合同", "劳动(聘用)合同"), ("第三向", "持证人身份证(正反面)")])
def test_a_material_named_or_slipped_after_a_return_is_that_material(chat, text, item):
    application_in(chat, "returned")
    reply = chat.send(text)
    assert reply.startswith(f"{item}：") and "不能再修改" not in reply


def test_a_material_lying_elsewhere_while_photographing_pauses(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认", "3"])
    assert "已为您暂存" in chat.send("身份证放单位了 一会儿拍")


def test_a_confirmation_with_thanks_confirms_the_application(chat):
    application_in(chat, "approved")
    assert "已确认申办信息" in chat.send("确认哈 多谢啦")
    assert chat.application["status"] != "approved"
