"""The notification outbox: every message an applicant must get that is not the chat's own reply —
a review's result, the confirmation deadline and its reminder, an automatic confirmation, a support
person's answer, the end of a support conversation — kept as a ``notification`` document and
delivered once.

Creating. Each notification has a deterministic id (``<application>:<history seq>``,
``<application>:reminder-<approval seq>``, ``escalation-<id>:reply-<n>`` …) and is created only if absent, so a
listener or a scheduled task running twice never queues a message twice. Creation enqueues a
``deliver`` job; the ``outbox`` task of :mod:`bot.background.schedule` picks up whatever that job missed.

Delivering. ``pending → sending → sent``; a refusal WeChat may lift later (over the message budget,
outside the 48-hour window, a hiccup) → ``retrying`` with exponential backoff, ``failed`` after
:data:`MAX_ATTEMPTS` or at once when no retry can help. Every move a notification may make is in
:data:`MOVES`, and no other is written. Inside the 48-hour window (or without a
template configured) the message goes as a customer-service text, which can carry every reason;
otherwise, or when the window is closed after all, as the status template message.

Exactly once. A sender first claims the notification: ``sending`` with a lease (attempt id +
expiry), written atomically, so no two senders hold it. The moment its request has been handed to
the kernel (:mod:`bot.wechat.wire`) it marks the lease ``written``; the answer is recorded at once
after it arrives. A sender that died leaves an expired lease, and the next one reads it:

* not written — the request never left, WeChat cannot have it: send again;
* written — WeChat may have it and we never heard back: ``unconfirmed``, never re-sent by itself
  (a duplicate review result is worse for the applicant than a visible gap staff can follow up).

A failed attempt is retried by itself only when the failure proves the message was not delivered
(:func:`not_delivered`): the request never left whole (connection refused, reset or answered while
it was being written), WeChat answered with an errcode (it refused), or the server answered 429 or
503 (it says it did not take the request). Anything else after the request left — no answer, a
502, 504 or 500 from something between us and WeChat — is ``unconfirmed``; staff look, and resend
(:meth:`Outbox.resend`, audited) when the applicant did not get it.

What remains: the instant between the last byte leaving and the ``written`` mark being stored (one
Store write) — a sender killed exactly there is re-sent, a duplicate. WeChat's API has no
idempotency key to close it.
"""
from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.desk.accounts import Account, audit
from bot.desk.errors import InvalidInput, NotFound
from bot.wechat.replies import MAX_TEXT_BYTES, split_text
from bot.wechat.client import WeChatAPI, WeChatAPIError
from bot.wechat.wire import on_request_written
from bot.desk.labels import EARLIER_ERROR, NOTIFICATION_STATE, applicant_status, label
from dialogs import clock, render
from dialogs.lifecycle import LifecycleError, Record
from dialogs.privacy import mask_text
from storage.base import Doc, Store, StoreError

log = logging.getLogger(__name__)

KIND = "notification"
STATES = ("pending", "sending", "sent", "retrying", "failed", "unconfirmed", "superseded")
OPEN_STATES = ("pending", "retrying", "sending")  # the sweep looks after these
# state -> the states it may move to (sending -> sending: a sender takes over an expired lease whose
# request never left); a staff resend is the only way back from unconfirmed or failed.
MOVES: dict[str, tuple[str, ...]] = {
    "pending": ("sending",),
    "retrying": ("sending",),
    "sending": ("sending", "sent", "retrying", "failed", "unconfirmed", "superseded"),
    "unconfirmed": ("pending",),
    "failed": ("pending",),
    "sent": (),
    # A status notice whose status the application has left (a 预审通过 retried after the applicant reported
    # 申办信息有误): never sent, since it would tell of a step that is over.
    "superseded": (),
}
RESENDABLE = tuple(state for state, moves in MOVES.items() if "pending" in moves)

