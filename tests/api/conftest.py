"""The staff desk's app (tests/support/desk_app.py): production wiring, a real SQLite store, the WeChat
stand-in, one account per role, jobs run inline."""
from tests.support.desk_app import app, as_role, client, config, logged_in, runtime, tokens  # noqa: F401 - fixtures
