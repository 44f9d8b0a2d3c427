"""How well the entries tell themselves apart, measured without any question set: each question variant
of each entry is asked of the knowledge base built without that variant (leave one out). A variant
answered by another entry, or left with candidates, shows two entries close in words: the place to
write a sharper variant or keyword from the seed, whatever question set later finds the confusion.

    .venv/bin/python benchmarks/faq_variants.py [--misses] [--entries DIR] [--learned]

``--learned`` measures with the learned re-ranking, fitted again for each build without the variant
(and with the labelled development questions): about ten minutes.
"""
from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import replace
from pathlib import Path

from knowledge import KnowledgeBase
from knowledge.learned import EntryModel, entry_examples, labelled_questions
from knowledge.retrieval import Analyzer

OUTCOMES = ("answered right", "right but ambiguous", "answered wrong", "ambiguous, wrong first", "out of domain")


def remember_terms() -> None:
    """Every build below indexes the same texts with the same vocabulary and keywords (only one question
    is left out), so each text's terms are worked out once: the run takes a minute, not ten."""
    terms, known = Analyzer.terms, {}

    def remembered(self: Analyzer, text: str) -> list[str]:
        if text not in known:
            known[text] = terms(self, text)
        return known[text]

    Analyzer.terms = remembered


def outcome(kb: KnowledgeBase, question: str, entry_id: str) -> str:
    answer = kb.ask(question)
    if answer.status == "out_of_domain":
        return OUTCOMES[4]
    right = answer.entry.id == entry_id
    if answer.status == "answered":
        return OUTCOMES[0] if right else OUTCOMES[2]
    return OUTCOMES[1] if right else OUTCOMES[3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list each variant not answered by its own entry")
    parser.add_argument("--entries", type=Path, help="entry files to measure (default: the shipped ones)")
    parser.add_argument("--learned", action="store_true", help="with the learned re-ranking (fitted without the variant)")
    args = parser.parse_args()

    remember_terms()
    full = KnowledgeBase.load(args.entries, learned=False)
    labelled = labelled_questions() if args.learned else []
    counts: Counter[str] = Counter()
    for i, entry in enumerate(full.entries):
        for question in entry.questions:
            others = tuple(q for q in entry.questions if q != question)
            kb = KnowledgeBase([*full.entries[:i], replace(entry, questions=others), *full.entries[i + 1:]], full.vocab)
            if args.learned:
                kb.model = EntryModel.fit([*entry_examples(kb.entries), *labelled], [e.id for e in kb.entries],
                                          kb.analyzer.words)
            result = outcome(kb, question, entry.id)
            counts[result] += 1
            if args.misses and result != OUTCOMES[0]:
                got = kb.ask(question)
                print(f"  {result}: {question!r} of {entry.id} -> {got.entry.id if got.entry else None} "
                      f"({got.confidence:.2f})")
    total = sum(counts.values())
    print(f"entries={len(full)}  variants={total}  " + "  ".join(f"{name}={counts[name]} ({counts[name] / total:.1%})"
                                                         for name in OUTCOMES))


if __name__ == "__main__":
    main()
