"""``python -m bot kb check``: validate the knowledge base, and everything else the bot states,
before it ships.

Besides the entries' shape and tags (see ``entries.validate``) it checks what only the seeds can
tell: every cited seed file exists, every cited section is found in it, and every number of five or
more digits in an answer (a phone number) appears in a cited seed, so none is invented. For the
shipped entries it also checks that each district the vocabulary covers has entries.

Beyond the knowledge base, every statement of :mod:`dialogs.statements` (the 服务须知, checklist
requirements, notices and fixed replies that state a fact) must carry a source: a seed whose cited
section is found in it and whose key facts are found both in it and in the statement, or "public"
with the caveat shown; one resting on the districts' rules (seed 004) names the 人才服务中心 whose
rules they are. Every preset return reason (``dialogs/return_reasons.yaml``) rests on a seed passage or on its
material's checklist requirement, whose key facts it says (:func:`reason_problems`).
"""
from __future__ import annotations

import argparse
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.entries import Record, read_records, validate
from knowledge.normalize import normalize
from knowledge.vocabulary import Vocabulary, load_vocabulary

if TYPE_CHECKING:
    from dialogs.return_reasons import ReturnReasons
    from dialogs.statements import Statement

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
            if src["seed"] not in texts:  # once per seed, not once per entry citing it
                texts[src["seed"]] = _flat(seed.read_text(encoding="utf-8"))
            text = texts[src["seed"]]
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


def _seed_text(seeds: Path, number: str, texts: dict[str, str | None]) -> str | None:
    """The flattened text of seed ``number`` ("000" is 000_*.txt), None when it is not there."""
    if number not in texts:
        found = sorted(seeds.glob(f"{number}_*.txt"))
        texts[number] = _flat(found[0].read_text(encoding="utf-8")) if found else None
    return texts[number]


def statement_problems(seeds: Path, shown: Iterable[Statement] | None = None) -> list[str]:
    """What is wrong with the sources of the bot's own statements (default: all of
    :mod:`dialogs.statements`; see the module's docstring)."""
    from dialogs.sources import DISTRICT_RULES_OWNER, DISTRICT_RULES_SEED, PUBLIC_CAVEAT
    from dialogs.statements import statements

    if not seeds.is_dir():
        return [f"seed folder not found: {seeds} (set KB_SEEDS_DIR)"]
    texts: dict[str, str | None] = {}
    problems = []
    for st in statements() if shown is None else shown:
        said, cited = _flat(st.text), []
        if not st.sources:
            problems.append(f"{st.where}: no source")
        for src in st.sources:
            if src.public:
                if PUBLIC_CAVEAT not in st.text:
                    problems.append(f"{st.where}: from public knowledge, but does not show “{PUBLIC_CAVEAT}”")
                continue
            seed = _seed_text(seeds, src.seed, texts)
            if seed is None:
                problems.append(f"{st.where}: seed {src.seed} not found in {seeds}")
                continue
            cited.append(seed)
            if _flat(src.section) not in seed:
                problems.append(f"{st.where}: section {src.section!r} not found in seed {src.seed}")
            problems += _fact_problems(st.where, src.facts, seed, f"seed {src.seed}", said, "what the bot says")
            if src.seed == DISTRICT_RULES_SEED and DISTRICT_RULES_OWNER not in st.text:
                problems.append(f"{st.where}: rests on the districts' rules (seed 004) without naming the "
                                f"{DISTRICT_RULES_OWNER} whose rules they are")
        for number in LONG_NUMBER.findall(st.text):
            if cited and not any(number in text for text in cited):
                problems.append(f"{st.where}: number {number} is not in its sources")
    return problems


def _fact_problems(where: str, facts: Iterable[str], found: str, what: str, said: str, saying: str) -> list[str]:
    """A cited source's key facts: at least one, each found in the source (``found``, named ``what``) and in what
    is said (``said``, named ``saying``)."""
    facts = list(facts)
    problems = [] if facts else [f"{where}: {what} is cited without a key fact"]
    for fact in facts:
        if _flat(fact) not in found:
            problems.append(f"{where}: fact {fact!r} not found in {what}")
        if _flat(fact) not in said:
            problems.append(f"{where}: fact {fact!r} of {what} is not in {saying}")
    return problems


def reason_problems(seeds: Path, reasons: ReturnReasons | None = None) -> list[str]:
    """What is wrong with the sources of the preset return reasons (default: the shipped ones): each must
    rest on a seed passage (the seed and its section found, each key fact found in it and in the reason) or
    on its material's checklist requirement (each key fact found in the requirement and in the reason).
    Public knowledge is no ground for returning someone's material."""
    from dialogs.checklist import catalogue
    from dialogs.return_reasons import GENERAL, REQUIREMENT, return_reasons

    if not seeds.is_dir():
        return [f"seed folder not found: {seeds} (set KB_SEEDS_DIR)"]
    reasons = reasons or return_reasons()
    materials = catalogue().materials
    texts: dict[str, str | None] = {}
    problems = []
    listed = [(code, text) for code, own in reasons.own.items() for text in own]
    for code, text in listed + [(GENERAL, text) for text in reasons.general]:
        where = f"return reason {code or 'general'}: {text}"
        said, sources = _flat(text), reasons.sources.get((code, text)) or ()
        if not sources:
            problems.append(f"{where}: no source (a seed passage or the material's requirement)")
        for src in sources:
            if src.public:
                problems.append(f"{where}: rests on public knowledge; name the seed passage or the requirement")
                continue
            if src.seed == REQUIREMENT:
                material = materials.get(code)
                if material is None:
                    problems.append(f"{where}: a general reason has no material whose requirement it could rest on")
                    continue
                found, what = _flat(material.requirement), f"the requirement of {code}"
            else:
                seed = _seed_text(seeds, src.seed, texts)
                if seed is None:
                    problems.append(f"{where}: seed {src.seed} not found in {seeds}")
                    continue
                if _flat(src.section) not in seed:
                    problems.append(f"{where}: section {src.section!r} not found in seed {src.seed}")
                found, what = seed, f"seed {src.seed}"
            problems += _fact_problems(where, src.facts, found, what, said, "the reason")
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
    seeds = Path(seeds) if seeds is not None else seeds_dir()
    problems = _source_problems(records, seeds)
    if path is None:  # coverage and the bot's own statements are promises of what ships, not of any file
        problems += _coverage_problems(records, vocab)
        problems += [p for p in statement_problems(seeds) if p not in problems]
        problems += reason_problems(seeds)
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
    if not args.entries:
        from dialogs.statements import statements

        shown = list(statements())
        public = sum(any(s.public for s in st.sources) for st in shown)
        print(f"statements OK: {len(shown)} notices, requirements and replies with their sources "
              f"({public} from public knowledge, shown with the caveat)")
        from dialogs.return_reasons import REQUIREMENT, return_reasons

        presets = return_reasons()
        on_requirements = sum(all(s.seed == REQUIREMENT for s in found) for found in presets.sources.values())
        print(f"return reasons OK: {len(presets.sources)} with their sources ({len(presets.sources) - on_requirements} "
              f"on a seed passage, {on_requirements} on their material's checklist requirement)")
    return 0
