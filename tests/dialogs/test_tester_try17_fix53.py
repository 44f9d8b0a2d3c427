"""try17's findings on photos sent in chat (fix53): the offers the bot makes are honoured by the answer they ask for,
photos waiting are never dropped unsaid nor carried across a submission, a return takes photos for its returned
items only, and pages are kept or dropped as said. Through the engine on a real store."""
from __future__ import annotations

import pytest

from dialogs import lifecycle
from dialogs.events import Image
from tests.support.chat import BASIC, TODAY, answer_all, start

pytestmark = pytest.mark.answers_questions

LAST = "labor_contract"  # item 6 of the unmarried applicant's checklist (BASIC)


def photo(chat, media_id: str) -> str:
    return "\n".join(chat.conversations.handle(chat.user, Image(media_id)))


def change(chat, how) -> None:
    chat.conversations.store.update("application", chat.application["id"], how)


def uploaded(codes) -> dict:
    return {c: {"sha256": c[:2].encode().hex() * 16, "pages": 1, "size": 9, "status": "uploaded", "source": "upload"}
            for c in codes}


@pytest.fixture
def one_item_left(chat):
    """A draft whose every item but the last (6. 劳动(聘用)合同) is uploaded on the page."""
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    change(chat, lambda a: {**a, "materials": uploaded(c for c in a["checklist"] if c != LAST)})
    return chat


@pytest.fixture
def two_waiting(one_item_left):
    """Two photos sent with no item chosen, the one item left offered under them."""
    photo(one_item_left, "p1")
    assert "是这一项的照片请回复 6" in photo(one_item_left, "p2")
    return one_item_left


# -- 1. an offer is honoured by the answer it asks for (T7, T8, T25) ------------------------------------------------------
def test_submit_with_photos_waiting_asks_about_them_and_the_number_offered_files_them(two_waiting):
    reply = two_waiting.send("好了 提交吧")
    assert "2 张照片还没有归入任何材料" in reply and "回复 6" in reply
    two_waiting.send("6")
    assert two_waiting.state["material"] == LAST and two_waiting.state["photos"] == ["p1", "p2"]
    assert two_waiting.state["unassigned"] == []


def test_a_yes_to_the_one_item_offered_files_the_photos(two_waiting):
    two_waiting.send("提交")
    reply = two_waiting.send("是")
    assert "2 张照片已归入这项材料" in reply and two_waiting.state["photos"] == ["p1", "p2"]


def test_the_question_about_photos_waiting_stands_through_other_messages(two_waiting):
    two_waiting.send("进度")  # the list's question lapses
    assert "是的话回复“是”" in two_waiting.send("6")
    two_waiting.send("提交")
    reply = two_waiting.send("是")
    assert "持证人身份证" not in reply and "2 张照片已归入这项材料" in reply
    assert two_waiting.state["photos"] == ["p1", "p2"]


def test_the_photos_said_to_be_the_item_chosen_are_filed_never_said_absent(two_waiting):
    two_waiting.send("进度")
    two_waiting.send("6")
    two_waiting.send("什么时候能审完")
    reply = two_waiting.send("刚才发的两张就是劳动合同啊")
    assert "没有待生成" not in reply and two_waiting.state["photos"] == ["p1", "p2"]


def test_finishing_an_item_chosen_with_photos_waiting_files_them(two_waiting):
    two_waiting.send("进度")
    two_waiting.send("6")
    reply = two_waiting.send("完成")
    assert "还没有收到照片" not in reply and "正在把 2 张照片合成" in reply
    assert two_waiting.state["unassigned"] == [] and two_waiting.state["material"] is None


def test_the_letter_asked_for_answers_replace_or_keep_after_another_message(one_item_left):
    one_item_left.send("6")
    photo(one_item_left, "p1")
    change(one_item_left, lambda a: {**a, "materials": {**a["materials"], **uploaded([LAST])}})  # the page, meanwhile
    assert "请回复 A 或 B" in one_item_left.send("完成")
    assert "请回复 A 或 B" in one_item_left.send("提交")  # what stands before submitting is that question
    reply = one_item_left.send("B")
    assert "保留网页上传的文件" in reply and one_item_left.state["photos"] == []


# -- 2. photos waiting are named at 提交 and never carried across a submission (T6, T9, T25, T49) --------------------------
def submitted_and_returned(chat, returned: list[str]) -> None:
    """The application submitted on the web page, then returned with ``returned`` (the rest approved)."""
    change(chat, lambda a: lifecycle.submitted(a, TODAY))
    verdicts = {c: {"status": "returned", "reason": "看不清"} if c in returned else {"status": "approved"}
                for c in chat.application["checklist"]}
    change(chat, lambda a: lifecycle.reviewed(a, materials=verdicts, decision="returned", reason="", reviewer="r",
                                              now=TODAY))


def test_submit_is_refused_while_photos_wait_for_an_item(one_item_left):
    change(one_item_left, lambda a: {**a, "materials": uploaded(a["checklist"])})
    photo(one_item_left, "p1")
    reply = one_item_left.send("提交")
    assert "1 张照片还没有归入任何材料" in reply and one_item_left.application["status"] == "draft"


def test_photos_waiting_before_a_submission_on_the_page_are_said_dropped_and_never_filed_later(two_waiting):
    change(two_waiting, lambda a: {**a, "materials": uploaded(a["checklist"])})
    submitted_and_returned(two_waiting, ["household_register"])
    reply = two_waiting.send("5")
    assert "2 张照片" in reply and "不再使用" in reply
    assert "之前发送的 2 张照片" not in reply.split("不再使用")[1]  # never offered for the returned item
    assert two_waiting.state["unassigned"] == [] and two_waiting.state["material"] == "household_register"


