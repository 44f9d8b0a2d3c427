"""Materials end to end (issue: materials): over WeChat to the checklist, photos for two materials in
chat (fetched through media/get and built into PDFs by the background job), PDFs for the rest on the
upload page the bot links to, then 提交, and 进度 shows 线上材料待审核 — both backends, real gunicorn."""
from __future__ import annotations

import re

import pytest
import requests

from tests.e2e.servers import wechat_user
from tests.support.conversation import walk
from tests.support.files import photo, text_pdf

pytestmark = pytest.mark.slow

UPLOAD_LINK = re.compile(r"https?://\S+/upload/[\w.-]+")


def send_photos(user, stub, number: int, pages: int) -> str:
    """Choose material ``number`` in chat, send ``pages`` photos of it, say 完成; the job's message."""
    user.say(str(number))
    for page in range(1, pages + 1):
        media = stub.control("media", data=photo(label=f"Material {number} page {page}"),
                             headers={"Content-Type": "image/jpeg"})["media_id"]
        assert f"第 {page} 页" in user.send_image(media)
    assert f"正在把 {pages} 张照片合成" in user.say("完成")
    before = len(stub.texts_to(user.openid))
    return stub.wait_for_texts(user.openid, count=before + 1)[-1]


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_photos_in_chat_and_pdfs_on_the_upload_page_then_submission(start_bot, stub, backend):
    server = start_bot(backend, with_worker=backend == "redis")  # on SQLite, jobs run in the web process
    user = wechat_user(server, "oMaterials")
    walk(user)

    assert "已保存：2 页" in send_photos(user, stub, 1, pages=2)
    assert "已保存：1 页" in send_photos(user, stub, 2, pages=1)
    assert "项材料没有上传" in user.say("提交")  # the rest is still missing

    link = UPLOAD_LINK.search(user.say("网页上传")).group(0)
    assert link.startswith(server.url)  # PUBLIC_URL defaults to this bot's own address
    page = requests.get(link, headers={"Accept": "application/json"}, timeout=10).json()
    assert [m["status"] for m in page["materials"]][:2] == ["uploaded", "uploaded"]
    for code in page["missing"]:
        answer = requests.post(f"{link}/{code}", data={"csrf_token": page["csrf_token"]},
                               files={"file": (f"{code}.pdf", text_pdf(2), "application/pdf")},
                               headers={"Accept": "application/json"}, timeout=20)
        assert answer.status_code == 200, answer.text
    assert requests.get(link, headers={"Accept": "application/json"}, timeout=10).json()["missing"] == []

    assert "已提交审核" in user.say("提交")
    progress = user.say("进度")
    assert "当前状态：线上材料待审核" in progress and "还需上传" not in progress
