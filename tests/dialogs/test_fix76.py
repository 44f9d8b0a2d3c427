"""fix76: review7's findings through the engine (R7-1 a place said before the name, R7-10 the summary's name edit)."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, answer_all, application_in, at_question, play, start

pytestmark = pytest.mark.answers_questions

CHOSEN = ["你好", "积分新办", "2027-08-25"]


# R7-1: a province said BEFORE the name was saved as the name (only name-then-place had been tested)
@pytest.mark.parametrize(("said", "name"), [("江西 陈静", "陈静"), ("湖南省 张伟", "张伟"), ("上海 王芳", "王芳")])
def test_a_place_said_before_the_name_is_no_name(kb, said, name):
    outcome = play(kb, *CHOSEN, "同意", said)
    assert outcome.state["answers"].get("name") == name
    assert "姓名记录为：" + said.split()[0] not in "\n".join(outcome.replies)


# R7-10: at the summary, the name said to be wrong ("名字没改对 其他全对") was saved as the name "没改对"
@pytest.mark.parametrize("said", ["名字没改对 其他全对", "姓名还是不对 别的都对"])
def test_the_name_said_wrong_at_the_summary_is_opened_for_editing(chat, said):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "0"])
    name = chat.state["answers"]["name"]
    reply = chat.send(said)
    assert chat.state["answers"]["name"] == name and "姓名改为" not in reply
    assert "姓名" in reply


# R7-4: one's own details were dropped wherever they stood, with the change said of them ("…不用了 换新号了 进度呢")
def test_a_change_of_ones_mobile_said_with_progress_reaches_the_reviewer(chat):
    application_in(chat, "returned")
    mobile = chat.state["answers"]["mobile"]
    chat.send(f"我手机号{mobile}不用了 换新号了 进度呢")
    assert chat.application.get("reported_corrections")



# R7-11: "不改" was stripped from any clause, so a condition ("…不改的话…") confirmed the summary
@pytest.mark.parametrize("said", ["都对 手机号不改的话收不到短信", "全对 但是单位不改不行"])
def test_a_no_edit_inside_a_clause_confirms_nothing(chat, said):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "0"])
    chat.send(said)
    assert chat.state["state"] != "materials"


# R7-5: 小学 as an out-of-scope word declined the children's schooling question (why most apply) and a teacher's own
@pytest.mark.parametrize("said", ["积分够了孩子能上公办小学吗", "小学老师能办积分吗"])
def test_a_primary_school_in_a_question_of_ours_is_not_declined(kb, said):
    assert kb.ask(said).status != "out_of_domain"
    assert "回复字母查看解答" in "\n".join(play(kb, said).replies) or kb.ask(said).status == "answered"


def test_a_primary_school_asked_about_alone_stays_declined(kb):
    assert kb.ask("闵行区哪个小学好").status == "out_of_domain"


# R7-7: the address's lead-in was shown as its name part, and "at" right after a character was never read
@pytest.mark.parametrize(("said", "shown"), [("我邮箱是张伟艾特qq点com", "成了汉字“张伟”"), ("张伟at qq点com", "成了汉字“张伟”")])
def test_a_dictated_address_names_only_its_name_part(chat, said, shown):
    at_question(chat, "email")
    assert shown in chat.send(said)


# R7-12: a Hong Kong or Macao identity card held, asked about with no space before the question, was declined
@pytest.mark.parametrize("said", ["香港身份证能办积分吗", "拿香港身份证的能申请积分吗", "澳门身份证可以办积分吗"])
def test_a_hong_kong_or_macao_card_holder_asking_is_answered(kb, said):
    found = kb.ask(said)
    assert found.status == "answered" and found.entry.id == "residents-outside-the-mainland"
    assert found.entry.answer[:20] in "\n".join(play(kb, said).replies)


def test_the_card_itself_asked_about_stays_declined(kb):
    assert kb.ask("香港身份证怎么申请").status == "out_of_domain"
