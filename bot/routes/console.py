"""``/console/…``: the staff and support pages, server-rendered, in Chinese.

Dashboard, the review queue and one application (with its PDFs and the review form), the support
queue (conversation, reply, close), the notification outbox and the audit log. Every view is behind
``require_role``, which for console paths also checks the CSRF token of every POST. Forms post, then
redirect back with a flashed message (post-redirect-get), so a reload never repeats a decision.
The work itself is done by :mod:`bot.desk.review`, :mod:`bot.desk.support` and the outbox, as for the API.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Response, flash, g, jsonify, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from bot.desk import labels
from bot.desk import reports, review
from bot.desk import support
from bot.desk.accounts import audit, audit_trail
from bot.routes.auth import error_page, require_role
from bot.routes.charts import grouped_bars
from bot.desk.errors import HeldByOther, InvalidInput, NotFound
from bot.routes.paging import PageRequest
from bot.background.outbox import RESENDABLE
from bot.background.outbox import STATES as NOTIFICATION_STATES
from bot.routes.material_files import material_pdf
from bot.runtime import current_runtime
from dialogs import clock
from dialogs.lifecycle import REVIEWABLE, LifecycleError, material_name
from dialogs.return_reasons import return_reasons

bp = Blueprint("console", __name__, url_prefix="/console")

CHART_DAYS = 30
CHART_STATUSES = ("submitted", "returned")
OUTBOX_ENTRIES = 2000  # the newest notifications the outbox page pages through
AUDIT_ENTRIES = 2000  # the newest entries the log page filters and pages through
LIVE_REFRESH_SECONDS = 15
ACTION_ERRORS = (InvalidInput, NotFound, LifecycleError, HeldByOther)


@bp.context_processor
def _labels() -> dict[str, Any]:
    return {**labels.template_labels(), "live_refresh_seconds": LIVE_REFRESH_SECONDS,
            "live_counts": lambda: reports.live_counts(current_runtime().store)}


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
    days, series = reports.daily_counts(runtime.store, CHART_STATUSES, clock.today(), CHART_DAYS)
    chart = grouped_bars([d.strftime("%m-%d") for d in days], series)
    outbox_attention = sum(runtime.store.count("notification", status=state)
                           for state in ("failed", "unconfirmed", "retrying"))
    return render_template("console/dashboard.html", counts=reports.status_counts(runtime.store), chart=chart, days=CHART_DAYS,
                           totals={status: sum(values) for status, values in series.items()},
                           open_escalations=runtime.store.count("escalation", status="open"),
                           outbox_attention=outbox_attention)


# -- applications (staff) -----------------------------------------------------------------------------
def _queue_args() -> MultiDict:
    args = MultiDict(request.args)
    args.setdefault("status", "submitted")  # the work waiting; "全部" sends status=""
    return args


@bp.get("/applications")
@require_role("staff")
def applications():
    runtime = current_runtime()
    args = _queue_args()
    wanted = review.ApplicationFilter.from_args(args)
    page = PageRequest.from_args(args).of(review.find_applications(runtime.store, wanted))
    rows = [{**review.summary(r), "claim": review.claim_of(runtime.store, r["id"])} for r in page.items]
    # a reviewer looking someone up (a phone call) types the name with the queue's status still chosen: an empty
    # search says where the matches are rather than that there are none
    elsewhere = (review.found_in_other_statuses(runtime.store, wanted)
                 if not page.items and wanted.query and wanted.status else {})
    return render_template("console/applications.html", rows=rows, page=page, wanted=wanted, elsewhere=elsewhere,
                           business_types=review.BUSINESS_TYPE_LABELS)


@bp.get("/applications.csv")
@require_role("staff")
def applications_csv():
    runtime = current_runtime()
    wanted = review.ApplicationFilter.from_args(_queue_args())
    records = review.find_applications(runtime.store, wanted)
    audit(runtime.store, g.account, "application.export", "applications", {"rows": len(records)})
    return _csv_download(reports.queue_csv(runtime.store, records), "预审队列")


@bp.get("/decisions.csv")
@require_role("staff")
def decisions_csv():
    runtime = current_runtime()
    wanted = review.ApplicationFilter.from_args(MultiDict(request.args))
    records = review.find_applications(runtime.store, review.ApplicationFilter(business_type=wanted.business_type,
                                                                                query=wanted.query))
    audit(runtime.store, g.account, "application.export", "applications", {"what": "审核记录"})
    return _csv_download(reports.decisions_csv(records, wanted), "审核记录")


def _csv_download(text: str, title: str) -> Response:
    name = f"{title}-{clock.today().isoformat()}.csv"
    return Response(text.encode("utf-8"), mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=export.csv; filename*=UTF-8''{quote(name)}"})


@bp.get("/applications/next")
@require_role("staff")
def next_application():
    """The oldest waiting application nobody else holds, after ``after`` (the one just done or skipped), in the
    queue of ``status``: the submissions, or the reports of 申办信息有误 (``disputed``)."""
    store = current_runtime().store
    status = _waiting_status(request.args.get("status"))
    next_id = review.next_in_queue(store, g.account, request.args.get("after") or None, status)
    if next_id is None and status == "disputed":
        flash("申请人反馈申办信息有误的申请已全部核实。", "ok")
        return redirect(url_for(".applications"))
    if next_id is None:
        # Reports of 申办信息有误 wait in their own tab: say so rather than "nothing left", and open it.
        disputes = store.count("application", status="disputed")
        if disputes:
            flash(f"待审核的申请已审完；还有 {disputes} 份申请人反馈申办信息有误、待核实的申请。", "ok")
            return redirect(url_for(".applications", status="disputed"))
        flash("预审队列里没有其他待审核的申请了。", "ok")
        return redirect(url_for(".applications"))
    return redirect(url_for(".application", application_id=next_id))


def _waiting_status(given: str | None) -> str:
    """The queue 开始审核 and 下一份 walk: the submissions unless the reports of 申办信息有误 are asked for."""
    if given and given not in review.WAITING:
        raise InvalidInput("status 应为 submitted（待审核）或 disputed（申办信息有误）")
    return given or "submitted"


@bp.get("/applications/<application_id>")
@require_role("staff")
def application(application_id: str):
    return _application_page(application_id)


def _application_page(application_id: str, status: int = 200, form: MultiDict | None = None,
                      error: str | None = None) -> tuple[str, int]:
    """The review page; after a refused review ``form`` is what was sent, so every choice and
    reason is shown again next to ``error``."""
    runtime = current_runtime()
    record = review.open_for_review(runtime.applications, g.account, application_id)
    reviewable = record.get("status") in REVIEWABLE
    held = review.claim(runtime.applications, g.account, application_id) if reviewable else None
    view = review.detail(record, lambda code: url_for(".material", application_id=application_id, code=code))
    notifications = runtime.outbox.listing(application_id=application_id)
    return render_template("console/application.html", app=view, reasons=return_reasons(),
                           reviewable=reviewable, notifications=notifications, claim=held,
                           claimed_by_other=bool(held and held.by != g.account.name),
                           claim_renew_minutes=review.CLAIM_RENEW_MINUTES,
                           staff=review.staff_names(runtime.store), form=form or MultiDict(),
                           error=error), status


@bp.get("/applications/<application_id>/materials/<code>")
@require_role("staff")
def material(application_id: str, code: str):
    review.renew(current_runtime().store, g.account, application_id)  # previewing a file is working on it
    response = material_pdf(application_id, code)
    # Shown in the application page's preview frame: framing by this site only (console pages
    # otherwise refuse every frame).
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response


@bp.post("/applications/<application_id>/review")
@require_role("staff")
def review_application(application_id: str):
    applications = current_runtime().applications
    record = review.get_application(applications, application_id)
    try:
        decision = review.Review.from_body(_review_body(request.form, record))
        review.review(applications, g.account, application_id, decision)
    except ACTION_ERRORS as err:
        # Shown on the page itself, not after a redirect: the form keeps what the reviewer chose.
        return _application_page(application_id, 409 if isinstance(err, (LifecycleError, HeldByOther)) else 400,
                                 request.form, err.message)
    flash(("已退回，申请人会在微信收到退回原因。" if decision.decision == "returned"
           else "已预审通过，申请人会在微信收到确认提醒。") + f"（{record.get('answers', {}).get('name') or application_id}）", "ok")
    # After a report of 申办信息有误, the next report: the queue it came from.
    return redirect(url_for(".next_application", after=application_id,
                            **({"status": "disputed"} if record.get("status") == "disputed" else {})))


def _review_body(form: MultiDict, record: dict[str, Any]) -> dict[str, Any]:
    """The review form as the API's body: per material a verdict, and a reason made of the chosen
    preset and the free text. "全部通过" (decision=approve_all) approves every material at once.
    A disputed application's answers are edited in place: those changed are its corrections.

    A reason given is a return, as the page says, whether or not 退回 was ticked (the script ticks it;
    without the script, or after a slip of the keyboard, it was not). A reason beside 通过, or beside
    全部通过, is refused rather than dropped: the reviewer meant to return something."""
    checklist = record.get("checklist") or []
    checked = {"corrections": _changed_answers(form, record), "finding": form.get("finding", "").strip()}
    reasons = {code: "；".join(part for part in (form.get(f"preset-{code}", "").strip(),
                                                 form.get(f"reason-{code}", "").strip()) if part)
               for code in checklist}
    contradicted = [code for code, reason in reasons.items() if reason and (
        form.get("decision") == "approve_all" or form.get(f"verdict-{code}") == "approved")]
    if contradicted:
        raise InvalidInput(f"已为“{'、'.join(map(material_name, contradicted))}”选择或填写了退回原因，却选了通过："
                           "要退回请选“退回”并点“退回申请”；要通过请先清空该项的退回原因。")
    if form.get("decision") == "approve_all":
        return {"materials": {code: {"status": "approved"} for code in checklist}, "decision": "approved", **checked}
    materials = {code: {"status": form.get(f"verdict-{code}") or "returned", "reason": reason}
                 for code, reason in reasons.items() if form.get(f"verdict-{code}") or reason}
    return {"materials": materials, "decision": form.get("decision"), "reason": form.get("reason", "").strip(),
            **checked}


def _changed_answers(form: MultiDict, record: dict[str, Any]) -> dict[str, str]:
    """The answers whose field (``answer-<field>``, shown as rendered) was changed in the form."""
    shown = {row["field"]: row["value"] for row in review.answer_rows(record.get("answers") or {})}
    return {name: form[f"answer-{name}"].strip() for name, value in shown.items()
            if f"answer-{name}" in form and form[f"answer-{name}"].strip() != value}


@bp.post("/applications/<application_id>/claim")
@require_role("staff")
def claim_application(application_id: str):
    to = request.form.get("to") or None
    return _done_or_flash(lambda: review.claim(current_runtime().applications, g.account, application_id, to=to),
                          f"已指派给 {to}。" if to else "已领取。", url_for(".application", application_id=application_id))


@bp.post("/applications/<application_id>/claim/renew")
@require_role("staff")
def renew_claim(application_id: str):
    """The review page, while its reviewer is active on it, keeps their claim (console.js): the claim after it."""
    held = review.renew(current_runtime().store, g.account, application_id)
    return jsonify(claim=vars(held) if held else None, yours=bool(held and held.by == g.account.name))


@bp.post("/applications/<application_id>/release")
@require_role("staff")
def release_application(application_id: str):
    return _done_or_flash(lambda: review.release(current_runtime().store, g.account, application_id),
                          "已放回队列。", url_for(".applications"))


@bp.post("/applications/<application_id>/reopen")
@require_role("staff")
def reopen_application(application_id: str):
    return _done_or_flash(lambda: review.reopen(current_runtime().applications, g.account, application_id,
                                                request.form.get("note"), request.form.getlist("materials")),
                          "已撤回退回，申请重新进入待审核，并已通知申请人。",
                          url_for(".application", application_id=application_id))


@bp.post("/applications/<application_id>/options")
@require_role("staff")
def open_options(application_id: str):
    return _done_or_flash(lambda: review.open_options(current_runtime().applications, g.account, application_id,
                                                      request.form.get("note")),
                          "已开放加分选项，申请已交回申请人补选，并已通知申请人。",
                          url_for(".application", application_id=application_id))


@bp.post("/applications/<application_id>/contact-change")
@require_role("staff")
def decide_contact_change(application_id: str):
    runtime = current_runtime()
    applied = request.form.get("decision") == "apply"
    return _done_or_flash(lambda: review.decide_contact_change(runtime.applications, runtime.outbox, g.account,
                                                               application_id, request.form.to_dict()),
                          "已更新为新的联系方式，并已通知申请人。" if applied else "已不采用新的联系方式，并已通知申请人。",
                          url_for(".application", application_id=application_id))


@bp.post("/applications/<application_id>/flag")
@require_role("staff")
def flag_application(application_id: str):
    return _done_or_flash(lambda: review.flag(current_runtime().applications, g.account, application_id,
                                              request.form.get("note")),
                          "已转交客服处理。", url_for(".application", application_id=application_id))


@bp.get("/counts.json")
@require_role()
def live_counts():
    """The figures every console page shows in its header, for the page's script to refresh."""
    counts = reports.live_counts(current_runtime().store)
    return jsonify(counts={name: {"count": n, "label": labels.LIVE_COUNT[name]} for name, n in counts.items()})


