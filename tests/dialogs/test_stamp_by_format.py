"""``clock.stamp`` writes a moment at +08:00 by one format (issue 19: datetime's ``isoformat`` with a zone cost
~15K instructions a call), and gives what ``isoformat(timespec="seconds")`` of the moment in Shanghai gives: for
aware and naive moments across the calendar, Shanghai's old offsets (local mean time, the summers of 1986–1991)
and fractions of a second, which are dropped, never rounded."""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from dialogs import clock


def _isoformat(at: datetime) -> str:
    return clock.in_shanghai(at).isoformat(timespec="seconds")


def test_every_moment_is_written_as_isoformat_wrote_it():
    draw = random.Random(19)
    start = datetime(1, 1, 2, tzinfo=timezone.utc)
    moments = [start + timedelta(seconds=draw.randrange(315_000_000_000), microseconds=draw.randrange(10**6))
               for _ in range(20_000)]
    moments += [datetime(1986, 1, 1) + timedelta(seconds=draw.randrange(6 * 365 * 86400)) for _ in range(5_000)]
    moments += [datetime(1900, 6, 1, tzinfo=timezone.utc), datetime(1988, 7, 1, 12, tzinfo=timezone.utc),
                datetime(2026, 12, 5, 4, 0, 0, 999_999, tzinfo=timezone.utc), clock.now(), datetime.now()]
    assert [clock.stamp(at) for at in moments] == [_isoformat(at) for at in moments]
    assert clock.stamp(datetime(2026, 12, 5, 4, 0, 0, 999_999, tzinfo=timezone.utc)) == "2026-12-05T12:00:00+08:00"
    assert clock.stamp(datetime(1988, 7, 1, 12, tzinfo=timezone.utc)) == "1988-07-01T21:00:00+09:00"
