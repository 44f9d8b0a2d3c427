"""``/api/…``: the staff and support JSON API, bearer tokens with roles (``bot.routes.auth``).

Thin: parse, authorise, call :mod:`bot.desk.review`, :mod:`bot.desk.support` or the outbox, answer JSON.
What is served is described in ``openapi.yaml`` next to this file (served at /api/openapi.json; a
test keeps the two in step). Errors are ``{"error": code, "message": text}``: 400 malformed
request, 401 no or bad token, 403 wrong role, 404 unknown id, 409 not allowed in the current
state (a ``LifecycleError``, or ``claimed`` with the ``claim`` when another reviewer holds the
application).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from flask import Blueprint, Response, g, jsonify, request, url_for

from bot.desk import reports, review
from bot.desk import support
from bot.routes.auth import require_role
from bot.desk.errors import HeldByOther, InvalidInput, NotFound
from bot.routes.paging import PageRequest
from bot.routes.material_files import material_pdf
from bot.runtime import current_runtime
from dialogs.checklist import catalogue
from dialogs.lifecycle import LifecycleError
from dialogs.return_reasons import return_reasons as preset_reasons

bp = Blueprint("api", __name__, url_prefix="/api")
SPEC_FILE = Path(__file__).with_name("openapi.yaml")
OUTBOX_ENTRIES = 2000  # the newest notifications paged through


def _error(status: int, error: str, message: str) -> tuple[Response, int]:
    return jsonify(error=error, message=message), status


@bp.errorhandler(InvalidInput)
def _invalid(err: InvalidInput) -> tuple[Response, int]:
    return _error(400, "bad_request", err.message)


@bp.errorhandler(NotFound)
def _not_found(err: NotFound) -> tuple[Response, int]:
    return _error(404, "not_found", err.message)


@bp.errorhandler(HeldByOther)
def _held(err: HeldByOther) -> tuple[Response, int]:
    return jsonify(error="claimed", message=err.message, claim={"by": err.by, "until": err.until}), 409


@bp.errorhandler(LifecycleError)
def _conflict(err: LifecycleError) -> tuple[Response, int]:
    return _error(409, "conflict", err.message)


def _json_body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise InvalidInput("请求体应为 JSON 对象（Content-Type: application/json）")
    return body


def _file_url(application_id: str) -> Callable[[str], str]:
    """Where this API serves the application's material PDFs."""
    return lambda code: url_for(".material", application_id=application_id, code=code)


# -- applications (staff) ------------------------------------------------------------------------
@bp.get("/applications")
@require_role("staff")
def applications():
    wanted = review.ApplicationFilter.from_args(request.args)
    page = PageRequest.from_args(request.args).of(review.find_applications(current_runtime().store, wanted))
    return jsonify(applications=[review.summary(r) for r in page.items], **page.described())


@bp.get("/applications.csv")
@require_role("staff")
def applications_csv():
    store = current_runtime().store
    records = review.find_applications(store, review.ApplicationFilter.from_args(request.args))
    return _csv(reports.queue_csv(store, records))


@bp.get("/decisions.csv")
@require_role("staff")
def decisions_csv():
    wanted = review.ApplicationFilter.from_args(request.args)
    records = review.find_applications(current_runtime().store, review.ApplicationFilter(
        business_type=wanted.business_type, query=wanted.query))
    return _csv(reports.decisions_csv(records, wanted))


def _csv(text: str) -> Response:
    return Response(text.encode("utf-8"), mimetype="text/csv", headers={"Content-Disposition": "attachment; filename=export.csv"})


@bp.get("/applications/next")
@require_role("staff")
def next_application():
    runtime = current_runtime()
    status = request.args.get("status")
    if status is not None and status not in review.WAITING:
        raise InvalidInput("status 应为 submitted（待审核）或 disputed（申办信息有误）")
    # Without a status, a disputed application (its applicant's 2-day clock paused) once no submission waits.
    next_id = review.next_in_queue(runtime.store, g.account, request.args.get("after") or None,
                                   statuses=(status,) if status else review.WAITING)
    if next_id is None:
        return jsonify(application=None)
    held = review.claim(runtime.applications, g.account, next_id)
    return jsonify(application=review.summary(review.get_application(runtime.applications, next_id)), claim=vars(held))


@bp.get("/applications/<application_id>")
@require_role("staff")
def application(application_id: str):
    return _detail(review.get_application(current_runtime().applications, application_id))


