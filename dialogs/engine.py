"""The dialogue engine: ``handle(state, event, context) -> Outcome``.

Each text message goes through two steps: ``dialogs.understanding.interpret`` says what it is
(an answer and its value, several answers, a question, a command, small talk…), and
``dialogs.policy.decide`` says what to do with that at the applicant's point; the engine then
does it. Commands are dispatched through ``COMMANDS``, a table of which apply at which stage.

The flow's state machine (``dialogs.flow_machine``: one ``transitions`` machine for every applicant)
is fired per message on a small model built from the applicant's saved state. Two parts of a turn live apart
and are mixed into ``Turn``: changing an answer already given (``dialogs.answer_edits``) and everything after
the checklist (``dialogs.materials_stage``).
The engine is pure — no I/O — so WeChat, the terminal chat and the tests share it.
"""
from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dialogs import clock, lifecycle, render
from dialogs.privacy import mask_text
from dialogs.asking import (
    answer_before_whats_next, asks, asks_how_to_send, checks_how_it_is_put, only_asks_if_it_will_do, only_checks_how_it_is_put, only_seeks_agreement,
    options_asked_about, value_put_to_check,
)
from dialogs.checklist import build_checklist, catalogue
from dialogs.events import (
    Command, Context, DiscardApplication, Effect, Escalate, ForgetUnconsented, Image, Outcome, SaveApplication, Text,
)
from dialogs.flows import application as flow
from dialogs.answer_edits import NOT_FILLED_IN, OF_ANOTHER, SAID_RIGHT, SAYS_A_CHANGE, AnswerEdits, says_own_number_changed
from dialogs.flow_machine import FlowModel, field_of, path_of
from dialogs.intents import (
    CHANGED_MIND, CONFIRM_WORDS, DISPUTE_PREFIXES, EDIT_PREFIXES, INTENTS, WAITING, asks_to_erase, exact_intent,
    held_back, keeps, match_intent, says_yes, takes_back_erasing, yes_to_offer,
)
from dialogs.materials_stage import _REVIEW_CONTESTED, MaterialsStage
from dialogs.per_message import one_message
from dialogs.debris import without_debris
from dialogs.policy import Action, decide
from dialogs.questions import Choice, ChooseMany
from dialogs.state import ConversationState
from dialogs.text import canonical, to_halfwidth, to_simplified
from dialogs.understanding import Interpretation, interpret
from dialogs.understanding.features import acknowledges, match_form, murmurs
from dialogs.understanding.interpret import a_helpers_own_name, a_relatives_name, an_employees_name, anothers_given
from dialogs.understanding.interpret import in_the_year_refused, looks_up_a_file, refused_with_a_protest
from dialogs.understanding.items import item_named
from dialogs.understanding.entities import (
    children_away, children_elsewhere, children_placed, every_shaped, extract, name_after_a_no, spoken_digits,
)
from dialogs.understanding.organisations import is_full_organisation
from dialogs.understanding.whose import anothers_facts_dropped
from dialogs.understanding.values import (
    EXACT_VALUE, FORMER_NAME, answer_after_question, answer_then_question, changes_in, choice_amid_story, clauses, clauses_beside,
    exactly_an_answer, in_words, introduced_name,
    options_declined, options_turned_down, paid_since, part_year_said, question_after_answers, spelling_run_on, value_of, years_in_all, years_paid_before,
)
from dialogs.understanding.worded import marital_as_registered, worded
from dialogs.understanding.typed_for import number_for_them, typing_for
from dialogs.understanding.values import parse as parse_value
from dialogs.why_asked import why_asked
from dialogs.validators import (
    EMAIL_LEAD_IN, ID_ADULT_AGE, ValidationError, date_part_said, email_meant, hedged, id_age, parse_count, parse_id_number, parse_ordinal,
    parse_yes_no, describes_an_edit, sounds_foreign_school,
)
from dialogs import words

FAILURES_BEFORE_ESCALATION = 3
DAYS_AWAY_BEFORE_WELCOME_BACK = 7  # more days than these since the last turn: "欢迎回来" and where they were
# Where the next step is the applicant's: away from it, they paused. Away while the reviewers or staff have the
# application, or once it is finished, they only waited: no "欢迎回来…我们接着办" (try19 V7).
_THE_APPLICANTS_TURN = (None, "draft", "returned")
_STEP_NAMES = {"summary": "核对填写的信息", "materials": "准备和上传材料", "consent": "承诺与服务须知"}
FAQ_MISSES_BEFORE_ESCALATION = 2
FAQ_LETTERS = "ABC"
# A branch spoken of beside the employer named ("…有限公司 不过人在上海分公司", "…，我在上海办事处上班").
_BRANCH_SAID = re.compile(r"分公司|办事处|分部|分厂|分院|分行|支行|分店|分支机构|子公司")
_COMPANY_SAID = re.compile(r"公司|集团|有限|厂|银行")
_WHOLE_NAME_SAID = re.compile(r"(?:全称|全名|合同上|合同里)(?:是|叫|为|写的是)?[:：]?$")
# Some of the children counted said not to live with the applicant or not to be added ("其中一个在老家不来上海",
# "老大不跟我们住"): the count said is not that of 同住子女.
_SOME_NOT_WITH_YOU = re.compile(r"(?:其中|有的|有一个|有个|有两个|老大|老二|老三|大的|小的|一个).{0,10}?"
                                r"(?:不来|不过来|不会过来|不打算过来|不随迁|不在上海|不跟我|没跟我|不和我|不同住|不一起住|不住一起|不住在一起|不加|不算|不用加)")
# The review contested ("我名字没错啊 是不是你们看错了", "审的人搞错了吧"): said of a return, its reasons and a person
# to re-check them are the answer, whatever the knowledge base makes of the words (an entry on filling the name in
# answers another question). 搞错/弄错 only said of the reviewers: "是不是我搞错了" doubts oneself.
# Commands an objection to a return is read as when no command's own words are in it: "凭什么退回 上个月才盖的章" is
# no request for the reasons' list, "审核员搞错了吧" no bare request for a person.
_CONTEST_READ_AS = frozenset({"progress", "human", "view_item"})
# A reply to the "which question did you mean" menu that none of them is it.
_NONE_OF_THE_MENU = re.compile(r"(?:都|全都|哪个都|一个都)(?:不是|不对)(?:的|啊|呢|哦)?|(?:没有|没)(?:我(?:想|要)问的)(?:的)?|都不是我(?:想|要)问的")


# What says the answer before was wrong, before its new value ("不对，是1个", "说错了，我离婚了", "不好意思孩子只有一个").
# Never 不是 alone: it answers a yes-or-no question.
# "其实" (actually) puts right too, after "对了" (by the way) or not ("哦对了 我其实离异", "其实我有一个孩子").
_PUT_RIGHT = re.compile(r"^(?:啊|哎呀|哎|呃|哦)?[,，\s]*(?:对了[,，\s]*)?(?:(?:不对|错了|说错了|写错了|填错了|打错了|搞错了|弄错了|选错了|"
                        r"输错了|刚才(?:说|写|填|打|选)错了|不好意思|抱歉|等等|等一下|等下|sorry|我?其实|我?实际上)[了啦]?[,，。!！\s]*)+",
                        re.IGNORECASE)  # said once or over again ("不对不对")
# …or after the new value ("没孩子，是我看错了", "没有，刚才填错了"), what was misread named or not ("…看错行了").
_PUT_RIGHT_AFTER = re.compile(r"[,，\s]+(?:是我|我|刚才|刚刚|之前|前面)*(?:看|说|写|填|打|搞|弄|选|输|记)错"
                              r"(?:[\u4e00-\u9fff]{1,2}?(?=了))?了?[了啦的]?[,，。!！\s]*$")
# Answers a correction's bare value never goes to: the type and consent have their own ways back.
_NOT_PUT_RIGHT = frozenset({"business_type", "consent", "confirmed"})
# What an item's photos said done reads as where it is in hand ("好了", "我重新传了", "网页上传好了").
_PHOTOS_DONE = frozenset({"finish_photos", "retake", "upload"})


def new_state() -> dict[str, Any]:
    return ConversationState().to_dict()


# The stages a command may apply at.
FORM, SUMMARY, MATERIALS = "form", "summary", "materials"
EVERYWHERE = frozenset({FORM, SUMMARY, MATERIALS})


# What a message read as one of these kinds never chooses (unless it is an option's own name).
NOT_A_CHOICE = frozenset({"question", "answer_and_question", "out_of_scope"})
# After the checklist, where the applicant is follows the application's status; a dispute under
# review is answered like the approval it questions.
STATUS_POINTS = {"submitted": "submitted", "returned": "returned", "approved": "approved", "disputed": "approved"}


# The clauses of a message beside those naming the confirmation, and their split.
_STEP_NAMED = re.compile(r"确认|确定")
_CLAUSE_SPLIT = re.compile(r"[\s,，。;；?？!！~～]+")


def _beside_the_step(text: str) -> str:
    """What a message says beside its clauses naming the confirmation ("确认不了 系统登不上" → "系统登不上"): a trouble or
    a question of its own, when it is long enough to be one (a murmur or "先等等" is not)."""
    rest = " ".join(part for part in _CLAUSE_SPLIT.split(text) if part and not _STEP_NAMED.search(part))
    return rest if len(re.sub(r"\W", "", rest)) >= 4 and not _PUT_OFF_ALONE.fullmatch(rest) else ""


_PUT_OFF_ALONE = re.compile(r"(?:我|先|再|等|等等|等一下|稍等|一下|看看|晚点|明天|再说|吧|啊|哈|呢|\s)+")


