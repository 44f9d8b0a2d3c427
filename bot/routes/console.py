"""``/console/…``: the staff and support pages, server-rendered, in Chinese.

Dashboard, the review queue and one application (with its PDFs and the review form), the support
queue (conversation, reply, close), the notification outbox and the audit log. Every view is behind
``require_role``, which for console paths also checks the CSRF token of every POST. Forms post, then
redirect back with a flashed message (post-redirect-get), so a reload never repeats a decision.
The work itself is done by :mod:`bot.review`, :mod:`bot.support` and the outbox, as for the API.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, flash, g, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from bot import review, support
from bot.accounts import ROLE_LABELS, audit_trail
from bot.auth import error_page, require_role
from bot.charts import grouped_bars
from bot.desk_errors import InvalidInput, NotFound
from bot.paging import PageRequest
from bot.outbox import RESENDABLE
from bot.outbox import STATES as NOTIFICATION_STATES
from bot.routes.material_files import material_pdf
from bot.runtime import current_runtime
from dialogs import clock
from dialogs.lifecycle import PRESET_RETURN_REASONS, REVIEWABLE, STATUS_LABELS, LifecycleError

bp = Blueprint("console", __name__, url_prefix="/console")

CHART_DAYS = 30
CHART_STATUSES = ("submitted", "returned")
AUDIT_ENTRIES = 300
ACTION_ERRORS = (InvalidInput, NotFound, LifecycleError)


@bp.context_processor
def _labels() -> dict[str, Any]:
    return {"status_labels": STATUS_LABELS}


bp.add_app_template_filter(clock.minute, "shanghai_minute")


@bp.errorhandler(NotFound)
def _not_found(err: NotFound) -> Response:
    return error_page(404, "找不到", err.message)


@bp.errorhandler(InvalidInput)
def _invalid(err: InvalidInput) -> Response:
    return error_page(400, "筛选条件有误", err.message)


def _done_or_flash(action: Callable[[], object], message: str, back: str) -> Response:
    """Run a form's action; flash its message on success or its error, then go ``back``."""
    try:
        action()
    except ACTION_ERRORS as err:
        flash(err.message, "error")
    else:
        flash(message, "ok")
    return redirect(back)


# -- dashboard -------------------------------------------------------------------------------------
@bp.get("/")
@require_role()
def dashboard():
    runtime = current_runtime()
    days, series = review.daily_counts(runtime.store, CHART_STATUSES, clock.today(), CHART_DAYS)
    chart = grouped_bars([d.strftime("%m-%d") for d in days], series)
    outbox_attention = sum(runtime.store.count("notification", status=state)
                           for state in ("failed", "unconfirmed", "retrying"))
    return render_template("console/dashboard.html", counts=review.status_counts(runtime.store), chart=chart, days=CHART_DAYS,
                           totals={status: sum(values) for status, values in series.items()},
                           open_escalations=runtime.store.count("escalation", status="open"),
                           outbox_attention=outbox_attention)


# -- applications (staff) -----------------------------------------------------------------------------
@bp.get("/applications")
@require_role("staff")
def applications():
    args = MultiDict(request.args)
    args.setdefault("status", "submitted")  # the work waiting; "全部" sends status=""
    wanted = review.ApplicationFilter.from_args(args)
    page = PageRequest.from_args(args).of(review.find_applications(current_runtime(), wanted))
    return render_template("console/applications.html", rows=[review.summary(r) for r in page.items], page=page,
                           wanted=wanted, business_types=review.BUSINESS_TYPE_LABELS)


@bp.get("/applications/<application_id>")
@require_role("staff")
def application(application_id: str):
    runtime = current_runtime()
    record = review.get_application(runtime, application_id)
    view = review.detail(record, lambda code: url_for(".material", application_id=application_id, code=code))
    notifications = runtime.outbox.listing(application_id=application_id)
    return render_template("console/application.html", app=view, presets=PRESET_RETURN_REASONS,
                           reviewable=record.get("status") in REVIEWABLE, notifications=notifications)


@bp.get("/applications/<application_id>/materials/<code>")
@require_role("staff")
def material(application_id: str, code: str):
    response = material_pdf(application_id, code)
    # Shown in the application page's preview frame: framing by this site only (console pages
    # otherwise refuse every frame).
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response


@bp.post("/applications/<application_id>/review")
@require_role("staff")
def review_application(application_id: str):
    def act() -> None:
        decision = review.Review.from_body(_review_body(request.form))
        review.review(current_runtime(), g.account, application_id, decision)

    decision = request.form.get("decision")
    message = "已退回，申请人会在微信收到退回原因。" if decision == "returned" else "已预审通过，申请人会在微信收到确认提醒。"
    return _done_or_flash(act, message, url_for(".application", application_id=application_id))


def _review_body(form: MultiDict) -> dict[str, Any]:
    """The review form as the API's body: per material a verdict, and a reason made of the chosen
    preset and the free text."""
    materials = {}
    for key, verdict in form.items():
        if not key.startswith("verdict-") or not verdict:
            continue
        code = key.removeprefix("verdict-")
        parts = [form.get(f"preset-{code}", "").strip(), form.get(f"reason-{code}", "").strip()]
        materials[code] = {"status": verdict, "reason": "；".join(p for p in parts if p)}
    return {"materials": materials, "decision": form.get("decision"), "reason": form.get("reason", "").strip()}


@bp.post("/applications/<application_id>/flag")
@require_role("staff")
def flag_application(application_id: str):
    return _done_or_flash(lambda: review.flag(current_runtime(), g.account, application_id, request.form.get("note")),
                          "已转交客服处理。", url_for(".application", application_id=application_id))


# -- escalations (support) ----------------------------------------------------------------------------
@bp.get("/escalations")
@require_role("support")
def escalations():
    runtime = current_runtime()
    status = request.args.get("status", "open") or None
    docs = support.find_escalations(runtime, status)
    return render_template("console/escalations.html", escalations=[support.view(runtime, d) for d in docs],
                           status=status, max_reply=support.MAX_REPLY_CHARS)


@bp.post("/escalations/<escalation_id>/reply")
@require_role("support")
def reply(escalation_id: str):
    return _done_or_flash(lambda: support.reply(current_runtime(), g.account, escalation_id, request.form.get("text")),
                          "回复已发出，会以客服消息送达申请人。", url_for(".escalations", _anchor=f"e{escalation_id}"))


@bp.post("/escalations/<escalation_id>/close")
@require_role("support")
def close(escalation_id: str):
    return _done_or_flash(lambda: support.close(current_runtime(), g.account, escalation_id),
                          "已结束人工服务，申请人会收到通知并可继续办理。", url_for(".escalations"))


# -- outbox and audit ----------------------------------------------------------------------------------
@bp.get("/outbox")
@require_role("staff")
def outbox():
    status = request.args.get("status") or None
    notifications = current_runtime().outbox.listing(status)
    return render_template("console/outbox.html", notifications=notifications, status=status,
                           states=NOTIFICATION_STATES, resendable=RESENDABLE)


@bp.post("/outbox/<notification_id>/resend")
@require_role("staff")
def resend(notification_id: str):
    return _done_or_flash(lambda: current_runtime().outbox.resend(notification_id, g.account),
                          "已重新发送，结果见下表。", url_for(".outbox", status=request.args.get("status")))


@bp.get("/audit")
@require_role("admin")
def audit_log():
    entries = audit_trail(current_runtime().store, last=AUDIT_ENTRIES)[::-1]
    return render_template("console/audit.html", entries=entries, role_labels=ROLE_LABELS)
