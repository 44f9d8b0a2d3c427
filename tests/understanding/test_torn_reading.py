"""A message that asks, which the model finds as likely a question as no answer at all, is answered as a
question (dev3's "…会不会通不过？" flipped to a non-answer on a corpus change of a hundredth)."""
from __future__ import annotations

from dialogs.understanding import interpret
from dialogs.understanding.classifier import Ranked


class Torn:
    """The model torn between a non-answer and a question (or sure of the non-answer)."""

    def __init__(self, question: float) -> None:
        self.question = question

    def kind(self, point: str, text: str) -> Ranked:
        return Ranked(labels=(("non_answer", 0.33), ("question", self.question), ("answer", 0.1)))

    def value(self, point: str, text: str) -> None:
        return None


def test_a_message_that_asks_read_as_likely_a_question_as_no_answer_is_a_question():
    assert interpret("id_number", "我的证件是旧号段的 会不会通不过？", classifier=Torn(0.325))[0].kind == "question"


def test_a_message_that_asks_but_is_surely_no_answer_stays_one():
    assert interpret("id_number", "我的证件是旧号段的 会不会通不过？", classifier=Torn(0.2))[0].kind == "non_answer"


def test_a_murmur_with_a_question_mark_stays_a_non_answer():
    assert interpret("id_number", "嗯？？", classifier=Torn(0.325))[0].kind == "non_answer"
