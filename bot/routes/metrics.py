"""``GET /metrics``: Prometheus' text format, for a scraper on the operators' network.

Open by default, like ``/healthz``: operators bind it to an internal network (or block ``/metrics``
at the public proxy). With ``METRICS_TOKEN`` set it also demands ``Authorization: Bearer <token>``,
for deployments where the scraper has to come over a shared network. The counts are aggregates:
no applicant, openid or message text is ever a label.
"""
from __future__ import annotations

import hmac

from flask import Blueprint, Response, jsonify
from prometheus_client import CONTENT_TYPE_LATEST

from bot.routes.auth import bearer_token
from bot.observe.metrics import OUTBOX_BACKLOG, exposition, refresh_waiting
from bot.background.outbox import STATES as NOTIFICATION_STATES
from bot.runtime import current_runtime
from dialogs import clock
from storage.base import Store

bp = Blueprint("metrics", __name__)

# Notifications on their way, and those stuck for a person to look at, counted on their indexes: a
# scrape loads no notification.
UNDELIVERED = tuple(status for status in NOTIFICATION_STATES if status != "sent")


@bp.get("/metrics")
def metrics() -> Response:
    runtime = current_runtime()
    token = runtime.config.metrics_token
    if token is not None and not _bearer_matches(token):
        refusal = jsonify(error="unauthorized", message="需要有效的 METRICS_TOKEN")
        refusal.status_code = 401
        refusal.headers["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return refusal
    refresh_outbox_backlog(runtime.store)
    refresh_waiting(runtime.store, clock.now())
    return Response(exposition(runtime.store), content_type=CONTENT_TYPE_LATEST)


def refresh_outbox_backlog(store: Store) -> None:
    """Set the backlog gauge from the Store now, so it is right whichever process answers the scrape
    (the outbox sweep sets it too, but on a Redis deployment that runs in a worker nobody scrapes)."""
    for status in UNDELIVERED:
        OUTBOX_BACKLOG.labels(status=status).set(store.count("notification", status=status))


def _bearer_matches(token: str) -> bool:
    return hmac.compare_digest((bearer_token() or "").encode(), token.encode())
