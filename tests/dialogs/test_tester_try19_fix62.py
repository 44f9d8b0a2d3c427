"""The tester's try19 photo and materials-stage findings (fix62), each through the engine: a photo moved out "for item N"
is filed there when N is chosen, as the bot said it would be."""
from __future__ import annotations

import pytest

from dialogs.events import BuildMaterial, Image
from tests.support.chat import BASIC, Chat, answer_all, application_in, at_question, events_after, play, returned_with, start

OPENING = ("你好", "1", "2027-08-25", "同意")
APPLICANT = ("张伟", "110101199003078515", "上海星河科技有限公司", "0", "未婚", "13800138000", "a@b.com")
AT_CHECKLIST = (*OPENING, *APPLICANT, "0", "确认")


def _returned_family(chat: Chat, returned: tuple[str, ...]) -> Chat:
    """A married applicant with a child, the spouse added, returned with ``returned`` (every other item approved)."""
    start(chat, "积分新办")
    answer_all(chat, [*BASIC[:3], "1", "已婚", *BASIC[5:], "1", "0", "确认"])
    app = chat.application
    materials = {code: {"status": "returned", "reason": "看不清"} if code in returned else {"status": "approved"}
                 for code in app["checklist"]}
    chat.conversations.store.update("application", app["id"], lambda a: {**a, "status": "returned", "materials": materials})
    return chat


def _built(outcomes) -> list[tuple[str, tuple[str, ...]]]:
    return [(e.code, e.media_ids) for o in outcomes for e in o.effects if isinstance(e, BuildMaterial)]


# -- V2: a photo moved out "for item N" goes into N when N is chosen, as promised -------------------------------------
def test_a_photo_moved_out_for_another_item_is_filed_there_when_it_is_chosen(kb):
    outcomes = events_after(kb, play(kb, *AT_CHECKLIST).state, "4", Image("p1"), Image("p2"), "第二张是户口本的 发错了",
                      "完成", "5", Image("p3"), "完成")
    assert "之后回复 5 选择“户籍证明”" in "\n".join(outcomes[3].replies)
    assert "已归入这项材料" in "\n".join(outcomes[5].replies)
    assert _built(outcomes)[-1] == ("household_register", ("p2", "p3"))
    assert outcomes[-1].state["unassigned"] == []


# -- V5: a photo sent while "换到…之前，这 1 页怎么处理？" is open is the item typed, never a page of the one in hand ----
def test_a_photo_sent_while_the_switch_is_asked_is_kept_for_the_item_typed(kb):
    outcomes = events_after(kb, play(kb, *AT_CHECKLIST).state, "4", Image("p1"), "5", Image("p2"), "完成")
    assert "这 1 页怎么处理" in "\n".join(outcomes[2].replies)
    assert "先为“户籍证明”保存着" in "\n".join(outcomes[3].replies)
    assert _built(outcomes) == [("residence_permit", ("p1",))]
    assert outcomes[-1].state["material"] == "household_register" and outcomes[-1].state["photos"] == ["p2"]


def test_the_pages_in_hand_moved_to_the_item_typed_take_the_photo_kept_for_it(kb):
    outcomes = events_after(kb, play(kb, *AT_CHECKLIST).state, "4", Image("p1"), "5", Image("p2"), "B")
    assert _built(outcomes) == []
    assert outcomes[-1].state["material"] == "household_register" and outcomes[-1].state["photos"] == ["p1", "p2"]


def test_going_on_with_the_item_in_hand_keeps_its_pages(kb):
    outcomes = events_after(kb, play(kb, *AT_CHECKLIST).state, "4", Image("p1"), "5", "继续拍", Image("p2"))
    assert outcomes[-1].state["material"] == "residence_permit" and outcomes[-1].state["photos"] == ["p1", "p2"]


# -- V14: "这是哪一项材料？" answered by describing the material files the photo under the item offered it names -------
@pytest.mark.parametrize("said", ["是孩子户籍证明 补的那页", "孩子的户口页"])
def test_the_photo_asked_about_goes_to_the_offered_item_its_description_names(chat, said):
    _returned_family(chat, ("marriage_certificate", "child_birth_certificate"))
    assert "这是哪一项材料" in "\n".join(chat.conversations.handle(chat.user, Image("page-1")))
    reply = chat.send(said)
    assert "已归入这项材料" in reply and "替换这一项原来的整个文件" in reply
    assert chat.state["material"] == "child_birth_certificate" and chat.state["photos"] == ["page-1"]


