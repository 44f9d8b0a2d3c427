"""The tester's try12 findings on returned materials in the chat (fix36), each through the engine."""
from __future__ import annotations

from tests.support.api import RETURN_TWO
from tests.support.chat import application_in

# Returned with their files: the labour contract had 2 pages, the commission form 1.
RETURNED_WITH_FILES = {code: {**verdict, "sha256": "0" * 64, "pages": 2 if code == "labor_contract" else 1}
                       for code, verdict in RETURN_TWO["materials"].items()}


def test_choosing_a_returned_item_says_the_new_photos_replace_its_whole_file(chat):
    application_in(chat, "returned", materials=RETURNED_WITH_FILES)
    reply = chat.send("6")  # 劳动合同, returned for a missing page
    assert chat.state.get("material") == "labor_contract"
    assert "替换这一项原来的整个文件（原 2 页）" in reply and "全部页面一起拍照发送" in reply


def test_a_notice_returning_every_material_for_one_reason_says_so_once_and_keeps_nothing():
    from dialogs.render import returned_notice

    checklist = ["commission_form", "commitment_letter", "id_card"]
    reason = "扫描不清晰，请用扫描仪或扫描App重新扫描后上传，不要用手机直接拍摄"
    record = {"checklist": checklist, "return_reason": "全部材料需重新扫描",
              "materials": {code: {"status": "returned", "reason": reason} for code in checklist}}
    notice = returned_notice(record)
    assert "全部材料都需要重新上传" in notice and notice.count(reason) == 1
    assert "其他材料已保留" not in notice and "重新拍照上传" not in notice and "网页上传" in notice
    one = {**record, "materials": {**record["materials"], "id_card": {"status": "approved"}}}
    assert "其他材料已保留" in returned_notice(one)


def test_a_photo_sent_after_approval_is_told_at_once_that_materials_cannot_change(chat):
    from dialogs.events import Image

    application_in(chat, "approved", confirm_by="2026-12-07T23:59:59+08:00")
    [reply] = chat.conversations.handle(chat.user, Image("media-after-approval"))
    assert reply.startswith("收到照片，但预审已通过，材料不能再更改") and "这是哪一项材料" not in reply
    assert "申办信息有误" in reply and chat.state.get("pending") is None