class Turn(AnswerEdits, MaterialsStage):
    """One message's worth of work on a copy of the applicant's state."""

    def __init__(self, state: dict[str, Any] | None, ctx: Context) -> None:
        self.fresh = state is None
        self.conv = ConversationState.from_dict(state)
        self.ctx = ctx
        self.replies: list[str] = []
        self.effects: list[Effect] = []
        self.checklist_made = False  # this turn confirmed the answers and (re)made the checklist
        self.said_beside_support = False  # this turn answered a question while a support person talks with them
        self.welcomed_back = False  # this turn began with "欢迎回来" (after a pause, or a week and more away)
        # The district the last message asked about: kept while questions follow one another ("浦东人才
        # 中心地址", then "电话多少"); any other message lets it go (no Pudong for "电话多少" turns later).
        self.district_asked, self.conv.district = self.conv.district, None
        self.just_answered, self.conv.just_answered = self.conv.just_answered, None  # this message's only
        self.offered_type, self.conv.offered_type = self.conv.offered_type, None  # likewise
        self.photo_just_dropped, self.conv.photo_dropped = self.conv.photo_dropped, False  # likewise
        self.just_refused, self.conv.refused = self.conv.refused, None  # likewise
        self.just_explained, self.conv.explained = self.conv.explained, None  # likewise
        self._path: tuple[dict[str, Any], list[str]] | None = None
        # The first question not answered yet when the message came (``advance`` never passes it)
        self.waiting_before = None if self.fresh else path_of(dict(self.conv.answers), ctx.today)[-1]

    # -- helpers -----------------------------------------------------------------
    @property
    def state(self) -> str:
        return self.conv.state

    @property
    def answers(self) -> dict[str, Any]:
        return self.conv.answers

    @property
    def today(self) -> date:
        return self.ctx.today

    def stage(self) -> str:
        return {"summary": SUMMARY, "materials": MATERIALS}.get(self.state, FORM)

    def point(self) -> str:
        """Where the applicant is, in the labels' words (``dialogs/understanding``)."""
        if self.fresh:
            return "start"
        if self.state in flow.HOLD_STATES:  # held at a question already asked: its answer is what comes
            return flow.ASKS[self.state]
        if self.state != "materials":
            return self.state
        if self.conv.material:
            return "photographing"
        status = self.application_status() or "draft"
        return STATUS_POINTS.get(status, "materials")

    def path(self) -> list[str]:
        """``path_of`` these answers; a summary turn asks twice (to prune, then to show), so the
        path is kept while the answers stay as they were."""
        if self._path is None or self._path[0] != self.answers:
            self._path = (dict(self.answers), path_of(self.answers, self.ctx.today))
        return self._path[1]

    def say(self, *texts: str | None) -> None:
        self.replies.extend(t for t in texts if t)

    def outcome(self) -> Outcome:
        if self.said_beside_support:  # a question answered while a person talks with them: that person reads it too
            self.replies.append(render.SUPPORT_READS_IT_TOO)
        return Outcome(self.replies, self.conv.to_dict(), self.effects)

    def knows_the_answer(self, meant: Interpretation, text: str) -> bool:
        """Whether ``text`` is a question the knowledge base answers (or offers a choice of answers for):
        the bot's to answer even while a support person talks with the applicant. A remark, or a question
        out of scope, is that person's."""
        if meant.kind != "question" or self.ctx.kb is None:
            return False
        found = meant.kb if meant.kb is not None else self.ctx.kb.ask(text)
        return found.status in ("answered", "ambiguous")

    def own_details_dropped(self, text: str) -> str:
        """``text`` without the applicant's own saved name, ID number and mobile and the words introducing them ("我是张伟
        1101… 到哪一步了": "到哪一步了"); "" when it holds none of them, or nothing else."""
        # Only the details opening the message, as who asks (review7 R7-4: anywhere, "我手机号138…不用了 换新号了 进度呢"
        # lost the change said), and never beside a change of them (换/改/不用了/停机/错: the reviewer is to hear it).
        said, found = canonical(text), False
        if _OWN_DETAIL_CHANGED.search(said):
            return ""
        values = [v for v in (str(self.conv.answers.get(f) or "") for f in ("id_number", "mobile", "name")) if len(v) >= 2]
        while True:
            said = _OWN_DETAIL_LEAD.sub("", said, count=1).lstrip(" ,，、。.;；:：")
            value = next((v for v in values if said.lower().startswith(v.lower())), None)
            if value is None:
                break
            said, found = said[len(value):], True
        return said.strip(" ,，、。.;；:：") if found else ""

    def application_locked(self) -> bool:
        """Answers can change only while the application is a draft (the manual: once submitted,
        only returned materials change)."""
        return self.application_status() not in (None, "draft")

    def application_status(self) -> str | None:
        return (self.ctx.application or {}).get("status", "draft") if self.ctx.application else None

    def say_locked(self) -> None:
        self.say(render.locked_text(self.application_status()))

    def prompt(self, state: str | None = None) -> str:
        """The question of a state (the flow's computed prompt for consent and the stop states),
        with the current answer when it is being revisited."""
        state = state or self.state
        if state in render.COMPUTED_PROMPTS:
            return render.COMPUTED_PROMPTS[state](self)
        question = flow.QUESTIONS[state]
        text = question.full_prompt()
        if (note := flow.PROMPT_NOTES.get((state, self.answers.get("business_type", "")))) is not None:
            text += "\n" + note
        if state in self.conv.partly_told:
            text += render.partly_told_note(question.render(self.answers[state]))
        elif state in self.answers:
            text += render.current_answer_note(question.render(self.answers[state]))
        return text

    def resume_prompt(self) -> str:
        """Where the applicant was, after a question was answered. The summary and the checklist are
        long and were shown just before (and are one "进度" away): a line says what to do next."""
        if self.state == "summary":
            return render.SUMMARY_RESUME
        if self.state == "materials" and not self.checklist_made and not self.conv.material:
            return self.next_step_brief()
        return self.prompt()

    def checklist(self) -> list:
        """The applicant's checklist: while a draft, or while staff have opened the bonus options, the one these
        answers make (the saved one may be a turn old); once submitted, the saved application's."""
        app = self.ctx.application
        if app and app.get("status", "draft") != "draft" and not app.get("options_open"):
            return [catalogue().materials[c] for c in app.get("checklist") or []]
        return build_checklist(self.answers)

    def draft_view(self) -> dict[str, Any]:
        return {"status": "draft", "checklist": [m.code for m in self.checklist()], "materials": {}}

    def photos_in_hand_note(self) -> str | None:
        """Pages of the item being photographed when a correction went back to the summary ("那子女改成0" between two
        pages): kept through it, and said so where the summary or the checklist made again shows, lest they seem lost."""
        if self.conv.material is None or not self.conv.photos:
            return None
        return render.pages_kept_in_hand(lifecycle.material_name(self.conv.material), len(self.conv.photos),
                                         at_summary=self.state == "summary")

    def drop_photos_of_an_item_gone(self) -> None:
        """The checklist made again without the item being photographed (its child taken off): its pages go with it,
        said so, and nothing is built for an item no longer asked for."""
        code = self.conv.material
        if code is None or code in {m.code for m in build_checklist(self.answers)}:
            return
        if self.conv.photos:
            self.say(render.pages_of_an_item_gone(lifecycle.material_name(code), len(self.conv.photos)))
        self.conv.material, self.conv.photos = None, []

    def uploads_set_aside(self) -> list[str]:
        """The names of the uploads these answers' checklist no longer calls for (a summary after a change)."""
        codes = [m.code for m in self.checklist()]
        return [lifecycle.material_name(c) for c in lifecycle.set_aside_by(self.ctx.application, codes)]

    def materials_prompt(self) -> str:
        if self.checklist_made:  # the record as the confirmation saves it: uploads set aside, or taken back
            codes, record = [m.code for m in self.checklist()], self.ctx.application
            set_aside, restored = lifecycle.set_aside_by(record, codes), lifecycle.restored_by(record, codes)
            return "\n\n".join(filter(None, (
                render.materials_intro(self.checklist(), lifecycle.materials_for(record, codes)[0]),
                render.uploads_set_aside([lifecycle.material_name(c) for c in set_aside]) if set_aside else None,
                render.uploads_restored([lifecycle.material_name(c) for c in restored]) if restored else None,
                self.offer_kept_photos(), self.photos_in_hand_note())))
        if self.conv.material:  # in the middle of photographing one material
            return render.photographing(self.material_name(self.conv.material), len(self.conv.photos))
        return self.status_overview()

    # -- moving ----------------------------------------------------------------------
    def move(self, fire: Callable[[FlowModel], None]) -> None:
        """Run ``fire(model)`` on the shared machine (its callbacks act on this turn) and keep the state."""
        model = FlowModel(self.answers, self.ctx.today, self.state, turn=self)
        fire(model)
        self.conv.state = model.state

    def advance(self) -> None:
        """Go to the next question that still needs an answer."""

        def fire(model: FlowModel) -> None:
            model.next()
            while model.state not in flow.STOP_STATES and field_of(model.state) in self.answers \
                    and field_of(model.state) not in self.conv.partly_told:
                model.next()

        self.move(fire)
        if (held := self.path()[-1]) in flow.HOLD_STATES and self.state != held:
            # the permit became too short while the draft waited: that first, every answer kept for after it
            self.jump(held)
        elif held in flow.QUESTIONS and held not in self.answers \
                and (self.state in flow.STOP_STATES or held == self.waiting_before and self.state not in self.path()):
            # a question passed over when it did not apply, needed now by an answer given since ("我老婆叫李丽" at
            # the bonus options: married, so the spouse question): asked before the summary, never skipped. One
            # waiting already when the message came is never passed by an answer told early and then edited
            # ("修改 所在单位" at the consent, the employer kept: the consent, name and ID had been skipped, try19 V23)
            self.jump(held)

    def options_closed_meanwhile(self) -> bool:
        """The bonus options staff had opened, chosen again in the chat and confirmed after staff closed them (the
        return withdrawn while the applicant chose, review4 S2): the application takes no answers now, so the chat's
        are put back as it holds them, and that is said, not a checklist made of answers never saved."""
        app = self.ctx.application
        if not app or not self.application_locked() or app.get("options_open") and app.get("status") == "returned":
            return False
        said = {k: v for k, v in self.answers.items() if k in ("consent", "confirmed")}
        self.answers.clear()  # (the flow's model holds this very dict)
        self.answers.update({**(app.get("answers") or {}), **said})
        bonus = flow.QUESTIONS["bonus_options"].render(self.answers.get("bonus_options") or [])
        self.say(render.options_closed_meanwhile(bonus, self.application_status()))
        return True

    def jump(self, state: str) -> None:
        self.move(lambda model: model.go(state))

    def prune(self) -> None:
        """Drop answers to questions that no longer apply (e.g. 已婚 changed to 未婚). A path held at a state
        waiting for something (a permit become too short while the draft waited) says nothing of the answers
        after it: they still apply once it is settled, so none is dropped."""
        if self.path()[-1] in flow.HOLD_STATES:
            return
        keep = {field_of(s) for s in self.path()} | {"confirmed"}
        for key in list(self.answers):
            if key not in keep:
                del self.answers[key]

    def save_application(self) -> None:
        if self.options_closed_meanwhile():
            return
        self.prune()  # answers the confirmed ones do not lead through make no material
        self.drop_photos_of_an_item_gone()
        if not self.conv.application_id:
            self.conv.application_id = uuid.uuid4().hex[:16]
        answers = {k: v for k, v in self.answers.items() if k not in ("consent", "confirmed")}
        self.checklist_made = True
        self.effects.append(SaveApplication(
            application_id=self.conv.application_id,
            business_type=answers["business_type"],
            answers=answers,
            checklist=tuple(m.code for m in build_checklist(answers)),
        ))

    # -- handling ---------------------------------------------------------------------
    def handle(self, event: Any) -> Outcome:
        if isinstance(event, Text) and (text := without_debris(event.text)) != event.text:
            # what the message's transport left in it, out before anything reads it (an event is frozen: one left
            # as it came is the same, and ``replace``'s walk over its fields is saved on most messages: issue 19)
            event = replace(event, text=text)
        asked_to_erase = self.conv.erase_requested
        if self.fresh:
            self.say(render.WELCOME)
        elif (away := self.days_away()) > DAYS_AWAY_BEFORE_WELCOME_BACK:  # back after long: greeted, told where they were
            self.welcome_back(render.welcome_back_after(away, self.where_they_were()))
        elif self.conv.paused and not self.pauses_again(event):
            # the first message of any kind after "暂停", before anything is said of it (try19 V7: a command or a
            # question answered first kept the pause, and "欢迎回来" came later, in the middle of the dialogue)
            if self.application_status() in _THE_APPLICANTS_TURN:
                self.welcome_back(render.WELCOME_BACK)
            else:  # with the reviewers or staff: nothing was left off to carry on with (review5 Q9), the pause just over
                self.conv.paused = False
        self.conv.last_day = self.today.isoformat()
        self.settle_upload_after_move()
        if isinstance(event, Text) and (point := self.point()) and self.item_uploaded_on_the_web() \
                and self.said_the_photos_done(point, event.text):
            # "好了", "我重新传了 你看下" after the item in hand came on the web page: what is next ("回复“提交”…");
            # anything else ("提交", "6", "审核要多久") is handled after the arrival is said
            self.say(self.next_step_brief())
            return self.outcome()
        if isinstance(event, Image):
            # A question of the bot is answered by the next message only: a photo sent instead lets it go
            # (a later "好的" is no answer to "是之前那几张照片吗？" asked before the photo).
            asked, self.conv.pending = self.conv.pending, None
            if not self.photo_at_switch(asked, event.media_id):
                self.on_photo(event)
        elif isinstance(event, Command):
            self.on_command(event.name)
        elif self.erasing_taken_back(event.text):
            pass
        elif not (self.conv.pending and self.on_pending(canonical(event.text))) \
                and not self.answers_standing_photo_question(canonical(event.text)):
            self.on_text(event.text)
        if asked_to_erase and self.conv.erase_requested and self.ctx.escalation_open:
            self.say(render.ERASE_STILL_ASKED)  # the answers go on being saved; support would still erase them
        return self.outcome()

    def said_the_photos_done(self, point: str, text: str) -> bool:
        """Whether ``text``, said at ``point`` with an item in hand, says its photos done, redone or uploaded ("好了",
        "我重新传了 你看下"): the arrival of its file on the web page is the whole answer then (review5 Q2: a question or
        another item's number said after it was swallowed)."""
        said = match_intent(text)
        if said is not None:
            return said[0] == "finish_photos"
        return interpret(point, text, kb=None)[0].command in _PHOTOS_DONE

    def erasing_taken_back(self, text: str) -> bool:
        """While a request to erase one's data is open, a message taking it back in any of its clauses ("不删了 我还是要办",
        "先别删 我要继续申请"): taken back on the same escalation, then the rest of the message handled. False otherwise."""
        if not (self.conv.erase_requested and self.ctx.escalation_open):
            return False
        parts = clauses(canonical(text))
        taken = [part for part in parts if takes_back_erasing(part)]
        if not taken or asks_to_erase(canonical(text)):
            return False
        self.conv.pending = None
        rest = " ".join(part for part in parts if part not in taken)
        if not rest:
            self.intent_keep_data(CommandCall())
            return True
        self.conv.erase_requested = False
        self.effects.append(Escalate("erase_withdrawn", note=f"当前步骤：{self.state}"))
        self.say(render.ERASE_WITHDRAWN)
        self.on_text(rest)
        return True

    def days_away(self) -> int:
        """Days the applicant was away from a step of theirs: since their last turn, or since the application came
        back to them, when later (a return's notice is news, not a pause); 0 when none is known, or while the
        application is with the reviewers or staff, or finished (try19 V7: "…我们接着办" to a submitted applicant)."""
        if not self.conv.last_day or self.application_status() not in _THE_APPLICANTS_TURN:
            return 0
        moved = ((self.ctx.application or {}).get("history") or [{}])[-1].get("at")
        since = max(date.fromisoformat(self.conv.last_day), clock.parse(moved).date() if moved else date.min)
        return (self.today - since).days

    def welcome_back(self, line: str) -> None:
        """The applicant back after a pause or long away: ``line`` first, once, and the pause over."""
        self.conv.paused = False
        self.welcomed_back = True
        self.say(line)

    @staticmethod
    def pauses_again(event: Any) -> bool:
        """Whether ``event``, while paused, is the pause said again ("暂停"), or following the account again."""
        if isinstance(event, Command):
            return event.name == "subscribe"
        return isinstance(event, Text) and exact_intent(canonical(event.text)) == "pause"

    def where_they_were(self) -> str | None:
        """The step the applicant left off at, in their terms: the question asked, the summary, the checklist."""
        field = field_of(self.state)
        question = flow.QUESTIONS.get(field or "")
        return question.label if question is not None and question.prompt else _STEP_NAMES.get(self.state)

    def on_command(self, name: str) -> None:
        if name == "subscribe":
            if not self.fresh:
                self.say(render.WELCOME)
            self.say(render.HOW_TO_START, self.prompt())
        elif name == "faq":
            self.say(render.ASK_AWAY)
        else:
            self.run_command(name)

    def on_pending(self, text: str) -> bool:
        pending, self.conv.pending = self.conv.pending, None
        if pending == "restart":
            named = self.restart_as(text)
            if says_yes(text, command="restart") or named is not None:
                self.restart(named)
            else:
                self.say(render.RESTART_CANCELLED, self.prompt())
            return True
        if pending == "erase" and CHANGED_MIND.fullmatch(text.rstrip("。.!！~ ")):  # "算了还是办吧" just after asking to erase
            self.intent_keep_data(CommandCall())
            return True
        if isinstance(pending, dict) and "years" in pending and self.state == "social_years":
            gap = _YEARS_MISSED.search(text)  # "不对，中间断了两年": the years offered less the gap, not 2
            years = pending["years"] - parse_count(gap.group(1), label="断缴年数", low=0, high=50) if gap else None
            years = stated if (stated := years_in_all(text)) is not None else years  # "…断了一年多 算9年吧": 9, as said
            if years is None and says_yes(text) and not text.strip().isdecimal():  # "对" (not "1", a count)
                years = pending["years"]
            if years is not None and years >= 0:
                self.set_answer("social_years", years)
                self.say(render.understood_choice(flow.QUESTIONS["social_years"].label, str(years)))
                self.after_answer()
                return True
        # A yes to adding the bonus offered: never a message that confirms the summary or turns it down
        # ("不加 确认", "确认无误", "不要"): confirming was said to mean "without it".
        if isinstance(pending, dict) and "bonus" in pending and self.state == "summary" \
                and not re.search(r"确认|确定|不|没(?!问题|错)|别|算了", text) \
                and (yes_to_offer(text) or text in ("加", "要", "加上", "要加")):  # "嗯" is a yes to it too
            chosen = [*(self.answers.get("bonus_options") or []), pending["bonus"]]
            self.record_several(Interpretation(kind="answers", confidence=1.0, fields={"bonus_options": chosen}), text)
            return True
        if isinstance(pending, dict) and "email" in pending and self.state == "email":
            if (kept := self.email_after_offer(pending, text)) is not None:
                self.set_answer("email", kept)
                self.say(render.understood_choice(flow.QUESTIONS["email"].label, kept))
                self.after_answer()
                return True
            if _OFFER_TURNED_DOWN.fullmatch(canonical(text).strip(" 。.!！~～")):
                # "没有", "不是" to "是 zhangwei@163.com 吗？": that address is not it, never "no e-mail" (try18 U4);
                # "无" (what the offer names for that) and "没有邮箱" still are
                self.say(render.EMAIL_OFFER_TURNED_DOWN)
                return True
        if isinstance(pending, dict) and "id_begun" in pending and self.state == "id_number" \
                and (last := _LAST_CHARACTER.fullmatch(to_halfwidth(text).strip())):
            try:  # "不对 最后一位是X" after 17 digits: the number they began, completed and checked
                number = parse_id_number(pending["id_begun"] + (last.group(1) or last.group(2)))
            except ValidationError as err:  # completed, and still not a valid number: why, and asked again
                self.on_invalid(err)
                return True
            self.set_answer("id_number", number)
            self.say(render.read_as(flow.QUESTIONS["id_number"].label, number))
            self.after_answer()
            return True
        if isinstance(pending, dict) and "date_year" in pending and self.state == "permit_expiry" \
                and (dated := in_the_year_refused(text, pending["date_year"], pending.get("date_month"))) is not None:
            # "2月28，写错了" right after "2027年2月30日" was refused: the date in the year it had, said back
            self.record_answer(Interpretation(kind="answer", confidence=1.0, value=dated), text)
            return True
        if isinstance(pending, dict) and "unlikely" in pending and self.state == pending["unlikely"] \
                and _meant_again(pending["unlikely"], pending["value"], text):
            self.set_answer(pending["unlikely"], pending["value"])
            question = flow.QUESTIONS[pending["unlikely"]]
            self.say(render.understood_choice(question.label, question.render(pending["value"])))
            self.after_answer()
            return True
        if isinstance(pending, dict) and "offered" in pending and self.state == pending["offered"] and yes_to_offer(text):
            # "对", "是的", "嗯" to the one option offered ("…可能是：2.配偶为本市户籍"): that option, said back
            self.record_answer(Interpretation(kind="answer", confidence=1.0, value=pending["value"]), text)
            return True
        if isinstance(pending, dict) and "type_offered" in pending:
            # "是" to "要改成“单位信息变更”吗？": the type changed as "其实是单位信息变更" changes it; "不是": kept, said so
            if yes_to_offer(text):
                self.answers.pop("confirmed", None)
                self.jump("business_type")
                self.changed_to("business_type", pending["type_offered"])
                return True
            if _OFFER_TURNED_DOWN.fullmatch(canonical(text).strip(" 。.!！~～")):
                question = flow.QUESTIONS["business_type"]
                self.say(render.answer_unchanged(question.label, question.render(self.answers["business_type"])),
                         render.current_step(self.prompt()))
                return True
        if isinstance(pending, dict) and "foreign_school" in pending and self.state == "edu_school" \
                and (foreign := _which_said(text)) is not None:
            if foreign:
                self.changed_to("edu_foreign", True)
            else:
                self.say(render.understood_choice(flow.QUESTIONS["edu_foreign"].label, "否"))
                self.after_answer()
            return True
        if self.state == "materials" and self.on_pending_photos(pending, text):
            return True
        if isinstance(pending, dict) and _NEW_CONTACT in pending and self.application_locked() and self.contact_changed(text):
            return True  # "13912345678" after "请发送新的手机号码": passed to staff, as one sent with the change is
        if self.state == "materials" and self.settles_withdrawal(pending, text):  # "是" to "确定删除…已上传的文件吗？"
            return True
        if isinstance(pending, dict) and pending.get("faq") and _NONE_OF_THE_MENU.fullmatch(canonical(text).strip(" 。.!！~～")):
            # "都不是" right after "我不太确定您想问的是哪一个 A/B/C": none of those questions, never the answer to the
            # question waiting (a yes/no would have been recorded as 否)
            self.say(render.NONE_OF_THE_MENU, render.continue_with(self.resume_prompt()))
            return True
        if isinstance(pending, dict) and pending.get("faq") and text.upper() in FAQ_LETTERS[: len(pending["faq"])]:
            entry_id = pending["faq"][FAQ_LETTERS.index(text.upper())]
            self.say(self.faq_entry_text(entry_id), render.continue_with(self.resume_prompt()))
            return True
        return False

    def on_text(self, text: str) -> None:
        """Understand the message, let the policy decide, and do it."""
        if self.fresh and not text.strip():
            self.say(self.prompt())
            return
        if self.plans_photos(text):  # "这两张是合同的 第三张是身份证": the photos filed by their order
            return
        if self.labels_kept_photos(text):  # "这是身份证" of photos kept before the checklist: no edit
            return
        if self.asks_of_an_item_by_number(text):  # "3是什么要求": the item's requirement, nothing chosen
            return
        if self.reorders_photos_said(text):  # "顺序反了 第三张应该放第一": reordered, never a delete
            return
        if self.page_retake_taken_back(text):  # "不用重拍了", "是加一页 不是替换": no page replaced (review7 R7-3)
            return
        if self.adds_to_options_told(text):  # "还有社保" after 职称 was told in passing: both
            return
        if self.moves_photo_said_elsewhere(text):  # "传错了 这是第4项的": moved, not a cancel
            return
        if self.asks_to_send_together(text):  # "都拍好了 一起发可以吗": yes, and how they are filed
            self.say(render.SEND_TOGETHER)
            return
        if self.answers_handing_in_part(text):  # "…明天才能拿到 先交这个行不行": no part is submitted alone
            return
        if self.options_added_while_open(text):  # "加上社保加分" while staff have the bonus options open
            return
        if self.answers_whether_received(text):  # "网页上提交了 你们收到了吗": yes, when, and the status
            return
        # The checklist is shown once made, and stays the applicant's while an answer of it is changed.
        shown = [m.name for m in self.checklist()] if self.state == "materials" or self.conv.application_id else ()
        if (told := self.dates_asked(match_form(text))) is not None:
            # "周六预审通过的话周一还能确认吗", "今年积分什么时候截止申请": the rule we apply, or that the papers give no date
            self.say(told, render.continue_with(self.resume_prompt()) if not self.fresh else self.prompt())
            return
        if (told := self.option_asked_about(match_form(text))) is not None:
            # "1 是什么意思", "选3是办什么的": a question about an option chooses nothing; what it is, and asked again
            self.say(told, render.continue_with(self.prompt()))
            return
        if self.application_locked() and _OWN_ANSWERS_ASKED.match(match_form(text)):
            # "我填的信息给我看看" after submission: the answers as submitted, numbers masked as chat replies mask them
            record = self.ctx.application or {}
            answers = record.get("answers") or self.answers
            self.say(render.answers_submitted(mask_text("\n".join(render.answer_lines(answers, self.path()))),
                                              self.application_status()))
            return
        if _PASTED_LINK.search(text) and re.search(r"[\u4e00-\u9fff]", rest := _PASTED_LINK.sub(" ", text).strip()):
            # "https://mp.weixin.qq.com/s/… 这个文章说的对吗": a link pasted beside Chinese words (never "only Chinese"):
            # the link cannot be opened, said; the words are read on their own
            self.say(render.LINK_NOT_OPENED)
            text = rest
        if self.state == "summary" and not self.application_locked() and (split := self.edits_then_question(text)) is not None \
                and not only_asks_if_it_will_do(match_form(split.question)):
            # "修改手机号139… 邮箱… 再问下硕士加多少分": the edits made as if sent alone, then the question answered
            # (try17 T20, T1: the question made the edit's value unreadable, and neither was done). A question asking
            # only whether the change will do ("…可以吗", "…对吧") is the edit's own: read whole, as an edit
            self.on_text(split.edits)
            summary = self.replies.pop() if self.replies and self.replies[-1] == self.prompt() else None
            self.answer_question(interpret(self.point(), split.question, kb=self.ctx.kb)[0], split.question)
            if summary and self.replies[-1] == render.continue_with(self.resume_prompt()):
                self.replies[-1] = render.continue_with(summary)  # the summary as changed, once, after the answer
            return
        if field_of(self.state) and not self.fresh and (said := answer_before_whats_next(text)) is not None:
            text = said  # "刘德华，下一步呢", "0 下一步": the answer; the next question answers what comes next
        meant = interpret(self.point(), text, kb=self.ctx.kb, checklist=shown)[0]
        if self.application_locked() and meant.command != "progress" and (rest := self.own_details_dropped(text)) \
                and (alone := interpret(self.point(), rest, kb=self.ctx.kb)[0]).command == "progress":
            # "我是张伟 1101… 到哪一步了" once submitted: who asks, by the details saved (never an edit of them), then
            # where the application stands (review6 P5: read as an edit, refused as locked)
            meant = alone
        self.conv.typing_for = typing_for(text, self.conv.typing_for)
        if (whose := number_for_them(field_of(self.state), text, self.conv.typing_for)) is not None:
            meant = self.number_typed_for(meant, *whose)
        if self.application_status() == "done" and canonical(text).rstrip("。.!！ ") in _CONFIRM_AGAIN:
            # "确认" once the 申办信息 is confirmed: the confirmation's word (no material to view, no type to begin)
            meant = Interpretation(kind="command", confidence=1.0, command="confirm_application")
        if self.offered_type and self.state == "business_type" \
                and _THE_ONE_TOLD.match(re.sub(r"[\W_]+", "", canonical(text).lower())):
            # Right after an answer telling when a business type applies, "那就办这个吧" chooses that type (said back).
            meant = Interpretation(kind="answer", confidence=1.0, value=self.offered_type)
        if self.ctx.support_replied and (meant.asks or meant.kind not in _OWN_BUSINESS):
            # Support just wrote to them: a remark is their reply to that person, who reads it in the
            # conversation; the bot answering it would talk over them. Answers and commands stay ours, and so
            # does a question the knowledge base answers ("要是我过了两天没确认会怎样"): left to the person it
            # waits, maybe on a person busy with something else; answered, said the person reads it too.
            if not self.knows_the_answer(meant, text):
                self.say(render.WITH_SUPPORT_PERSON)
                return
            self.said_beside_support = True
        if _COMPLAINT.search(canonical(text)):  # "我要投诉 你们审核太慢了", at any step (photos being sent too)
            self.complaint(text)
            return
        if self.just_answered and only_checks_how_it_is_put(match_form(text)) and self.check_how_it_was_put(self.just_answered):
            return
        if self.application_locked() and not meant.asks and _CONTACT_RENEWED.search(canonical(text)) \
                and self.contact_changed(text):  # "我的邮箱换了 现在是…" after submission: for staff to apply
            return
        if self.application_locked() and (contact := self.contact_replaced_without_value(text, meant)) is not None:
            # "手机号换了" after submission: the number the outcome reaches changed (not the reviewed form wrong, which at
            # approval is 申办信息有误): the new one asked for, to pass to staff as one sent with it is
            self.conv.pending = {_NEW_CONTACT: contact}
            self.say(render.new_contact_wanted(flow.QUESTIONS[contact].label, self.application_status()))
            return
        if meant.contests and self.point() == "returned" and self.contests_the_return(meant, text):
            return
        field = field_of(self.state)
        if self.yes_to_whom(field, text):  # "是的" while support has asked something: not the bot's question's answer
            return
        if self.just_refused and _WHY_ALONE.fullmatch(match_form(text).strip(" ?？。.!！~～")) \
                and field_of(self.state) in flow.QUESTIONS:
            # "为什么" just after an answer was refused: why that answer was not taken (fix39's leftover), asked again
            self.say(render.refusal_explained(self.just_refused), self.prompt())
            return
        if (reason := self.why_asked(text)) is not None:  # "问这个干嘛": why it is asked, the question again
            self.say(reason, render.continue_with(self.prompt()))
            return
        if self.own_answer_asked(text):  # "我填的手机号是多少": what is saved, masked, and how to change it
            return
        if meant.kind != "answer" and not meant.asks and field in flow.QUESTIONS and field not in _NOT_PUT_RIGHT \
                and (rest := _put_right_value(text)) \
                and (own := field == "name" and name_after_a_no(text) or _read_as(field, rest)) is not None:
            # "没孩子，是我看错了" asked again: 0; "不对，是李纳" to "姓名是“李娜”吗？": 李纳, never 是李纳
            self.record_answer(replace(meant, kind="answer", value=own), text)
            return
        if self.just_answered and not meant.asks and (put_right := self.last_answer_put_right(text)) is not None:
            # "不对，孩子是1个" at the marital question: the answer just given changed, said, the question again
            self.answers.pop("confirmed", None)
            self.conv.failures = 0
            self.jump(put_right[0])
            self.changed_to(*put_right)
            return
        if self.application_status() == "done" and _ANOTHER_APPLIED_FOR.search(match_form(text)) \
                and not self.business_type_named(text):
            # "我还要给老婆办一个" after a finished application: how to apply for a relative, not this file's step
            self.say(render.FOR_ANOTHER_AFTER_DONE)
            return
        # A finished application's applicant naming a business type starts the next one with it; a type's
        # own name ("积分续办") is that whatever the model reads, a question about one ("续办流程", read
        # as a question or a subject outside) is not. (The type's name is looked for only when the kind
        # alone does not decide: most messages are answers.)
        if not meant.asks and (meant.kind not in NOT_A_CHOICE or exactly_an_answer("business_type", match_form(text))) \
                and self.begins_anew(text):
            return
        field = field_of(self.state)
        if not meant.asks and (changed := self.corrected_in_passing(text, meant)):
            # "名字弄错了…", "我上个月又结婚了", "伊勿是国外读个 是安徽读个": those answers changed, then what
            # they bring still to ask, or the summary again — never taken for a confirmation. At the checklist
            # no "是" is asked first: the summary shown is already that question (the changed answers listed,
            # the checklist made again only on "确认"), and a second one would ask the same thing twice.
            self.record_several(replace(meant, kind="answers", fields=changed), text)
            return
        if not meant.asks and (changed := self.earlier_answer_put_right(text, meant)):
            # "噢 不对 我叫刘洋 不是张三" at the marital status, "对了 学校其实是XX大学" at the social years: the earlier
            # answer changed and said back, the question asked now asked again (its answer untouched)
            self.record_several(replace(meant, kind="answers", fields=changed, reason=None, refused={}), text)
            return
        if self.state == "summary" and not meant.asks and self.offer_bonus(text, meant):
            return
        if self.state == "summary" and not meant.asks and self.email_dictated_at_summary(text):
            return
        said = canonical(text).lower().rstrip("。.!！")
        # An okay to the answer shown again ("保持", "好的没问题", "对的 保持"): kept, unless it is this
        # question's answer ("是").
        okay = field in self.answers and self.state != "summary" and (
            keeps(said) or meant.kind not in ("answer", "answers")
            and (said in CONFIRM_WORDS or worded("confirmed", said) == "confirm"))
        start = len(self.replies)
        only_told = self.fresh and field is not None and answer_then_question(field, text) is None \
            and answer_after_question(field, text) is None \
            and choice_amid_story(field, text) is None  # "整啥积分啊 俺第一回整", "…今年第一次办 要啥材料": its own clause
        beside = self.correction_beside(text, meant)
        if not beside and self.unlisted_item_chosen(meant, text):  # "我先拍社保那个" with no 社保加分 chosen
            return
        if not beside and self.tells_how_to_delete(meant, text):  # "材料发错了怎么删": this stage's own commands
            return
        if not beside and self.confirms_beside_a_question(text):  # "没问题 确认 另外想问下…": both (try21 X59)
            return
        ACTIONS[decide(meant, asks_question=field is not None, okay_to_shown_answer=okay, only_told=only_told)](self, meant, text)
        if beside:  # after the command's reply: its answer first, then what was corrected, said back
            self.save_corrections(beside)
        if meant.refused:  # said first, or just after the list of what was saved
            listed_first = start < len(self.replies) and self.replies[start].startswith(render.SAVED_HEAD)
            at = start + 1 if listed_first else start
            self.replies[at:at] = [render.not_recorded(flow.QUESTIONS[f].label, why) for f, why in meant.refused.items()]

    def number_typed_for(self, meant: Interpretation, whose: str, value: Any) -> Interpretation:
        """A number given by someone typing for the applicant: the applicant's, said to be theirs, is the answer;
        the writer's own is refused, saying whose is needed (try15 T11, T12)."""
        label = flow.QUESTIONS[field_of(self.state)].label
        if whose == "theirs":
            return Interpretation("answer", 1.0, value=value)
        return Interpretation("non_answer", 1.0, reason=render.writers_own_not_applicants(label, self.conv.typing_for))

    def own_answer_asked(self, text: str) -> bool:
        """"我填的手机号是多少", "我的邮箱现在是什么": the applicant's own saved answer, numbers masked as every chat
        reply masks them, how to change it (once the form is locked, a new mobile or e-mail goes to staff), and the
        step again (try14 T40: a menu of questions about what the fields mean)."""
        said = _OWN_ANSWER_ASKED.fullmatch(match_form(text).strip(" ?？。.!！~～"))
        if said is None:
            return False
        locked = self.application_locked()
        answers = ((self.ctx.application or {}).get("answers") or {}) if locked else self.answers
        field = self.find_field(said.group(1).lower(), [f for f in flow.QUESTIONS if f in answers
                                                          and f not in ("consent", "confirmed")])
        if field is None:
            return False
        question = flow.QUESTIONS[field]
        value = mask_text(question.render(answers[field]))
        pending = ((self.ctx.application or {}).get("pending_contact") or {}).get(field) if locked else None
        self.say(render.own_answer_shown(question.label, value, locked=locked,
                                         contact=field in lifecycle.CONTACT_FIELDS,
                                         pending=mask_text(pending["new"]) if pending else None),
                 render.continue_with(self.resume_prompt()))
        return True

    def why_asked(self, text: str) -> str | None:
        """The reason an answer is asked, when ``text`` asks only that ("问这个干嘛" at the e-mail, "问这么多干嘛" at the
        summary: the answers as a whole); None elsewhere (consent has its own: what agreeing means)."""
        table, field = why_asked(), field_of(self.state)
        if self.state == "summary":
            field = None
        elif field not in table.reasons:
            return None
        about = table.about(field, text)
        return table.reason(about) if about else None

    def last_answer_put_right(self, text: str) -> tuple[str, Any] | None:
        """An answer given before this question said to be wrong, with its new value ("不对，孩子是1个", "说错了，
        我离婚了"), where the value is no answer to the question asked: (field, value) when it reads as the
        answer just given, or else as only one answer given so far that is one of a few values (a count, an
        option), and differs from the one saved; None otherwise."""
        rest, field = _put_right_value(text), field_of(self.state)
        if not rest or field not in flow.QUESTIONS or _read_as(field, rest) is not None:
            return None
        answered = [f for f in (field_of(s) for s in self.path()) if f in self.answers and f in flow.QUESTIONS
                    and f not in _NOT_PUT_RIGHT and not flow.QUESTIONS[f].as_typed
                    and not isinstance(flow.QUESTIONS[f], ChooseMany)]
        if self.just_answered in answered and (value := _read_as(self.just_answered, rest)) is not None:
            fits = {self.just_answered: value}
        else:
            fits = {f: v for f in answered if (v := _read_as(f, rest)) is not None}
        if len(fits) != 1:
            return None
        (target, value), = fits.items()
        return (target, value) if value != self.answers.get(target) else None

    def corrected_in_passing(self, text: str, meant: Interpretation) -> dict[str, Any]:
        """The answers ``text`` gives anew in everyday words: at the summary, any of them; at the checklist
        of a draft, with no material in hand, those the checklist is made from ("等下 我其实离婚了"), which is
        made again once the summary is confirmed. Neither is read into a plan or an aside (small talk, a
        question: "快离婚了", "有两个孩子的出生证明" — the corpus tells a fact told as done from them), nor
        into a command's message: the command runs ("转人工 我刚离婚了"), the change is left for later.
        At the checklist only an edit changes an answer, or a family paper struck off for a family changed
        ("结婚证不用交，我离婚了"); a material named is chosen ("看看学位证要求" adds no bonus)."""
        if meant.kind in _NEVER_A_CHANGE or meant.kind == "command" and meant.command not in _CHANGED_WITH:
            return {}
        if self.state == "summary":  # a number unlike the saved one replaces it only when said to be a change
            changed = changes_in(text, self.answers)
            beside_an_edit = meant.kind == "command" and meant.command == "edit" and OF_ANOTHER.search(canonical(text)) is None \
                and any(f not in flow.DISTINCTIVE_ANSWERS for f in changed)
            if says_own_number_changed(text) or beside_an_edit:
                return changed  # "婚姻状况 离异 手机 138…", edits side by side: the number is one (try17 T38 dropped it)
            return {f: v for f, v in changed.items() if f not in flow.DISTINCTIVE_ANSWERS}
        if self.state != "materials" or self.application_locked() or self.conv.material:
            return {}
        allowed = _CHANGED_WITH.get(meant.command, ()) if meant.kind == "command" else ()
        return {f: v for f, v in changes_in(text, self.answers).items() if f in allowed}

    def earlier_answer_put_right(self, text: str, meant: Interpretation) -> dict[str, Any]:
        """At a question, an answer given before it said anew with words that say it is a correction ("不对", "其实是",
        "不是张三"): the earlier answers it changes, when it answers nothing of the question asked now; empty
        otherwise. Someone else's number is never the applicant's put right ("对了 我老婆手机其实是139…")."""
        field = field_of(self.state)
        if field not in flow.QUESTIONS or self.state in flow.STOP_STATES or meant.kind == "answer" or field in meant.fields:
            return {}
        if meant.kind == "command" and (meant.command != "edit" or self.find_field(meant.argument.lower(), list(flow.QUESTIONS))):
            return {}  # an edit naming its answer ("不对 单位其实是…") is the edit's; one naming none ("不对 我叫…") is read here
        said = canonical(text)
        if not SAYS_A_CHANGE.search(said) or OF_ANOTHER.search(said):
            return {}
        asked_before = {field_of(s) for s in self.path()} - {field, None, *_NOT_PUT_RIGHT}
        return {f: v for f, v in changes_in(text, self.answers).items() if f in asked_before}

    def correction_beside(self, text: str, meant: Interpretation) -> dict[str, Any]:
        """At the checklist of a draft, a correction sent beside another command ("手机号错了是139… 先看看第3项"):
        the answers the clauses that are not the command's give anew, when they read as an edit by
        themselves. Only those the checklist is not made from: they change no item, so they are saved
        as they are; a family or bonus changed still goes through the summary (an edit said alone)."""
        if meant.kind != "command" or meant.command == "edit" or self.state != "materials" or self.application_locked():
            return {}
        if _SOMEONE_ELSE_TOLD_OF.search(canonical(text)):
            return {}  # "老公准备换工作 现在在谈上海…": another's job told beside a command, never the applicant's answer
        point = self.point()
        parts = clauses(text)
        rest = " ".join(p for p in parts if interpret(point, p)[0].command != meant.command)
        if not rest or len(rest) == len(" ".join(parts)):
            return {}
        said = interpret(point, rest, kb=self.ctx.kb)[0]
        if said.kind != "command" or said.command != "edit":
            return {}
        keep = _MAKE_THE_CHECKLIST if says_own_number_changed(rest) else _MAKE_THE_CHECKLIST.union(flow.DISTINCTIVE_ANSWERS)
        return {f: v for f, v in changes_in(rest, self.answers).items() if f not in keep}

    def save_corrections(self, changed: dict[str, Any]) -> None:
        """Answers corrected beside a command at the checklist: saved to the draft, each said back."""
        for field, value in changed.items():
            self.say_changed(field, value)
        self.save_application()

    # -- the policy's actions ----------------------------------------------------------------
    def record_answer(self, meant: Interpretation, text: str) -> None:
        field = field_of(self.state)
        if field == "email" and self.offer_email_meant(text):  # "zw@qq.con" parses, yet bounces
            return
        if field == "consent" and meant.value == "disagree":
            if self.refused_again():
                return
            self.forget_unconsented()
            if self.refused_for_the_window(text):
                return
            if refused_with_a_protest(match_form(text)):  # "不同意 凭甚要我担一切后果": heard, and what refusing means
                self.say(render.CONSENT_REFUSED_WITH_PROTEST)
                return
            self.on_invalid(ValidationError(flow.QUESTIONS["consent"].hint))
            return
        if self.asks_if_meant(field, meant.value, text):
            return
        if field == "employer" and isinstance(meant.value, str) and self.branch_beside(meant.value, text):
            # "温州某某鞋业有限公司 不过人在上海分公司": the company and a branch of it; which one signs the contract
            # and pays the social insurance decides the name, so nothing is saved until it is said whole
            self.say(render.company_or_branch(), self.prompt())
            return
        if field == "children" and isinstance(meant.value, int) and meant.value > 0 and _SOME_NOT_WITH_YOU.search(canonical(text)) \
                and children_away(canonical(text)) is None:
            # "3个，有的在老家不来上海": the count said holds children who are no 同住子女, how many not said; the number
            # is asked, not guessed (where it is said, "3个，其中一个在老家不来上海", the count read is those left: 2)
            self.say(render.children_not_all_with_you(meant.value), self.prompt())
            return
        if field == "children" and (placed := children_placed(canonical(text))) is not None:
            # "2个 一个在上海上幼儿园": the count said and where one is, not whether the other is entered: asked, not
            # guessed either way (try17 T44, T50: the one in Shanghai was recorded, the "2个" said dropped)
            self.say(render.children_count_open(*placed), self.prompt())
            return
        if field == "name" and (relative := a_helpers_own_name(text, meant.value)):  # "林晓（帮女儿办）": the writer's own name
            self.say(render.helpers_own_name(flow.QUESTIONS[field].label, str(meant.value), relative))
            return
        before = self.answers.get(field)
        self.set_answer(field, self.as_insisted(field, meant.value, text, before))
        self.note_converted(field, text)
        line = self.understood_line(field, text, before)
        told = line is not None and field == "business_type"  # taken from free text, not its number or name
        if line is None and self.welcomed_back:
            line = self.said_back(field)  # "刘强" after a pause resumes and answers: said, not taken silently
        self.say(self.rule_for_situation(meant) if told else None, line,
                 render.IF_NO_VALID_POINTS if told and self.answers[field] in flow.NEEDS_VALID_POINTS else None)
        if field == "spouse_options" and self.answers.get("children") == 0 and (child := _CHILD_TO_ADD.search(text)):
            # "不加老公，加我儿子" after 同住子女 0: the count that brings the child's papers, offered to change
            self.say(render.child_to_add_not_counted(child.group(1), flow.QUESTIONS["children"].label))
        if field == "edu_school" and self.answers.get("edu_foreign") is False and sounds_foreign_school(self.answers[field]):
            # "University of Leeds" after 国外学历 "否": one of the two is wrong, the applicant says which
            self.conv.pending = {"foreign_school": True}
            self.say(render.foreign_school_check(self.answers[field]))
            return
        self.after_answer()

    @staticmethod
    def branch_beside(value: str, text: str) -> bool:
        """Whether a branch is spoken of beside the employer read ("…有限公司 不过人在上海分公司": the branch read,
        the company beside it; "…有限公司，我在上海办事处上班"), not inside it ("…有限公司北京分公司")."""
        said, name = re.sub(r"\s", "", canonical(text)), re.sub(r"\s", "", canonical(value))
        if _WHOLE_NAME_SAID.search(said[:max(said.find(name), 0)]):  # "…上海分公司 全称是上海某某有限公司": the name settled on
            return False
        rest = said.replace(name, " ")
        return bool(_BRANCH_SAID.search(rest) or _BRANCH_SAID.search(value) and _COMPANY_SAID.search(rest))

    def asks_if_meant(self, field: str, value: Any, text: str = "") -> bool:
        """An answer seldom true ("10" children), a yes only murmured where it brings papers of its own ("嗯" to
        国外学历), a name said to be a family member's or read from its spelling-out, is asked about once before it
        is saved; whether it was."""
        murmured = field in flow.MURMUR_ASKED and value is True and murmurs(match_form(text))
        # "我老公叫李强": a family member's name is not the applicant's (as their ID number is not): not saved, asked
        # whether the applicant is that relative (someone typing for them names them so) — try18 U39; unless the
        # writer said before that they type for a relative ("你好 我帮我妈办的", then "我妈叫刘桂兰")
        relatives = field == "name" and isinstance(value, str) and a_relatives_name(text) and not self.conv.typing_for
        # "我叫李娜木子李娜是女字旁一个那字": a name read from its spelling-out run on by voice, asked before it is saved
        spelled = field == "name" and isinstance(value, str) and spelling_run_on(text) is not None
        # "不是全日制吧 是一年制授课型的": a guessed no where the flow has a way to tell (``flow.HOW_TO_TELL``): that way,
        # and the answer asked for again, never saved as firm (try18 U13). A guessed yes ("估计是吧") is saved and said
        # back, as before (try10 T33): a no drops the option's papers and points unseen, a yes shows what it asks for.
        # A clause that settles it beside the hedge ("不是吧，我是自考的": 自考 is never full-time) makes it no guess.
        guessed = field in flow.HOW_TO_TELL and value is False and any(hedged(part) for part in clauses(text)) \
            and not any(not hedged(part) and worded(field, canonical(part)) is False for part in clauses(text))
        if not _unlikely(field, value) and not murmured and not relatives and not spelled and not guessed:
            return False
        self.conv.pending = {"unlikely": field, "value": value}
        label = flow.QUESTIONS[field].label
        if guessed:
            self.say(flow.HOW_TO_TELL[field], render.guess_asked(label, flow.QUESTIONS[field].render(value)))
            return True
        self.say(render.relatives_name_asked(label, value) if relatives else render.spelled_name_asked(label, value)
                 if spelled else render.MURMURED_YES[field] if murmured else render.unlikely_answer(field, value))
        return True

    def rule_for_situation(self, meant: Interpretation) -> str | None:
        """A situation told in free text that picks a business type ("积分有效期内加孩子") is answered
        with what the seeds say applies to it, before the choice taken is said: the applicant sees
        why, and what would change it (expired points go with 续办)."""
        found = meant.kb
        if found is not None and found.status == "answered" and found.entry.topic == "business_type":
            return self.entry_text(found.entry)
        return None

    def set_answer(self, field: str, value: Any) -> None:
        """Save an answer; a changed one clears the answers given under the old one (a new business
        type asks for consent again under its own 服务须知)."""
        if self.answers.get(field, value) != value:
            if field == "business_type" and self.answers.get("consent") == "agree":
                self.conv.before_type_change = dict(self.answers)
            for dependent in (*flow.ASKED_AGAIN_WHEN_CHANGED.get(field, ()),
                              *(flow.ASKED_AGAIN_WHEN_CHANGED_TO.get((field, value), ()) if isinstance(value, str) else ())):
                self.answers.pop(dependent, None)
        self.answers[field] = value
        if field == "consent" and value == "agree":
            self.conv.before_type_change = {}
        if field == field_of(self.state) and field in self.conv.partly_told:
            self.conv.partly_told.remove(field)  # answered in full at its own question

    def adds_to_options_told(self, text: str) -> bool:
        """At a many-choice question asked with options told in passing ("您前面提到：职称加分"), a reply that adds to
        them ("还有社保", "另外应届生也有") or says they are all ("没有了", "就这些", "就这一个"): those told kept (review2:
        "还有社保" had left 社保 alone, "就这些" was read as a command). Whether the message was one of those."""
        field = field_of(self.state)
        told = self.answers.get(field)
        if field not in self.conv.partly_told or not isinstance(flow.QUESTIONS.get(field), ChooseMany) or not told:
            return False
        said = canonical(text).strip(" 。.!！~～")
        if _NONE_BESIDE.fullmatch(said):
            value = list(told)
        elif (more := _MORE_BESIDE.match(said)) is not None:
            added, error = value_of(field, said[more.end():])
            if error is not None or not added:
                return False
            value = [o.code for o in flow.QUESTIONS[field].options if o.code in {*told, *added}]
        else:
            return False
        self.record_answer(Interpretation(kind="answer", confidence=1.0, value=value), text)
        return True

    def partly(self, field: str, value: Any, text: str) -> bool:
        """Whether ``value``, read for a many-choice question (the spouse's, the bonus options) from a message sent at
        an earlier question, tells only some of its options and turns none of the rest down: the question is still
        asked, with the part told said (a bonus option chosen at its own question is not asked again)."""
        if field not in _TOLD_IN_PART or field in self.conv.partly_told:
            return False
        if field == "bonus_options" and field_of(self.state) in _ORDER and _ORDER.index(field_of(self.state)) > _ORDER.index(field):
            return False
        rest = {o.code for o in flow.QUESTIONS[field].options} - set(value or ())
        declined = set(options_declined(flow.QUESTIONS[field], text)) | options_turned_down(field, match_form(text))
        return bool(rest - declined)

    def as_insisted(self, field: str, value: Any, text: str, before: Any) -> Any:
        """A name, employer or school given again in the traditional form we saved in simplified
        characters and said so ("刘強" after 刘强 was said back with "与证件不一致请回复“修改 姓名”"): the
        applicant insists, so it is kept as typed; otherwise following our own advice would loop. One
        saved as typed in simplified characters ("刘强", then "刘強") was never said converted: no insisting."""
        if not flow.QUESTIONS[field].as_typed or not isinstance(value, str) or value != before \
                or field not in self.conv.converted:
            return value
        width = len(value)
        typed = (text[i:i + width] for i in range(len(text) - width + 1))
        return next((t for t in typed if t != value and to_simplified(t) == value), value)

    def saved_converted(self, field: str, text: str) -> bool:
        """Whether the name, employer or school just saved from ``text`` was typed in traditional characters
        and saved in simplified ones ("張偉" → 张伟)."""
        value = self.answers.get(field)
        return flow.QUESTIONS[field].as_typed and isinstance(value, str) and to_simplified(value) == value \
            and to_simplified(text) != text and value not in text

    def note_converted(self, field: str, text: str) -> bool:
        """Record, where the value is saved, that it was converted to simplified characters (said so by the
        caller): typed so again, it is insisted on (``as_insisted``). Whether it was converted."""
        converted = self.saved_converted(field, text)
        if converted and field not in self.conv.converted:
            self.conv.converted.append(field)
        return converted

    def understood_line(self, field: str, text: str, before: Any) -> str | None:
        """One short line saying which choice was taken from free text ("好的，为您办理：增加同住人"),
        that a name typed in traditional characters was saved in simplified ones, or that a part of a
        year was left out of the social-insurance years; nothing when the
        applicant typed the option's number or name, or kept the answer."""
        question = flow.QUESTIONS[field]
        value = self.answers[field]
        if field == "children" and (away := children_elsewhere(canonical(text))) is not None and away[0] == value:
            # "2个 一个在老家": the count said (children in the hometown count, as the development sets have it), said
            # back with the one elsewhere and how to leave that one out, never taken silently
            return render.children_counted_with_away(question.label, *away)
        if field == "social_years" and part_year_said(text):  # "大概七年半吧": 7, said so, not changed silently
            return render.whole_years(question.label, value)
        if question.as_typed and isinstance(value, str) and to_simplified(value) != value:  # "刘強" again: kept, said so
            return render.kept_as_typed(question.label, value)
        if self.saved_converted(field, text):  # "張偉": saved as 张伟, said so
            return render.saved_in_simplified(question.label, question.render(value))
        if question.as_typed and "·" in str(value) and "·" not in text:  # "买买提 艾力": saved as 买买提·艾力, said so
            return render.saved_with_middle_dot(question.label, question.render(value))
        if field == "id_number" and id_age(value, self.ctx.today) < ID_ADULT_AGE:  # a 17-year-old's: checked in the echo
            return render.minor_id_check(question.label, value, f"{value[6:10]}年{int(value[10:12])}月{int(value[12:14])}日",
                                         ID_ADULT_AGE)
        if field == "name" and an_employees_name(text):  # "我是人事 帮同事办 她叫…": the employee applies
            return render.employees_name(question.label, question.render(value))
        if field == "name" and FORMER_NAME.search(text):  # "刘强（曾用名刘小强）": the ID card's name, the other not needed
            return render.former_name_not_needed(question.label, question.render(value))
        if question.as_typed and canonical(value) != canonical(text).rstrip("。.!！~～ "):  # "合同是跟…签的": the name alone
            return render.read_from_sentence(question.label, question.render(value))
        if field in _BY_SHAPE and len(every_shaped(field, text)) > 1:  # "我老婆的是A 我的是B": B, said whose
            return render.own_of_several(question.label, question.render(value), self.conv.typing_for)
        if not isinstance(question, Choice) and field not in ("consent", "confirmed") \
                and (not _typed_as_saved(question.render(value), text) or hedged(text)):  # "一儿一女" → 2, "应该是吧"
            return render.read_as(question.label, question.render(value))
        if field in _BY_SHAPE and _said_beside(question, str(value), text):
            # "13911112222 我女儿帮我填的": the number taken from among other words is said back, as a name taken
            # from a sentence is: what was saved is in sight, whatever the words beside it
            return render.read_as(question.label, question.render(value))
        if not isinstance(question, Choice) or field in ("consent", "confirmed") or value == before:
            return None
        said = canonical(text).lower().rstrip("。.!！")
        if said.replace(" ", "").isdecimal() and not isinstance(question, ChooseMany) \
                or any(said == n for o in question.options for n in o.own_names()):
            return None  # options by their numbers are said back ("0", "1 3"): what they stand for is not in sight
        if field == "business_type":
            return render.chosen_business_type(question.render(value))
        if field == "marital_status" and (registered := marital_as_registered(match_form(text))) is not None:
            return render.understood_choice(question.label, f"{question.render(value)}（{registered[1]}）")
        return render.understood_choice(question.label, question.render(value))

    def record_several(self, meant: Interpretation, text: str, ask: bool = True) -> None:
        field = field_of(self.state)
        saved = []
        shown = self.checklist() if self.conv.application_id else []  # before the answers change it
        fields = flow.with_bonus_options(self.answers, meant.fields)
        no_bonus = len(fields) < len(meant.fields)
        # the answer asked for, seldom true ("10个 已婚"): the others saved, it asked about first
        held = fields.get(field) if _unlikely(field, fields.get(field)) \
            or field == "name" and isinstance(fields.get(field), str) and a_relatives_name(text) \
            and not self.conv.typing_for else None
        fields = {name: value for name, value in fields.items() if held is None or name != field}
        # An e-mail with a slip at a well-known provider, sent beside another answer ("138… 邮箱zw@qq.con"):
        # not saved as typed (it would bounce) but set aside, and asked for again at its own question.
        slip = email_meant(str(fields["email"])) if "email" in fields and field != "email" else None
        if slip is not None:
            fields = {name: value for name, value in fields.items() if name != "email"}
        if "business_type" in fields and fields["business_type"] != self.answers.get("business_type"):
            self.say(self.rule_for_situation(meant))
        replaced = []  # earlier answers, other than the one asked, that the message says otherwise
        for name, value in fields.items():
            if name == "bonus_options" not in meant.fields and self.answers.get(name) == value:
                continue  # the option a follow-up belongs to, chosen already (the school put right): nothing recorded
            if name == "name" != field and self.answers.get(name, value) != value and not _NAMES_ONESELF.search(text):
                continue  # "我是王芳，本科" at the bonus question: a name saved is changed only when said to be one
            if name == "consent" == field and worded("consent", canonical(text)) == value == "agree":
                self.set_answer(name, value)  # "同意 我叫张伟": agreed in its own words, the name beside it kept too
                continue
            if name == "bonus_options" != field and self.answers.get(name) and self.state not in ("summary", "materials"):
                # "有中级职称和社保" at the school after 学历加分 was chosen: options added to those chosen, none taken away
                value = [o.code for o in flow.QUESTIONS[name].options if o.code in {*self.answers[name], *value}]
            if name in flow.QUESTIONS and name not in ("consent", "confirmed"):
                if name != field and self.answers.get(name, value) != value and self.state not in ("summary", "materials"):
                    question = flow.QUESTIONS[name]  # "大专 后来自考了本科" after 全日制 "是": 否, said so
                    replaced.append(render.earlier_answer_replaced(
                        question.label, question.render(self.answers[name]), question.render(value)))
                self.set_answer(name, value)
                saved.append(name)
                if name != field and self.state not in ("summary", "materials") and self.partly(name, value, text):
                    self.conv.partly_told.append(name)  # "已婚 加老婆": whether she has 本市户籍 still asked
        converted = [render.saved_in_simplified(flow.QUESTIONS[name].label, flow.QUESTIONS[name].render(self.answers[name]))
                     for name in saved if self.note_converted(name, text)]  # "王志強 1101…": 王志强, said so
        left = self.edits_left(text, saved) if self.state == "summary" else []
        described = [label for label in left if label in self.edits_left(text, saved, described=True)]
        left = [label for label in left if label not in described]  # "单位加上（集团）": the whole name asked for
        self.say(self.saved_list(saved) if saved else None, meant.aside, *converted, *replaced,
                 render.edits_not_made(left) if left else None, *map(render.whole_value_wanted, described),
                 render.NO_BONUS_FOR_TYPE if no_bonus else None, render.email_slip_set_aside(*slip) if slip else None)
        if held is not None:
            self.asks_if_meant(field, held, text)
        elif field in self.answers:
            self.after_answer(ask=ask)
        else:
            if self.state in ("summary", "materials"):  # an answer given there may bring questions still to ask
                self.answers.pop("confirmed", None)  # a changed checklist is confirmed again
                self.jump(self.path()[-1])
                self.say(render.CHECKLIST_REBUILT if self.conv.application_id else None,
                         render.checklist_changes(shown, self.checklist()) if self.conv.application_id else None)
            if ask:
                self.say(self.prompt())

    def edits_left(self, text: str, saved: list[str], described: bool = False) -> list[str]:
        """The labels of the answers a clause of ``text`` asks to change ("…，学校改成某某学院") that were not
        changed with the rest: said, never dropped silently, or the applicant confirms believing them done.
        ``described``: only those whose change is described rather than given ("单位加上（集团）两个字", try17 T39)."""
        editable = [s for s in self.path() if s in flow.QUESTIONS and s in self.answers and s != "consent"]
        named = (self.find_field(part.lower(), editable) for part in clauses(text)
                 if describes_an_edit(part) or not described and SAYS_A_CHANGE.search(part))
        return list(dict.fromkeys(flow.QUESTIONS[f].label for f in named if f is not None and f not in saved))

    def record_found(self, meant: Interpretation, text: str) -> None:
        """Answers found in a message that does not answer the question asked: recorded, except an ID
        number, mobile or e-mail unlike the one already saved (a spouse's, a child's), which is kept and said;
        replacing one is asked for in words ("修改 手机号码")."""
        field = field_of(self.state)
        if meant.reason:  # "身份证…，我老婆手机139…": the wife's mobile left out, said so
            self.say(meant.reason)
        unlike = {name for name, value in meant.fields.items() if field not in meant.fields
                  and name in flow.DISTINCTIVE_ANSWERS and (self.number_saved(name) not in (None, value) or name in self.answers
                                                            and OF_ANOTHER.search(canonical(text)))}
        for name in sorted(unlike):
            question = flow.QUESTIONS[name]
            self.say(render.another_value_kept(question.label, question.render(self.answers[name]),
                                               question.render(meant.fields[name])))
        rest = {name: value for name, value in meant.fields.items() if name not in unlike}
        if rest:
            self.record_several(replace(meant, fields=rest), text)
        else:
            self.say(self.prompt())

    def refused_again(self) -> bool:
        """The consent refused when a new business type asked for it again, consent given before: the type agreed
        to and every answer kept, and the applicant goes on from where they were (review3 R3); False otherwise."""
        kept = self.conv.before_type_change
        if not kept:
            return False
        new_type = flow.QUESTIONS["business_type"].render(self.answers["business_type"])
        self.conv.answers, self.conv.before_type_change = dict(kept), {}
        self.say(render.type_change_refused(new_type, flow.QUESTIONS["business_type"].render(kept["business_type"])))
        self.advance()
        self.say(self.prompt())
        return True

    def forget_unconsented(self) -> None:
        """The consent refused: the answers told before it ("我叫王芳 身份证…" as a first message), kept until it was
        given, are dropped, and struck from the transcript (PIPL: nothing personal kept without consent); said so.
        The business type and the permit's date, the way to the consent, stay."""
        dropped = [f for f in self.answers if f not in _ON_THE_WAY_TO_CONSENT]
        if not dropped:
            return
        said = tuple(str(self.answers[f]) for f in dropped if f in _TYPED_PERSONAL and self.answers[f])
        for name in dropped:
            self.answers.pop(name)
        self.conv.partly_told, self.conv.converted = [], []
        self.effects.append(ForgetUnconsented(said=said))
        self.say(render.unconsented_forgotten([flow.QUESTIONS[f].label for f in dropped if f in flow.QUESTIONS]))

    def refused_for_the_window(self, text: str) -> bool:
        """A refusal at the consent with a plan to apply in person ("算了不同意 我去窗口交"): the refusal taken as
        said, with where to go as the knowledge base has it, and the way back to applying here; False for a
        refusal without such a plan (the consent is asked again)."""
        if not _IN_PERSON.search(text):
            return False
        where = self.ctx.kb.entry(flow.IN_PERSON_ENTRY) if self.ctx.kb is not None else None
        self.say(render.CONSENT_REFUSED_IN_PERSON, self.entry_text(where) if where is not None else None,
                 render.CONSENT_STILL_OPEN)
        return True

    def saved_list(self, fields: list[str]) -> str:
        """The answers just saved, by their labels, as the applicant will see them again."""
        return render.several_saved([(flow.QUESTIONS[f].label, flow.QUESTIONS[f].render(self.answers[f])) for f in fields])

    def record_and_answer(self, meant: Interpretation, text: str) -> None:
        field = field_of(self.state)
        if field == "consent" and meant.value == "disagree":  # not agreeing is nothing to go on with
            if self.refused_again():
                return
            self.forget_unconsented()
            if not self.refused_for_the_window(text):
                self.try_faq(text, meant.kb)
            return
        if meant.fields:  # several answers, then a question: all kept, the question answered, where we are said
            self.record_several(meant, text, ask=False)
        else:
            before = self.answers.get(field)
            self.set_answer(field, self.as_insisted(field, meant.value, text, before))
            self.note_converted(field, text)
            self.say(render.PUT_RIGHT if self.put_to_check(field, text) else None,
                     self.understood_line(field, text, before) or self.said_back(field))  # "离婚了，孩子归我要交啥": 离异 was taken
            self.after_answer(ask=False)
        # A remark read like a search that finds nothing ("1 没啥加分 就是为了孩子上学") asked nothing, a
        # tag wanting a yes ("都对 可以生成吧") wanted no answer, and "係唔係咁寫" is answered by the answer
        # said back: no "out of scope", the next question instead. Another question the sources have
        # nothing on is said so briefly: the answer beside it is kept.
        form = match_form(text)
        quiet = not asks(form) or only_seeks_agreement(form) or self.put_to_check(field, text)
        # several answers, then a question: the question alone is searched (try19 V16: "手机… 没邮箱 另外问下社保断缴…"
        # found the entry on whose mobile and e-mail to give)
        asked = question_after_answers(text) if len(meant.fields) > 1 else None
        found = None if asked else self.asked_of_the_type_chosen(
            field, text, self.question_after_the_answer(field, text, meant.kb))
        if not self.try_faq(asked or text, found, quiet_miss=quiet, answer_kept=True, about=field):
            self.say(self.prompt())

    def question_after_the_answer(self, field: str, text: str, found: Any) -> Any:
        """What the knowledge base makes of a message that answers ``field``, then asks (``found``: of the whole message),
        or of its question alone when only that is answered: the answer's own words or digits, which no entry has, left
        the entry the question meant unsure ("110101199003078515 那后面要交啥材料", "未婚 后面要交啥材料"). A type, the consent
        or the confirmation is the subject of what is asked beside it ("积分续办 以前的积分还有效吧": the points of a
        renewal, not of anything), and an answer the knowledge base is sure of stays whole ("离婚了，孩子归我要交啥")."""
        asked = question_after_answers(text, least=1)
        if asked is None or self.ctx.kb is None or field in NOT_FILLED_IN \
                or found is not None and found.status == "answered":
            return found
        alone = self.ctx.kb.ask(asked)
        return alone if alone.status == "answered" else found

    def options_added_while_open(self, text: str) -> bool:
        """At the checklist while staff have the bonus options open (``lifecycle.options_opened``), options said to be
        put on in words ("加上社保加分", "社保也要加"): chosen again as "修改 加分选项" with them is, their follow-ups
        asked, the checklist made again at the confirmation (it was read as out of scope). Whether it was that."""
        if self.state != "materials" or asks(match_form(text)) or not self.opened_by_staff("加分选项"):
            return False
        saved = (self.ctx.application or {}).get("answers") or self.answers
        chosen = changes_in(text, saved).get("bonus_options")
        if not chosen or not set(chosen) - set(saved.get("bonus_options") or ()):
            return False
        question = flow.QUESTIONS["bonus_options"]
        self.intent_edit(CommandCall(f"{question.label} {question.render(chosen)}", text=text))
        return True

    def asked_of_the_type_chosen(self, field: str | None, text: str, found: Any) -> Any:
        """The knowledge base's answer to a question asked beside the business type it chooses ("今年第一次办 要啥材料"):
        the entry telling when that type applies says back what was just chosen (try20 W29), so what is told and asked
        beside the choice is put with the type's name ("积分新办 要啥材料"), or, that unsure, the question alone (a story
        told first, "我在上海交了三年社保", weighs on entries it does not ask about); ``found`` otherwise."""
        if field != "business_type" or self.ctx.kb is None or not _tells_when_a_type_applies(found):
            return found
        beside = clauses_beside(field, text)
        question = " ".join(part for part in clauses(beside) if asks(match_form(part)))
        chosen = flow.QUESTIONS[field].render(self.answers[field])
        for said in dict.fromkeys(s for s in (beside, question) if s):
            if _tells_when_a_type_applies(asked := self.ctx.kb.ask(f"{chosen} {said}")):
                break
            if asked.status == "answered":
                return asked
        return found

    def put_to_check(self, field: str, text: str) -> bool:
        """Whether the message asks only whether the answer it gives was put the right way ("2027/6/30 係唔係咁寫",
        "上海某某科技有限公司可以吗"): saying it back as saved answers it."""
        form = match_form(text)
        put = value_put_to_check(form)
        return checks_how_it_is_put(form) or (put is not None and match_form(str(self.answers.get(field))) == put)

    def said_back(self, field: str) -> str | None:
        """An answer given beside a question, said back as saved (nothing for consent or a confirmation)."""
        if field in NOT_FILLED_IN - {"business_type"}:
            return None
        question = flow.QUESTIONS[field]
        return render.understood_choice(question.label, question.render(self.answers[field]))

    def answer_question(self, meant: Interpretation, text: str) -> None:
        if self.state == "summary" and not self.application_locked() and _CHANGE_AFTER_CONFIRMING.search(match_form(text)):
            # "确认之后还能改吗" at the summary: this 确认 makes the checklist; answers change until submitted
            self.say(render.CHANGES_UNTIL_SUBMITTED, render.continue_with(self.prompt()))
            return
        if self.state in flow.HOLD_STATES and not self.conv.application_id and _UPLOAD_FIRST_ASKED.search(match_form(text)):
            # "那我能先把材料传了吗" while the permit is too short: no checklist yet, so nothing can be sent (try16 T14:
            # the FAQ's "其他几项可以先上传", about a material missing from a made checklist, said yes)
            self.say(render.NO_UPLOAD_BEFORE_THE_CHECKLIST, self.prompt())
            return
        if self.asks_about_submitting(meant, text):  # "可以再交了吗": yes or what is missing, nothing submitted
            self.answer_whether_ready(text)
            return
        if self.asks_about_spouse_papers_not_listed(text, meant.kb):  # "我老婆的身份证要传吗", no spouse option chosen
            spouse = flow.QUESTIONS["spouse_options"]
            self.say(render.spouse_papers_not_listed(spouse.render(self.answers.get("spouse_options") or [])),
                     render.continue_with(self.resume_prompt()))
            return
        if isinstance(meant.item, int) and self.conv.application_id:  # "第11项是什么", "item 4 requirement?"
            self.answer_about_items([meant.item, *(meant.value or ())], text)
            return
        if (returned := self.returned_item_in(text)) is not None:  # "委托单日期没问题啊 你们看错了吧"
            self.answer_about_items([returned], text)
            return
        found = meant.kb if meant.kb is not None or self.ctx.kb is None else self.ctx.kb.ask(text)
        found = self.about_the_options(text, found)
        number = self.item_asked_about(text, found)
        if number is not None:  # "配偶身份证是指什么", which the knowledge base has no one entry for
            self.answer_about_items([number], text)
            return
        if _REVIEW_CONTESTED.search(text) and self.point() == "returned":
            # "我名字没错啊 是不是你们看错了": the return is what it is about, whatever entry shares its words: the
            # reviewer's reasons again, and a person to re-check them. A question the knowledge base is unsure of is no
            # objection ("审核的人电话多少", "什么叫调档 看不懂": try20 W18); objections in other words are read as such by
            # the understanding (``Interpretation.contests``) before any question is answered.
            self.contest_the_return(text)
            return
        self.try_faq(text, found, in_step=True)

    def about_the_options(self, text: str, found: Any) -> Any:
        """A question about the options shown by their place or together ("第二个选项什么意思", "这两个选项有啥区别"):
        the knowledge base's answer to it with the options' names (what they mean), when it has one; else ``found``."""
        options = getattr(flow.QUESTIONS.get(field_of(self.state) or ""), "options", ())
        if self.ctx.kb is None or not options:
            return found
        asked = options_asked_about(match_form(text), [o.label for o in options])
        answer = self.ctx.kb.ask(asked) if asked is not None else None
        return answer if answer is not None and answer.status == "answered" else found

    def asks_about_spouse_papers_not_listed(self, text: str, found: Any) -> bool:
        """Whether ``text`` asks about the spouse's papers where the checklist made has none (no spouse
        option chosen): the applicant's own item of the same kind is not what it asks about. An entry on a
        spouse option's own papers ("配偶是上海户口要传什么") answers for itself."""
        if self.state != "materials" or not self.conv.application_id or not _SPOUSE_PAPERS.search(canonical(text)):
            return False
        if found is not None and found.status == "answered" and getattr(found.entry, "material", None) in _SPOUSE_ITEMS:
            return False
        return not {m.code for m in self.checklist()} & _SPOUSE_ITEMS

    def yes_to_whom(self, field: str | None, text: str) -> bool:
        """While a support person has the applicant's request open, a bare yes ("是的", "好的", "嗯") may answer
        them, not the question waiting here: it is not taken silently for the commitment, the confirmation or a
        yes/no answer. Support sees it in the conversation; the question's own word ("同意", "确认", "是") still
        answers it here, said so."""
        if not self.ctx.escalation_open or field is None \
                or not (isinstance(flow.QUESTIONS.get(field), Choice) or field in _YES_OR_NO):
            return False
        said = canonical(text).lower().rstrip("。.!！~～ ")
        own = _OWN_YES.get(field, "是")
        if said not in _BARE_YES or said == own:  # the word the reply asks for ("是" to a yes/no question) answers it
            return False
        self.say(render.yes_while_with_support(own), render.current_step(self.prompt()))
        return True

    def answer_story(self, meant: Interpretation, text: str) -> None:
        """A first message that tells a story and asks: its question answered; when the knowledge base
        is unsure of it, with the rule of the situation the story tells (which business type applies
        to it, "积分还在有效期内但换了工作单位的，办单位信息变更"): the choice stays the applicant's."""
        found = meant.kb
        question = flow.QUESTIONS[field_of(self.state)]
        if (found is None or found.status != "answered") and self.ctx.kb is not None and isinstance(question, Choice):
            rule = self.ctx.kb.ask(_WHEN_CHOSEN.format(question.render(meant.value)))
            found = rule if rule.status == "answered" and rule.entry.topic == question.field else found
        self.answer_question(replace(meant, kb=found), text)

    def run_meant_command(self, meant: Interpretation, text: str) -> None:
        if held_back(meant.command or "", text):  # "我确认不了 先等等", "先别提交": refused, so nothing is done
            if meant.command in ("retake", "cancel"):
                self.conv.retaken_page = {}  # a page said to be retaken is no more (review7 R7-3)
            self.say(render.HELD_BACK[meant.command or ""])
            if meant.command == "confirm_application" and (why := _beside_the_step(text)) and self.try_faq(why, quiet_miss=True):
                return  # "确认不了 系统登不上" (try21 X60): the trouble said beside it answered (how to log in), the step after
            self.say(render.current_step(self.resume_prompt()))
            return
        if meant.command == "view_item" and meant.asks and isinstance(meant.item, int) and self.conv.application_id \
                and not asks_how_to_send(match_form(text)):  # "委托单拍好了，怎么发给你": chosen, to be sent
            self.answer_about_items([meant.item], text)  # "身份证拍哪项": answered, nothing chosen for upload
            return
        if meant.command == "view_item" and meant.asks and (returned := self.returned_item_in(text)) is not None:
            self.answer_about_items([returned], text)  # "劳动合同哪里不对啊 我明明传了": its reason, not upload mode
            return
        if meant.command == "progress" and (returned := self.returned_item_in(text)) is not None:
            self.answer_about_items([returned], text)  # "为啥身份证被退了": that item's reason, not the whole progress
            return
        if meant.command == "history" and self.fresh and not self.conv.application_id \
                and self.ctx.kb is not None and (told := self.ctx.kb.ask(text)).status == "answered":
            # A first message looking up past applications ("历史记录") from someone with nothing begun here: they are
            # on the platform itself, so what the knowledge base says of them, not an empty list of ours.
            self.try_faq(text, told)
            return
        if meant.command == "human" and self.point() == "returned" and _REVIEW_CONTESTED.search(text) \
                and match_intent(text) is None:
            # "我名字没错啊 审的人搞错了吧" read as asking for a person: the reasons contested, and a person to re-check
            self.contest_the_return(text)
            return
        if self.about_a_later_step(meant, text):
            return
        later = meant.value if meant.command == "view_item" and isinstance(meant.value, tuple) else ()
        self.run_command(meant.command or "help", meant.argument, meant.item, text, later, meant.implied)

    def contests_the_return(self, meant: Interpretation, text: str) -> bool:
        """A message the understanding reads as saying the return is wrong, in any words ("合同是今年续签过的",
        "凭什么退回 上个月才盖的章"): the item it names, its reason and the contest taken to a person, or the reasons
        and the contest; a command said in its own words ("补好了 重新提交") runs instead. False when nothing is done."""
        if meant.kind == "command" and (meant.command not in _CONTEST_READ_AS or match_intent(text) is not None):
            return False
        if (returned := self.returned_item_in(text)) is not None:
            self.answer_about_items([returned], text, contested=True)
        else:
            self.contest_the_return(text)
        return True

    def contest_the_return(self, text: str) -> None:
        """The reviewer's reasons again, and the contest taken to a person who re-checks them: a return the
        applicant disputes ("我名字没错啊 审的人搞错了吧"), with what they said as the reason."""
        self.say(render.own_return_reasons(self.record(), self.checklist()), self.return_contested(text),
                 render.continue_with(self.resume_prompt()))

    def about_a_later_step(self, meant: Interpretation, text: str) -> bool:
        """A first message in free words that reads as a step not yet reached ("发现上报的申办信息写错了":
        the 申办信息有误 of an application confirmed elsewhere) tells of that step, with nothing here
        to take it on: answered from the knowledge base when it has something for it. A command's own
        words ("提交", "申办信息有误 单位不对") still run, or say the step is not yet reached."""
        rule = COMMANDS.get(meant.command or "")
        if not self.fresh or self.ctx.kb is None or rule is None or self.stage() in rule.stages \
                or exact_intent(text) is not None or match_intent(text) is not None:
            return False
        found = self.ctx.kb.ask(text)
        return found.status != "out_of_domain" and self.try_faq(text, found)

    def keep_answer(self, meant: Interpretation, text: str) -> None:
        self.after_answer()

    def small_talk(self, meant: Interpretation, text: str) -> None:
        said = canonical(text)
        kind = meant.command or ("thanks" if "谢" in said or "thank" in said.lower() else "emoji")
        if kind == "thanks":
            # "通过了 谢谢 没问题的": thanked for the approval, whose confirmation is still the applicant's to do
            awaited = self.point() == "approved" and self.state == "materials"
            self.say(render.YOU_ARE_WELCOME, self.next_step_brief() if awaited else None)
        elif self.state == "materials" and (returned := self.returned_item_in(text)) is not None:
            self.answer_about_items([returned], text)  # "委托单日期没问题啊 你们看错了": its reason, and 人工 offered
        elif kind == "complaint" and self.application_status() not in (None, "draft"):
            # "都提交两天了还没消息 到底有没有人在看": the wait, not the form: where the application stands, a person offered
            status = self.application_status()
            where = render.own_return_reasons(self.record(), self.checklist()) if status == "returned" \
                else render.status_brief(self.record())
            self.say(render.SORRY_FOR_THE_WAIT, where, render.PERSON_IF_NEEDED)
        elif kind == "feeling":  # "好紧张啊 第一次弄这个": a kind word, then the step waiting in a line (not the whole list)
            self.say(render.TAKE_YOUR_TIME, self.next_step_brief() if self.state == "materials" else
                     render.current_step(self.prompt()) if not self.fresh else self.prompt())
        elif kind in _OWN_REPLY:  # "你是机器人吗", "怎么这么麻烦啊": said, then the question waiting
            self.say(_OWN_REPLY[kind], render.current_step(self.prompt()) if not self.fresh else self.prompt())
        elif kind == "never_mind":  # "算了不撤了": nothing was being done; where they are, in a line
            self.say(render.OKAY, render.current_step(self.resume_prompt()))
        elif kind == "greet":
            if self.fresh or self.welcomed_back:  # the welcome (back) is already said
                self.say(self.prompt())
            elif self.ctx.escalation_open:  # "有人吗？？" while a person is asked for: asking after them
                self.intent_human(CommandCall())
            else:
                self.say(render.GREETING_BACK, render.current_step(self.prompt()))
        elif getattr(flow.QUESTIONS.get(field_of(self.state) or ""), "hint", "") and WAITING.search(said):
            self.intent_pause(CommandCall())  # "等下 我去找下材料" at the summary: kept for later, said so (not the hint again)
        elif meant.asks and self.state == "materials" and self.subject_at() and self.try_faq(text, quiet_miss=True):
            return  # "咋又退回来了？？", "过了？": asked about the step the application's status waits for
        elif self.state == "materials" and acknowledges(match_form(text)):
            self.acknowledged_at_the_checklist()
        else:  # an okay, an emoji, a feeling: acknowledged with the question waiting
            self.ask_gently()

    def ask_gently(self) -> None:
        """The question waiting, without a word about the reply: for consent and the confirmation only
        what is awaited, briefly (their hint), for the others the question itself."""
        hint = getattr(flow.QUESTIONS.get(field_of(self.state) or ""), "hint", "")
        self.say(hint or (self.prompt() if self.fresh else render.current_step(self.prompt())))

    def ask_again(self, meant: Interpretation, text: str) -> None:
        if self.fresh:  # a first message that chooses nothing: the welcome and the question
            self.say(self.prompt())
            return
        field = field_of(self.state)
        ahead = self.answers_ahead(field, text)
        if ahead:  # "离异" at the children question: kept for its own question, this one asked again
            if field == "consent":  # typed before agreeing: kept for their questions, and consent still asked
                none_kept_yet = not any(f in self.answers for f in flow.certainly_ahead(field))  # said once
                for name, value in ahead.items():
                    self.set_answer(name, value)
                self.say(self.saved_list(list(ahead)), render.KEPT_UNTIL_CONSENT if none_kept_yet else None,
                         flow.QUESTIONS["consent"].hint)
                return
            # "身份证…(a digit wrong) 手机139…": the mobile kept, and why the ID number is not; but a message that is
            # wholly a later answer ("已婚" at the employer) was no try at this one: no refusal beside the record (try16 T1)
            if meant.reason and not any(exactly_an_answer(f, match_form(text)) for f in ahead) and set(ahead) != {"name"}:
                self.say(meant.reason)
            self.record_several(replace(meant, kind="answers", fields=ahead), text)
            return
        if field == "social_years" and self.offer_years_since(text):
            return
        if self.state == "summary" and self.spouse_dropped(text):  # "老婆不加了" said at the summary
            return
        if field == "email" and self.offer_email_meant(text):
            return
        if murmurs(match_form(text)):
            # "嗯", "啊？": no answer tried and missed, so no "还不能确定…", and no failure counted — three
            # murmurs are someone reading or thinking, not stuck at a question a person must look at.
            self.ask_gently()
            return
        # "我不记得了，在哪看": where to look, not the date again; but "我不知道选哪个 以前没弄过" is answered by the
        # option its fact points to, offered with the options (each with its note) for a yes
        if meant.asks and meant.offered is None and self.answered_at_step(text):
            return
        if field in flow.HOW_TO_TELL and _NOT_KNOWN_SAID.search(match_form(text)) and not self.said_why_no_date(field, text):
            # "不知道" whether the degree is full-time, "五年还是六年 记不清了": what decides it or where to look it
            # up, and the question left to come back to
            self.say(flow.HOW_TO_TELL[field], render.COME_BACK_TO_IT, self.prompt())
            return
        if meant.refused and field is not None and field not in meant.refused:
            # "身份证号是139…" at the mobile: the number refused as the answer it is said to be tells what is wrong
            # (said first, by the caller); this question's own error beside it made two for one message (fix38's
            # leftover). One reply, and the question again.
            self.conv.failures += 1
            self.say(self.prompt())
            return
        reason, offered = meant.reason, meant.offered
        if field == "permit_expiry" and _EXPIRED_SAID.search(match_form(text)):  # "去年就到期了": renewed first
            reason = render.permit_too_short_prompt(None, self.ctx.today)
        elif field == "permit_expiry" and _NOT_YET_ENDORSED.search(match_form(text)):  # "下个月才去签注": no date yet,
            reason = render.ENDORSE_FIRST  # and why: what to do, not a date-format error
        elif field == "employer" and _SELF_EMPLOYED.search(match_form(text)) and (told := self.self_employed_told()):
            reason = told  # "我是个体户 自己开了家奶茶店": who may apply, not "不像是单位名称" (try13 T32)
        if reason is None and field is not None:
            error = self.answer_refusal(field, text)
            reason, offered = (error.message, getattr(error, "value", None)) if error else (render.not_an_answer(field, text.strip()), None)
        self.on_invalid(ValidationError(reason or render.not_an_answer(None, text.strip())))
        if offered is not None and field is not None:
            self.conv.pending = {"offered": field, "value": offered}  # one option offered: a yes ("对", "嗯") chooses it
            if meant.asks and isinstance(flow.QUESTIONS.get(field), Choice):  # "我不知道选哪个": what each option is for
                self.say(self.prompt())
        if field == "id_number" and (begun := _ID_BEGUN.fullmatch(re.sub(r"[\s\-]", "", to_halfwidth(spoken_digits(text))))):
            self.conv.pending = {"id_begun": begun.group(1)}  # 17 digits: the last one may follow ("最后一位是X")
        if field == "permit_expiry" and (part := date_part_said(text, today=self.ctx.today)):
            # "2027年2月30日": "2月28" may follow, in that year; "27年底" or "2028年3月": "31号", "月底" in that month
            self.conv.pending = {"date_year": part[0], "date_month": part[1]}

    @staticmethod
    def said_why_no_date(field: str, text: str) -> bool:
        """At the permit's date, the permit said expired or not yet endorsed ("不清楚，还没签注"): what to do
        about it is the answer, not where the date is printed."""
        form = match_form(text)
        return field == "permit_expiry" and bool(_EXPIRED_SAID.search(form) or _NOT_YET_ENDORSED.search(form))

    def answered_at_step(self, text: str) -> bool:
        """A reply that is no answer and asks ("我不记得了，在哪看"): answered when the knowledge base, asked with
        the step's subject, is sure of it; otherwise (False) it is asked again as usual."""
        kb, subject = self.ctx.kb, self.subject_at(text)
        if kb is None or subject is None:
            return False
        found = kb.ask_at(text, subject)
        return found.status == "answered" and self.try_faq(text, found)

    def offer_years_since(self, text: str) -> bool:
        """A start year said for the social-insurance years ("2009年开始交"): the years since then (in
        Shanghai's today) offered for a yes, as a restart is confirmed; another reply is read as usual."""
        start, month = paid_since(text) or (None, None)
        if start is None:
            return False
        # From a month, the full years to today ("2019年7月开始交的" on 2026-11-24: 7); from a year alone, about the years between.
        years = (self.today.year * 12 + self.today.month - start * 12 - month) // 12 if month else self.today.year - start
        if not 0 < years <= 50:
            return False
        before = years_paid_before(text)  # "2018到2020交了2年 中间断了 2022到现在又交了": both stretches count
        if not 0 < before + years <= 50:
            before = 0
        self.conv.pending = {"years": before + years}
        self.say(render.years_since(start, years, before, month))
        return True

    def offer_bonus(self, text: str, meant: Interpretation) -> bool:
        """At the summary, a bonus not chosen named alone ("社保") or told about without its question
        ("2025年毕业的 硕士" with no 学历加分): asked whether to add it, for a yes, rather than met with
        "请回复确认" or the list of what can be changed."""
        chosen = self.answers.get("bonus_options") or []
        if self.answers.get("business_type") not in flow.BONUS_TYPES:
            return False
        said = match_form(text).strip().rstrip("。.!！~ ")
        named = [o.code for o in flow.BONUS_OPTIONS if said in o.names()]
        # Told about only where nothing else takes it: an edit ("社保交了6年") brings its bonus already.
        told = [code for code, asked in flow.BONUS_FOLLOW_UPS.items()
                if any(f in asked for f in extract(text, "summary"))] if meant.kind in ("non_answer", "smalltalk") else []
        offered = next((c for c in named + told if c not in chosen), None)
        if offered is None:
            return False
        self.conv.pending = {"bonus": offered}
        self.say(render.bonus_offered(flow.QUESTIONS["bonus_options"].render([offered]), told=offered not in named))
        return True

    def email_dictated_at_summary(self, text: str) -> bool:
        """At the summary, the e-mail named and said aloud ("邮箱是 zhang wei 123 艾特 qq 点 com"): an edit of the
        e-mail, the address read offered for a yes as at its own question (no entity reader finds it: it has no @)."""
        if "email" not in self.answers or not _EMAIL_NAMED.match(to_simplified(text.strip())) or email_meant(text) is None:
            return False
        self.answers.pop("confirmed", None)
        self.jump("email")
        self.conv.failures = 0
        return self.offer_email_meant(text)

    def offer_email_meant(self, text: str) -> bool:
        """An address at a well-known provider with a slip in its domain ("zw@qq.con", "zw@qq,com"): the
        address meant offered for a yes, neither saved as typed (the notices would bounce) nor refused
        bare; the slip sent again is kept as typed."""
        slip = email_meant(text)
        if slip is None:
            return False
        self.conv.pending = {"typed": slip[0], "email": slip[1]}
        self.say(render.email_meant(*slip))
        return True

    @staticmethod
    def email_after_offer(offer: dict[str, str], text: str) -> str | None:
        """The address a reply to :meth:`offer_email_meant` settles on: the one offered for a yes ("对的",
        "是qq.com"), the slip as typed when it is sent again and is an address; None for anything else
        (another address, "无"), which is read as usual."""
        said = text.lower().rstrip("。.!！~ ")
        domain = offer["email"].partition("@")[2]
        if re.search(r"不|没(?!错)|(?<!没)错|别", said) or asks(said):  # "不是qq.com", "是不是…我也不确定": no yes ("没错" is one)
            said = ""
        if says_yes(said) or worded("confirmed", said) == "confirm" or said and "@" not in said and domain in said.replace(" ", ""):
            return offer["email"]
        if email_meant(text) == (offer["typed"], offer["email"]):
            try:
                return parse_value("email", offer["typed"])
            except ValidationError:  # "zw@qq" again: no address to keep, so the offer stands
                return None
        return None

    def answers_ahead(self, field: str | None, text: str) -> dict[str, Any]:
        """Answers to questions that certainly come later and are not answered yet: an option's own
        name for a single-choice one (never a number: "2" chooses nothing there), or what the entity
        reader finds ("两个小囡", "结婚了呀", an ID number); at the permit's date or the consent, a name introduced ("我叫赵磊"),
        never a bare short reply ("考虑一下" is no name)."""
        form = match_form(text).strip()
        if field is None or not form or form.isdecimal():
            return {}
        later = [s for s in flow.certainly_ahead(field) if s in flow.QUESTIONS and s not in self.answers]
        # A number alone where another answer is asked is named as what it is and not kept (it may be the
        # wrong reply to this question); before consenting there is no answer to mistake it for.
        alone = EXACT_VALUE.match(form) and field != "consent"
        theirs = anothers_given(field, text)  # "我老婆手机139…": not the applicant's mobile
        own = anothers_facts_dropped(field, text).text  # "…我爸妈离婚了": the parents' marriage, never the applicant's
        found = {} if alone else {f: value for f, value in extract(own, field).items() if f in later and f not in theirs}
        for state in later:
            question = flow.QUESTIONS[state]
            if type(question) is Choice and not question.strict and exactly_an_answer(state, form) \
                    and self.answer_error(state, text) is None:
                found.setdefault(state, parse_value(state, text))
        if field in _BEFORE_THE_NAME and "name" not in self.answers and not found and (name := introduced_name(text)) is not None:
            found["name"] = name  # "我叫张伟" at the permit's date too, as an ID number there is kept (try18 U2)
        return found

    @staticmethod
    def answer_error(field: str, text: str) -> str | None:
        error = Turn.answer_refusal(field, text)
        return error.message if error else None

    @staticmethod
    def answer_refusal(field: str, text: str) -> ValidationError | None:
        """Why the question's own parser does not take ``text`` (None when it does)."""
        try:
            parse_value(field, text)
        except ValidationError as err:
            return err
        return None

    def decline(self, meant: Interpretation, text: str) -> None:
        if meant.command == "today":  # "今天几号了": the date in Shanghai, then the question waiting (never a pause)
            self.say(render.todays_date(self.today), render.current_step(self.prompt()) if not self.fresh else self.prompt())
            return
        kb = self.ctx.kb
        if kb is not None and self.district_asked:  # "电话多少", read alone as not ours, follows "浦东人才中心地址"
            followed = kb.in_district(text, kb.ask(text), self.district_asked)
            if followed.status == "answered" and followed.entry.district == self.district_asked:
                self.try_faq(text, followed)
                return
        self.not_answered(text)
        self.say(render.continue_with(self.resume_prompt()))

    def english(self, meant: Interpretation, text: str) -> None:
        self.say(render.ENGLISH_NOTE, render.current_step(self.prompt()))

    def acknowledged_at_the_checklist(self) -> None:
        """"好的", "收到", "嗯嗯" after the checklist (read as small talk or as a non-answer): the step waiting, in a
        line — never the knowledge base's answer to words that ask nothing, nor how to choose a material while the
        application is with the reviewers."""
        self.say(*((render.CHOOSE_MATERIAL, render.UPLOAD_HOW) if self.application_status() in (None, "draft")
                   else (self.next_step_brief(),)))

    def choose_material(self, meant: Interpretation, text: str) -> None:
        if acknowledges(match_form(text)):
            self.acknowledged_at_the_checklist()
            return
        if self.said_of_a_return(text):
            return
        material = self.material_named(text)
        if material is not None:
            self.select_material(material)
        elif not self.try_faq(text, meant.kb, quiet_miss=True):
            self.say(render.CHOOSE_MATERIAL, render.UPLOAD_HOW)

    # -- commands ----------------------------------------------------------------------------
    def run_command(self, name: str, argument: str = "", item: int | str | None = None, text: str = "",
                    later: tuple[int, ...] = (), implied: bool = False) -> None:
        rule = COMMANDS.get(name)
        if rule is None:
            self.intent_help()
        elif self.stage() not in rule.stages and not (name == "view_item" and self.leave_edit()):
            self.not_at_checklist(rule.elsewhere)
        else:
            rule.run(self, CommandCall(argument, item, text, later, implied))

    def leave_edit(self) -> bool:
        """An item chosen ("先传第2和第3项") while an answer of the made checklist is asked again: the
        answers stay as they are (confirmed again) and the checklist is back. Only while nothing has
        changed: a new answer given (its checklist differs) waits for its summary to be confirmed."""
        if not self.conv.application_id or self.application_locked() or self.path()[-1] != "summary":
            return False
        saved = (self.ctx.application or {}).get("answers") or {}
        if any(saved.get(f) != v for f, v in self.answers.items() if f not in ("consent", "confirmed")):
            return False
        self.answers["confirmed"] = "confirm"
        self.jump("materials")
        self.say(render.EDIT_LEFT)
        return True

    def not_at_checklist(self, elsewhere: str = render.CHECKLIST_NOT_YET) -> None:
        """A command of the checklist's stage said before it: ``elsewhere``, with the step waiting; while
        the answers of a made checklist are being changed, that the list is rebuilt on confirming."""
        self.say(render.REBUILT_AFTER_CONFIRM if self.conv.application_id else elsewhere, self.prompt())

    def intent_start(self, _: CommandCall | None = None) -> None:
        if (self.ctx.application or {}).get("status") == "done":
            self.conv = ConversationState()
            self.say(render.NEW_AFTER_DONE)
        self.say(self.prompt())

    def intent_help(self, call: CommandCall | None = None) -> None:
        if self.in_stage() and self.application_status() in (None, "draft", "returned") and not self.checklist_made:
            # "拍好了怎么发给你", "咋上传啊" at the checklist or while photographing: how to send, where they are (the
            # service's introduction told them none of it)
            self.tell_how_to_send(call.text if call is not None else "")
            return
        self.say(render.HELP, render.current_step(self.prompt()))

    def intent_progress(self, call: CommandCall) -> None:
        if self.state == "materials":
            self.say(render.progress_text("", 0, [], self.ctx.application or self.draft_view()))
            return
        if not self.answers and not self.conv.application_id:
            # Nothing begun here ("进度" as a first message, often of an application made elsewhere): no step
            # of a form to show, but how progress is followed, as the knowledge base says, then the start.
            self.say(render.NOTHING_BEGUN)
            # what the message itself asks of it first ("我的材料被打回来了": the return's entry), else how progress is followed;
            # a file looked up by its number is asked nothing more ("138… 这个号码的申请到哪了" is no question on the form)
            own = self.ctx.kb.ask(call.text) if self.ctx.kb is not None and call.text and not looks_up_a_file(call.text) \
                else None
            if not (own is not None and own.status == "answered" and self.try_faq(call.text, own)) \
                    and not self.try_faq(INTENTS["progress"][0], quiet_miss=True):
                self.say(self.prompt())
            return
        path = self.path()
        answered = [flow.QUESTIONS[f].label for s in path if (f := field_of(s)) in self.answers
                    and f not in ("consent", "confirmed")]
        label = flow.QUESTIONS[field_of(self.state)].label if field_of(self.state) else self.state
        if self.state == "summary":
            label = render.SUMMARY_STEP
        # Mid-form (a first pass, or an answer being changed): the progress, then the question waiting.
        step = path.index(self.state) + 1 if self.state in path else len(path)  # revisited: its own place
        self.say(render.progress_text(label, step, answered, None, rebuilding=bool(self.conv.application_id)),
                 render.current_step(self.prompt()))

    def intent_pause(self, call: CommandCall) -> None:
        if self.state == "summary" and _TO_CHECK.search(call.text) and (field := self.find_field(
                call.text.lower(), [s for s in self.path() if s in flow.QUESTIONS and s in self.answers])):
            # "别急着提交 我再核对下手机号": a wait to check one answer, not a pause: the answer held (a number
            # masked, as the transcript keeps it), how to change it, and the summary still waiting for "确认"
            question = flow.QUESTIONS[field]
            self.say(render.answer_shown(question.label, mask_text(question.render(self.answers[field]))),
                     flow.QUESTIONS["confirmed"].hint)
            return
        if self.application_status() == "approved":
            # "信息没问题 但是我想等明天再确认" (try21 X58): the confirmation waits, said with the deadline it runs to
            # (then it is confirmed by itself); nothing of a form is left to keep for later
            self.say(render.HELD_BACK["confirm_application"], render.current_step(self.resume_prompt()))
            return
        put_off = None
        if self.state == "materials" and self.conv.material and not self.conv.photos and _PUT_OFF.search(call.text or "") \
                and self.puts_off_the_item_in_hand(call.text or ""):
            # "算了 合同明天再传" with the item chosen and none of its pages sent: the item is let go, so that the next
            # photo (of another paper, today) is asked about, never filed as that item's (try21 X26)
            codes = [m.code for m in self.checklist()]
            code = self.conv.material
            put_off = render.item_put_off(codes.index(code) + 1 if code in codes else None, self.material_name(code))
            self.conv.material, self.conv.material_file = None, None
        self.conv.paused = True
        self.say(put_off, render.SAVED_FOR_LATER)

    def intent_human(self, call: CommandCall) -> None:
        # Asked again while support has it: the request is added to the open one, and said so. Asked in anger
        # ("气死了 叫你们管事的来"): sorry first, where it is handed over.
        # the applicant's own words first: support reads the request in its list without opening the transcript
        # ("我要人工 我是hr 帮3个员工一起办变更 能不能批量"; try17 T23)
        # masked before it is cut: a number cut short is no longer one the mask knows (an ID's first 9 digits shown)
        said = mask_text(call.text.strip())[:200] if call.text else ""
        self.effects.append(Escalate("requested", note=(f"“{said}”；" if said else "") + f"当前步骤：{self.state}"))
        if self.ctx.escalation_open:
            self.say(render.STILL_WITH_SUPPORT)
        else:
            self.say(render.SORRY_UPSET if _ANGRY_DEMAND.search(canonical(call.text)) else None, render.HANDED_TO_SUPPORT)

    def complaint(self, text: str) -> None:
        """A complaint is for a person to hear: taken to support with what was said (joining a request already
        open), said so, with where the application stands (a complaint about slow review of an application not
        yet submitted is answered by that) and the step again."""
        self.effects.append(Escalate("complaint", note=text[:200]))
        status = self.application_status()
        where = None if status is None else render.NOT_SUBMITTED_NO_REVIEW if status == "draft" \
            else render.status_brief(self.record())
        self.say(None if self.ctx.escalation_open else render.SORRY_UPSET,
                 render.COMPLAINT_WITH_SUPPORT if self.ctx.escalation_open else render.COMPLAINT_TAKEN, where,
                 render.current_step(self.resume_prompt()))

    def intent_erase(self, _: CommandCall) -> None:
        """Erasing an applicant's data is support's (it checks who asks, and a submitted application
        comes back first): the request goes to them, said so. The next message may take it back."""
        self.effects.append(Escalate("erase", note=f"当前步骤：{self.state}"))
        self.conv.pending, self.conv.erase_requested = "erase", True
        self.say(render.ERASE_REQUESTED)

    def intent_keep_data(self, _: CommandCall) -> None:
        """A request to erase taken back: support reads it on the same escalation before erasing anything.
        With none open, "不删了" takes back nothing asked of support ("删掉第5项" not done): never mind."""
        if not (self.conv.erase_requested and self.ctx.escalation_open):
            self.say(render.OKAY, render.current_step(self.resume_prompt()))
            return
        self.conv.erase_requested = False
        self.effects.append(Escalate("erase_withdrawn", note=f"当前步骤：{self.state}"))
        self.say(render.ERASE_WITHDRAWN, render.current_step(self.prompt()))

    def intent_no_human(self, _: CommandCall) -> None:
        """A request for a person taken back: support reads it on the same escalation (and closes it);
        with none open there is nothing to take back. An open request to erase one's data or a dispute
        of the approval is no request for a person: never closed by this (they have their own take-backs)."""
        if not self.ctx.escalation_open or self.conv.erase_requested or self.application_status() == "disputed":
            self.say(render.OKAY, render.current_step(self.resume_prompt()))
            return
        self.effects.append(Escalate("human_withdrawn", note=f"当前步骤：{self.state}"))
        self.say(render.SUPPORT_NOT_NEEDED, render.current_step(self.resume_prompt()))

    def intent_restart(self, _: CommandCall) -> None:
        if self.application_status() == "done":
            self.intent_start()
            return
        if self.application_locked():
            self.say(render.RESTART_LOCKED)
            return
        self.conv.pending = "restart"
        # The draft goes with the answers, and with it the files uploaded for it: said, so that one who only
        # wants to change an answer uses 修改 instead.
        uploaded = [code for code, item in ((self.ctx.application or {}).get("materials") or {}).items()
                    if item.get("sha256")] if self.conv.application_id else []
        self.say(render.restart_confirm(len(uploaded)))

    def intent_withdraw(self, _: CommandCall) -> None:
        """Only support can take back what was submitted (the review may be under way); a draft
        needs no withdrawing, it can be cleared."""
        self.say(render.WITHDRAW_BY_SUPPORT if self.application_locked() else render.NOTHING_TO_WITHDRAW)

    def restart(self, business_type: str | None = None) -> None:
        if self.conv.application_id:
            self.effects.append(DiscardApplication(self.conv.application_id))
        self.conv = ConversationState()
        if business_type is None:
            self.say(render.RESTARTED, self.prompt())
            return
        self.set_answer("business_type", business_type)
        self.say(render.RESTARTED, render.chosen_business_type(flow.QUESTIONS["business_type"].render(business_type)))
        self.after_answer()

    def restart_as(self, text: str, *, replying: bool = True) -> str | None:
        """The business type a reply to "restart?" restarts as ("我要办积分续办", "不是新办，是续办"): another
        type than the current one, in a reply that does not begin by cancelling or going on ("算了，还是
        新办吧", "算了，不换续办了" keep everything). Not ``replying`` (an edit said at a question), 算了 gives
        up the type chosen before ("算了，我还是办新办吧" after 续办): the type named is the one wanted."""
        if parse_ordinal(text) is not None or replying and _GOES_ON.match(text):  # "第3项" names no type
            return None
        named = self.business_type_named(text)
        if named is None:  # two types, one of them denied: the reading of the business-type question
            meant = interpret("business_type", text, kb=None)[0]
            named = meant.value if meant.kind == "answer" else None
        return named if named != self.answers.get("business_type") else None

    def business_type_named(self, text: str) -> str | None:
        """The business type ``text`` names, by its parser (a type's name or number in words)."""
        try:
            return parse_value("business_type", text)
        except ValidationError:
            return None

    def intent_back(self, call: CommandCall) -> None:
        if self.state == "materials" and self.conv.material:  # photographing: back is the checklist, not the summary
            self.back_to_checklist(call)
            return
        if self.application_locked():
            self.say_locked()
            return
        path = self.path()
        here = path.index(self.state) if self.state in path else len(path)
        if self.state == "materials":
            here = len(path) - 1  # materials sits after the confirmed summary
        if here == 0:
            self.say(render.FIRST_STEP, self.prompt())
            return
        self.answers.pop("confirmed", None)
        self.jump(path[here - 1])
        self.say(self.prompt())

    def back_to_checklist(self, call: CommandCall) -> None:
        """"返回" while a material is photographed: the checklist again, the item put down; photos already sent
        for it are not dropped unasked, so with some the applicant is told how to finish or drop them."""
        code = self.conv.material
        sent = len(self.conv.photos) + len(self.conv.unassigned)
        if sent:
            self.say(render.back_with_photos(self.material_name(code), sent))
            return
        self.conv.material = None
        self.intent_checklist(call)

    def contact_replaced_without_value(self, text: str, meant: Interpretation) -> str | None:
        """The contact field (mobile, e-mail) a message says was replaced in the applicant's life ("手机号换了", "邮箱不用了",
        "我换号了"), when it names no other answer and gives no new value; None otherwise, and for a form answer said
        wrong or wished changed ("手机号不对", "邮箱想改个新的": at approval the 申办信息有误 report), the commands typed as
        such ("修改 手机号码": the locked form's own refusal), a question other than how, or a finished application."""
        said = canonical(text).strip()
        if self.application_status() == "done" or said.startswith((*EDIT_PREFIXES, *DISPUTE_PREFIXES)) \
                or not _CONTACT_REPLACED.search(said) or _CONTACT_WRONG.search(said) or _CHANGE_WISHED.search(said) \
                or _CONTACT_KEPT.search(said) \
                or meant.asks and not _HOW_TO_CHANGE.search(said):
            return None
        named = [f for f in flow.QUESTIONS if f not in ("consent", "confirmed") and self.find_field(said.lower(), [f])]
        if len(named) != 1 and not (not named and _NUMBER_REPLACED.search(said)):
            return None
        field = named[0] if named else "mobile"
        if field not in lifecycle.CONTACT_FIELDS or any(every_shaped(f, text) for f in lifecycle.CONTACT_FIELDS):
            return None
        return field

    def option_asked_about(self, form: str) -> str | None:
        """What an option of the choice asked now is, from the flow's own text, when the message asks what its number
        means ("2是啥", "选3是办什么的"); None otherwise."""
        question = flow.QUESTIONS.get(field_of(self.state) or "")
        asked = _OPTION_ASKED.fullmatch(form.strip())
        if asked is None and asks(form) and (checked := _OPTION_CHECKED.fullmatch(form.strip())) is not None \
                and isinstance(question, Choice) and any(checked.group(2) in option.names() for option in question.options):
            asked = checked  # "1是新办吗": whether the number is the option named, asked — what it is, said; nothing chosen
        if asked is None or not isinstance(question, Choice) or not question.numbered:
            return None
        number = int(asked.group(1))
        if not 1 <= number <= len(question.options):
            return None
        option = question.options[number - 1]
        return render.option_explained(number, option.label, option.note)

    def dates_asked(self, form: str) -> str | None:
        """How the 2 natural days to confirm are counted (weekends included; the applicant's own deadline where
        approved), or that no application deadline is given, when that is asked; None otherwise."""
        if not asks(form):
            return None
        if _TWO_DAYS_COUNTED.search(form):
            record = self.ctx.application or {}
            return render.confirmation_days_counted(record.get("confirm_by") if record.get("status") == "approved" else None)
        if _APPLICATION_DEADLINE_ASKED.search(form) and not _ANOTHER_DEADLINE.search(form):
            return render.NO_APPLICATION_DEADLINE
        return None

    # -- answers ------------------------------------------------------------------------
    def begins_anew(self, text: str) -> bool:
        """After a finished application, naming a business type ("积分续办", a year on) starts the
        next application with it. A number still chooses a material."""
        if self.application_status() != "done" or text.strip().isdecimal():
            return False
        if exact_intent(text) == "start":
            # "办理" (the word the finished application's reply asks for): a new application, whose type is asked — the
            # parser reads 办理 as 积分新办, and one whose 新办 is done needs 续办, 变更 or 同住人 next (try21 X21)
            return False
        value = self.business_type_named(text)
        if value is None:
            return False
        self.conv = ConversationState()
        self.say(render.NEW_AFTER_DONE)
        self.set_answer("business_type", value)
        self.after_answer()
        return True

    def after_answer(self, ask: bool = True) -> None:
        self.conv.failures = 0
        self.conv.faq_misses = 0  # misses count "in a row": an answer in between breaks the row
        before = self.state
        self.conv.just_answered = field_of(before)
        self.advance()
        if before in ("permit_expiry", "permit_too_short") and self.state == "consent":
            self.say(render.transfer_note(self.answers["permit_expiry"], self.ctx.today))
        if ask:
            self.say(self.prompt())

    def check_how_it_was_put(self, field: str) -> bool:
        """"这样写对吗" right after an answer: an employer or school saved by a short name ("上海华为") is not
        the full name the contract or the diploma prints, so that is asked for, at that question again;
        any other answer was checked when it was saved, and is said back. False when nothing is saved."""
        if field not in self.answers or field not in flow.QUESTIONS or field in NOT_FILLED_IN - {"business_type"} \
                or self.application_locked():
            return False
        question = flow.QUESTIONS[field]
        value = question.render(self.answers[field])
        if field in _ORGANISATIONS and not is_full_organisation(canonical(value)):
            self.answers.pop("confirmed", None)
            self.jump(field)
            self.say(render.full_name_wanted(field, question.label, value), self.prompt())
            return True
        self.say(render.put_right(question.label, value),
                 render.continue_with(self.resume_prompt()))
        return True

    def on_invalid(self, err: ValidationError) -> None:
        self.conv.failures += 1
        self.conv.refused = mask_text(err.message)  # kept in the state until the next message: numbers masked at rest
        self.say(err.message)
        # Three failures call support once: not again while support has the applicant.
        if self.conv.failures == FAILURES_BEFORE_ESCALATION and not self.ctx.escalation_open:
            self.effects.append(Escalate("repeated_failure", note=f"{self.state}: {err.message}"))
            self.say(render.STUCK_ESCALATED)
        if not isinstance(flow.QUESTIONS.get(field_of(self.state) or ""), Choice):
            self.say(self.prompt())

    # -- questions answered from the knowledge base ---------------------------------------
    def try_faq(self, text: str, answer: Any = None, quiet_miss: bool = False, in_step: bool = False,
                answer_kept: bool = False, about: str | None = None) -> bool:
        """Answer ``text`` from the knowledge base (``answer`` when the interpretation already
        asked it), then say where the applicant was. ``quiet_miss``: say nothing when it has no
        answer (the caller has its own hint). ``in_step``: a question about the step it is asked at
        ("外包公司还是甲方" where the employer is asked), which nothing answers, is told what to fill.
        ``answer_kept``: the question came with an answer, saved: a miss is said briefly, not as out of scope.
        ``about``: the field the question is about, when not the one now asked (the answer beside it, saved)."""
        kb = self.ctx.kb
        if kb is None and answer is None:
            if quiet_miss:
                return False
            self.say(render.OUT_OF_SCOPE, render.continue_with(self.resume_prompt()))
            return True
        answer = answer if answer is not None else kb.ask(text)
        if kb is not None and (subject := self.subject_at(text, about)) and (not self.fresh or answer.status == "out_of_domain"):
            # a question naming no subject of its own is about the step's ("那我选哪个" while the business type is
            # asked, "我不记得了，在哪看" at the permit's date, "后面还要干嘛" once approved); a first message's words
            # that the knowledge base reads are its own story ("等了两周一条短信都没有"), not the type asked next
            answer = kb.ask_at(text, subject, answer)
        if kb is not None and answer.status != "answered" and self.state == "materials" and self.conv.material \
                and not _ANOTHER_SUBJECT.search(text):  # ("孩子的要不要拍", "能不能快点审": their own menu, review8 R8-6)
            # a question while an item is photographed that names no paper ("要不要拍背面", "合同有20页 都要拍吗"): asked of
            # the item in hand, its entry answers it (try21 X25, X43: out of scope, or a choice with 社保补缴 in it)
            own = kb.ask(f"{self.material_name(self.conv.material)} {text}")
            if own.status == "answered" and getattr(own.entry, "material", None) == self.conv.material:
                answer = own
        if kb is not None and (item := self.own_item_named(text, about)) is not None:
            # "勒个名字要写全称吗" at the name: the applicant's name, not the employer's
            others = [n for f, q in flow.QUESTIONS.items() if f != item for n in q.names() if len(n) > 1]
            answer = kb.ask_about(text, flow.QUESTIONS[item].label, flow.QUESTIONS[item].names(), others, answer)
        if kb is not None:
            answer = kb.in_district(text, answer, self.district_asked)  # "电话多少" after "浦东人才中心地址"
            self.conv.district = kb.district_of(text) or self.district_asked
        if quiet_miss and answer.status == "out_of_domain":
            return False
        resume = render.continue_with(self.resume_prompt())
        if answer.status == "answered" and getattr(answer.entry, "asker_not_eligible", False) \
                and self.state == "business_type" and not self.conv.application_id:
            resume = render.IF_STILL_APPLYING  # "我是上海户口 能办积分吗": no business type offered as though they may
        if answer.status == "answered":
            self.conv.faq_misses = 0
            self.conv.offered_type = getattr(answer.entry, "business_type", None)
            self.conv.explained = about or self.find_field(text.lower(), list(flow.QUESTIONS))
            also = [self.entry_text(entry) for entry in getattr(answer, "also", ())]  # the other half of a two-part question
            self.say(self.own_status(answer.entry), self.entry_text(answer.entry), *also, self.asked_later(text, about), resume)
            return True
        if answer.status == "ambiguous" and answer.candidates:
            self.conv.pending = {"faq": [c.id for c in answer.candidates[:3]]}
            self.say(render.which_question([(FAQ_LETTERS[i], c.questions[0]) for i, c in enumerate(answer.candidates[:3])]))
            self.count_miss(text)
        else:
            self.not_answered(text, in_step, answer_kept)
        self.say(resume)
        return True

    def subject_at(self, text: str = "", field: str | None = None) -> str | None:
        """What the step waiting is about, for a question that names nothing of its own: the question
        asked, or after approval the confirmation awaited ("那现在到底要不要确认啊", "后面还要干嘛").
        A question naming another item of the form, and not the one asked, is about that item ("手机要填吗"
        where the ID number is asked is about the mobile, not the ID number). ``field``: the question
        answered beside it ("一个，不过在老家读书，算不算" is about the children, not what is asked next)."""
        field = field or field_of(self.state)
        if (question := flow.QUESTIONS.get(field or "")) is not None:
            said = canonical(text).lower()
            named = self.find_field(said, [f for f in flow.QUESTIONS if f != field])
            if named is not None and self.find_field(said, [field]) is None:
                return flow.QUESTIONS[named].label
            return question.label
        if self.conv.material:  # "打印机坏了 手写的行吗" while the 承诺书 is photographed: about that material
            return self.material_name(self.conv.material)
        return _AWAITED_AT.get(self.point())

    def puts_off_the_item_in_hand(self, text: str) -> bool:
        """Whether a put-off ("算了 明天再传") is of the item being photographed: it names no checklist item, or names
        that one. "算了 合同明天再传" while the ID card is in hand puts off the contract, and keeps the ID card
        (review8 R8-8)."""
        checklist = self.checklist()
        named = item_named(text, [m.name for m in checklist])  # ("合同" alone is one pair: the contract)
        return named is None or checklist[named - 1].code == self.conv.material

    def own_item_named(self, text: str, about: str | None = None) -> str | None:
        """The question asked (or ``about``) where a question names it before any other item of the form
        ("名字要写全称吗" at the name; "单位名字…" names the employer); None otherwise."""
        field = about or field_of(self.state)
        if field not in flow.QUESTIONS:
            return None
        return field if self.find_field(canonical(text).lower(), list(flow.QUESTIONS)) == field else None

    def asked_later(self, text: str, about: str | None = None) -> str | None:
        """A question about an item of the form still to come, and not the one asked ("电话要填吗" where the
        ID number is asked): that it is asked later, here, so nothing is to be typed for it now."""
        field = about or field_of(self.state)
        if field is None or field not in flow.QUESTIONS:
            return None
        said = canonical(text).lower()
        if not _ABOUT_FILLING.search(said):  # "邮箱收不到通知怎么办": about the item, not about filling it in now
            return None
        later = [s for s in flow.certainly_ahead(field) if s in flow.QUESTIONS and s not in self.answers]
        named = self.find_field(said, later)
        if named is None or self.find_field(said, [field]) is not None:
            return None
        return render.asked_later(flow.QUESTIONS[named].label)

    def not_answered(self, text: str, in_step: bool = False, answer_kept: bool = False) -> None:
        field = field_of(self.state) if in_step and not self.fresh else None
        field = field if field not in NOT_FILLED_IN else None  # chosen or agreed to: nothing to type
        self.say(render.NOT_FOUND_ANSWER_KEPT if answer_kept else
                 render.not_found_at(flow.QUESTIONS[field].label) if field else render.OUT_OF_SCOPE)
        if self.ctx.kb is None or self.ctx.kb.is_ours(text):  # the weather, twice, is nothing for support to look at
            self.count_miss(text)

    def count_miss(self, text: str) -> None:
        self.conv.faq_misses += 1
        if self.conv.faq_misses >= FAQ_MISSES_BEFORE_ESCALATION:
            self.conv.faq_misses = 0
            # Two questions in a row without a confident answer: a person should look, unasked.
            if not self.ctx.escalation_open:
                self.effects.append(Escalate("low_confidence", note=text[:200]))
                self.say(render.QUESTION_ESCALATED)

    def entry_text(self, entry: Any) -> str:
        text = entry.answer
        material = getattr(entry, "material", None)
        codes = [m.code for m in self.checklist()] if self.state == "materials" else []
        if material and material in codes:
            text += render.checklist_item_note(codes.index(material) + 1, catalogue().materials[material].name)
        return text

    def own_status(self, entry: Any) -> str | None:
        """Where the applicant's own application stands, for an entry about a status it may be in
        ("为什么被退回": their own reasons); None for other entries."""
        status = getattr(entry, "about_own_status", None)
        if status is None:
            return None
        record = self.ctx.application
        if not record and not self.answers:  # nothing begun here: it may have come back elsewhere (外服云, 积分系统)
            return None
        if not record or record.get("status", "draft") == "draft":
            return render.NOT_SUBMITTED_YET
        if record.get("status") != status:
            return render.not_in_status(status, record["status"])
        if status == "approved":  # "我先看看申办信息对不对": what was reported, to check before confirming
            return render.own_reported_answers(record.get("answers") or self.answers, self.path())
        return render.own_return_reasons(record, self.checklist())

    def self_employed_told(self) -> str | None:
        """The knowledge base's answer on whether the self-employed may apply (asked in its own words); None without one."""
        found = self.ctx.kb.ask(_SELF_EMPLOYED_ASKED) if self.ctx.kb is not None else None
        return self.entry_text(found.entry) if found is not None and found.status == "answered" else None

    def faq_entry_text(self, entry_id: str) -> str:
        entry = self.ctx.kb.entry(entry_id) if self.ctx.kb is not None else None
        return self.entry_text(entry) if entry else render.ANSWER_GONE


