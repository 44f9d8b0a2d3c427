"""``python -m bot wechat-stub``: a local stand-in of WeChat's official-account HTTP API.

WeChat's servers are out of reach from tests and demos, so the bot talks to this instead
(``WECHAT_API_BASE_URL=http://127.0.0.1:PORT/cgi-bin/``). It answers the documented requests
with the documented JSON and errcodes:

  GET  /cgi-bin/token?grant_type=client_credential&appid=&secret=   (40002, 40013, 40125)
  POST /cgi-bin/stable_token {grant_type, appid, secret, force_refresh}
  POST /cgi-bin/message/custom/send      text of at most 2048 bytes (45002) or image (40007)
  POST /cgi-bin/message/template/send    -> {errcode: 0, errmsg: "ok", msgid}
  GET  /cgi-bin/media/get?media_id=      the file with its Content-Type, or 40007
  POST /cgi-bin/media/upload?type=image  multipart field ``media`` -> {type, media_id, created_at}
  POST /cgi-bin/menu/create              at most 3 buttons of at most 5 sub-buttons (40016-40026)
  GET  /cgi-bin/user/info?openid=&lang=

Web authorisation (网页授权), as a page opened inside WeChat sees it:

  GET  /connect/oauth2/authorize?appid=&redirect_uri=&response_type=code&scope=snsapi_base|snsapi_userinfo
       &state=   the browser is sent back to ``redirect_uri?code=CODE&state=STATE`` at once (the user
       is whoever the stub's cookie says opened the page: see /_stub/wechat-user); a wrong appid or
       scope, or a browser outside WeChat, gets an error page instead, as on WeChat
  GET  /sns/oauth2/access_token?appid=&secret=&code=&grant_type=authorization_code
       -> {access_token, expires_in: 7200, refresh_token, openid, scope}; a code works once (40163
       after) and for 5 minutes (40029 after, and for a code never issued); 41008 without a code,
       40002 for another grant_type, 40013 / 40125 for a wrong appid / secret. No access_token needed

Every API call but the token endpoints needs ``access_token``: missing -> 41001, unknown or
replaced -> 40001, expired -> 42001. A new /token leaves the previous one valid for 5 minutes and
stable_token returns the same token until it expires or ``force_refresh``, as WeChat does.

Customer-service messages keep WeChat's window rules: a user's message opens 48 h with a budget
of 5, a menu click, follow or scan opens 1 minute with 3; after the window -> 45015, over the
budget -> 45047. A user the stub was not told about counts as having just sent a message, since
the bot's inbound messages never pass through the stub.

Control endpoints (the stub's own, not WeChat's):

  GET  /_stub/requests[?path=/cgi-bin/...]  API requests received, oldest first:
       {method, path, args, json, files, errcode} (errcode null when a file was answered)
  POST /_stub/interaction {openid, kind: message|click|follow|scan, ago_seconds?, budget?,
       window_seconds?}  open that user's window as if the interaction was ago_seconds ago
  POST /_stub/media[?media_id=]  body = the file, Content-Type = its type -> {media_id}
  POST /_stub/expire-token       every access token issued so far expires now
  POST /_stub/fail?errcode=N[&times=1][&path=/cgi-bin/...]  the next ``times`` API requests
       (to ``path``; by default to any endpoint but the token ones) answer errcode N
  POST /_stub/fail?http_status=S[&times=1][&path=...]  … are answered HTTP S (a 502 or 503) by
       something in front of WeChat: recorded with errcode null, never acted on
  POST /_stub/delay?seconds=S[&times=1][&path=/cgi-bin/...]  the next ``times`` API requests (chosen
       as for fail) are taken in, recorded and acted on, and answered only S seconds later: the
       window in which a sender dies after WeChat has accepted its message
  GET  /_stub/wechat-user?openid=&next=URL   the browser "is" that WeChat user from now on (a cookie),
       then goes to ``next``: how a test opens a menu link inside someone's WeChat
  POST /_stub/reset              forget everything
"""
from __future__ import annotations

