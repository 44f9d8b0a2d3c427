"""Materials sent as photos in chat (issue: materials, item 1): pick a material, send its pages,
say 完成; a background job fetches them through media/get, builds one PDF under 2 MB, stores it,
and tells the applicant with a customer-service message."""
from __future__ import annotations

from datetime import datetime

import pytest
from pypdf import PdfReader

from bot.runtime import Runtime
from dialogs import lifecycle
from dialogs.events import Image, Text
from tests.support.chat import BASIC
from tests.support.files import photo, text_pdf

WALK = ["你好", "积分新办", "2027-08-25", "同意", *BASIC, "0", "确认"]


@pytest.fixture
def runtime(config):
    runtime = Runtime(config)
    yield runtime
    runtime.close()


def chat(runtime: Runtime, user: str, *messages) -> str:
    replies = []
    for message in messages:
        event = Text(message) if isinstance(message, str) else message
        replies = runtime.conversations.handle(user, event)
    return "\n".join(replies)


def test_photos_for_one_material_become_its_pdf(runtime, stub):
    chat(runtime, "oPhoto", *WALK)
    pages = [stub.control("media", data=photo(label=f"Page {i}"), headers={"Content-Type": "image/jpeg"})["media_id"]
             for i in (1, 2)]
    assert "咨询服务委托单" in chat(runtime, "oPhoto", "1")
    assert "第 1 页" in chat(runtime, "oPhoto", Image(pages[0]))
    assert "第 2 页" in chat(runtime, "oPhoto", Image(pages[1]))
    assert "正在把 2 张照片合成" in chat(runtime, "oPhoto", "完成")
    [message] = stub.wait_for_texts("oPhoto")
    assert "“咨询服务委托单”已保存：2 页" in message
    record = runtime.applications.of_user("oPhoto")[0]
    saved = record["materials"]["commission_form"]
    assert saved["status"] == "uploaded" and saved["pages"] == 2 and saved["size"] < 2 * 1024 * 1024
    assert len(PdfReader(runtime.files.path(saved["sha256"])).pages) == 2
    assert "【已上传】" in chat(runtime, "oPhoto", "进度")


def test_a_wrong_last_photo_is_taken_back_and_the_pdf_has_the_others(runtime, stub):
    chat(runtime, "oOops", *WALK, "1")
    pages = [stub.control("media", data=photo(label=f"Page {i}"), headers={"Content-Type": "image/jpeg"})["media_id"]
             for i in (1, 2, 3)]
    for page in pages:
        chat(runtime, "oOops", Image(page))
    assert "已删除“咨询服务委托单”的最后一张照片，现在共 2 页" in chat(runtime, "oOops", "发错了")
    assert runtime.conversations.store.get("conversation", "oOops")["photos"] == pages[:2]
    chat(runtime, "oOops", "完成")
    [message] = stub.wait_for_texts("oOops")
    assert "已保存：2 页" in message


def test_retaking_clears_the_photos_and_keeps_the_material_chosen(runtime, stub):
    chat(runtime, "oRetake", *WALK, "2", Image("m1"), Image("m2"))
    assert "已清空“承诺书”已收到的 2 张照片" in chat(runtime, "oRetake", "重拍")
    state = runtime.conversations.store.get("conversation", "oRetake")
    assert state["material"] == "commitment_letter" and state["photos"] == []
    assert "“承诺书”还没有收到照片" in chat(runtime, "oRetake", "删除上一张")


def test_taking_back_a_photo_not_yet_assigned_and_outside_the_stage(runtime, stub):
    chat(runtime, "oLoose", *WALK, Image("m1"), Image("m2"))
    assert "之前的 1 张还在" in chat(runtime, "oLoose", "删除上一张")
    assert runtime.conversations.store.get("conversation", "oLoose")["unassigned"] == ["m1"]
    assert "这一步还用不到" in chat(runtime, "oEarly", "你好", "积分新办", "拍错了")


def test_a_photo_before_choosing_a_material_is_asked_about_never_guessed(runtime, stub):
    chat(runtime, "oAsk", *WALK)
    media = stub.control("media", data=photo(), headers={"Content-Type": "image/jpeg"})["media_id"]
    reply = chat(runtime, "oAsk", Image(media))
    assert "这是哪一项材料" in reply and "1. 咨询服务委托单" in reply
    assert "已归入这项材料" in chat(runtime, "oAsk", "3")
    assert "一般有 2 页" in chat(runtime, "oAsk", "完成")  # one side of an ID card: asked once
    chat(runtime, "oAsk", "完成")
    [message] = stub.wait_for_texts("oAsk")
    assert "持证人身份证" in message and "已保存：1 页" in message


def test_a_photo_that_cannot_be_fetched_is_reported_and_nothing_is_saved(runtime, stub):
    chat(runtime, "oGone", *WALK, "2", Image("no-such-media"), "完成")
    [message] = stub.wait_for_texts("oGone")
    assert "没有保存成功" in message and "重新拍照" in message
    assert runtime.applications.of_user("oGone")[0]["materials"] == {}


