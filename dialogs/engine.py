"""The dialogue engine: ``handle(state, event, context) -> Outcome``.

One ``transitions`` machine, built at import from the flow table, serves every applicant:
per message the engine builds a small model from the applicant's saved state and fires the
machine's triggers on it (see ``FlowModel.fire``).
The engine is pure — no I/O — so WeChat, the terminal chat and the tests share it.
"""
from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

from transitions import Machine

from dialogs import render
from dialogs.checklist import build_checklist, catalogue
from dialogs.events import (
    Command, Context, DiscardApplication, Effect, Escalate, Image, Outcome, SaveApplication, Text,
)
from dialogs.flows import application as flow
from dialogs.materials_stage import MaterialsStage
from dialogs.intents import CONFIRM_WORDS, KEEP_WORDS, looks_like_question, match_intent, value_after_name
from dialogs.questions import Choice
from dialogs.text import canonical
from dialogs.validators import ValidationError

FAILURES_BEFORE_ESCALATION = 3
FAQ_MISSES_BEFORE_ESCALATION = 2
FAQ_LETTERS = "ABC"


class FlowModel(flow.Conditions):
    """One applicant's place in the flow; the machine sets ``state`` and calls the callbacks."""

    def __init__(self, answers: dict[str, Any], today: date, state: str = flow.INITIAL) -> None:
        self.answers = answers
        self.today = today
        self.state = state
        self.effects: list[Effect] = []
        self.entered: list[str] = []

    def fire(self, trigger: str) -> bool:
        """Fire a trigger of the shared machine on this model. The model is never added to the
        machine: ``add_model`` binds a method per trigger and state (~0.2 ms), per message."""
        return MACHINE.events[trigger].trigger(self)

    def next(self) -> bool:
        return self.fire("next")

    def go(self, state: str) -> bool:
        return self.fire(f"to_{state}")

    def on_enter_summary(self) -> None:
        self.answers.pop("confirmed", None)
        self.entered.append("summary")

    def on_enter_materials(self) -> None:
        self.entered.append("materials")

    def on_enter_permit_too_short(self) -> None:
        self.entered.append("permit_too_short")


MACHINE = Machine(
    model=None,
    # on_enter callbacks are declared here, since models are never added (see FlowModel.fire).
    states=[{"name": s, "on_enter": [f"on_enter_{s}"]} if hasattr(FlowModel, f"on_enter_{s}") else s
            for s in flow.STATES],
    transitions=[{"trigger": "next", "source": s, "dest": d, "conditions": c or []} for s, d, c in flow.FLOW],
    initial=flow.INITIAL,
    auto_transitions=True,
)


def field_of(state: str) -> str | None:
    """The answer a state asks for (None for states that only inform)."""
    name = flow.ASKS.get(state, state)
    return name if name in flow.QUESTIONS else None


def path_of(answers: dict[str, Any], today: date) -> list[str]:
    """The states these answers lead through, from the first question to the first unanswered one."""
    scratch = FlowModel(dict(answers), today)
    path = [scratch.state]
    while scratch.state not in ("materials", *flow.HOLD_STATES) and field_of(scratch.state) in answers:
        scratch.next()
        path.append(scratch.state)
    return path


def new_state() -> dict[str, Any]:
    return {"flow": "application", "state": flow.INITIAL, "answers": {}, "failures": 0,
            "pending": None, "paused": False, "application_id": None}