MAX_ATTEMPTS = 6
RETRY_BASE_SECONDS = 10   # 10 s, 20 s, 40 s … : WeChat's hiccups pass quickly, its budgets slowly
RETRY_MAX_SECONDS = 1800
PENDING_GRACE_SECONDS = 10  # the job enqueued at creation normally delivers well within this
MAX_LOG_ENTRIES = 30
# WeChat's 48 hours, less a margin: our record of the applicant's last message is written at the
# end of the turn, a little after WeChat started counting.
CUSTOMER_SERVICE_WINDOW = timedelta(hours=47)
SEND_PATHS = ("/message/custom/send", "/message/template/send")
# errcodes that close one channel for now (45015 outside the 48 h window, 45047 budget spent)
CHANNEL_CLOSED = frozenset({45015, 45047})
# errcodes no retry will change: bad openid, bad template id, unsubscribed, malformed data
PERMANENT = frozenset({40003, 40037, 43004, 47001})
# HTTP statuses whose sender says it did not take the request (WeChat itself answers 200 with an errcode)
NOT_TAKEN = frozenset({429, 503})
IN_DOUBT = "request reached WeChat, answer never recorded; not re-sent automatically"


@dataclass(frozen=True)
class Message:
    """What to tell the applicant: the full text, and the status template's fields (status, reason,
    time) when the message may go as a template; None keeps it to customer-service text."""

    text: str
    template: dict[str, str] | None = None


@dataclass(frozen=True)
class StatusNotice:
    """What the applicant hears when their application reaches a status."""

    text: Callable[[Record], str]
    reason: Callable[[Record], str]
    applies: Callable[[Record], bool] = lambda record: True


RECONCILE_WINDOW = timedelta(days=2)  # how far back a lost notice is still worth sending

STATUS_NOTICES: dict[str, StatusNotice] = {
    "returned": StatusNotice(render.returned_notice, render.returned_summary),
    "approved": StatusNotice(render.approved_notice, render.approved_summary),
    # Submitting is the applicant's own act (nothing to tell); staff withdrawing a return is news.
    "submitted": StatusNotice(render.reopened_notice, render.reopened_summary,
                              applies=lambda record: bool((record.get("history") or [{}])[-1].get("reopened"))),
    # An applicant who confirmed in chat read the answer there already; only the clock's is news.
    "done": StatusNotice(render.auto_confirmed_notice, render.auto_confirmed_summary,
                         applies=lambda record: bool(record.get("auto_confirmed"))),
}


# -- notification ids: deterministic, so creating twice is creating once ------------------------
def status_notification_id(application_id: str, seq: int) -> str:
    return f"{application_id}:{seq}"


def reminder_notification_id(application_id: str, approval_seq: int, confirm_by: str) -> str:
    """One reminder per approval and deadline: a disputed application approved again, or a contact change decided
    while approved (a new deadline, no new approval: review5 Q16), has 2 new days and a new reminder — the old one,
    still waiting for a retry, is dropped as stale and must not stand in for it."""
    deadline = "".join(c for c in confirm_by if c.isdigit())[:12]  # to the minute: 202611282359
    return f"{application_id}:reminder-{approval_seq}-{deadline}"


def reply_notification_id(escalation_id: str, number: int) -> str:
    return f"escalation-{escalation_id}:reply-{number}"


def closing_notification_id(escalation_id: str) -> str:
    return f"escalation-{escalation_id}:closed"


def template_fields(status: str, reason: str, at: str) -> dict[str, str]:
    return {"status": status, "reason": reason, "time": clock.minute(at)}


def one_message(text: str) -> str:
    """``text`` cut to one customer-service message: each piece is a separate send, and a message
    is delivered once only as a whole."""
    if len(text.encode("utf-8")) <= MAX_TEXT_BYTES:
        return text
    room = MAX_TEXT_BYTES - len(render.LONG_MESSAGE_TAIL.encode("utf-8"))
    return split_text(text, room)[0] + render.LONG_MESSAGE_TAIL


class DeliveryFailed(Exception):
    """A send that did not go through; ``in_doubt`` when WeChat may have it all the same."""

    def __init__(self, errcode: int | None, detail: str, in_doubt: bool) -> None:
        super().__init__(detail)
        self.errcode, self.detail, self.in_doubt = errcode, detail, in_doubt


