"""An app with the console login blueprint and a few probe views guarded by ``require_role``,
plus one account of each role (token and console password, tests/support/accounts.py)."""
from __future__ import annotations

import pytest
from flask import Blueprint, g, jsonify, render_template_string

from bot.app import runtime_of
from bot.routes.auth import require_role
from tests.support.accounts import PASSWORD, log_in, tokens  # noqa: F401 - fixtures
from tests.support.console_http import csrf_of

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
def password() -> str:
    """The console password of every account in ``tokens``."""
    return PASSWORD


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def csrf_in():
    """The CSRF token of the form on a page."""
    return csrf_of