class Turn(MaterialsStage):
    """One message's worth of work on a copy of the applicant's state."""

    def __init__(self, state: dict[str, Any] | None, ctx: Context) -> None:
        self.fresh = state is None
        self.conv = new_state() if state is None else {**new_state(), **state,
                                                       "answers": dict(state.get("answers") or {})}
        self.ctx = ctx
        self.replies: list[str] = []
        self.effects: list[Effect] = []
        self.checklist_made = False  # this turn confirmed the answers and (re)made the checklist
        self._path: tuple[dict[str, Any], list[str]] | None = None

    # -- helpers -----------------------------------------------------------------
    @property
    def state(self) -> str:
        return self.conv["state"]

    @property
    def answers(self) -> dict[str, Any]:
        return self.conv["answers"]

    def path(self) -> list[str]:
        """``path_of`` these answers; a summary turn asks twice (to prune, then to show), so the
        path is kept while the answers stay as they were."""
        if self._path is None or self._path[0] != self.answers:
            self._path = (dict(self.answers), path_of(self.answers, self.ctx.today))
        return self._path[1]

    def say(self, *texts: str | None) -> None:
        self.replies.extend(t for t in texts if t)

    def outcome(self) -> Outcome:
        return Outcome(self.replies, self.conv, self.effects)

    def application_locked(self) -> bool:
        """Answers can change only while the application is a draft (the manual: once submitted,
        only returned materials change)."""
        return self.application_status() not in (None, "draft")

    def application_status(self) -> str | None:
        return (self.ctx.application or {}).get("status", "draft") if self.ctx.application else None

    def say_locked(self) -> None:
        self.say(render.locked_text(self.application_status()))

    def prompt(self, state: str | None = None) -> str:
        """The question of a state, with the current answer when it is being revisited."""
        state = state or self.state
        if state == "consent":
            return render.consent_prompt(self.answers.get("business_type"))
        if state == "permit_too_short":
            return render.permit_too_short_prompt(self.answers.get("permit_expiry"), self.ctx.today)
        if state == "nobody_to_add":
            return render.nobody_to_add_prompt(self.answers)
        if state == "summary":
            return render.summary_prompt(self.answers, self.path())
        if state == "materials":
            return self.materials_prompt()
        question = flow.QUESTIONS[state]
        text = question.full_prompt()
        if state in self.answers and state != "consent":
            text += render.current_answer_note(question.render(self.answers[state]))
        return text

    def resume_prompt(self) -> str:
        """Where the applicant was, after a question was answered. The summary and the checklist are
        long and were shown just before (and are one "进度" away): a line says what to do next."""
        if self.state == "summary":
            return render.SUMMARY_RESUME
        if self.state == "materials" and not self.checklist_made and not self.conv.get("material"):
            return self.next_step_brief()
        return self.prompt()

    def checklist(self) -> list:
        """The applicant's checklist: while a draft, the one these answers make (the saved one may be a
        turn old); once submitted, the saved application's."""
        app = self.ctx.application
        if app and app.get("status", "draft") != "draft":
            return [catalogue().materials[c] for c in app.get("checklist") or []]
        return build_checklist(self.answers)

    def draft_view(self) -> dict[str, Any]:
        return {"status": "draft", "checklist": [m.code for m in self.checklist()], "materials": {}}

    def materials_prompt(self) -> str:
        if self.checklist_made:
            return render.materials_intro(self.checklist(), (self.ctx.application or {}).get("materials"))
        if self.conv.get("material"):  # in the middle of photographing one material
            return render.photographing(self.material_name(self.conv["material"]), len(self.conv.get("photos") or []))
        return self.status_overview()

    # -- moving ----------------------------------------------------------------------
    def move(self, fire) -> None:
        """Run ``fire(model)`` on the shared machine and keep what it changed."""
        model = FlowModel(self.answers, self.ctx.today, self.state)
        fire(model)
        self.conv["state"] = model.state
        self.effects.extend(model.effects)
        if "materials" in model.entered:
            self.save_application()
        if "summary" in model.entered:
            self.prune()

    def advance(self) -> None:
        """Go to the next question that still needs an answer."""

        def fire(model: FlowModel) -> None:
            model.next()
            while model.state not in flow.STOP_STATES and field_of(model.state) in self.answers:
                model.next()

        self.move(fire)

    def jump(self, state: str) -> None:
        self.move(lambda model: model.go(state))

    def prune(self) -> None:
        """Drop answers to questions that no longer apply (e.g. 已婚 changed to 未婚)."""
        keep = {field_of(s) for s in self.path()} | {"confirmed"}
        for key in list(self.answers):
            if key not in keep:
                del self.answers[key]

    def save_application(self) -> None:
        if not self.conv.get("application_id"):
            self.conv["application_id"] = uuid.uuid4().hex[:16]
        answers = {k: v for k, v in self.answers.items() if k not in ("consent", "confirmed")}
        self.checklist_made = True
        self.effects.append(SaveApplication(
            application_id=self.conv["application_id"],
            business_type=answers["business_type"],
            answers=answers,
            checklist=tuple(m.code for m in build_checklist(answers)),
        ))

    # -- handling ---------------------------------------------------------------------
    def handle(self, event: Any) -> Outcome:
        if self.fresh:
            self.say(render.WELCOME)
        if isinstance(event, Image):
            return self.on_image(event)
        if isinstance(event, Command):
            return self.on_command(event.name)
        text = canonical(event.text)
        if self.conv.get("pending"):
            handled = self.on_pending(text)
            if handled:
                return self.outcome()
        intent = match_intent(text)
        if intent:
            return self.on_intent(*intent)
        if self.fresh and not text:
            self.say(self.prompt())
            return self.outcome()
        if self.conv.get("paused"):
            self.conv["paused"] = False
            self.say(render.WELCOME_BACK)
        return self.on_answer(text)

    def on_image(self, event: Image) -> Outcome:
        self.on_photo(event)
        return self.outcome()

    def on_command(self, name: str) -> Outcome:
        if name == "subscribe":
            if not self.fresh:
                self.say(render.WELCOME)
            self.say(render.HOW_TO_START, self.prompt())
            return self.outcome()
        if name == "faq":
            self.say(render.ASK_AWAY)
            return self.outcome()
        return self.on_intent(name, "")

    def on_pending(self, text: str) -> bool:
        pending = self.conv["pending"]
        self.conv["pending"] = None
        if pending == "restart":
            if text.lower() in CONFIRM_WORDS:
                self.restart()
            else:
                self.say(render.RESTART_CANCELLED, self.prompt())
            return True
        if isinstance(pending, dict) and pending.get("faq") and text.upper() in FAQ_LETTERS[: len(pending["faq"])]:
            entry_id = pending["faq"][FAQ_LETTERS.index(text.upper())]
            self.say(self.faq_entry_text(entry_id), render.continue_with(self.resume_prompt()))
            return True
        return False

    def on_intent(self, name: str, arg: str) -> Outcome:
        getattr(self, f"intent_{name}")(arg)
        return self.outcome()

    def intent_start(self, _: str) -> None:
        self.conv["paused"] = False
        if (self.ctx.application or {}).get("status") == "done":
            self.conv = new_state()
            self.say(render.NEW_AFTER_DONE)
        self.say(self.prompt())

    def intent_help(self, _: str) -> None:
        self.say(render.HELP, render.current_step(self.prompt()))

    def intent_progress(self, _: str) -> None:
        if self.state == "materials":
            self.say(render.progress_text("", 0, [], self.ctx.application or self.draft_view()))
            return
        path = self.path()
        answered = [flow.QUESTIONS[f].label for s in path if (f := field_of(s)) in self.answers
                    and f not in ("consent", "confirmed")]
        label = flow.QUESTIONS[field_of(self.state)].label if field_of(self.state) else self.state
        if self.state == "summary":
            label = render.SUMMARY_STEP
        # Mid-form (a first pass, or an answer being changed): the progress, then the question waiting.
        self.say(render.progress_text(label, len(path), answered, self.ctx.application),
                 render.current_step(self.prompt()))

    def intent_greet(self, _: str) -> None:
        if self.fresh:  # the welcome is already said
            self.say(self.prompt())
        elif self.conv.get("paused"):
            self.conv["paused"] = False
            self.say(render.WELCOME_BACK, self.prompt())
        else:
            self.say(render.GREETING_BACK, render.current_step(self.prompt()))

    def intent_emoji(self, _: str) -> None:
        self.say(self.prompt() if self.fresh else render.current_step(self.prompt()))

    def intent_thanks(self, _: str) -> None:
        self.say(render.YOU_ARE_WELCOME)

    def intent_save(self, _: str) -> None:
        self.conv["paused"] = True
        self.say(render.SAVED_FOR_LATER)

    def intent_human(self, _: str) -> None:
        # Asked again while support has it: the request is added to the open one, and said so.
        self.effects.append(Escalate("requested", note=f"当前步骤：{self.state}"))
        self.say(render.STILL_WITH_SUPPORT if self.ctx.escalation_open else render.HANDED_TO_SUPPORT)

    def intent_restart(self, _: str) -> None:
        if self.application_status() == "done":
            self.intent_start("")
            return
        if self.application_locked():
            self.say(render.RESTART_LOCKED)
            return
        self.conv["pending"] = "restart"
        self.say(render.RESTART_CONFIRM)

    def intent_withdraw(self, _: str) -> None:
        """Only support can take back what was submitted (the review may be under way); a draft
        needs no withdrawing, it can be cleared."""
        self.say(render.WITHDRAW_BY_SUPPORT if self.application_locked() else render.NOTHING_TO_WITHDRAW)

    def restart(self) -> None:
        if self.conv.get("application_id"):
            self.effects.append(DiscardApplication(self.conv["application_id"]))
        self.conv = new_state()
        self.say(render.RESTARTED, self.prompt())

    def intent_back(self, _: str) -> None:
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

    def intent_edit(self, arg: str) -> None:
        if self.application_locked():
            self.say_locked()
            return
        path = self.path()
        editable = [s for s in path if s in flow.QUESTIONS and s in self.answers and s != "consent"]
        target = self.find_field(arg, editable)
        if target is None:
            self.say(render.which_to_edit([flow.QUESTIONS[s].label for s in editable]), render.current_step(self.prompt()))
            return
        self.answers.pop("confirmed", None)
        self.jump(target)
        new_value = value_after_name(arg, flow.QUESTIONS[target].names())
        if new_value:  # "修改手机号码为1390…": answered in the same message
            self.on_answer(new_value)
        else:
            self.say(self.prompt())

    @staticmethod
    def find_field(arg: str, candidates: list[str]) -> str | None:
        if not arg:
            return None
        best: tuple[int, str] | None = None
        for state in candidates:
            for name in flow.QUESTIONS[state].names():
                name = name.lower()
                if name == arg or name in arg or (len(arg) >= 2 and arg in name):
                    score = len(name) + (100 if name == arg else 0)
                    if best is None or score > best[0]:
                        best = (score, state)
        return best[1] if best else None

    # -- answers ------------------------------------------------------------------------
    def on_answer(self, text: str) -> Outcome:
        field = field_of(self.state)
        if field is None:  # materials: the upload stage takes over here
            if not self.begins_anew(text):
                self.on_materials_text(text)
            return self.outcome()
        question = flow.QUESTIONS[field]
        if text in KEEP_WORDS and field in self.answers:
            self.after_answer()
            return self.outcome()
        is_choice = isinstance(question, Choice)
        if not is_choice and looks_like_question(text) and self.try_faq(text):
            return self.outcome()
        other = mistaken_for(text, field)  # an ID number would pass for an employer's name
        try:
            if other is not None:
                raise ValidationError(render.answers_another(other))
            value = question.parse(text)
        except ValidationError as err:
            if is_choice and looks_like_question(text) and self.try_faq(text):
                return self.outcome()
            if self.fresh:  # a greeting, not a wrong answer: just ask
                self.say(self.prompt())
                return self.outcome()
            if field in self.answers and text.lower() in CONFIRM_WORDS:  # "确认" to an answer shown again: keep it
                self.after_answer()
                return self.outcome()
            return self.on_invalid(err)
        value = value.isoformat() if isinstance(value, date) else value
        if self.answers.get(field, value) != value:
            for dependent in flow.ASKED_AGAIN_WHEN_CHANGED.get(field, ()):
                self.answers.pop(dependent, None)
        self.answers[field] = value
        self.after_answer()
        return self.outcome()

    def begins_anew(self, text: str) -> bool:
        """After a finished application, naming a business type ("积分续办", a year on) starts the
        next application with it. A number still chooses a material, and a question is answered."""
        if self.application_status() != "done" or text.strip().isdigit() or looks_like_question(text):
            return False
        try:
            flow.QUESTIONS["business_type"].parse(text)
        except ValidationError:
            return False
        self.conv = new_state()
        self.say(render.NEW_AFTER_DONE)
        self.on_answer(text)
        return True

    def after_answer(self) -> None:
        self.conv["failures"] = 0
        self.conv["faq_misses"] = 0  # misses count "in a row": an answer in between breaks the row
        before = self.state
        self.advance()
        if before in ("permit_expiry", "permit_too_short") and self.state == "consent":
            self.say(render.transfer_note(self.answers["permit_expiry"], self.ctx.today))
        self.say(self.prompt())

    def on_invalid(self, err: ValidationError) -> Outcome:
        self.conv["failures"] = self.conv.get("failures", 0) + 1
        self.say(err.message)
        if self.conv["failures"] == FAILURES_BEFORE_ESCALATION:
            self.effects.append(Escalate("repeated_failure", note=f"{self.state}: {err.message}"))
            self.say(render.STUCK_ESCALATED)
        if not isinstance(flow.QUESTIONS.get(field_of(self.state) or ""), Choice):
            self.say(self.prompt())
        return self.outcome()

    # -- questions answered from the knowledge base ---------------------------------------
    def try_faq(self, text: str) -> bool:
        kb = self.ctx.kb
        if kb is None:
            return False
        answer = kb.ask(text)
        resume = render.continue_with(self.resume_prompt())
        if answer.status == "answered":
            self.conv["faq_misses"] = 0
            self.say(self.entry_text(answer.entry), resume)
            return True
        misses = self.conv["faq_misses"] = self.conv.get("faq_misses", 0) + 1
        if answer.status == "ambiguous" and answer.candidates:
            ids = [c.id for c in answer.candidates[:3]]
            self.conv["pending"] = {"faq": ids}
            self.say(render.which_question([(FAQ_LETTERS[i], c.questions[0]) for i, c in enumerate(answer.candidates[:3])]))
        else:
            self.say(render.OUT_OF_SCOPE)
        if misses >= FAQ_MISSES_BEFORE_ESCALATION:
            self.conv["faq_misses"] = 0
            # Two questions in a row without a confident answer: a person should look, unasked.
            self.effects.append(Escalate("low_confidence", note=text[:200]))
            self.say(render.QUESTION_ESCALATED)
        self.say(resume)
        return True

    def entry_text(self, entry: Any) -> str:
        text = entry.answer
        material = getattr(entry, "material", None)
        codes = [m.code for m in self.checklist()] if self.state == "materials" else []
        if material and material in codes:
            text += render.checklist_item_note(codes.index(material) + 1, catalogue().materials[material].name)
        return text

    def faq_entry_text(self, entry_id: str) -> str:
        entry = self.ctx.kb.entry(entry_id) if self.ctx.kb is not None else None
        return self.entry_text(entry) if entry else render.ANSWER_GONE


_MAY_BE_DISTINCTIVE = re.compile(r"[\d@〇一二三四五六七八九十]")


def mistaken_for(text: str, field: str) -> str | None:
    """The label of another question ``text`` plainly answers (an ID number sent for the name), or None."""
    if not _MAY_BE_DISTINCTIVE.search(text):  # each of them has digits or an @: most answers are spared the parsing
        return None
    for other in flow.DISTINCTIVE_ANSWERS:
        if other == field:
            continue
        try:
            if flow.QUESTIONS[other].parse(text):
                return flow.QUESTIONS[other].label
        except ValidationError:
            continue
    return None


def handle(state: dict[str, Any] | None, event: Text | Image | Command, ctx: Context) -> Outcome:
    """Process one event for one applicant; ``state`` is what the last call returned (None at first)."""
    outcome = Turn(state, ctx).handle(event)
    # While a person has their request, free text gets one line saying so; commands answer as ever.
    if ctx.escalation_open and isinstance(event, Text) and match_intent(event.text) is None:
        outcome.replies.insert(0, render.ESCALATION_OPEN_NOTE)
    if isinstance(event, Text) and event.spoken:
        outcome.replies.insert(0, render.heard(event.text))
    return outcome
