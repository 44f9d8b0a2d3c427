"""What the tester's third round found at the summary and around it, each through the engine with other
phrasings of the same kind than the tester's: a correction that denies is never a confirmation, a field
and its new value said in everyday words (any variety of Chinese), labels before a value, a name spelled
out by its characters, a school where yes or no is asked, answers given before their question, an okay
to an answer shown again, and a question that answers itself."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import BASIC, VALID_ID, Chat, answer_all, at_question, start

# A new application through the education questions: a foreign master's degree, then the summary.
FOREIGN_MASTER = [*BASIC, "2", "是", "是", "硕士", "伦敦大学学院"]
# … and with the social-insurance bonus only, married: the summary.
MARRIED_SOCIAL = [*BASIC[:4], "已婚", *BASIC[5:], "0", "3", "6"]


pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


def at_summary(chat: Chat, answers: list[str]) -> None:
    start(chat, "积分新办")
    answer_all(chat, answers)
    assert chat.state["state"] == "summary"


# -- at the summary: a denial corrects, never confirms -----------------------------------------
@pytest.mark.parametrize("said", ["不是在国外读的，是在湖北读的", "唔係國外讀嘅", "弗是国外念个 是江苏念个"])
def test_a_denied_foreign_degree_is_changed_to_home_and_shown_again(chat, said):
    at_summary(chat, FOREIGN_MASTER)
    reply = chat.send(said)
    assert chat.state["answers"]["edu_foreign"] is False
    assert chat.state["state"] == "summary" and chat.application is None
    assert "是否国外学历：否" in reply


@pytest.mark.parametrize("said", ["学校是复旦大学", "毕业院校：复旦大学"])
def test_a_school_named_at_the_summary_is_the_school_never_the_employer(chat, said):
    at_summary(chat, FOREIGN_MASTER)
    employer = chat.state["answers"]["employer"]
    chat.send(said)
    assert chat.state["answers"]["employer"] == employer and chat.state["answers"]["edu_school"] == "复旦大学"


def test_a_school_named_where_no_school_was_asked_changes_nothing(chat):
    at_summary(chat, BASIC + ["3", "6"])
    chat.send("学校是复旦大学")
    assert chat.state["answers"]["employer"] == "上海某某科技有限公司" and "edu_school" not in chat.state["answers"]


@pytest.mark.parametrize("said", ["不是这样的", "唔啱喔", "勿对个"])
def test_a_denial_that_names_nothing_asks_what_to_change_and_confirms_nothing(chat, said):
    at_summary(chat, BASIC + ["3", "6"])
    reply = chat.send(said)
    assert chat.state["state"] == "summary" and chat.application is None
    assert "修改" in reply


@pytest.mark.parametrize("said, name", [
    ("姓名写错了，应该是王芳", "王芳"), ("名字打错了 是黄志明", "黄志明"), ("我嘅名係黃志明，唔係張三", "黄志明"),
])
def test_a_name_corrected_in_words_is_saved_without_them(chat, said, name):
    at_summary(chat, BASIC + ["3", "6"])
    chat.send(said)
    assert chat.state["answers"]["name"] == name
    assert chat.state["state"] == "summary"


def test_a_wedding_told_at_the_summary_changes_the_status_and_asks_about_the_spouse(chat):
    at_summary(chat, BASIC + ["3", "6"])
    reply = chat.send("对了 我前阵子刚领证")
    assert chat.state["answers"]["marital_status"] == "married"
    assert chat.state["state"] == "spouse_options" and "配偶选项" in reply


@pytest.mark.parametrize("said, options, asked", [
    ("职称加分也帮我加上", ["title", "social_insurance"], "summary"),
    ("學歷嗰項都要埋", ["education", "social_insurance"], "edu_fulltime"),
    ("社保那项去掉吧", [], "summary"),
    ("社保加分不用了", [], "summary"),
    ("社保那项不用改，确认", ["social_insurance"], "summary"),  # kept (not taken off)
])
def test_bonus_options_put_on_or_taken_off_in_words(chat, said, options, asked):
    at_summary(chat, MARRIED_SOCIAL)
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == options
    assert chat.state["state"] == asked


def test_the_last_digits_of_the_mobile_said_again_replace_them_and_are_shown(chat):
    at_summary(chat, BASIC + ["3", "6"])
    reply = chat.send("手机号后4位是5678")
    assert chat.state["answers"]["mobile"] == "13800135678"
    assert "13800135678" in reply and chat.state["state"] == "summary"


@pytest.mark.parametrize("said", ["稍等 我去翻下户口本", "等阵先，我搵下啲文件", "晚点再看 我先去接孩子"])
def test_going_to_fetch_something_at_the_summary_pauses(chat, said):
    at_summary(chat, BASIC + ["3", "6"])
    assert render.SAVED_FOR_LATER in chat.send(said)
    assert chat.application is None
    assert render.WELCOME_BACK in chat.send("确认") and chat.application is not None


# -- labels and names -------------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["我嘅電話係 13912345678", "手機號碼係13912345678", "伊额手机是 13912345678"])
def test_a_label_before_the_mobile_is_no_name(chat, said):
    at_question(chat, "mobile")
    chat.send(said)
    assert chat.state["answers"]["mobile"] == "13912345678"
    assert chat.state["answers"]["name"] == "张三"


@pytest.mark.parametrize("said, name", [
    ("王建华，三横王 建设的建 中华的华", "王建华"), ("她叫陈静 耳东陈 安静的静", "陈静"),
    ("章小燕 立早章 大小的小 燕子的燕", "章小燕"),
])
def test_a_name_spelled_out_by_its_characters_is_the_name(chat, said, name):
    at_question(chat, "name")
    chat.send(said)
    assert chat.state["answers"]["name"] == name


# -- a school where yes or no is asked ---------------------------------------------------------------
@pytest.mark.parametrize("said", ["湖北广播电视大学", "江苏开放大学", "四川大学"])
def test_a_school_from_home_where_the_foreign_degree_is_asked_means_no(chat, said):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "2", "否"])
    chat.send(said)
    assert chat.state["answers"]["edu_foreign"] is False


def test_a_school_that_says_nowhere_where_the_foreign_degree_is_asked_is_asked_again(chat):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "2", "是"])
    chat.send("复旦大学")
    assert "edu_foreign" not in chat.state["answers"] and chat.state["state"] == "edu_foreign"


# -- answers before their question ---------------------------------------------------------------------
def test_answers_typed_before_consenting_are_kept_and_consent_still_asked(chat):
    chat.send("你好")
    chat.send("积分新办")
    chat.send("2027-08-25")
    chat.send("考虑一下")  # a short reply is no name
    assert "name" not in chat.state["answers"]
    first = chat.send("我叫王芳")
    second = chat.send(f"身份证 {VALID_ID}")
    assert render.KEPT_UNTIL_CONSENT in first and render.KEPT_UNTIL_CONSENT not in second  # said once
    assert chat.state["state"] == "consent" and "consent" not in chat.state["answers"]
    reply = chat.send("嗯 好的")
    assert chat.state["answers"]["consent"] == "agree"
    assert chat.state["answers"]["name"] == "王芳" and chat.state["answers"]["id_number"] == VALID_ID
    assert chat.state["state"] == "employer" and "单位" in reply


def test_children_and_marriage_told_at_the_employer_are_kept_and_the_employer_asked_again(chat):
    at_question(chat, "employer")
    chat.send("屋里厢三个小囡")
    chat.send("离婚了")
    assert chat.state["answers"]["children"] == 3 and chat.state["answers"]["marital_status"] == "divorced"
    assert chat.state["state"] == "employer"
    chat.send("上海某某物流有限公司")
    assert chat.state["state"] == "mobile"


# -- an okay, no e-mail, a question answered by the asker ------------------------------------------------
@pytest.mark.parametrize("said", ["行 没问题", "可以的", "嗯嗯 没问题"])
def test_an_okay_to_an_answer_shown_again_keeps_it(chat, said):
    at_summary(chat, BASIC + ["3", "6"])
    chat.send("修改 子女")
    chat.send(said)
    assert chat.state["state"] == "summary" and chat.state["answers"]["children"] == 0


@pytest.mark.parametrize("said", ["他不用邮箱的", "冇邮箱", "没有的 伊勿用邮箱个"])
def test_no_email_said_in_words_is_recorded(chat, said):
    at_question(chat, "email")
    chat.send(said)
    assert chat.state["answers"]["email"] == "" and chat.state["state"] != "email"


@pytest.mark.parametrize("said", ["没有邮箱可以吗", "不填邮箱行不行"])
def test_asking_whether_no_email_will_do_is_answered_and_records_nothing(chat, said):
    at_question(chat, "email")
    reply = chat.send(said)
    assert "无" in reply and "email" not in chat.state["answers"] and chat.state["state"] == "email"


@pytest.mark.parametrize("said, employer", [
    ("单位全称是啥来着 哦 上海某某信息技术有限公司", "上海某某信息技术有限公司"),
    ("公司叫什么我看下合同，上海某某物流股份有限公司", "上海某某物流股份有限公司"),
])
def test_an_employer_looked_up_aloud_then_named_is_saved(chat, said, employer):
    at_question(chat, "employer")
    chat.send(said)
    assert chat.state["answers"]["employer"] == employer


def test_a_degree_and_its_school_in_one_message_save_both(chat):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "2", "否", "否"])
    chat.send("本科，武汉大学网络教育学院")
    assert chat.state["answers"]["edu_level"] == "bachelor"
    assert chat.state["answers"]["edu_school"] == "武汉大学网络教育学院"


@pytest.mark.parametrize("said", ["他是安徽的 这次不加他", "老婆外地的，暂时不加她了"])
def test_the_spouse_not_added_and_from_elsewhere_is_none_of_the_options(chat, said):
    at_summary(chat, MARRIED_SOCIAL)
    chat.send("修改 配偶")
    chat.send(said)
    assert chat.state["answers"]["spouse_options"] == []


def test_all_of_another_questions_options_chooses_none_of_these(chat):
    at_summary(chat, MARRIED_SOCIAL)
    chat.send("修改 配偶")
    chat.send("职称学历都要加")
    assert chat.state["answers"]["spouse_options"] == [] and chat.state["state"] == "spouse_options"


@pytest.mark.parametrize("said", ["都对，就是手机号是13900139000", "姓名没错 是张三", "名字改成 搞错了是张三"])
def test_a_remark_beside_a_correction_is_never_saved_as_the_name(chat, said):
    at_summary(chat, BASIC + ["3", "6"])
    chat.send(said)
    assert chat.state["answers"]["name"] == "张三"


@pytest.mark.parametrize("field, said, saved", [
    ("name", "欧阳 娜娜", "欧阳娜娜"), ("name", "王 小明", "王小明"),  # a space between surname and given name
    ("name", "张三 谢谢", "张三"),  # …unless a part is a word of its own
    ("employer", "新单位：上海某某商务有限公司（原单位上海某某旅行社有限公司）", "上海某某商务有限公司"),
    ("employer", "上海某某商务有限公司(以前在上海某某旅行社有限公司)", "上海某某商务有限公司"),  # the former one in brackets
    ("employer", "上海外服（集团）有限公司", "上海外服（集团）有限公司"),  # a name's own brackets
])
def test_what_a_reply_says_around_the_answer_is_left_out(chat, field, said, saved):
    at_question(chat, field)
    chat.send(said)
    assert chat.state["answers"][field] == saved


# -- found by the third tester ---------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["单位改成上海某某新科技有限公司", "公司改成上海某某新科技有限公司"])
def test_the_employer_changed_in_the_suggested_words_is_saved_without_them(chat, said):
    at_summary(chat, BASIC + ["3", "6"])
    chat.send(said)
    assert chat.state["answers"]["employer"] == "上海某某新科技有限公司"


@pytest.mark.parametrize("said, confirmed", [("好的我看一下", False), ("好 等我核对一下", False), ("对对对 赶紧的", True)])
def test_an_okay_to_check_first_is_no_confirmation(chat, said, confirmed):
    at_summary(chat, BASIC + ["3", "6"])
    chat.send(said)
    assert (chat.application is not None) == confirmed


@pytest.mark.parametrize("said, options", [
    ("职称跟社保吧，学历就中专不用加了吧", ["title", "social_insurance"]),
    ("应届生我毕业好几年了应该不算，那就学历吧", ["education"]),
    ("学历不加", []),
])
def test_an_option_turned_down_after_its_name_is_not_chosen(chat, said, options):
    at_question(chat, "bonus_options", BASIC)
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == options


def test_another_questions_answer_with_a_y_in_it_is_no_yes(chat):
    at_question(chat, "edu_foreign", FOREIGN_MASTER)
    chat.send("社保8y")
    assert "edu_foreign" not in chat.state["answers"]


@pytest.mark.parametrize("field, said, saved", [
    ("marital_status", "再婚", "married"), ("marital_status", "离了又结了", "married"),  # married again
    ("email", "邮箱不要了", ""),
])
def test_plain_answers_the_third_tester_had_refused(chat, field, said, saved):
    at_question(chat, field)
    chat.send(said)
    assert chat.state["answers"][field] == saved


def test_a_new_application_in_words_is_the_new_business_type(chat):
    chat.send("你好")
    chat.send("我要办新的积分。")
    assert chat.state["answers"]["business_type"] == "new"


@pytest.mark.parametrize("said", ["我还想加学历分", "还要加学历加分", "学历分我也想加"])
def test_a_bonus_wanted_on_top_at_the_summary_is_added_and_its_questions_asked(chat, said):
    """try8 T6c: it was small talk, and the "是的" sent next confirmed the summary without it."""
    at_summary(chat, MARRIED_SOCIAL)
    reply = chat.send(said)
    assert "education" in chat.state["answers"]["bonus_options"]
    assert "social_insurance" in chat.state["answers"]["bonus_options"]
    assert "全日制" in reply and chat.application is None


@pytest.mark.parametrize("said", ["邮箱加一个 hxm@126.com", "补个邮箱 hxm@126.com"])
def test_an_email_given_at_the_summary_after_none_was_is_saved(chat, said):
    """try8 T8: it was kept apart as another person's ("已记录的邮箱地址是：未填写…没有替换")."""
    at_summary(chat, [*BASIC[:-1], "无", "0", "3", "6"])
    reply = chat.send(said)
    assert chat.state["answers"]["email"] == "hxm@126.com"
    assert "没有替换" not in reply and "邮箱地址：hxm@126.com" in reply


