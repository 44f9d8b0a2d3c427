"""The learned part of understanding: which kind of message this is (and, for a command, which
command), from the labelled corpus, with scikit-learn's character n-gram TF-IDF and a linear SVM.

Deterministic (fixed ``random_state``, files read in name order), trained once per process at
first use in about a tenth of a second, and a fraction of a millisecond per message: the
vectorizer's transform and one sparse-dense product.
"""
from __future__ import annotations

from collections import Counter
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from dialogs.understanding.corpus import CORPUS_DIR, Example, load_examples
from dialogs.understanding.features import analyze, document
from dialogs.understanding.points import field_at as point_field

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


class _Model:
    """One vectorizer and one linear SVM over (point, text) documents.

    A message is scored by hand with the fitted vocabulary, idf and weights — the same arithmetic
    as the vectorizer's ``transform`` (sublinear tf, idf, l2 norm) and the SVM's margins, without
    sklearn's per-call input checks and sparse-matrix building, which cost ten times more for one
    short message (``test_the_fast_path_scores_as_sklearn_does``)."""

    def __init__(self, docs: list[str], labels: list[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC

        self.vectorizer = TfidfVectorizer(analyzer=analyze, sublinear_tf=True)
        matrix = self.vectorizer.fit_transform(docs)
        self.svm = LinearSVC(C=C, random_state=0).fit(matrix, labels)
        self.classes = tuple(str(c) for c in self.svm.classes_)
        coef = self.svm.coef_ if len(self.classes) > 2 else np.vstack([-self.svm.coef_[0], self.svm.coef_[0]])
        intercept = self.svm.intercept_ if len(self.classes) > 2 else np.array([-self.svm.intercept_[0],
                                                                                  self.svm.intercept_[0]])
        self.weights = np.ascontiguousarray(coef.T)  # one row per feature
        self.intercept = intercept
        self.vocabulary = self.vectorizer.vocabulary_
        self.idf = self.vectorizer.idf_

    def margins(self, doc: str) -> np.ndarray:
        counts = Counter(analyze(doc))
        columns = [(j, n) for token, n in counts.items() if (j := self.vocabulary.get(token)) is not None]
        if not columns:
            return self.intercept.copy()
        index = np.fromiter((j for j, _ in columns), dtype=np.intp, count=len(columns))
        values = (1.0 + np.log(np.fromiter((n for _, n in columns), dtype=float, count=len(columns)))) * self.idf[index]
        values /= np.sqrt(values @ values)
        return values @ self.weights[index] + self.intercept

    def rank(self, doc: str) -> Ranked:
        margins = self.margins(doc)
        scores = np.exp(2 * (margins - margins.max()))
        scores /= scores.sum()
        order = np.argsort(-scores, kind="stable")
        return Ranked(tuple((self.classes[i], round(float(scores[i]), 4)) for i in order))


# Questions with a few possible answers: their values are learned too ("读了个研" → master), for
# replies the question's own parser cannot read. Keyed by the field the answer fills.
# Many-choice questions are left to their parser: a list of options is not one class among a few.
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
        self.size = len(examples)
        self.kinds = _Model([document(e.point, e.text) for e in examples], [e.kind for e in examples])
        commands = [e for e in examples if e.kind == "command" and e.command]
        self.commands = _Model([document(e.point, e.text) for e in commands], [e.command for e in commands]) \
            if len({e.command for e in commands}) > 1 else None
        self.field_at = field_at
        # Non-answers at the same questions are a value of their own (null): "我想办积分" names no type.
        answers = [(e, f) for e in examples if (f := field_at(e.point)) in FINITE_ANSWERS
                   and (e.kind == "non_answer" or e.kind in ("answer", "answer_and_question") and e.value is not None)]
        self.values = _Model([document(e.point, e.text) for e, _ in answers],
                             [value_label(f, e.value) for e, f in answers]) if len(answers) > 2 else None
        self.value_classes: dict[str, list[int]] = {}
        for i, label in enumerate(self.values.classes if self.values else ()):
            self.value_classes.setdefault(label.partition("=")[0], []).append(i)

    def kind(self, point: str, text: str) -> Ranked:
        return self.kinds.rank(document(point, text))

    def command(self, point: str, text: str) -> Ranked | None:
        return self.commands.rank(document(point, text)) if self.commands is not None else None

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


@lru_cache(maxsize=4)
def trained(directory: str | Path = CORPUS_DIR) -> Classifier:
    """The classifier trained on the corpus in ``directory``, once per process."""
    return Classifier(load_examples(directory))
