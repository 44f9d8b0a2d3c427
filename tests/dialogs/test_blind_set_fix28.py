"""fix28: messages a blind development set found read wrong — a school said with its level, a name said with a
question, a type asked for half in English, progress asked at the start, a Northern yes at the summary, a refusal
at the consent with a plan, a name given by an HR clerk — and uploads set aside kept after submission."""
from __future__ import annotations

import pytest

from bot.applicant.conversation import Conversations
from bot.applicant.effects import Effects
from bot.desk.data_rights import delete_user, export_user
from storage.files import FileStore
from tests.support.chat import (
    BASIC, TODAY, Chat, answer_all, application_in, at_consent, at_married_checklist, at_married_summary, at_question,
    start,
)

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


def at_school(chat) -> None:
    """A new application asked for the school, the level answered 本科."""
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "学历", "是", "否", "本科"])
    assert chat.state["state"] == "edu_school"


# -- 1: a school said with its level -------------------------------------------------------------------------
@pytest.mark.parametrize("said, school, level", [("华中科大 硕士", "华中科大", "master"),
                                                 ("西南交大，本科毕业", "西南交大", "bachelor"),
                                                 ("中南财大 博士", "中南财大", "doctor")])
def test_a_school_said_with_its_level_saves_the_school_without_the_level(chat, said, school, level):
    at_school(chat)
    reply = chat.send(said)
    answers = chat.state["answers"]
    assert answers["edu_school"] == school and answers["edu_level"] == level
    assert f"最高学历毕业院校全称：{school}" in reply


def test_a_level_said_with_the_school_unlike_the_one_answered_is_said_to_have_changed(chat):
    at_school(chat)
    reply = chat.send("华中科大 硕士")
    assert "“学历层次”您之前回复的是“本科”" in reply and "硕士研究生" in reply


# -- 2: a name said with a question about it -----------------------------------------------------------------
@pytest.mark.parametrize("said, name", [("上官海生 复姓要连在一起写吗", "上官海生"),
                                        ("王建生，名字要和身份证一样吗", "王建生"),
                                        ("诸葛春生 两个字的姓怎么填", "诸葛春生")])
def test_a_name_ending_in_sheng_said_with_a_question_is_saved_and_the_question_answered(chat, said, name):
    at_question(chat, "name")
    reply = chat.send(said)
    assert chat.state["answers"]["name"] == name and chat.state["state"] == "id_number"
    assert f"姓名记录为：{name}" in reply and "继续办理" in reply  # the question had its answer before the next one


@pytest.mark.parametrize("said", ["应届毕业生 要填吗", "研究生 要填吗", "王生"])
def test_who_one_is_is_still_no_name(chat, said):
    at_question(chat, "name")
    chat.send(said)
    assert "name" not in chat.state["answers"]


# -- 3: a business type asked for half in English ------------------------------------------------------------
@pytest.mark.parametrize("said, label", [("我想 renew 一下积分", "积分续办"), ("please renew 一下", "积分续办"),
                                         ("first time 办这个", "积分新办"), ("要 change 一下 company 信息", "单位信息变更")])
def test_a_type_asked_for_half_in_english_is_chosen_at_the_start_and_at_the_menu(chat, conversations, said, label):
    reply = chat.send(said)  # the first message
    assert f"好的，为您办理：{label}" in reply and chat.state["state"] == "permit_expiry"
    other = Chat(conversations, "applicant-2")
    other.send("你好")
    assert f"好的，为您办理：{label}" in other.send(said) and other.state["state"] == "permit_expiry"


def test_a_type_asked_for_wholly_in_english_still_gets_the_chinese_only_reply(chat):
    chat.send("你好")
    assert "本服务目前只支持中文" in chat.send("I would like to renew please")


# -- 4: how far one got, asked anywhere --------------------------------------------------------------------
@pytest.mark.parametrize("said", ["上一次填到哪里了", "上回弄到哪儿了", "前几天弄到哪了"])
def test_how_far_one_got_asked_mid_application_shows_the_progress(chat, said):
    at_question(chat, "children")
    reply = chat.send(said)
    assert "当前进度：填写基本信息" in reply and "已填写：" in reply and chat.state["state"] == "children"


@pytest.mark.parametrize("said", ["之前我办到哪儿了？", "我以前弄到哪儿啦", "上一次填到哪里了"])
def test_how_far_one_got_asked_at_the_summary_is_no_edit(chat, said):
    at_married_summary(chat)
    reply = chat.send(said)
    assert "当前进度：" in reply and "请告诉我要修改哪一项" not in reply


@pytest.mark.parametrize("said", ["我前几天办到哪一步了", "我以前办到哪一步了"])
def test_how_far_one_got_asked_first_says_there_is_nothing_yet_not_a_knowledge_base_answer(chat, said):
    reply = chat.send(said)
    assert "还没有开始办理，暂时没有进度可查" in reply


def test_how_far_one_got_asked_with_a_checklist_lists_what_is_left(chat):
    application_in(chat, "draft")
    reply = chat.send("前几天弄到哪了")
    assert "还需上传" in reply and "【未上传】" in reply


# -- 5: a Northern yes at the summary ----------------------------------------------------------------------
@pytest.mark.parametrize("said", ["中 就这么弄吧", "中啊 就这吧", "行嘞 就这么着吧"])
def test_a_northern_okay_to_go_with_it_confirms_the_summary(chat, said):
    at_married_summary(chat)
    assert "已根据您的情况生成材料清单" in chat.send(said) and chat.state["state"] == "materials"


def test_a_northern_okay_with_a_change_confirms_nothing_and_opens_the_change(chat):
    at_married_summary(chat)
    chat.send("中 就这样 不过手机号要改")
    assert chat.state["state"] == "mobile" and chat.application is None