# Working for oneself said where the employer is asked ("我是个体户 自己开了家奶茶店", "自己开店的 个体工商户"): the
# knowledge base's answer to whether the self-employed may apply is why it is no employer (the entry, asked in its words).
_SELF_EMPLOYED = re.compile(r"个体户|个体工商户|个体经营|自己开(?:了|的)?(?:一?家|个|一个)?\S{0,4}?(?:店|铺|摊)|自己当老板|自雇")
_SELF_EMPLOYED_ASKED = "个体工商户能办积分吗"
# The words introducing one's own details said before a request ("我是…", "本人…", "身份证号…"): who is asking.
_OWN_DETAIL_LEAD = re.compile(r"^[\s,，]*(?:你好|您好)?[\s,，]*(?:我是|我叫|本人是?|申请人是?|姓名[:：是]?|"
                              r"(?:我的)?(?:身份证(?:号码|号)?|证件号码?|手机(?:号码|号)?)[:：是]?)?\s*")
# One's details said to have changed or be wrong: a correction for the reviewer, never only who asks.
_OWN_DETAIL_CHANGED = re.compile(r"换|改|不用了|停机|停用|错|注销|丢了")
# After the checklist, what the step an application's status waits for is about (``Turn.subject_at``).
_AWAITED_AT = {"approved": "确认申办信息", "returned": "退回原因"}
# What the knowledge base is asked for the rule of a situation whose choice is ``{}`` (its entry on
# when that business type applies: "什么情况办单位信息变更").
_WHEN_CHOSEN = "什么情况办{}"
# A choice that points at what was just told rather than naming it ("那就办这个吧", "行 就这个业务", "就它了"):
# the whole message, nothing asked about it ("这个要什么材料" is a question), and a choosing word said (就, 办, 选…,
# or 吧/了 after the pointer): "哦这样", "这个" alone are an acknowledgement.
_THE_ONE_TOLD = re.compile(r"^(?:好的?|行|嗯+|哦+|ok|可以|明白了?)?(?:那|那么)?我?(?:就(?:办|选|要|申请|弄)?|办|选|要|申请|弄)"
                           r"(?:这个|这项|这种|这一个|这一项|它)(?:业务)?(?:吧|了|呗|啦|好了|就行|的)*$|"
                           r"^(?:那|那么)?就?这样办(?:吧|了)?$|^(?:那|那么)?就?(?:这个|它)(?:吧|了)$")
