"""Structured logs: JSON lines, applicants by hash only, personal numbers masked in every record."""
from __future__ import annotations

import json
import logging
from datetime import date

import pytest

from bot.config import Config, ConfigError, from_env
from bot.observe.logs import user_hash
from tests.support.wechat_user import user_for

ID_NUMBER = "11010519491231002X"
MOBILE = "13800138000"
OPENID = "oLogsApplicant1"


@pytest.fixture
def app(make_app):
    app = make_app()

    @app.get("/boom")
    def boom():
        raise ValueError(f"身份证 {ID_NUMBER} 与手机 {MOBILE} 不匹配")

    return app


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def walk_to_email(user) -> None:
    """The dialogue up to the e-mail question: an ID number and a mobile typed on the way."""
    expiry = date.today().replace(year=date.today().year + 2).isoformat()
    for text in ("你好", "积分新办", expiry, "同意", "张三", ID_NUMBER, "上海某某科技有限公司", "0", "已婚", MOBILE):
        user.say(text)


def test_a_conversation_that_typed_an_id_number_and_a_mobile_logs_neither(app, capsys):
    user = user_for(app, OPENID)
    walk_to_email(user)
    output = capsys.readouterr().err
    assert ID_NUMBER not in output and MOBILE not in output
    assert OPENID not in output
    messages = [line for line in json_lines(output) if line["event"] == "wechat.message"]
    assert len(messages) == 10
    assert {line["user"] for line in messages} == {user_hash(OPENID, Config.secret_key)}


def test_every_log_line_is_json_with_time_level_and_event(app, capsys):
    walk_to_email(user_for(app, OPENID))
    app.test_client().get("/healthz")
    lines = json_lines(capsys.readouterr().err)
    assert lines and all({"ts", "level", "event"} <= line.keys() for line in lines)
    health = [line for line in lines if line.get("route") == "/healthz"]
    assert health[0]["event"] == "request" and health[0]["status"] == 200 and health[0]["ms"] >= 0


def test_a_message_line_names_the_dialogue_states_the_message_moved_between(app, capsys):
    user = user_for(app, OPENID)
    walk_to_email(user)
    messages = [line for line in json_lines(capsys.readouterr().err) if line["event"] == "wechat.message"]
    typed_id = messages[5]
    assert typed_id["msg_type"] == "text" and typed_id["status"] == 200
    assert (typed_id["state_before"], typed_id["state_after"]) == ("id_number", "employer")
    assert typed_id["route"] == "/wechat" and typed_id["ms"] > 0


def test_an_exception_log_masks_the_numbers_in_its_message_and_traceback(app, capsys):
    assert app.test_client().get("/boom").status_code == 500
    output = capsys.readouterr().err
    assert ID_NUMBER not in output and MOBILE not in output
    error = next(line for line in json_lines(output) if "exc" in line)
    assert error["level"] == "ERROR" and "110105********002X" in error["exc"] and "138****8000" in error["exc"]


def test_numbers_passed_as_log_arguments_are_masked_too(app, capsys):
    logging.getLogger("bot.anywhere").warning("applicant typed %s and %s", ID_NUMBER, MOBILE)
    line = json_lines(capsys.readouterr().err)[-1]
    assert line["event"] == "applicant typed 110105********002X and 138****8000"


def test_log_level_warning_keeps_problems_and_drops_the_request_lines(make_app, capsys):
    quiet = make_app(log_level="WARNING")
    user_for(quiet, OPENID).say("你好")
    logging.getLogger("bot.anywhere").warning("still told")
    events = [line["event"] for line in json_lines(capsys.readouterr().err)]
    assert "still told" in events and "wechat.message" not in events


def test_an_unknown_log_level_stops_the_start(tmp_path):
    with pytest.raises(ConfigError, match="LOG_LEVEL"):
        from_env({"LOG_LEVEL": "chatty"})
    assert from_env({"DATA_DIR": str(tmp_path), "LOG_LEVEL": "warning"}).log_level == "WARNING"


def test_every_line_of_one_request_carries_its_request_id(app, capsys):
    capsys.readouterr()
    response = app.test_client().get("/boom", headers={"X-Request-Id": "edge-7f3a"})
    lines = json_lines(capsys.readouterr().err)
    assert len(lines) >= 2  # the exception's line and the request's line
    assert {line.get("request_id") for line in lines} == {"edge-7f3a"}
    assert response.headers["X-Request-Id"] == "edge-7f3a"


def test_every_line_of_a_wechat_callback_carries_its_request_id(app, capsys):
    """The callback is answered in front of Flask (bot/server/callback_path.py), with the same id, line and header."""
    capsys.readouterr()
    response = app.test_client().post("/wechat?timestamp=1&nonce=2&signature=x", data=b"<xml/>",
                                      headers={"X-Request-Id": "wx-7f3a"})
    assert response.status_code == 403 and response.headers["X-Request-Id"] == "wx-7f3a"
    lines = json_lines(capsys.readouterr().err)
    assert [line["event"] for line in lines] == [
        "wechat callback rejected: timestamp missing or outside the allowed clock skew", "request"]
    assert {line["request_id"] for line in lines} == {"wx-7f3a"}
    assert {k: lines[-1][k] for k in ("method", "route", "status")} == {"method": "POST", "route": "/wechat", "status": 403}


