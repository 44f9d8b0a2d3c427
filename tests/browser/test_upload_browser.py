"""The upload page in a real browser on a phone-sized screen, reached the way an applicant reaches
it: the bot under gunicorn, a WeChat conversation up to the checklist, "网页上传", the link from
the reply opened in headless Chromium, a PDF chosen and uploaded.

Needs Debian's Chromium at /usr/bin/chromium (``apt-get install -y chromium``; Playwright's own
browser download is not used). Without it these tests are skipped locally and fail under CI.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
import requests
from playwright.sync_api import Browser, Page, expect

from bot.wechat.menu import menu
from dialogs import lifecycle
from storage import open_store
from tests.support.desk_app import make_application
from tests.support.console_browser import ELEVEN
from tests.e2e.servers import ROOT, wechat_user
from tests.support.deployment import runtime_of_server
from tests.support.conversation import walk
from tests.support.files import raw_pdf, text_pdf

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True,
         "locale": "zh-CN"}
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
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
    """Without script: open the link, choose ``pdf`` for the first material, tap 上传; see it saved."""
    response = page.goto(link)
    assert response.status == 200, "the upload page is not served: is bot.routes.upload.bp registered in bot/app.py?"
    material = page.locator("#commission_form")
    expect(material.locator(".badge")).to_have_text("未上传")
    material.locator('input[type="file"]').set_input_files(pdf)
    material.locator('button[type="submit"]', has_text="上传").click()
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
        "Math.min(...[...document.querySelectorAll('button, .picker, a.button, input[type=file]')]"
        ".filter(e => e.getClientRects().length && getComputedStyle(e).opacity !== '0')"
        ".map(e => e.getBoundingClientRect().height))")
    assert smallest_tap_target >= 40


def test_an_expired_link_shows_how_to_get_a_new_one(start_bot, phone):
    server = start_bot("sqlite")
    phone.goto(f"{server.url}/upload/not-a-real-token")
    expect(phone.get_by_role("heading", name="链接无法使用")).to_be_visible()
    expect(phone.locator("main")).to_contain_text("网页上传")


# -- one tap, with its progress; the page in its three states, photographed on a phone ---------------------
PROGRESS_WATCH = """
window.__progress = [];
new MutationObserver(records => records.forEach(r => {
  if (r.target.matches && r.target.matches('[data-role="progress-inner"]')) window.__progress.push(r.target.style.width);
})).observe(document, {attributes: true, subtree: true, attributeFilter: ["style"]});
"""


@pytest.fixture
def big_pdf(tmp_path) -> Path:
    """A valid one-page PDF of about 800 KB (a comment in its content stream), slow enough on a throttled
    line for its upload to be seen in steps."""
    pdf = tmp_path / "劳动合同.pdf"
    pdf.write_bytes(raw_pdf(content=b"BT ET\n% " + os.urandom(400_000).hex().encode() + b"\n"))
    return pdf


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"upload-{name}.png"))
    page.screenshot(path=str(SCREENSHOTS / f"upload-{name}-full.png"), full_page=True)


def test_one_tap_uploads_with_a_progress_bar_that_follows_the_bytes(start_bot, chromium, big_pdf, two_page_pdf):
    server = start_bot("sqlite")
    link = upload_link_from_chat(server)
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    page.add_init_script(PROGRESS_WATCH)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 20, "downloadThroughput": -1,
                                                   "uploadThroughput": 256 * 1024})
    page.goto(link)
    material = page.locator("#commission_form")
    expect(material.locator('button[type="submit"]')).to_be_hidden()  # the tap on 上传 is all it takes
    with page.expect_file_chooser() as chooser:
        material.locator(".picker").tap()
    chooser.value.set_files(big_pdf)
    expect(material.locator('[data-role="progress"]')).to_be_visible()
    expect(material.locator(".badge")).to_have_text("已上传", timeout=30_000)
    expect(page.get_by_role("status").filter(has_text="已上传")).to_be_visible()  # the toast
    steps = page.evaluate("window.__progress")
    between = [s for s in steps if s not in ("0%", "100%")]
    assert between and steps[-1] == "100%", steps  # the bar moved with the upload, not only at its end
    assert page.url == link, "the page was reloaded"
    assert stored_pages(server, "commission_form") == 1
    assert phone_fits(page)
    context.close()


def phone_fits(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_page_on_a_phone_empty_half_done_and_after_a_return(start_bot, phone, two_page_pdf):
    """Screenshots for people to look at (test-artifacts/screenshots/), and what they must show."""
    server = start_bot("sqlite")
    runtime = runtime_of_server(server)
    empty = make_application(runtime, "oEmpty", status="draft", checklist=ELEVEN)
    for code in ELEVEN:
        runtime.applications.change(empty["id"], lambda r, code=code: lifecycle.without_material(r, code, datetime.now()))
    phone.goto(runtime.upload_links.url_for(empty["id"]))
    expect(phone.locator(".submit-bar")).to_contain_text("还有 11 项材料需要上传")
    expect(phone.locator(".submit-bar")).to_be_in_viewport()
    assert phone_fits(phone)
    shot(phone, "empty")

    half = make_application(runtime, "oHalf", status="draft", checklist=ELEVEN)
    for code in ELEVEN[6:]:
        runtime.applications.change(half["id"], lambda r, code=code: lifecycle.without_material(r, code, datetime.now()))
    phone.goto(runtime.upload_links.url_for(half["id"]))
    expect(phone.locator(".summary")).to_contain_text("已上传 6 / 11 项")
    expect(phone.locator(".status")).to_have_text("待上传材料")
    material = phone.locator(f"#{ELEVEN[6]}")
    material.locator('input[type="file"]').set_input_files(two_page_pdf)
    expect(material.locator(".badge")).to_have_text("已上传")
    expect(phone.locator(".summary")).to_contain_text("已上传 7 / 11 项")
    phone.locator(f"#{ELEVEN[6]}").scroll_into_view_if_needed()
    shot(phone, "half-done")

    returned = make_application(runtime, "oReturnedPhone", checklist=ELEVEN)
    verdicts = {code: {"status": "approved"} for code in ELEVEN}
    verdicts["labor_contract"] = {"status": "returned", "reason": "缺少单位盖章页，请补充完整合同"}
    runtime.applications.change(returned["id"], lambda r: lifecycle.reviewed(
        r, materials=verdicts, decision="returned", reason="请补充劳动合同", reviewer="staff1", now=datetime.now()))
    phone.goto(runtime.upload_links.url_for(returned["id"]))
    expect(phone.locator(".status")).to_have_text("需补充材料")
    first = phone.locator("li.material").first
    expect(first).to_have_id("labor_contract")
    expect(first).to_contain_text("缺少单位盖章页")
    expect(first.locator(".badge")).to_have_text("需重新上传")
    expect(phone.locator("main")).not_to_contain_text("外服退材料")
    shot(phone, "after-return")
    runtime.close()


def test_the_menus_upload_button_opens_the_page_through_web_authorisation(start_bot, stub, phone, two_page_pdf):
    """Tapping 上传材料 in WeChat: the menu's link, WeChat's authorisation (the stand-in's), the code
    exchanged for the openid, and the applicant's own page, with no command typed and no link sent."""
    server = start_bot("sqlite")
    walk(wechat_user(server, "oBrowserUser"))
    [button] = [b for b in menu(server.url)["button"] if b["name"] == "上传材料"]
    phone.goto(f"{stub.url}/_stub/wechat-user?{urlencode({'openid': 'oBrowserUser', 'next': button['url']})}")
    expect(phone.get_by_role("heading", name="我的预审材料")).to_be_visible()
    path = urlsplit(phone.url).path
    assert path.startswith("/upload/") and path != "/upload/wechat"  # the page of a signed link
    [exchange] = requests.get(f"{stub.url}/_stub/requests", params={"path": "/sns/oauth2/access_token"},
                              timeout=5).json()["requests"]
    assert exchange["errcode"] == 0 and exchange["args"]["grant_type"] == "authorization_code"
    material = phone.locator("#commission_form")
    material.locator('input[type="file"]').set_input_files(two_page_pdf)
    expect(material.locator(".badge")).to_have_text("已上传")
    assert stored_pages(server, "commission_form") == 2
