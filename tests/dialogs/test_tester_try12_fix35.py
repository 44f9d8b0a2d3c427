"""What the tester playing applicants found in the conversation (try12, the part fix35 took), each
through the engine."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import application_in, play

pytestmark = pytest.mark.answers_questions

FORM = ["你好", "积分新办", "2027-08-25", "同意", "李明", "11010519491231002X", "上海某某网络科技有限公司", "0", "未婚",
        "13800138000", "liming@example.com"]


@pytest.mark.parametrize("said", ["慢着 我其实不是应届生，改成职称", "加分选项改成职称", "应届生改成职称"])
def test_an_option_said_to_be_wrong_is_taken_off_when_another_is_put_in_its_place(kb, said):
    """T6: "我其实不是应届生，改成社保" at the summary added 社保 and kept 应届生加分. "不是X" takes X off, and a
    turn-into with no option before it says what the whole choice becomes."""
    outcome = play(kb, *FORM, "5", said)
    assert outcome.state["answers"]["bonus_options"] == ["title"]


def test_an_option_added_keeps_those_chosen(kb):
    outcome = play(kb, *FORM, "5", "再加上职称")
    assert outcome.state["answers"]["bonus_options"] == ["title", "graduate"]


def test_an_option_word_inside_a_new_employer_name_changes_no_option(kb):
    """"单位改成上海社保中心" put 社保加分 on beside the new employer."""
    outcome = play(kb, *FORM, "5", "单位改成上海社保咨询中心")
    assert outcome.state["answers"]["employer"] == "上海社保咨询中心"
    assert outcome.state["answers"]["bonus_options"] == ["graduate"]


def test_an_item_by_number_at_the_summary_is_the_line_shown(kb):
    """T22: "修改 第3项" took option 3 of the business types (单位信息变更), asked for consent again and dropped
    the employer. At the summary the number is the summary's line: the third is 姓名."""
    outcome = play(kb, *FORM, "0", "修改 第3项")
    assert outcome.state["state"] == "name"
    assert outcome.state["answers"]["business_type"] == "new"
    assert outcome.state["answers"]["employer"] == "上海某某网络科技有限公司"


def test_an_item_by_number_at_a_question_changes_no_business_type(kb):
    outcome = play(kb, *FORM, "修改 第3项")
    assert outcome.state["state"] == "bonus_options"
    assert outcome.state["answers"]["business_type"] == "new"
    assert any("要修改哪一项" in reply for reply in outcome.replies)


AT_CHILDREN = FORM[:7]


@pytest.mark.parametrize("said", ["有一个但是不随迁", "一个 不随迁", "有个闺女，不过不跟我住"])
def test_children_said_not_to_come_along_are_no_co_residents(kb, said):
    """T29: "有一个但是不随迁" saved 1 同住子女. The count asked for is of the children listed as 同住人."""
    outcome = play(kb, *AT_CHILDREN, said)
    assert outcome.state["answers"]["children"] == 0


@pytest.mark.parametrize(("said", "count"), [("二胎还在肚子里", 1), ("老三还没出生", 2), ("宝宝还在肚子里呢", 0)])
def test_a_child_not_yet_born_is_not_counted(kb, said, count):
    """T29: "二胎还在肚子里" saved 2: one child born, one expected, and an unborn child cannot be listed."""
    outcome = play(kb, *AT_CHILDREN, said)
    assert outcome.state["answers"]["children"] == count


@pytest.mark.parametrize("said", ["孩子还没有", "小孩暂时没有呢", "娃目前没有"])
def test_the_children_named_then_none(kb, said):
    """T12: "孩子还没有" was asked again for a number."""
    outcome = play(kb, *AT_CHILDREN, said)
    assert outcome.state["answers"]["children"] == 0


@pytest.mark.parametrize("said", ["居住证到期是二零二七年九月三十号", "到期二零二七年九月三十号", "到期日是二〇二七年九月三十日"])
def test_an_expiry_in_chinese_numerals_after_daoqi_is_read(kb, said):
    """T11: voice input writes "居住证到期是二零二七年八月二十五号"; after 到期 its numerals were never read (three
    "没看懂这个日期", then 人工), while the same date in digits was."""
    outcome = play(kb, "你好", "积分新办", said)
    assert outcome.state["answers"]["permit_expiry"] == "2027-09-30"


def photo(chat, media_id: str) -> None:
    chat.last = chat.conversations.handle(chat.user, Image(media_id))


@pytest.mark.parametrize("said", ["传错了，刚才那张不是户口本", "刚那张拍错了", "那张不对"])
def test_why_a_photo_was_deleted_deletes_no_other(chat, said):
    """T14: "删除上一张", then "发错了，刚那张不是户口本" (the reason for it) deleted the good page too."""
    application_in(chat, "draft")
    chat.send("5")
    photo(chat, "p1")
    photo(chat, "p2")
    chat.send("删除上一张")
    reply = chat.send(said)
    assert chat.state["photos"] == ["p1"]
    assert "已经删除" in reply and "删除上一张" in reply


