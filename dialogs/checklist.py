"""The material checklist: ``checklist_rules.yaml`` interpreted against an applicant's answers."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dialogs.sources import PUBLIC_CAVEAT, Source
from knowledge.data_file import read_yaml

RULES_FILE = Path(__file__).with_name("checklist_rules.yaml")


@dataclass(frozen=True)
class Material:
    """One item of a checklist: what to upload and the rule it must meet."""

    code: str
    name: str
    requirement: str
    sources: tuple[Source, ...]
    sample: bool = False
    checked_against: tuple[str, ...] = ()  # answer fields the reviewer compares the document with
    pages_at_least: int = 1  # the pages its requirement names (正反面: 2); fewer photos are asked about once

    @property
    def from_public_knowledge(self) -> bool:
        """True when the seeds are silent and the rule was written from public knowledge."""
        return any(source.public for source in self.sources)

    @property
    def shown_requirement(self) -> str:
        """The requirement as every page and reply shows it: with the caveat when it is not from the seeds."""
        return f"{self.requirement}（{PUBLIC_CAVEAT}）" if self.from_public_knowledge else self.requirement


@dataclass(frozen=True)
class Rule:
    when: Mapping[str, Any]
    add: tuple[str, ...]

    def applies(self, answers: Mapping[str, Any]) -> bool:
        return all(_holds(field, expected, answers) for field, expected in self.when.items())


def _holds(field: str, expected: Any, answers: Mapping[str, Any]) -> bool:
    if field == "children_min":
        return int(answers.get("children") or 0) >= int(expected)
    actual = answers.get(field)
    if isinstance(actual, list):  # a multi-choice answer contains the value
        return expected in actual
    if isinstance(expected, list):  # one of
        return actual in expected
    return actual == expected


# Checklists kept by the answers the rules read (business type, bonus and spouse options, education, children):
# a few hundred mixes at most, none of them personal. At most this many; past it, the kept ones are dropped.
KEPT_CHECKLISTS = 1024


@dataclass(frozen=True)
class Catalogue:
    materials: Mapping[str, Material]
    rules: tuple[Rule, ...]
    # The answers any rule reads (``children_min`` reads the children answer), and the checklists worked out
    # for each mix of them: the rules walked for every checklist a turn shows cost ~124K instructions, about
    # 60K a message (issue 19).
    _read: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _kept: dict[tuple[Any, ...], tuple[Material, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        read = dict.fromkeys("children" if f == "children_min" else f for rule in self.rules for f in rule.when)
        object.__setattr__(self, "_read", tuple(read))
        object.__setattr__(self, "_kept", {})

    def checklist(self, answers: Mapping[str, Any]) -> list[Material]:
        """The materials these answers call for, in catalogue order, each once."""
        # A list answer keyed as a tuple, marked apart from any other value; anything unhashable is worked out.
        key = tuple([("list", *v) if isinstance(v := answers.get(f), list) else v for f in self._read])
        try:
            return list(self._kept[key])
        except KeyError:
            pass
        except TypeError:  # an unhashable answer
            return self._walked(answers)
        if len(self._kept) >= KEPT_CHECKLISTS:
            self._kept.clear()
        made = self._walked(answers)
        self._kept[key] = tuple(made)
        return made

    def _walked(self, answers: Mapping[str, Any]) -> list[Material]:
        wanted = {code for rule in self.rules if rule.applies(answers) for code in rule.add}
        return [m for code, m in self.materials.items() if code in wanted]

    def asked_by(self, code: str, answers: Mapping[str, Any]) -> list[str]:
        """The answers that put material ``code`` on the checklist of ``answers`` (the fields of the
        rules that apply and add it; ``children_min`` is the children answer): what to change when
        the applicant thinks the item is not theirs to hand in."""
        fields = [("children" if field == "children_min" else field) for rule in self.rules
                  if code in rule.add and rule.applies(answers) for field in rule.when]
        return list(dict.fromkeys(fields))


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The shipped catalogue, loaded once."""
    return load_catalogue(RULES_FILE)


def load_catalogue(path: Path) -> Catalogue:
    """Read and check a rules file: every rule must name known materials."""
    data = read_yaml(path)
    materials = {code: Material(code=code, **{**spec, "sources": tuple(Source.of(s) for s in spec["sources"]),
                                              "checked_against": tuple(spec.get("checked_against") or ())})
                 for code, spec in data["materials"].items()}
    rules = tuple(Rule(when=r.get("when") or {}, add=tuple(r["add"])) for r in data["rules"])
    unknown = {code for r in rules for code in r.add} - materials.keys()
    if unknown:
        raise ValueError(f"{path.name}: rules name unknown materials: {', '.join(sorted(unknown))}")
    return Catalogue(materials, rules)


def build_checklist(answers: Mapping[str, Any]) -> list[Material]:
    """The checklist for one applicant's answers."""
    return catalogue().checklist(answers)
