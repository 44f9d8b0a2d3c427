"""WeChat's message callback (POST /wechat) served in front of Flask, as a plain WSGI path.

Every message WeChat sends comes here, and Flask's machinery for one request (request and app
contexts, URL matching, before/after hooks, a Response object, the error handlers) cost about a
fifth of a message's CPU under load. The callback needs none of it: a query string, a body of at
most a few hundred bytes, and text back. :class:`CallbackPath` answers ``POST /wechat`` with
:func:`bot.routes.wechat.answer_message` and hands every other request to Flask unchanged.

What every route gets from Flask's hooks the callback gets here too, the same way: the request id
(taken or made) on every log line and in the ``X-Request-Id`` header, one log line with method,
route, status and milliseconds, the per-route count and latency in ``/metrics``, the 64 KB body
limit (413, with the same JSON body as Flask's), and an unexpected error logged with its traceback
and answered with the same JSON 500.
"""
from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

from bot.observe.logs import close_request, open_request, request_id, request_line
from bot.observe.metrics import observe_request
from bot.routes.wechat import Answer, answer_message
from bot.runtime import Runtime
from bot.server.arrival import arrived_at

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
ROUTE = "/wechat"
METHOD = "POST"
log = logging.getLogger("bot.app")  # where Flask logs a view's unexpected error


def query_args(query: str) -> dict[str, str]:
    """The query string's arguments, the first of a repeated name (as Flask's ``request.args.get``), blank
    values kept. WeChat's (signature, timestamp, nonce, openid, encrypt_type, msg_signature) hold no escape
    and no '+': split as they are, what ``parse_qsl`` gives them without its per-field unquoting (~5 µs a
    message, issue 19); any other query through ``parse_qsl`` itself."""
    args: dict[str, str] = {}
    if "%" in query or "+" in query:
        for name, value in parse_qsl(query, keep_blank_values=True):
            args.setdefault(name, value)
        return args
    for field in query.split("&"):
        if field:
            name, _, value = field.partition("=")
            args.setdefault(name, value)
    return args


class CallbackPath:
    """A WSGI app: ``POST /wechat`` answered here, anything else by ``app`` (Flask's wsgi_app)."""

    def __init__(self, app: WSGIApp, runtime: Runtime, max_body_bytes: int, refusals: dict[int, tuple[str, str]]) -> None:
        self.app, self.runtime, self.max_body_bytes = app, runtime, max_body_bytes
        self.refusals = refusals  # status -> (code, message) of Flask's JSON error answers

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != ROUTE or environ.get("REQUEST_METHOD") != METHOD:
            return self.app(environ, start_response)
        started = time.perf_counter()
        opened = open_request(environ.get("HTTP_X_REQUEST_ID", ""))
        try:
            answer = self._answer(environ)
            status, data = answer.status, answer.text.encode()
            headers = [("Content-Type", f"{answer.mimetype}; charset=utf-8"), ("Content-Length", str(len(data))),
                       ("X-Request-Id", request_id())]
            seconds = time.perf_counter() - started
            observe_request(ROUTE, METHOD, status, seconds)
            request_line(answer.event, {"method": METHOD, "route": ROUTE, "status": status,
                                        "ms": round(seconds * 1000, 2), **answer.fields})
        finally:
            close_request(opened)
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [data]

    def _answer(self, environ: dict[str, Any]) -> Answer:
        try:
            body = self._body(environ)
            if body is None:
                return self._refused(413)
            return answer_message(self.runtime, query_args(environ.get("QUERY_STRING", "")), body,
                                  arrived_at() or time.monotonic())
        except Exception:  # noqa: BLE001 - as Flask answers a view's error: logged with its traceback, a JSON 500
            log.exception("Exception on %s [%s]", ROUTE, METHOD)
            return self._refused(500)

    def _body(self, environ: dict[str, Any]) -> bytes | None:
        """The request's body, or None when it is longer than the limit."""
        length = environ.get("CONTENT_LENGTH") or ""
        if length.isdecimal() and int(length) > self.max_body_bytes:
            return None
        body = environ["wsgi.input"].read(int(length) if length.isdecimal() else self.max_body_bytes + 1)
        return None if len(body) > self.max_body_bytes else body

    def _refused(self, status: int) -> Answer:
        code, message = self.refusals[status]
        return Answer(status, json.dumps({"error": code, "message": message, "request_id": request_id()},
                                         ensure_ascii=False), "application/json")