# A reply to "restart?" that begins by keeping the application, whatever business type it names.
_GOES_ON = re.compile(r"\s*(?:算了|不用|不了|不要|别|取消|继续|还是|接着)")


@dataclass(frozen=True)
class CommandCall:
    """What a command was said with: the words after it (an edit's item and new value, a dispute's
    report), the checklist item it names, and the whole message."""

    argument: str = ""
    item: int | str | None = None
    text: str = ""
    later: tuple[int, ...] = ()  # items named after ``item`` ("拍3和4"): said to come next
    implied: bool = False  # read from words that do not say the command (``Interpretation.implied``)


@dataclass(frozen=True)
class CommandRule:
    """Where a command applies, what it does there, and what is said elsewhere (with the prompt)."""

    run: Callable[[Turn, CommandCall], None]
    stages: frozenset[str] = EVERYWHERE
    elsewhere: str = render.NOT_YET


# A child said to be added ("加我儿子", "要加的是孩子"), at the spouse options.
_CHILD_TO_ADD = re.compile(r"(?<![不别])(?:加|添|增加|添加)(?:的是|上)?(?:我|俺)?(?:的|家)?(" + words.either(words.CHILDREN) + ")")
# Answers that are an organisation's full name, as a document prints it (a short name is no answer to them).
_ORGANISATIONS = frozenset({"employer", "edu_school"})
# Applying in person instead, said with a refusal at the consent ("我自己去窗口办", "去人才中心现场交").
_IN_PERSON = re.compile(r"窗口|现场|线下|柜台|受理点|人才(?:服务)?中心|服务中心|(?:自己|亲自)(?:去|跑)|跑一趟")
# The answers a checklist is made from, changed in passing at the checklist: it is made again.
_MAKE_THE_CHECKLIST = frozenset({"marital_status", "children", "spouse_options", "bonus_options"})
_FAMILY = frozenset({"marital_status", "children"})  # a family member's papers struck off: the family changed
# The commands a change of answer comes with at the checklist, and the answers each may change there.
_CHANGED_WITH = {"edit": _MAKE_THE_CHECKLIST, "delete_item": _FAMILY}

