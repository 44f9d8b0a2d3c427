"""The learned re-ranking's model: deterministic, kept on disk and loaded to score as it was fitted."""
from __future__ import annotations

import numpy as np

from knowledge.learned import EntryModel, entry_examples, labelled_questions, trained
from knowledge.normalize import normalize


def fitted(kb) -> EntryModel:
    return EntryModel.fit([*entry_examples(kb.entries), *labelled_questions()], [e.id for e in kb.entries],
                          kb.analyzer.words)


def margins(kb, model: EntryModel, question: str) -> np.ndarray:
    normalized = normalize(question)
    return model.margins(normalized, kb.analyzer.words(normalized))


def test_a_fit_is_the_same_every_time_and_scores_the_same_when_kept(kb, tmp_path):
    model, again = fitted(kb), fitted(kb)
    model.save(tmp_path / "entries.npz")
    kept = EntryModel.load(tmp_path / "entries.npz")
    for question in ("闵行人才中心电话", "松江人才中心怎么联系", "身份证快到期了会影响积分吗"):
        assert np.array_equal(margins(kb, model, question), margins(kb, again, question))
        assert np.array_equal(margins(kb, model, question), margins(kb, kept, question))


def test_the_model_learns_from_the_labelled_development_sets():
    examples = labelled_questions()
    assert len(examples) > 800 and all(label for _, label in examples)


def test_a_knowledge_base_of_one_entry_has_nothing_to_learn(kb):
    assert trained(kb.entries[:1], kb.analyzer.words) is None