import argparse
import itertools
import json
import mimetypes
import os
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from urllib.parse import urlencode

from flask import Blueprint, Flask, Response, current_app, g, jsonify, redirect, request
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from bot.config import Config
from bot.wechat.client import mask_credentials

API_PREFIX = "/cgi-bin/"
TOKEN_PATHS = ("/cgi-bin/token", "/cgi-bin/stable_token")
DEFAULT_PORT = 8090
TOKEN_LIFETIME = 7200
REPLACED_TOKEN_GRACE = 300  # WeChat keeps the previous /token valid this long after a new one
OAUTH_CODE_SECONDS = 300  # a web-authorisation code lives 5 minutes and works once
OAUTH_SCOPES = ("snsapi_base", "snsapi_userinfo")
USER_COOKIE = "stub_wechat_openid"
MAX_TEXT_BYTES = 2048
MAX_KEY_BYTES = 128
MAX_SUB_BUTTONS = 5

# interaction -> (messages allowed, seconds open): WeChat's customer-service message rules
WINDOWS = {"message": (5, 48 * 3600), "click": (3, 60), "follow": (3, 60), "scan": (3, 60)}
# media type -> (largest file in bytes, errcode when larger)
UPLOAD_LIMITS = {"image": (10 << 20, 40009), "voice": (2 << 20, 40006), "video": (10 << 20, 40006),
                 "thumb": (64 << 10, 40006)}

ERRMSG = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40002: "invalid grant_type",
    40003: "invalid openid",
    40004: "invalid media type",
    40006: "invalid file size",
    40007: "invalid media_id",
    40008: "invalid message type",
    40009: "invalid image size",
    40013: "invalid appid",
    40029: "invalid code",
    40163: "code been used",
    41008: "missing code",
    40016: "invalid button size",
    40017: "invalid button type",
    40018: "invalid button name size",
    40019: "invalid button key size",
    40023: "invalid sub button size",
    40024: "invalid sub button type",
    40025: "invalid sub button name size",
    40026: "invalid sub button key size",
    40037: "invalid template_id",
    40125: "invalid appsecret",
    41001: "access_token missing",
    41005: "media data missing",
    42001: "access_token expired",
    43001: "require GET method",
    43002: "require POST method",
    44004: "empty content",
    45002: "content size out of limit",
    45009: "reach max api daily quota limit",
    45015: "response out of time limit or subscription is canceled",
    45047: "out of response count limit",
    47001: "data format error",
}


# -- menu rules ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _ButtonRules:
    """Limits of one menu level and the errcodes WeChat answers when they are broken."""

    max_name_bytes: int
    type_error: int
    name_error: int
    key_error: int


TOP_BUTTON = _ButtonRules(16, 40017, 40018, 40019)
SUB_BUTTON = _ButtonRules(60, 40024, 40025, 40026)
KEYED_TYPES = {"click", "scancode_push", "scancode_waitmsg", "pic_sysphoto", "pic_photo_or_album",
               "pic_weixin", "location_select"}
BUTTON_TYPES = KEYED_TYPES | {"view", "miniprogram", "media_id", "article_id", "article_view_limited"}


def _menu_error(menu: dict[str, Any]) -> int | None:
    buttons = menu.get("button")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
        return 40016
    for button in buttons:
        subs = button.get("sub_button")
        if not subs:
            error = _button_error(button, TOP_BUTTON)
        elif not _name_fits(button, TOP_BUTTON):
            error = TOP_BUTTON.name_error
        elif len(subs) > MAX_SUB_BUTTONS:
            error = 40023
        else:
            error = next(filter(None, (_button_error(sub, SUB_BUTTON) for sub in subs)), None)
        if error:
            return error
    return None


def _button_error(button: dict[str, Any], rules: _ButtonRules) -> int | None:
    if button.get("type") not in BUTTON_TYPES:
        return rules.type_error
    if not _name_fits(button, rules):
        return rules.name_error
    if button["type"] in KEYED_TYPES and not 0 < len(str(button.get("key", "")).encode()) <= MAX_KEY_BYTES:
        return rules.key_error
    return None


