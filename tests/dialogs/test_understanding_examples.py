"""Issue 15's examples, each as a conversation through the engine (real store, real knowledge base),
handled as the issue describes: understood, not only matched."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import BASIC, Chat, answer_all, application_in, at_consent, at_question, start


def requests_of(chat: Chat) -> list[str]:
    """What support was asked, in order, on the applicant's escalations."""
    return [r["reason"] for e in chat.conversations.store.find("escalation", user_id=chat.user) for r in e["requests"]]


CHONGQING_BEFORE_1997 = "50010119900101123X"  # region code younger than the holder: valid all the same


pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


# -- genuine ID numbers ------------------------------------------------------------------------
def test_a_genuine_id_number_with_a_historical_region_code_is_accepted(chat):
    at_question(chat, "id_number")
    assert "所在单位" in chat.send(CHONGQING_BEFORE_1997)
    assert chat.state["answers"]["id_number"] == CHONGQING_BEFORE_1997


def test_insisting_the_id_number_is_right_is_never_saved(chat):
    at_question(chat, "id_number")
    chat.send("身份证号是对的啊")
    assert chat.state["state"] == "id_number" and "id_number" not in chat.state["answers"]


# -- questions are never recorded as answers -------------------------------------------------------
@pytest.mark.parametrize("field, question", [
    ("marital_status", "离异的话要交什么证明？"),
    ("bonus_options", "学历加分要什么材料？"),
])
def test_a_question_at_a_choice_is_answered_and_the_choice_asked_again(chat, field, question):
    at_question(chat, field, BASIC + ["0"])
    reply = chat.send(question)
    assert "继续办理" in reply and chat.state["state"] == field and field not in chat.state["answers"]


def test_a_first_message_asking_about_renewal_is_answered_and_starts_nothing(chat):
    reply = chat.send("续办要交哪些材料？")
    assert reply.count(render.WELCOME) == 1 and "继续办理" in reply
    assert chat.state["answers"] == {} and chat.state["state"] == "business_type"


@pytest.mark.parametrize("first", ["闵行人才中心电话", "积分系统登录不上"])
def test_a_first_message_without_a_question_mark_is_still_a_question(chat, first):
    reply = chat.send(first)
    assert "继续办理" in reply and "请选择您要办理的业务类型" in reply
    assert reply.index("继续办理") > reply.index(render.WELCOME)
    assert chat.state["answers"] == {}


def test_a_search_style_phrase_where_the_employer_is_asked_is_a_question(chat):
    at_question(chat, "employer")
    reply = chat.send("浦东人才中心地址")
    assert "浦东" in reply and "继续办理" in reply and "employer" not in chat.state["answers"]


@pytest.mark.parametrize("said", ["都对 可以生成吧", "确认 可以先这样吧", "没问题 就这样可以吧"])
def test_a_confirmation_asking_only_for_a_yes_gets_the_checklist_and_no_out_of_scope_line(chat, said):
    at_question(chat, "summary", BASIC + ["0"])
    reply = chat.send(said)
    assert chat.state["state"] == "materials" and reply.startswith("已根据您的情况生成材料清单") and "超出" not in reply


def test_an_answer_that_also_asks_gets_both(chat):
    at_question(chat, "marital_status", BASIC + ["0"])
    reply = chat.send("已婚，配偶要交什么？")
    assert chat.state["answers"]["marital_status"] == "married"
    assert "继续办理" in reply and chat.state["state"] == "mobile"


# -- choices taken from free text are said back --------------------------------------------------
def test_a_business_type_taken_from_free_text_is_confirmed_in_one_line(chat):
    chat.send("你好")
    reply = chat.send("我换单位了")
    assert reply.startswith("好的，为您办理：单位信息变更") and "居住证有效期" in reply
    assert chat.state["answers"]["business_type"] == "employer_change"