def test_an_email_unlike_the_one_saved_is_still_kept_apart(chat):
    at_summary(chat, [*BASIC, "0", "3", "6"])
    chat.send("我老婆邮箱 hxm@126.com")
    assert chat.state["answers"]["email"] == "zhangsan@example.com"


@pytest.mark.parametrize("said", ["我要改名字 冯晓刚 身份证上是晓", "名字改成冯晓刚 身份证上是这个晓"])
def test_the_field_named_first_is_the_one_changed(chat, said):
    """try8 T21: the ID number's question was opened, 身份证 being the longer name; the name was not changed."""
    at_summary(chat, MARRIED_SOCIAL)
    reply = chat.send(said)
    assert chat.state["answers"]["name"] == "冯晓刚" and chat.state["answers"]["id_number"] == VALID_ID
    assert "姓名：冯晓刚" in reply


@pytest.mark.parametrize("said", ["都对 就是邮箱补一下 lin3@qq.com 然后确认", "都对的 邮箱填一下 lin3@qq.com"])
def test_an_okay_to_the_rest_and_an_answer_filled_in_changes_that_answer_only(chat, said):
    """try8 T35: "都对" was saved as the name beside the e-mail."""
    at_summary(chat, [*BASIC[:-1], "无", "0", "3", "6"])
    reply = chat.send(said)
    assert chat.state["answers"]["email"] == "lin3@qq.com" and chat.state["answers"]["name"] == BASIC[0]
    assert "邮箱地址：lin3@qq.com" in reply


def test_a_field_said_to_be_right_is_not_the_one_changed(chat):
    """review4 R5: "姓名没问题 身份证号写错了" opened the name."""
    at_summary(chat, MARRIED_SOCIAL)
    reply = chat.send("姓名没问题 身份证号写错了")
    assert chat.state["state"] == "id_number" and "身份证" in reply


@pytest.mark.parametrize("said", ["我老婆邮箱 hxm@126.com", "配偶的邮箱是hxm@126.com"])
def test_a_spouses_email_after_none_was_given_is_kept_apart(chat, said):
    """review4 R16: with none saved, the spouse's e-mail was saved as the applicant's."""
    at_summary(chat, [*BASIC[:-1], "无", "0", "3", "6"])
    chat.send(said)
    assert chat.state["answers"]["email"] == ""