def test_a_second_delete_asked_for_still_deletes(chat):
    application_in(chat, "draft")
    chat.send("5")
    photo(chat, "p1")
    photo(chat, "p2")
    chat.send("删除上一张")
    chat.send("这张也删掉")
    assert chat.state["photos"] == []


@pytest.mark.parametrize("said", ["那我也不办了", "算了，我不申请了", "真笨啊你", "这什么破机器人", "算了还是同意吧"])
def test_leaving_a_rude_word_or_a_change_of_mind_at_the_type_menu_is_no_wrong_choice(kb, said):
    """T1/T17: "那我不办了", "笨死了你", "算了还是同意吧" at the type menu were each "没有找到…这个选项", and the third
    handed the applicant to 人工 as "遇到了困难"."""
    outcome = play(kb, "你好", "不同意", said)
    assert not any("没有找到" in reply or "遇到了困难" in reply for reply in outcome.replies)
    assert outcome.state["failures"] <= 1


@pytest.mark.parametrize("said", ["在不在啊", "有人吗呀"])
def test_asking_whether_anyone_is_there_with_a_particle_is_a_greeting(kb, said):
    """T17: "在不在啊" was a wrong choice at the type menu while "hello??" was greeted."""
    outcome = play(kb, "你好", said)
    assert any("我在" in reply for reply in outcome.replies)


@pytest.mark.parametrize("said", ["啥都不加", "什么也不加"])
def test_nothing_to_add_in_words_at_the_bonus_options_is_none(kb, said):
    """T4: "啥都不加" was "没有找到…这个选项" where "都不要" was 无."""
    outcome = play(kb, *FORM, said)
    assert outcome.state["answers"]["bonus_options"] == []


AT_SPOUSE = [*FORM[:8], "已婚", *FORM[9:]]


@pytest.mark.parametrize(("said", "chosen"), [("配偶不随迁", []), ("媳妇就不随迁了", []),
                                             ("老公不随迁，他是上海户口", ["spouse_hukou"])])
def test_the_spouse_said_not_to_come_along_adds_no_companion(kb, said, chosen):
    """T23: "配偶不随迁" was "没有找到…这个选项" where "不随迁" was 无."""
    outcome = play(kb, *AT_SPOUSE, said)
    assert outcome.state["answers"]["spouse_options"] == chosen


AT_YEARS = [*FORM, "3"]


@pytest.mark.parametrize("said", ["八年还是九年 记不清了", "年数记不太清了"])
def test_years_not_remembered_are_told_where_to_look_up(kb, said):
    """T27: "五年还是六年 记不清了" was answered as a question ("公开资料里没有找到说明"). The applicant is unsure:
    where the count is found (the 缴费记录), and that it can be changed later."""
    outcome = play(kb, *AT_YEARS, said)
    assert outcome.state["state"] == "social_years"
    assert any("缴费记录" in reply and "修改 社保累计年数" in reply for reply in outcome.replies)
    assert not any("没有找到说明" in reply for reply in outcome.replies)


def test_an_expiry_not_known_to_the_day_asks_for_the_day_and_offers_a_pause(kb):
    """T18: a relative's "他居住证好像是明年5月到期，具体我不清楚" got "没看懂这个日期"."""
    outcome = play(kb, "你好", "积分新办", "她的居住证好像是明年5月到期，具体哪天我不清楚")
    assert outcome.state["state"] == "permit_expiry"
    assert not any("没看懂这个日期" in reply for reply in outcome.replies)
    assert any("暂停" in reply or "暂存" in reply for reply in outcome.replies)


@pytest.mark.parametrize("said", ["我还想给我老公办一个", "帮我爸也申请一下"])
def test_an_application_for_a_relative_after_a_finished_one_is_told_how(chat, said):
    """T25: after 已完成, "我还要给老婆办一个" got "当前步骤：" and the closed application's checklist."""
    application_in(chat, "done")
    reply = chat.send(said)
    assert "当前步骤" not in reply and "未上传" not in reply
    assert "增加同住人" in reply and "积分新办" in reply


@pytest.mark.parametrize("said", ["我想改单位 改成上海某某软件有限公司", "单位填错了 改为上海某某软件有限公司"])
def test_a_new_employer_said_after_the_change_word_is_saved_without_it(kb, said):
    """T32: "我想改单位 改成上海新公司有限公司" saved the employer as "改成上海新公司有限公司"."""
    outcome = play(kb, *FORM, "0", said)
    assert outcome.state["answers"]["employer"] == "上海某某软件有限公司"
