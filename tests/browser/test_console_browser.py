"""The console in a real browser on a laptop-sized screen, against the bot under gunicorn and the
WeChat stand-in: staff log in and return a material with a preset reason, support answer an
applicant; what the applicant would receive is checked at the stand-in. Screenshots of each page
go to test-artifacts/ for a person to look at."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from bot.desk import review
from bot.desk.accounts import create_account
from dialogs import clock
from dialogs.return_reasons import return_reasons
from tests.support.desk_app import make_application
from tests.e2e.servers import ROOT, wechat_user
from tests.support.console_browser import LAPTOP, PASSWORD, log_in
from tests.support.deployment import message_containing, runtime_of_server

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def console(start_bot, stub):
    """The bot with one submitted application, one applicant waiting for support, and an account per role."""
    server = start_bot("sqlite")
    runtime = runtime_of_server(server)
    for role in ("staff", "support", "admin"):
        create_account(runtime.store, f"{role}1", role, PASSWORD)
    make_application(runtime, "oBrowserApplicant")
    applicant = wechat_user(server, "oBrowserAsker")
    applicant.say("你好")
    applicant.say("闵行的材料寄到哪？")
    applicant.say("人工")
    yield server, runtime, stub
    runtime.close()


@pytest.fixture
def page(chromium) -> Iterator[Page]:
    context = chromium.new_context(**LAPTOP)
    yield context.new_page()
    context.close()


def screenshot(page: Page, name: str) -> None:
    page.wait_for_load_state("networkidle")  # the PDF preview frame included
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"console-{name}.png"), full_page=True)


def fits_the_width(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_staff_return_a_material_with_a_preset_reason(console, page):
    server, runtime, stub = console
    log_in(page, server, "staff1")
    expect(page.locator(".stat-submitted .stat-number")).to_have_text("1")
    screenshot(page, "dashboard")

    page.get_by_role("link", name="预审队列", exact=True).click()
    expect(page.get_by_role("cell", name="110105********002X")).to_be_visible()
    assert fits_the_width(page)
    screenshot(page, "queue")
    page.get_by_role("link", name="审核", exact=True).click()

    material = page.locator("#m-id_card")
    material.get_by_label("退回", exact=True).check()
    reason = return_reasons().own["id_card"][1]
    material.get_by_label("持证人身份证(正反面) 的退回原因").select_option(reason)
    material.get_by_label("持证人身份证(正反面) 的补充说明").fill("反面已过期")
    assert fits_the_width(page)
    screenshot(page, "review-form")
    page.get_by_role("button", name="退回申请").click()

    expect(page.get_by_role("status").first).to_contain_text("已退回")  # then the next one opens: none is left
    expect(page.get_by_role("heading", name="预审队列")).to_be_visible()
    page.goto(f"{server.url}/console/applications/app-oBrowserApplicant")
    expect(material.locator(".badge")).to_have_text("已退回")
    expect(material.locator(".reason")).to_contain_text(f"{reason}；反面已过期")
    screenshot(page, "application-returned")
    message = message_containing(stub, "oBrowserApplicant", "退回原因")
    assert f"{reason}；反面已过期" in message

    page.get_by_role("link", name="通知发件箱", exact=True).click()
    expect(page.get_by_role("cell", name="已发送")).to_be_visible()
    screenshot(page, "outbox")


def test_the_review_page_keeps_its_claim_while_the_reviewer_works_and_only_then(console, page):
    server, runtime, _ = console
    page.clock.install()  # the page's minutes pass at the test's command
    log_in(page, server, "staff1")
    page.goto(f"{server.url}/console/applications/app-oBrowserApplicant")
    line = page.locator(".claim-line")
    expect(line).to_contain_text("已由你领取至")
    # 19 minutes into the review the claim taken on opening has one left; the reviewer is moving through the files
    runtime.store.update("claim", "app-oBrowserApplicant",
                         lambda c: {**c, "until": clock.stamp(clock.now() + timedelta(minutes=1))})
    page.keyboard.press("j")
    with page.expect_response(lambda answer: answer.url.endswith("/claim/renew")) as renewed:
        page.clock.run_for(review.CLAIM_RENEW_MINUTES * 60 * 1000)
    assert renewed.value.ok
    held = review.claim_of(runtime.store, "app-oBrowserApplicant")
    assert held.by == "staff1" and clock.parse(held.until) > clock.now() + timedelta(minutes=review.CLAIM_MINUTES - 1)
    expect(line.locator(".claim-until")).to_have_text(held.until[11:16])
    # nobody at the page: nothing renewed, the claim runs out as if the tab were closed
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if request.url.endswith("/claim/renew") else None)
    page.clock.run_for(2 * review.CLAIM_RENEW_MINUTES * 60 * 1000)
    page.wait_for_timeout(300)
    assert asked == []
    # reading a file in the preview is working on it, for a few rounds: not for a file left open all afternoon
    page.locator('iframe[name="preview"]').focus()
    page.clock.run_for(6 * review.CLAIM_RENEW_MINUTES * 60 * 1000)
    page.wait_for_timeout(300)
    assert len(asked) == 3


def test_support_answer_an_applicant_from_the_queue(console, page):
    server, runtime, stub = console
    log_in(page, server, "support1")
    page.get_by_role("link", name="人工服务", exact=True).click()
    card = page.locator("article.escalation").first
    expect(card).to_contain_text("闵行的材料寄到哪")
    card.get_by_label("回复申请人（以客服消息发到微信）").fill("您好，闵行区人才服务中心接受邮寄，地址请见“闵行的材料寄到哪”的解答。")
    card.get_by_role("button", name="发送回复").click()
    expect(page.get_by_role("status")).to_contain_text("回复已发出")
    expect(page.locator(".line-support").first).to_contain_text("闵行区人才服务中心接受邮寄")
    assert fits_the_width(page)
    screenshot(page, "escalations")
    assert message_containing(stub, "oBrowserAsker", "【人工客服】").startswith("【人工客服】您好")

    page.get_by_role("button", name="结束人工服务").click()
    expect(page.get_by_role("status")).to_contain_text("已结束人工服务")
    message_containing(stub, "oBrowserAsker", "人工服务已结束")


def test_admin_read_the_audit_log(console, page):
    server, runtime, stub = console
    log_in(page, server, "admin1")
    page.get_by_role("link", name="操作日志", exact=True).click()
    expect(page.get_by_role("cell", name="登录工作台").first).to_be_visible()
    screenshot(page, "audit")
