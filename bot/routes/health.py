"""``GET /healthz``: is the store reachable (and, where there is one, the worker alive)."""
from __future__ import annotations

from flask import Blueprint, jsonify

from bot.runtime import current_runtime
from bot.background.schedule import worker_alive

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    runtime = current_runtime()
    try:
        store_ok = runtime.store.ping()
    except Exception:  # noqa: BLE001 - any failure means "not healthy", reported, not raised
        store_ok = False
    if runtime.config.embedded_worker:
        worker = "in-process"
    else:
        worker = "ok" if store_ok and worker_alive(runtime) else "not seen"
    healthy = store_ok and worker != "not seen"
    body = {"status": "ok" if healthy else "degraded", "store": "ok" if store_ok else "unreachable",
            "worker": worker}
    # 503 only when this process cannot serve; a missing worker delays jobs but the web still answers.
    return jsonify(body), 200 if store_ok else 503
