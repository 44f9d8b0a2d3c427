"""What the dialogue does with a message, given what it was understood to be: one table.

The interpretation (``dialogs.understanding``) says what a message is; this says what to do at
the applicant's point. A question is never recorded as an answer: only ``answer``, ``answers``
and ``answer_and_question`` record anything, and the first two never for a message that asks.
"""
from __future__ import annotations

from enum import Enum

from dialogs.understanding import Interpretation


class Action(Enum):
    RECORD = "record the answer, say what was understood when it was free text, ask the next question"
    RECORD_SEVERAL = "record every answer found, list them, ask what is still missing"
    RECORD_AND_ANSWER = "record the answer, answer the question from the knowledge base, ask the next question"
    ANSWER_QUESTION = "answer from the knowledge base, then ask the same question again"
    ANSWER_STORY = "answer the question a story ends with (or, unsure, the rule of the situation it tells), then ask again"
    RUN_COMMAND = "run the command (if it applies at this stage)"
    SMALL_TALK = "answer kindly, then the question waiting"
    ASK_AGAIN = "say why this cannot be taken, and ask again"
    DECLINE = "say politely this is outside the service, and ask again"
    ENGLISH = "one line in Chinese and English: the service is in Chinese, 人工 can help"
    CHOOSE_MATERIAL = "after the checklist: a material named in free text, or a hint how to choose one"
    KEEP = "an answer shown again for editing, and an okay to it: keep it and go on"


POLICY: dict[str, Action] = {
    "answer": Action.RECORD,
    "answers": Action.RECORD_SEVERAL,
    "answer_and_question": Action.RECORD_AND_ANSWER,
    "question": Action.ANSWER_QUESTION,
    "command": Action.RUN_COMMAND,
    "smalltalk": Action.SMALL_TALK,
    "non_answer": Action.ASK_AGAIN,
    "out_of_scope": Action.DECLINE,
    "english": Action.ENGLISH,
}
# The actions that record what was said without answering anything: never for a message that asks.
RECORDS_ONLY = frozenset({Action.RECORD, Action.RECORD_SEVERAL})
# Commands the applicant cannot take back: run when asked for, never on a question about them
# ("我全部传完了，可以交了吗？" submitted the application; "我要确认哪些信息？" confirmed it).
IRREVERSIBLE = frozenset({"submit", "confirm_application"})
# After the checklist nothing is asked: what would be an answer elsewhere names a material.
AFTER_CHECKLIST: dict[str, Action] = {
    "answer": Action.CHOOSE_MATERIAL,
    "answers": Action.CHOOSE_MATERIAL,
    "non_answer": Action.CHOOSE_MATERIAL,
    "answer_and_question": Action.ANSWER_QUESTION,
}


def decide(interpretation: Interpretation, *, asks_question: bool, okay_to_shown_answer: bool = False,
           only_told: bool = False) -> Action:
    """The action for the best interpretation, where a question is (or is not) waiting.
    ``okay_to_shown_answer``: the message is an okay ("好的", "确认") to an answer shown for editing.
    ``only_told``: a first message whose answer is only read from the story it tells, no clause of its
    own choosing it ("我去年在浦东办的积分，今年跳到静安…现在是要重新申请还是改一下就行")."""
    if okay_to_shown_answer:
        return Action.KEEP
    if only_told and interpretation.kind == "answer_and_question":
        # Its question is answered and nothing is started: it asks which way to go, or what to do first,
        # and starting the business type its story suggests left that unanswered behind a choice it did
        # not make. A type chosen in a clause of its own ("我要办积分新办，需要哪些材料") is started too.
        return Action.ANSWER_STORY
    if not asks_question and interpretation.kind in AFTER_CHECKLIST:
        return AFTER_CHECKLIST[interpretation.kind]
    action = POLICY[interpretation.kind]
    if interpretation.asks and action in RECORDS_ONLY:  # a message that asks is answered, never only recorded
        return Action.ANSWER_QUESTION
    if interpretation.asks and action is Action.RUN_COMMAND and interpretation.command in IRREVERSIBLE:
        return Action.ANSWER_QUESTION
    return action
