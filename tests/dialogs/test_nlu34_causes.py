"""Development set 20's misreadings by their causes (nlu34: nurses between night shifts, teachers in the holidays,
site engineers, restaurant managers during service, accountants at month-end, couples sharing a phone, applicants
in their fifties typing formally), each in other words (none of the set's texts), through the engine: what a wrong
reading saved, changed or stopped."""
from __future__ import annotations

import pytest

from dialogs import render
from dialogs.events import Escalate, Image, ListHistory
from tests.support.chat import BASIC, events_after, play, returned_with

pytestmark = pytest.mark.answers_questions

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]
DRAFT = (*AGREED, *BASIC, "0", "确认")


# -- 1. one's ethnic group said where the name is asked is no name (dev20: a question recorded) -------------------------
@pytest.mark.parametrize("said", ["我是哈萨克族 名字特别长 中间的点咋输入", "本人塔吉克族，名字有五个字，能打全吗"])
def test_an_ethnic_group_before_a_question_at_the_name_is_no_name(kb, said):
    """"我是维吾尔族 名字长 …怎么打": 我是 introduced 维吾尔族 as the name, saved beside the question. The group is who
    one is, never a name: the question is answered and the name asked again."""
    outcome = play(kb, *AGREED, said)
    assert "name" not in outcome.state["answers"] and outcome.state["state"] == "name"


# -- 2. a relative's number, said to be theirs, then whether theirs will do asked (dev20: a question recorded) ----------
@pytest.mark.parametrize("said", ["13917726650 是我媳妇的号码 我这个号快不用了 填她的行不行",
                                  "13524418067 这个是我儿子的 我手机老是没信号 留他的可以吗"])
def test_a_relatives_number_put_to_check_later_in_the_message_is_not_saved(kb, said):
    """"136… 这是我老公的号 我的欠费停机了 用他的可以吧": the husband's number was saved as the applicant's and the
    question answered beside it. Whose number will do is asked: answered, nothing saved, the mobile asked again."""
    outcome = play(kb, *AGREED, *BASIC[:5], said)
    assert "mobile" not in outcome.state["answers"] and outcome.state["state"] == "mobile"


# -- 3. an option not had yet, then whether it may be left unchosen asked (dev20: a question recorded) -----------------
@pytest.mark.parametrize("said", ["职称评审还没结束 能先不勾吗", "职称还在评审中 暂时不选可以吗"])
def test_an_option_pending_and_asked_to_be_left_out_chooses_nothing(kb, said):
    """"职称证还在评 能先不选吗": the title named in the first clause was chosen beside the question. Whether it may be
    left out is asked: answered, no option saved, the options asked again."""
    outcome = play(kb, *AGREED, *BASIC, said)
    assert "bonus_options" not in outcome.state["answers"] and outcome.state["state"] == "bonus_options"


# -- 4. a wait to ask someone, to fetch a paper, or a call away from one's work: kept for later -------------------------
@pytest.mark.parametrize("before, said", [
    (["你好"], "我先问问我爱人 她那份是新办还是续办 晚点回来选"),
    (["你好"], "我得问下我爱人 她上回是新办还是续办"),
])
def test_a_wait_to_ask_someone_or_fetch_a_paper_is_kept_for_later(kb, before, said):
    """"我问问她到底是新办还是续办", "毕业证在老家 我打电话问问我妈…": read as questions, the knowledge base answered
    someone who had gone to ask; the form is kept for later."""
    assert render.SAVED_FOR_LATER in "\n".join(play(kb, *before, said).replies)


def test_asking_us_about_a_relative_is_no_wait_to_ask_them(kb):
    """The lead's mend after merging nlu34: its waits to ask someone tipped "我想问下我老婆能不能…" (asking US about the
    wife) into a pause at the business type; it is a question the knowledge base answers."""
    replies = "\n".join(play(kb, "你好", "我想问一下我儿子能不能也加进来当同住人").replies)
    assert render.SAVED_FOR_LATER not in replies and "增加同住人" in replies


def test_a_call_away_while_photographing_keeps_the_item_in_hand(kb):
    """"病人按铃了 先去一下" cancelled the item's photos (取消): a wait, the item and its photos kept for later."""
    outcome = events_after(kb, play(kb, *DRAFT).state, "2", Image("p1"), "护士站叫我 我过去一趟")[-1]
    assert outcome.state["photos"] == ["p1"] and render.SAVED_FOR_LATER in "\n".join(outcome.replies)


