"""``GET /metrics``: messages, latency and FAQ confidence observed on the WeChat route, the outbox
backlog and job failures read from the Store at scrape time, and the optional bearer token."""
from __future__ import annotations

from datetime import datetime, timedelta

from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from bot.background import tasks
from dialogs import clock
from bot.config import Config
from bot.runtime import Runtime
from tests.support.wechat_user import user_for


def scraped(app, **headers) -> dict[tuple[str, tuple], float]:
    """The /metrics page as {(sample name, sorted labels): value}."""
    response = app.test_client().get("/metrics", headers=headers)
    assert response.status_code == 200 and response.mimetype == "text/plain"
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(response.get_data(as_text=True)) for s in family.samples}


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_messages_are_counted_by_kind_and_timed(app):
    before = {"text": sample("jifen_messages_total", kind="text"), "event": sample("jifen_messages_total", kind="event"),
              "timed": sample("jifen_http_request_seconds_count", route="/wechat")}
    user = user_for(app)
    user.say("你好")
    user.say("1")
    user.subscribe()
    metrics = scraped(app)
    assert metrics[("jifen_messages_total", (("kind", "text"),))] == before["text"] + 2
    assert metrics[("jifen_messages_total", (("kind", "event"),))] == before["event"] + 1
    # timed as /wechat's requests, by the one latency histogram (a message's own was the same answers again)
    assert metrics[("jifen_http_request_seconds_count", (("route", "/wechat"),))] == before["timed"] + 3
    assert not any(name.startswith("jifen_message_seconds") for name, _labels in metrics)


def test_a_question_to_the_knowledge_base_observes_its_confidence(app):
    before = sample("jifen_faq_confidence_count")
    user = user_for(app)
    user.say("你好")
    user.say("闵行的材料寄到哪？")
    assert sample("jifen_faq_confidence_count") == before + 1
    assert 0 < sample("jifen_faq_confidence_sum") <= sample("jifen_faq_confidence_count")


def test_an_answer_that_is_not_a_question_observes_no_confidence(app):
    user = user_for(app)
    user.say("你好")
    before = sample("jifen_faq_confidence_count")
    user.say("积分新办")
    assert sample("jifen_faq_confidence_count") == before


def test_the_outbox_backlog_is_counted_from_the_store_at_scrape_time(app):
    store = app.extensions["runtime"].store
    for i, status in enumerate(["pending", "pending", "retrying", "failed", "sent", "sent"]):
        store.put("notification", f"n{i}", {"id": f"n{i}", "user_id": "u1", "status": status})
    metrics = scraped(app)
    assert metrics[("jifen_outbox_backlog", (("status", "pending"),))] == 2
    assert metrics[("jifen_outbox_backlog", (("status", "retrying"),))] == 1
    assert metrics[("jifen_outbox_backlog", (("status", "failed"),))] == 1
    assert ("jifen_outbox_backlog", (("status", "sent"),)) not in metrics
    store.update("notification", "n0", lambda doc: {**doc, "status": "sent"})
    assert scraped(app)[("jifen_outbox_backlog", (("status", "pending"),))] == 1


def explode(runtime, **kwargs):
    raise RuntimeError("a job that always fails")


def test_jobs_failing_in_another_process_are_counted_in_this_ones_scrape(app, tmp_path, monkeypatch):
    monkeypatch.setitem(tasks.TASKS, "explode", explode)
    assert ("jifen_job_failures_total", (("job", "explode"),)) not in scraped(app)
    elsewhere = Runtime(Config(data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'bot.db'}"))  # a worker's
    try:
        tasks.run(elsewhere, "explode", {})
        tasks.run(elsewhere, "explode", {})
        tasks.run(elsewhere, "deliver", {"no_such_argument": 1})
    finally:
        elsewhere.close()
    metrics = scraped(app)
    assert metrics[("jifen_job_failures_total", (("job", "explode"),))] == 2
    assert metrics[("jifen_job_failures_total", (("job", "deliver"),))] == 1


def test_metrics_are_open_when_no_token_is_configured(app):
    assert app.test_client().get("/metrics").status_code == 200


def test_with_a_metrics_token_a_scrape_needs_it_as_a_bearer_token(make_app):
    app = make_app(metrics_token="scrape-me-please")
    client = app.test_client()
    assert client.get("/metrics").status_code == 401
    refused = client.get("/metrics", headers={"Authorization": "Bearer wrong"})
    assert refused.status_code == 401 and refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert scraped(app, Authorization="Bearer scrape-me-please")


def test_requests_are_counted_and_timed_per_route(app):
    client = app.test_client()
    client.get("/healthz")
    client.get("/healthz")
    client.get("/api/applications")  # no token: 401
    client.get("/no/such/page")
    user_for(app).say("你好")
    metrics = scraped(app)
    requests = {labels: value for (name, labels), value in metrics.items() if name == "jifen_http_requests_total"}
    assert requests[(("method", "GET"), ("route", "/healthz"), ("status", "200"))] >= 2
    assert requests[(("method", "GET"), ("route", "/api/applications"), ("status", "401"))] >= 1
    assert requests[(("method", "GET"), ("route", "(unmatched)"), ("status", "404"))] >= 1
    assert requests[(("method", "POST"), ("route", "/wechat"), ("status", "200"))] >= 1
    timed = {labels: value for (name, labels), value in metrics.items() if name == "jifen_http_request_seconds_count"}
    assert timed[(("route", "/healthz"),)] >= 2 and timed[(("route", "/wechat"),)] >= 1
    assert metrics[("jifen_http_request_seconds_bucket", (("le", "+Inf"), ("route", "/healthz")))] >= 2


def test_the_oldest_waiting_application_and_escalation_are_gauges(app):
    store = app.extensions["runtime"].store
    assert scraped(app)[("jifen_oldest_waiting_seconds", (("what", "submitted_application"),))] == 0
    now = datetime.now()
    store.put("application", "a1", {"id": "a1", "user_id": "u1", "status": "submitted",
                                     "submitted_at": (now - timedelta(hours=3)).isoformat(timespec="seconds")})
    # a1 as older records hold it (naive local time), a2 as the bot writes now (Shanghai, with its offset)
    store.put("application", "a2", {"id": "a2", "user_id": "u2", "status": "submitted",
                                     "submitted_at": clock.stamp(clock.now() - timedelta(hours=1))})
    store.put("application", "a3", {"id": "a3", "user_id": "u3", "status": "draft",
                                     "submitted_at": (now - timedelta(days=9)).isoformat(timespec="seconds")})
    store.put("escalation", "e1", {"id": "e1", "user_id": "u1", "status": "open",
                                   "created_at": clock.stamp(clock.now() - timedelta(minutes=20))})
    store.put("escalation", "e2", {"id": "e2", "user_id": "u2", "status": "closed",
                                   "created_at": (now - timedelta(days=2)).isoformat(timespec="seconds")})
    metrics = scraped(app)
    assert 3 * 3600 <= metrics[("jifen_oldest_waiting_seconds", (("what", "submitted_application"),))] < 3 * 3600 + 60
    assert 20 * 60 <= metrics[("jifen_oldest_waiting_seconds", (("what", "open_escalation"),))] < 21 * 60
    assert ("jifen_outbox_backlog", (("status", "pending"),)) in metrics