# -- V17: "…明天才能拿到 先交这个行不行" after a return is whether part may be submitted: no, and what to do ------------
@pytest.mark.answers_questions
@pytest.mark.parametrize("said", ["户籍证明在派出所开 明天才能拿到 先交这个行不行",
                                  "劳动合同还在单位人事那 明天才能拿到 先交这个行不行",
                                  "户口本在老家 过两天才寄到 先把合同交上去可以吗"])
def test_asking_to_hand_in_part_after_a_return_is_told_no_part_is_submitted(chat, said):
    returned_with(chat, {"household_register": "看不清", "labor_contract": "缺少盖章页"})
    chat.conversations.store.update("application", chat.application["id"], lambda a: {
        **a, "materials": {**a["materials"], "labor_contract": {"status": "uploaded", "sha256": "x", "pages": 2}}})
    reply = chat.send(said)
    assert "不能只交一部分" in reply and "传齐了回复“提交”" in reply
    assert not chat.state.get("paused") and "审核意见" not in reply and chat.application["status"] == "returned"


# -- V21: "网页上提交了 你们收到了吗" once submitted: received, when, and the status (never the bare checklist) ----------
@pytest.mark.answers_questions
@pytest.mark.parametrize("said", ["网页上提交了 你们收到了吗", "我在网页上交了 收到没", "材料交上去了 你们那边有没有收到"])
def test_asking_whether_a_submission_arrived_is_told_it_did_and_where_it_stands(chat, said):
    application_in(chat, "submitted", submitted_at="2026-11-24T09:30:00+08:00")
    reply = chat.send(said)
    assert reply.startswith("已收到您提交的材料（提交于 2026-11-24 09:30）") and "线上材料待审核" in reply
    assert "当前步骤" not in reply


@pytest.mark.answers_questions
def test_asking_whether_it_arrived_while_returned_is_no_submission_said_received(chat):
    returned_with(chat, {"household_register": "看不清"})
    assert "已收到您提交的材料" not in chat.send("网页上提交了 你们收到了吗")


# -- V22: "可以让别人帮我上传吗" is a question (the sources are silent: said so, 人工 offered), never a request for a person
@pytest.mark.answers_questions
@pytest.mark.parametrize("said", ["可以让别人帮我上传吗", "材料能让我同事替我传吗"])
def test_someone_else_uploading_is_answered_without_opening_an_escalation(chat, said):
    at_question(chat, "employer")
    reply = chat.send(said)
    assert "公开资料没有写预审材料能不能由别人代为上传" in reply and "回复“人工”" in reply
    assert chat.conversations.store.count("escalation") == 0 and chat.state["state"] == "employer"


@pytest.mark.answers_questions
def test_someone_else_uploading_asked_at_the_checklist_is_answered_too(chat):
    application_in(chat, "draft")
    reply = chat.send("可以让别人帮我上传吗")
    assert "公开资料没有写预审材料能不能由别人代为上传" in reply and chat.conversations.store.count("escalation") == 0


# -- V13: after a district question, another question gets its own answer, not the district's again --------------------
@pytest.mark.answers_questions
@pytest.mark.parametrize("then, own", [("我下周要出差 能不能让同事帮我传材料", "代为上传"),
                                       ("我下周要出差 能不能晚几天再传", None)])
def test_a_question_after_a_district_question_is_not_given_the_districts_answer(chat, then, own):
    application_in(chat, "draft")
    assert "其他区的人才服务中心" in chat.send("嘉定的材料交到哪里")
    reply = chat.send(then)
    assert "其他区的人才服务中心" not in reply and (own is None or own in reply)


@pytest.mark.answers_questions
def test_a_follow_up_about_the_district_still_gets_its_answer(chat):
    application_in(chat, "draft")
    chat.send("嘉定的材料交到哪里")
    assert "其他区的人才服务中心" in chat.send("电话多少")


def test_a_photo_promised_to_an_item_is_not_filed_in_another_named_for_later_photos(kb):
    # review4 S3: "6" in reply to "这是哪一项材料？" filed the photo promised to 户籍证明 (item 5) in the contract as well
    outcomes = events_after(kb, play(kb, *AT_CHECKLIST).state, "4", Image("p1"), Image("p2"), "第二张是户口本的 发错了",
                      "完成", Image("p3"), "6", "完成")
    state = outcomes[-1].state
    assert state["material"] == "labor_contract" and state["photos"] == ["p3"]
    assert state["unassigned"] == ["p2"] and state["kept_for"] == {"p2": "household_register"}
