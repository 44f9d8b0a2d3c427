"""A message that asks, which the model finds as likely a question as no answer at all, is answered as a
question (dev3's "…会不会通不过？" flipped to a non-answer on a corpus change of a hundredth). The rule is
tested on the model's ranking as data: no natural message holds the model at the tie for long."""
from __future__ import annotations

from dialogs.understanding.classifier import Ranked
from dialogs.understanding.features import match_form
from dialogs.understanding.interpret import torn_towards_question


def ranking(question: float) -> Ranked:
    return Ranked(labels=(("non_answer", 0.33), ("question", question), ("answer", 0.1)))


def test_a_message_that_asks_read_as_likely_a_question_as_no_answer_is_a_question():
    assert torn_towards_question(match_form("我的证件是旧号段的 会不会通不过？"), ranking(0.325), 0.33)


def test_a_message_that_asks_but_is_surely_no_answer_stays_one():
    assert not torn_towards_question(match_form("我的证件是旧号段的 会不会通不过？"), ranking(0.2), 0.33)


def test_a_murmur_with_a_question_mark_stays_a_non_answer():
    assert not torn_towards_question(match_form("嗯？？"), ranking(0.325), 0.33)
