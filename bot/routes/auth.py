"""Who is calling, and may they: the Flask side of accounts.

- JSON API (``/api/…``): ``Authorization: Bearer <token>``; refusals are JSON (401/403). Every
  answer to a token names its expiry in ``X-Token-Expires-At``, so a script can warn in time.
- Console pages (``/console/…``): a session cookie from the login page; refusals redirect to the
  login page (not logged in) or show a Chinese error page (wrong role, failed CSRF check).

``require_role`` serves both, choosing by the request's path, so a view never says which kind of
caller it expects. Either way the account ends up on ``flask.g.account``.

The cookie holds only a random session id (and the CSRF token); the Store holds the id's hash with
an expiry. Logging out or disabling the account therefore ends access on the server (a copy of the
cookie stops working too), and a copied database reveals no live session.
"""
from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar

from flask import Response, current_app, flash, g, jsonify, redirect, render_template, request, session, url_for

from bot.desk.accounts import ROLE_LABELS, ROLES, Account, account_for_token, get_account, token_hash
from bot.runtime import current_runtime
from storage import Store

View = TypeVar("View", bound=Callable[..., Any])

CONSOLE_PREFIX = "/console"
CONSOLE_HOME = "/console/"
LOGIN_ENDPOINT = "console_session.login"
CONSOLE_SESSION_LIFETIME = timedelta(hours=12)  # one working day; then log in again
EPOCH_MARK = "@"  # "<name>@<session epoch>" in the Store: never part of a name

CSRF_FIELD = "csrf_token"       # hidden form field, and the session entry it must match
CSRF_HEADER = "X-CSRF-Token"    # for console scripts posting without a form
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

REALM = 'Bearer realm="jifen"'
TOKEN_EXPIRY_HEADER = "X-Token-Expires-At"


def app_store() -> Store:
    """The Store of the app serving this request."""
    return current_runtime().store


def is_console_request() -> bool:
    """True for console pages, which authenticate by session cookie rather than bearer token."""
    return request.path == CONSOLE_PREFIX or request.path.startswith(CONSOLE_PREFIX + "/")


# -- the one decorator ---------------------------------------------------------------
def require_role(*roles: str) -> Callable[[View], View]:
    """Let a view run only for an enabled account holding one of ``roles`` (any role when none
    are named; admin always). The account is put on ``flask.g.account``.

    On the API: no, bad or expired token → 401, disabled account → 401, wrong role → 403, all JSON.
    On console pages: not logged in → redirect to the login page; wrong role → 403 page; and
    every POST must carry the session's CSRF token (see :func:`check_csrf`).
    """
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles: {', '.join(sorted(unknown))}; expected some of {', '.join(ROLES)}")

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if is_console_request():
                return _console_refusal(roles) or view(*args, **kwargs)
            refusal = _api_refusal(roles)
            if refusal:
                return refusal
            response = current_app.make_response(view(*args, **kwargs))
            response.headers[TOKEN_EXPIRY_HEADER] = g.account.token_expires_at
            return response

        return guarded  # type: ignore[return-value]

    return decorate


def _api_refusal(roles: tuple[str, ...]) -> Response | None:
    token = bearer_token()
    if token is None:
        return _unauthorized("缺少访问令牌：请在请求头中提供 Authorization: Bearer <令牌>")
    account = account_for_token(app_store(), token)
    if account is None:
        return _unauthorized("访问令牌无效或已被更换", invalid=True)
    if account.disabled:
        return _unauthorized("账号已停用", invalid=True)
    if account.token_expired:
        return _unauthorized(f"访问令牌已于 {account.token_expires_at} 过期：请管理员用 "
                             f"python -m bot user token {account.name} 更换", invalid=True)
    if not account.may_act_as(roles):
        return _json_error(403, "forbidden", f"此操作需要以下角色之一：{_role_labels(roles)}")
    g.account = account
    return None


