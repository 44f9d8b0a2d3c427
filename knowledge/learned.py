"""The learned half of answering: which entry a question is, by a linear SVM over the entries' own
questions and keywords and the labelled first messages of the development sets.

BM25 over hand-weighted fields answers what the entries say in words of their own; a question put in
new words (a phrasing the entries and the vocabulary do not have) meets the entry only through what
other people asked for it. The model learns that from labelled questions rather than from a growing
word list; ``KnowledgeBase.ask`` blends its probabilities into BM25's ranking (``retrieval.py``).

Features: character 1- and 2-grams of each word (a typo keeps most of them) and the Analyzer's words
(the domain's segmentation and colloquial words put as the entries put them). Chosen by
leave-one-set-out over the six development sets (``benchmarks/faq_learned.py``): 1–3-grams, the
characters alone, the words alone and keywords joined into one document each scored lower.

Deterministic (fixed ``random_state``, examples in file order), fitted in about half a second, kept on
disk under a key of what it was fitted from (like the understanding step's fit), and scored by hand
(the vectorizer's arithmetic: sublinear tf, idf, l2 norm, then one sparse-dense product) in a few
hundredths of a millisecond, with numpy alone.
"""
from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path

import numpy as np

from knowledge import tfidf
from knowledge.data_file import read_yaml
from knowledge.entries import Entry
from knowledge.kept import cache_dir, write_whole
from knowledge.normalize import normalize

C = 1.0  # the SVM's regularisation (leave-one-set-out: 0.3 and 3 no better)
# The development sets of first messages, each question labelled with the entry that answers it
# (knowledge/asked; the tests measure each), and paraphrases.yaml: 4–8 more ways of asking for every entry, in
# applicants' voices, written for the entries (a reach the blind sets alone leave to chance), and paraphrases2.yaml:
# 6–9 more an entry in voices the first has not (regional, slang, voice input, stories, HR clerks, parents). Named one by one;
# the held-out sets are in tests/knowledge, never learned from.
LABELLED_DIR = Path(__file__).resolve().parent / "asked"
LABELLED_SETS = ("first_message_dev.yaml", "first_message_dev2.yaml", "first_message_dev_own.yaml",
                 "first_message_dev_kb.yaml", "first_message_dev3.yaml", "first_message_dev4.yaml",
                 "first_message_dev5.yaml", "first_message_dev6.yaml", "first_message_dev7.yaml",
                 "first_message_dev8.yaml", "first_message_dev9.yaml", "first_message_dev10.yaml",
                 "first_message_dev11.yaml", "first_message_dev12.yaml", "first_message_dev13.yaml",
                 "first_message_dev14.yaml", "first_message_dev15.yaml", "first_message_dev16.yaml",
                 "first_message_dev17.yaml", "first_message_dev18.yaml", "first_message_dev19.yaml", "paraphrases.yaml",
                 "paraphrases2.yaml")

Words = Callable[[str], list[str]]  # a normalised text's index words (``Analyzer.words``)


def features(normalized: str, words: list[str]) -> list[str]:
    """Character 1- and 2-grams of each word, padded (sklearn's ``char_wb``: a word's edges count), and
    the Analyzer's words, prefixed so a one-character word is not taken for a character."""
    grams = []
    for word in normalized.split():
        padded = f" {word} "
        grams += [padded[i:i + n] for n in (1, 2) for i in range(len(padded) - n + 1)]
    return grams + ["w:" + w for w in words]


def labelled_questions(names: Sequence[str] = LABELLED_SETS, directory: Path = LABELLED_DIR) -> list[tuple[str, str]]:
    """(question, entry id) of the development sets found; a case naming several entries (they say the
    same thing) is learned as the first."""
    examples = []
    for name in names:
        path = directory / name
        if path.is_file():
            for case in read_yaml(path)["questions"]:
                expect = case["expect"]
                examples.append((case["q"], expect[0] if isinstance(expect, list) else expect))
    return examples


def entry_examples(entries: Sequence[Entry]) -> list[tuple[str, str]]:
    """(text, entry id): each question variant and each keyword of each entry."""
    return [(text, e.id) for e in entries for text in (*e.questions, *e.keywords)]


