"""The checklist (materials point), photographing and the commands, read right by cause across the development sets
(nlu33), each cause in new words (none of the sets' texts), through the engine: which item is opened, deleted or
photographed again, and which step follows."""
from __future__ import annotations

import pytest

from dialogs.events import Image
from tests.support.chat import BASIC, events_after, play

AGREED = ["你好", "积分新办", "2027-08-25", "同意"]
# 1. 咨询服务委托单 2. 承诺书 3. 持证人身份证(正反面) 4. 上海市居住证 5. 户籍证明 6. 劳动(聘用)合同
AT_CHECKLIST = [*AGREED, *BASIC, "0", "确认"]


# -- 1. an item's place said in a clause of its own beside its name: the place ----------------------------------------
@pytest.mark.parametrize("said, opened", [
    ("第四项 户口那个", "上海市居住证"),
    ("六 就户口本那份", "劳动(聘用)合同"),
])
def test_an_items_place_beside_a_name_opens_the_place(kb, said, opened):
    """"十一 就社保缴费那张", "第6项 合同是续签的那份", "学信网那个 第9项": the number points at the list, the words beside it
    only describe; the item the name resembled was opened instead (or a question answered)."""
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.replies[0].startswith(opened)


# -- 2. an item by its name misspelt with another zhu (居著证, 居驻证): that item ----------------------------------------
@pytest.mark.parametrize("said", ["居著证那项 咋拍", "拍居驻证"])
def test_an_item_misspelt_by_a_homophone_is_that_item(kb, said):
    """"居著证 那项 怎么拍": the misspelt name was no item, and the message declined as out of scope (or answered with
    how to choose a material)."""
    assert play(kb, *AT_CHECKLIST, said).replies[0].startswith("上海市居住证")


# -- 3. another material photographed instead, said with 改 ("改拍…"): that item, never an answer's edit -----------------
@pytest.mark.parametrize("said", ["改拍居住证", "改拍第4项"])
def test_another_item_photographed_instead_is_chosen_not_an_answer_edited(kb, said):
    """"改拍居住证" while the ID card was being photographed: read as 改 + the permit, it asked for the permit's expiry
    date again, the photos left behind for an answer nobody meant to change."""
    outcome = play(kb, *AT_CHECKLIST, "3", said)
    assert outcome.replies[0].startswith("上海市居住证") and outcome.state["state"] == "materials"


# -- 4. an item deleted in a programmer's words (rm, del) with its place: the delete, never its photos asked for -------
@pytest.mark.parametrize("said", ["rm 第4项 拍糊了", "del 第五项"])
def test_an_item_deleted_by_rm_or_del_is_the_delete(kb, said):
    """"rm 第九项 传错了": read as the item chosen, its requirement was shown and photos asked for, the wrong file kept."""
    reply = play(kb, *AT_CHECKLIST, said).replies[0]
    assert "删除" in reply and not reply.startswith(("上海市居住证：", "户籍证明："))


# -- 5. the item in hand photographed again from the start, told in colloquial words with why: retake ---------------
def _photographing_the_id_card(kb):
    """The ID card chosen and two photos of it sent."""
    state = play(kb, *AT_CHECKLIST, "3").state
    return events_after(kb, state, Image("p1"), Image("p2"))[-1].state


@pytest.mark.parametrize("said", ["拍糊了 这一项全部再弄一遍", "台灯反光 这项从新来过", "食指挡住了 我重拍这一项"])
def test_the_item_in_hand_photographed_again_keeps_the_item_and_clears_its_photos(kb, said):
    """"拍得太糊了 重新来", "这项从头拍一遍吧 光线太暗", "我要重拍这项": the item was cancelled (its photos thrown away and
    the list shown), the last photo alone dropped, or nothing done: the applicant meant to photograph it again."""
    outcome = events_after(kb, _photographing_the_id_card(kb), said)[0]
    assert outcome.state["material"] == "id_card" and outcome.state["photos"] == []


# -- 6. the item in hand set aside for the list: cancel, not the list shown with the item still in hand --------------
@pytest.mark.parametrize("said", ["这项先搁着 回列表", "这个先搁一下 回到清单"])
def test_the_item_in_hand_set_aside_for_the_list_is_cancelled(kb, said):
    """"先跳过这个 回清单", "这项先放一边 回到清单": the list was shown and the item stayed in hand, so the photos sent next
    went to the item the applicant had set aside."""
    outcome = events_after(kb, play(kb, *AT_CHECKLIST, "3").state, said)[0]
    assert outcome.state["material"] is None and "已取消" in outcome.replies[0]


# -- 7. another material named while one is photographed (换成…, 去拍…): that item opened -----------------------------
@pytest.mark.parametrize("said, opened", [("换成承诺书", "承诺书："), ("那就先弄户口簿吧", "户籍证明：")])
def test_another_item_named_while_photographing_opens_it(kb, said, opened):
    """"换成承诺书", "去拍户籍证明": read as the one in hand cancelled (or a pause), the applicant was told a generated
    item cannot be deleted, or that the form was kept for later."""
    outcome = events_after(kb, play(kb, *AT_CHECKLIST, "3").state, said)[0]
    assert outcome.replies[0].startswith(opened)


# -- 8. the photos said done with a sigh beside: finished ------------------------------------------------------------
@pytest.mark.parametrize("said", ["拍完啦 累死", "终于拍齐了 肩膀好酸"])
def test_photos_said_done_with_a_sigh_are_finished(kb, said):
    """"唉 终于拍完了 手都酸了": read as small talk, the photos waited and the applicant was asked to go on photographing."""
    outcome = events_after(kb, _photographing_the_id_card(kb), said)[0]
    assert outcome.state["material"] is None and "合成" in outcome.replies[0]


# -- 9. the business type changed to, settled with 吧/得了 after it: that type ------------------------------------------
@pytest.mark.parametrize("said, chosen", [("改成单位变更吧", "employer_change"), ("改成续办呗", "renew")])
def test_a_type_changed_to_with_a_settling_word_after_it_is_chosen(kb, said, chosen):
    """"改成单位变更得了" where the type is asked: the 得了 kept the words from being the option's, and the applicant was
    told which answers can be edited (none yet), the type asked again."""
    assert play(kb, "你好", said).state["answers"].get("business_type") == chosen


# -- 10. the employer said changed where the type is asked: 单位信息变更 with the new employer --------------------------
@pytest.mark.parametrize("before", [(), ("你好",)])
def test_an_employer_edit_where_the_type_is_asked_is_the_employer_change(kb, before):
    """"要改单位 现在在上海…有限公司" as the first message or where the type is asked: read as an edit with nothing yet to
    edit, the applicant was told the employer would be asked later and the type asked again, the new employer lost."""
    answers = play(kb, *before, "想改下单位 新公司是上海星河物流有限公司").state["answers"]
    assert answers.get("business_type") == "employer_change" and answers.get("employer") == "上海星河物流有限公司"


# -- 11. the business asked for after 本人 in a first message: no name -----------------------------------------------
@pytest.mark.parametrize("said, chosen", [("老师好 本人需办理 积分新办 麻烦了", "new"), ("本人要办 单位变更", "employer_change")])
def test_the_business_asked_for_after_benren_is_no_name(kb, said, chosen):
    """"请问 本人需办理 积分续办": 本人 introduces a name ("…本人"), and the verb after it, three characters of a name's
    shape, was saved as the applicant's name ("需办理") beside the type."""
    answers = play(kb, said).state["answers"]
    assert answers.get("business_type") == chosen and "name" not in answers
