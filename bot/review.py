"""The pre-review desk: finding applications, showing one with its materials, reviewing it, flagging
it for support. The JSON API and the console pages both call these, so a decision taken on either
is the same change, audited the same way and notified the same way (through
``Applications.change`` and its outbox listener).

Personal numbers are masked wherever applications are listed; a single application shows the ID
number masked and the rest in full, since staff compare it with the materials.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from bot.accounts import Account, audit
from bot.applications import STATUS_DAYS, ApplicationNotFound
from bot.desk_errors import InvalidInput, NotFound
from bot.effects import open_escalation
from dialogs import clock, lifecycle
from dialogs.checklist import catalogue
from dialogs.events import Escalate
from dialogs.flows.application import BUSINESS_TYPES, QUESTIONS
from dialogs.lifecycle import MATERIAL_LABELS, STATUS_LABELS, Record
from dialogs.privacy import mask_id_number, mask_mobile, mask_text
from dialogs.validators import id_number_notes
from storage.base import Store

if TYPE_CHECKING:
    from bot.runtime import Runtime

BUSINESS_TYPE_LABELS = {option.code: option.label for option in BUSINESS_TYPES}
DECISIONS = ("returned", "approved")
VERDICTS = ("approved", "returned")
MAX_REASON_CHARS = 200
MAX_NOTE_CHARS = 500
# answer field -> how it is masked when shown to staff
MASKED_IN_DETAIL: dict[str, Callable[[str], str]] = {"id_number": mask_id_number}
MASKED_IN_LISTS: dict[str, Callable[[str], str]] = {"id_number": mask_id_number, "mobile": mask_mobile}
# answer field -> what staff should check about an accepted value (never a reason it was refused)
NOTED_IN_DETAIL: dict[str, Callable[[str], tuple[str, ...]]] = {"id_number": id_number_notes}


# -- finding ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ApplicationFilter:
    """The queue's filters: status, business type, and a range of submission dates (inclusive)."""

    status: str | None = None
    business_type: str | None = None
    submitted_from: date | None = None
    submitted_to: date | None = None

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> ApplicationFilter:
        """From query parameters ``status``, ``type``, ``from``, ``to``; InvalidInput when one is wrong."""
        status = args.get("status") or None
        if status is not None and status not in STATUS_LABELS:
            raise InvalidInput(f"status 应为以下之一：{', '.join(STATUS_LABELS)}")
        business_type = args.get("type") or None
        if business_type is not None and business_type not in BUSINESS_TYPE_LABELS:
            raise InvalidInput(f"type 应为以下之一：{', '.join(BUSINESS_TYPE_LABELS)}")
        return cls(status, business_type, _date_arg(args, "from"), _date_arg(args, "to"))

    def matches(self, record: Record) -> bool:
        submitted = clock.day(record.get("submitted_at"))
        if self.submitted_from and not (submitted and submitted >= self.submitted_from.isoformat()):
            return False
        return not (self.submitted_to and not (submitted and submitted <= self.submitted_to.isoformat()))


def _date_arg(args: Mapping[str, str], name: str) -> date | None:
    value = args.get(name) or None
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name} 应为日期，例如 2026-11-24") from None


def find_applications(runtime: Runtime, wanted: ApplicationFilter) -> list[Record]:
    """Matching applications, most recently submitted (or changed) first."""
    where = {k: v for k, v in (("status", wanted.status), ("business_type", wanted.business_type)) if v}
    records = [r for r in runtime.store.find("application", **where) if wanted.matches(r)]
    return sorted(records, key=lambda r: r.get("submitted_at") or r.get("updated_at") or "", reverse=True)


def get_application(runtime: Runtime, application_id: str) -> Record:
    record = runtime.applications.get(application_id)
    if record is None:
        raise NotFound(f"没有编号为 {application_id} 的申请")
    return record


# -- showing ------------------------------------------------------------------------------------
def summary(record: Record) -> dict[str, Any]:
    """One row of a list: personal numbers masked."""
    answers = record.get("answers") or {}
    statuses = Counter(lifecycle.material_status(record, code) for code in record.get("checklist") or [])
    return {
        "id": record["id"], "user_id": record.get("user_id"),
        "name": answers.get("name"),
        **{name: mask(str(answers[name])) if answers.get(name) else None for name, mask in MASKED_IN_LISTS.items()},
        "business_type": record.get("business_type"),
        "business_type_label": BUSINESS_TYPE_LABELS.get(record.get("business_type"), record.get("business_type")),
        "status": record.get("status"), "status_label": STATUS_LABELS.get(record.get("status"), record.get("status")),
        "submitted_at": record.get("submitted_at"), "updated_at": record.get("updated_at"),
        "materials": {status: statuses.get(status, 0) for status in MATERIAL_LABELS},
    }