@pytest.mark.parametrize("said, label, value", [
    ("我的积分下个月就到期了 得续一下", "积分续办", "renew"),
    ("居住证签注好了 现在要把积分延期", "积分续办", "renew"),
    ("跳槽到新公司了 积分单位也得改", "单位信息变更", "employer_change"),
])
def test_a_first_message_saying_what_happened_is_a_choice_though_an_entry_matches_it(chat, said, label, value):
    assert f"好的，为您办理：{label}" in chat.send(said)
    assert chat.state["answers"]["business_type"] == value and chat.state["state"] == "permit_expiry"


def test_a_first_message_searching_for_a_districts_way_is_answered_and_chooses_nothing(chat):
    reply = chat.send("宝山增加同住人")
    assert "宝山区" in reply and "好的，为您办理" not in reply and "business_type" not in chat.state.get("answers", {})


def test_a_situation_told_as_the_first_message_gets_the_rule_that_applies_and_the_choice(chat):
    reply = chat.send("积分有效期内加孩子")
    rule, line = reply.index("办“增加同住人”"), reply.index("好的，为您办理：增加同住人")
    assert reply.index(render.WELCOME) < rule < line and "积分续办时一起增加" in reply
    assert chat.state["answers"]["business_type"] == "add_companion"


def test_a_change_told_as_done_is_a_question_not_an_edit(chat):
    reply = chat.send("改了信息以后材料清单没变")
    assert "重新生成" in reply and "要修改哪一项" not in reply


def test_a_business_type_chosen_by_its_number_needs_no_confirmation(chat):
    chat.send("你好")
    assert not chat.send("4").startswith("好的，为您办理")


# -- non-answers ------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["没有单位", "12345", "不知道", "随便"])
def test_a_non_answer_for_the_employer_is_asked_again_with_the_reason(chat, typed):
    at_question(chat, "employer")
    reply = chat.send(typed)
    assert "所在单位的全称" in reply and "employer" not in chat.state["answers"]
    assert chat.state["failures"] == 1


@pytest.mark.parametrize("typed", ["我现在是自由职业，社保自己交的，没有单位", "目前灵活就业", "去年失业了"])
def test_having_no_employer_in_a_longer_reply_is_told_what_to_do(chat, typed):
    at_question(chat, "employer")
    reply = chat.send(typed)
    assert "如果暂时没有单位，可以回复“人工”咨询" in reply and "employer" not in chat.state["answers"]


# -- coming back --------------------------------------------------------------------------------------
@pytest.mark.parametrize("back", ["我又来了", "接着办"])
def test_coming_back_after_a_pause_is_never_an_answer(chat, back):
    at_question(chat, "employer")
    chat.send("暂存")
    reply = chat.send(back)
    assert "欢迎回来" in reply and "所在单位的全称" in reply
    assert "employer" not in chat.state["answers"] and chat.state["paused"] is False


# -- several answers in one message ----------------------------------------------------------------
def test_several_answers_in_one_message_are_saved_and_listed(chat):
    at_question(chat, "name")
    reply = chat.send("张伟，身份证" + CHONGQING_BEFORE_1997)
    assert "已为您记录" in reply and "张伟" in reply and "所在单位" in reply
    assert chat.state["answers"]["name"] == "张伟"
    assert chat.state["answers"]["id_number"] == CHONGQING_BEFORE_1997 and chat.state["state"] == "employer"


@pytest.mark.parametrize("field, typed", [
    ("name", "张伟，身份证500101199001011231，手机13912345678"),  # the last digit mistyped (…123X)
    ("employer", "张伟 身份证500101199001011231"),
    ("id_number", "身份证500101199001011231 手机13912345678"),  # the question's own field, others saved
])
def test_an_id_number_typed_wrong_beside_other_answers_is_said_not_dropped(chat, field, typed):
    at_question(chat, field)
    before = chat.state["answers"].get("id_number")
    reply = chat.send(typed)
    assert "校验位不正确" in reply
    assert chat.state["answers"].get("id_number") == before  # none yet at the name; the one given kept later
    if field == "name":  # the rest is saved, and listed before the mistake
        assert chat.state["answers"]["name"] == "张伟" and chat.state["answers"]["mobile"] == "13912345678"
        assert reply.index("已为您记录") < reply.index("身份证号码未记录")


