"""FAQ retrieval quality and speed: top-1 and top-3 accuracy, out-of-domain questions declined and
the answered/ambiguous split over the evaluation set (tests/knowledge/eval_set.yaml, which retrieval
was tuned on) and the held-out set (holdout_set.yaml, never tuned on); p50/p99 latency per question
(target p99 < 10 ms).

    .venv/bin/python benchmarks/faq.py [--misses] [--rounds 20]
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import yaml

from knowledge import KnowledgeBase

SETS = Path(__file__).resolve().parent.parent / "tests" / "knowledge"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def evaluate(kb: KnowledgeBase, name: str, data: dict, show_misses: bool) -> None:
    top1 = top3 = answered = answered_right = 0
    for case in data["questions"]:
        answer = kb.ask(case["q"])
        ids = [c.id for c in answer.candidates]
        top1 += bool(ids) and ids[0] == case["expect"]
        top3 += case["expect"] in ids
        if answer.status == "answered":
            answered += 1
            answered_right += ids[0] == case["expect"]
        if show_misses and (not ids or ids[0] != case["expect"]):
            print(f"  miss: {case['q']!r} expected {case['expect']} got {ids} "
                  f"({answer.status}, {answer.confidence:.2f})")
    declined = sum(kb.ask(q).status == "out_of_domain" for q in data["out_of_domain"])
    n = len(data["questions"])
    print(f"{name}: questions={n}  top-1={top1 / n:.1%}  top-3={top3 / n:.1%}  answered={answered / n:.1%} "
          f"(right {answered_right / max(answered, 1):.1%})  "
          f"out-of-domain declined={declined}/{len(data['out_of_domain'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list the questions whose top-1 is wrong")
    parser.add_argument("--rounds", type=int, default=20, help="times each question is asked for latency")
    args = parser.parse_args()

    started = time.perf_counter()
    kb = KnowledgeBase.load()  # includes loading the segmenter's dictionary
    print(f"entries={len(kb)}  load={(time.perf_counter() - started) * 1000:.0f} ms")

    questions = []
    for name in ("eval_set", "holdout_set"):
        data = yaml.safe_load((SETS / f"{name}.yaml").read_text(encoding="utf-8"))
        evaluate(kb, name, data, args.misses)
        questions += [c["q"] for c in data["questions"]] + data["out_of_domain"]

    latencies = []
    for _ in range(args.rounds):
        for q in questions:
            start = time.perf_counter()
            kb.ask(q)
            latencies.append((time.perf_counter() - start) * 1000)
    print(f"latency per question over {len(latencies)} asks: p50={percentile(latencies, 0.5):.3f} ms  "
          f"p99={percentile(latencies, 0.99):.3f} ms  mean={statistics.mean(latencies):.3f} ms  (target p99 < 10 ms)")


if __name__ == "__main__":
    main()