def _name_fits(button: dict[str, Any], rules: _ButtonRules) -> bool:
    return 0 < len(str(button.get("name", "")).encode()) <= rules.max_name_bytes


# -- state --------------------------------------------------------------------------------
@dataclass
class _Window:
    """One user's customer-service window."""

    opened_at: float
    seconds: float
    budget: int
    used: int = 0


INJECTIONS = ("errcode", "http_status", "delay")  # the misbehaviours the control API can ask for


@dataclass
class _Injected:
    """An injected misbehaviour (an errcode, an HTTP status, a delay in seconds) for the next ``times`` requests
    to ``path`` (any endpoint but the token ones when None)."""

    value: float
    times: int
    path: str | None

    def matches(self, path: str) -> bool:
        return path == self.path if self.path else path not in TOKEN_PATHS


class StubState:
    """Everything the stub remembers, behind one lock: the server answers on several threads."""

    def __init__(self, app_id: str, app_secret: str) -> None:
        self.app_id, self.app_secret = app_id, app_secret
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self._requests: list[dict[str, Any]] = []
            self._tokens: dict[str, float] = {}  # access token -> when it expires
            self._stable_token: str | None = None
            self._media: dict[str, tuple[bytes, str]] = {}  # media_id -> (bytes, content type)
            self._windows: dict[str, _Window] = {}
            self._injected: dict[str, list[_Injected]] = {kind: [] for kind in INJECTIONS}
            self._msgids = itertools.count(int(time.time()))
            self._oauth_codes: dict[str, tuple[str, str, float]] = {}  # code -> (openid, scope, issued at)
            self._used_codes: set[str] = set()

    # requests
    def record(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self._requests.append(entry)

    def answered(self, entry: dict[str, Any], errcode: int | None) -> None:
        with self._lock:
            entry["errcode"] = errcode

    def recorded(self, path: str | None) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(r) for r in self._requests if path in (None, r["path"])]

    def inject(self, kind: str, injection: _Injected) -> None:
        """Misbehave as ``kind`` (one of INJECTIONS) on the next requests ``injection`` names."""
        with self._lock:
            self._injected[kind].append(injection)

    def injected(self, kind: str, path: str) -> float | None:
        """The value of the first ``kind`` injection matching ``path`` (used up once), or None."""
        return self._take(self._injected[kind], path)

    def _take(self, injected: list[_Injected], path: str) -> float | None:
        """The value of the first injection matching ``path``, used up once."""
        with self._lock:
            match = next((i for i in injected if i.matches(path)), None)
            if match is None:
                return None
            match.times -= 1
            if match.times <= 0:
                injected.remove(match)
            return match.value

    # tokens
    def credentials_error(self, grant_type: Any, app_id: Any, secret: Any) -> int | None:
        if grant_type != "client_credential":
            return 40002
        if app_id != self.app_id:
            return 40013
        if secret != self.app_secret:
            return 40125
        return None

    def issue_token(self) -> tuple[str, int]:
        """A new token; the ones before it stay valid for a grace period, as on WeChat."""
        now = time.time()
        with self._lock:
            for token, expires_at in self._tokens.items():
                if token != self._stable_token:
                    self._tokens[token] = min(expires_at, now + REPLACED_TOKEN_GRACE)
            return self._new_token(now), TOKEN_LIFETIME

    def issue_stable_token(self, force_refresh: bool) -> tuple[str, int]:
        """The current stable token while it lives; a new one (replacing it at once) otherwise."""
        now = time.time()
        with self._lock:
            current = self._stable_token
            if current and not force_refresh and self._tokens.get(current, 0) > now:
                return current, int(self._tokens[current] - now)
            self._tokens.pop(current or "", None)
            self._stable_token = self._new_token(now)
            return self._stable_token, TOKEN_LIFETIME

    def _new_token(self, now: float) -> str:
        token = secrets.token_urlsafe(96)
        self._tokens[token] = now + TOKEN_LIFETIME
        return token

    def token_error(self, token: str | None) -> int | None:
        if not token:
            return 41001
        with self._lock:
            expires_at = self._tokens.get(token)
        if expires_at is None:
            return 40001
        return 42001 if expires_at <= time.time() else None

    def expire_tokens(self) -> None:
        now = time.time()
        with self._lock:
            self._tokens = {token: now for token in self._tokens}

    # customer-service windows
    def open_window(self, openid: str, window: _Window) -> None:
        with self._lock:
            self._windows[openid] = window

    def spend_custom_message(self, openid: str) -> int | None:
        """Count one message against the user's window; the errcode when none is left."""
        now = time.time()
        budget, seconds = WINDOWS["message"]
        with self._lock:
            window = self._windows.setdefault(openid, _Window(now, seconds, budget))
            if now > window.opened_at + window.seconds:
                return 45015
            if window.used >= window.budget:
                return 45047
            window.used += 1
            return None

    # media and messages
    def add_media(self, data: bytes, content_type: str, media_id: str | None = None) -> str:
        media_id = media_id or secrets.token_urlsafe(48)
        with self._lock:
            self._media[media_id] = (data, content_type)
        return media_id

    def media_file(self, media_id: str) -> tuple[bytes, str] | None:
        with self._lock:
            return self._media.get(media_id)

    def next_msgid(self) -> int:
        with self._lock:
            return next(self._msgids)

    # web authorisation
    def issue_oauth_code(self, openid: str, scope: str) -> str:
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._oauth_codes[code] = (openid, scope, time.time())
        return code

    def redeem_oauth_code(self, code: str) -> tuple[str, str] | int:
        """(openid, scope) for a code, once; the errcode otherwise."""
        with self._lock:
            if code in self._used_codes:
                return 40163
            issued = self._oauth_codes.pop(code, None)
            if issued is None or time.time() - issued[2] > OAUTH_CODE_SECONDS:
                return 40029
            self._used_codes.add(code)
            return issued[0], issued[1]


