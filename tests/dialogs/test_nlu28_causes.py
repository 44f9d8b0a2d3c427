"""Development sets 16 and 17's misreadings by their causes (nlu28), each in other words (none of the sets'
texts), through the engine: what a wrong reading saved, changed or stopped."""
from __future__ import annotations

import pytest

from dialogs import render
from dialogs.events import Escalate, Image
from tests.support.chat import BASIC, application_in, play

pytestmark = pytest.mark.answers_questions

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]
AT_CHILDREN = [*AGREED, *BASIC[:3]]
AT_EMAIL = [*AGREED, *BASIC[:6]]
AT_SCHOOL = [*AGREED, *BASIC, "2", "是", "否", "本科"]
AT_CHECKLIST = [*AGREED, *BASIC, "0", "确认"]
AT_PHOTOGRAPHING = [*AT_CHECKLIST, "3"]
AT_PERMIT = ["你好", "积分续办"]


# -- 1. a son said as 男 beside a daughter is counted -------------------------------------------------------------------
@pytest.mark.parametrize("said", ["一男一女", "两个小的 一男一女", "一个男的一个女的"])
def test_a_boy_and_a_girl_are_two_children(kb, said):
    """"一男一女" was saved as one child: 女 was counted as a daughter, 男 was no child at all."""
    outcome = play(kb, *AT_CHILDREN, said)
    assert outcome.state["answers"].get("children") == 2


# -- 2. a cheer to oneself is small talk, never an edit --------------------------------------------------------------------
@pytest.mark.parametrize("said", ["加油💪", "加油加油 今天拿下"])
def test_a_cheer_at_the_checklist_changes_nothing(kb, said):
    """"加油加油 今天搞定它💪" at the checklist was an edit: the business type became 增加同住人 (加) and the
    commitment was asked again; another cheer was kept for later. A cheer changes nothing; the checklist waits."""
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.state["answers"]["business_type"] == "new" and outcome.state["state"] == "materials"
    assert render.SAVED_FOR_LATER not in "\n".join(outcome.replies)


# -- 3. a paper found is no pause -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("before, state, said", [(AT_PERMIT, "permit_expiry", "找见了 原来在外套口袋里"),
                                                 (AT_PHOTOGRAPHING, "materials", "找见了 在柜子顶上")])
def test_a_paper_found_is_not_kept_for_later(kb, before, state, said):
    """"找到了找到了 在抽屉最底下" was read as a pause: "已为您暂存…下次发送任意消息即可从这里继续" answered someone who
    had just found what they were looking for. The question (or the photos) waits."""
    outcome = play(kb, *before, said)
    assert render.SAVED_FOR_LATER not in "\n".join(outcome.replies) and outcome.state["state"] == state


@pytest.mark.parametrize("said, business_type", [("可算找到能办积分的地方了 新办安排上", "new")])
def test_the_place_to_apply_found_with_the_type_named_chooses_it(kb, said, business_type):
    """The found-it examples above had tipped "…终于找到能办积分的地方了 新办冲" (dev8) to small talk: the type named
    beside it is still chosen."""
    outcome = play(kb, said)
    assert outcome.state["answers"].get("business_type") == business_type


# -- 4. an older parent's remarks about their own days answer nothing ---------------------------------------------------
@pytest.mark.parametrize("said", ["那年月能考上大学的都是学霸", "我们那会儿上大学可是光宗耀祖的事"])
def test_a_parents_remark_on_going_to_university_names_no_school(kb, said):
    """"我们那时候能上大学可不容易" saved "那时候能上大学" as the school: going to university said is no school named."""
    outcome = play(kb, *AT_SCHOOL, said)
    assert "edu_school" not in outcome.state["answers"] and outcome.state["state"] == "edu_school"


def test_a_parents_remark_about_phones_is_neither_a_pause_nor_a_handoff(kb):
    """"现在的年轻人什么都用手机 我们老的跟不上" was a pause here (and a request for a person elsewhere)."""
    outcome = play(kb, *AT_EMAIL, "现在年轻人啥都在手机上办 我们上岁数的学不会")
    replies = "\n".join(outcome.replies)
    assert render.SAVED_FOR_LATER not in replies and outcome.state["state"] == "email"
    assert not [effect for effect in outcome.effects if isinstance(effect, Escalate)]


# -- 5. a meal before going on with the photos is a pause, not the photos finished ----------------------------------------
def test_a_meal_before_the_rest_of_the_photos_is_a_pause(kb):
    """"饭好了 吃完再拍" finished the photos (read as 拍完); it keeps them for later."""
    outcome = play(kb, *AT_PHOTOGRAPHING, "要开饭了 吃完接着拍")
    assert render.SAVED_FOR_LATER in "\n".join(outcome.replies)


# -- 6. how many photos were sent, asked while photographing, finishes or drops nothing -----------------------------------
@pytest.mark.parametrize("said", ["这一项我传了几张了", "这个我总共发过去几张了", "刚才那项发了几张啊"])
def test_how_many_photos_were_sent_asked_keeps_the_item_in_hand(chat, said):
    """"我这项一共发了几张" finished the item's photos (read as 完成); other wordings cancelled its upload (取消) or
    deleted the last photo: asked, not done. The photos and the item stay as they were."""
    application_in(chat, "draft")
    chat.send("2")
    chat.conversations.handle(chat.user, Image("p1"))
    chat.conversations.handle(chat.user, Image("p2"))
    chat.send(said)
    assert chat.state["material"] == "commitment_letter" and chat.state["photos"] == ["p1", "p2"]


# -- 7. a degree typed by its pinyin initials ----------------------------------------------------------------------------
AT_LEVEL = [*AGREED, *BASIC, "2", "是", "否"]


@pytest.mark.parametrize("said, level", [("zk", "college"), ("yjs", "master")])
def test_a_degree_typed_by_its_initials_is_saved(kb, said, level):
    """"bk" for 本科, like "sfz" and "jzz" already, was read as a murmur and the question asked again."""
    outcome = play(kb, *AT_LEVEL, said)
    assert outcome.state["answers"].get("edu_level") == level


# -- 8. no children said in the northeast's words ------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["俺们还没整小孩呢", "还没整娃"])
def test_no_child_had_yet_in_northeastern_words_is_none(kb, said):
    """"还没整孩子呢" (整: to have, get, do) was read as a murmur: it says no children, 0."""
    outcome = play(kb, *AT_CHILDREN, said)
    assert outcome.state["answers"].get("children") == 0


# -- 9. the spouse said figuratively at the spouse options ---------------------------------------------------------------
AT_SPOUSE = [*AGREED, *BASIC[:4], "已婚", *BASIC[5:]]


@pytest.mark.parametrize("said", ["我家那口子想加成同住人", "另一半想加进来当同住人"])
def test_the_spouse_said_figuratively_is_added_as_companion(kb, said):
    """"俺家那口子 想加成同住人" chose nothing: 老公/老婆 said so was read, 那口子/另一半 was not."""
    outcome = play(kb, *AT_SPOUSE, said)
    assert outcome.state["answers"].get("spouse_options") == ["spouse_companion"]