def test_submission_waits_for_every_material(runtime, stub):
    reply = chat(runtime, "oEarly", *WALK, "提交")
    assert "还有 6 项材料没有上传" in reply
    assert runtime.applications.of_user("oEarly")[0]["status"] == "draft"


def test_the_upload_link_is_signed_for_this_application(runtime, stub):
    reply = chat(runtime, "oLink", *WALK, "网页上传")
    url = reply.split("\n")[-1]
    token = url.rsplit("/", 1)[-1]
    assert runtime.upload_links.application_of(token) == runtime.applications.of_user("oLink")[0]["id"]


def test_a_queue_that_fails_is_told_to_the_applicant_and_the_answers_are_kept(config, stub):
    class BrokenQueue:
        def enqueue(self, name, **kwargs):
            raise ConnectionError("queue unreachable")

        def close(self):
            pass

    runtime = Runtime(config)
    runtime.__dict__["jobs"] = BrokenQueue()
    try:
        media = stub.control("media", data=photo(), headers={"Content-Type": "image/jpeg"})["media_id"]
        reply = chat(runtime, "oBroken", *WALK, "1", Image(media), "完成")
        assert "没有处理成功" in reply and "重新回复材料序号" in reply
        assert runtime.conversations.store.get("conversation", "oBroken")["state"] == "materials"
    finally:
        runtime.close()


def test_one_unreadable_photo_among_several_is_named_and_the_others_are_kept(runtime, stub):
    # try13 T5: one photo that is no image lost the whole item, without saying which it was
    chat(runtime, "oOneBad", *WALK, "1")
    good = [stub.control("media", data=photo(label=f"Page {i}"), headers={"Content-Type": "image/jpeg"})["media_id"]
            for i in (1, 3)]
    junk = stub.control("media", data=b"this is not a picture at all", headers={"Content-Type": "image/jpeg"})["media_id"]
    for media in (good[0], junk, good[1]):
        chat(runtime, "oOneBad", Image(media))
    chat(runtime, "oOneBad", "完成")
    [message] = stub.wait_for_texts("oOneBad")
    assert "第 2 张没有用上" in message and "无法识别这张图片" in message and "已保存：2 页" in message
    saved = runtime.applications.of_user("oOneBad")[0]["materials"]["commission_form"]
    assert saved["status"] == "uploaded" and saved["pages"] == 2


def test_photos_never_silently_replace_a_file_uploaded_on_the_web_page_meanwhile(runtime, stub):
    # try13 T41: a PDF uploaded on the page while the photos were sent was replaced at 完成 without a word
    chat(runtime, "oBoth", *WALK, "3")
    pages = [stub.control("media", data=photo(label=f"Side {i}"), headers={"Content-Type": "image/jpeg"})["media_id"]
             for i in (1, 2)]
    chat(runtime, "oBoth", Image(pages[0]))
    app_id = runtime.applications.of_user("oBoth")[0]["id"]
    data = text_pdf(1)
    web = {"sha256": runtime.files.put(data), "pages": 1, "size": len(data), "source": "upload"}
    runtime.applications.change(app_id, lambda r: lifecycle.with_material(r, "id_card", web, datetime.now()))
    chat(runtime, "oBoth", Image(pages[1]))
    asked = chat(runtime, "oBoth", "完成")
    assert "在您拍照期间已通过网页上传了文件（1 页）" in asked and "A. 替换" in asked
    assert runtime.applications.get(app_id)["materials"]["id_card"]["sha256"] == web["sha256"]
    assert "保留网页上传的文件" in chat(runtime, "oBoth", "B")
    assert runtime.applications.get(app_id)["materials"]["id_card"]["sha256"] == web["sha256"]
    assert runtime.conversations.store.get("conversation", "oBoth")["photos"] == []


def test_photos_replace_a_file_uploaded_meanwhile_when_the_applicant_says_so(runtime, stub):
    chat(runtime, "oReplace", *WALK, "3")
    media = stub.control("media", data=photo(label="Side"), headers={"Content-Type": "image/jpeg"})["media_id"]
    chat(runtime, "oReplace", Image(media))
    app_id = runtime.applications.of_user("oReplace")[0]["id"]
    data = text_pdf(1)
    web = {"sha256": runtime.files.put(data), "pages": 1, "size": len(data), "source": "upload"}
    runtime.applications.change(app_id, lambda r: lifecycle.with_material(r, "id_card", web, datetime.now()))
    chat(runtime, "oReplace", "完成")
    assert "正在把 1 张照片合成" in chat(runtime, "oReplace", "A")
    [message] = stub.wait_for_texts("oReplace")
    assert "已保存：1 页" in message
    assert runtime.applications.get(app_id)["materials"]["id_card"]["source"] == "photos"
