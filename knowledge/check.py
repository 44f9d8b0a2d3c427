"""``python -m bot kb check``: validate the knowledge base before it ships.

Besides the entries' shape and tags (see ``entries.validate``) it checks what only the seeds can
tell: every cited seed file exists, every cited section is found in it, and every number of five or
more digits in an answer (a phone number) appears in a cited seed, so none is invented. For the
shipped entries it also checks that each district the vocabulary covers has entries.
"""
from __future__ import annotations

import argparse
import os
import re
from collections import Counter
from pathlib import Path

from knowledge.entries import Record, read_records, validate
from knowledge.normalize import normalize
from knowledge.vocabulary import Vocabulary, load_vocabulary

# The seeds live in the team's shared folder beside the repository (overridable for other layouts).
DEFAULT_SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
LONG_NUMBER = re.compile(r"\d{5,}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def seeds_dir() -> Path:
    """Where the seed documents are: $KB_SEEDS_DIR, or ../shared/seeds beside the repository."""
    return Path(os.environ.get("KB_SEEDS_DIR", DEFAULT_SEEDS_DIR))


def _flat(text: str) -> str:
    return normalize(text).replace(" ", "")


def _source_problems(records: list[Record], seeds: Path) -> list[str]:
    if not seeds.is_dir():
        return [f"seed folder not found: {seeds} (set KB_SEEDS_DIR)"]
    texts: dict[str, str] = {}
    problems = []
    for rec in records:
        sources = rec.data["source"] if isinstance(rec.data["source"], list) else [rec.data["source"]]
        cited = []
        for src in sources:
            seed = seeds / src["seed"]
            if not seed.is_file():
                problems.append(f"{rec.where}: source file {src['seed']} does not exist in {seeds}")
                continue
            text = texts.setdefault(src["seed"], _flat(seed.read_text(encoding="utf-8")))
            cited.append(text)
            if _flat(src["section"]) not in text:
                problems.append(f"{rec.where}: section {src['section']!r} not found in {src['seed']}")
        answer = rec.data["answer"]
        if EMAIL.search(answer):
            problems.append(f"{rec.where}: the answer contains an e-mail address; the seeds publish none")
        for number in LONG_NUMBER.findall(answer):
            if cited and not any(number in text for text in cited):
                problems.append(f"{rec.where}: number {number} in the answer is not in its sources")
    return problems


def _coverage_problems(records: list[Record], vocab: Vocabulary) -> list[str]:
    per_district = Counter(r.data.get("district") for r in records)
    return [f"covered district {d} has no entries" for d in sorted(vocab.covered) if not per_district[d]]


def check(path: str | Path | None = None, seeds: str | Path | None = None) -> list[str]:
    """Every problem with the knowledge base at ``path`` (default: the shipped entries); [] when fine."""
    vocab = load_vocabulary()
    records, problems = read_records(Path(path) if path is not None else None)
    problems += validate(records, vocab)
    if problems:  # source checks assume well-formed entries
        return problems
    problems = _source_problems(records, Path(seeds) if seeds is not None else seeds_dir())
    if path is None:  # coverage is a promise of the shipped knowledge base, not of any file
        problems += _coverage_problems(records, vocab)
    return problems


def main(argv: list[str]) -> int:
    """``kb check [--entries PATH] [--seeds DIR]``: print a report; exit 1 when there are problems."""
    parser = argparse.ArgumentParser(prog="python -m bot kb", description="Knowledge base tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="validate the entries against the vocabulary and the seeds")
    checker.add_argument("--entries", help="entry file or folder (default: the shipped knowledge/entries)")
    checker.add_argument("--seeds", help="seed folder (default: $KB_SEEDS_DIR or ../shared/seeds)")
    args = parser.parse_args(argv)

    problems = check(args.entries, args.seeds)
    if problems:
        print(f"{len(problems)} problem(s):")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    records, _ = read_records(Path(args.entries) if args.entries else None)
    topics = Counter(r.data["topic"] for r in records)
    districts = Counter(r.data.get("district") or "（通用）" for r in records)
    print(f"knowledge base OK: {len(records)} entries")
    print("  by district: " + ", ".join(f"{d} {n}" for d, n in districts.most_common()))
    print("  by topic: " + ", ".join(f"{t} {n}" for t, n in topics.most_common()))
    return 0