def _state() -> StubState:
    return current_app.extensions["wechat_stub"]


# -- helpers ------------------------------------------------------------------------------
def _error(errcode: int) -> Response:
    # WeChat appends a request id to every error message; callers should log it, so imitate it.
    rid = f"{secrets.token_hex(4)}-{secrets.token_hex(4)}-{secrets.token_hex(4)}"
    return jsonify(errcode=errcode, errmsg=f"{ERRMSG.get(errcode, 'injected error')} rid: {rid}")


def _ok() -> Response:
    return jsonify(errcode=0, errmsg="ok")


def _json_body() -> Any:
    """The request body as JSON. WeChat ignores the Content-Type (wechatpy sends none), so do we."""
    try:
        return json.loads(request.get_data() or b"null")
    except ValueError:
        return None


def _file_summary() -> dict[str, dict[str, Any]]:
    summary = {}
    for name, upload in request.files.items():
        size = len(upload.read())
        upload.seek(0)
        summary[name] = {"filename": upload.filename, "content_type": upload.mimetype, "size": size}
    return summary


# -- WeChat's API ---------------------------------------------------------------------------
api = Blueprint("wechat_api", __name__, url_prefix=API_PREFIX.rstrip("/"))


@api.before_request
def record_and_authorise() -> Response | None:
    """Record the request, then answer an injected failure or a bad access token before the endpoint."""
    state = _state()
    multipart = request.mimetype == "multipart/form-data"
    g.record = {"method": request.method, "path": request.path, "args": request.args.to_dict(),
                "json": None if multipart else _json_body(), "files": _file_summary() if multipart else {},
                "errcode": None}
    state.record(g.record)
    status = state.injected("http_status", request.path)
    if status is not None:
        return Response(f"<html><body>{status:.0f} (in front of WeChat)</body></html>", status=int(status),
                        mimetype="text/html")
    injected = state.injected("errcode", request.path)
    errcode = None if injected is None else int(injected)
    if errcode is None and request.path not in TOKEN_PATHS:
        errcode = state.token_error(request.args.get("access_token"))
    return _error(errcode) if errcode is not None else None


