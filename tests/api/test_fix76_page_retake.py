"""fix76 (review7 R7-2, R7-3, R7-8): a saved page is replaced alone only when exactly ONE page is named to be retaken
and exactly one photo comes for it; several pages, the whole item, a run of pages, several photos or the retake taken
back fall back to the 追加/替换 question (nothing replaced, nothing mixed unsaid). Through the real app, store, job
and the WeChat stand-in."""
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


def _contract_chosen(runtime, user: str) -> tuple[str, list[str]]:
    app_id = application_in(Chat(runtime.conversations, user), "draft")
    record = make_application(runtime, user, status="draft", application_id=app_id,
                              checklist=runtime.applications.get(app_id)["checklist"])
    assert record["materials"]["labor_contract"]["pages"] >= 3
    before = _texts(runtime, app_id)
    say(runtime, user, str(record["checklist"].index("labor_contract") + 1))
    return app_id, before


def _photo(runtime, stub, user: str, label: str) -> None:
    media_id = stub.control("media", data=photo(label=label), headers={"Content-Type": "image/jpeg"})["media_id"]
    runtime.conversations.handle(user, Image(media_id))


def _nothing_replaced_alone(runtime, app_id: str, before: list[str], reply: str) -> None:
    assert "A. 追加" in reply and "原来的第" not in reply  # asked, as before fix73
    assert _texts(runtime, app_id) == before  # the saved file untouched until the applicant says which


@pytest.mark.parametrize(("said", "photos"), [
    (["第2页和第3页都糊了 重新拍"], 2),  # R7-2: several pages named
    (["第2、3页拍糊了 重拍"], 2),
    (["第2页拍糊了 重新拍", "第3页也要重拍"], 2),  # R7-2: a second page named after the first
    (["第2页拍糊了 重新拍"], 3),  # R7-2: several photos for one page
    (["第1页拍歪了 全部重新拍"], 2),  # R7-8: the whole item
    (["从第2页开始重新拍"], 2),  # R7-8: a run of pages
    (["第2页拍糊了 重新拍", "不用重拍了"], 1),  # R7-3: the retake taken back
    (["第2页拍糊了 重新拍", "算了 第2页不重拍了 再加一页"], 1),
])
def test_no_page_is_replaced_alone_unless_one_page_and_one_photo(runtime, stub, said, photos):
    user = "oPageRetake76"
    app_id, before = _contract_chosen(runtime, user)
    for text in said:
        assert "替换原来的第" not in say(runtime, user, text) or text == said[0]
    for n in range(photos):
        _photo(runtime, stub, user, f"new page {n}")
    _nothing_replaced_alone(runtime, app_id, before, say(runtime, user, "完成"))


def test_a_replacement_taken_back_after_the_photo_is_asked_about(runtime, stub):
    user = "oPageRetakeBack"
    app_id, before = _contract_chosen(runtime, user)
    say(runtime, user, "第2页拍糊了 重新拍")
    _photo(runtime, stub, user, "an added page")
    assert "不替换第2页" in say(runtime, user, "不对 是加一页 不是替换")
    _nothing_replaced_alone(runtime, app_id, before, say(runtime, user, "完成"))


def test_one_page_and_one_photo_still_replace_that_page(runtime, stub):
    user = "oPageRetakeOne"
    app_id, before = _contract_chosen(runtime, user)
    assert "替换原来的第3页" in say(runtime, user, "第三页拍糊了 重新拍")
    _photo(runtime, stub, user, "page 3 again")
    assert "替换“劳动(聘用)合同”原来的第3页" in say(runtime, user, "完成")
    after = _texts(runtime, app_id)
    assert len(after) == len(before) and after[:2] == before[:2] and after[3:] == before[3:] and after[2] != before[2]
