"""FAQ entries: their shape, reading them from the YAML files under entries/, and checking that each
one is well formed against the vocabulary."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.data_file import read_yaml
from knowledge.vocabulary import Vocabulary

ENTRIES_DIR = Path(__file__).with_name("entries")
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
REQUIRED = ("id", "questions", "answer", "keywords", "topic", "source")
OPTIONAL = ("district", "material", "links", "dated", "about_own_status", "business_type", "asker_not_eligible")
# The statuses an entry may be about (``about_own_status``: "为什么被退回" is about being returned), as
# the dialogue names an application's; the dialogue answers it with where the applicant's own stands.
APPLICATION_STATUSES = ("draft", "submitted", "returned", "approved", "disputed", "confirmed", "done")
# Files an answer may link to: the public samples the upload page shows (chat cannot send files).
STATIC_DIR = Path(__file__).resolve().parent.parent / "bot" / "static"
LINK_PREFIX = "/static/"


class KnowledgeDataError(ValueError):
    """The entry files are broken; the message lists every problem (as `python -m bot kb check` does)."""


@dataclass(frozen=True)
class Source:
    """Where an entry's facts come from: a seed file and a heading (or phrase) inside it."""

    seed: str
    section: str

    def __str__(self) -> str:
        return f"{self.seed} § {self.section}"


@dataclass(frozen=True)
class Link:
    """A public file an answer points to, as a path under the bot's public address."""

    label: str
    path: str


@dataclass(frozen=True)
class Entry:
    id: str
    questions: tuple[str, ...]
    answer: str
    keywords: tuple[str, ...]
    district: str | None
    topic: str
    source: tuple[Source, ...]
    material: str | None = None
    links: tuple[Link, ...] = ()
    dated_note: str = ""  # the note ending the answer of an arrangement of a past period (see build)
    about_own_status: str | None = None  # a status the applicant's own application may be in
    # The business type the entry tells of when to choose (its option's code): what "那就办这个" sent next chooses.
    business_type: str | None = None
    # The answer tells the asker the service is not for them (本市户籍: try21 X53): no business type is offered
    # after it as though they went on, only how to go on if they still mean to.
    asker_not_eligible: bool = False

    @property
    def said(self) -> str:
        """The answer without its period's note: what the entry says, and what ranks it (the same
        note on every district's entry would otherwise weigh in every question it shares a word with)."""
        return self.answer.removesuffix(self.dated_note).rstrip("\n")

    def text(self, public_url: str | None = None) -> str:
        """The answer, followed by each link as a full address when the bot's public address is
        known (``PUBLIC_URL``); without it the answer alone, which says where to find the file."""
        if not public_url:
            return self.answer
        return self.answer + "".join(f"\n{link.label}：{public_url.rstrip('/')}{link.path}" for link in self.links)


@dataclass(frozen=True)
class Record:
    """One raw entry as written in a file, kept with its place for error messages."""

    file: Path
    index: int
    data: Any

    @property
    def where(self) -> str:
        ident = self.data.get("id") if isinstance(self.data, dict) else None
        return f"{self.file.name} entry {self.index + 1}" + (f" ({ident})" if ident else "")


def entry_files(path: Path | None = None) -> list[Path]:
    """The YAML files of a knowledge base: a directory's *.yaml files in name order, or one file."""
    path = Path(path) if path is not None else ENTRIES_DIR
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
    return [path]


def read_records(path: Path | None = None) -> tuple[list[Record], list[str]]:
    """Every raw entry of every file, plus the problems that stopped a file from being read."""
    records, problems = [], []
    files = entry_files(path)
    if not files:
        problems.append(f"{path}: no entry files")
    for file in files:
        try:
            data = read_yaml(file)
        except (OSError, yaml.YAMLError) as err:
            problems.append(f"{file.name}: cannot be read: {err}")
            continue
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            problems.append(f"{file.name}: expected a mapping with an `entries:` list")
            continue
        records += [Record(file, i, item) for i, item in enumerate(data["entries"])]
    return records, problems


def _sources(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v.strip() for v in value)


