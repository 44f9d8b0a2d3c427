"""Carrying out what the dialogue asks for (``dialogs.events`` effects) against the Store, the job
runner and the upload links; each returns the extra replies the applicant should see."""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.applicant.applications import Applications
from bot.applicant.upload_links import LINK_HOURS, UploadLinks
from bot.observe.metrics import ESCALATIONS
from dialogs import clock, lifecycle, render
from dialogs.flows.application import QUESTIONS
from dialogs.privacy import mask_text
from dialogs.events import (
    BuildMaterial, ChangeContact, ConfirmApplication, DiscardApplication, DisputeApplication, DropOptions, Effect, Escalate,
    ForgetUnconsented, ListHistory,
    OfferUploadLink, ReportCorrection, SaveApplication, SubmitApplication, WithdrawMaterial,
)
from storage.base import Doc, Store
from storage.files import FileStore
from storage.inbox import TRANSCRIPT

log = logging.getLogger(__name__)


class Effects:
    def __init__(self, store: Store, *, now: Callable[[], datetime] = clock.now,
                 applications: Applications | None = None, enqueue: Callable[..., None] | None = None,
                 links: UploadLinks | None = None, files: FileStore | None = None,
                 dispute_taken_back: Callable[[str], Any] | None = None) -> None:
        self.store = store
        self.now = now
        self.applications = applications or Applications(store, now)
        self.enqueue = enqueue  # a background job's name and arguments; None where there is no runner
        self.links = links
        self.files = files  # where uploads are stored; None where there is none (the dialogue alone)
        # the desk's closing of an escalation that held only the dispute the applicant took back (the desk is not the
        # applicant's to import); None where there is no desk
        self.dispute_taken_back = dispute_taken_back

    def apply(self, user_id: str, effect: Effect) -> list[str]:
        """Carry out one effect; what the applicant should be told. Never raises: the turn that asked
        for it is already saved, so a failure is said, not thrown back as "send it again"."""
        try:
            return HANDLERS[type(effect)](self, user_id, effect) or []
        except lifecycle.LifecycleError as err:
            return [err.message]
        except Exception:  # noqa: BLE001 - a store or queue hiccup; logged with its traceback
            log.exception("effect %s for a turn failed", type(effect).__name__)
            return [render.effect_failed_text(effect)]

    # -- the draft ----------------------------------------------------------------------
    def save(self, user_id: str, effect: SaveApplication) -> None:
        now = self.now()
        self.store.update("application", effect.application_id, lambda current: lifecycle.saved_application(
            current, application_id=effect.application_id, user_id=user_id, business_type=effect.business_type,
            answers=effect.answers, checklist=effect.checklist, now=now))

    def discard(self, user_id: str, effect: DiscardApplication) -> None:
        self.store.update("application", effect.application_id,
                          lambda current: None if lifecycle.is_draft(current) else current)

    # -- materials and submission ---------------------------------------------------------------
    def build_material(self, user_id: str, effect: BuildMaterial) -> None:
        self.enqueue("build_material", user_id=user_id, application_id=effect.application_id,
                     code=effect.code, media_ids=list(effect.media_ids),
                     **({"append_to": effect.append_to} if effect.append_to else {}),
                     **({"replace_page": effect.replace_page} if effect.replace_page else {}))

    def withdraw_material(self, user_id: str, effect: WithdrawMaterial) -> list[str]:
        """As the upload page's 删除: the file stays stored (shared by content), the item is 未上传 again."""
        now = self.now()
        self.applications.change(effect.application_id, lambda r: lifecycle.without_material(r, effect.code, now))
        return [render.material_withdrawn_text(lifecycle.material_name(effect.code))]

    def offer_upload_link(self, user_id: str, effect: OfferUploadLink) -> list[str]:
        return [render.upload_link_text(self.links.url_for(effect.application_id), LINK_HOURS)]

    def submit(self, user_id: str, effect: SubmitApplication) -> list[str]:
        record = self.applications.submit(effect.application_id, self.files)
        return [render.submitted_text(record)]

    def confirm(self, user_id: str, effect: ConfirmApplication) -> list[str]:
        def confirm(record: dict) -> dict:
            if effect.dispute_withdrawn:
                record = lifecycle.dispute_withdrawn(record, self.now())
            return lifecycle.confirmed(record, self.now())

        self.applications.change(effect.application_id, confirm)
        if effect.dispute_withdrawn and self.dispute_taken_back is not None:
            self.dispute_taken_back(user_id)  # nothing left for support, as when staff decide it (desk10)
        return [render.DISPUTE_WITHDRAWN, render.confirmed_text()] if effect.dispute_withdrawn else [render.confirmed_text()]

    def dispute(self, user_id: str, effect: DisputeApplication) -> list[str]:
        self.applications.change(effect.application_id, lambda r: lifecycle.disputed(r, effect.text, self.now()))
        open_escalation(self.store, user_id, Escalate("dispute", note=effect.text), self.now(),
                        application_id=effect.application_id)
        return [render.dispute_text(effect.text)]

    def drop_options(self, user_id: str, effect: DropOptions) -> list[str]:
        record = self.applications.change(
            effect.application_id, lambda r: lifecycle.options_dropped(r, effect.field, effect.kept, self.now()))
        change = record["answer_changes"][-1]
        question = QUESTIONS[effect.field]
        still = [lifecycle.material_name(c) for c in lifecycle.missing_materials(record)]
        return [render.options_dropped_text(question.label, question.render(change["after"]),
                                            [lifecycle.material_name(c) for c in change["dropped"]], still)]

    def report_correction(self, user_id: str, effect: ReportCorrection) -> None:
        self.applications.change(effect.application_id, lambda r: lifecycle.correction_reported(r, effect.text, self.now()))

    def change_contact(self, user_id: str, effect: ChangeContact) -> None:
        self.applications.change(effect.application_id, lambda r: lifecycle.contact_change_asked(
            r, effect.field, effect.value, self.now()))

    def list_history(self, user_id: str, effect: ListHistory) -> list[str]:
        done = self.applications.of_user(user_id, status="done")
        return [render.history_text(sorted(done, key=lambda r: r.get("confirmed_at") or ""))]

    def forget_unconsented(self, user_id: str, effect: ForgetUnconsented) -> None:
        """What was typed before the refused consent struck from the transcript's lines, as typed and as the
        transcript masks numbers: the lines stay (what was asked and answered), the personal values go."""
        marks = sorted({form for said in effect.said for form in (said, mask_text(said))}, key=len, reverse=True)

        def struck(line: Doc) -> Doc:
            return {**line, **{part: _struck(line[part], marks) for part in ("in", "out") if isinstance(line.get(part), str)}}

        if marks:
            self.store.rewrite_log(TRANSCRIPT, user_id, struck)

    # -- people ----------------------------------------------------------------------------------
    def escalate(self, user_id: str, effect: Escalate) -> None:
        open_escalation(self.store, user_id, effect, self.now())