def test_a_wechat_body_over_the_limit_gets_the_json_error_naming_the_request(app):
    response = app.test_client().post("/wechat?timestamp=1&nonce=2&signature=x", data=b"x" * (65 * 1024),
                                      headers={"X-Request-Id": "wx-big"})
    assert response.status_code == 413
    assert response.get_json() == {"error": "request_too_large", "message": "请求体过大", "request_id": "wx-big"}


def test_a_request_without_a_sane_id_gets_one_of_its_own(app, capsys):
    first = app.test_client().get("/healthz", headers={"X-Request-Id": "x" * 65})
    second = app.test_client().get("/healthz", headers={"X-Request-Id": "a b"})
    made = {first.headers["X-Request-Id"], second.headers["X-Request-Id"]}
    assert len(made) == 2 and all(len(rid) == 32 for rid in made)
    lines = [line for line in json_lines(capsys.readouterr().err) if line.get("route") == "/healthz"]
    assert [line["request_id"] for line in lines] == [first.headers["X-Request-Id"], second.headers["X-Request-Id"]]


def test_an_api_error_body_names_the_request(app):
    response = app.test_client().get("/api/no-such-thing", headers={"X-Request-Id": "desk-42"})
    assert response.status_code == 404
    assert response.get_json() == {"error": "not_found", "message": "没有这个地址", "request_id": "desk-42"}


def test_a_line_logged_outside_any_request_has_no_request_id(app, capsys):
    logging.getLogger("bot.anywhere").warning("between requests")
    assert "request_id" not in json_lines(capsys.readouterr().err)[-1]


def test_a_line_s_time_is_written_as_datetime_writes_it_to_the_millisecond():
    # The date and time are worked out once a second (bot.observe.logs.timestamp): each line's must
    # still be datetime's own, through the rounding to the microsecond that may carry into the next second.
    import random
    from datetime import datetime, timezone

    from bot.observe.logs import timestamp

    rng = random.Random(19)
    moments = [1764838800 + rng.uniform(-1e6, 1e6) for _ in range(20_000)]
    moments += [second + micro / 1e6 + nudge for second in (0, 1764838800, 1764838801)
                for micro in (0, 499, 500, 999, 999_999) for nudge in (0.0, 4e-7, 5e-7, -5e-7)]
    for moment in moments + sorted(moments):  # the second changing at every line, then a few times only
        assert timestamp(moment) == datetime.fromtimestamp(moment, timezone.utc).isoformat(timespec="milliseconds")


def _lone_requests_logger(*handlers: logging.Handler) -> logging.Logger:
    """A ``bot.requests`` logger of its own, outside the process's hierarchy (pytest's capture sits on the root)."""
    logger = logging.Logger("bot.requests", logging.INFO)
    logger.propagate = False
    for handler in handlers:
        logger.addHandler(handler)
    return logger


def test_the_request_line_written_by_the_handler_itself_is_the_line_logging_writes(monkeypatch):
    import io

    from bot.observe import logs
    out = io.StringIO()
    handler = logs.JsonLogHandler(out)
    monkeypatch.setattr(logs, "log", _lone_requests_logger(handler))
    fields = {"method": "POST", "route": "/wechat", "status": 200, "ms": 1.25, "user": "3f9a1c0e77b2",
              "said": f"我的手机 {MOBILE}", "state_before": "mobile"}
    opened = logs.open_request("edge-7f3a")
    try:
        logs.request_line("wechat.message", fields)  # the handler alone: written directly
        logs.log.info("wechat.message", extra={"fields": fields})  # through logging's record
    finally:
        logs.close_request(opened)
    direct, recorded = (json.loads(line) for line in out.getvalue().splitlines())
    assert direct.pop("ts")[:10] == recorded.pop("ts")[:10]
    assert direct == recorded and direct["said"] == "我的手机 138****8000" and direct["request_id"] == "edge-7f3a"


def test_a_request_line_goes_through_logging_when_anything_else_would_see_its_record():
    from bot.observe import logs
    handler = logs.JsonLogHandler()
    assert logs._sole_handler(_lone_requests_logger(handler)) is handler
    assert logs._sole_handler(_lone_requests_logger(handler, logging.NullHandler())) is None  # e.g. a test's capture
    assert logs._sole_handler(_lone_requests_logger(logging.StreamHandler())) is None
    quiet = _lone_requests_logger(handler)
    quiet.setLevel(logging.WARNING)
    assert logs._sole_handler(quiet) is None
    filtered = _lone_requests_logger(handler)
    filtered.addFilter(lambda record: False)
    assert logs._sole_handler(filtered) is None
