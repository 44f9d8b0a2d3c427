"""Console pages through Flask's test client: the same app, store and stand-in as tests/api
(tests/support/desk_app.py), and a browser-like login through the form (``logged_in``)."""
from tests.support.desk_app import app, client, config, logged_in, runtime, tokens  # noqa: F401 - fixtures