# effect -> what carries it out; an effect missing here fails its turn's test, not an applicant's turn
HANDLERS: dict[type[Effect], Callable[[Effects, str, Any], list[str] | None]] = {
    SaveApplication: Effects.save,
    DiscardApplication: Effects.discard,
    BuildMaterial: Effects.build_material,
    WithdrawMaterial: Effects.withdraw_material,
    OfferUploadLink: Effects.offer_upload_link,
    SubmitApplication: Effects.submit,
    ConfirmApplication: Effects.confirm,
    DisputeApplication: Effects.dispute,
    DropOptions: Effects.drop_options,
    ChangeContact: Effects.change_contact,
    ReportCorrection: Effects.report_correction,
    ListHistory: Effects.list_history,
    ForgetUnconsented: Effects.forget_unconsented,
    Escalate: Effects.escalate,
}


STRUCK = "***"


def _struck(text: str, marks: list[str]) -> str:
    # Regardless of case: an ID number typed with a small x ("…002x") is saved, and so marked, with a capital (review3 R4).
    for mark in marks:
        text = re.sub(re.escape(mark), STRUCK, text, flags=re.IGNORECASE)
    return text


# The applicant's open escalation, as a claim: claim (set if absent) is atomic on every backend, so of
# requests arriving together exactly one opens an escalation and the others join it. A year outlasts
# any escalation; closing one releases the claim (support.close).
OPEN_ESCALATION_SECONDS = 365 * 24 * 3600
OPENING_TRIES = 5  # each a closed or withdrawn escalation found in passing; one or two in practice


