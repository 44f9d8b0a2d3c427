"""Prometheus metrics (``GET /metrics``): messages, latency, FAQ confidence, escalations, outbox
backlog, job failures.

Under gunicorn each worker process counts on its own; with ``PROMETHEUS_MULTIPROC_DIR`` set,
prometheus_client aggregates them across processes (the README's deployment section sets it).
"""
from __future__ import annotations

import os

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import multiprocess

MESSAGES = Counter("jifen_messages_total", "WeChat messages handled", ["kind"])
LATENCY = Histogram("jifen_message_seconds", "Time to answer one WeChat message",
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))
FAQ_CONFIDENCE = Histogram("jifen_faq_confidence", "Confidence of knowledge-base answers",
                           buckets=(0.1, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6, 0.8, 1.0))
ESCALATIONS = Counter("jifen_escalations_total", "Escalations opened", ["reason"])
JOB_FAILURES = Counter("jifen_job_failures_total", "Background jobs that failed", ["job"])
# Set at scrape time by whichever process serves it: the newest value is right, an older one stale.
OUTBOX_BACKLOG = Gauge("jifen_outbox_backlog", "Notifications not yet delivered", ["status"],
                       multiprocess_mode="mostrecent")


def exposition() -> bytes:
    """The metrics in Prometheus' text format, across processes when multiprocess mode is on."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest()
