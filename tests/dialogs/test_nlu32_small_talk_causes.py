"""Small talk, non-answers and what is out of scope, misread across the development sets, by their causes (nlu32),
each in other words (none of the sets' texts), through the engine: what a wrong reading saved, asked, declined or
did. And what small talk must never swallow: an answer beside a greeting, a question beside a mood."""
from __future__ import annotations

import pytest

from dialogs import render
from dialogs.events import Image
from tests.support.chat import BASIC, application_in, play

pytestmark = pytest.mark.answers_questions

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]
AT_CONSENT = ["你好", "积分新办", "2027-08-25"]
AT_MARITAL = [*AGREED, *BASIC[:4]]
AT_SPOUSE = [*AGREED, *BASIC[:3], "0", "已婚", *BASIC[5:]]
AT_EMAIL = [*AGREED, *BASIC[:6]]
AT_CHECKLIST = [*AGREED, *BASIC, "0", "确认"]


# -- A. an aside about the phone or the keyboard is no name ---------------------------------------------------------
@pytest.mark.parametrize("said", ["手机键盘太小 总按错字", "键盘老是跳 烦死"])
def test_a_remark_on_the_keyboard_where_the_name_is_asked_saves_no_name(kb, said):
    """"这破手机 键盘老跳": the clause after the remark read as a name (总 and 烦 are surnames) and was saved as the
    applicant's name. No name holds 死 or a slip of typing: small talk, the name asked again."""
    outcome = play(kb, *AGREED, said)
    assert "name" not in outcome.state["answers"] and outcome.state["state"] == "name"


# -- B. a greeting with where one is starts nothing -------------------------------------------------------------------
@pytest.mark.parametrize("said", ["早 刚到单位"])
def test_a_greeting_with_where_one_is_starts_no_business_type(kb, said):
    """"早 刚出车", "我是他爸…你好": a hello with where one is or who one is was read as a question or a murmur, and
    "刚到单位" as the change of employer started. Small talk: the business type asked, nothing chosen."""
    outcome = play(kb, said)
    assert "business_type" not in outcome.state.get("answers", {}) and outcome.state["state"] == "business_type"


# -- C. something personal asked of the assistant is neither declined nor an answer ------------------------------------
def test_a_yes_no_put_to_the_assistant_itself_saves_no_marital_status(kb):
    """"那你结婚没呀" asked the assistant, and its 结婚 was saved as the applicant's 已婚: a yes/no ending in 没 put to 你
    asks, and a question is never recorded."""
    outcome = play(kb, *AT_MARITAL, "那你结婚没呀")
    assert "marital_status" not in outcome.state["answers"] and outcome.state["state"] == "marital_status"


def test_asking_whether_the_assistant_has_eaten_is_not_declined(kb):
    """"你吃了没" at the consent was told it is outside the service: it is small talk, the consent asked again."""
    outcome = play(kb, *AT_CONSENT, "你吃了没")
    assert render.OUT_OF_SCOPE not in "\n".join(outcome.replies) and outcome.state["state"] == "consent"


# -- D. a filler while photographing keeps the photos as they are -----------------------------------------------------
def test_a_filler_while_photographing_finishes_nothing(chat):
    """"那个那个就是说", "啊咧": read as 完成 or 删除 at the photographing step, the item's photos were finished or
    one dropped. A filler is a non-answer: the photos and the item stay as they were."""
    application_in(chat, "draft")
    chat.send("2")
    chat.conversations.handle(chat.user, Image("p1"))
    chat.send("嗯嗯 那个 就是")
    assert chat.state["material"] == "commitment_letter" and chat.state["photos"] == ["p1"]


# -- E. a complaint about how the options are written chooses none of them --------------------------------------------
@pytest.mark.parametrize("said", ["这几个选项好绕啊", "这些选项写得好绕"])
def test_a_complaint_about_the_options_is_acknowledged_and_chooses_nothing(kb, said):
    """"这些选项写得真绕": answered from the knowledge base as a question, and once read as talk its "这几个选…" chose
    both spouse options. A complaint: sorry, then the options again, nothing chosen."""
    outcome = play(kb, *AT_SPOUSE, said)
    assert "spouse_options" not in outcome.state["answers"] and outcome.state["state"] == "spouse_options"
    assert render.SORRY_FOR_THE_TROUBLE in outcome.replies


# -- F. help wanted with something else is declined, never an edit or a wrong address ---------------------------------
def test_help_opening_a_mailbox_is_declined(kb):
    """"能教我注册个邮箱吗" was read as a malformed address (the format explained) or as a question: out of scope."""
    outcome = play(kb, *AT_EMAIL, "教我申请个qq邮箱")
    assert render.OUT_OF_SCOPE in "\n".join(outcome.replies) and "email" not in outcome.state["answers"]


def test_another_certificate_wanted_at_the_checklist_is_declined_and_edits_nothing(kb):
    """"我还想给孩子办个港澳通行证" at the checklist was read as an edit of the answers (which one to change asked)."""
    outcome = play(kb, *AT_CHECKLIST, "我还想给老人办个护照")
    replies = "\n".join(outcome.replies)
    assert render.OUT_OF_SCOPE in replies and "修改哪一项" not in replies


# -- G. a document found at last, or its wear remarked on, is no pause ------------------------------------------------
@pytest.mark.parametrize("said", ["我翻箱倒柜总算找着了", "居住证塞在卡包里 边都卷了"])
def test_a_document_found_or_remarked_on_is_no_pause(kb, said):
    """"我翻了半天找到了", "居住证一直放钱包里…": read as a pause, the applicant who had the card in hand was told the
    form was kept for later. Small talk: the date asked again."""
    outcome = play(kb, "你好", "积分续办", said)
    assert render.SAVED_FOR_LATER not in "\n".join(outcome.replies) and outcome.state["state"] == "permit_expiry"


# -- small talk never swallows an answer or a question ----------------------------------------------------------------
@pytest.mark.parametrize("before, said, field, value", [
    (AGREED, "你好 我叫孙丽", "name", "孙丽"),
    (AT_MARITAL, "谢谢 已婚", "marital_status", "married"),
    ([*AGREED, *BASIC[:5]], "早上好 13912345678", "mobile", "13912345678"),
    ([*AGREED, *BASIC[:2]], "哈喽 上海申通物流有限公司", "employer", "上海申通物流有限公司"),
    ([*AGREED, *BASIC[:2]], "累死了 上海申通物流有限公司", "employer", "上海申通物流有限公司"),
])
def test_an_answer_beside_a_greeting_or_a_mood_is_saved(kb, before, said, field, value):
    assert play(kb, *before, said).state["answers"].get(field) == value


@pytest.mark.parametrize("before, said", [
    (AT_EMAIL, "好烦 社保断了一个月还能办吗"),
    (AT_SPOUSE, "这选项好绕 配偶随员是什么意思"),
])
def test_a_question_beside_a_mood_or_a_complaint_is_answered(kb, before, said):
    """The complaints and moods above are talk; a question beside one is still a question, answered from the
    knowledge base, nothing saved from it."""
    outcome = play(kb, *before, said)
    answer = kb.ask(said)
    assert answer.status == "answered" and answer.entry.answer[:12] in "\n".join(outcome.replies)