def answer_rows(answers: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The answers in the order they are asked, labelled and rendered as the applicant gave them,
    each with what staff should check about it (``notes``: an ID number's unusual region code)."""
    rows = []
    for name, question in QUESTIONS.items():
        if name not in answers or name in ("consent", "confirmed"):
            continue
        shown = question.render(answers[name])
        mask, note = MASKED_IN_DETAIL.get(name), NOTED_IN_DETAIL.get(name)
        rows.append({"field": name, "label": question.label, "value": mask(str(answers[name])) if mask else shown,
                     "notes": list(note(str(answers[name]))) if note else []})
    return rows


def material_rows(record: Record, file_url: Callable[[str], str]) -> list[dict[str, Any]]:
    """Each checklist item with its upload and review state; ``file_url(code)`` where its PDF is served."""
    materials = record.get("materials") or {}
    rows = []
    for number, code in enumerate(record.get("checklist") or [], 1):
        item = materials.get(code, {})
        status = item.get("status", "missing")
        known = catalogue().materials.get(code)
        rows.append({
            "number": number, "code": code, "name": known.name if known else code,
            "requirement": known.shown_requirement if known else "",
            "status": status, "status_label": MATERIAL_LABELS[status], "reason": item.get("reason"),
            "pages": item.get("pages"), "size": item.get("size"), "uploaded_at": item.get("uploaded_at"),
            "reviewed_at": item.get("reviewed_at"), "reviewed_by": item.get("reviewed_by"),
            "download_url": file_url(code) if item.get("sha256") else None,
        })
    return rows


def detail(record: Record, file_url: Callable[[str], str]) -> dict[str, Any]:
    """One application for review: answers (ID number masked), materials, history, disputes."""
    return {
        **{k: v for k, v in summary(record).items() if k not in MASKED_IN_LISTS and k != "materials"},
        "answers": answer_rows(record.get("answers") or {}),
        "materials": material_rows(record, file_url),
        "history": [{**entry, "status_label": STATUS_LABELS.get(entry["status"], entry["status"])}
                    for entry in record.get("history") or []],
        "return_reason": record.get("return_reason"), "approved_at": record.get("approved_at"),
        "confirm_by": record.get("confirm_by"), "confirmed_at": record.get("confirmed_at"),
        "auto_confirmed": record.get("auto_confirmed"), "reminded_at": record.get("reminded_at"),
        "disputes": [{**d, "text": mask_text(d.get("text", ""))} for d in record.get("disputes") or []],
    }


def material_file(runtime: Runtime, application_id: str, code: str) -> str:
    """The SHA-256 of a material's stored PDF."""
    item = (get_application(runtime, application_id).get("materials") or {}).get(code) or {}
    sha = item.get("sha256")
    if not sha or not runtime.files.exists(sha):
        raise NotFound(f"申请 {application_id} 没有材料 {code} 的文件")
    return sha


# -- deciding -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Review:
    """A staff decision: a verdict per material (status + reason) and the overall decision."""

    decision: str
    reason: str = ""
    materials: dict[str, dict[str, str]] = field(default_factory=dict)

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
        return cls(decision, reason, verdicts)


def review(runtime: Runtime, account: Account, application_id: str, decision: Review) -> Record:
    """Apply a review (LifecycleError when the application is not awaiting one, or the review does
    not fit it), audit it; the applicant is notified by the outbox's listener."""
    now = clock.now()
    try:
        record = runtime.applications.change(application_id, lambda r: lifecycle.reviewed(
            r, materials=decision.materials, decision=decision.decision, reason=decision.reason,
            reviewer=account.name, now=now))
    except ApplicationNotFound:
        raise NotFound(f"没有编号为 {application_id} 的申请") from None
    # The audit log keeps no personal data: reasons are staff's words, but may quote a number.
    audit(runtime.store, account, f"review.{decision.decision}", f"application:{application_id}",
          {"reason": mask_text(decision.reason),
           "materials": {code: {**v, "reason": mask_text(v["reason"])} for code, v in decision.materials.items()}})
    return record


def flag(runtime: Runtime, account: Account, application_id: str, note: Any) -> str:
    """Put an application in front of support (e.g. the applicant must be called); the escalation id."""
    if not isinstance(note, str) or not note.strip() or len(note) > MAX_NOTE_CHARS:
        raise InvalidInput(f"note 应为 1–{MAX_NOTE_CHARS} 字的说明，写明需要客服做什么")
    record = get_application(runtime, application_id)
    escalation_id = open_escalation(runtime.store, record["user_id"], Escalate("staff_flag", note=note.strip()),
                                    clock.now(), application_id=application_id, flagged_by=account.name)
    audit(runtime.store, account, "application.flag", f"application:{application_id}",
          {"escalation": escalation_id, "note": mask_text(note.strip())})
    return escalation_id


# -- counting (the dashboard) --------------------------------------------------------------------
def status_counts(store: Store) -> dict[str, int]:
    """Applications per status, every status present (from the status index: nothing is loaded)."""
    return {status: store.count("application", status=status) for status in STATUS_LABELS}


def daily_counts(store: Store, statuses: tuple[str, ...], last_day: date,
                 days: int) -> tuple[list[date], dict[str, list[int]]]:
    """How many times each of ``statuses`` was reached on each of the ``days`` up to ``last_day``
    (a resubmission counts as a submission), from the changes counted by day as they were made."""
    dates = [last_day - timedelta(days=days - 1 - i) for i in range(days)]
    per_day = [Counter(e.get("status") for e in store.read_log(STATUS_DAYS, d.isoformat())) for d in dates]
    return dates, {status: [counts.get(status, 0) for counts in per_day] for status in statuses}
