"""Structured logs: one JSON object per line on stderr, personal numbers masked in every record.

:func:`configure` installs one handler on the root logger, so every record — ours, Flask's,
gunicorn's application errors, a library's, with or without a traceback — leaves as a JSON line
whose text went through :func:`dialogs.privacy.mask_text`. :func:`log_requests` adds one line per
HTTP request; the WeChat route enriches that line (:func:`describe_request`) so a message costs one
line, not two. Applicants appear only as :func:`user_hash`, never by their openid.

A line: ``{"ts", "level", "logger", "event", ...fields}`` where ``event`` is the record's message
("request", "wechat.message", or free text) and ``fields`` come from ``extra={"fields": {...}}``.
Every line written while a request is handled carries its ``request_id`` (the caller's
``X-Request-Id`` when it sends a sane one, else a new one), which the response's ``X-Request-Id``
header and an API error's JSON body name too. The id lives in a context variable, not in Flask's
``g``: the WeChat callback is answered without Flask's request machinery (bot/server/callback_path.py)
and its lines carry the id all the same. gunicorn's own lines go through the same handler
(:class:`GunicornJsonLogger`).
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
import sys
import time
from contextvars import ContextVar, Token
from datetime import datetime, timezone
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any, TextIO

from flask import Flask, Response, g, request
from gunicorn.glogging import Logger as GunicornLogger

from dialogs.privacy import mask_text

log = logging.getLogger("bot.requests")
SHORTEST_NUMBER = 11  # characters of a mainland mobile number; an ID number has 18
MAX_PATH_CHARS = 200  # an unmatched path is logged for debugging, but a hostile one is not kept whole
# An upload link's token opens that application's page to whoever holds it: a path or URL in a log
# line (Flask's "Exception on /upload/<token>/… [POST]", a traceback, an unmatched path) keeps only
# the route's shape.
_UPLOAD_TOKEN = re.compile(r"(/upload/)[^/\s?#\"'<>]+")
_to_json = json.JSONEncoder(ensure_ascii=False, default=str).encode  # built once: json.dumps(**kw) builds one per call
# A log line's object as _to_json writes it, by json's C encoder built once: ``encode`` builds one for
# every line (and a dict to check for cycles, which a line of flat fields cannot hold).
_line_json = c_make_encoder(None, str, encode_basestring, None, ": ", ", ", False, False, True)
# A caller's X-Request-Id is kept when it looks like an id (a proxy's, a uuid), so one id follows a
# request through every tier; anything else (too long, odd characters) is replaced, never logged.
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
# The id of the request this thread is handling; None between requests.
_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def mask_link_tokens(text: str) -> str:
    """``text`` with the token of every upload path or link in it replaced by ``***``."""
    return _UPLOAD_TOKEN.sub(r"\1***", text) if "/upload/" in text else text


def masked(text: str) -> str:
    """``text`` as people other than the applicant may read it (logs, support): ID and mobile
    numbers masked, upload links without their token."""
    return mask_link_tokens(mask_text(text))


def user_hash(openid: str, secret_key: str) -> str:
    """The applicant's pseudonym in logs and the audit log: stable for one deployment, useless
    without its SECRET_KEY to tell who it is."""
    return hashlib.sha256((openid + secret_key).encode()).hexdigest()[:12]


class MaskPersonalNumbers(logging.Filter):
    """Rewrites a record so its final message, traceback and stack hold no ID or mobile number, and
    no upload link's token.

    Runs on the handler, after the message's arguments are merged in, so a number passed as an
    argument or inside an exception's text is caught as well as one in the format string. The
    record itself is changed, so any handler that formats it after this one sees it masked too.
    """

    _tracebacks = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = masked(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._tracebacks.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = masked(record.exc_text)
        if record.stack_info:
            record.stack_info = masked(record.stack_info)
        return True


_second: tuple[int, str] = (-1, "")  # the last second a line was written in, and its date and time


def timestamp(created: float) -> str:
    """``created`` (seconds since the epoch) as ``datetime.fromtimestamp(created, timezone.utc)
    .isoformat(timespec="milliseconds")`` writes it. The date and time to the second are worked out once
    a second, not for every line: datetime's object and formatting were about a tenth of a line's cost."""
    global _second
    whole, fraction = divmod(created, 1)
    micro = round(fraction * 1e6)  # to the microsecond, half to even, as fromtimestamp rounds
    if micro >= 1_000_000:
        whole, micro = whole + 1, micro - 1_000_000
    second, text = _second
    if second != whole:
        text = datetime.fromtimestamp(whole, timezone.utc).isoformat(timespec="seconds")[:-len("+00:00")]
        _second = int(whole), text
    return f"{text}.{micro // 1000:03d}+00:00"


def json_line(created: float, level: str, logger: str, event: str, fields: dict[str, Any] | None,
              exc: str | None = None, stack: str | None = None) -> str:
    """A log line's JSON text; ``event`` (and ``exc``, ``stack``) already masked."""
    line: dict[str, Any] = {"ts": timestamp(created), "level": level, "logger": logger, "event": event}
    if fields:
        # Field values are ours (hashes, state names, routes), but a string could still carry a
        # number; one shorter than a mobile number cannot, and most are (this runs per message).
        line.update({k: masked(v) if isinstance(v, str) and len(v) >= SHORTEST_NUMBER else v
                     for k, v in fields.items()})
    rid = _request_id.get()
    if rid is not None:
        line["request_id"] = rid
    if exc:
        line["exc"] = exc
    if stack:
        line["stack"] = stack
    return "".join(_line_json(line, 0))


