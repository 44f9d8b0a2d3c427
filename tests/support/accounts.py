"""One account of each role ("staff1", "support1", "admin1", password :data:`PASSWORD`) on the
``app_store`` fixture of the folder that uses them, and a login through the console's form."""
from __future__ import annotations

import pytest

from bot.desk.accounts import audit_trail, create_account
from tests.support.console_http import csrf_of

PASSWORD = "correct horse battery"


def last_decision(store) -> dict:
    """The audit trail's last entry that is not a view: a decision's POST answers with the application in full, and
    that view is audited after the decision."""
    return next(e for e in reversed(audit_trail(store)) if e["action"] != "application.view_personal")


@pytest.fixture
def tokens(app_store) -> dict[str, str]:
    """name -> API token for the accounts "staff1", "support1" and "admin1" (password PASSWORD)."""
    return {f"{role}1": create_account(app_store, f"{role}1", role, PASSWORD)[1] for role in ("staff", "support", "admin")}


@pytest.fixture
def log_in(tokens):
    """Log ``client`` in through the login form, as a browser would; returns the POST's response."""
    def log_in(client, name: str, password: str = PASSWORD, **kwargs):
        page = client.get("/console/login", **kwargs)
        return client.post("/console/login", data={"name": name, "password": password,
                                                    "csrf_token": csrf_of(page.get_data(as_text=True))}, **kwargs)

    return log_in
