"""A reviewer's morning in Chromium on a laptop screen: 20 submitted applications of 11 materials
each are cleared, 16 approved and 4 returned with a reason, and every action the reviewer takes
(a click, a choice in a list, a key) is counted. An approval may take at most 3, a return of one
material with its reason at most 6. A form the lifecycle refuses comes back with every choice kept.

The run's seconds per application are written to test-artifacts/review-timing.json, which
``benchmarks/review.py`` prints."""
from __future__ import annotations

import json
import time
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Locator, Page, expect

from bot.desk.accounts import create_account
from dialogs.return_reasons import return_reasons
from tests.support.desk_app import make_application
from tests.support.console_browser import ELEVEN, LAPTOP, PASSWORD, log_in
from tests.e2e.servers import ROOT
from tests.support.deployment import message_containing, runtime_of_server

pytestmark = pytest.mark.browser

APPLICATIONS = 20
RETURNED = {3, 8, 13, 18}  # which of the 20 get a material returned
BY_KEYBOARD = {5, 6, 7}  # approved with Shift+A instead of the button
TIMING = ROOT / "test-artifacts" / "review-timing.json"
MAX_ACTIONS_APPROVE, MAX_ACTIONS_RETURN = 3, 6


class CountingReviewer:
    """The reviewer's hands: every action goes through here and is counted for the current application."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.actions = 0

    def click(self, target: Locator) -> None:
        self.actions += 1
        target.click()

    def choose(self, target: Locator, option: str) -> None:
        self.actions += 1
        target.select_option(option)

    def type(self, target: Locator, text: str) -> None:
        self.actions += 1
        target.fill(text)

    def press(self, key: str) -> None:
        self.actions += 1
        self.page.keyboard.press(key)

    def take_count(self) -> int:
        count, self.actions = self.actions, 0
        return count


@pytest.fixture
def morning(start_bot, stub):
    """The bot with 20 submitted applications (the oldest first), one more submitted later, and a reviewer."""
    server = start_bot("sqlite")
    runtime = runtime_of_server(server)
    create_account(runtime.store, "staff1", "staff", PASSWORD)
    start = datetime.now() - timedelta(hours=30)
    ids = [make_application(runtime, f"oDay{n:02d}", application_id=f"{1000 + n}", checklist=ELEVEN,
                            now=start + timedelta(minutes=10 * n))["id"] for n in range(APPLICATIONS)]
    late = make_application(runtime, "oLate", application_id="2000", checklist=ELEVEN)["id"]
    yield server, runtime, stub, ids, late
    runtime.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(**LAPTOP)
    yield context.new_page()
    context.close()


def opened(page: Page, application_id: str) -> None:
    expect(page).to_have_url(f"{page.url.split('/console/')[0]}/console/applications/{application_id}")
    expect(page.locator(".material")).to_have_count(len(ELEVEN))


def test_a_reviewer_clears_twenty_applications_within_the_click_budget(morning, page):
    server, runtime, stub, ids, late = morning
    log_in(page, server, "staff1")
    page.goto(f"{server.url}/console/applications")
    hands = CountingReviewer(page)
    counts: dict[str, int] = {}
    began = time.monotonic()
    hands.click(page.get_by_role("link", name="开始审核（最早的一份）"))
    for n, application_id in enumerate(ids):
        opened(page, application_id)
        if n == 0:
            page.screenshot(path=str(ROOT / "test-artifacts" / "console-review.png"))
        if n in RETURNED:
            material = page.locator("#m-labor_contract")
            hands.choose(material.get_by_label("劳动(聘用)合同 的退回原因"), return_reasons().general[1])
            hands.type(material.get_by_label("劳动(聘用)合同 的补充说明"), "缺少第 3 页")
            hands.click(page.get_by_role("button", name="退回申请"))
        elif n in BY_KEYBOARD:
            hands.press("Shift+A")
        else:
            hands.click(page.get_by_role("button", name="全部通过"))
        counts[application_id] = hands.take_count()
    opened(page, late)  # the one submitted this morning comes last
    seconds = (time.monotonic() - began) / APPLICATIONS

    approved = [counts[i] for n, i in enumerate(ids) if n not in RETURNED]
    returned = [counts[i] for n, i in enumerate(ids) if n in RETURNED]
    assert len(approved) == 16 and len(returned) == 4
    assert max(approved) <= MAX_ACTIONS_APPROVE, counts
    assert max(returned) <= MAX_ACTIONS_RETURN, counts
    statuses = [runtime.applications.get(i)["status"] for i in ids]
    assert statuses.count("approved") == 16 and statuses.count("returned") == 4
    labor = runtime.applications.get(ids[3])["materials"]["labor_contract"]
    assert labor["reason"] == f"{return_reasons().general[1]}；缺少第 3 页"
    assert "缺少第 3 页" in message_containing(stub, "oDay03", "退回原因")
    TIMING.parent.mkdir(exist_ok=True)
    TIMING.write_text(json.dumps({
        "applications": APPLICATIONS, "materials_each": len(ELEVEN), "seconds_per_application": round(seconds, 2),
        "actions_per_approval": max(approved), "actions_per_return": max(returned),
        "approved_by_keyboard": len(BY_KEYBOARD)}, ensure_ascii=False, indent=2))


def test_a_refused_review_keeps_every_choice_and_names_the_item(morning, page):
    server, runtime, stub, ids, late = morning
    log_in(page, server, "staff1")
    page.goto(f"{server.url}/console/applications/{late}")
    for code in ELEVEN[:-1]:
        page.locator(f"#m-{code}").get_by_label("通过", exact=True).check()
    page.locator("#m-id_card").get_by_label("持证人身份证(正反面) 的补充说明").fill("")
    page.get_by_label("退回说明（退回时发给申请人，可选）").fill("先看看")
    page.get_by_role("button", name="预审通过", exact=True).click()

    expect(page.get_by_role("alert")).to_have_text("还有 1 项材料未审核通过：结婚证。请逐项选“通过”，或改为退回申请。")
    for code in ELEVEN[:-1]:
        expect(page.locator(f"#m-{code}").get_by_label("通过", exact=True)).to_be_checked()
    expect(page.get_by_label("退回说明（退回时发给申请人，可选）")).to_have_value("先看看")
    page.screenshot(path=str(ROOT / "test-artifacts" / "console-review-error.png"), full_page=False)

    # The shortcut path finishes it: J/K to the last material, A approves it, Shift+A everything.
    page.locator("body").click(position={"x": 5, "y": 5})
    page.locator("#m-marriage_certificate").click()
    page.keyboard.press("a")
    expect(page.locator("#m-marriage_certificate").get_by_label("通过", exact=True)).to_be_checked()
    page.get_by_role("button", name="预审通过", exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text("已预审通过")
    assert runtime.applications.get(late)["status"] == "approved"