class JsonLines(logging.Formatter):
    """One JSON object per record; expects :class:`MaskPersonalNumbers` to have run first."""

    def format(self, record: logging.LogRecord) -> str:
        return json_line(record.created, record.levelname, record.name, record.getMessage(),
                         getattr(record, "fields", None), record.exc_text, record.stack_info)


class JsonLogHandler(logging.StreamHandler):
    """Writes to ``sys.stderr`` as it is at each record: gunicorn and pytest replace it after start."""

    def __init__(self, stream: TextIO | None = None) -> None:
        logging.Handler.__init__(self)
        self._stream = stream
        self.addFilter(MaskPersonalNumbers())
        self.setFormatter(JsonLines())

    @property
    def stream(self) -> TextIO:  # type: ignore[override]
        return self._stream or sys.stderr

    def write_line(self, logger: str, event: str, fields: dict[str, Any]) -> None:
        """The INFO line ``logging`` would write for ``logger``'s record of ``event`` with ``fields``,
        written without building the record (see :func:`request_line`)."""
        text = json_line(time.time(), "INFO", logger, masked(event), fields) + self.terminator
        self.acquire()
        try:
            stream = self.stream
            stream.write(text)
            stream.flush()
        except RecursionError:
            raise
        except Exception:  # noqa: BLE001 - as logging does: a line that cannot be written is reported, not raised
            self.handleError(logging.makeLogRecord({"name": logger, "msg": event, "levelno": logging.INFO}))
        finally:
            self.release()


def configure(level: int | str = logging.INFO, stream: TextIO | None = None) -> JsonLogHandler:
    """Send every log record of this process through one JSON-lines handler (replacing the one a
    previous call installed: tests build many apps in one process)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, JsonLogHandler)]:
        root.removeHandler(handler)
    handler = JsonLogHandler(stream)
    root.addHandler(handler)
    # gunicorn's error log has handlers of its own and prints the request's path when it fails a request.
    gunicorn_errors = logging.getLogger("gunicorn.error")
    if not any(isinstance(f, MaskPersonalNumbers) for f in gunicorn_errors.filters):
        gunicorn_errors.addFilter(MaskPersonalNumbers())
    root.setLevel(level)
    # A JSON line shows neither the caller's file and line, nor its thread or process: not looking
    # them up for each record (the logging HOWTO's "Optimization") saves about a third of a line's cost.
    logging._srcfile = None  # type: ignore[attr-defined]
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    # transitions logs every state change at INFO: noise, and a measurable cost on every message.
    logging.getLogger("transitions").setLevel(logging.WARNING)
    return handler


class GunicornJsonLogger(GunicornLogger):
    """gunicorn's error log (starts, workers booting and exiting, signals, timeouts) through the
    same JSON-lines handler as everything else, instead of its own plain-text format."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for handler in list(self.error_log.handlers):
            self.error_log.removeHandler(handler)
        self.error_log.addHandler(JsonLogHandler())


