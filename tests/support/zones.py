"""Running code as a server in another time zone would: the process's zone is TZ, read by tzset.

Times in tests are written with ``SHANGHAI_OFFSET`` (a fixed +08:00), not ``ZoneInfo``: time-machine
also moves the process's zone to a ZoneInfo destination's, which would hide the very bug these
tests look for (a date taken in the server's zone instead of Shanghai's).
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta, timezone

SHANGHAI_OFFSET = timezone(timedelta(hours=8))
#: Zones a server plausibly runs in: UTC (containers) and one far from Shanghai on the other side.
SERVER_ZONES = ("UTC", "America/Los_Angeles")


@contextmanager
def server_zone(name: str) -> Iterator[None]:
    """The process runs in zone ``name`` until the block ends."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
