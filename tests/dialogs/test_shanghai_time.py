"""Dates and times are Shanghai's for applicants and staff, whatever zone the server runs in, and
whatever offset (or none) an older value was stored with."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import time_machine

from bot.applicant.conversation import Conversations
from dialogs import clock, render
from tests.support.chat import Chat
from tests.support.zones import SERVER_ZONES, SHANGHAI_OFFSET, server_zone


@pytest.fixture(params=SERVER_ZONES, autouse=True)
def zone(request):
    with server_zone(request.param):
        yield request.param


def test_a_moment_is_stored_with_the_shanghai_offset():
    assert clock.stamp(datetime(2026, 11, 24, 17, 30, tzinfo=timezone.utc)) == "2026-11-25T01:30:00+08:00"
    assert clock.now().utcoffset().total_seconds() == 8 * 3600


def test_values_stored_in_utc_are_shown_on_the_shanghai_day():
    # The audit log used to be written in UTC: 17:30 UTC is already the next morning in Shanghai.
    assert clock.day("2026-11-24T17:30:00+00:00") == "2026-11-25"
    assert clock.minute("2026-11-24T17:30:00+00:00") == "2026-11-25 01:30"
    assert clock.minute("2026-11-26T23:59:59+08:00") == "2026-11-26 23:59"


def test_old_naive_values_are_read_as_the_local_time_that_wrote_them(zone):
    moment = clock.parse("2026-11-24T10:00:00")
    assert moment == datetime(2026, 11, 24, 10, 0).astimezone()
    assert moment.tzinfo is not None


def test_what_the_applicant_reads_is_in_shanghai_time():
    record = {"status": "approved", "confirm_by": "2026-11-26T15:59:59+00:00", "checklist": [],
              "history": [{"seq": 1, "status": "draft", "at": "2026-11-23T16:30:00+00:00"},
                          {"seq": 2, "status": "submitted", "at": "2026-11-23T16:30:00+00:00"}],
              "submitted_at": "2026-11-23T16:30:00+00:00"}
    progress = render.progress_text("", 0, [], record)
    assert "线上材料待审核　2026-11-24" in progress and "请在 2026-11-26 23:59 前" in progress
    assert "请在 2026-11-26 23:59 前" in render.approved_notice(record)
    assert "（2026-11-24）" in render.submitted_text(record)


def test_today_is_shanghai_today(zone):
    with time_machine.travel(datetime(2026, 11, 25, 1, 0, tzinfo=SHANGHAI_OFFSET), tick=False):
        assert clock.today().isoformat() == "2026-11-25"  # UTC and Los Angeles are still on the 24th


def test_the_permit_rule_counts_from_shanghai_today(sqlite_store):
    chat = Chat(Conversations(sqlite_store))
    # 01:00 on the 25th in Shanghai; a server's own date would still be the 24th, and a permit
    # valid to 2027-01-24 would pass for two months' validity.
    with time_machine.travel(datetime(2026, 11, 25, 1, 0, tzinfo=SHANGHAI_OFFSET), tick=False):
        chat.send("积分新办")
        assert "剩余不足2个月" in chat.send("2027-01-24")