def validate(records: list[Record], vocab: Vocabulary) -> list[str]:
    """Problems with the entries' shape and tags (fields, ids, district, topic, material)."""
    problems = []
    for rec in records:
        data, where = rec.data, rec.where
        if not isinstance(data, dict):
            problems.append(f"{where}: not a mapping")
            continue
        problems += [f"{where}: missing field `{f}`" for f in REQUIRED if f not in data]
        problems += [f"{where}: unknown field `{f}`" for f in data if f not in REQUIRED + OPTIONAL]
        if "id" in data and not (isinstance(data["id"], str) and ID_PATTERN.match(data["id"])):
            problems.append(f"{where}: id must be a lower-case slug like `minhang-address`")
        for name in ("questions", "keywords"):
            if name in data and not _is_text_list(data[name]):
                problems.append(f"{where}: `{name}` must be a non-empty list of non-empty texts")
        if "answer" in data and not (isinstance(data["answer"], str) and data["answer"].strip()):
            problems.append(f"{where}: `answer` is empty")
        if "topic" in data and data["topic"] not in vocab.topics:
            problems.append(f"{where}: unknown topic `{data['topic']}`")
        if data.get("district") is not None and data["district"] not in vocab.districts:
            problems.append(f"{where}: unknown district `{data['district']}` (use the full name, e.g. 闵行区)")
        if data.get("material") is not None and data["material"] not in vocab.materials:
            problems.append(f"{where}: unknown material code `{data['material']}`")
        if data.get("dated") is not None and data["dated"] not in vocab.dated:
            problems.append(f"{where}: unknown period `{data['dated']}` (one of vocabulary.yaml's `dated`)")
        if data.get("about_own_status") is not None and data["about_own_status"] not in APPLICATION_STATUSES:
            problems.append(f"{where}: unknown status `{data['about_own_status']}` (one of {', '.join(APPLICATION_STATUSES)})")
        if data.get("asker_not_eligible") is not None and not isinstance(data["asker_not_eligible"], bool):
            problems.append(f"{where}: `asker_not_eligible` must be true or false")
        if data.get("business_type") is not None and not isinstance(data["business_type"], str):
            problems.append(f"{where}: `business_type` must be a business type's code")
        problems += _link_problems(data.get("links"), where)
        if "source" in data:
            for src in _sources(data["source"]):
                if not (isinstance(src, dict) and set(src) == {"seed", "section"}
                        and all(isinstance(v, str) and v.strip() for v in src.values())):
                    problems.append(f"{where}: each source needs exactly `seed` and `section`")
    ids = Counter(r.data.get("id") for r in records if isinstance(r.data, dict) and r.data.get("id"))
    problems += [f"duplicate id `{i}` ({n} entries)" for i, n in ids.items() if n > 1]
    return problems


def _link_problems(links: Any, where: str) -> list[str]:
    if links is None:
        return []
    if not (isinstance(links, list) and links and all(isinstance(k, dict) and set(k) == {"label", "path"} for k in links)):
        return [f"{where}: `links` must be a list of {{label, path}}"]
    return [f"{where}: link {k['path']!r} is not a file under bot/static" for k in links
            if ".." in str(k["path"]) or not (str(k["path"]).startswith(LINK_PREFIX) and (STATIC_DIR / str(k["path"])[len(LINK_PREFIX):]).is_file())]


# Answers are literal blocks wrapped for reading: a line that ends a sentence starts a new line in the
# chat, a line that ends mid-sentence continues the next one.
SENTENCE_END = "。；：！？"


def _tidy(answer: str) -> str:
    text = ""
    for line in (part.strip() for part in answer.strip().splitlines()):
        text += ("\n" if text and text[-1] in SENTENCE_END else "") + line
    return text


def build(records: list[Record], dated: dict[str, str] | None = None) -> list[Entry]:
    """Entries from records that passed `validate`. An entry marked ``dated`` describes an arrangement
    of a period that may be over (the epidemic's): its answer ends with that period's note from
    ``dated`` (vocabulary.yaml), so the applicant reads it as then, not now."""
    dated = dated or {}
    entries = []
    for d in (r.data for r in records):
        note = dated[d["dated"]].strip() if d.get("dated") else ""
        entries.append(Entry(
            id=d["id"],
            questions=tuple(d["questions"]),
            answer=_tidy(d["answer"]) + (f"\n{note}" if note else ""),
            keywords=tuple(d["keywords"]),
            district=d.get("district"),
            topic=d["topic"],
            source=tuple(Source(s["seed"], s["section"]) for s in _sources(d["source"])),
            material=d.get("material"),
            links=tuple(Link(k["label"], k["path"]) for k in d.get("links", ())),
            dated_note=note,
            about_own_status=d.get("about_own_status"),
            business_type=d.get("business_type"),
            asker_not_eligible=bool(d.get("asker_not_eligible")),
        ))
    return entries
