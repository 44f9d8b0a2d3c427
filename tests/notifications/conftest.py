"""A runtime against a real SQLite store and the WeChat stand-in, whose jobs are only recorded:
each test delivers notifications itself, one attempt at a time, and can stop a sender mid-way."""
from __future__ import annotations

import pytest

from tests.support.notifications import TEMPLATE_ID, runtime_for


@pytest.fixture
def runtime(tmp_path, stub):
    """Customer-service texts only (no template configured)."""
    runtime = runtime_for(tmp_path, stub)
    yield runtime
    runtime.close()


@pytest.fixture
def templated(tmp_path, stub):
    """With WECHAT_TEMPLATE_STATUS configured."""
    runtime = runtime_for(tmp_path, stub, wechat_template_status=TEMPLATE_ID)
    yield runtime
    runtime.close()
