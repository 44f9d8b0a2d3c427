"""The support desk: the queue of escalations (人工 requested, the FAQ not confident, repeated
failures, disputes after approval, flags from staff), each with the recent conversation; a reply
reaches the applicant as a customer-service message through the outbox, and closing tells them
they can carry on where they were (their conversation state is never touched here).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.desk.accounts import Account, audit
from bot.desk.errors import InvalidInput, NotFound
from bot.applicant.applications import Applications
from bot.applicant.effects import AUTOMATIC, mark_escalation, open_escalation_key
from bot.observe.logs import masked
from bot.background.outbox import Message, Outbox, closing_notification_id, reply_notification_id
from dialogs import clock, render
from dialogs.lifecycle import STATUS_LABELS, LifecycleError
from dialogs.privacy import mask_text
from storage.base import Doc, Store

KIND = "escalation"
STATUSES = ("open", "closed")
RECENT_TURNS = 10
MAX_REPLY_CHARS = 600  # one customer-service message, with room for the 【人工客服】 prefix


def find_escalations(store: Store, status: str | None) -> list[Doc]:
    """Escalations, oldest first (the queue's order: first come, first served)."""
    if status is not None and status not in STATUSES:
        raise InvalidInput(f"status 应为以下之一：{', '.join(STATUSES)}")
    docs = store.find(KIND, status=status) if status else store.find(KIND)
    return sorted(docs, key=lambda d: d.get("created_at") or "")


def view(applications: Applications, escalation: Doc) -> dict[str, Any]:
    """An escalation as support sees it: the requests, who the applicant is and where their
    application stands, and the recent conversation with support's replies woven in, all masked."""
    return {
        **{k: v for k, v in escalation.items() if k not in ("requests", "replies", "note", "answered", "closed_note")},
        "note": mask_text(escalation.get("note") or ""),
        "closed_note": mask_text(escalation.get("closed_note") or ""),
        "answered": [{**a, "note": mask_text(a["note"])} for a in escalation.get("answered") or []],
        "requests": [{**r, "note": mask_text(r.get("note") or "")} for r in escalation.get("requests") or []],
        "replies": [{**r, "text": mask_text(r["text"])} for r in escalation.get("replies") or []],
        "applicant": _applicant(applications, escalation),
        "conversation": conversation(applications.store, escalation),
    }


def _applicant(applications: Applications, escalation: Doc) -> dict[str, Any] | None:
    application_id = escalation.get("application_id") or (
        applications.store.get("conversation", escalation["user_id"]) or {}).get("application_id")
    record = applications.get(application_id) if application_id else None
    if record is None:
        return None
    status = record.get("status")
    return {"application_id": record["id"], "name": (record.get("answers") or {}).get("name"),
            "status": status, "status_label": STATUS_LABELS.get(status, status)}


def conversation(store: Store, escalation: Doc) -> list[dict[str, str]]:
    """The applicant's last turns and support's replies, oldest first: {at, who, text}."""
    lines = []
    for turn in store.read_log("transcript", escalation["user_id"], last=RECENT_TURNS):
        lines.append({"at": turn["at"], "who": "applicant", "text": mask_text(turn.get("in") or "")})
        if turn.get("out"):
            lines.append({"at": turn["at"], "who": "bot", "text": masked(turn["out"])})  # it may hold an upload link
    lines += [{"at": r["at"], "who": "support", "text": mask_text(r["text"]), "by": r["by"]}
              for r in escalation.get("replies") or []]
    return sorted(lines, key=lambda line: line["at"])  # stable: a turn's question stays before its answer


def reply(store: Store, outbox: Outbox, account: Account, escalation_id: str, text: Any) -> Doc:
    """Send ``text`` to the applicant (through the outbox) and keep it on the escalation."""
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_REPLY_CHARS:
        raise InvalidInput(f"text 应为 1–{MAX_REPLY_CHARS} 字的回复")
    entry = {"at": _now(), "by": account.name, "text": text.strip()}
    doc = store.update(KIND, escalation_id, lambda e: {
        **_still_open(e, escalation_id), "replies": [*(e.get("replies") or []), entry]})
    number = len(doc["replies"])
    outbox.notify(reply_notification_id(escalation_id, number), doc["user_id"],
                  Message(render.support_reply_notice(entry["text"])), event="support_reply",
                  escalation_id=escalation_id)
    audit(store, account, "escalation.reply", f"escalation:{escalation_id}",
          {"reply": number, "chars": len(entry["text"])})
    return doc


def close(store: Store, outbox: Outbox, account: Account, escalation_id: str) -> Doc:
    """Close the escalation and tell the applicant they can go on where they were."""
    at = _now()
    doc = store.update(KIND, escalation_id, lambda e: {
        **_still_open(e, escalation_id), "status": "closed", "closed_at": at, "closed_by": account.name})
    mark_escalation(store, doc["user_id"], None)
    store.forget_if(open_escalation_key(doc["user_id"]), escalation_id)
    outbox.notify(closing_notification_id(escalation_id), doc["user_id"],
                  Message(render.escalation_closed_notice()), event="escalation_closed",
                  escalation_id=escalation_id)
    audit(store, account, "escalation.close", f"escalation:{escalation_id}", {"reason": doc.get("reason")})
    return doc


# The requests a review of the disputed application answers: nothing is left for support once it is decided.
DISPUTE_ANSWERED = ("dispute", "dispute_withdrawn")
# try17 T22: a contested return stayed 处理中 in support's list after the application was approved and finished
CONTEST_ANSWERED = ("return_contested",)
SYSTEM = "system"  # the actor of a closing no person chose: the review did it (the reviewer's own audit is the review's)


def close_answered(store: Store, user_id: str, answered: Mapping[str, str]) -> str | None:
    """Close the applicant's open escalation when a review just answered a request in it (``answered``: each such
    reason → the note) and the rest are the bot's own (try19 V3: a "多次填写失败" the dispute rode on kept it 处理中):
    a report of 申办信息有误 answered by reviewing the disputed application, a contested return by the approval. The
    system closes it with the note, without a closing message (the applicant had the review's notice). One holding a
    request for a person (人工, a complaint, staff's flag…) stays for support, the note kept on it as ``answered``.
    The id closed, or None."""
    closed = None
    for escalation in store.find(KIND, user_id=user_id, status="open"):
        reasons = [r.get("reason") for r in escalation.get("requests") or [escalation]]
        note = next((answered[r] for r in reasons if r in answered), None)
        if note is None:
            continue
        entry = {"at": _now(), "note": note}
        if set(reasons) <= answered.keys() | AUTOMATIC:
            _close_by_system(store, escalation, entry)
            closed = escalation["id"]
        else:
            store.update(KIND, escalation["id"], lambda e: e if (e or {}).get("status") != "open" else {
                **e, "answered": [*(e.get("answered") or []), entry]})
    return closed


def _close_by_system(store: Store, escalation: Doc, entry: Mapping[str, str]) -> None:
    store.update(KIND, escalation["id"], lambda e: e if (e or {}).get("status") != "open" else {
        **e, "status": "closed", "closed_at": entry["at"], "closed_by": SYSTEM, "closed_note": entry["note"]})
    mark_escalation(store, escalation["user_id"], None)
    store.forget_if(open_escalation_key(escalation["user_id"]), escalation["id"])
    audit(store, SYSTEM, "escalation.close", f"escalation:{escalation['id']}",
          {"reason": escalation.get("reason"), "note": mask_text(entry["note"])})


def _still_open(escalation: Doc | None, escalation_id: str) -> Doc:
    """The escalation, checked inside the atomic update: raises when it is missing or closed."""
    if escalation is None:
        raise NotFound(f"没有编号为 {escalation_id} 的人工服务请求")
    if escalation.get("status") != "open":
        raise LifecycleError("这个人工服务请求已关闭，不能再回复或关闭。")
    return escalation


def _now() -> str:
    return clock.stamp(clock.now())