# -- 6: a refusal at the consent with a plan to go to the window ---------------------------------------------
@pytest.mark.parametrize("said", ["算了不签了 我去人才中心办", "那我还是不同意吧 去现场交", "算了 我不同意 自己跑一趟窗口"])
def test_a_refusal_to_go_to_the_window_is_taken_as_said_with_where_to_go(chat, kb, said):
    at_consent(chat)
    reply = chat.send(said)
    assert "您不同意承诺和须知" in reply and kb.entry("which-centre").answer in reply
    assert "超出了我能回答的范围" not in reply and "请回复“同意”。对承诺" not in reply
    assert chat.state["state"] == "consent" and "consent" not in chat.state["answers"]
    assert "好的，为您办理" not in chat.send("同意") and chat.state["state"] == "name"  # the way back stays open


def test_a_bare_refusal_still_asks_for_the_consent(chat):
    at_consent(chat)
    assert "需要您同意以上承诺和须知才能继续办理" in chat.send("不同意")


# -- 7: an HR clerk naming the employee --------------------------------------------------------------------
@pytest.mark.parametrize("said, name", [("我是人事 替同事申请的 他叫韩立", "韩立"), ("给我们单位员工办 名字是苏晴", "苏晴"),
                                        ("HR代填 员工叫马骁", "马骁")])
def test_a_name_given_by_the_employer_for_an_employee_is_saved_with_the_note_that_the_employee_applies(chat, said, name):
    at_question(chat, "name")
    reply = chat.send(said)
    assert chat.state["answers"]["name"] == name and chat.state["state"] == "id_number"
    assert f"姓名记录为：{name}。申请人是员工本人" in reply and f"填写{name}本人的" in reply


def test_a_name_typed_alone_has_no_note_of_an_employee(chat):
    at_question(chat, "name")
    assert "员工" not in chat.send("韩立")


# -- 8 (review6 R1): uploads set aside are dropped at submission, their files with them -----------------------
@pytest.fixture
def files(tmp_path) -> FileStore:
    return FileStore(tmp_path / "files")


@pytest.fixture
def filing_chat(sqlite_store, files) -> Chat:
    """A chat whose submissions reach the file store, as the deployed runtime's do."""
    effects = Effects(sqlite_store, now=lambda: TODAY, files=files)
    return Chat(Conversations(sqlite_store, now=lambda: TODAY, effects=effects))


def stored_as(chat, files: FileStore, contents: dict[str, bytes]) -> dict[str, str]:
    """Each item's PDF stored and saved as its upload, as the build_material job does; their SHA-256 by item."""
    shas = {code: files.put(data) for code, data in contents.items()}
    chat.conversations.store.update("application", chat.application["id"], lambda a: {
        **a, "materials": {**(a.get("materials") or {}),
                           **{code: {"status": "uploaded", "sha256": sha, "pages": 1} for code, sha in shas.items()}}})
    return shas


def test_uploads_set_aside_are_dropped_at_submission_and_only_their_unshared_files_deleted(filing_chat, files):
    chat = filing_chat
    at_married_checklist(chat)
    aside = stored_as(chat, files, {"spouse_companion": b"%PDF spouse", "marriage_certificate": b"%PDF shared"})
    for text in ["修改 婚姻状况", "未婚", "确认"]:
        chat.send(text)
    assert set(chat.application["set_aside"]) == {"spouse_companion", "marriage_certificate"}
    # every item still on the checklist uploaded; one holds the same content as a set-aside upload
    kept = stored_as(chat, files, {code: (b"%PDF shared" if i == 0 else f"%PDF {code}".encode())
                                   for i, code in enumerate(chat.application["checklist"])})
    chat.send("提交")
    record = chat.application
    assert record["status"] == "submitted" and record["set_aside"] == {}
    assert not files.exists(aside["spouse_companion"])  # no submitted item shares it: deleted
    assert all(files.exists(sha) for sha in kept.values())  # the submitted ones intact, the shared content too
    assert set(record["materials"]) == set(record["checklist"])
    export = export_user(chat.conversations.store, files, chat.user, TODAY)
    assert sorted(f["material"] for f in export["files"]) == sorted(record["checklist"])
    assert all(f["stored"] for f in export["files"])
    deletion = delete_user(chat.conversations.store, files, chat.user, actor="test", secret_key="k")
    assert deletion.files_deleted == len(set(kept.values())) and deletion.files_kept_shared == 0


# -- 9: why it was returned, asked at the returned state ----------------------------------------------------
def returned_with_a_reason(chat) -> None:
    application_in(chat, "draft")
    codes = chat.application["checklist"]
    chat.conversations.store.update("application", chat.application["id"], lambda a: {
        **a, "status": "returned", "return_reason": "请补充材料",
        "materials": {c: ({"status": "returned", "reason": "反面拍得不清楚"} if c == "id_card"
                          else {"status": "approved", "sha256": "a" * 64}) for c in codes}})


@pytest.mark.parametrize("said", ["为何被退回了", "咋又给退回了呀", "怎么给我退回来了？"])
def test_why_it_was_returned_shows_the_applicants_own_reasons_item_by_item(chat, said):
    returned_with_a_reason(chat)
    reply = chat.send(said)
    assert "当前状态：需补充材料" in reply and "退回原因：反面拍得不清楚" in reply
    assert "还需上传 1 项：3. 持证人身份证(正反面)" in reply


def test_why_one_item_was_returned_said_with_what_was_sent_is_answered_with_its_reason(chat):
    returned_with_a_reason(chat)
    reply = chat.send("身份证正反面都拍了为啥还给退了")
    assert "反面拍得不清楚" in reply and "超出了我能回答的范围" not in reply