# A request that takes back the one an escalation was opened for (reason → the reason it takes back): the escalation
# then reads as taken back where support lists it, not as a task still to do (try13 T44: an erase request withdrawn
# still showed 申请删除个人信息, its withdrawal only in the requests' log).
WITHDRAWS = {"erase_withdrawn": "erase", "human_withdrawn": "requested"}

# Reasons the bot opened an escalation for by itself: when the applicant then asks for a person, support's list shows
# what the applicant asked (try17 T16: a "多次填写失败 身份证号码" long passed headed a request about a company's stamp).
AUTOMATIC = frozenset({"low_confidence", "repeated_failure"})


def _joined_reason(open_reason: str | None, open_note: str, effect: Escalate) -> tuple[str | None, str]:
    """The reason and note an open escalation shows once ``effect`` joins it."""
    if WITHDRAWS.get(effect.reason) == open_reason or (open_reason in AUTOMATIC and effect.reason not in AUTOMATIC) \
            or (open_reason in WITHDRAWS and effect.reason not in WITHDRAWS):  # a new request after one taken back
        return effect.reason, effect.note
    return open_reason, open_note


def open_escalation_key(user_id: str) -> str:
    return f"open-escalation:{user_id}"


def open_escalation(store: Store, user_id: str, effect: Escalate, now: datetime, **extra: Any) -> str:
    """One open escalation per applicant: a second request, even at the same moment, adds to it
    instead of queueing twice."""
    request = {"reason": effect.reason, "note": effect.note, "at": clock.stamp(now)}
    first = {"user_id": user_id, "status": "open", "reason": effect.reason, "note": effect.note,
             "created_at": request["at"], "requests": [], **extra}
    for _ in range(OPENING_TRIES):
        esc_id, opened = _open_escalation_id(store, user_id)

        def join(current: Doc | None, esc_id: str = esc_id) -> tuple[Doc | None, bool]:
            if current is not None and current.get("status") != "open":
                return current, False  # closed since the claim was read: release it and try again
            base = current or {"id": esc_id, **first}  # the opener may not have written it yet: whoever is first does
            reason, note = _joined_reason(base.get("reason"), base.get("note", ""), effect)
            return {**base, "reason": reason, "note": note, "requests": [*base.get("requests", []), request]}, True

        if store.update_with_result("escalation", esc_id, join):
            break
        store.forget_if(open_escalation_key(user_id), esc_id)
    else:
        raise RuntimeError(f"could not open an escalation for a user after {OPENING_TRIES} tries")
    if opened:
        mark_escalation(store, user_id, esc_id)
        ESCALATIONS.labels(reason=effect.reason).inc()
        log.info("escalation %s opened (%s)", esc_id, effect.reason)
    return esc_id


def _open_escalation_id(store: Store, user_id: str) -> tuple[str, bool]:
    """The id of the applicant's open escalation, and whether this call opened it."""
    key = open_escalation_key(user_id)
    while True:
        held = store.recall(key)
        if held:
            return held, False
        # One opened before the claim existed (an older version) is adopted rather than doubled.
        older = store.find("escalation", user_id=user_id, status="open")
        candidate = older[0]["id"] if older else str(store.next_id("escalation"))
        if store.claim(key, OPEN_ESCALATION_SECONDS, candidate):
            return candidate, not older
        # Another request claimed it first (its number is skipped): read the winner's.


ESCALATION_FIELD = "escalation"  # on the conversation: the open escalation's id, read every turn for free


def mark_escalation(store: Store, user_id: str, escalation_id: str | None) -> None:
    """Note on the applicant's conversation which escalation is open (None: the one closed), so a
    turn knows without another query."""
    def note(conversation: dict[str, Any] | None) -> dict[str, Any] | None:
        if conversation is None:
            return None
        if escalation_id is None:
            return {k: v for k, v in conversation.items() if k != ESCALATION_FIELD}
        return {**conversation, ESCALATION_FIELD: escalation_id}

    store.update("conversation", user_id, note)
