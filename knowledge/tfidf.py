"""A text's TF-IDF row as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` makes it, by hand, and
what a kept fit holds of its vectorizer and its weights in every web worker.

Both learned models (the understanding step's classifier and the knowledge base's entry model) score
one short message at a time, for which sklearn's per-call input checks and sparse-matrix building cost
ten times the arithmetic; a saved model then scores with numpy alone."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any

import marisa_trie
import numpy as np


def row(tokens: Iterable[str], vocabulary: Mapping[str, int], idf: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The columns of the known ``tokens`` and their values (sublinear tf × idf, l2-normalised); None
    when no token is known."""
    counts = Counter(tokens)
    columns = [(j, n) for token, n in counts.items() if (j := vocabulary.get(token)) is not None]
    if not columns:
        return None
    index = np.fromiter((j for j, _ in columns), dtype=np.intp, count=len(columns))
    values = (1.0 + np.log(np.fromiter((n for _, n in columns), dtype=float, count=len(columns)))) * idf[index]
    values /= np.sqrt(values @ values)
    return index, values


class Columns:
    """A fitted vectorizer's part scoring needs: each token's column and idf.

    A kept fit looks tokens up in a marisa-trie instead of a dict of every token (a dict of 62,000 short
    strings is 7 MB in every web worker, the trie 0.2 MB); a lookup costs a microsecond instead of a
    tenth, paid once for each token of a message."""

    def __init__(self, vocabulary: Mapping[str, int], idf: np.ndarray) -> None:
        self.vocabulary, self.idf = vocabulary, idf

    def row(self, tokens: Iterable[str]) -> tuple[np.ndarray, np.ndarray] | None:
        """The vectorizer's ``transform`` of one document's tokens (:func:`row`)."""
        return row(tokens, self.vocabulary, self.idf)

    @cached_property
    def _as_kept(self) -> tuple[marisa_trie.Trie, np.ndarray]:
        """The vocabulary as a trie, and for each of the trie's ids the column it stands for."""
        trie = marisa_trie.Trie(self.vocabulary)
        order = np.empty(len(trie), dtype=np.intp)
        for token, column in self.vocabulary.items():
            order[trie[token]] = column
        return trie, order

    def arrays(self) -> dict[str, np.ndarray]:
        """What a saved fit keeps of the columns: the trie's bytes and the idf in the trie's order."""
        trie, order = self._as_kept
        return {"trie": np.frombuffer(trie.tobytes(), dtype=np.uint8), "idf": self.idf[order]}

    def in_kept_order(self, weights: np.ndarray) -> np.ndarray:
        """Rows of a model's (its weights, or its row of each column), one per column, in the order
        :meth:`arrays` keeps the columns."""
        return weights[self._as_kept[1]]

    @classmethod
    def from_arrays(cls, arrays: Any) -> Columns:
        """The columns a saved fit kept (:meth:`arrays`): looked up in the trie."""
        return cls(marisa_trie.Trie().frombytes(arrays["trie"].tobytes()), arrays["idf"])


class SparseRows:
    """A linear model's weights (one row per column, one column per class) holding only the weights that
    are not zero, each with its class: a model over many classes whose features each speak for a few of
    them (the knowledge base's entries: a fifth of the weights, so 1 MB instead of 3 in every web worker).
    :meth:`take` gives back the dense rows as they were, so a margin is summed exactly as before."""

    def __init__(self, starts: np.ndarray, classes: np.ndarray, weights: np.ndarray, width: int) -> None:
        # row i's weights are weights[starts[i]:starts[i + 1]], of the classes classes[starts[i]:starts[i + 1]]
        self.starts, self.classes, self.weights, self.width = starts, classes, weights, width

    @classmethod
    def of(cls, dense: np.ndarray) -> SparseRows:
        kept = dense != 0
        starts = np.zeros(len(dense) + 1, dtype=np.int32)
        np.cumsum(kept.sum(axis=1), out=starts[1:])
        classes = np.nonzero(kept)[1].astype(np.min_scalar_type(max(dense.shape[1] - 1, 0)))
        return cls(starts, classes, dense[kept], dense.shape[1])

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.starts) - 1, self.width

    def take(self, index: np.ndarray) -> np.ndarray:
        """The dense rows ``index`` (as ``dense[index]``, the same dtype and values)."""
        starts = self.starts[index]
        lengths = self.starts[np.asarray(index) + 1] - starts
        ends = np.cumsum(lengths)
        at = np.repeat(starts - ends + lengths, lengths) + np.arange(ends[-1] if len(ends) else 0)
        rows = np.zeros((len(starts), self.width), dtype=self.weights.dtype)
        rows[np.repeat(np.arange(len(starts)), lengths), self.classes[at]] = self.weights[at]
        return rows

    def arrays(self, name: str) -> dict[str, np.ndarray]:
        return {f"{name}.starts": self.starts, f"{name}.classes": self.classes, f"{name}.weights": self.weights,
                f"{name}.width": np.array(self.width)}

    @classmethod
    def from_arrays(cls, arrays: Any, name: str) -> SparseRows:
        return cls(arrays[f"{name}.starts"], arrays[f"{name}.classes"], arrays[f"{name}.weights"],
                   int(arrays[f"{name}.width"]))
