"""What the browser tests share: the window they use, the staff password, logging in to the
console, and the eleven materials of a full checklist."""
from __future__ import annotations

from playwright.sync_api import Page, expect

LAPTOP = {"viewport": {"width": 1366, "height": 900}, "locale": "zh-CN"}
PASSWORD = "console password 1"
# the materials of a full checklist, in its order
ELEVEN = ["commission_form", "commitment_letter", "id_card", "residence_permit", "household_register",
          "labor_contract", "title_certificate", "diploma", "chsi_report", "social_insurance", "marriage_certificate"]


def log_in(page: Page, server, name: str) -> None:
    page.goto(f"{server.url}/console/login")
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name=f"欢迎，{name}")).to_be_visible()