def test_an_item_in_hand_before_a_return_takes_no_photo_of_the_return(one_item_left):
    one_item_left.send("2")
    photo(one_item_left, "p1")
    change(one_item_left, lambda a: {**a, "materials": uploaded(a["checklist"])})
    submitted_and_returned(one_item_left, [LAST])
    photo(one_item_left, "r1")
    assert one_item_left.state["material"] is None and one_item_left.state["unassigned"] == ["r1"]
    one_item_left.send("6")
    assert one_item_left.state["material"] == LAST and one_item_left.state["photos"] == ["r1"]


def test_a_return_withdrawn_ends_the_upload_of_its_item(one_item_left):
    change(one_item_left, lambda a: {**a, "materials": uploaded(a["checklist"])})
    submitted_and_returned(one_item_left, ["id_card"])
    one_item_left.send("3")
    change(one_item_left, lambda a: lifecycle.return_withdrawn(a, note="看错了", reviewer="r", now=TODAY))
    reply = photo(one_item_left, "x1")
    assert "正在审核中" in reply and "第 1 页" not in reply and one_item_left.state["material"] is None


# -- 3. during a return a photo with no item chosen lists the returned items (T10) -----------------------------------------
def test_a_photo_at_a_return_lists_only_the_returned_items(one_item_left):
    change(one_item_left, lambda a: {**a, "materials": uploaded(a["checklist"])})
    submitted_and_returned(one_item_left, ["commission_form", LAST])
    reply = photo(one_item_left, "r1")
    assert "1. 咨询服务委托单【已退回】" in reply and "6. 劳动(聘用)合同【已退回】" in reply
    assert "2. 承诺书" not in reply and "已审核" not in reply


# -- 4. pages kept and dropped as said (T11, T26) ------------------------------------------------------------------------
@pytest.fixture
def three_pages(one_item_left):
    one_item_left.send("6")
    for media_id in ("a", "b", "c"):
        photo(one_item_left, media_id)
    return one_item_left


@pytest.mark.parametrize("said", ["不对不对 只有最后那张是劳动合同 前面两张不是", "前两张删掉", "只要最后一张"])
def test_the_last_page_said_to_be_the_one_is_kept_and_the_first_two_dropped(three_pages, said):
    reply = three_pages.send(said)
    assert three_pages.state["photos"] == ["c"] and "第 1 张、第 2 张" in reply and "共 1 页" in reply


@pytest.mark.parametrize("said", ["前两张删掉", "后面两张不要"])
def test_as_many_pages_as_there_are_named_to_drop_drops_them_all(one_item_left, said):
    # the read before stopping: with 2 pages "前两张删掉" dropped only the last and kept the first
    one_item_left.send("6")
    photo(one_item_left, "a")
    photo(one_item_left, "b")
    reply = one_item_left.send(said)
    assert one_item_left.state["photos"] == [] and "第 1 张、第 2 张" in reply


def test_only_the_last_after_a_page_was_dropped_keeps_the_last_of_those_left(three_pages):
    three_pages.send("删除上一张")
    three_pages.send("只要最后一张")
    assert three_pages.state["photos"] == ["b"]


def test_a_bare_yes_after_the_items_own_photos_asks_again_and_the_next_yes_files(two_waiting):
    two_waiting.send("进度")
    two_waiting.send("6")
    photo(two_waiting, "p3")
    reply = two_waiting.send("是")
    assert "持证人身份证" not in reply and "2 张照片还没有归入任何材料" in reply and two_waiting.state["photos"] == ["p3"]
    two_waiting.send("是")
    assert two_waiting.state["photos"] == ["p1", "p2", "p3"] and two_waiting.state["unassigned"] == []


# -- 4b. a wrong file is withdrawn from the chat, as the upload page's 删除 does (T4) ---------------------------------------
@pytest.mark.parametrize("said", ["撤回刚才那个劳动合同 传错了", "删除劳动合同", "删掉第6项"])
def test_a_wrong_file_is_withdrawn_and_the_item_is_not_uploaded_again(one_item_left, said):
    change(one_item_left, lambda a: {**a, "materials": uploaded(a["checklist"])})
    asked = one_item_left.send(said)  # asked first, as the page's 删除 asks (fix56)
    assert "不能单独删除" not in asked and "确定删除“劳动(聘用)合同”已上传的文件吗" in asked
    assert "已删除“劳动(聘用)合同”已上传的文件" in one_item_left.send("是")
    assert LAST not in one_item_left.application["materials"]


def test_a_conversation_stored_before_the_round_was_kept_keeps_its_photos(one_item_left):
    # the read before stopping: a state written before upload_round existed read as "draft" once deployed, and the
    # first message of an applicant mid-return dropped the photos in hand as if the application had moved
    change(one_item_left, lambda a: {**a, "materials": uploaded(a["checklist"])})
    submitted_and_returned(one_item_left, [LAST])
    one_item_left.send("6")
    photo(one_item_left, "r1")
    store = one_item_left.conversations.store
    store.update("conversation", one_item_left.user, lambda s: {k: v for k, v in s.items() if k != "upload_round"})
    one_item_left.send("完成")  # one page of a contract's two: asked once, "完成" again makes it
    reply = one_item_left.send("完成")
    assert "不再使用" not in reply and one_item_left.state["material"] is None  # the page made into the item
