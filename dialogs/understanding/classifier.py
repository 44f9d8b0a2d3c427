"""The learned part of understanding: which kind of message this is (and, for a command, which
command), from the labelled corpus, with scikit-learn's character n-gram TF-IDF and a linear SVM.

Deterministic (fixed ``random_state``, files read in name order), trained once per process at
first use in about half a second (the documents analysed and counted once, by one vectorizer the
three models share), and a fraction of a millisecond per message: the vectorizer's transform and
one sparse-dense product.
"""
from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from dialogs.understanding.corpus import CORPUS_DIR, Example, load_examples
from dialogs.understanding.features import analyze, document
from dialogs.understanding.points import field_at as point_field
from knowledge import tfidf
from knowledge.kept import cache_dir, write_whole

C = 4.0  # the SVM's regularisation: chosen by 5-fold cross-validation on the training corpus only


@dataclass(frozen=True)
class Ranked:
    """Labels best first, each with a score in (0, 1] (a softmax of the SVM's margins)."""

    labels: tuple[tuple[str, float], ...]

    @property
    def best(self) -> str:
        return self.labels[0][0]

    def score(self, label: str) -> float:
        return next((s for l, s in self.labels if l == label), 0.0)


class _Columns(tfidf.Columns):
    """The vectorizer's part every model shares (kept as a trie: :class:`knowledge.tfidf.Columns`),
    and the TF-IDF row of the document scored last (a message is scored by up to five models, analysed once)."""

    def __init__(self, vocabulary: Mapping[str, int], idf: np.ndarray) -> None:
        super().__init__(vocabulary, idf)
        self._last: tuple[str, tuple[np.ndarray, np.ndarray] | None] = ("", None)

    def doc_row(self, doc: str) -> tuple[np.ndarray, np.ndarray] | None:
        """The columns of ``doc``'s known tokens and their values: the vectorizer's ``transform``
        (sublinear tf, idf, l2 norm); None when no token is known."""
        last_doc, last_row = self._last  # one tuple, read and replaced whole: safe across threads
        if last_doc == doc and doc:
            return last_row
        found = self.row(analyze(doc))
        self._last = (doc, found)
        return found


class _Model:
    """One linear SVM over (point, text) documents, kept as what scoring needs: the classes, the
    shared columns (vocabulary and idf), the SVM's weights and intercepts.

    A message is scored by hand — the same arithmetic as the vectorizer's ``transform`` and the SVM's
    margins, without sklearn's per-call input checks and sparse-matrix building, which cost ten times
    more for one short message (``test_the_fast_path_scores_as_sklearn_does``).
    Fitting needs scikit-learn; scoring only numpy, so a saved model loads without importing it."""

    def __init__(self, classes: tuple[str, ...], columns: _Columns, weights: np.ndarray, intercept: np.ndarray,
                 rows: np.ndarray | None = None) -> None:
        self.classes, self.columns = classes, columns
        # weights: one row per feature, or with ``rows`` (each column's row, -1 for none) one per feature the
        # model's own examples have: a model fitted on a subset (commands, values) has zero weight for the rest
        self.weights, self.intercept, self.rows = weights, intercept, rows

    @classmethod
    def fit(cls, matrix: Any, labels: list[str], vectorizer: Any, columns: _Columns) -> _Model:
        """A linear SVM on rows of ``vectorizer``'s TF-IDF ``matrix`` (one vectorizer serves every
        model: the documents are analysed and counted once)."""
        from sklearn.svm import LinearSVC

        svm = LinearSVC(C=C, random_state=0).fit(matrix, labels)
        classes = tuple(str(c) for c in svm.classes_)
        two = len(classes) == 2  # a binary SVM keeps one row: the first class's margin is its negative
        coef = np.vstack([-svm.coef_[0], svm.coef_[0]]) if two else svm.coef_
        intercept = np.array([-svm.intercept_[0], svm.intercept_[0]]) if two else svm.intercept_
        # Weights kept in half precision: a quarter of the memory every web worker holds (6 MB, not 25),
        # margins within 1e-3 of sklearn's and the same best class for every corpus and development
        # message (test_the_fast_path_scores_as_sklearn_does); the sums are taken in double precision.
        weights = np.ascontiguousarray(coef.T, dtype=np.float16)
        used = np.flatnonzero(np.any(weights != 0, axis=1))
        rows = None
        if len(used) < 0.8 * len(weights):  # the commands' and values' models: a fifth of the rows, 5 MB less
            # each column's row in the smallest signed type that holds them (int16 for the ~24,000 rows of the
            # largest: 0.5 MB less in every web worker than int32 over the three models' 91,000 columns)
            dtype = np.min_scalar_type(-len(used))
            rows = np.full(len(weights), -1, dtype=dtype)
            rows[used] = np.arange(len(used), dtype=dtype)
            weights = weights[used]
        model = cls(classes, columns, weights, intercept, rows)
        model.fitted = (vectorizer, svm)  # for the test comparing the fast path with sklearn's
        return model

    def arrays(self, name: str) -> dict[str, np.ndarray]:
        """What this model adds to a saved fit (the columns are shared, kept once, after :meth:`_Columns.arrays`)."""
        kept = {f"{name}.classes": np.array(self.classes), f"{name}.intercept": self.intercept}
        if self.rows is None:
            return {**kept, f"{name}.weights": self.columns.in_kept_order(self.weights)}
        return {**kept, f"{name}.weights": self.weights, f"{name}.rows": self.columns.in_kept_order(self.rows)}

    @classmethod
    def from_arrays(cls, arrays: Any, name: str, columns: _Columns) -> _Model:
        rows = arrays[f"{name}.rows"] if f"{name}.rows" in arrays else None
        return cls(tuple(arrays[f"{name}.classes"].tolist()), columns, arrays[f"{name}.weights"],
                   arrays[f"{name}.intercept"], rows)

    def margins(self, doc: str) -> np.ndarray:
        row = self.columns.doc_row(doc)
        if row is None:
            return self.intercept.copy()
        index, values = row
        if self.rows is not None:
            at = self.rows[index]
            index, values = at[at >= 0], values[at >= 0]
        return values @ self.weights[index] + self.intercept

    def rank(self, doc: str) -> Ranked:
        margins = self.margins(doc)
        scores = np.exp(2 * (margins - margins.max()))
        scores /= scores.sum()
        order = np.argsort(-scores, kind="stable")
        return Ranked(tuple((self.classes[i], round(float(scores[i]), 4)) for i in order))


