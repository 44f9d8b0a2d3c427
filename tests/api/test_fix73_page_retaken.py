"""fix73: a page of a material saved already said to be retaken ("第2页拍糊了 重新拍"), then its photo sent: the photo
takes that page's place in the saved PDF, the other pages kept (it had asked 追加/替换 though the applicant had said
which), through the real app, store, job and the WeChat stand-in."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from dialogs.events import Image
from tests.support.chat import Chat, application_in
from tests.support.desk_app import make_application, say
from tests.support.files import photo


def _texts(runtime, app_id: str) -> list[str]:
    file = runtime.applications.get(app_id)["materials"]["labor_contract"]
    return [page.extract_text() for page in PdfReader(io.BytesIO(runtime.files.read(file["sha256"]))).pages]


@pytest.mark.parametrize("said", ["第2页拍糊了 重新拍", "第二页糊了 重拍一下"])
def test_a_page_said_to_be_retaken_is_replaced_in_the_saved_file(runtime, stub, said):
    user = "oPageRetaken"
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    record = make_application(runtime, user, status="draft", application_id=app_id,
                              checklist=runtime.applications.get(app_id)["checklist"])
    pages = record["materials"]["labor_contract"]["pages"]
    assert pages >= 3
    before = _texts(runtime, app_id)
    say(runtime, user, str(record["checklist"].index("labor_contract") + 1))
    assert "替换原来的第2页" in say(runtime, user, said)
    media_id = stub.control("media", data=photo(label="page 2 again"), headers={"Content-Type": "image/jpeg"})["media_id"]
    runtime.conversations.handle(user, Image(media_id))
    reply = say(runtime, user, "完成")
    assert "A. 追加" not in reply and "替换“劳动(聘用)合同”原来的第2页" in reply
    after = _texts(runtime, app_id)
    assert len(after) == pages and after[0] == before[0] and after[2:] == before[2:] and after[1] != before[1]
    assert f"已替换第2页，共{pages} 页" in stub.texts_to(user)[-1]


def test_a_page_beyond_the_saved_ones_is_no_page_to_retake(runtime, stub):
    user = "oPageBeyond"
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    record = make_application(runtime, user, status="draft", application_id=app_id,
                              checklist=runtime.applications.get(app_id)["checklist"])
    say(runtime, user, str(record["checklist"].index("labor_contract") + 1))
    before = _texts(runtime, app_id)
    reply = say(runtime, user, "第9页拍糊了 重新拍")
    assert "替换原来的第9页" not in reply and "发送完毕回复“完成”" in reply  # (review7 R7-9: what is said, not only not)
    media_id = stub.control("media", data=photo(label="a page"), headers={"Content-Type": "image/jpeg"})["media_id"]
    runtime.conversations.handle(user, Image(media_id))
    assert "A. 追加" in say(runtime, user, "完成") and _texts(runtime, app_id) == before  # asked, nothing replaced