# -- ordinary words ------------------------------------------------------------------------------------
def test_no_to_options_that_state_facts_chooses_none(chat):
    at_question(chat, "spouse_options", [*BASIC[:4], "已婚", *BASIC[5:]])
    chat.send("不是")
    assert chat.state["answers"]["spouse_options"] == []


def test_a_bare_no_to_options_to_choose_from_is_asked_again(chat):
    """Every blind writer labels "不是" at the bonus options a non-answer: it denies no statement there."""
    at_question(chat, "bonus_options", BASIC)
    reply = chat.send("不是")
    assert "bonus_options" not in chat.state["answers"] and "都没有请回复 0" in reply


@pytest.mark.parametrize("agreed", ["同意的", "ok同意", "同意👌", "yes", "I agree"])
def test_everyday_ways_of_agreeing_are_consent(chat, agreed):
    at_consent(chat)
    assert "请输入您的姓名" in chat.send(agreed)
    assert chat.state["answers"]["consent"] == "agree"


def test_the_commitments_own_word_is_consent_and_a_sign_alone_is_acknowledged_and_asked_again(chat):
    # A commitment to answer for what one declares is given in words: an emoji may mean "seen".
    at_consent(chat)
    for sign in ("👌", "👍🏻", "[OK]"):
        chat.send(sign)
        assert chat.state["state"] == "consent", sign
    assert "请输入您的姓名" in chat.send("我保证")


@pytest.mark.parametrize("refused", ["我不太同意这个承诺", "同意不了", "不大同意", "不想承诺这个", "我不愿意签"])
def test_a_consent_turned_down_in_words_is_no_consent(chat, refused):
    at_consent(chat)
    chat.send(refused)
    assert chat.state["answers"].get("consent") != "agree" and chat.state["state"] == "consent"


@pytest.mark.parametrize("put_off", ["好的我先看看", "好的，我再想想", "嗯 等我看一下", "录好了", "行 回头再说"])
def test_an_okay_to_reading_first_or_a_job_done_elsewhere_is_no_consent(chat, put_off):
    at_consent(chat)
    chat.send(put_off)
    assert chat.state["answers"].get("consent") != "agree" and chat.state["state"] == "consent"
    assert "请输入您的姓名" in chat.send("看完了，同意")


# -- the checklist ---------------------------------------------------------------------------------------
def at_checklist(chat: Chat) -> int:
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    return len(chat.application["checklist"])


def test_viewing_an_item_by_its_number_shows_that_material(chat):
    at_checklist(chat)
    assert chat.send("查看第2项").startswith("承诺书：")
    assert chat.state["material"] == "commitment_letter"


def test_deleting_an_item_says_why_it_cannot_and_what_to_do(chat):
    at_checklist(chat)
    reply = chat.send("删掉第5项")
    assert "不能单独删除" in reply and "超出" not in reply
    assert len(chat.application["checklist"]) >= 5


def test_a_number_past_the_end_of_the_checklist_says_how_many_there_are(chat):
    count = at_checklist(chat)
    reply = chat.send(str(count + 4))
    assert f"共 {count} 项，没有第 {count + 4} 项" in reply and "超出" not in reply


# -- the hand-off -----------------------------------------------------------------------------------------
def test_three_failures_call_support_once_and_the_hand_off_is_not_repeated(chat):
    at_question(chat, "mobile")
    replies = [chat.send("123") for _ in range(3)]
    assert render.STUCK_ESCALATED in replies[2]
    escalations = chat.conversations.store.find("escalation", user_id=chat.user)
    assert len(escalations) == 1
    chat.conversations.store.update("conversation", chat.user, lambda s: {**s, "escalation": escalations[0]["id"]})
    later = [chat.send(t) for t in ("123", "1234", "13800138000")]
    assert not any("人工客服" in r for r in later)
    assert len(chat.conversations.store.find("escalation", user_id=chat.user)) == 1


