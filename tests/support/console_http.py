"""The console's login form, as a browser fills it in: its CSRF token read from a page, and a login
over real HTTP (for tests against gunicorn)."""
from __future__ import annotations

import re

import requests

CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token of the form on a page."""
    return CSRF_FIELD.search(html).group(1)


def console_login(url: str, name: str, password: str, *, forwarded_for: str | None = None,
                  browser: requests.Session | None = None) -> tuple[requests.Session, requests.Response]:
    """Log in at ``url``'s console; the browser (its cookies) and the form's answer (302 on success)."""
    browser = browser or requests.Session()
    if forwarded_for:
        browser.headers["X-Forwarded-For"] = forwarded_for
    token = csrf_of(browser.get(f"{url}/console/login", timeout=5).text)
    answer = browser.post(f"{url}/console/login", data={"name": name, "password": password, "csrf_token": token},
                          allow_redirects=False, timeout=10)
    return browser, answer