@api.after_request
def remember_answer(response: Response) -> Response:
    if "record" in g:
        _state().answered(g.record, response.get_json().get("errcode", 0) if response.is_json else None)
    delay = _state().injected("delay", request.path)
    if delay:
        time.sleep(delay)  # the request is recorded and acted on; only the answer is late
    return response


@api.get("/token")
def token() -> Response:
    args = request.args
    errcode = _state().credentials_error(args.get("grant_type"), args.get("appid"), args.get("secret"))
    if errcode:
        return _error(errcode)
    access_token, expires_in = _state().issue_token()
    return jsonify(access_token=access_token, expires_in=expires_in)


@api.post("/stable_token")
def stable_token() -> Response:
    body = _json_body()
    if not isinstance(body, dict):
        return _error(47001)
    errcode = _state().credentials_error(body.get("grant_type"), body.get("appid"), body.get("secret"))
    if errcode:
        return _error(errcode)
    access_token, expires_in = _state().issue_stable_token(bool(body.get("force_refresh")))
    return jsonify(access_token=access_token, expires_in=expires_in)


@api.post("/message/custom/send")
def send_custom_message() -> Response:
    body = _json_body()
    if not isinstance(body, dict):
        return _error(47001)
    errcode = _custom_message_error(body) or _state().spend_custom_message(body["touser"])
    return _error(errcode) if errcode else _ok()


def _custom_message_error(body: dict[str, Any]) -> int | None:
    if not body.get("touser"):
        return 40003
    kind = body.get("msgtype")
    if kind == "text":
        content = (body.get("text") or {}).get("content") or ""
        if not content:
            return 44004
        return 45002 if len(content.encode("utf-8")) > MAX_TEXT_BYTES else None
    if kind == "image":
        return None if _state().media_file((body.get("image") or {}).get("media_id", "")) else 40007
    return 40008


@api.post("/message/template/send")
def send_template_message() -> Response:
    body = _json_body()
    if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
        return _error(47001)
    if not body.get("touser"):
        return _error(40003)
    if not body.get("template_id"):
        return _error(40037)
    return jsonify(errcode=0, errmsg="ok", msgid=_state().next_msgid())


@api.get("/media/get")
def get_media() -> Response:
    media_id = request.args.get("media_id", "")
    found = _state().media_file(media_id)
    if found is None:
        return _error(40007)
    data, content_type = found
    filename = f"{media_id}{mimetypes.guess_extension(content_type) or ''}"
    return Response(data, content_type=content_type, headers={
        "Content-disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-cache, must-revalidate",
    })


@api.post("/media/upload")
def upload_media() -> Response:
    kind = request.args.get("type")
    if kind not in UPLOAD_LIMITS:
        return _error(40004)
    upload = request.files.get("media")
    data = upload.read() if upload else b""
    if not data:
        return _error(41005)
    max_bytes, errcode = UPLOAD_LIMITS[kind]
    if len(data) > max_bytes:
        return _error(errcode)
    content_type = upload.mimetype or mimetypes.guess_type(upload.filename or "")[0] or "application/octet-stream"
    media_id = _state().add_media(data, content_type)
    return jsonify(type=kind, media_id=media_id, created_at=int(time.time()))


@api.post("/menu/create")
def create_menu() -> Response:
    body = _json_body()
    if not isinstance(body, dict):
        return _error(47001)
    errcode = _menu_error(body)
    return _error(errcode) if errcode else _ok()


@api.get("/user/info")
def user_info() -> Response:
    openid = request.args.get("openid")
    if not openid:
        return _error(40003)
    # Since 2021 WeChat no longer returns nickname or avatar here.
    return jsonify(subscribe=1, openid=openid, language=request.args.get("lang", "zh_CN"),
                   subscribe_time=int(time.time()), remark="", groupid=0, tagid_list=[],
                   subscribe_scene="ADD_SCENE_SEARCH", qr_scene=0, qr_scene_str="")


