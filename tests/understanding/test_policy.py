"""The policy: what the dialogue does with each kind of interpretation."""
from __future__ import annotations

from dialogs.policy import POLICY, Action, decide
from dialogs.understanding import Interpretation
from dialogs.understanding.corpus import KINDS


def test_every_kind_has_an_action():
    assert set(POLICY) == set(KINDS)


def test_only_answers_record_anything():
    recording = {Action.RECORD, Action.RECORD_SEVERAL, Action.RECORD_AND_ANSWER}
    assert {kind for kind, action in POLICY.items() if action in recording} == {
        "answer", "answers", "answer_and_question"}
    assert decide(Interpretation("question", 0.9), asks_question=True) is Action.ANSWER_QUESTION


def test_after_the_checklist_an_answer_names_a_material_and_an_answer_that_asks_is_a_question():
    assert decide(Interpretation("answer", 0.9), asks_question=False) is Action.CHOOSE_MATERIAL
    assert decide(Interpretation("answer_and_question", 0.9), asks_question=False) is Action.ANSWER_QUESTION


def test_an_okay_to_an_answer_shown_again_keeps_it():
    assert decide(Interpretation("smalltalk", 0.9), asks_question=True, okay_to_shown_answer=True) is Action.KEEP


def test_a_first_message_whose_answer_is_only_told_in_its_story_has_its_question_answered_and_records_nothing():
    told = Interpretation("answer_and_question", 0.9, value="employer_change", asks=True)
    assert decide(told, asks_question=True, only_told=True) is Action.ANSWER_STORY
    assert decide(told, asks_question=True) is Action.RECORD_AND_ANSWER  # chosen in a clause of its own
    assert decide(Interpretation("answer", 0.9, value="new"), asks_question=True, only_told=True) is Action.RECORD
