"""The upload page in a real browser on a phone-sized screen, reached the way an applicant reaches
it: the bot under gunicorn, a WeChat conversation up to the checklist, "网页上传", the link from
the reply opened in headless Chromium, a PDF chosen and uploaded.

Needs Debian's Chromium at /usr/bin/chromium (``apt-get install -y chromium``; Playwright's own
browser download is not used). Without it these tests are skipped locally and fail under CI.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from storage import open_store
from tests.e2e.servers import ROOT, wechat_user
from tests.e2e.test_wechat_e2e import walk
from tests.materials.conftest import text_pdf

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True,
         "locale": "zh-CN"}
SCREENSHOT = ROOT / "test-artifacts" / "upload-page.png"
UPLOAD_LINK = re.compile(r"https?://\S+/upload/[\w.-]+")


def phone_page(browser: Browser, *, javascript: bool = True) -> Iterator[Page]:
    context = browser.new_context(**PHONE, java_script_enabled=javascript)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(chromium) -> Iterator[Page]:
    yield from phone_page(chromium)


@pytest.fixture
def phone_without_javascript(chromium) -> Iterator[Page]:
    yield from phone_page(chromium, javascript=False)


def upload_link_from_chat(server) -> str:
    """Walk the conversation to the checklist, ask for the upload page, take the link from the reply."""
    user = wechat_user(server, "oBrowserUser")
    walk(user)
    reply = user.say("网页上传")
    link = UPLOAD_LINK.search(reply)
    assert link, f"no upload link in the reply: {reply!r}"
    return link.group(0)


def upload_commission_form(page: Page, link: str, pdf: Path) -> None:
    """Open the link, choose ``pdf`` for the first material and upload it; see it saved."""
    response = page.goto(link)
    assert response.status == 200, "the upload page is not served: is bot.routes.upload.bp registered in bot/app.py?"
    material = page.locator("#commission_form")
    expect(material.locator(".badge")).to_have_text("未上传")
    material.locator('input[type="file"]').set_input_files(pdf)
    material.get_by_role("button", name="上传", exact=True).click()
    page.wait_for_url(re.compile(r"\?saved=commission_form#commission_form$"))  # post-redirect-get
    expect(material.locator(".badge")).to_have_text("已上传")
    expect(material.get_by_role("status")).to_contain_text("已保存：2 页")


def stored_pages(server, code: str) -> int:
    with open_store(server.store_url) as store:
        return store.find("application", user_id="oBrowserUser")[0]["materials"][code]["pages"]


@pytest.fixture
def two_page_pdf(tmp_path) -> Path:
    pdf = tmp_path / "委托单.pdf"
    pdf.write_bytes(text_pdf(2))
    return pdf


def test_an_applicant_uploads_a_pdf_from_a_phone(start_bot, phone, two_page_pdf):
    server = start_bot("sqlite")
    upload_commission_form(phone, upload_link_from_chat(server), two_page_pdf)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways on a phone"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    phone.screenshot(path=str(SCREENSHOT), full_page=True)
    assert stored_pages(server, "commission_form") == 2


def test_uploading_works_without_javascript(start_bot, phone_without_javascript, two_page_pdf):
    server = start_bot("sqlite")
    upload_commission_form(phone_without_javascript, upload_link_from_chat(server), two_page_pdf)
    assert stored_pages(server, "commission_form") == 2


def test_the_page_reads_at_360_pixels_without_scrolling_sideways(start_bot, phone):
    server = start_bot("sqlite")
    phone.set_viewport_size({"width": 360, "height": 740})
    phone.goto(upload_link_from_chat(server))
    expect(phone.get_by_role("heading", name="我的预审材料")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    smallest_tap_target = phone.evaluate(
        "Math.min(...[...document.querySelectorAll('button, input[type=file]')]"
        ".map(e => e.getBoundingClientRect().height))")
    assert smallest_tap_target >= 40


def test_an_expired_link_shows_how_to_get_a_new_one(start_bot, phone):
    server = start_bot("sqlite")
    phone.goto(f"{server.url}/upload/not-a-real-token")
    expect(phone.get_by_role("heading", name="链接无法使用")).to_be_visible()
    expect(phone.locator("main")).to_contain_text("网页上传")
