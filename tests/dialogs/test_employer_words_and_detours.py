"""What a tester saw go wrong around the employer (try4): the words around the company's name saved
with it ("合同是跟…签的", "单位全称…", a department after it), and a detour the bot took itself — a
request to see an answer opened its edit, "对的 保持" was refused, and the mobile it had asked for was
dropped and counted as the third failure, which called support unasked. Each through the engine."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, TODAY, play
from dialogs import engine
from dialogs.events import Context, Text

OPENING = ["你好", "积分新办", "2027-08-25", "同意", "张三", "11010519491231002X"]
AT_MOBILE = [*OPENING, *BASIC[2:5]]  # employer, children, marital status answered: the mobile is asked


@pytest.mark.parametrize(("said", "saved"), [
    ("在仓库做分拣 合同是跟上海安达劳务派遣有限公司签的", "上海安达劳务派遣有限公司"),
    ("劳动合同是和上海东浩人力资源有限公司签的 派遣到医院", "上海东浩人力资源有限公司"),
    ("我们单位全称上海申通（集团）有限公司 简称申通", "上海申通（集团）有限公司"),
    ("招商银行股份有限公司 信用卡中心", "招商银行股份有限公司"),
    ("合同上是上海某某网络科技有限公司北京分公司", "上海某某网络科技有限公司北京分公司"),
    ("北京某某科技有限公司 上海分公司", "北京某某科技有限公司上海分公司"),
])
def test_the_employer_is_the_organisations_name_alone_and_said_back(kb, said, saved):
    outcome = play(kb, *OPENING, said)
    assert outcome.state["answers"]["employer"] == saved
    assert f"所在单位记录为：{saved}" in "\n".join(outcome.replies)


@pytest.mark.parametrize(("said", "saved"), [
    ("单位写错了 合同上是上海某某网络科技有限公司北京分公司", "上海某某网络科技有限公司北京分公司"),
    ("单位名称不对 是上海安达劳务派遣有限公司", "上海安达劳务派遣有限公司"),
    ("单位不对 劳动合同是跟上海东浩人力资源有限公司签的 派遣到医院", "上海东浩人力资源有限公司"),
])
def test_a_correction_at_the_summary_saves_the_name_alone(kb, said, saved):
    outcome = play(kb, *OPENING, *BASIC[2:], "0", said)
    assert outcome.state["answers"]["employer"] == saved


def test_asking_to_see_an_answer_shows_it_and_stays_at_the_question(kb):
    outcome = play(kb, *AT_MOBILE, "我单位名称填对了没 想看一眼")
    reply = "\n".join(outcome.replies)
    assert "您填写的所在单位：上海某某科技有限公司" in reply and "手机号码" in reply
    assert outcome.state["state"] == "mobile" and not outcome.effects


@pytest.mark.parametrize("said", ["对的 保持", "没错，不用改", "嗯 保持不变"])
def test_an_okay_beside_a_keep_word_keeps_the_answer_shown(kb, said):
    outcome = play(kb, *AT_MOBILE, "修改 单位", said)
    assert outcome.state["state"] == "mobile"
    assert outcome.state["answers"]["employer"] == "上海某某科技有限公司"


def test_the_answer_waiting_sent_in_an_edit_is_kept_and_never_a_failure(kb):
    state = None
    for text in [*AT_MOBILE, "修改 单位", "看看", "随便", "１３９１２３４５６７８"]:
        outcome = engine.handle(state, Text(text), Context(today=TODAY.date(), kb=kb))
        state = outcome.state
    assert state["answers"]["mobile"] == "13912345678"
    assert state["answers"]["employer"] == "上海某某科技有限公司"
    assert state["state"] == "email" and not outcome.effects  # nobody called: the number was an answer
    assert "手机号码：13912345678" in "\n".join(outcome.replies)


def test_a_childs_school_beside_the_count_is_never_the_employer(kb):
    outcome = play(kb, *OPENING, BASIC[2], "一个，闺女在闵行区实验小学")
    assert outcome.state["answers"]["children"] == 1
    assert outcome.state["answers"]["employer"] == BASIC[2]


def test_a_second_id_number_sent_at_another_question_replaces_nothing_unasked(kb):
    """Found by review: another valid ID number (a spouse's, a child's) sent at the employer replaced the
    applicant's own with only "已为您记录"; it is kept as it was, and said."""
    outcome = play(kb, *OPENING, "110105194912310038")
    assert outcome.state["answers"]["id_number"] == "11010519491231002X"
    assert "没有替换" in "\n".join(outcome.replies) and "所在单位" in "\n".join(outcome.replies)
