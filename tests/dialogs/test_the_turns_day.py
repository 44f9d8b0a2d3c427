"""A date said from today is read from the turn's day (``Context.today``), the same day the permit's days
left are counted from, never from the machine's clock beside it: a replay or a fixed clock reads "明年的今天"
as the applicant meant it, and a turn that crosses midnight checks one day throughout."""
from __future__ import annotations

from datetime import date

from dialogs import clock
from tests.support.chat import TODAY


def test_a_date_said_from_today_counts_from_the_turns_day_not_the_machines(chat):
    assert TODAY.date() != clock.today()  # the fixture's day is not the machine's: otherwise this test shows nothing
    chat.send("你好")
    chat.send("积分新办")
    chat.send("明年的今天到期")
    assert chat.state["answers"]["permit_expiry"] == TODAY.date().replace(year=TODAY.year + 1).isoformat()


def test_the_turns_day_holds_only_within_the_turn():
    with clock.turn_on(date(2030, 1, 2)):
        assert clock.today() == date(2030, 1, 2)
    assert clock.today() != date(2030, 1, 2)