# A name given as one ("名字是…", "我叫…", "姓名改成…"), not "我是…" in passing.
_NAMES_ONESELF = re.compile(r"名|叫")

# The spouse's papers asked about ("我老婆的身份证要传吗", "配偶的户口本要不要"), and the checklist's items for the
# spouse (made only when a spouse option is chosen). Every spouse word: a paper follows it, so 先生 is
# no greeting and 对象 no "object" here.
# Someone other than the applicant told of (the spouse, a child, a parent, kin, anyone else): what is said of them beside
# a command at the checklist corrects none of the applicant's answers.
_SOMEONE_ELSE_TOLD_OF = re.compile(words.either(words.SPOUSE, words.CHILDREN, words.PARENTS, words.FAMILY, words.KIN,
                                                words.OTHER_PEOPLE))
_SPOUSE_PAPERS = re.compile(words.either(words.SPOUSE) + r"(?:的)?\S{0,4}?(?:身份证|户口|户籍|结婚证|材料|证件|证明|护照)")
_SPOUSE_ITEMS = frozenset({"spouse_companion", "spouse_hukou"})


# A question whether or how to fill an item in ("电话要填吗", "手机号填本人的吗", "邮箱必须写吗").
_ABOUT_FILLING = re.compile(r"填|写|输入|留|必须|需要|要不要|要吗|用不用")
# A plan, an aside, a question or a remark outside the form: never a changed answer ("快离婚了 材料先传着").
_NEVER_A_CHANGE = frozenset({"smalltalk", "question", "out_of_scope"})
# The gap in the years offered from a start year ("中间断了两年", "少两年", "断缴过3年"): taken off them.
_YEARS_MISSED = re.compile(r"(?:断|停|少|没交|漏)(?:缴|交)?(?:了|过)?(\d{1,2}|[一二两三四五六七八九十]{1,3})年")
_AFTER_CHECKLIST = frozenset({MATERIALS})
# Yes words that name no option of the question asked (while support is talking with the applicant, they may
# be a reply to support), and the word that answers the question here without doubt.
_BARE_YES = frozenset({"是", "是的", "对", "对的", "好", "好的", "嗯", "嗯嗯", "行", "可以", "没问题", "没错", "ok", "yes",
                       "好滴", "好嘞", "对呀", "是啊", "是呀", "对啊", "要的", "需要"})