# -- English ---------------------------------------------------------------------------------------------
def test_english_gets_a_note_in_both_languages_and_the_offer_of_a_person(chat):
    at_question(chat, "name")
    reply = chat.send("Hello, can I fill this in English?")
    assert render.ENGLISH_NOTE in reply and "人工" in reply and "name" not in chat.state["answers"]


@pytest.mark.parametrize("said, says", [("can i talk to a human", "已为您转接人工客服"), ("what's my status", "当前进度"),
                                        ("go back please", "回复“同意”")])
def test_a_short_english_sentence_naming_one_of_those_words_is_that_command(chat, said, says):
    at_question(chat, "name")
    reply = chat.send(said)
    assert says in reply and render.ENGLISH_NOTE not in reply


@pytest.mark.parametrize("word, state", [("back", "consent"), ("help", "name"), ("progress", "name")])
def test_the_few_english_words_understood_everywhere(chat, word, state):
    at_question(chat, "name")
    chat.send(word)
    assert chat.state["state"] == state


@pytest.mark.parametrize("first", [True, False])
def test_a_complaint_is_handed_to_a_person_wherever_it_comes(chat, first):
    if first:  # at the business-type menu, where "我要投诉" was "no such option"
        chat.send("你好")
    else:
        at_question(chat, "mobile")
    assert "已为您转接人工客服" in chat.send("我要投诉")


@pytest.mark.parametrize("asked", ["不办了 你把我信息都删了", "删除我的个人信息", "注销"])
def test_asking_for_ones_data_to_be_erased_reaches_support(chat, asked):
    at_question(chat, "mobile")
    reply = chat.send(asked)
    assert render.ERASE_REQUESTED in reply
    escalations = chat.conversations.store.find("escalation", user_id=chat.user)
    assert [e["reason"] for e in escalations] == ["erase"]


@pytest.mark.parametrize("then", ["算了还是办吧", "不删了", "嗯 不删了 继续办", "别删 我还要办积分"])
def test_a_request_to_erase_taken_back_reaches_support_on_the_same_escalation(chat, then):
    at_question(chat, "mobile")
    chat.send("我不想办了 把我的信息都删掉")
    reply = chat.send(then)
    assert render.ERASE_WITHDRAWN in reply and "手机号码" in reply
    assert requests_of(chat) == ["erase", "erase_withdrawn"]
    assert chat.state["answers"]["name"] == "张三"


@pytest.mark.parametrize("first", [None, "转人工"])
def test_taking_back_a_request_to_erase_never_made_tells_support_nothing(chat, first):
    at_question(chat, "mobile")
    if first:
        chat.send(first)
    assert chat.send("不删了").startswith(render.OKAY)
    assert "erase_withdrawn" not in requests_of(chat)


@pytest.mark.parametrize("insisting", ["算了 全部删掉吧", "怎么还不删", "那先撤回申请再删吧"])
def test_a_message_still_asking_to_erase_takes_nothing_back(chat, insisting):
    at_question(chat, "mobile")
    chat.send("删除我的个人信息")
    assert render.ERASE_WITHDRAWN not in chat.send(insisting)
    assert "erase_withdrawn" not in requests_of(chat)


@pytest.mark.parametrize("said", ["把错的信息删了重新填", "这条信息删掉"])
def test_deleting_one_wrong_answer_is_no_request_to_erase_everything(chat, said):
    at_question(chat, "mobile")
    assert render.ERASE_REQUESTED not in chat.send(said)


