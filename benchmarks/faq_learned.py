"""Whether the learned re-ranking answers phrasings it has not seen: leave one development set out.

For each of the six development sets of first messages, the entry model (``knowledge/learned.py``) is
fitted on the entries' own questions and keywords and the OTHER five sets, and the set is scored:

- current: BM25 alone (``KnowledgeBase`` without a model), answered by the right entry / right in the top 3.
  It was tuned by hand on all six sets (entries, vocabulary, weights), so its figures flatter it;
- learned: the model alone, right first / right in its top 3 (no district rule, no confidence);
- blend: what ``KnowledgeBase.ask`` answers with the model (answered right / answered wrong / right in top 3);
- declined: the set's out-of-domain messages the blend declines, of how many.

    .venv/bin/python benchmarks/faq_learned.py [--sets a.yaml b.yaml ...] [--misses]

``--sets`` scores other files of knowledge/asked (a blind set) with a model fitted on all six.
"""
from __future__ import annotations

import argparse
import time
from copy import copy

import numpy as np
import yaml

from knowledge import KnowledgeBase
from knowledge.learned import LABELLED_DIR, LABELLED_SETS, EntryModel, entry_examples, labelled_questions
from knowledge.normalize import normalize


def expected(case: dict) -> list[str]:
    return case["expect"] if isinstance(case["expect"], list) else [case["expect"]]


def with_model(kb: KnowledgeBase, held_out: list[str]) -> KnowledgeBase:
    """``kb`` with a model fitted on its entries and the development sets not in ``held_out``."""
    learned = copy(kb)
    sets = [name for name in LABELLED_SETS if name not in held_out]
    learned.model = EntryModel.fit([*entry_examples(kb.entries), *labelled_questions(sets)],
                                   [e.id for e in kb.entries], kb.analyzer.words)
    return learned


def score(current: KnowledgeBase, learned: KnowledgeBase, cases: list[dict], outside: list[str],
          misses: bool) -> dict[str, int]:
    counts = dict.fromkeys(("n", "cur", "cur wrong", "cur3", "lrn", "lrn3", "blend", "blend wrong", "blend3"), 0)
    counts["outside"], counts["declined"] = len(outside), sum(learned.ask(q).status == "out_of_domain" for q in outside)
    for case in cases:
        right = expected(case)
        counts["n"] += 1
        for name, kb in (("cur", current), ("blend", learned)):
            answer = kb.ask(case["q"])
            answered = answer.status == "answered"
            counts[name] += answered and answer.entry.id in right
            counts[f"{name} wrong"] += answered and answer.entry.id not in right
            counts[f"{name}3"] += any(e.id in right for e in answer.candidates[:3])
            if misses and name == "blend" and not (answered and answer.entry.id in right):
                print(f"  {case['q']!r}: {answer.status} {answer.entry and answer.entry.id} ({answer.confidence}), "
                      f"expected {right}")
        normalized = normalize(case["q"])
        order = np.argsort(-learned.model.margins(normalized, learned.analyzer.words(normalized)), kind="stable")
        top = [learned.entries[i].id for i in order[:3]]
        counts["lrn"] += top[0] in right
        counts["lrn3"] += any(i in right for i in top)
    return counts


def line(name: str, c: dict[str, int]) -> str:
    return (f"{name:28} n={c['n']:3}  current {c['cur']:3} ({c['cur wrong']:2} wrong) top3 {c['cur3']:3}  "
            f"learned {c['lrn']:3} top3 {c['lrn3']:3}  blend {c['blend']:3} ({c['blend wrong']:2} wrong) "
            f"top3 {c['blend3']:3}  declined {c['declined']:2}/{c['outside']:2}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", help="score these files of knowledge/asked with a model fitted on all the others")
    parser.add_argument("--misses", action="store_true", help="list each question the blend does not answer right")
    args = parser.parse_args()

    current = KnowledgeBase.load(learned=False)
    runs = [([name], [name]) for name in LABELLED_SETS] if not args.sets else [(args.sets, [])]
    total: dict[str, int] = {}
    for scored, held_out in runs:
        began = time.perf_counter()
        learned = with_model(current, held_out)
        fitted = time.perf_counter() - began
        for name in scored:
            written = yaml.safe_load((LABELLED_DIR / name).read_text(encoding="utf-8"))
            counts = score(current, learned, written["questions"], written.get("out_of_domain", []), args.misses)
            print(line(name, counts) + f"  (fit {fitted:.2f} s)")
            total = {k: total.get(k, 0) + v for k, v in counts.items()}
    print(line("total", total))


if __name__ == "__main__":
    main()