# -- web authorisation (open.weixin.qq.com and api.weixin.qq.com/sns) ---------------------------
oauth = Blueprint("wechat_oauth", __name__)


@oauth.get("/connect/oauth2/authorize")
def authorize() -> Response | tuple[str, int]:
    """WeChat's authorize page: with snsapi_base it asks nothing and sends the browser straight back."""
    args = request.args
    openid = request.cookies.get(USER_COOKIE)
    if openid is None:
        return "请在微信客户端打开链接", 400
    if args.get("appid") != _state().app_id:
        return "参数错误：appid 无效", 400
    if args.get("response_type") != "code" or args.get("scope") not in OAUTH_SCOPES or not args.get("redirect_uri"):
        return "参数错误：scope 或 redirect_uri 无效", 400
    code = _state().issue_oauth_code(openid, args["scope"])
    back = args["redirect_uri"]
    return redirect(f"{back}{'&' if '?' in back else '?'}{urlencode({'code': code, 'state': args.get('state', '')})}")


@oauth.get("/sns/oauth2/access_token")
def exchange_code() -> Response:
    args = request.args
    state = _state()
    record = {"method": "GET", "path": request.path, "args": args.to_dict(), "json": None, "files": {}, "errcode": None}
    state.record(record)
    errcode = _code_error(args)
    redeemed = state.redeem_oauth_code(args["code"]) if errcode is None else errcode
    if isinstance(redeemed, int):
        state.answered(record, redeemed)
        return _error(redeemed)
    state.answered(record, 0)
    openid, scope = redeemed
    return jsonify(access_token=secrets.token_urlsafe(64), expires_in=TOKEN_LIFETIME,
                   refresh_token=secrets.token_urlsafe(64), openid=openid, scope=scope)


def _code_error(args: Any) -> int | None:
    if args.get("grant_type") != "authorization_code":
        return 40002
    if args.get("appid") != _state().app_id:
        return 40013
    if args.get("secret") != _state().app_secret:
        return 40125
    return None if args.get("code") else 41008


# -- the stub's own control endpoints --------------------------------------------------------
control = Blueprint("stub_control", __name__, url_prefix="/_stub")


@control.get("/requests")
def recorded_requests() -> Response:
    return jsonify(requests=_state().recorded(request.args.get("path")))


@control.post("/interaction")
def interaction() -> tuple[Response, int] | Response:
    body = request.get_json(force=True, silent=True) or {}
    kind = body.get("kind", "message")
    if not body.get("openid") or kind not in WINDOWS:
        return jsonify(error=f"expected {{openid, kind: {'|'.join(WINDOWS)}}}"), 400
    budget, seconds = WINDOWS[kind]
    _state().open_window(body["openid"], _Window(opened_at=time.time() - float(body.get("ago_seconds", 0)),
                                                 seconds=float(body.get("window_seconds", seconds)),
                                                 budget=int(body.get("budget", budget))))
    return jsonify(ok=True)


@control.post("/media")
def preload_media() -> Response:
    media_id = _state().add_media(request.get_data(), request.mimetype or "image/jpeg", request.args.get("media_id"))
    return jsonify(media_id=media_id)


@control.post("/expire-token")
def expire_token() -> Response:
    _state().expire_tokens()
    return jsonify(ok=True)


@control.post("/fail")
def inject_failure() -> tuple[Response, int] | Response:
    errcode, status = request.args.get("errcode", type=int), request.args.get("http_status", type=int)
    times, path = request.args.get("times", 1, type=int), request.args.get("path")
    if status is not None and 400 <= status <= 599:
        _state().inject("http_status", _Injected(status, times, path))
    elif errcode is not None:
        _state().inject("errcode", _Injected(errcode, times, path))
    else:
        return jsonify(error="expected ?errcode=N or ?http_status=S (4xx, 5xx)[&times=1][&path=/cgi-bin/...]"), 400
    return jsonify(ok=True)


