"""The learned model answers alone, at the line, when BM25 leaves a question unsure and the model is sure
of an entry among the re-ranked candidates (knowledge.retrieval.SURE_ALONE); it never brings back an entry
BM25 dropped, and a question it is unsure of still gets the candidates."""
from __future__ import annotations

import pytest

from knowledge.retrieval import ANSWER_AT_LEARNED

SURE_ALONE = {
    "学位证正本啥时候还": "collect-diploma-originals",
    "预审过了再干嘛": "confirm-within-two-days",
    "英国读的研 回国了学历认证交啥": "material-overseas-degree",
}


@pytest.mark.parametrize("question", sorted(SURE_ALONE))
def test_an_entry_the_learned_model_is_sure_of_is_answered_at_the_line(kb, question):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id, answer.confidence) == ("answered", SURE_ALONE[question], ANSWER_AT_LEARNED)


def test_without_the_learned_model_the_same_question_is_left_unsure(kb):
    from copy import copy

    bm25_alone = copy(kb)
    bm25_alone.model = None
    assert bm25_alone.ask("学位证正本啥时候还").status == "ambiguous"
