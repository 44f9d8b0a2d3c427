"""Prometheus metrics (``GET /metrics``): requests and their latency per route (a WeChat message's
latency is ``/wechat``'s), messages by kind, FAQ confidence, escalations, the outbox backlog, how long
the oldest submitted application and the oldest open escalation have waited, job failures.

Under gunicorn each worker process counts on its own; with ``PROMETHEUS_MULTIPROC_DIR`` set,
prometheus_client aggregates them across processes (the README's deployment section sets it).
Job failures happen where jobs run: in ``python -m bot worker`` processes, possibly on other
machines, which nobody scrapes. So they are counted in the Store (:func:`count_job_failure`),
shared by every process, and read back at scrape time.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

from datetime import datetime

from flask import Flask, Response, g, request
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import multiprocess
from prometheus_client.core import CounterMetricFamily, Metric

from dialogs import clock
from storage.base import Store

# Per route pattern (never a path: paths carry tokens and ids), so the label set stays small.
REQUESTS = Counter("jifen_http_requests_total", "HTTP requests answered", ["route", "method", "status"])
REQUEST_SECONDS = Histogram("jifen_http_request_seconds", "Time to answer one HTTP request", ["route"],
                            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
UNMATCHED_ROUTE = "(unmatched)"
MESSAGES = Counter("jifen_messages_total", "WeChat messages handled", ["kind"])
# A WeChat message's latency is REQUEST_SECONDS{route="/wechat"}: a second histogram of the same answers
# (jifen_message_seconds, until branch perf7) cost every message ~22K instructions (0.7 %) and showed nothing more.
FAQ_CONFIDENCE = Histogram("jifen_faq_confidence", "Confidence of knowledge-base answers",
                           buckets=(0.1, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6, 0.8, 1.0))
ESCALATIONS = Counter("jifen_escalations_total", "Escalations opened", ["reason"])
# (kind, id) of the Store document counting job failures deployment-wide: {job name: failures}.
JOB_FAILURES_DOC = ("metric", "job_failures")
# Set at scrape time by whichever process serves it: the newest value is right, an older one stale.
OUTBOX_BACKLOG = Gauge("jifen_outbox_backlog", "Notifications not yet delivered", ["status"],
                       multiprocess_mode="mostrecent")


# Set at scrape time from the Store, like the backlog: the age in seconds of what waits longest for staff.
OLDEST_WAITING = Gauge("jifen_oldest_waiting_seconds",
                       "Age of the oldest submitted application waiting for review, and of the oldest open escalation",
                       ["what"], multiprocess_mode="mostrecent")


def count_requests(app: Flask) -> None:
    """Count and time every request by route, method and status."""

    @app.after_request
    def observe(response: Response) -> Response:
        rule = request.url_rule
        started = g.get("log_started")
        observe_request(rule.rule if rule is not None else UNMATCHED_ROUTE, request.method, response.status_code,
                        None if started is None else time.perf_counter() - started)
        return response


def observe_request(route: str, method: str, status: int, seconds: float | None) -> None:
    """One request answered on ``route`` (a pattern, never a path) in ``seconds`` (None: not timed)."""
    child(REQUESTS, route, method, str(status)).inc()
    if seconds is not None:
        child(REQUEST_SECONDS, route).observe(seconds)


# metric and label values -> that metric's child. ``labels()`` checks and sorts its names, converts
# each value and takes the metric's lock on every call, three times a WeChat message; its children
# live as long as the metric, so each is looked up once. Label values are routes, methods, statuses
# and message kinds: no more children than the metrics hold anyway, and nothing of an applicant's.
_children: dict[tuple[object, ...], Any] = {}


def child(metric: Counter | Histogram, *values: str) -> Any:
    """``metric.labels(*values)`` (values in the order of the metric's label names)."""
    key = (metric, *values)
    found = _children.get(key)
    if found is None:
        found = _children[key] = metric.labels(*values)
    return found


def refresh_waiting(store: Store, now: datetime) -> None:
    """Set the oldest-waiting gauges from the Store (0 when nothing waits)."""
    for what, kind, status, field in (("submitted_application", "application", "submitted", "submitted_at"),
                                      ("open_escalation", "escalation", "open", "created_at")):
        # As moments, not strings: older records hold naive local times, newer ones Shanghai's offset.
        oldest = min((clock.parse(doc[field]) for doc in store.find(kind, status=status) if doc.get(field)),
                     default=None)
        OLDEST_WAITING.labels(what=what).set(max(0.0, (now - oldest).total_seconds()) if oldest else 0.0)


def count_job_failure(store: Store, job: str) -> None:
    """One more failure of ``job``, wherever it ran."""
    store.update(*JOB_FAILURES_DOC, lambda counts: {**(counts or {}), job: (counts or {}).get(job, 0) + 1})


class _JobFailures:
    """A collector reading the deployment-wide job failure counts from the Store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def collect(self) -> Iterator[Metric]:
        family = CounterMetricFamily("jifen_job_failures", "Background jobs that failed, in any process",
                                     labels=["job"])
        for job, failures in sorted((self.store.get(*JOB_FAILURES_DOC) or {}).items()):
            family.add_metric([job], failures)
        yield family


def exposition(store: Store) -> bytes:
    """The metrics in Prometheus' text format: this process's (every gunicorn worker's when
    multiprocess mode is on) and the Store's deployment-wide counts."""
    shared = CollectorRegistry()
    shared.register(_JobFailures(store))
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry) + generate_latest(shared)
    return generate_latest() + generate_latest(shared)
