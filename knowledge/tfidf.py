"""A text's TF-IDF row as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` makes it, by hand.

Both learned models (the understanding step's classifier and the knowledge base's entry model) score
one short message at a time, for which sklearn's per-call input checks and sparse-matrix building cost
ten times the arithmetic; a saved model then scores with numpy alone."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

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
