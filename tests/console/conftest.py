"""Console pages through Flask's test client: the same app, store and stand-in as tests/api, and
a browser-like login through the form."""
from __future__ import annotations

import re

import pytest

from tests.api.conftest import PASSWORD, app, client, config, runtime, tokens  # noqa: F401 - fixtures

CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    return CSRF_FIELD.search(html).group(1)


@pytest.fixture
def logged_in(client, tokens):
    """``logged_in("staff")`` logs the test client in as that role's account and returns a CSRF token."""
    def log_in(role: str) -> str:
        page = client.get("/console/login").get_data(as_text=True)
        client.post("/console/login", data={"name": f"{role}1", "password": PASSWORD, "csrf_token": csrf_of(page)})
        return csrf_of(client.get("/console/").get_data(as_text=True))

    return log_in