# Where a message may say a review was wrong: a return's reasons are in front of the applicant there. Whether it does is
# learned over every message labelled there, of any kind ("委托单上的日期是10月8号" tells, "为什么退回" asks the reason).
CONTESTED_AT = frozenset({"returned"})
CONTEST, NO_CONTEST = "contest", "no_contest"
# Questions with a few possible answers: their values are learned too ("读了个研" → master), for
# replies the question's own parser cannot read. Keyed by the field the answer fills.
# Many-choice questions are left to their parser: a list of options is not one class among a few.
CHAT = "chat"  # small talk that the question waiting answers well enough
FINITE_ANSWERS = frozenset({"business_type", "consent", "marital_status", "edu_fulltime", "edu_foreign", "edu_level",
                            "confirmed"})


def value_label(field: str, value: Any) -> str:
    """A value as a class label: lists in a fixed order, everything as JSON."""
    return f"{field}={json.dumps(sorted(value) if isinstance(value, list) else value, ensure_ascii=False)}"


class Classifier:
    """The kind of a message, the command it names when it is one, and the value of a reply to a
    question with a few possible answers."""

    def __init__(self, examples: Iterable[Example], field_at: Callable[[str], str | None] = point_field) -> None:
        examples = list(examples)
        if not examples:
            raise ValueError("no examples to learn from")
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(analyzer=analyze, sublinear_tf=True)
        matrix = vectorizer.fit_transform([document(e.point, e.text) for e in examples])
        columns = _Columns(dict(vectorizer.vocabulary_), vectorizer.idf_)
        kinds = _Model.fit(matrix, [e.kind for e in examples], vectorizer, columns)
        commands = [i for i, e in enumerate(examples) if e.kind == "command" and e.command]
        commands_model = _Model.fit(matrix[commands], [examples[i].command for i in commands], vectorizer, columns) \
            if len({examples[i].command for i in commands}) > 1 else None
        # Non-answers at the same questions are a value of their own (null): "我想办积分" names no type.
        answers = [(i, f) for i, e in enumerate(examples) if (f := field_at(e.point)) in FINITE_ANSWERS
                   and (e.kind == "non_answer" or e.kind in ("answer", "answer_and_question") and e.value is not None)]
        values = _Model.fit(matrix[[i for i, _ in answers]], [value_label(f, examples[i].value) for i, f in answers],
                            vectorizer, columns) if len(answers) > 2 else None
        # Small talk that needs its own reply (labelled with its command: "你是机器人吗", "怎么这么麻烦啊"); the rest is chat.
        chats = [i for i, e in enumerate(examples) if e.kind == "smalltalk"]
        chat_labels = [examples[i].command or CHAT for i in chats]
        chat = _Model.fit(matrix[chats], chat_labels, vectorizer, columns) if len(set(chat_labels)) > 1 else None
        where = [i for i, e in enumerate(examples) if e.point in CONTESTED_AT]
        said = [CONTEST if examples[i].contests else NO_CONTEST for i in where]
        contest = _Model.fit(matrix[where], said, vectorizer, columns) if len(set(said)) > 1 else None
        self._keep(len(examples), kinds, commands_model, values, field_at, chat, contest)

    def _keep(self, size: int, kinds: _Model, commands: _Model | None, values: _Model | None,
              field_at: Callable[[str], str | None], chat: _Model | None = None, contest: _Model | None = None) -> None:
        self.size, self.kinds, self.commands, self.values, self.field_at = size, kinds, commands, values, field_at
        self.chat, self.contest = chat, contest
        self.value_classes: dict[str, list[int]] = {}
        for i, label in enumerate(self.values.classes if self.values else ()):
            self.value_classes.setdefault(label.partition("=")[0], []).append(i)

    def kind(self, point: str, text: str) -> Ranked:
        return self.kinds.rank(document(point, text))

    def command(self, point: str, text: str) -> Ranked | None:
        return self.commands.rank(document(point, text)) if self.commands is not None else None

    def small_talk(self, point: str, text: str) -> str | None:
        """What small talk needs its own reply: "bot" (whether a person answers), "complaint", "feeling"; None for chat."""
        if self.chat is None:
            return None
        best = self.chat.rank(document(point, text)).best
        return None if best == CHAT else best

    def contests(self, point: str, text: str) -> bool:
        """Whether ``text`` says the review was wrong ("合同是今年续签过的" of a contract returned as expired), where a
        return's reasons are shown; never a question about them ("什么叫调档", "审核的人电话多少")."""
        if self.contest is None or point not in CONTESTED_AT:
            return False
        return self.contest.rank(document(point, text)).best == CONTEST

    def value(self, point: str, text: str) -> Any:
        """The likeliest value among those the corpus gives this point's question; None when the
        question has no such list, or when no value's own model claims the text (every
        one-vs-rest margin negative: "哦" is no marital status)."""
        classes = self.value_classes.get(self.field_at(point) or "")
        if not classes or self.values is None:
            return None
        margins = self.values.margins(document(point, text))
        best = max(classes, key=lambda i: margins[i])
        return json.loads(self.values.classes[best].partition("=")[2]) if margins[best] > 0 else None


    def save(self, path: Path) -> None:
        """Keep this fit in one .npz file (written whole: a reader never sees half of it)."""
        arrays = {"size": np.array(self.size), **self.kinds.columns.arrays(), **self.kinds.arrays("kinds")}
        for name, model in (("commands", self.commands), ("values", self.values), ("chat", self.chat),
                            ("contest", self.contest)):
            if model is not None:
                arrays.update(model.arrays(name))
        def write(partial: Path) -> None:
            with partial.open("wb") as out:  # a file, not a name: np.savez would add ".npz" to the name
                np.savez(out, **arrays)

        write_whole(path, write)

    @classmethod
    def load(cls, path: Path, field_at: Callable[[str], str | None] = point_field) -> Classifier:
        """A fit kept by :meth:`save`: scores as the fit did, without importing scikit-learn."""
        with np.load(path, allow_pickle=False) as arrays:
            columns = _Columns.from_arrays(arrays)

            def model(name: str) -> _Model | None:
                return _Model.from_arrays(arrays, name, columns) if f"{name}.classes" in arrays else None

            classifier = cls.__new__(cls)
            classifier._keep(int(arrays["size"]), model("kinds"), model("commands"), model("values"), field_at, model("chat"),
                             model("contest"))
        return classifier


