"""Issue 14, item 5: an ID or mobile number is masked wherever support or the logs see it, in every
form the validators accept it in ("1101 0519 4912 3100 2X", "(139)1234-5678", full-width digits …),
not only in the forms the masking once knew."""
from __future__ import annotations

import io
import json
import logging
import re

import pytest

from bot.observe import logs
from dialogs.events import Text
from dialogs.privacy import mask_text
from dialogs.text import canonical
from dialogs.validators import parse_id_number, parse_mobile
from tests.support.desk_app import app, client, config, logged_in, runtime, tokens  # noqa: F401 - fixtures
from tests.support.console_http import csrf_of
from tests.support.chat import BASIC

ID_NUMBER, MOBILE = "11010519491231002X", "13912345678"
WALK_TO_CHECKLIST = ["你好", "积分新办", "2027-08-25", "同意", *BASIC, "0", "确认"]
ID_FORMS = [
    "11010519491231002X", "11010519491231002x", "1101 0519 4912 3100 2X", "110105 19491231 002X",
    "110105-19491231-002X", "1101-0519-4912-3100-2X", "1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 X",
    "１１０１０５１９４９１２３１００２Ｘ", "１１０１ ０５１９ ４９１２ ３１００ ２ｘ", "110105　19491231　002X",
    "身份证号：1101 0519 4912 3100 2X",
]
MOBILE_FORMS = [
    "13912345678", "139 1234 5678", "139-1234-5678", "(139)1234-5678", "(139) 1234 5678", "+86 139 1234 5678",
    "+8613912345678", "0086-139-1234-5678", "86 13912345678", "１３９１２３４５６７８", "（１３９）１２３４－５６７８",
    "１３９　１２３４　５６７８", "1 3 9 1 2 3 4 5 6 7 8", "手机：139 1234 5678",
]


def test_every_form_listed_is_one_the_validators_accept():
    assert len(ID_FORMS) == 11 and len(MOBILE_FORMS) == 14
    assert {parse_id_number(canonical(form)) for form in ID_FORMS} == {ID_NUMBER}
    assert {parse_mobile(canonical(form)) for form in MOBILE_FORMS} == {MOBILE}


def hidden(number: str, text: str) -> bool:
    """True when ``number``'s masked middle digits appear nowhere in ``text``, however grouped."""
    middle = number[6:14] if len(number) == 18 else number[3:7]
    return re.search(r"[\s\-()+]*".join(middle), canonical(text)) is None


@pytest.mark.parametrize("form", ID_FORMS)
def test_an_id_number_is_masked_in_every_accepted_form(form):
    masked = mask_text(f"我的身份证是{form}，请核对")
    assert hidden(ID_NUMBER, masked) and "110105********002" in masked and masked.endswith("，请核对")


@pytest.mark.parametrize("form", MOBILE_FORMS)
def test_a_mobile_number_is_masked_in_every_accepted_form(form):
    masked = mask_text(f"电话{form}。")
    assert hidden(MOBILE, masked) and "139****5678" in masked and masked.endswith("。")


def test_two_numbers_side_by_side_are_each_masked_and_other_numbers_left_alone():
    assert mask_text("13912345678 11010519491231002X") == "139****5678 110105********002X"
    for kept in ("2026-11-24 10:30", "订单号 6222 0212 3456 7890 123", "座机 (021) 6123 4567"):
        assert mask_text(kept) == kept


# -- where support and the logs see them -------------------------------------------------------------------------
def escalated_with_every_form(runtime) -> None:
    """Each form in a message of its own kind: one listing them all, and each alone in an answer."""
    runtime.conversations.handle("oForms", Text("我的号码是 " + "；".join(ID_FORMS + MOBILE_FORMS)))
    for form in (ID_FORMS[2], MOBILE_FORMS[3], MOBILE_FORMS[10]):
        runtime.conversations.handle("oForms", Text(form))
    runtime.conversations.handle("oForms", Text("人工"))


def test_the_escalations_api_shows_no_number_in_full(client, runtime, tokens):
    escalated_with_every_form(runtime)
    answer = client.get("/api/escalations?limit=200", headers={"Authorization": f"Bearer {tokens['support']}"})
    said = [line["text"] for item in answer.json["escalations"] for line in item["conversation"]]
    assert any(text.startswith("我的号码是") and text.count("；") == len(ID_FORMS + MOBILE_FORMS) - 1 for text in said)
    assert all(hidden(ID_NUMBER, text) and hidden(MOBILE, text) for text in said), said


def test_the_console_escalation_page_shows_no_number_in_full(client, runtime, logged_in):
    escalated_with_every_form(runtime)
    logged_in("support")
    page = client.get("/console/escalations").get_data(as_text=True)
    assert "我的号码是" in page
    assert hidden(ID_NUMBER, page) and hidden(MOBILE, page)


def test_a_log_line_shows_no_number_in_full(app):
    stream = io.StringIO()
    logs.configure(logging.INFO, stream)
    forms = ID_FORMS + MOBILE_FORMS
    for form in forms:
        logging.getLogger("bot.test").warning("applicant wrote %s", form)
    lines = [json.loads(line)["event"] for line in stream.getvalue().splitlines()]
    assert len(lines) == len(forms)
    assert all(hidden(ID_NUMBER, line) and hidden(MOBILE, line) for line in lines), lines


def test_support_sees_no_upload_token_in_the_conversation(client, runtime, tokens):
    # The upload link opens the applicant's application to whoever holds it: support reads the chat, not the link.
    said = [runtime.conversations.handle("oLinkSeen", Text(text)) for text in [*WALK_TO_CHECKLIST, "网页上传", "人工"]]
    token = said[-2][-1].rsplit("/upload/", 1)[1]
    answer = client.get("/api/escalations?limit=200", headers={"Authorization": f"Bearer {tokens['support']}"})
    lines = [line["text"] for item in answer.json["escalations"] for line in item["conversation"]]
    assert any("/upload/***" in line for line in lines), lines
    assert not any(token in line for line in lines)