def request_id() -> str | None:
    """The id of the request being handled (None outside one)."""
    return _request_id.get()


def open_request(given: str) -> Token[str | None]:
    """From now until :func:`close_request`, every line this thread logs carries the request's id:
    ``given`` (the caller's X-Request-Id) when it looks like one, else a new one."""
    # 32 random hex digits, a uuid4's look at a fifth of its cost (no UUID object to build)
    return _request_id.set(given if REQUEST_ID.fullmatch(given) else secrets.token_hex(16))


def close_request(opened: Token[str | None]) -> None:
    _request_id.reset(opened)


def request_line(event: str, fields: dict[str, Any]) -> None:
    """The one line a request leaves: ``event`` ("request", or what the view described) and its fields.

    Where this process's one JSON-lines handler is all the record would meet (the usual case: no other
    handler, no filter, INFO on), the handler writes the line itself, the same line: ``logging``'s
    record, its handling and its filter cost about 6 % of a WeChat message's instructions. Anything
    else there (a test's capture, another handler, a level that drops the line) gets the record."""
    handler = _sole_handler(log)
    if handler is None:
        log.info(event, extra={"fields": fields})
    else:
        handler.write_line(log.name, event, fields)


def _sole_handler(logger: logging.Logger) -> JsonLogHandler | None:
    """The JSON-lines handler that alone would write ``logger``'s INFO record unchanged, if there is one."""
    if not logger.isEnabledFor(logging.INFO):
        return None
    found: JsonLogHandler | None = None
    node: logging.Logger | None = logger
    while node is not None:
        if node.filters:
            return None
        for handler in node.handlers:
            if found is not None or type(handler) is not JsonLogHandler or handler.level > logging.INFO \
                    or len(handler.filters) != 1 or type(handler.filters[0]) is not MaskPersonalNumbers:
                return None
            found = handler
        node = node.parent if node.propagate else None
    return found


def describe_request(event: str, **fields: Any) -> None:
    """Name this request's log line ``event`` and add ``fields`` to it (e.g. the WeChat message's)."""
    g.log_event, g.log_fields = event, fields


def log_requests(app: Flask) -> None:
    """One line per request: method, route, status, latency, plus what the view described."""

    @app.before_request
    def start_clock() -> None:
        g.log_started = time.perf_counter()
        g.request_opened = open_request(request.headers.get("X-Request-Id", ""))

    @app.after_request
    def log_request(response: Response) -> Response:
        started = g.get("log_started")
        rule = request.url_rule
        request_line(g.get("log_event", "request"), {
            "method": request.method,
            # The route pattern, not the path: paths carry upload tokens and ids, patterns aggregate.
            "route": rule.rule if rule is not None else request.path[:MAX_PATH_CHARS],
            "status": response.status_code,
            "ms": round((time.perf_counter() - started) * 1000, 2) if started is not None else None,
            **g.get("log_fields", {}),
        })
        rid = request_id()
        if rid is not None:
            response.headers["X-Request-Id"] = rid
            if response.status_code >= 400 and response.is_json:
                _name_in_error(response, rid)
        return response

    @app.teardown_request
    def end_request(_error: BaseException | None) -> None:
        opened = g.pop("request_opened", None)
        if opened is not None:
            close_request(opened)


def _name_in_error(response: Response, rid: str) -> None:
    """An API error's JSON body names the request, so a caller's report finds its log lines."""
    body = response.get_json(silent=True)
    if isinstance(body, dict) and "error" in body:
        response.set_data(_to_json({**body, "request_id": rid}))
