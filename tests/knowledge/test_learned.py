"""The learned re-ranking's model: deterministic, kept on disk and loaded to score as it was fitted."""
from __future__ import annotations

import copy

import marisa_trie
import numpy as np
import pytest

from knowledge import tfidf
from knowledge.data_file import read_yaml
from knowledge.learned import LABELLED_DIR, EntryModel, entry_examples, features, labelled_questions, trained
from knowledge.normalize import normalize


def fitted(kb) -> EntryModel:
    return EntryModel.fit([*entry_examples(kb.entries), *labelled_questions()], [e.id for e in kb.entries],
                          kb.analyzer.words)


def margins(kb, model: EntryModel, question: str) -> np.ndarray:
    normalized = normalize(question)
    return model.margins(normalized, kb.analyzer.words(normalized))


# Two fits of the whole labelled set (~8 s each since the paraphrases): in the slow run, to keep the fast suite
# under a minute.
@pytest.mark.slow
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


class PlainModel(EntryModel):
    """The model as it was kept before issue 19's cut: a dict of the tokens, dense weights."""

    def __init__(self, columns: tfidf.Columns, weights: np.ndarray, intercept: np.ndarray) -> None:
        self.columns, self.dense, self.intercept = columns, weights, intercept

    def margins(self, normalized: str, words: list[str]) -> np.ndarray:
        found = tfidf.row(features(normalized, words), self.columns.vocabulary, self.columns.idf)
        if found is None:
            return self.intercept.copy()
        index, values = found
        return values @ self.dense[index] + self.intercept


@pytest.mark.slow  # a fit and every labelled question asked twice: see above
def test_the_kept_model_ranks_as_the_plain_one(kb, tmp_path):
    """The trie and the weights not zero score every question of every labelled set exactly as the
    dict and the dense weights did, so the knowledge base ranks every one the same."""
    columns, dense, intercept = EntryModel.fitted([*entry_examples(kb.entries), *labelled_questions()],
                                                  [e.id for e in kb.entries], kb.analyzer.words)
    EntryModel(columns, tfidf.SparseRows.of(dense), intercept).save(tmp_path / "entries.npz")
    kept = EntryModel.load(tmp_path / "entries.npz")
    assert isinstance(kept.columns.vocabulary, marisa_trie.Trie)  # no dict of every token in each worker
    assert kept.weights.weights.size < 0.3 * dense.size
    plain_kb, kept_kb = copy.copy(kb), copy.copy(kb)
    plain_kb.model, kept_kb.model = PlainModel(columns, dense, intercept), kept
    questions = [case["q"] for path in sorted(LABELLED_DIR.glob("*.yaml"))
                 for case in read_yaml(path)["questions"]]
    assert len(questions) > 800
    for question in questions:
        assert np.array_equal(margins(kb, kept, question), margins(kb, plain_kb.model, question)), question
        plain, ours = plain_kb.ask(question), kept_kb.ask(question)
        assert (ours.status, ours.confidence, [e.id for e in ours.candidates]) == \
            (plain.status, plain.confidence, [e.id for e in plain.candidates]), question


def test_the_weights_not_zero_give_back_the_dense_rows():
    dense = np.array([[0, 1.5, 0], [0, 0, 0], [2, 0, -1], [0, 0, 3]], dtype=np.float16)
    rows = tfidf.SparseRows.of(dense)
    for index in ([0], [1], [2, 0], [3, 1, 2, 0], []):
        taken = rows.take(np.array(index, dtype=np.intp))
        assert taken.dtype == dense.dtype and np.array_equal(taken, dense[index].reshape(len(index), 3))