_OWN_YES = {"consent": "同意", "confirmed": "确认"}
_YES_OR_NO = frozenset({"edu_fulltime", "edu_foreign"})  # the questions answered 是/否 besides the choices
COMMANDS: dict[str, CommandRule] = {
    "start": CommandRule(Turn.intent_start),
    "resume": CommandRule(Turn.intent_start),
    "help": CommandRule(Turn.intent_help),
    "progress": CommandRule(Turn.intent_progress),
    "pause": CommandRule(Turn.intent_pause),
    "human": CommandRule(Turn.intent_human),
    "erase": CommandRule(Turn.intent_erase),
    "keep_data": CommandRule(Turn.intent_keep_data),
    "no_human": CommandRule(Turn.intent_no_human),
    "restart": CommandRule(Turn.intent_restart),
    "withdraw": CommandRule(Turn.intent_withdraw),
    "back": CommandRule(Turn.intent_back),
    "edit": CommandRule(Turn.intent_edit),
    "history": CommandRule(Turn.intent_history),
    "checklist": CommandRule(Turn.intent_checklist, _AFTER_CHECKLIST, render.CHECKLIST_NOT_YET),
    "view_item": CommandRule(Turn.intent_view_item, _AFTER_CHECKLIST, render.CHECKLIST_NOT_YET),
    "delete_item": CommandRule(Turn.intent_delete_item, _AFTER_CHECKLIST, render.CHECKLIST_NOT_YET),
    "upload": CommandRule(Turn.intent_upload, _AFTER_CHECKLIST),
    "finish_photos": CommandRule(Turn.intent_finish_photos, _AFTER_CHECKLIST),
    "cancel": CommandRule(Turn.intent_cancel, _AFTER_CHECKLIST),
    "next_item": CommandRule(Turn.intent_next_item, _AFTER_CHECKLIST, render.CHECKLIST_NOT_YET),
    "drop_photo": CommandRule(Turn.intent_drop_photo, _AFTER_CHECKLIST),
    "retake": CommandRule(Turn.intent_retake, _AFTER_CHECKLIST),
    "submit": CommandRule(Turn.intent_submit, _AFTER_CHECKLIST),
    "confirm_application": CommandRule(Turn.intent_confirm_application, _AFTER_CHECKLIST),
    "dispute": CommandRule(Turn.intent_dispute, _AFTER_CHECKLIST),
}