class Outbox:
    """Creates notifications in ``store`` and delivers them through WeChat (``client()``), each
    delivery a ``deliver`` job handed to ``enqueue``."""

    def __init__(self, store: Store, *, client: Callable[[], WeChatAPI], enqueue: Callable[..., None],
                 template_id: str | None, lease_seconds: float, now: Callable[[], datetime] = clock.now) -> None:
        self.store = store
        self.client = client
        self.enqueue = enqueue
        self.now = now
        self.template_id = template_id
        self.lease = timedelta(seconds=lease_seconds)

    # -- creating ---------------------------------------------------------------------------
    def on_history_entry(self, record: Record, entry: dict[str, Any]) -> bool:
        """The listener on :class:`bot.applicant.applications.Applications`: notify the statuses that call
        for it; True when a notice was created now."""
        notice = STATUS_NOTICES.get(entry["status"])
        if notice is None or not notice.applies(record):
            return False
        fields = template_fields(applicant_status(entry["status"]), notice.reason(record), entry["at"])
        return self.notify(status_notification_id(record["id"], entry["seq"]), record["user_id"],
                    Message(notice.text(record), fields), event=entry["status"], application_id=record["id"])

    def remind_to_confirm(self, record: Record) -> bool:
        """The reminder before the automatic confirmation; True when created now."""
        fields = template_fields(applicant_status("approved"), render.reminder_summary(record), _iso(self.now()))
        approval_seq = max(e["seq"] for e in record["history"] if e["status"] == "approved")
        return self.notify(reminder_notification_id(record["id"], approval_seq, record["confirm_by"]), record["user_id"],
                           Message(render.confirmation_reminder(record), fields),
                           event="reminder", application_id=record["id"], confirm_by=record["confirm_by"])

    def notify(self, notification_id: str, user_id: str, message: Message, *, event: str, **refs: str) -> bool:
        """Create the notification unless it exists, and have it delivered; True when created now."""
        now = _iso(self.now())
        doc = {"id": notification_id, "user_id": user_id, "event": event, **refs,
               "text": one_message(message.text), "template": message.template, "status": "pending",
               "attempts": 0, "created_at": now, "next_attempt_at": now, "lease": None, "channel": None,
               "sent_at": None, "error": None, "log": []}
        created = self.store.update_with_result(
            KIND, notification_id, lambda current: (current, False) if current else (doc, True))
        if created:
            self.enqueue("deliver", notification_id=notification_id)
        return created

    # -- delivering ---------------------------------------------------------------------------
    def deliver(self, notification_id: str) -> str | None:
        """Claim, send, record. Returns the state the notification ended in, or None when it was
        not this sender's to deliver (not due, or held by another)."""
        claim = self.store.update_with_result(KIND, notification_id, self._claim_step(self.now()))
        if claim is None:
            return None
        doc, attempt = claim
        if (left := self.status_left(doc)) is not None:
            # WeChat's refusal of the attempts before is kept beside why it lapsed: staff must see that the applicant
            # never got it (try17 T17: a 45047 approval notice read "网络或服务异常" once superseded)
            said = left + (f"{EARLIER_ERROR}{doc['error']}" if doc.get("error") else "")
            return self._record(notification_id, attempt, lambda d, now: {
                "status": "superseded", "error": said, "lease": None, "_log": ("superseded", left)})
        written = _WrittenMark(self, notification_id, attempt)
        try:
            with on_request_written(written.seen, written.refused):
                channel, msgid = self._send(doc, written)
        except DeliveryFailed as failure:
            # Bound as a default: the name ``failure`` is deleted when the except block ends.
            return self._record(notification_id, attempt,
                                lambda d, now, failure=failure: self._after_failure(d, failure, now))
        return self._record(notification_id, attempt, lambda d, now: {
            "status": "sent", "channel": channel, "msgid": msgid, "sent_at": _iso(now), "error": None,
            "lease": None, "_log": ("sent", channel)})

    def status_left(self, doc: Doc) -> str | None:
        """Why a notice of an application's status is no longer true, if it is not: the application has
        moved on since (another history entry, e.g. 申办信息有误 reported while a 预审通过 waited for a retry);
        a reminder to confirm, once its approval no longer waits, or once the deadline it tells is no longer the
        deadline (try19 V19: a reminder retried after a dispute and a new approval told the old one, after the new
        approval's notice). None for a notice still true, or another kind."""
        application_id = doc.get("application_id")
        event = doc.get("event")
        if not application_id or (event not in STATUS_NOTICES and event != "reminder"):
            return None
        record = self.store.get("application", application_id) or {}
        history = record.get("history") or []
        wanted = "approved" if event == "reminder" else event
        seq = doc["id"].rsplit(":", 1)[-1]
        current = record.get("status") == wanted and (event == "reminder" or (
            bool(history) and str(history[-1].get("seq")) == seq))
        if not current:
            return f"申请状态已变为“{applicant_status(record.get('status') or '')}”，这条通知已过时，未发送"
        if event == "reminder" and doc.get("confirm_by") not in (None, record.get("confirm_by")):
            # (None: a reminder created before its deadline was kept on it)
            return f"确认期限已改为 {clock.minute(record.get('confirm_by'))}，这条提醒已过时，未发送"
        return None

    def _claim_step(self, now: datetime) -> Callable[[Doc | None], tuple[Doc | None, Any]]:
        def claim(doc: Doc | None) -> tuple[Doc | None, Any]:
            if doc is None:
                return None, None
            lease = doc.get("lease") or {}
            if doc["status"] == "sending" and _passed(lease.get("until"), now):
                if lease.get("written"):
                    return _changed(doc, now, status="unconfirmed", error=f"{IN_DOUBT}: its sender stopped",
                                    _log=("unconfirmed", lease.get("attempt"))), None
                # The previous sender died before its request left: WeChat cannot have it. Take over.
            elif doc["status"] not in ("pending", "retrying") or not _passed(doc.get("next_attempt_at"), now):
                return doc, None
            attempt = uuid.uuid4().hex
            claimed = _changed(doc, now, status="sending", attempts=doc.get("attempts", 0) + 1,
                               lease={"attempt": attempt, "until": _iso(now + self.lease), "written": False},
                               _log=("claimed", attempt))
            return claimed, (claimed, attempt)

        return claim

    def _send(self, doc: Doc, written: _WrittenMark) -> tuple[str, int | None]:
        """Send on the first channel that takes it; (channel, template msgid or None)."""
        channels = self.channels_for(doc)
        for channel in channels:
            try:
                return channel, self._send_on(channel, doc)
            except WeChatAPIError as err:
                if err.errcode in CHANNEL_CLOSED and channel != channels[-1]:
                    continue  # WeChat said no (and the wire told the written mark): try the next channel
                raise DeliveryFailed(err.errcode, f"{err.action}: errcode={err.errcode} {err.errmsg}",
                                     in_doubt=not not_delivered(err, written.happened)) from None
        raise AssertionError("unreachable: there is always a channel")

    def channels_for(self, doc: Doc) -> list[str]:
        """Customer-service text while the applicant's 48-hour window is open (it carries every
        reason), the status template otherwise; text only when there is no template."""
        if not (self.template_id and doc.get("template")):
            return ["text"]
        return ["text", "template"] if self._in_window(doc["user_id"]) else ["template"]

    def _send_on(self, channel: str, doc: Doc) -> int | None:
        wechat = self.client()
        if channel == "text":
            wechat.send_text(doc["user_id"], doc["text"])
            return None
        data = {name: {"value": value} for name, value in doc["template"].items()}
        return wechat.send_template(doc["user_id"], self.template_id, data)

    def _in_window(self, user_id: str) -> bool:
        last = self.store.read_log("transcript", user_id, last=1)
        return bool(last) and self.now() - clock.parse(last[0]["at"]) < CUSTOMER_SERVICE_WINDOW

    def _after_failure(self, doc: Doc, failure: DeliveryFailed, now: datetime) -> dict[str, Any]:
        if failure.in_doubt:
            return {"status": "unconfirmed", "error": f"{IN_DOUBT}: {failure.detail}", "_log": ("unconfirmed", failure.detail)}
        if failure.errcode in PERMANENT or doc["attempts"] >= MAX_ATTEMPTS:
            return {"status": "failed", "error": failure.detail, "lease": None, "_log": ("failed", failure.detail)}
        delay = min(RETRY_BASE_SECONDS * 2 ** (doc["attempts"] - 1), RETRY_MAX_SECONDS)
        return {"status": "retrying", "error": failure.detail, "lease": None,
                "next_attempt_at": _iso(now + timedelta(seconds=delay)), "_log": ("retrying", failure.detail)}

    def _record(self, notification_id: str, attempt: str,
                outcome: Callable[[Doc, datetime], dict[str, Any]]) -> str:
        """Store an attempt's outcome, if the notification is still this attempt's."""
        now = self.now()

        def step(doc: Doc | None) -> Doc | None:
            if doc is None or (doc.get("lease") or {}).get("attempt") != attempt:
                return doc  # taken over after our lease ran out: the new holder decides
            return _changed(doc, now, **outcome(doc, now))

        status = (self.store.update(KIND, notification_id, step) or {}).get("status", "")
        log.info("notification %s: %s", notification_id, status)
        return status

    def mark_written(self, notification_id: str, attempt: str, written: bool) -> None:
        now = self.now()

        def step(doc: Doc | None) -> Doc | None:
            lease = (doc or {}).get("lease") or {}
            if lease.get("attempt") != attempt or lease.get("written") == written:
                return doc
            return _changed(doc, now, lease={**lease, "written": written},
                            _log=("written" if written else "refused", attempt))

        self.store.update(KIND, notification_id, step)

    # -- staff ------------------------------------------------------------------------------
    def resend(self, notification_id: str, account: Account) -> Doc:
        """Send an ``unconfirmed`` or ``failed`` notification again, from its first attempt
        (staff checked that the applicant did not get it); audited. NotFound for an unknown id,
        LifecycleError in any other state."""
        now = self.now()

        def again(doc: Doc | None) -> tuple[Doc | None, tuple[Doc | None, str | None]]:
            """(new doc, (doc as resent or None, the status it was in))"""
            if doc is None or doc["status"] not in RESENDABLE:
                return doc, (None, doc and doc["status"])
            resent = _changed(doc, now, status="pending", attempts=0, next_attempt_at=_iso(now), lease=None,
                              error=None, _log=("resend", account.name))
            return resent, (resent, doc["status"])

        resent, previous = self.store.update_with_result(KIND, notification_id, again)
        if previous is None:
            raise NotFound(f"没有编号为 {notification_id} 的通知")
        if resent is None:
            raise LifecycleError("只有“结果未知”或“发送失败”的通知可以重发；"
                                 f"这条通知的状态是“{label(NOTIFICATION_STATE, previous)}”。")
        audit(self.store, account, "notification.resend", f"notification:{notification_id}", {"previous": previous})
        self.enqueue("deliver", notification_id=notification_id)
        return self.shown(resent)

    # -- the periodic sweep ----------------------------------------------------------------------
    def sweep(self) -> list[str]:
        """Enqueue delivery of every notification that is due and not being delivered: pending ones
        the creating job missed, retries whose time has come, and those whose sender died."""
        now = self.now()
        due = []
        for status in OPEN_STATES:
            docs = self.store.find(KIND, status=status)
            due += [doc["id"] for doc in docs if _needs_a_sender(doc, now)]
        for notification_id in due:
            self.enqueue("deliver", notification_id=notification_id)
        return due

    def reconcile(self, within: timedelta = RECONCILE_WINDOW) -> int:
        """Create the status notices whose creation was lost (the process died, or the store failed,
        between a status change and its notice) from the applications' recent history. Notice ids
        are fixed, so a notice that exists is never made twice. How many were created."""
        since = self.now() - within
        created = 0
        for status in STATUS_NOTICES:
            for record in self.store.find("application", status=status):
                entry = (record.get("history") or [{}])[-1]
                if (entry.get("status") in STATUS_NOTICES and clock.parse(entry["at"]) >= since
                        and self.store.get(KIND, status_notification_id(record["id"], entry["seq"])) is None):
                    created += self.on_history_entry(record, entry)  # a submission by the applicant is no news
        return created

    # -- reading ----------------------------------------------------------------------------------
    def listing(self, status: str | None = None, limit: int = 200, **where: str) -> list[Doc]:
        """Notifications as staff see them (of one status, one application …), newest first: texts
        masked, each lease reduced to whether its request left. InvalidInput for an unknown status."""
        if status is not None and status not in STATES:
            raise InvalidInput(f"status 应为以下之一：{', '.join(STATES)}")
        docs = self.store.find(KIND, **({"status": status} if status else {}), **where)
        newest = sorted(docs, key=lambda d: d.get("created_at") or "", reverse=True)[:limit]
        return [self.shown(d) for d in newest]

    @staticmethod
    def shown(doc: Doc) -> Doc:
        """A notification as staff see it: text masked, the lease reduced to whether its request left."""
        return {**{k: v for k, v in doc.items() if k not in ("lease", "text")}, "text": mask_text(doc.get("text") or ""),
                "written": bool((doc.get("lease") or {}).get("written"))}


