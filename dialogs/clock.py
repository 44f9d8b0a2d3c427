"""Time as the applicants and staff live it: Asia/Shanghai, whatever zone the server runs in.

Every timestamp the product stores is written by :func:`stamp`, an ISO string with its offset
("2026-11-24T18:00:00+08:00"), and every date or time it shows goes through :func:`day` or
:func:`minute`. Records written before timestamps carried an offset hold the server's naive local
time (and the audit log UTC): :func:`parse` reads both, a naive value as the local time that wrote it.
"""
from __future__ import annotations

from contextvars import ContextVar
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
END_OF_DAY = time(23, 59, 59)


def now() -> datetime:
    """The current moment, in Shanghai."""
    return datetime.now(SHANGHAI)


# The day a turn of the dialogue is taken on: one date for every check of the turn (the permit's days left and
# "下个月底" read at its answer), though the clock may pass midnight in between, and the date a replay or a test
# fixes (``Context.today``) rather than the machine's.
_TURNS_DAY: ContextVar[date | None] = ContextVar("turns_day", default=None)


def today() -> date:
    """Today's date in Shanghai (a UTC server is still on yesterday until 08:00), or the day of the turn
    being taken (``turn_on``)."""
    return _TURNS_DAY.get() or now().date()


class turn_on:  # noqa: N801 - read as a function: ``with turn_on(day):``
    """Within it, :func:`today` is ``day``. A class rather than a ``@contextmanager`` generator: every
    turn is taken in one, and the generator's context manager costs ~7K instructions more."""

    def __init__(self, day: date) -> None:
        self._day = day

    def __enter__(self) -> None:
        self._token = _TURNS_DAY.set(self._day)

    def __exit__(self, *_: object) -> None:
        _TURNS_DAY.reset(self._token)


def in_shanghai(at: datetime) -> datetime:
    """``at`` in Shanghai time; a naive value is taken as the server's local time."""
    return at.astimezone(SHANGHAI)


_EIGHT_HOURS = timedelta(hours=8)


def stamp(at: datetime) -> str:
    """How a moment is stored: Shanghai time with its offset, to the second (``isoformat(timespec="seconds")``;
    at +08:00, Shanghai's offset since 1991, written by one format: datetime's ``isoformat`` with a zone cost ~15K
    instructions, about one a message: issue 19)."""
    local = in_shanghai(at)
    if local.utcoffset() != _EIGHT_HOURS:
        return local.isoformat(timespec="seconds")
    return "%04d-%02d-%02dT%02d:%02d:%02d+08:00" % (local.year, local.month, local.day, local.hour, local.minute,
                                                   local.second)


def parse(value: str) -> datetime:
    """A stored timestamp as an aware datetime, old naive values included."""
    return in_shanghai(datetime.fromisoformat(value))


def end_of_day(day: date) -> datetime:
    """23:59:59 of ``day`` in Shanghai."""
    return datetime.combine(day, END_OF_DAY, tzinfo=SHANGHAI)


def day(value: str | None) -> str:
    """A stored timestamp as the Shanghai date people read ("2026-11-24"); "" when there is none."""
    return parse(value).strftime("%Y-%m-%d") if value else ""


def minute(value: str | None) -> str:
    """A stored timestamp as the Shanghai date and time people read ("2026-11-24 18:00")."""
    return parse(value).strftime("%Y-%m-%d %H:%M") if value else ""