def _console_refusal(roles: tuple[str, ...]) -> Response | None:
    account = current_console_account()
    if account is None:
        flash("请先登录。", "info")
        target = request.full_path.rstrip("?") if request.method == "GET" else None
        return redirect(url_for(LOGIN_ENDPOINT, next=target))
    g.account = account  # before the role check, so the 403 page can say who is logged in
    if not account.may_act_as(roles):
        return error_page(403, "没有权限", f"此页面需要以下角色之一：{_role_labels(roles)}。"
                                           f"你的账号 {account.name} 的角色是{account.role_label}。")
    return check_csrf()


def bearer_token() -> str | None:
    """The token of an ``Authorization: Bearer …`` header, or None."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def _unauthorized(message: str, invalid: bool = False) -> Response:
    response = _json_error(401, "unauthorized", message)
    # RFC 6750: name the scheme; say "invalid_token" only when a token was presented.
    response.headers["WWW-Authenticate"] = f'{REALM}, error="invalid_token"' if invalid else REALM
    return response


def _json_error(status: int, error: str, message: str) -> Response:
    response = jsonify(error=error, message=message)
    response.status_code = status
    return response


def _role_labels(roles: tuple[str, ...]) -> str:
    """The roles in Chinese for messages ("预审人员、管理员"); admin is always among them."""
    return "、".join(ROLE_LABELS[role] for role in ROLES if role in roles or role == "admin")


def error_page(status: int, title: str, message: str) -> Response:
    """A console page explaining, in Chinese, why a request was refused."""
    response = current_app.make_response(render_template("console/error.html", title=title, message=message))
    response.status_code = status
    return response


# -- console sessions --------------------------------------------------------------------
def start_console_session(account: Account) -> None:
    """Log ``account`` in on this browser: a fresh session (new id, new CSRF token) each time."""
    session.clear()
    session_id = secrets.token_urlsafe(32)
    app_store().remember(_session_key(session_id), f"{account.name}{EPOCH_MARK}{account.session_epoch}",
                         CONSOLE_SESSION_LIFETIME.total_seconds())
    session["sid"] = session_id
    session.permanent = True  # the cookie expires with the server-side session, not "never"


def end_console_session() -> None:
    """Log this browser out; the session id stops working even if the cookie was copied."""
    session_id = session.get("sid")
    if session_id:
        app_store().forget(_session_key(session_id))
    session.clear()


def current_console_account() -> Account | None:
    """The enabled account logged in on this browser, or None (also when the account's password
    changed or it was disabled after this session began)."""
    session_id = session.get("sid")
    if not session_id:
        return None
    held = app_store().recall(_session_key(session_id))
    # Sessions from before epochs hold the bare name: epoch 0, valid until the account's first change.
    name, _, epoch = (held or "").partition(EPOCH_MARK)
    account = get_account(app_store(), name) if name else None
    if account is None or account.disabled or account.session_epoch != int(epoch or 0):
        end_console_session()
        return None
    return account


def _session_key(session_id: str) -> str:
    return f"console-session:{token_hash(session_id)}"


# -- CSRF ------------------------------------------------------------------------------
def csrf_token() -> str:
    """This session's CSRF token, for a hidden ``csrf_token`` field in every console form
    (templates call ``{{ csrf_token() }}``)."""
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return session[CSRF_FIELD]


def check_csrf() -> Response | None:
    """None when the request is safe (GET/HEAD/OPTIONS) or carries this session's CSRF token in
    the ``csrf_token`` field or the ``X-CSRF-Token`` header; otherwise a 400 page.

    Usable as a blueprint's ``before_request`` hook, which protects every view in it.
    """
    if request.method in SAFE_METHODS:
        return None
    expected = session.get(CSRF_FIELD, "")
    presented = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
    if expected and hmac.compare_digest(expected.encode(), presented.encode()):
        return None
    return error_page(400, "页面已过期", "这个表单已过期或不是从本站提交的。请返回上一页，刷新后再试一次。")


def csrf_protect(view: View) -> View:
    """Refuse a POST (PUT, PATCH, DELETE) to ``view`` that lacks this session's CSRF token."""
    @wraps(view)
    def protected(*args: Any, **kwargs: Any) -> Any:
        return check_csrf() or view(*args, **kwargs)

    return protected  # type: ignore[return-value]