# -- escalations (support) ----------------------------------------------------------------------------
@bp.get("/escalations")
@require_role("support")
def escalations():
    runtime = current_runtime()
    status = request.args.get("status", "open") or None
    page = PageRequest.from_args(request.args).of(support.find_escalations(runtime.store, status))
    return render_template("console/escalations.html",
                           escalations=[support.view(runtime.applications, d) for d in page.items],
                           page=page, status=status, max_reply=support.MAX_REPLY_CHARS)


@bp.post("/escalations/<escalation_id>/reply")
@require_role("support")
def reply(escalation_id: str):
    runtime = current_runtime()
    return _done_or_flash(lambda: support.reply(runtime.store, runtime.outbox, g.account, escalation_id,
                                                request.form.get("text")),
                          "回复已发出，会以客服消息送达申请人。", url_for(".escalations", _anchor=f"e{escalation_id}"))


@bp.post("/escalations/<escalation_id>/close")
@require_role("support")
def close(escalation_id: str):
    runtime = current_runtime()
    return _done_or_flash(lambda: support.close(runtime.store, runtime.outbox, g.account, escalation_id),
                          "已结束人工服务，申请人会收到通知并可继续办理。", url_for(".escalations"))


# -- outbox and audit ----------------------------------------------------------------------------------
@bp.get("/outbox")
@require_role("staff")
def outbox():
    status = request.args.get("status") or None
    page = PageRequest.from_args(request.args).of(current_runtime().outbox.listing(status, limit=OUTBOX_ENTRIES))
    return render_template("console/outbox.html", notifications=page.items, page=page, status=status,
                           states=NOTIFICATION_STATES, resendable=RESENDABLE)


@bp.post("/outbox/<notification_id>/resend")
@require_role("staff")
def resend(notification_id: str):
    back = url_for(".outbox", **{k: request.args[k] for k in ("status", "offset", "limit") if request.args.get(k)})
    return _done_or_flash(lambda: current_runtime().outbox.resend(notification_id, g.account),
                          "已重新发送，结果见下表。", back)


@bp.get("/audit")
@require_role("admin")
def audit_log():
    wanted = {name: (request.args.get(name) or "").strip() for name in ("action", "actor", "target")}
    entries = [e for e in audit_trail(current_runtime().store, last=AUDIT_ENTRIES)[::-1]
               if (not wanted["action"] or e["action"] == wanted["action"])
               and (not wanted["actor"] or wanted["actor"] == e["actor"])
               and (not wanted["target"] or wanted["target"] in e["target"])]
    page = PageRequest.from_args(request.args).of(entries)
    return render_template("console/audit.html", entries=page.items, page=page, wanted=wanted)
