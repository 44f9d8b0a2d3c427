"""BM25's index keeps each term's postings as one flat tuple (issue 19: memory in every web worker);
its scores are Okapi BM25's with Lucene's idf, worked out here term by term."""
from __future__ import annotations

import math

import pytest

from knowledge.bm25 import BM25

DOCS = [["居住证", "积分", "积分", "材料"], ["社保", "基数"], ["积分", "社保", "社保", "社保", "学历"], []]


def okapi(docs: list[list[str]], query: dict[str, float], k1: float = 1.2, b: float = 0.75) -> dict[int, float]:
    avg = sum(map(len, docs)) / len(docs)
    scores: dict[int, float] = {}
    for term, weight in query.items():
        having = [i for i, d in enumerate(docs) if term in d]
        if not having:
            continue
        idf = math.log(1 + (len(docs) - len(having) + 0.5) / (len(having) + 0.5))
        for i in having:
            tf = docs[i].count(term)
            norm = k1 * (1 - b + b * len(docs[i]) / avg)
            scores[i] = scores.get(i, 0.0) + weight * idf * tf * (k1 + 1) / (tf + norm)
    return scores


@pytest.mark.parametrize("query", [{"积分": 1.0}, {"社保": 1.0, "学历": 0.5}, {"积分": 1.0, "社保": 0.3, "没有": 1.0},
                                   {"没有": 1.0}])
def test_scores_are_okapis(query):
    index = BM25(DOCS)
    assert index.scores(query) == pytest.approx(okapi(DOCS, query), rel=1e-12)
    assert set(index.idf) == {t for d in DOCS for t in d}


def test_idfs_counted_without_an_index_are_an_indexs_to_the_last_bit():
    # the knowledge base's idf over each entry's terms is counted (knowledge.bm25.idfs), no longer read off
    # an index built and thrown away: the same figure for every term, so every confidence is the same
    from knowledge import load_default
    from knowledge.bm25 import idfs

    entry_terms = load_default().entry_terms
    assert idfs(entry_terms) == BM25([sorted(t) for t in entry_terms]).idf
    assert idfs([["a", "b", "a"], ["b"], []]) == BM25([["a", "b", "a"], ["b"], []]).idf


def test_an_entrys_terms_are_found_as_a_sets_are():
    # each entry's terms a sorted tuple looked up by bisection (knowledge.retrieval.Terms), not a set: the
    # same answer for every term of every entry and for words none has
    from knowledge import load_default
    from knowledge.retrieval import Terms

    kb = load_default()
    assert all(isinstance(terms, Terms) for terms in kb.entry_terms)
    every = set().union(*kb.entry_terms) | {"", "积分积分积分", "#不存", "zzz"}
    for terms in kb.entry_terms[::7]:
        as_set = set(terms)
        assert len(as_set) == len(terms) and all((w in terms) == (w in as_set) for w in every)
