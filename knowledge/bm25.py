"""Okapi BM25 over a few hundred short documents.

Written here rather than taken from a library: it is thirty lines, ranking libraries (rank_bm25) score
every document for every query and pull in numpy, and an inverted index over a hundred entries keeps a
question well under a millisecond.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence


class BM25:
    """One field of the documents, indexed: ``scores(query)`` -> {doc index: score}."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.lengths = [len(d) for d in docs]
        self.avg_length = (sum(self.lengths) / len(docs)) if docs else 0.0
        # What a question never changes is worked out here, once: each posting's document, its term
        # frequency and the denominator of its term's share (the frequency plus its document's length
        # norm), so that scoring only multiplies (a knowledge-base question: 3 fields x ~100 postings).
        norms = [self.k1 * (1 - self.b + self.b * length / (self.avg_length or 1)) for length in self.lengths]
        self.postings: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                self.postings[term].append((i, tf, tf + norms[i]))
        n = len(docs)
        # Lucene's idf: never negative, so a term found in most documents still counts a little.
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def scores(self, query: Mapping[str, float]) -> dict[int, float]:
        """BM25 score of every document sharing a term with ``query`` (term -> query weight)."""
        result: dict[int, float] = defaultdict(float)
        saturation = self.k1 + 1
        for term, weight in query.items():
            idf = self.idf.get(term)
            if idf is None:
                continue
            for doc, tf, denominator in self.postings[term]:
                result[doc] += weight * idf * tf * saturation / denominator
        return result
