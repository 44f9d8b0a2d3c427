"""``GET /healthz``: is the store reachable (and, where there is one, the worker alive)."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    from bot.app import runtime_of

    runtime = runtime_of(current_app)
    try:
        store_ok = runtime.store.ping()
    except Exception:  # noqa: BLE001 - any failure means "not healthy", reported, not raised
        store_ok = False
    body = {"status": "ok" if store_ok else "degraded", "store": "ok" if store_ok else "unreachable"}
    return jsonify(body), 200 if store_ok else 503