class EntryModel:
    """Scores of every entry for a question, in the order of the entries it was fitted for.

    Each web worker holds it: the vocabulary a trie and the weights only those not zero (each feature
    speaks for a few entries: a fifth of them), 1 MB where a dict and the dense weights took 4; a
    margin is summed from the same dense rows as before (``test_the_kept_model_ranks_as_the_plain_one``)."""

    def __init__(self, columns: tfidf.Columns, weights: tfidf.SparseRows, intercept: np.ndarray) -> None:
        self.columns, self.weights, self.intercept = columns, weights, intercept  # weights: a row per feature, a column per entry

    @classmethod
    def fit(cls, examples: Sequence[tuple[str, str]], entry_ids: Sequence[str], words: Words) -> EntryModel:
        """A linear SVM on (text, entry id) examples; columns in ``entry_ids``' order (an entry without
        an example never wins: its margin is far below). An example naming no entry (a set's ``none``:
        nothing answers it) is left out."""
        columns, weights, intercept = cls.fitted(examples, entry_ids, words)
        return cls(columns, tfidf.SparseRows.of(weights), intercept)

    @staticmethod
    def fitted(examples: Sequence[tuple[str, str]], entry_ids: Sequence[str],
               words: Words) -> tuple[tfidf.Columns, np.ndarray, np.ndarray]:
        """The fit's columns (a dict of the tokens), dense weights and intercepts (:meth:`fit`)."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC

        examples = [(text, label) for text, label in examples if label in set(entry_ids)]

        vectorizer = TfidfVectorizer(analyzer=lambda text: features(n := normalize(text), words(n)),
                                     sublinear_tf=True)
        matrix = vectorizer.fit_transform([text for text, _ in examples])
        svm = LinearSVC(C=C, random_state=0).fit(matrix, [label for _, label in examples])
        column = {label: i for i, label in enumerate(svm.classes_)}
        weights = np.zeros((matrix.shape[1], len(entry_ids)), dtype=np.float16)
        intercept = np.full(len(entry_ids), -10.0)
        for j, entry_id in enumerate(entry_ids):
            if (i := column.get(entry_id)) is not None:
                weights[:, j], intercept[j] = svm.coef_[i], svm.intercept_[i]
        # Half precision: a quarter of the memory every web worker holds (1.9 MB, not 7.7), the same
        # leave-one-set-out figures as double; the sums are taken in double precision.
        columns = tfidf.Columns(dict(vectorizer.vocabulary_), vectorizer.idf_)
        return columns, weights, intercept

    def margins(self, normalized: str, words: list[str]) -> np.ndarray:
        """The SVM's margin of each entry for a normalised question and its index words."""
        found = self.columns.row(features(normalized, words))
        if found is None:
            return self.intercept.copy()
        index, values = found
        return values @ self.weights.take(index) + self.intercept

    @staticmethod
    def probabilities(margins: np.ndarray, sharpness: float) -> np.ndarray:
        """A softmax of the margins: ``sharpness`` says how much a lead in margin counts."""
        scores = np.exp(sharpness * (margins - margins.max()))
        return scores / scores.sum()

    def save(self, path: Path) -> None:
        """Keep this fit in one .npz file (written whole: a reader never sees half of it), its rows in
        the order of the columns' trie."""
        rows = self.columns.in_kept_order(np.arange(self.weights.shape[0]))
        arrays = {**self.columns.arrays(), **tfidf.SparseRows.of(self.weights.take(rows)).arrays("weights"),
                  "intercept": self.intercept}

        def write(partial: Path) -> None:
            with partial.open("wb") as out:  # a file, not a name: np.savez would add ".npz" to the name
                np.savez(out, **arrays)

        write_whole(path, write)

    @classmethod
    def load(cls, path: Path) -> EntryModel:
        """A fit kept by :meth:`save`, scoring as the fit did, without importing scikit-learn."""
        with np.load(path, allow_pickle=False) as arrays:
            return cls(tfidf.Columns.from_arrays(arrays), tfidf.SparseRows.from_arrays(arrays, "weights"),
                       arrays["intercept"])


def fit_key(entries: Sequence[Entry]) -> str:
    """What a fit depends on: the entries (their ids and texts), the labelled sets, this package's code
    (the Analyzer's words are features) and the libraries that fit. Any change makes a new key."""
    digest = hashlib.sha256()
    for e in entries:
        digest.update("\0".join((e.id, *e.questions, *e.keywords)).encode() + b"\1")
    code = Path(__file__).resolve().parent
    files = [*(LABELLED_DIR / n for n in LABELLED_SETS), *sorted(code.glob("*.py")), *sorted(code.glob("*.yaml"))]
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(f"scikit-learn {version('scikit-learn')} numpy {version('numpy')}".encode())
    return digest.hexdigest()[:24]


def kept_model(entries: Sequence[Entry]) -> Path:
    """Where the fit for these entries is kept."""
    return cache_dir() / f"entries-{fit_key(entries)}.npz"


def trained(entries: Sequence[Entry], words: Words) -> EntryModel | None:
    """The model for these entries, loaded when kept, else fitted (entries and labelled sets) and kept;
    None for a knowledge base of one entry (nothing to tell apart)."""
    if len(entries) < 2:
        return None
    kept = kept_model(entries)
    try:
        return EntryModel.load(kept)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):  # none kept yet, or unreadable: fit again
        pass
    model = EntryModel.fit([*entry_examples(entries), *labelled_questions()], [e.id for e in entries], words)
    try:
        model.save(kept)
        return EntryModel.load(kept)  # as a worker holds it (the vocabulary a trie)
    except OSError:  # a read-only home only costs the next start the fit
        return model