# -- 5. a person asked for in a question's words ---------------------------------------------------------------------------
@pytest.mark.parametrize("before, said", [
    (AGREED, "能不能叫个工作人员帮我输 我拼音不好"),
    ([], "可以转人工吗 我想跟人直接说"),
])
def test_a_person_asked_for_in_a_questions_words_is_called(kb, before, said):
    """"能不能人工帮我填 我字打得慢", "有没有真人 我直接打电话问": read as questions, the knowledge base answered and
    no person was called."""
    outcome = play(kb, *before, said)
    assert any(isinstance(effect, Escalate) for effect in outcome.effects)


# -- 6. an item asked for politely --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("said, place", [("老师您好 请帮我打开第四项 谢谢", "4"), ("您好 麻烦看一下第3项 谢谢您", "3")])
def test_an_item_asked_for_politely_is_opened(kb, said, place):
    """"同志您好 麻烦您打开第六项 谢谢": the greeting and the thanks made it small talk ("不客气"); the item is opened."""
    outcome = play(kb, *DRAFT, said)
    assert outcome.state["material"] == play(kb, *DRAFT, place).state["material"] is not None


# -- 7. the returned materials sent again, said in other words ------------------------------------------------------------
@pytest.mark.parametrize("said", ["要改的都重新拍过了 帮我再交一遍", "缺的那几页补全了 麻烦重新审核"])
def test_the_returned_materials_said_sent_again_are_submitted(chat, said):
    """"缺的都补上了 麻烦再审", "都换成新拍的了 再提交一次": read as a question or an edit, the knowledge base or the
    edit's refusal answered. It is the submission: here, the returned contract's new file not yet come, what is missing."""
    returned_with(chat, {"labor_contract": "合同签字页模糊，请重新拍摄"})
    assert render.returned_not_received([(6, "劳动(聘用)合同")]) in chat.send(said)


# -- 8. a first message asking for one's past applications -----------------------------------------------------------------
def test_past_applications_asked_for_in_a_first_message_are_listed(kb):
    """"我去年办过一次 能看下以前的记录吗": read as a new application beside a question; the history is listed."""
    assert any(isinstance(effect, ListHistory) for effect in play(kb, "以前在这办过 当时提交的申请还能调出来看吗").effects)


# -- 9. the school with a note after its name: its former name, which one is meant, the college inside it -----------------
AT_SCHOOL = [*AGREED, *BASIC, "2", "是", "否", "本科"]


@pytest.mark.parametrize("said, school", [
    ("南京大学 计算机系", "南京大学"),
    ("华东政法大学，原名华东政法学院", "华东政法大学"),
    ("伯明翰大学(不是城市大学那个)", "伯明翰大学"),
])
def test_the_school_is_saved_without_the_note_after_it(kb, said, school):
    """"同济大学 土木学院" saved the college, "…金融学院 以前叫…学院" the former name, "曼彻斯特大学（英国那个）" the note:
    the university that issued the degree, by today's name, is saved."""
    assert play(kb, *AT_SCHOOL, said).state["answers"].get("edu_school") == school


# -- 10. a first message telling where one is back from, then the type wanted ---------------------------------------------
@pytest.mark.parametrize("said", ["支教回来了 办下续办", "项目做完从工地回来 续办积分"])
def test_back_from_somewhere_then_the_type_wanted_starts_that_type(kb, said):
    """"工地项目结束了 回来续办积分": its 回来 read as a conversation resumed, and the type asked again."""
    assert play(kb, said).state["answers"].get("business_type") == "renew"


# -- 11. whether a school of Hong Kong, Macao or Taiwan counts as abroad, asked ---------------------------------------------
def test_whether_a_hong_kong_school_counts_as_abroad_asked_saves_nothing(kb):
    """"港大这种 归境外那一类吗" (dev19) was recorded as a yes beside its question once main and this branch met."""
    outcome = play(kb, *AGREED, *BASIC, "2", "是", "城大这种 归到境外一类吗")
    assert "edu_foreign" not in outcome.state["answers"] and outcome.state["state"] == "edu_foreign"
