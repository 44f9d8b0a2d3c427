"""One applicant's conversation, as the engine keeps it between messages.

The stores keep it as a plain dict (``to_dict``); any dict saved before this class existed loads
with defaults for what it lacks, and keys the dialogue does not own (support's open escalation,
written by the transport) pass through untouched.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from dialogs.flows.application import INITIAL


@dataclass
class ConversationState:
    """Where the applicant is, what they answered, and the small facts a turn needs."""

    flow: str = "application"
    state: str = INITIAL
    answers: dict[str, Any] = field(default_factory=dict)
    failures: int = 0  # wrong answers in a row at this question
    faq_misses: int = 0  # questions in a row the knowledge base could not answer
    pending: Any = None  # "restart" awaiting confirmation, {"faq": [entry ids]} offered by letter, or
    # {"years": N}: social-insurance years computed from a start year, offered for a yes; or a question
    # about photos after the checklist (``dialogs.materials_stage``: ASKED, SWITCH, ASSIGN); or
    # {"unlikely": field, "value": N}: an answer seldom true, asked whether it is meant before it is saved
    paused: bool = False
    application_id: str | None = None
    material: str | None = None  # the material being photographed
    # Its file (sha256; "" for none) when it was chosen: one uploaded on the web page since is not replaced unasked.
    material_file: str | None = None
    photos: list[str] = field(default_factory=list)  # its photos so far
    # A page of its saved file said to be retaken ("第2页拍糊了 重新拍"): {code: page}; the photos sent next take that page's
    # place when 完成 is said, never asked 追加 or 替换 (the applicant said which).
    retaken_page: dict[str, int] = field(default_factory=dict)
    unassigned: list[str] = field(default_factory=list)  # photos sent before a material was chosen
    # Photos among those taken out of an item and said to be another's (media id -> that item's code): the reply said
    # "回复 N 选择…，这张照片会归入那一项", so choosing N files them without asking again (try19 V2).
    kept_for: dict[str, str] = field(default_factory=dict)
    # The items the next photos are, in the order said ("这两张是合同的 第三张是身份证"): one code a photo, the next first.
    photo_plan: list[str] = field(default_factory=list)
    # The stretch of the application's life the upload state above belongs to (``MaterialsStage.upload_round``): a
    # submission, a return or a reopen since settles it, so no photo or chosen item outlives the move (try17 T9/T25).
    upload_round: str | None = None  # None: a conversation stored before this was kept (taken as it is, never settled)
    # The question the last message answered: what a "这样写对吗" sent next asks about (only the next message).
    just_answered: str | None = None
    # The last message deleted a photo: a "发错了" sent next tells why, it deletes no other (only the next message).
    photo_dropped: bool = False
    # Why the last message's answer was refused (the error said): a "为什么" sent next asks about it (only the next message).
    refused: str | None = None
    # The answer the last reply explained (a question naming it answered): what "那就改成0" sent next changes (only the next message).
    explained: str | None = None
    district: str | None = None  # the district the last question named, for a follow-up naming none ("电话多少")
    offered_type: str | None = None  # the business type the last answer told of, for a "那就办这个" sent next
    last_day: str | None = None  # the (Shanghai) day of the last turn, ISO: a return after long is greeted
    # Who the writer said they type for ("儿子", "员工": "我帮我儿子问的"), the applicant; None when they apply themselves.
    typing_for: str | None = None
    erase_requested: bool = False  # asked support to erase their data, not taken back: "不删了" takes it back
    # Answers typed in traditional characters, saved in simplified ones and said so: the same form typed again
    # insists on it (kept as typed); one never said converted is converted, and said so, first.
    converted: list[str] = field(default_factory=list)
    # Answers saved from a mention in passing that tells only part of them ("已婚 老婆是本地人": 配偶为本市户籍, not
    # whether she is added as 随员): their question is still asked when it comes, the part told shown with it.
    partly_told: list[str] = field(default_factory=list)
    # The answers as they stood, consent given, when a new business type asked for consent again: a refusal of that
    # consent keeps them and the type agreed to (review3 R3), not the answers sent before any consent.
    before_type_change: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # keys owned by others, kept as they came

    @classmethod
    def from_dict(cls, saved: dict[str, Any] | None) -> ConversationState:
        if not saved:
            return cls()
        own: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in saved.items():
            name = _OWN_NAMES.get(key)
            if name is None:
                extra[key] = value
            elif value is not None:
                own[name] = value
        state = cls(**own, extra=extra)
        state.answers, state.photos, state.unassigned = dict(state.answers), list(state.photos), list(state.unassigned)
        state.converted, state.photo_plan, state.kept_for = list(state.converted), list(state.photo_plan), dict(state.kept_for)
        state.before_type_change, state.retaken_page = dict(state.before_type_change), dict(state.retaken_page)
        return state

    def to_dict(self) -> dict[str, Any]:
        return {**self.extra, **{name: getattr(self, name) for name in _OWN_FIELDS}}


_OWN_FIELDS = tuple(f.name for f in fields(ConversationState) if f.name != "extra")
# Each name by itself, to look a saved key up with: a key read from the store is text equal to the name, not
# the name itself, so a tuple of the names is searched comparing text with each of its twenty, and so are the
# parameters of ``__init__`` for each keyword (~60K instructions a state, issue 19); the name found is matched at once.
_OWN_NAMES = {name: name for name in _OWN_FIELDS}
