"""What reaches a dialogue, and what it hands back.

The transport converts WeChat's vocabulary (or the terminal's) into these events before the
dialogue sees them, and applies the effects after the new state is saved.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Text:
    """Something the applicant typed, or said: WeChat's speech recognition of a voice message
    (``spoken``), which the reply repeats so a mishearing is seen at once."""

    text: str
    spoken: bool = False


@dataclass(frozen=True)
class Image:
    """A photo the applicant sent; ``media_id`` identifies it at WeChat (or in the test)."""

    media_id: str


@dataclass(frozen=True)
class Command:
    """A menu click or an event the transport recognised: start, progress, faq, human, subscribe."""

    name: str


Event = Text | Image | Command


# -- effects: what the dialogue asks the outside world to do -----------------------------
@dataclass(frozen=True)
class SaveApplication:
    """The answers are confirmed: create or update the application with this checklist."""

    application_id: str
    business_type: str
    answers: dict[str, Any]
    checklist: tuple[str, ...]


@dataclass(frozen=True)
class DiscardApplication:
    """The applicant started over before submitting: drop the draft application."""

    application_id: str


@dataclass(frozen=True)
class Escalate:
    """Hand the conversation to a person: requested (人工), low_confidence, repeated_failure."""

    reason: str
    note: str = ""


@dataclass(frozen=True)
class WithdrawMaterial:
    """Take back the file uploaded for one material of a draft (the item back to 未上传), as the upload page's 删除."""

    application_id: str
    code: str


@dataclass(frozen=True)
class BuildMaterial:
    """Fetch these photos and make them the PDF of one material (a background job: it takes seconds)."""

    application_id: str
    code: str
    media_ids: tuple[str, ...]
    # the SHA-256 of the item's saved file the photos are pages added to (the applicant chose 追加); "": they replace it
    append_to: str = ""
    # with ``append_to``: the page of that file (from 1) the photos take the place of ("第2页拍糊了 重新拍"); 0: added after
    replace_page: int = 0


@dataclass(frozen=True)
class SubmitApplication:
    """Submit the application for review (线上材料待审核)."""

    application_id: str


@dataclass(frozen=True)
class OfferUploadLink:
    """Send the applicant a signed, expiring link to the upload page of this application."""

    application_id: str


@dataclass(frozen=True)
class ConfirmApplication:
    """确认申办信息 after 预审通过; ``dispute_withdrawn``: a report of 申办信息有误 is taken back first."""

    application_id: str
    dispute_withdrawn: bool = False


@dataclass(frozen=True)
class DisputeApplication:
    """申办信息有误: the applicant's report, for staff."""

    application_id: str
    text: str


@dataclass(frozen=True)
class ReportCorrection:
    """An answer said to be wrong while the application is with the reviewers (submitted, or returned for materials):
    the applicant's words kept on the application for the reviewer, the answers unchanged."""

    application_id: str
    text: str


@dataclass(frozen=True)
class DropOptions:
    """At a returned application, options of a many-choice answer (a bonus) taken off by the applicant: the
    checklist made again without what they called for, the change kept for the reviewer."""

    application_id: str
    field: str
    kept: tuple[str, ...]


@dataclass(frozen=True)
class ChangeContact:
    """A new mobile or e-mail sent after submission (the form is locked): kept on the application for staff to
    apply or decline."""

    application_id: str
    field: str
    value: str


@dataclass(frozen=True)
class ForgetUnconsented:
    """The consent refused: what the applicant typed before it (a name, an ID number…), dropped from the state, is
    struck from their transcript too: nothing personal is kept without the consent."""

    said: tuple[str, ...]


@dataclass(frozen=True)
class ListHistory:
    """Show the applicant's finished applications (已完成)."""


Effect = (SaveApplication | DiscardApplication | Escalate | BuildMaterial | SubmitApplication | OfferUploadLink
          | ConfirmApplication | DisputeApplication | ChangeContact | DropOptions | ListHistory | WithdrawMaterial
          | ReportCorrection | ForgetUnconsented)


@dataclass
class Context:
    """What the dialogue may read besides its own state: the date, the applicant's current
    application (a read-only snapshot), the knowledge base (anything with ``ask(text)``) and
    whether a support person has the applicant's request open (and has just written to them:
    ``support_replied``, a conversation with a person under way)."""

    today: date
    application: dict[str, Any] | None = None
    kb: Any = None
    escalation_open: bool = False
    support_replied: bool = False


@dataclass
class Outcome:
    """Replies to send (in order), the state to save, and effects to apply."""

    replies: list[str]
    state: dict[str, Any]
    effects: list[Effect] = field(default_factory=list)