def fit_inputs(directory: Path) -> list[Path]:
    """The files a fit is made from: the corpus's, the dialogue's code (the features are here, and read the questions'
    option names from the flows) and the knowledge package's, whose regional words, segmentation and weights the
    features read (a word added to knowledge/dialect.py changes every example's features that holds it)."""
    code = Path(__file__).resolve().parents[1]
    knowledge = code.parent / "knowledge"
    return [*sorted(directory.glob("*.yaml")), *sorted(code.rglob("*.py")), *sorted(knowledge.rglob("*.py"))]


def fit_key(directory: Path) -> str:
    """What a fit depends on: ``fit_inputs`` and the libraries that fit. A change to any of them
    makes a new key, so a kept fit is never stale."""
    digest = hashlib.sha256()
    for path in fit_inputs(directory):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(f"scikit-learn {version('scikit-learn')} numpy {version('numpy')}".encode())
    return digest.hexdigest()[:24]


def kept_fit(directory: Path = CORPUS_DIR) -> Path:
    """Where the fit of the corpus in ``directory`` is kept."""
    return cache_dir() / f"classifier-{fit_key(directory)}.npz"


@lru_cache(maxsize=4)
def trained(directory: str | Path = CORPUS_DIR) -> Classifier:
    """The classifier trained on the corpus in ``directory``, once per process. The fit is kept on
    disk under :func:`fit_key`: a restart or a deploy of the same code loads it in milliseconds
    instead of importing scikit-learn and fitting again (about 2.5 s that gunicorn's master spends
    before it binds the port)."""
    kept = kept_fit(Path(directory))
    try:
        return Classifier.load(kept)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):  # none kept yet, or unreadable: fit again
        pass
    classifier = Classifier(load_examples(directory))
    try:
        classifier.save(kept)
    except OSError:  # a read-only home only costs the next start the fit
        pass
    return classifier
