"""Prometheus metrics (``GET /metrics``): messages, latency, FAQ confidence, escalations, outbox
backlog, job failures.

Under gunicorn each worker process counts on its own; with ``PROMETHEUS_MULTIPROC_DIR`` set,
prometheus_client aggregates them across processes (the README's deployment section sets it).
Job failures happen where jobs run: in ``python -m bot worker`` processes, possibly on other
machines, which nobody scrapes. So they are counted in the Store (:func:`count_job_failure`),
shared by every process, and read back at scrape time.
"""
from __future__ import annotations

import os
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import multiprocess
from prometheus_client.core import CounterMetricFamily, Metric

from storage.base import Store

MESSAGES = Counter("jifen_messages_total", "WeChat messages handled", ["kind"])
LATENCY = Histogram("jifen_message_seconds", "Time to answer one WeChat message",
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))
FAQ_CONFIDENCE = Histogram("jifen_faq_confidence", "Confidence of knowledge-base answers",
                           buckets=(0.1, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6, 0.8, 1.0))
ESCALATIONS = Counter("jifen_escalations_total", "Escalations opened", ["reason"])
# (kind, id) of the Store document counting job failures deployment-wide: {job name: failures}.
JOB_FAILURES_DOC = ("metric", "job_failures")
# Set at scrape time by whichever process serves it: the newest value is right, an older one stale.
OUTBOX_BACKLOG = Gauge("jifen_outbox_backlog", "Notifications not yet delivered", ["status"],
                       multiprocess_mode="mostrecent")


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
