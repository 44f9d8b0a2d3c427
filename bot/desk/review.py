"""The pre-review desk: finding applications, showing one with its materials, reviewing it, flagging
it for support. The JSON API and the console pages both call these, so a decision taken on either
is the same change, audited the same way and notified the same way (through
``Applications.change`` and its outbox listener).

Personal numbers are masked wherever applications are listed; a single application shows them in
full (the ID number's hidden digits hold the birth date staff check against the card), and each
such view is written to the audit log.

The exports and the dashboard's counts are ``bot.desk.reports``.

The queue is first come, first served (oldest submission first; a report of 申办信息有误 waits from when it
came in, and its tab and 开始审核 walk those reports in that one order). A reviewer who opens an
application claims it for :data:`CLAIM_MINUTES`; another reviewer opening it in that time is told
who has it, and "下一份" skips it. While the reviewer works on it the claim is renewed (:func:`renew`: the
page asks every :data:`CLAIM_RENEW_MINUTES` while they are active on it, and each preview or refused decision
renews it), so a long review keeps it. Claims expire by themselves, so a reviewer who closes the tab or leaves for
lunch does not lock anything for long.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from bot.desk import labels
from bot.desk.accounts import Account, audit, get_account, list_accounts
from bot.applicant.applications import ApplicationNotFound, Applications
from bot.desk.errors import HeldByOther, InvalidInput, NotFound
from bot.applicant.effects import open_escalation
from bot.background.outbox import Message, Outbox
from bot.desk.support import CONTEST_ANSWERED, DISPUTE_ANSWERED, close_answered
from dialogs import clock, lifecycle, render
from dialogs.checklist import catalogue
from dialogs.events import Escalate
from dialogs.flows.application import BUSINESS_TYPES, MIN_PERMIT_MONTHS, QUESTIONS, TRANSFER_PERMIT_MONTHS
from dialogs.lifecycle import MATERIAL_LABELS, STATUS_LABELS, Record
from dialogs.privacy import mask_email, mask_id_number, mask_mobile, mask_text
from dialogs.return_reasons import return_reasons
from dialogs.validators import ValidationError, add_months, id_number_notes
from storage.base import Store
from storage.files import FileStore

BUSINESS_TYPE_LABELS = {option.code: option.label for option in BUSINESS_TYPES}
DECISIONS = ("returned", "approved")
VERDICTS = ("approved", "returned")
MAX_REASON_CHARS = 200
MAX_NOTE_CHARS = 500
MAX_QUERY_CHARS = 40
# Answers staff may correct after a dispute: not the business type or the consent given to its terms
# (another business is another application).
NOT_CORRECTABLE = ("business_type", "consent", "confirmed")
CLAIM_MINUTES = 20
CLAIM_KIND = "claim"  # one document per claimed application, {"by", "until"}
# How often the open review page renews its claim while its reviewer is active (well inside CLAIM_MINUTES, so
# that a renewal missed while the network blinks still leaves time for the next).
CLAIM_RENEW_MINUTES = 5
MASKED_IN_LISTS: dict[str, Callable[[str], str]] = {"id_number": mask_id_number, "mobile": mask_mobile}


def permit_notes(expiry: str) -> tuple[str, ...]:
    """What the residence permit's expiry date means today (the review may come weeks after the answer, a
    resubmission months after): fewer than the two months the material needs, or than the four a transfer of
    files (调档) needs. Empty when it is long enough, or not a date."""
    try:
        day = date.fromisoformat(expiry)
    except ValueError:
        return ()
    today = clock.today()
    if day < add_months(today, MIN_PERMIT_MONTHS):
        return (f"距今已不足{MIN_PERMIT_MONTHS}个月（居住证至少应有两个月以上有效期），请核对居住证材料上的有效期。",)
    if day < add_months(today, TRANSFER_PERMIT_MONTHS):
        return (f"距今不足{TRANSFER_PERMIT_MONTHS}个月：若人才中心审核后需要调档，至少应有四个月以上有效期。",)
    return ()


# answer field -> what staff should check about an accepted value (never a reason it was refused)
NOTED_IN_DETAIL: dict[str, Callable[[str], tuple[str, ...]]] = {"id_number": id_number_notes,
                                                               "permit_expiry": permit_notes}
# Notes about the decision still to take, noted only while one is (submitted, disputed): the permit's validity counts
# on the day of the review, and an application approved or done has had it.
FOR_THE_DECISION = frozenset({"permit_expiry"})


# -- finding ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ApplicationFilter:
    """The queue's filters: status, business type, a range of submission dates (inclusive), and a
    search ``query`` matched against the name, mobile, ID number and WeChat openid."""

    status: str | None = None
    business_type: str | None = None
    submitted_from: date | None = None
    submitted_to: date | None = None
    query: str | None = None

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> ApplicationFilter:
        """From query parameters ``status``, ``type``, ``from``, ``to``, ``q``; InvalidInput when one is wrong."""
        status = args.get("status") or None
        if status is not None and status not in STATUS_LABELS:
            raise InvalidInput("status（状态）应为以下之一：" + "、".join(f"{c}（{w}）" for c, w in STATUS_LABELS.items()))
        business_type = args.get("type") or None
        if business_type is not None and business_type not in BUSINESS_TYPE_LABELS:
            raise InvalidInput("type（业务类型）应为以下之一："
                               + "、".join(f"{c}（{w}）" for c, w in BUSINESS_TYPE_LABELS.items()))
        query = (args.get("q") or "").strip() or None
        if query is not None and len(query) > MAX_QUERY_CHARS:
            raise InvalidInput(f"搜索内容不能超过 {MAX_QUERY_CHARS} 个字")
        return cls(status, business_type, _date_arg(args, "from"), _date_arg(args, "to"), query)

    def matches(self, record: Record) -> bool:
        submitted = clock.day(record.get("submitted_at"))
        if self.submitted_from and not (submitted and submitted >= self.submitted_from.isoformat()):
            return False
        if self.submitted_to and not (submitted and submitted <= self.submitted_to.isoformat()):
            return False
        return self.query is None or self._found(record)

    def _found(self, record: Record) -> bool:
        answers = record.get("answers") or {}
        wanted = self.query.casefold()
        haystack = (answers.get("name"), answers.get("mobile"), answers.get("id_number"), record.get("user_id"))
        return any(wanted in str(value).casefold() for value in haystack if value)


def _date_arg(args: Mapping[str, str], name: str) -> date | None:
    value = args.get(name) or None
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name} 应为日期，例如 2026-11-24") from None


def find_applications(store: Store, wanted: ApplicationFilter) -> list[Record]:
    """Matching applications, the longest waiting first (first come, first served): the order of the list
    and of 开始审核/下一份 (:func:`next_in_queue`) alike."""
    where = {k: v for k, v in (("status", wanted.status), ("business_type", wanted.business_type)) if v}
    records = [r for r in store.find("application", **where) if wanted.matches(r)]
    return sorted(records, key=queued_since)


def found_in_other_statuses(store: Store, wanted: ApplicationFilter) -> dict[str, int]:
    """How many applications ``wanted`` would find in each status other than its own (its other filters kept),
    in the order of STATUS_LABELS."""
    counts = Counter(r.get("status") for r in find_applications(store, replace(wanted, status=None)))
    return {status: counts[status] for status in STATUS_LABELS if status != wanted.status and counts[status]}


#: The statuses in which an application waits for staff, each a queue of its own (its tab, its 开始审核).
WAITING = ("submitted", "disputed")


def queued_since(record: Record) -> str:
    """When the application came to staff: its (re)submission, or for a report of 申办信息有误 the report (the
    application was submitted long before and approved since: that is not how long the report has waited)."""
    if record.get("status") == "disputed":
        reported = [entry["at"] for entry in record.get("history") or [] if entry.get("status") == "disputed"]
        if reported:
            return reported[-1]
    return record.get("submitted_at") or record.get("updated_at") or ""


def get_application(applications: Applications, application_id: str) -> Record:
    record = applications.get(application_id)
    if record is None:
        raise NotFound(f"没有编号为 {application_id} 的申请")
    return record


# -- showing ------------------------------------------------------------------------------------
def summary(record: Record, now: datetime | None = None) -> dict[str, Any]:
    """One row of a list: personal numbers masked; ``waiting_minutes`` since submission while it waits."""
    answers = record.get("answers") or {}
    statuses = Counter(lifecycle.material_status(record, code) for code in record.get("checklist") or [])
    return {
        "id": record["id"], "user_id": record.get("user_id"),
        "name": answers.get("name"),
        **{name: mask(str(answers[name])) if answers.get(name) else None for name, mask in MASKED_IN_LISTS.items()},
        "business_type": record.get("business_type"),
        "business_type_label": BUSINESS_TYPE_LABELS.get(record.get("business_type"), "其他业务"),
        "status": record.get("status"), "status_label": lifecycle.stage(record),
        # a re-check of what was asked for, not a first reading: the queue says so
        "resubmitted": last_return(record) is not None,
        "submitted_at": record.get("submitted_at"), "updated_at": record.get("updated_at"),
        "waiting_minutes": _waiting_minutes(record, clock.in_shanghai(now) if now else clock.now()),
        "materials": {status: statuses.get(status, 0) for status in MATERIAL_LABELS},
    }


def _waiting_minutes(record: Record, now: datetime) -> int | None:
    since = queued_since(record)
    if record.get("status") not in WAITING or not since:
        return None
    return max(0, int((now - clock.parse(since)).total_seconds() // 60))


def answer_rows(answers: Mapping[str, Any], *, pending: bool = True) -> list[dict[str, Any]]:
    """The answers in the order they are asked, labelled and rendered as the applicant gave them (in full:
    this is the detail page, whose every view is audited), each with what staff should check about it
    (``notes``: an ID number's unusual region code; while a decision is ``pending``, the permit's validity)."""
    rows = []
    for name, question in QUESTIONS.items():
        if name not in answers or name in ("consent", "confirmed"):
            continue
        note = NOTED_IN_DETAIL.get(name) if pending or name not in FOR_THE_DECISION else None
        rows.append({"field": name, "label": question.label, "value": question.render(answers[name]),
                     "notes": list(note(str(answers[name]))) if note else []})
    return rows


def material_rows(record: Record, file_url: Callable[[str], str]) -> list[dict[str, Any]]:
    """Each checklist item with its upload and review state; ``file_url(code)`` where its PDF is served."""
    materials = record.get("materials") or {}
    answers = {row["field"]: row for row in answer_rows(record.get("answers") or {}, pending=decision_pending(record))}
    rows = []
    for number, code in enumerate(record.get("checklist") or [], 1):
        item = materials.get(code, {})
        status = item.get("status", "missing")
        known = catalogue().materials.get(code)
        rows.append({
            "number": number, "code": code, "name": lifecycle.material_name(code),
            "requirement": known.shown_requirement if known else "",
            "status": status, "status_label": MATERIAL_LABELS[status], "reason": item.get("reason"),
            "pages": item.get("pages"), "size": item.get("size"), "uploaded_at": item.get("uploaded_at"),
            "reviewed_at": item.get("reviewed_at"), "reviewed_by": item.get("reviewed_by"),
            "download_url": file_url(code) if item.get("sha256") else None,
            # What earlier files of this item were returned for (newest first): re-checking a new file
            # starts from what was asked for, not from memory.
            "previous_returns": list(reversed(item.get("returns") or [])),
            "return_reasons": return_reasons().for_material(code),
            # The answers the document must match, beside it (the full 申办信息 is further down the page).
            "checks": [answers[name] for name in (known.checked_against if known else ()) if name in answers],
        })
    return rows


def decision_pending(record: Record) -> bool:
    """Staff have a decision to take on it: a submission, or a report of 申办信息有误."""
    return record.get("status") in lifecycle.REVIEWABLE


def last_return(record: Record) -> dict[str, Any] | None:
    """The return ``{reason, by, at}`` a resubmitted application answers, else None (an application now
    returned shows its ``return_reason``; an approved one has answered its returns)."""
    last, withdrawal = _last_return_under_review(record)
    if last is None or withdrawal is not None:  # withdrawn: nothing was sent again (X48)
        return None
    return {"reason": last.get("reason"), "by": last.get("by"), "at": last["at"]}


def _last_return_under_review(record: Record) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """For an application under review again, its last return and that return's withdrawal (each None when there is
    none); (None, None) for any other status."""
    history = record.get("history") or []
    returns = [i for i, entry in enumerate(history) if entry.get("status") == "returned"]
    if record.get("status") != "submitted" or not returns:
        return None, None
    return history[returns[-1]], _withdrawn_after(history, returns[-1])


def _withdrawn_after(history: list[dict[str, Any]], index: int) -> dict[str, Any] | None:
    """The withdrawal (reopen) of every return after ``history[index]``, else None."""
    return next((entry for entry in history[index + 1:] if entry.get("reopened") and entry.get("status") == "submitted"), None)


def return_withdrawn(record: Record) -> dict[str, Any] | None:
    """The withdrawal ``{reason, by, at}`` of the return an application under review again was last given (staff found
    it wrong: the files are those it was returned for), else None (try21 X48: shown as 退回后重新提交)."""
    last, withdrawal = _last_return_under_review(record)
    if last is None or withdrawal is None:
        return None
    return {"reason": withdrawal.get("reason"), "by": withdrawal.get("by"), "at": withdrawal["at"],
            "returned_for": last.get("reason")}


def detail(record: Record, file_url: Callable[[str], str]) -> dict[str, Any]:
    """One application for review: answers (in full), materials, history, disputes."""
    answers = record.get("answers") or {}
    return {
        **{k: v for k, v in summary(record).items() if k != "materials"},
        **{name: str(answers[name]) if answers.get(name) else None for name in MASKED_IN_LISTS},
        "answers": answer_rows(answers, pending=decision_pending(record)),
        "materials": material_rows(record, file_url),
        "history": [{**entry, "status_label": labels.status(entry["status"])} for entry in record.get("history") or []],
        "return_reason": record.get("return_reason"), "last_return": last_return(record),
        "return_withdrawn": return_withdrawn(record),
        "approved_at": record.get("approved_at"),
        "confirm_by": record.get("confirm_by"), "confirmed_at": record.get("confirmed_at"),
        "auto_confirmed": record.get("auto_confirmed"), "reminded_at": record.get("reminded_at"),
        # In full, as the answers are: staff correct what the report says (a new mobile, an ID number); the
        # view is audited with them (``open_for_review``); logs, support's lists and the notices mask it.
        "disputes": [dict(d) for d in record.get("disputes") or []],
        # an answer the applicant said was wrong while the application was under review or returned: in full as well
        "reported_corrections": [dict(c) for c in record.get("reported_corrections") or []],
        "correctable": lifecycle.correctable(record),  # the answers may be corrected with the decision
        "dispute_outcome": _outcome_shown(record),
        "answer_changes": answer_changes_shown(record),
        "pending_contact": pending_contact_rows(record),
        # the bonus options staff opened for the applicant to choose again, until they resubmit
        "options_open": dict(record["options_open"]) if record.get("options_open") else None,
        "options_openable": record.get("status") in lifecycle.MOVES["open_options"][0] and "bonus_options" in answers,
    }


def answer_changes_shown(record: Record) -> list[dict[str, Any]]:
    """The answers the applicant changed after a return (options taken off) or once staff opened the bonus options
    (options added), in words: the answer, before and after, the materials newly called for and those no longer,
    who and when (``lifecycle.options_dropped``, ``lifecycle.options_opened``)."""
    shown = []
    for change in record.get("answer_changes") or []:
        question = QUESTIONS[change["field"]]
        shown.append({"field": change["field"], "label": question.label, "before": question.render(change["before"]),
                      "after": question.render(change["after"]),
                      "added": [lifecycle.material_name(code) for code in change.get("added") or []],
                      "dropped": [lifecycle.material_name(code) for code in change.get("dropped") or []],
                      "by": change.get("by"), "at": change.get("at")})
    return shown


def pending_contact_rows(record: Record) -> list[dict[str, Any]]:
    """A new mobile or e-mail the applicant sent after submission, waiting for staff to apply or decline it: the
    old value and the new in full (this is the detail page, whose every view is audited)."""
    pending = record.get("pending_contact") or {}
    return [{"field": name, "label": QUESTIONS[name].label, "old": pending[name].get("old"),
             "new": pending[name]["new"], "at": pending[name].get("at")}
            for name in lifecycle.CONTACT_FIELDS if name in pending]


def _outcome_shown(record: Record) -> dict[str, Any] | None:
    """What staff recorded about the last dispute: the answers corrected (by label) and the finding."""
    outcome = record.get("dispute_outcome")
    if not outcome:
        return None
    return {**outcome, "corrected": [QUESTIONS[name].label for name in outcome.get("corrected") or []],
            "finding": mask_text(outcome.get("finding") or "")}


def open_for_review(applications: Applications, account: Account, application_id: str) -> Record:
    """The application a staff member opens in full: the view of its personal numbers (and of a report of
    申办信息有误, shown in full) is audited."""
    return shown_in_full(applications, account, get_application(applications, application_id))


def shown_in_full(applications: Applications, account: Account, record: Record) -> Record:
    """``record`` about to be shown to ``account`` in full (the detail, after a GET or a decision's POST): the view
    of its personal numbers, a pending contact change and a report of 申办信息有误 audited."""
    application_id = record["id"]
    reported = (["申办信息有误反馈"] if record.get("disputes") else []) \
        + (["提交后反馈的信息有误"] if record.get("reported_corrections") else [])
    pending = [f"新{QUESTIONS[name].label}（待处理）" for name in lifecycle.CONTACT_FIELDS
               if name in (record.get("pending_contact") or {})]
    audit(applications.store, account, "application.view_personal", f"application:{application_id}",
          {"fields": [QUESTIONS[name].label for name in MASKED_IN_LISTS] + pending + reported})
    return record


def material_file(applications: Applications, files: FileStore, application_id: str, code: str) -> str:
    """The SHA-256 of a material's stored PDF."""
    item = (get_application(applications, application_id).get("materials") or {}).get(code) or {}
    sha = item.get("sha256")
    if not sha or not files.exists(sha):
        raise NotFound(f"申请 {application_id} 没有材料 {code} 的文件")
    return sha


# -- deciding -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Review:
    """A staff decision: a verdict per material (status + reason) and the overall decision; for a
    disputed application also the answers corrected (field -> parsed value) and what was found."""

    decision: str
    reason: str = ""
    materials: dict[str, dict[str, str]] = field(default_factory=dict)
    corrections: dict[str, Any] = field(default_factory=dict)
    finding: str = ""

    @classmethod
    def from_body(cls, body: Any) -> Review:
        """From the API's JSON body; InvalidInput when its shape is wrong (whether the review fits
        the application is the lifecycle's to say)."""
        if not isinstance(body, dict):
            raise InvalidInput("请求体应为 JSON 对象")
        decision, reason, materials = body.get("decision"), body.get("reason", ""), body.get("materials", {})
        if decision not in DECISIONS:
            raise InvalidInput("decision 应为 returned（退回）或 approved（预审通过）")
        if not isinstance(reason, str) or len(reason) > MAX_REASON_CHARS:
            raise InvalidInput(f"reason 应为不超过 {MAX_REASON_CHARS} 字的文字")
        if not isinstance(materials, dict):
            raise InvalidInput("materials 应为对象：材料代码 → {status, reason}")
        verdicts = {}
        for code, verdict in materials.items():
            if not isinstance(verdict, dict) or verdict.get("status") not in VERDICTS:
                raise InvalidInput(f"materials.{code}.status 应为 approved 或 returned")
            text = verdict.get("reason") or ""
            if not isinstance(text, str) or len(text) > MAX_REASON_CHARS:
                raise InvalidInput(f"materials.{code}.reason 应为不超过 {MAX_REASON_CHARS} 字的文字")
            verdicts[code] = {"status": verdict["status"], "reason": text}
        finding = body.get("finding", "")
        if not isinstance(finding, str) or len(finding) > MAX_REASON_CHARS:
            raise InvalidInput(f"finding 应为不超过 {MAX_REASON_CHARS} 字的文字（核实结果，会发给申请人）")
        return cls(decision, reason, verdicts, _corrections(body.get("corrections", {})), finding.strip())


def _corrections(given: Any) -> dict[str, Any]:
    """``corrections`` (answer field -> the new value as text), each parsed as the chat parses the
    applicant's own reply, so a corrected answer is as valid as a typed one."""
    if not isinstance(given, dict):
        raise InvalidInput("corrections 应为对象：申办信息项目 → 更正后的内容")
    parsed = {}
    for name, text in given.items():
        if name not in QUESTIONS or name in NOT_CORRECTABLE:
            raise InvalidInput(f"corrections.{name}：不是可以更正的申办信息项目")
        if not isinstance(text, str):
            raise InvalidInput(f"corrections.{name} 应为文字")
        try:
            parsed[name] = QUESTIONS[name].parse(text)
        except ValidationError as err:
            raise InvalidInput(f"{QUESTIONS[name].label}：{err.message}") from None
    return parsed


def _not_held_by_another(applications: Applications, account: Account, application_id: str, now: datetime) -> None:
    """HeldByOther while another reviewer's claim on the application runs: every decision on it waits for them
    (a review, a return withdrawn, a contact change: two people deciding one file unknowingly is what claims prevent)."""
    held = claim_of(applications.store, application_id, now)
    if held and held.held_by_other(account, now):
        raise HeldByOther(held.by, held.until)


def review(applications: Applications, account: Account, application_id: str, decision: Review) -> Record:
    """Apply a review (LifecycleError when the application is not awaiting one, or the review does
    not fit it; HeldByOther while another reviewer's claim on it runs), audit it; the applicant is
    notified by the outbox's listener."""
    now = clock.now()
    _not_held_by_another(applications, account, application_id, now)
    before = applications.get(application_id) or {}
    try:
        record = applications.change(application_id, lambda r: lifecycle.reviewed(
            r, materials=decision.materials, decision=decision.decision, reason=decision.reason,
            reviewer=account.name, now=now, corrections=decision.corrections, finding=decision.finding))
    except ApplicationNotFound:
        raise NotFound(f"没有编号为 {application_id} 的申请") from None
    applications.store.delete(CLAIM_KIND, application_id)  # decided: back to nobody's hands
    # The audit log keeps no personal data: reasons are staff's words, but may quote a number.
    audit(applications.store, account, f"review.{decision.decision}", f"application:{application_id}",
          {"reason": mask_text(decision.reason),
           "materials": {code: {**v, "reason": mask_text(v["reason"])} for code, v in decision.materials.items()},
           **({"corrected": [QUESTIONS[name].label for name in decision.corrections]} if decision.corrections else {}),
           **({"finding": mask_text(decision.finding)} if decision.finding else {})})
    # what the review answered (a report of 申办信息有误 reviewed, a contested return approved): support's escalation of it is done too
    answered = [*(DISPUTE_ANSWERED if before.get("status") == "disputed" else ()),
                *(CONTEST_ANSWERED if decision.decision == "approved" else ())]
    if answered:
        outcome = _dispute_answer(decision, record)
        close_answered(applications.store, record["user_id"],
                       {reason: labels.ESCALATION_ANSWERED[reason].format(outcome=outcome) for reason in answered})
    return record


def _dispute_answer(decision: Review, record: Record) -> str:
    """What the review found about a dispute, as support reads it: the answers corrected, the finding, the result."""
    corrected = "、".join(QUESTIONS[name].label for name in decision.corrections)
    said = [part for part in (corrected and f"已更正{corrected}", decision.finding) if part]
    result = STATUS_LABELS.get(record.get("status"), "")
    return f"{'；'.join(said)}（{result}）" if said else result


def reopen(applications: Applications, account: Account, application_id: str, note: Any,
           materials: Any = None) -> Record:
    """Withdraw a return found wrong (LifecycleError unless the application is returned): it is under
    review again, audited; the applicant is told by the outbox's listener, with ``note``. ``materials`` (codes
    of returned materials) withdraws only their returns; the others stay returned."""
    if not isinstance(note, str) or not note.strip() or len(note) > MAX_NOTE_CHARS:
        raise InvalidInput(f"note 应为 1–{MAX_NOTE_CHARS} 字的说明：为什么撤回退回（会告诉申请人）")
    if materials is None:
        materials = []
    if not isinstance(materials, list) or not all(isinstance(code, str) for code in materials):
        raise InvalidInput("materials 应为被退回材料的代码列表（不填则撤回全部退回）")
    _not_held_by_another(applications, account, application_id, clock.now())
    try:
        record = applications.change(application_id, lambda r: lifecycle.return_withdrawn(
            r, note=note, reviewer=account.name, now=clock.now(), materials=materials))
    except ApplicationNotFound:
        raise NotFound(f"没有编号为 {application_id} 的申请") from None
    audit(applications.store, account, "review.reopened", f"application:{application_id}",
          {"note": mask_text(note.strip()), **({"materials": materials} if materials else {})})
    if record.get("status") != "returned":
        # every return withdrawn: the applicant's contest of it is answered, so support's escalation of it is done too
        # (try21 X32: it stayed open, and 人工服务待处理 counted a settled question); a partial withdrawal leaves it
        close_answered(applications.store, record["user_id"],
                       {reason: labels.CONTEST_RETURN_WITHDRAWN.format(note=note.strip()) for reason in CONTEST_ANSWERED})
    return record


def open_options(applications: Applications, account: Account, application_id: str, note: Any) -> Record:
    """Open the bonus options for the applicant to choose again (a bonus missed: no return can add one, try18 U8):
    the application goes back to them, audited; they are told by the outbox's listener, with ``note`` (what to add).
    LifecycleError where it is not under review or returned, or has no bonus options."""
    if not isinstance(note, str) or not note.strip() or len(note) > MAX_NOTE_CHARS:
        raise InvalidInput(f"note 应为 1–{MAX_NOTE_CHARS} 字的说明：申请人可以补选哪一项加分（会告诉申请人）")
    _not_held_by_another(applications, account, application_id, clock.now())
    try:
        record = applications.change(application_id, lambda r: lifecycle.options_opened(
            r, "bonus_options", note, reviewer=account.name, now=clock.now()))
    except ApplicationNotFound:
        raise NotFound(f"没有编号为 {application_id} 的申请") from None
    applications.store.delete(CLAIM_KIND, application_id)  # back in the applicant's hands
    audit(applications.store, account, "review.options_opened", f"application:{application_id}",
          {"note": mask_text(note.strip())})
    return record


# How a new contact is shown in the notice that waits in the outbox (kept in clear there): its owner recognises it.
_MASKED_CONTACT = {"mobile": mask_text, "email": mask_email}


def decide_contact_change(applications: Applications, outbox: Outbox, account: Account, application_id: str,
                          body: Any) -> Record:
    """Apply (``decision: apply``) or decline a new mobile or e-mail the applicant sent after submission
    (``field``; an optional ``note`` told to them on a decline); audited without the values, the applicant told
    on WeChat either way. LifecycleError when no such change waits."""
    if not isinstance(body, Mapping):
        raise InvalidInput("请求体应为 JSON 对象")
    field, decision, note = body.get("field"), body.get("decision"), body.get("note", "")
    if field not in lifecycle.CONTACT_FIELDS:
        raise InvalidInput("field 应为 mobile（手机号码）或 email（邮箱地址）")
    if decision not in lifecycle.CONTACT_DECISIONS:
        raise InvalidInput("decision 应为 apply（采用新的联系方式）或 decline（不采用）")
    if not isinstance(note, str) or len(note) > MAX_REASON_CHARS:
        raise InvalidInput(f"note 应为不超过 {MAX_REASON_CHARS} 字的文字（不采用时告诉申请人的说明）")
    _not_held_by_another(applications, account, application_id, clock.now())
    asked: dict[str, Any] = {}

    def decide(r: Record) -> Record:
        asked.update(((r.get("pending_contact") or {}).get(field)) or {})
        return lifecycle.contact_change_decided(r, field, decision, reviewer=account.name, now=clock.now(), note=note)

    try:
        record = applications.change(application_id, decide)
    except ApplicationNotFound:
        raise NotFound(f"没有编号为 {application_id} 的申请") from None
    label = QUESTIONS[field].label
    audit(applications.store, account, f"application.contact_{'applied' if decision == 'apply' else 'declined'}",
          f"application:{application_id}", {"field": label, **({"note": mask_text(note.strip())} if note.strip() else {})})
    number = len(record.get("contact_decisions") or [])
    outbox.notify(f"{application_id}:contact-{number}", record["user_id"],
                  Message(render.contact_change_notice(label, _MASKED_CONTACT[field](asked["new"]), decision == "apply",
                                                       note.strip(), confirm_by=record.get("confirm_by") if
                                                       record.get("status") == "approved" and not record.get("pending_contact")
                                                       else None)),
                  event="contact_change", application_id=application_id)
    return record


def flag(applications: Applications, account: Account, application_id: str, note: Any) -> str:
    """Put an application in front of support (e.g. the applicant must be called); the escalation id."""
    if not isinstance(note, str) or not note.strip() or len(note) > MAX_NOTE_CHARS:
        raise InvalidInput(f"note 应为 1–{MAX_NOTE_CHARS} 字的说明，写明需要客服做什么")
    record = get_application(applications, application_id)
    escalation_id = open_escalation(applications.store, record["user_id"], Escalate("staff_flag", note=note.strip()),
                                    clock.now(), application_id=application_id, flagged_by=account.name)
    audit(applications.store, account, "application.flag", f"application:{application_id}",
          {"escalation": escalation_id, "note": mask_text(note.strip())})
    return escalation_id


# -- claiming: two reviewers never open the same application unknowingly ------------------------
@dataclass(frozen=True)
class Claim:
    """Who has an application in hand, and until when (an expired claim is no claim)."""

    by: str
    until: str

    def held_by_other(self, account: Account, now: datetime) -> bool:
        return self.by != account.name and clock.parse(self.until) > clock.in_shanghai(now)


def claim_of(store: Store, application_id: str, now: datetime | None = None) -> Claim | None:
    """The live claim on an application, if any."""
    doc = store.get(CLAIM_KIND, application_id)
    if not doc or clock.parse(doc["until"]) <= (clock.in_shanghai(now) if now else clock.now()):
        return None
    return Claim(doc["by"], doc["until"])


def claim(applications: Applications, account: Account, application_id: str, *, to: str | None = None,
          now: datetime | None = None) -> Claim:
    """Take the application (or give it to ``to``, another staff account) for CLAIM_MINUTES. Taking it
    while someone else holds it changes nothing and returns their claim; assigning always wins."""
    now = clock.in_shanghai(now) if now else clock.now()
    holder = account.name
    if to is not None:
        target = get_account(applications.store, to)
        if target is None or target.disabled or not target.may_act_as(("staff",)):
            raise InvalidInput(f"没有可以指派的预审人员“{to}”")
        holder = target.name
    get_application(applications, application_id)
    mine = {"by": holder, "until": clock.stamp(now + timedelta(minutes=CLAIM_MINUTES))}

    def take(current: dict[str, Any] | None) -> dict[str, Any]:
        if to is None and current and Claim(current["by"], current["until"]).held_by_other(account, now):
            return current
        return mine

    doc = applications.store.update(CLAIM_KIND, application_id, take)
    if to is not None:
        audit(applications.store, account, "application.assign", f"application:{application_id}", {"to": holder})
    return Claim(doc["by"], doc["until"])


def renew(store: Store, account: Account, application_id: str, now: datetime | None = None) -> Claim | None:
    """The reviewer is still at work on the application: their claim runs CLAIM_MINUTES from now. A light write
    (the application is not read), made by the page while its reviewer is active and by each preview or decision.

    Only one's own claim is renewed, an expired one nobody took since included; a claim someone else holds is left
    as it is, and none is made where there is none (released, decided or passed over: the reviewer has left it).
    The live claim afterwards, None when there is none."""
    now = clock.in_shanghai(now) if now else clock.now()

    def extend(current: dict[str, Any] | None) -> dict[str, Any] | None:
        if current and current.get("by") == account.name:
            return {**current, "until": clock.stamp(now + timedelta(minutes=CLAIM_MINUTES))}
        return current

    store.update(CLAIM_KIND, application_id, extend)
    return claim_of(store, application_id, now)


def release(store: Store, account: Account, application_id: str) -> None:
    """Put the application back in the queue (only its holder, or an admin, can)."""
    current = claim_of(store, application_id)
    if current and (current.by == account.name or account.role == "admin"):
        store.delete(CLAIM_KIND, application_id)


def staff_names(store: Store) -> list[str]:
    """Who an application can be assigned to."""
    return [a.name for a in list_accounts(store) if not a.disabled and a.may_act_as(("staff",))]


def next_in_queue(store: Store, account: Account, after: str | None = None, status: str = "submitted",
                  *, statuses: tuple[str, ...] | None = None) -> str | None:
    """The oldest application waiting in ``status`` (submitted, or disputed: the reports of 申办信息有误) nobody
    else holds, after ``after`` in the queue's order (then from the start again), never ``after`` itself; None
    when the queue is empty for them. ``statuses``: several queues walked in turn instead (the API's 下一份
    without a status goes on to the disputed ones once no submission waits, as the console leads to their tab).

    ``after`` is the one this reviewer leaves (decided, or passed over): their claim on it ends, so that
    an application they skip is not hidden from everyone else's 下一份 for the rest of the claim."""
    now = clock.now()
    if after and (held := claim_of(store, after, now)) and held.by == account.name:
        store.delete(CLAIM_KIND, after)
    order = [r["id"] for queue in statuses or (status,) for r in find_applications(store, ApplicationFilter(status=queue))]
    start = order.index(after) + 1 if after in order else 0
    for application_id in order[start:] + order[:start]:
        held = claim_of(store, application_id, now)
        if application_id != after and not (held and held.held_by_other(account, now)):
            return application_id
    return None
