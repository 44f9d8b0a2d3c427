"""Labelled applicant messages: one YAML file per conversation point (``<point>.yaml`` with
``point:`` and ``examples:``), in the vocabulary of the labels (kinds, commands, values).

The training corpus lives beside this module (``corpus/``); the held-out set, never trained on,
lives under ``tests/understanding/heldout/`` and is read with the same loader by the benchmark.
A file may also give each example its own ``point`` (the engineer's additions hold several).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.data_file import read_yaml

CORPUS_DIR = Path(__file__).with_name("corpus")
KINDS = ("answer", "answers", "answer_and_question", "question", "command", "smalltalk", "non_answer",
         "out_of_scope", "english")


@dataclass(frozen=True)
class Example:
    """One message sent at one point, and what it means."""

    point: str
    text: str
    kind: str
    value: Any = None
    fields: dict[str, Any] = field(default_factory=dict)
    command: str | None = None
    field_name: str | None = None  # an edit's field
    new_value: Any = None  # an edit's new value
    item: Any = None  # view_item / delete_item: a number or a material's name
    # The message says a return is wrong (the material was right, the reason mistaken), whatever its kind:
    # "合同是今年续签过的", "凭什么退回 上个月才盖的章" — for a person to re-check, never a question answered alone.
    contests: bool = False


class CorpusError(ValueError):
    """A corpus file that does not follow the labels' format (the message names file and example)."""


# The examples last read from each folder, with the files' names, sizes and times they were read from:
# the corpus (~7,000 examples, 0.2 s of CPU) is read by the fit, the benchmarks and a dozen test modules
# in one process, and read again only where a file changed.
_READ: dict[Path, tuple[tuple[tuple[str, int, int], ...], tuple[Example, ...]]] = {}


def load_examples(directory: str | Path = CORPUS_DIR) -> list[Example]:
    """Every example of every ``*.yaml`` file under ``directory``, in file order."""
    folder = Path(directory).resolve()
    paths = sorted(folder.glob("*.yaml"))
    files = tuple((path.name, (stat := path.stat()).st_mtime_ns, stat.st_size) for path in paths)
    if folder not in _READ or _READ[folder][0] != files:
        examples: list[Example] = []
        for path in paths:
            data = read_yaml(path) or {}
            for i, raw in enumerate(data.get("examples") or []):
                examples.append(_example(raw, data.get("point"), f"{path.name}#{i}"))
        _READ[folder] = (files, tuple(examples))
    return list(_READ[folder][1])


def _example(raw: dict[str, Any], point: str | None, where: str) -> Example:
    point = raw.get("point", point)
    kind = raw.get("kind")
    if not point or kind not in KINDS or not isinstance(raw.get("text"), (str, int, float)):
        raise CorpusError(f"{where}: needs a point, a text and a kind among {', '.join(KINDS)}")
    return Example(point=point, text=str(raw["text"]), kind=kind, value=raw.get("value"),
                   fields=dict(raw.get("fields") or {}), command=raw.get("command"), field_name=raw.get("field"),
                   new_value=raw.get("new_value"), item=raw.get("item"), contests=bool(raw.get("contests")))
