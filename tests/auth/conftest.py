"""An app with the console login blueprint and a few probe views guarded by ``require_role``,
plus one account of each role (token and console password)."""
from __future__ import annotations

import re

import pytest
from flask import Blueprint, g, jsonify, render_template_string

from bot.desk.accounts import create_account
from bot.app import runtime_of
from bot.routes.auth import require_role

PASSWORD = "correct horse battery"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')

probes = Blueprint("probes", __name__)


def _whoami():
    return jsonify(name=g.account.name, role=g.account.role)


probes.add_url_rule("/api/probe/staff", "staff", require_role("staff")(_whoami))
probes.add_url_rule("/api/probe/support", "support", require_role("support")(_whoami))
probes.add_url_rule("/api/probe/admin", "admin", require_role("admin")(_whoami))
probes.add_url_rule("/api/probe/anyone", "anyone", require_role()(_whoami))


@probes.get("/console/")
@require_role()
def console_home():
    return render_template_string('{% extends "console/base.html" %}{% block content %}'
                                  '<p>欢迎，{{ current_account.name }}</p>{% endblock %}')


@probes.get("/console/support-only")
@require_role("support")
def support_only():
    return "support page"


@probes.post("/console/probe")
@require_role()
def console_post():
    return "done"


@pytest.fixture
def app(make_app):
    app = make_app()
    app.register_blueprint(probes)
    return app


@pytest.fixture
def app_store(app):
    return runtime_of(app).store


@pytest.fixture
def tokens(app_store) -> dict[str, str]:
    """name -> API token for the accounts "staff1", "support1" and "admin1" (password PASSWORD)."""
    return {f"{role}1": create_account(app_store, f"{role}1", role, PASSWORD)[1] for role in ("staff", "support", "admin")}


@pytest.fixture
def password() -> str:
    """The console password of every account in ``tokens``."""
    return PASSWORD


@pytest.fixture
def client(app):
    return app.test_client()


def _csrf_in(html: str) -> str:
    return CSRF_FIELD.search(html).group(1)


@pytest.fixture
def csrf_in():
    """The CSRF token of the form on a page."""
    return _csrf_in


@pytest.fixture
def log_in(tokens):
    """Log ``client`` in through the login form, as a browser would; returns the POST's response."""
    def log_in(client, name: str, password: str = PASSWORD, **kwargs):
        page = client.get("/console/login", **kwargs)
        return client.post("/console/login", data={"name": name, "password": password,
                                                    "csrf_token": _csrf_in(page.get_data(as_text=True))}, **kwargs)

    return log_in