@control.post("/delay")
def inject_delay() -> tuple[Response, int] | Response:
    seconds = request.args.get("seconds", type=float)
    if seconds is None or not 0 < seconds <= 600:
        return jsonify(error="expected ?seconds=S (0 < S <= 600)[&times=1][&path=/cgi-bin/...]"), 400
    _state().inject("delay", _Injected(seconds, request.args.get("times", 1, type=int), request.args.get("path")))
    return jsonify(ok=True)


@control.get("/wechat-user")
def as_wechat_user() -> Response | tuple[Response, int]:
    openid, target = request.args.get("openid"), request.args.get("next")
    if not openid or not target:
        return jsonify(error="expected ?openid=…&next=URL"), 400
    response = redirect(target)
    response.set_cookie(USER_COOKIE, openid, httponly=True, samesite="Lax")
    return response


@control.post("/reset")
def reset() -> Response:
    _state().reset()
    return jsonify(ok=True)


# -- serving --------------------------------------------------------------------------------
def make_app(app_id: str = Config.wechat_app_id, app_secret: str = Config.wechat_app_secret) -> Flask:
    """The stub as a Flask app accepting these credentials at its token endpoints."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 32 << 20
    app.json.ensure_ascii = False
    app.extensions["wechat_stub"] = StubState(app_id, app_secret)
    app.register_blueprint(api)
    app.register_blueprint(oauth)
    app.register_blueprint(control)

    @app.errorhandler(405)
    def wrong_method(error: Exception) -> Response | Exception:
        if not request.path.startswith(API_PREFIX):
            return error
        return _error(43001 if request.method != "GET" else 43002)

    return app


class _MaskingRequestHandler(WSGIRequestHandler):
    """Request logs without access tokens or secrets (they travel in the query string)."""

    protocol_version = "HTTP/1.1"  # keep-alive, as WeChat's servers: clients reuse their connections

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.log("info", '"%s %s" %s %s', self.command, mask_credentials(self.path), code, size)


def _bind(port: int, app_id: str, app_secret: str) -> BaseWSGIServer:
    # 127.0.0.1 only: the stub hands out tokens to anyone who asks.
    return make_server("127.0.0.1", port, make_app(app_id, app_secret), threaded=True,
                       request_handler=_MaskingRequestHandler)


def run_in_thread(port: int = 0, *, app_id: str = Config.wechat_app_id,
                  app_secret: str = Config.wechat_app_secret) -> tuple[str, Callable[[], None]]:
    """Serve the stub on a background thread; returns its root URL (``http://127.0.0.1:PORT``,
    the API under ``API_PREFIX``) and a function that stops it. ``port=0`` picks a free port."""
    server = _bind(port, app_id, app_secret)
    # A short poll interval lets stop() return at once instead of after half a second.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="wechat-stub",
                              daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        thread.join()
        server.server_close()

    return f"http://127.0.0.1:{server.server_port}", stop


def main(argv: list[str]) -> int:
    """``python -m bot wechat-stub [--port N]``, with the app id and secret of the environment."""
    parser = argparse.ArgumentParser(prog="python -m bot wechat-stub",
                                     description="Local stand-in of WeChat's HTTP API, on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"TCP port (default {DEFAULT_PORT})")
    args = parser.parse_args(argv)
    # Only the app's credentials: the bot's other settings (its keys above all) are not the stub's business.
    app_id = os.environ.get("WECHAT_APP_ID") or Config.wechat_app_id
    server = _bind(args.port, app_id, os.environ.get("WECHAT_APP_SECRET") or Config.wechat_app_secret)
    root = f"http://127.0.0.1:{server.server_port}"
    print(f"WeChat API stub for appid {app_id} on {root} (control API under {root}/_stub/)")
    print(f"point the bot at it with WECHAT_API_BASE_URL={root}{API_PREFIX}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
