"""Development set 10's misreadings from the bonus options on (the bonus options, consent, the summary,
the checklist, photographing and the review states), by their causes, each through the engine in other
words (none of the set's texts)."""
from __future__ import annotations

import pytest

from tests.support.api import RETURN_TWO
from tests.support.chat import BASIC, application_in, play

OPENING = ["你好", "积分新办", "2027-08-25", "同意"]
AT_BONUS = [*OPENING, *BASIC]  # unmarried: the spouse options are skipped, the bonus options asked


@pytest.mark.parametrize("said, chosen", [
    ("一三都有", ["title", "social_insurance"]),
    ("12都有", ["title", "education"]),
    ("1 2 不对 只有2", ["education"]),
])
def test_option_numbers_said_with_you_choose_those_options_not_all_of_them(kb, said, chosen):
    outcome = play(kb, *AT_BONUS, said)
    assert outcome.state["answers"]["bonus_options"] == chosen


def test_options_counted_without_naming_them_are_asked_again_not_guessed(kb):
    outcome = play(kb, *AT_BONUS, "三个都有")
    assert "bonus_options" not in outcome.state["answers"] and outcome.state["state"] == "bonus_options"


@pytest.mark.parametrize("said", ["唉 我就是没加分的命", "我学历不行 没有加分的份儿"])
def test_no_bonus_said_as_ones_lot_is_none(kb, said):
    outcome = play(kb, *AT_BONUS, said)
    assert outcome.state["answers"]["bonus_options"] == []


AT_CHECKLIST = [*AT_BONUS, "0", "确认"]  # no bonus: the summary confirmed, the checklist shown


@pytest.mark.parametrize("said", ["可照可照", "嗯 可照的"])
def test_the_anhui_okay_at_consent_is_consent(kb, said):
    outcome = play(kb, "你好", "积分新办", "2027-08-25", said)
    assert outcome.state["answers"].get("consent") == "agree" and outcome.state["state"] == "name"


@pytest.mark.parametrize("said", ["我先拍身分證", "先上傳身分證吧"])
def test_the_id_card_in_taiwanese_wording_chooses_the_id_card(kb, said):
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.state.get("material") == "id_card"


@pytest.mark.parametrize("said", ["done liao", "ok done lah lor"])
def test_a_singapore_particle_after_done_is_still_done(kb, said):
    outcome = play(kb, *AT_CHECKLIST, "2", said)
    assert outcome.replies[0].startswith("正在上传“承诺书”：还没有收到照片") and "只支持中文" not in outcome.replies[0]


@pytest.mark.parametrize("said, item", [("第一 重新传", "commission_form"), ("第六，重新拍", "labor_contract")])
def test_an_item_by_its_place_in_words_before_sending_it_again_chooses_it(chat, said, item):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    chat.send(said)
    assert chat.state.get("material") == item


def test_an_item_said_sent_wrong_with_delete_in_english_is_about_that_item(kb):
    reply = play(kb, *AT_CHECKLIST, "第5项发错了 delete").replies[0]
    assert reply.startswith("“户籍证明”是根据您填写的信息生成的，不能单独删除")


@pytest.mark.parametrize("said", ["等我把户口本找出来再拍", "等我回家翻一翻再传"])
def test_waiting_to_find_a_paper_before_photographing_it_pauses(kb, said):
    outcome = play(kb, *AT_CHECKLIST, "2", said)
    assert outcome.replies[0].startswith("已为您暂存") and outcome.state.get("material") == "commitment_letter"


@pytest.mark.parametrize("said", ["退回的理由去哪看", "在哪里能查到退回原因"])
def test_asking_where_to_see_the_return_reasons_lists_them(chat, said):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    reply = chat.send(said)
    assert "缺少单位盖章本人签字页" in reply and "委托单盖章日期超过两个月" in reply


@pytest.mark.parametrize("said", ["我有点担心被退回 之前朋友社保断过被退了 但是我填的都是真的 同意",
                                  "说实话心里没底 不过我的材料都没问题 我同意"])
def test_a_worry_settled_by_the_okay_after_it_is_consent_with_nothing_to_answer(kb, said):
    outcome = play(kb, "你好", "积分新办", "2027-08-25", said)
    assert outcome.state["answers"].get("consent") == "agree" and outcome.replies[0].startswith("请输入您的姓名")


@pytest.mark.parametrize("said", ["晓得了呀", "好的嘛 知道"])
def test_a_bare_got_it_after_a_return_says_what_to_do_about_it(chat, said):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    assert chat.send(said).startswith("回复材料序号选择要上传的材料")  # what to do next, not small talk


@pytest.mark.parametrize("said", ["这拍照上传做得挺不错嘛", "你们这功能蛮好用的"])
def test_praise_while_photographing_is_small_talk_not_a_question(kb, said):
    outcome = play(kb, *AT_CHECKLIST, "2", said)
    assert len(outcome.replies) == 1 and outcome.replies[0].startswith("当前步骤：\n正在上传“承诺书”")


def test_an_exclamation_at_the_checklist_is_small_talk_not_a_progress_request(kb):
    outcome = play(kb, *AT_CHECKLIST, "我的天哪")
    assert outcome.replies[0].startswith("当前步骤") and "当前状态" not in outcome.replies[0]


def test_showing_the_summary_to_ones_wife_first_pauses(kb):
    outcome = play(kb, *AT_BONUS, "0", "等一下 我给我媳妇过一眼")
    assert outcome.replies[0].startswith("已为您暂存") and outcome.state["state"] == "summary"


@pytest.mark.answers_questions  # the knowledge base matches the reason, and took it for a question
@pytest.mark.parametrize("said", ["这礼拜没空 下礼拜再弄", "月底再补 现在在上班", "下个月再弄吧 最近天天加班"])
def test_putting_off_the_return_with_why_pauses(chat, said):
    application_in(chat, "returned", materials=RETURN_TWO["materials"])
    assert chat.send(said).startswith("已为您暂存")


@pytest.mark.answers_questions  # the knowledge base's entry on progress answered instead
def test_asking_what_is_left_and_for_the_progress_after_approval_shows_the_progress(chat):
    application_in(chat, "approved")
    assert chat.send("后面还要弄啥 把进度发我").startswith("当前状态：预审通过")


@pytest.mark.parametrize("said", ["真够长的 我过一会儿再读完", "好长 我待会再看"])
def test_the_notice_too_long_with_a_later_said_pauses(kb, said):
    outcome = play(kb, "你好", "积分新办", "2027-08-25", said)
    assert outcome.replies[0].startswith("已为您暂存") and "consent" not in outcome.state["answers"]
