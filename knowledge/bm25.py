"""Okapi BM25 over a few hundred short documents.

Written here rather than taken from a library: it is thirty lines, ranking libraries (rank_bm25) score
every document for every query and pull in numpy, and an inverted index over a hundred entries keeps a
question well under a millisecond.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence


def idf(documents: int, having: int) -> float:
    """Lucene's idf of a term in ``having`` of ``documents``: never negative, so a term found in most
    documents still counts a little."""
    return math.log(1 + (documents - having + 0.5) / (having + 0.5))


def idfs(docs: Sequence[Iterable[str]]) -> dict[str, float]:
    """Each term's :func:`idf` over ``docs``, counted without building an index."""
    having = Counter(term for doc in docs for term in set(doc))
    return {term: idf(len(docs), n) for term, n in having.items()}


class BM25:
    """One field of the documents, indexed: ``scores(query)`` -> {doc index: score}."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.lengths = [len(d) for d in docs]
        self.avg_length = (sum(self.lengths) / len(docs)) if docs else 0.0
        # Each document's length norm, worked out once here rather than for every posting of every
        # question (a knowledge-base question: 3 fields x ~100 postings). Kept per document, not per
        # posting: a float in each of the 27,000 postings would cost every web worker 0.9 MB.
        self.norms = [self.k1 * (1 - self.b + self.b * length / (self.avg_length or 1)) for length in self.lengths]
        found: dict[str, list[int]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                found[term] += (i, tf)  # flat from the start: no pair left behind as garbage among the pages kept
        # Each term's documents and its counts in them, one flat tuple of small ints (shared objects):
        # doc, tf, doc, tf… A list of pairs cost every web worker 2.7 MB more over the knowledge base's
        # 54,000 postings (most terms, bigrams, are in one or two documents).
        self.postings: dict[str, tuple[int, ...]] = {term: tuple(flat) for term, flat in found.items()}
        self.idf = {t: idf(len(docs), len(p) // 2) for t, p in self.postings.items()}

    def scores(self, query: Mapping[str, float]) -> dict[int, float]:
        """BM25 score of every document sharing a term with ``query`` (term -> query weight)."""
        result: dict[int, float] = defaultdict(float)
        norms, saturation = self.norms, self.k1 + 1
        for term, weight in query.items():
            idf = self.idf.get(term)
            if idf is None:
                continue
            pairs = iter(self.postings[term])
            for doc, tf in zip(pairs, pairs):
                result[doc] += weight * idf * tf * saturation / (tf + norms[doc])
        return result