def _detail(record: dict) -> Response:
    """An application in full, as a GET or a decision's POST answers: every such view audited."""
    review.shown_in_full(current_runtime().applications, g.account, record)
    return jsonify(review.detail(record, _file_url(record["id"])))


@bp.post("/applications/<application_id>/claim")
@require_role("staff")
def claim_application(application_id: str):
    held = review.claim(current_runtime().applications, g.account, application_id, to=_json_body().get("to"))
    return jsonify(claim=vars(held), yours=held.by == g.account.name)


@bp.get("/counts")
@require_role()
def live_counts():
    return jsonify(counts=reports.live_counts(current_runtime().store))


@bp.get("/applications/<application_id>/materials/<code>")
@require_role("staff")
def material(application_id: str, code: str):
    review.renew(current_runtime().store, g.account, application_id)  # previewing a file is working on it
    return material_pdf(application_id, code)


@bp.post("/applications/<application_id>/review")
@require_role("staff")
def review_application(application_id: str):
    # A decision, even one refused as malformed or not fitting, is the reviewer at work: their claim runs on.
    review.renew(current_runtime().store, g.account, application_id)
    decision = review.Review.from_body(_json_body())
    record = review.review(current_runtime().applications, g.account, application_id, decision)
    return _detail(record)


@bp.post("/applications/<application_id>/reopen")
@require_role("staff")
def reopen_application(application_id: str):
    body = _json_body()
    record = review.reopen(current_runtime().applications, g.account, application_id, body.get("note"), body.get("materials"))
    return _detail(record)


@bp.post("/applications/<application_id>/options")
@require_role("staff")
def open_options(application_id: str):
    record = review.open_options(current_runtime().applications, g.account, application_id, _json_body().get("note"))
    return _detail(record)


@bp.post("/applications/<application_id>/contact-change")
@require_role("staff")
def decide_contact_change(application_id: str):
    runtime = current_runtime()
    record = review.decide_contact_change(runtime.applications, runtime.outbox, g.account, application_id, _json_body())
    return _detail(record)


@bp.post("/applications/<application_id>/flag")
@require_role("staff")
def flag_application(application_id: str):
    escalation_id = review.flag(current_runtime().applications, g.account, application_id, _json_body().get("note"))
    return jsonify(escalation_id=escalation_id), 201


@bp.get("/return-reasons")
@require_role("staff")
def return_reasons():
    """The presets: under ``material`` (a code), what the console offers there; else the general ones and
    each material's own."""
    presets = preset_reasons()
    code = request.args.get("material")
    if code:
        if code not in catalogue().materials:
            raise NotFound(f"没有代码为 {code} 的材料")
        return jsonify(reasons=presets.for_material(code))
    return jsonify(reasons=list(presets.general), materials={c: list(r) for c, r in presets.own.items()})


# -- escalations (support) -----------------------------------------------------------------------
@bp.get("/escalations")
@require_role("support")
def escalations():
    runtime = current_runtime()
    page = PageRequest.from_args(request.args).of(support.find_escalations(runtime.store,
                                                                           request.args.get("status") or None))
    return jsonify(escalations=[support.view(runtime.applications, doc) for doc in page.items], **page.described())


@bp.post("/escalations/<escalation_id>/reply")
@require_role("support")
def reply(escalation_id: str):
    runtime = current_runtime()
    doc = support.reply(runtime.store, runtime.outbox, g.account, escalation_id, _json_body().get("text"))
    return jsonify(support.view(runtime.applications, doc))


@bp.post("/escalations/<escalation_id>/close")
@require_role("support")
def close(escalation_id: str):
    runtime = current_runtime()
    return jsonify(support.view(runtime.applications, support.close(runtime.store, runtime.outbox, g.account,
                                                                     escalation_id)))


# -- notifications and the description ---------------------------------------------------------------
@bp.get("/outbox")
@require_role("staff")
def outbox():
    page = PageRequest.from_args(request.args).of(current_runtime().outbox.listing(request.args.get("status") or None,
                                                                                   limit=OUTBOX_ENTRIES))
    return jsonify(notifications=page.items, **page.described())


@bp.post("/outbox/<notification_id>/resend")
@require_role("staff")
def resend(notification_id: str):
    return jsonify(current_runtime().outbox.resend(notification_id, g.account))


@bp.get("/openapi.json")
@require_role()
def openapi():
    return jsonify(openapi_document())


@cache
def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 description of this blueprint."""
    return yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))
