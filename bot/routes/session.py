"""``/console/login`` and ``/console/logout``: staff sign in to the console with name and password.

Registering this blueprint also sets up what every console page relies on: the session cookie's
flags, ``csrf_token()`` and ``current_account`` in templates, and headers that keep console pages
out of frames and caches.
"""
from __future__ import annotations

import math

from flask import Blueprint, Flask, Request, Response, flash, g, redirect, render_template, request, url_for
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface

from bot.desk.accounts import account_for_password, audit, normalize_name
from bot.routes.auth import (CONSOLE_HOME, CONSOLE_PREFIX, CONSOLE_SESSION_LIFETIME, app_store, csrf_protect, csrf_token,
                             current_console_account, end_console_session, is_console_request, start_console_session)
from bot.client_address import client_address
from bot.desk.login_throttle import LoginThrottle
from bot.runtime import current_runtime

bp = Blueprint("console_session", __name__)

# Refusal.per -> what the login page says
REFUSALS = {
    "name": "这个账号最近登录失败较多，为防止猜测密码，请 {seconds} 秒后再试。",
    "address": "此网络地址登录失败次数过多，请 {minutes} 分钟后再试。",
}


class CookieSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, opened only for a request that brings the cookie: Flask
    would otherwise build a signing serializer on every WeChat message, which never has one."""

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request)


@bp.record_once
def _configure_session_cookie(state) -> None:
    config = state.app.extensions["runtime"].config
    state.app.session_interface = CookieSessions()
    state.app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",  # a cross-site POST arrives without the cookie
        SESSION_COOKIE_SECURE=config.public_url.startswith("https://"),
        PERMANENT_SESSION_LIFETIME=CONSOLE_SESSION_LIFETIME,
    )


@bp.app_context_processor
def _template_helpers() -> dict[str, object]:
    return {"csrf_token": csrf_token, "current_account": g.get("account")}


@bp.after_app_request
def _console_headers(response: Response) -> Response:
    if is_console_request():
        # Pages show applicants' personal data and take staff decisions: never framed
        # (clickjacking), never cached by the browser or a proxy.
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


@bp.get("/console/login")
def login():
    if current_console_account():
        return redirect(_safe_next(request.args.get("next")))
    return _login_page(next_url=_safe_next(request.args.get("next")))


@bp.post("/console/login")
@csrf_protect
def submit_login():
    name = normalize_name(request.form.get("name", ""))
    password = request.form.get("password", "")
    next_url = _safe_next(request.form.get("next"))
    if not name or not password:
        return _login_page(400, "请输入用户名和密码。", name, next_url)
    throttle = LoginThrottle(app_store())
    address = client_address(request.remote_addr, request.headers.get("X-Forwarded-For"),
                             current_runtime().config.trusted_proxies)
    refusal = throttle.refusal(name, address)
    if refusal is not None:
        return _login_page(429, REFUSALS[refusal.per].format(seconds=refusal.seconds,
                                                            minutes=math.ceil(refusal.seconds / 60)), name, next_url)
    account = account_for_password(app_store(), name, password)
    if account is None:
        throttle.record_failure(name, address)
        return _login_page(401, "用户名或密码不正确。", name, next_url)
    if account.disabled:
        return _login_page(403, "此账号已停用，请联系管理员。", name, next_url)
    throttle.clear(name)
    start_console_session(account)
    audit(app_store(), account, "console.login", f"account:{account.name}", {"ip": address})
    return redirect(next_url)


@bp.post("/console/logout")
@csrf_protect
def logout():
    account = current_console_account()
    end_console_session()
    if account:
        audit(app_store(), account, "console.logout", f"account:{account.name}")
    flash("已退出登录。", "info")
    return redirect(url_for(".login"))


def _login_page(status: int = 200, error: str | None = None, name: str = "", next_url: str = CONSOLE_HOME):
    return render_template("console/login.html", error=error, name=name, next_url=next_url), status


def _safe_next(target: str | None) -> str:
    """Where to go after logging in: only a console page of this site, so the login page cannot
    be used to send staff to another site."""
    return target if target and target.startswith(CONSOLE_PREFIX + "/") else CONSOLE_HOME