ACTIONS: dict[Action, Callable[[Turn, Interpretation, str], None]] = {
    Action.RECORD: Turn.record_answer,
    Action.RECORD_SEVERAL: Turn.record_found,
    Action.RECORD_AND_ANSWER: Turn.record_and_answer,
    Action.ANSWER_QUESTION: Turn.answer_question,
    Action.ANSWER_STORY: Turn.answer_story,
    Action.RUN_COMMAND: Turn.run_meant_command,
    Action.SMALL_TALK: Turn.small_talk,
    Action.ASK_AGAIN: Turn.ask_again,
    Action.DECLINE: Turn.decline,
    Action.ENGLISH: Turn.english,
    Action.CHOOSE_MATERIAL: Turn.choose_material,
    Action.KEEP: Turn.keep_answer,
}


# Small talk the model tells apart (``Classifier.small_talk``), with its reply.
# How the 2 natural days to confirm are counted ("2个自然日从哪天开始算", "周六预审通过的话周一还能确认吗", "两天包括周末吗").
_TWO_DAYS_COUNTED = re.compile(r"(?:自然日|两天|2天|两个工作日).{0,8}(?:从哪天|哪天开始|怎么算|起算|开始算|包括|含|算不算)|"
                               r"(?:周六|周日|周末|星期六|星期天|星期日|礼拜六|礼拜天|节假日|放假).{0,10}(?:通过|审核|预审).{0,10}(?:确认|来得及|还能)|"
                               r"(?:自然日|两天|2天).{0,6}(?:周末|节假日|休息日)")