class _WrittenMark:
    """The ``written`` flag of one attempt's lease, set the moment its request leaves."""

    def __init__(self, outbox: Outbox, notification_id: str, attempt: str) -> None:
        self.outbox, self.notification_id, self.attempt = outbox, notification_id, attempt
        self.happened = False

    def seen(self, url: str) -> None:
        if not any(path in url for path in SEND_PATHS):
            return  # the access-token request, not the message
        self.happened = True
        try:
            self.outbox.mark_written(self.notification_id, self.attempt, True)
        except StoreError:  # the request is out either way; unmarked, a crash now means a re-send
            log.exception("notification %s: could not mark its request as written", self.notification_id)

    def refused(self, url: str) -> None:
        """WeChat answered the message's request with an errcode: nothing of this attempt is with it."""
        if any(path in url for path in SEND_PATHS) and self.happened:
            self.happened = False
            try:
                self.outbox.mark_written(self.notification_id, self.attempt, False)
            except StoreError:  # left marked, a crash now leaves it unconfirmed: staff can resend it
                log.exception("notification %s: could not unmark its refused request", self.notification_id)


def not_delivered(err: WeChatAPIError, written: bool) -> bool:
    """True when a failed send proves WeChat does not have the message: the request never left
    whole, WeChat answered with an errcode, or the server said it did not take it (429, 503)."""
    return not written or err.errcode is not None or err.http_status in NOT_TAKEN


def _changed(doc: Doc, now: datetime, _log: tuple[str, Any] | None = None, **fields: Any) -> Doc:
    """``doc`` with ``fields`` set and, when given, one more entry in its delivery log; a change of
    status must be one of :data:`MOVES`."""
    if "status" in fields and fields["status"] not in MOVES[doc["status"]]:
        raise AssertionError(f"notification {doc.get('id')}: {doc['status']} -> {fields['status']} is not a move")
    changed = {**doc, **fields, "updated_at": _iso(now)}
    if _log is not None:
        what, detail = _log
        changed["log"] = [*(doc.get("log") or []), {"at": _iso(now), "what": what, "detail": detail}][-MAX_LOG_ENTRIES:]
    return changed


def _needs_a_sender(doc: Doc, now: datetime) -> bool:
    if doc["status"] == "pending":
        return _passed(doc.get("created_at"), now - timedelta(seconds=PENDING_GRACE_SECONDS))
    if doc["status"] == "retrying":
        return _passed(doc.get("next_attempt_at"), now)
    return _passed((doc.get("lease") or {}).get("until"), now)


def _passed(at: str | None, now: datetime) -> bool:
    return at is None or clock.parse(at) <= now


def _iso(at: datetime) -> str:
    return clock.stamp(at)