# -- saved in simplified characters, as mainland documents print them, and said so ------------------------
def test_names_employers_and_schools_typed_in_traditional_characters_are_saved_in_simplified_ones(chat):
    at_question(chat, "name")
    said = chat.send("我叫陳美玲")
    chat.send(CHONGQING_BEFORE_1997)
    chat.send("臺灣積體電路製造股份有限公司")
    answers = chat.state["answers"]
    assert answers["name"] == "陈美玲" and answers["employer"] == "台湾积体电路制造股份有限公司"
    assert "已按简体字记录：陈美玲" in said


def test_a_name_typed_in_simplified_characters_is_not_said_back(chat):
    at_question(chat, "name")
    assert "简体" not in chat.send("陈美玲")


@pytest.mark.parametrize("field, question", [
    ("name", "少数民族名字有点长 能填全吗"),
    ("employer", "华为，要写全称吗"),
    ("marital_status", "离婚证明材料"),
    ("mobile", "座机号码可不可以"),
])
def test_a_message_that_asks_at_a_question_is_never_saved_as_its_answer(chat, field, question):
    at_question(chat, field, BASIC + ["0"])
    chat.send(question)
    assert chat.state["state"] == field and field not in chat.state["answers"]


def test_several_answers_keep_an_organisation_as_typed(chat):
    at_question(chat, "employer")
    reply = chat.send("上海振华重工（集团）股份有限公司，手机13601780542")
    assert chat.state["answers"]["employer"] == "上海振华重工（集团）股份有限公司"
    assert chat.state["answers"]["mobile"] == "13601780542" and "上海振华重工（集团）股份有限公司" in reply


@pytest.mark.parametrize("question", ["续办流程", "续办要带啥", "积分续办需要本人去吗"])
def test_after_a_finished_application_a_question_naming_a_type_starts_nothing(chat, question):
    application_in(chat, "done")
    assert "开始新的申请" not in chat.send(question)
    assert chat.state["application_id"] is not None
    assert "开始新的申请" in chat.send("积分续办")  # the type named exactly still starts the next one


@pytest.mark.parametrize("then", ["人工那个我不需要了 我自己弄得来", "不用转人工了"])
def test_a_request_for_a_person_taken_back_reaches_support_on_the_same_escalation(chat, then):
    """try4: "人工客服我不需要了" was forwarded to support as another reminder."""
    at_question(chat, "mobile")
    chat.send("转人工")
    reply = chat.send(then)
    assert render.SUPPORT_NOT_NEEDED in reply and "手机号码" in reply
    assert requests_of(chat) == ["requested", "human_withdrawn"]


@pytest.mark.parametrize("said", ["客服说结婚证不用了", "之前客服说社保证明不用了", "人工客服不需要了吗"])
def test_what_support_said_or_a_question_about_it_takes_nothing_back(chat, said):
    """Found by review: a report of what support said, or a question, read as the take-back anywhere in it."""
    at_question(chat, "mobile")
    chat.send("转人工")
    assert render.SUPPORT_NOT_NEEDED not in chat.send(said)
    assert "human_withdrawn" not in requests_of(chat)


@pytest.mark.parametrize("said", ["不要人工了 把我的信息都删了", "不找客服了，删除我的个人信息"])
def test_an_erase_request_beside_a_person_not_needed_is_made(chat, said):
    at_question(chat, "mobile")
    chat.send(said)
    assert chat.state["erase_requested"]


def test_an_open_request_to_erase_is_not_closed_by_a_person_not_needed(chat):
    at_question(chat, "mobile")
    chat.send("我不想办了 把我的信息都删掉")
    chat.send("不用人工了")
    assert "human_withdrawn" not in requests_of(chat)
    assert chat.state["erase_requested"]


def test_taking_back_a_request_for_a_person_never_made_tells_support_nothing(chat):
    at_question(chat, "mobile")
    assert chat.send("不需要人工了").startswith(render.OKAY)
    assert chat.conversations.store.find("escalation", user_id=chat.user) == []