# An application deadline asked ("今年积分什么时候截止申请", "积分申请截止日期是哪天"); not the permit's, nor the confirmation's.
_APPLICATION_DEADLINE_ASKED = re.compile(r"(?:什么时候|何时|哪天|几号|几月)(?:截止|截至|结束)(?:申请|申报|办理|受理)?|"
                                         r"(?:申请|申报|办理|受理)(?:的)?(?:截止|截至|最后)(?:日期|时间|期限|日)|截止(?:申请|申报|受理)")
_ANOTHER_DEADLINE = re.compile(r"居住证|有效期|签注|确认|委托单|身份证|合同|通知书")
# The applicant's own answers asked to be seen ("我填的信息给我看看", "看下我填了什么", "查看我的信息").
_OWN_ANSWERS_ASKED = re.compile(r"^(?:请|麻烦)?(?:把|给我|帮我)?(?:看看|看一下|看下|查看|查一下|显示)?(?:一下)?(?:我|我自己)?(?:之前|当时|提交的时候)?"
                                r"(?:填|填写|写|提交)(?:的|了)(?:信息|内容|资料|什么|啥|哪些)(?:是什么|有哪些)?(?:给我|发我)?"
                                r"(?:看看|看一下|看下|瞧瞧|发一下)?(?:吧|呢|啊|呀)?[?？]*$|"
                                r"^(?:请|麻烦)?(?:我想|我要)?(?:看看|看一下|看下|查看|查一下)(?:一下)?我(?:的)?(?:填写的|申办|基本)?信息(?:吧|呢)?[?？]*$")
# A web address pasted into a message ("https://mp.weixin.qq.com/s/abc", "www.example.com/x").
_PASTED_LINK = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+", re.IGNORECASE)
# At the summary, whether answers can still change once 确认 is replied ("确认之后还能改吗", "确认了还可以修改吗").
_CHANGE_AFTER_CONFIRMING = re.compile(r"确认(?:之后|以后|后|完|了)(?:了)?(?:还|也|就)?(?:能|可以|能不能|可不可以|让)(?:再)?(?:改|修改|更改|变更)")
# Many-choice questions of which one option told in passing leaves the others unasked: the spouse's separate facts,
# and the bonus options ("本科，有学位" at the e-mail: 学历加分; 职称, 社保 were never asked, try18 U3).
_TOLD_IN_PART = frozenset({"spouse_options", "bonus_options"})
# Replies to a many-choice question asked with options told in passing: more of them ("还有社保"), or none beside ("没有了").
_MORE_BESIDE = re.compile(r"^(?:另外|还有|再加|加上|也有|以及)(?:个|一个)?[\s,，]*")
_NONE_BESIDE = re.compile(r"(?:就|只有|只)?(?:这些|这个|这一个|这一项|这几个|这两个)(?:了|吧)?|没有?了|没(?:有)?(?:别的|其他的?)(?:了)?|就(?:这样|酱)(?:吧|了)?")
_ORDER = tuple(flow.QUESTIONS)
# A bare no to an address offered for a yes ("是 zhangwei@163.com 吗？"): that address turned down, nothing more.
_OFFER_TURNED_DOWN = re.compile(r"(?:没有|不是|不对|不是的|不对的|错了|都不是|否|no|不)[啊呀哦的]?", re.IGNORECASE)
# The questions asked before the name, where a name introduced ("我叫张伟") is kept for it.
_BEFORE_THE_NAME = frozenset({"permit_expiry", "consent"})
# What the consent follows (kept when it is refused), and the answers typed as said, to strike from the transcript then.
_ON_THE_WAY_TO_CONSENT = frozenset({"business_type", "permit_expiry"})
_TYPED_PERSONAL = frozenset({"name", "id_number", "mobile", "email", "employer", "edu_school"})
# A paper put off to another day ("算了 合同明天再传", "改天再拍"): the item chosen for it is let go at a pause
_PUT_OFF = re.compile(r"算了|明天|后天|改天|下次|过几天|过两天|回头|以后再|下周")
# Checking an answer ("我再核对下手机号", "先看一下单位"), said beside a wait at the summary.
_TO_CHECK = re.compile(r"核对|核实|检查|看看|看一?下|对一?下|查一?下|确认一?下")
# The confirmation's own words, said again after it (the application done).
_CONFIRM_AGAIN = frozenset({"确认", "确定", "确认了", "我确认", "确认的"})
_OWN_REPLY = {"bot": render.I_AM_THE_ASSISTANT, "complaint": render.SORRY_FOR_THE_TROUBLE, "rude": render.CALMLY_ON}


# A complaint said in so many words ("我要投诉", "投诉你们审核太慢"), not one denied ("不是投诉", "不想投诉").
# A contact detail said to be new or wrong beside the new one ("邮箱换了 现在是…", "手机号不用了 用这个…").
# A mobile or e-mail replaced in one's life ("手机号换了", "邮箱不用了", "换了个新号"), not said wrong on the form.
_CONTACT_REPLACED = re.compile(r"换|变了|不用了|停用|停机|注销|销号|新号|新的")
_CONTACT_WRONG = re.compile(r"错|不对|有误|更正|写成|填成")
# ...and never one said unchanged ("手机号没换", "还是原来的 不用改"; review1: asked for a new one).
_CONTACT_KEPT = re.compile(r"没(?:有)?(?:换|变|改)|不用(?:换|改)|不必|不需要(?:换|改)|还是原来|没有变")
# A change wished rather than told as made ("邮箱想改个新的", "手机号我想换一下"): at approval the dev6 convention's report.
_CHANGE_WISHED = re.compile(r"(?:想|要|希望|打算|准备)(?![怎咋如])(?:把)?[^怎咋如，,\s]{0,4}?(?:换|改)")
_NUMBER_REPLACED = re.compile(r"换(?:了个?|个)?(?:新)?(?:手机)?号|换手机号")  # "我换号了": the mobile, unnamed
_HOW_TO_CHANGE = re.compile(r"怎么|咋|如何|要不要|需要|能不能|可以|怎样")
_NEW_CONTACT = "new_contact"  # {_NEW_CONTACT: field}: a new mobile or e-mail asked for after submission
_CONTACT_RENEWED = re.compile(r"换|改|新|现在|变|不用|停用|不对|错|更正|更新")
# One's own answer asked for ("我填的手机号是多少", "我的邮箱现在是什么", "我当时写的单位是啥来着"): the field named in group 1.
_OWN_ANSWER_ASKED = re.compile(r"(?:请问|那|麻烦问下)?(?:我|俺|本人)(?:的|刚才|之前|当时|前面)*(?:填|写|留|登记|报)?(?:的|了)?"
                               r"(.{1,8}?)(?:现在|当时|之前|刚才)?(?:填|写|留|登记)?(?:的)?(?:是|填了|写了|为)?"
                               r"(?:什么|多少|啥|哪个|哪一个|几)(?:来着)?(?:啊|呀|呢|吗|哦)?")
# "Why?" and nothing else, as asked of the last reply.
# A number of the options shown, asked about ("1 是什么意思", "2是啥", "选3是办什么的", "第4个指什么"): no choice (exact words).
_OPTION_ASKED = re.compile(r"(?:请问|那|那个|这个)?(?:选|第)?\s*(\d)\s*(?:号|项|个|选项)?\s*(?:是|指|代表|表示|的意思是)?\s*"
                           r"(?:什么意思|啥意思|什么|啥|啥子|办什么的?|办啥的?|干什么的?|干啥的?|干嘛的?|指什么|指的是?什么|指啥|"
                           r"什么业务|啥业务|哪种情况|什么情况)(?:呀|啊|呢|来着|的|哦)?[?？。.!！~～\s]*")
# …or checked against an option's name ("1是新办吗", "选2就是续办对吧", "3是不是单位变更"): still a question, no choice.
_OPTION_CHECKED = re.compile(r"(?:请问|那|那个|这个)?(?:选|第)?\s*(\d)\s*(?:号|项|个|选项)?\s*(?:就是|是不是|是|指的是|指)\s*"
                             r"(\w{2,8}?)\s*(?:对吧|对吗|是吧|是吗|没错吧|吗|嘛|么|吧|不|呢)?[?？。.!！~～\s]*")
# The e-mail named at a message's start ("邮箱是…", "我的电子邮箱:…"), as its own question's lead-in reads it.
# A question while an item is photographed that speaks of someone or something else than the item (children, the
# spouse, the review and its time): its own answer or menu, never the item's entry (review8 R8-6).
_ANOTHER_SUBJECT = re.compile(r"孩子|子女|小孩|儿子|女儿|配偶|老婆|老公|爱人|媳妇|审核|审批|快点审|进度|多久|几天")
_EMAIL_NAMED = re.compile(EMAIL_LEAD_IN, re.IGNORECASE)
_WHY_ALONE = re.compile(r"(?:啊|嗯|额|呃|哎)?(?:为什么|为啥|为何|咋了|怎么了|怎么回事|什么意思|啥意思|why)(?:啊|呀|呢|嘛|哦)?")
# A person asked for in anger, or the one in charge demanded ("气死了 叫你们管事的来", "把经理叫来"): said sorry to.
_ANGRY_DEMAND = re.compile(r"气死|气炸|气人|火大|生气|受够|受不了|烦死|烦透|服了|破系统|垃圾|什么玩意|太坑|"
                           r"管事|领导|负责人|负责的|经理|主管|老板|头儿|能做主")
# Sending the materials first asked ("能先把材料传了吗", "可以先上传照片不", "材料先发给你行吗").
_UPLOAD_FIRST_ASKED = re.compile(r"先.{0,6}(?:传|上传|发|拍|交)|(?:传|上传|发|拍|交).{0,4}先")
_COMPLAINT = re.compile(r"(?<![不没别])(?<!不是)(?<!不想)(?<!不要)投诉")
# What the bot still takes while support is talking with the applicant: answers to its question, commands.
_OWN_BUSINESS = frozenset({"answer", "answers", "command"})


def handle(state: dict[str, Any] | None, event: Text | Image | Command, ctx: Context) -> Outcome:
    """Process one event for one applicant; ``state`` is what the last call returned (None at first).
    A hand-off to support is announced when made; support's replies reach the applicant on their own,
    so later messages carry no banner."""
    with clock.turn_on(ctx.today), one_message():  # one message's readings kept for it (dialogs/per_message.py)
        outcome = Turn(state, ctx).handle(event)
    if isinstance(event, Text) and event.spoken:
        outcome.replies.insert(0, render.heard(event.text))
    return outcome


# A permit said to have expired, without its date ("去年就到期了", "已经过期了", "早就失效了"; not "快过期了").
_EXPIRED_SAID = re.compile(r"(?<![快要将])(?:过期|失效)|(?:已经|早就|早已|已|去年|前年|上个?月|上周|前几天|昨天|前天)\S{0,4}到期")
# A permit not yet endorsed for the year, said at its date ("还没签注", "下个月才去签"): the new date comes after it.
_NOT_YET_ENDORSED = re.compile(r"(?:还没|没有?|未|尚未|还未)(?:去|办|做)?签(?:注|好|完)?(?!证)"
                               r"|(?:明年|今年|下个?月|下周|过几天|之后|以后|回头|再|才|要|准备|打算)(?:去|来)?(?:办|做)?签注"
                               r"|签注\S{0,4}(?:还没|没有?|未|尚未|还未)")
# An application asked for someone else ("我还要给老婆办一个", "帮我妈也申请一个"): after a finished one, how.
_ANOTHER_APPLIED_FOR = re.compile(r"(?:给|帮|替|为)(?:我的?|我家|家里)?"
                                  + words.either(words.SPOUSE, words.PARENTS, words.KIN, words.CHILDREN, words.FAMILY)
                                  + r"(?:也|再|还)?(?:办|申请|弄|报)")
# Not knowing the answer, said ("不知道", "伐晓得", "不清楚", "搞不清", "记不得了"); a reply that says so and no answer.
_NOT_KNOWN_SAID = re.compile(r"(?:不|伐|勿|没)(?:是)?(?:太|大|很|特别|非常)?(?:知道|晓得|清楚|确定|肯定)|(?:搞|弄|说|拿)不(?:清|准|懂)|记不(?:太|大)?(?:清|得)|不记得|忘(?:了|记)")
# An ID number's first 17 digits, sent alone; and the one character sent after them to finish it ("最后一位是X",
# "漏了个x", "X"): one digit or X, with words around it and no other digit.
_ID_BEGUN = re.compile(r"(?:身份证(?:号码|号)?(?:是|:)?)?(\d{17})")
# The character alone, or said to be the last or the missing one: "我有1个孩子" finishes no number.
_LAST_CHARACTER = re.compile(r"([\dXx])|(?=.*(?:最后|末位|末尾|尾号|漏|少|补|还有))[^\dXx]{0,12}?([\dXx])[^\dXxA-Za-z]{0,6}")
_BY_SHAPE = frozenset({"id_number", "mobile", "email"})  # answers known by their shape (``every_shaped``)


def _tells_when_a_type_applies(found: Any) -> bool:
    """Whether the knowledge base answered with the entry telling when a business type applies."""
    return getattr(found, "status", None) == "answered" and found.entry.topic == "business_type"


def _typed_as_saved(shown: str, text: str) -> bool:
    """Whether the value saved is what was typed: the same characters (half-width, simplified, lower case,
    spaces aside), or for a date the same numbers ("2027年8月25日" is 2027-08-25; "明年2月底" is not)."""
    plain = lambda said: _SPACE.sub("", canonical(str(said)).lower())  # noqa: E731
    if plain(shown) in plain(text):
        return True
    numbers = lambda said: [int(n) for n in _NUMBER.findall(canonical(said))]  # noqa: E731
    return bool(_DATE_SHOWN.fullmatch(shown)) and numbers(shown) == numbers(text)


_DATE_SHOWN = re.compile(r"\d{4}-\d{2}-\d{2}")
# What says nothing beside a number or an address: its label's words, whose it is, a thanks, particles and punctuation.
_NOTHING_BESIDE = re.compile(r"我的|本人的?|这是|这个是?|就是|是|号码|号|电话|手机|邮箱|地址|身份证|证件|联系方式|码|"
                             r"谢谢|多谢|好的|麻烦了|[\W_了吧啊呀哦嗯哈的]|[a-z0-9@.]")


def _said_beside(question: Any, value: str, text: str) -> bool:
    """Whether ``text`` says words of its own beside ``value`` (two characters or more, its question's names aside)."""
    rest = canonical(text).lower().replace(value.lower(), " ")
    for name in sorted(question.names(), key=len, reverse=True):
        rest = rest.replace(name.lower(), " ")
    return len(_NOTHING_BESIDE.sub("", rest)) >= 2
_SPACE, _NUMBER = re.compile(r"\s"), re.compile(r"\d+")  # compiled once: re's cache is looked up in Python (issue 19)


def _put_right_value(text: str) -> str:
    """The new value of a message saying an answer was wrong ("不对，是1个", "没孩子，是我看错了"); "" for any other."""
    said = canonical(text)
    before = _PUT_RIGHT.match(said)
    rest = said[before.end():] if before else said
    after = _PUT_RIGHT_AFTER.search(rest)  # said before the value and after it too ("不对不对 一个都没有 看错行了")
    return rest[:after.start()].strip() if after else rest.strip() if before else ""



_NOT_FOREIGN = re.compile(r"^(?:2|二)$|不是|没|国内|名称?没错|名字没错|学校没错")
_FOREIGN = re.compile(r"^(?:1|一)$|国外|境外|海外|是的?$|对的?$|留学")


def _which_said(text: str) -> bool | None:
    """The answer to "是国外学历，还是学校名称没错": True for a foreign degree, False for not; None for neither."""
    said = match_form(text).strip(" 。.!！~～")
    if _NOT_FOREIGN.search(said):
        return False
    return True if _FOREIGN.search(said) else None


def _unlikely(field: str, value: Any) -> bool:
    """Whether ``value`` is an answer seldom true for ``field`` (``flow.UNLIKELY_ABOVE``)."""
    limit = flow.UNLIKELY_ABOVE.get(field)
    return limit is not None and isinstance(value, int) and value > limit


def _meant_again(field: str, value: Any, text: str) -> bool:
    """Whether ``text`` says that ``value``, asked about, is meant: the same answer again, or a yes ("是", "对的")
    that is no other answer ("1" is one child, not a yes). A free text's yes comes first ("对的", "对，给她办", "是李强"
    of 李强), since a name's parser would take the yes for the name (review2: "对的" was saved as the name)."""
    if flow.QUESTIONS[field].as_typed:
        said = canonical(text).strip()
        if (yes := _YES_FIRST.match(said)) is not None:
            rest = said[yes.end():].strip(" ，,。.!！")
            if not rest or rest == value or _FOR_THEM.search(rest) or _read_as(field, rest) in (None, value):
                return True
        elif SAID_RIGHT.fullmatch(said.rstrip("。.!！")):  # "是对的": the same yes, worded otherwise
            return True
    said = _read_as(field, text)
    if said is not None:
        return said == value
    if SAID_RIGHT.search(text):  # "没错", "是对的"
        return True
    try:
        return parse_yes_no(text) is True
    except ValidationError:
        return False


_FOR_THEM = re.compile(r"[她他]|给|帮|替")  # "对，给她办": the yes, and who it is for, never a name
# A yes at the start of a reply to "您的姓名是“李娜”吗？" ("对的", "没错，", "是的是的", "对 就是"), then maybe the name again.
_YES_FIRST = re.compile(r"^(?:(?:对|是|嗯|没错|正确|对头)(?:的|啊|呀|滴)?[\s,，。!！]*)+(?:就是|是|叫)?")


def _read_as(field: str, text: str) -> Any:
    """``text`` read as the answer to ``field``'s question, by its parser or in words that can mean
    nothing else; None when it is no such answer."""
    value, error = value_of(field, text)
    return value if error is None else in_words(field, text)
