"""try11's HIGH findings through the engine and the service, each said in other words than the tester's:
nothing irreversible is done from words that refuse it, and nothing is recorded as the applicant's that
the message says is not theirs, or is not an answer at all."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import BASIC, VALID_ID, answer_all, application_in, at_consent, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


def send_photos(chat, *media: str) -> None:
    for media_id in media:
        chat.conversations.handle(chat.user, Image(media_id))


# -- T19: an irreversible command is never taken from words that refuse or put it off -------------------
@pytest.mark.parametrize("said", ["这个我现在确认不了，等等", "别急着确认 我还没看完", "等我问问单位再确认",
                                  "确认个屁 名字都打错了", "先不确认"])
def test_the_approval_is_not_confirmed_by_words_that_refuse_it(chat, said):
    application_in(chat, "approved", confirm_by="2026-11-26T23:59:59+08:00")
    reply = chat.send(said)
    # a refusal that says what is wrong ("名字都打错了") reports it: a dispute (try21 X19), never the confirmation
    assert chat.application["status"] in ("approved", "disputed") and "已确认申办信息" not in reply


@pytest.mark.parametrize("said", ["确认", "没问题，确认申办信息"])
def test_the_approval_is_still_confirmed_when_said(chat, said):
    application_in(chat, "approved", confirm_by="2026-11-26T23:59:59+08:00")
    chat.send(said)
    assert chat.application["status"] == "done"


def everything_uploaded(chat) -> None:
    application_in(chat, "draft")
    uploaded = {code: {"status": "uploaded", "sha256": "a" * 64} for code in chat.application["checklist"]}
    chat.conversations.store.update("application", chat.application["id"], lambda a: {**a, "materials": uploaded})


@pytest.mark.parametrize("said", ["先别提交，我再检查下", "提交不了吧 等一下"])
def test_a_ready_application_is_not_submitted_by_words_that_put_it_off(chat, said):
    everything_uploaded(chat)
    chat.send(said)
    assert chat.application["status"] == "draft"


@pytest.mark.parametrize("said", ["先别取消 我还要拍", "不要取消"])
def test_photos_in_hand_are_not_dropped_by_words_that_refuse_cancelling(chat, said):
    application_in(chat, "draft")
    chat.send("3")
    send_photos(chat, "p1", "p2")
    reply = chat.send(said)
    assert chat.state["photos"] == ["p1", "p2"] and "照片都还在" in reply


@pytest.mark.parametrize("said", ["等等先别删上一张", "先别重拍"])
def test_photos_are_not_deleted_or_retaken_from_words_that_refuse_it(chat, said):
    application_in(chat, "draft")
    chat.send("3")
    send_photos(chat, "p1", "p2")
    chat.send(said)
    assert chat.state["photos"] == ["p1", "p2"]


@pytest.mark.parametrize("said", ["先别删除我的个人信息", "不要清除我的资料"])
def test_no_erasure_is_asked_of_support_from_words_that_refuse_it(chat, said):
    application_in(chat, "draft")
    reply = chat.send(said)
    assert not chat.state.get("erase_requested") and "已转告工作人员" not in reply


@pytest.mark.parametrize("said", ["先不撤回，我再想想", "别撤销"])
def test_a_submitted_application_is_not_sent_to_withdrawal_from_words_that_refuse_it(chat, said):
    application_in(chat, "submitted")
    reply = chat.send(said)
    assert "不撤回" in reply and "不能自行撤回" not in reply


# -- T29: a bare yes while a support person has the request open is not the bot's question's answer ------
@pytest.mark.parametrize("said", ["是的", "好的", "可以"])
def test_a_bare_yes_while_support_is_asked_does_not_agree_to_the_commitment(chat, said):
    at_consent(chat)
    chat.send("人工")
    assert chat.state.get("escalation")
    reply = chat.send(said)
    assert "consent" not in chat.state["answers"] and chat.state["state"] == "consent" and "“同意”" in reply
    chat.send("同意")
    assert chat.state["answers"]["consent"] == "agree"


def test_a_bare_yes_with_no_support_request_open_still_agrees(chat):
    at_consent(chat)
    chat.send("好的")
    assert chat.state["answers"].get("consent") == "agree"


# -- T58 / T59: a relative's ID number or mobile is not saved as the applicant's ---------------------------
def at_id_number(chat) -> None:
    at_consent(chat)
    chat.send("同意")
    chat.send("李梅")
    assert chat.state["state"] == "id_number"


@pytest.mark.parametrize("said", ["我儿子的身份证是11010519491231002X 我自己的晚点发你",
                                  "这个是我爸的身份证号11010519491231002X，我的明天再发",
                                  "我弟弟的身份证11010519491231002X 我的马上发",  # kin never companions: a sibling
                                  "婆婆的身份证号码11010519491231002X，我自己的等会儿"])
def test_a_relatives_id_number_with_ones_own_to_follow_is_not_saved(chat, said):
    at_id_number(chat)
    reply = chat.send(said)
    assert "id_number" not in chat.state["answers"] and chat.state["state"] == "id_number" and "本人" in reply


@pytest.mark.parametrize("said", ["我老公电话13912345678", "我妈手机号13912345678"])
def test_a_relatives_mobile_given_at_the_id_number_is_not_saved_and_no_id_error_is_sent(chat, said):
    at_id_number(chat)
    reply = chat.send(said)
    assert "mobile" not in chat.state["answers"] and "已为您记录" not in reply
    assert "只能包含数字" not in reply and "家人的手机号码" in reply


def test_ones_own_id_number_is_kept_and_a_relatives_mobile_beside_it_is_not(chat):
    at_id_number(chat)
    reply = chat.send("身份证11010519491231002X，我女儿手机13912345678")
    assert chat.state["answers"]["id_number"] == "11010519491231002X" and "mobile" not in chat.state["answers"]
    assert "家人的手机号码" in reply


def test_ones_own_id_number_said_after_a_relative_is_named_is_still_saved(chat):
    at_id_number(chat)
    chat.send("我老婆的还没办，我的是11010519491231002X")
    assert chat.state["answers"]["id_number"] == "11010519491231002X"


# -- T36: a change to the employer's name described at the summary is not saved as the name ----------------
def at_summary(chat) -> None:
    at_consent(chat)
    answer_all(chat, ["同意", *BASIC, "0"])
    assert chat.state["state"] == "summary"


@pytest.mark.parametrize("said", ["单位名称结尾少写了（集团）", "公司名里面漏了两个字"])
def test_a_described_change_to_the_employer_opens_it_with_the_name_kept(chat, said):
    at_summary(chat)
    reply = chat.send(said)
    assert chat.state["answers"]["employer"] == "上海某某科技有限公司" and chat.state["state"] == "employer"
    assert "上海某某科技有限公司" in reply
    chat.send("上海某某科技（集团）有限公司")
    assert chat.state["answers"]["employer"] == "上海某某科技（集团）有限公司" and chat.state["state"] == "summary"


def test_a_described_change_at_the_employer_question_is_not_saved_as_the_employer(chat):
    at_consent(chat)
    answer_all(chat, ["同意", "张三", VALID_ID])
    chat.send("后面还少了个分公司")
    assert "employer" not in chat.state["answers"] and chat.state["state"] == "employer"


# -- T16: option numbers and an option named in words, in one message: all of them -------------------------
@pytest.mark.parametrize("said, chosen", [("2和3吧，学历是本科", ["education", "social_insurance"]),
                                          ("选1跟4，职称是中级工程师", ["title", "shortage_major"])])
def test_option_numbers_beside_an_option_named_are_all_chosen(chat, said, chosen):
    at_consent(chat)
    answer_all(chat, ["同意", *BASIC])
    assert chat.state["state"] == "bonus_options"
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == chosen


# -- T46: a question whether to choose again an option used before chooses nothing ------------------------
@pytest.mark.parametrize("said", ["职称的分以前那次用过了，这次还要再勾吗", "去年办的时候社保加分选过了 这回还用选吗"])
def test_asking_whether_to_choose_an_option_again_chooses_nothing(chat, said):
    start(chat, "积分续办")
    answer_all(chat, BASIC)
    assert chat.state["state"] == "bonus_options"
    chat.send(said)
    assert "bonus_options" not in chat.state["answers"] and chat.state["state"] == "bonus_options"


# -- T25: "都不是" right after the "which question did you mean" menu answers the menu, not the question -----
@pytest.mark.parametrize("said", ["都不是", "哪个都不是"])
def test_none_of_the_menu_is_not_recorded_as_a_no(chat, said):
    at_consent(chat)
    answer_all(chat, ["同意", *BASIC, "学历"])
    assert chat.state["state"] == "edu_fulltime"
    assert "我不太确定" in chat.send("材料怎么办？")
    reply = chat.send(said)
    assert "edu_fulltime" not in chat.state["answers"] and chat.state["state"] == "edu_fulltime"
    assert "人工" in reply and "全日制" in reply


# -- T30: a count of children with one said not to live with the applicant is not taken as said -----------
# (fix38: where how many are away is said, "两个孩子 一个不随迁", the count is those left, said back — test_tester_try12_fix38;
# where it is not, "3个 有的在老家不来上海", the number is asked.)
@pytest.mark.parametrize("said", ["3个，有的在外婆家不跟我住", "4个 有的不来上海"])
def test_children_counted_with_one_not_living_with_the_applicant_asks_the_number(chat, said):
    at_consent(chat)
    answer_all(chat, ["同意", *BASIC[:3]])
    assert chat.state["state"] == "children"
    reply = chat.send(said)
    assert "children" not in chat.state["answers"] and chat.state["state"] == "children" and "同住" in reply
    chat.send("1")
    assert chat.state["answers"]["children"] == 1


# -- T15: a draft resumed after its permit became too short keeps every answer ----------------------------
def test_a_draft_resumed_once_its_permit_is_too_short_keeps_every_answer(kb):
    from datetime import date

    from dialogs import engine
    from dialogs.events import Context, Text

    state = None
    for text in ["你好", "积分新办", "2027-02-15", "同意", "孙悦", VALID_ID, "上海某某贸易有限公司", "1", "已婚"]:
        state = engine.handle(state, Text(text), Context(today=date(2026, 11, 24), kb=kb)).state
    given = dict(state["answers"])
    later = Context(today=date(2027, 1, 5), kb=kb)
    outcome = engine.handle(state, Text("13800138000"), later)
    assert outcome.state["state"] == "permit_too_short" and "签注" in "\n".join(outcome.replies)
    assert all(outcome.state["answers"].get(f) == v for f, v in given.items() if f != "confirmed")
    outcome = engine.handle(outcome.state, Text("2027-12-31"), later)
    for text in ["无", "无"]:  # the questions still unanswered (e-mail, spouse), then the summary with every answer
        if outcome.state["state"] == "summary":
            break
        outcome = engine.handle(outcome.state, Text(text), later)
    assert outcome.state["answers"]["name"] == "孙悦" and outcome.state["answers"]["mobile"] == "13800138000"
    assert outcome.state["answers"]["permit_expiry"] == "2027-12-31"


# -- T1: an employer named with a branch spoken of beside it: which one is asked, no fragment saved ---------
@pytest.mark.parametrize("said", ["杭州某某服饰有限公司，但是我在上海分公司上班", "苏州某某机械有限公司 人在上海办事处"])
def test_an_employer_with_a_branch_beside_it_asks_which_one_signs_the_contract(chat, said):
    at_consent(chat)
    answer_all(chat, ["同意", "张三", VALID_ID])
    reply = chat.send(said)
    assert "employer" not in chat.state["answers"] and chat.state["state"] == "employer" and "劳动合同" in reply
    chat.send("杭州某某服饰有限公司上海分公司")
    assert chat.state["answers"]["employer"] == "杭州某某服饰有限公司上海分公司"


# -- T24: photos sent with no item chosen, then named in words, are filed under that item -----------------
@pytest.mark.parametrize("said, code", [("这两张就是劳动合同", "labor_contract"), ("这些照片是我的居住证", "residence_permit")])
def test_photos_named_in_words_after_the_question_are_filed_under_that_item(chat, said, code):
    application_in(chat, "draft")
    send_photos(chat, "q1", "q2")
    assert chat.state["unassigned"] == ["q1", "q2"]
    reply = chat.send(said)
    assert chat.state["material"] == code and chat.state["photos"] == ["q1", "q2"] and chat.state["unassigned"] == []
    assert "2 张照片已归入" in reply


def test_the_word_asked_for_while_support_is_asked_answers_a_yes_no_question(chat):
    at_consent(chat)
    answer_all(chat, ["同意", *BASIC, "学历"])
    assert chat.state["state"] == "edu_fulltime"
    chat.send("人工")
    assert "“是”" in chat.send("是的") and "edu_fulltime" not in chat.state["answers"]
    chat.send("是")
    assert chat.state["answers"]["edu_fulltime"] is True
