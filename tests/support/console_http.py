"""The console's login form over real HTTP, as a browser fills it in (for tests against gunicorn)."""
from __future__ import annotations

import re

import requests

CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def console_login(url: str, name: str, password: str, *, forwarded_for: str | None = None,
                  browser: requests.Session | None = None) -> tuple[requests.Session, requests.Response]:
    """Log in at ``url``'s console; the browser (its cookies) and the form's answer (302 on success)."""
    browser = browser or requests.Session()
    if forwarded_for:
        browser.headers["X-Forwarded-For"] = forwarded_for
    token = CSRF_FIELD.search(browser.get(f"{url}/console/login", timeout=5).text).group(1)
    answer = browser.post(f"{url}/console/login", data={"name": name, "password": password, "csrf_token": token},
                          allow_redirects=False, timeout=10)
    return browser, answer
