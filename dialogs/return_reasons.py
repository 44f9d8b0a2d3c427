"""The preset return reasons (``return_reasons.yaml``): under each material a reviewer is offered the
reasons that material is usually returned for, then the general ones, so the right words are a
choice near the top rather than a search through every material's.

Each reason carries what it rests on (:attr:`ReturnReasons.sources`): a seed passage, or its material's
checklist requirement (:data:`REQUIREMENT`); ``python -m bot kb check`` holds every reason to it
(:func:`knowledge.check.reason_problems`)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from typing import Any

from dialogs.checklist import catalogue
from dialogs.sources import Source
from knowledge.data_file import read_yaml

REASONS_FILE = Path(__file__).with_name("return_reasons.yaml")
MAX_PRESET_CHARS = 60  # a reason is at most 200 characters: room for the reviewer's own words after it
#: The ``seed`` of a source that is the material's own checklist requirement (its ``facts``: the phrases of it
#: the reason says), not a seed document.
REQUIREMENT = "requirement"
GENERAL = ""  # the material code under which :attr:`ReturnReasons.sources` holds the general reasons'


@dataclass(frozen=True)
class ReturnReasons:
    """Each material's own reasons (code -> reasons) and the reasons any material can have; what each
    rests on, by (material code, or :data:`GENERAL`, and reason)."""

    own: Mapping[str, tuple[str, ...]]
    general: tuple[str, ...]
    sources: Mapping[tuple[str, str], tuple[Source, ...]] = field(default_factory=dict)

    def for_material(self, code: str) -> list[str]:
        """What a reviewer is offered under material ``code``, in order: its own, then the general ones."""
        return list(dict.fromkeys((*self.own.get(code, ()), *self.general)))


@lru_cache(maxsize=1)
def return_reasons() -> ReturnReasons:
    """The shipped reasons, loaded once."""
    return load_return_reasons(REASONS_FILE, catalogue().materials)


def load_return_reasons(path: Path, known: Iterable[str]) -> ReturnReasons:
    """Read and check a reasons file: materials of the catalogue (``known`` codes), short non-empty reasons."""
    data = read_yaml(path)
    sources: dict[tuple[str, str], tuple[Source, ...]] = {}
    own = {code: tuple(_reason(code, entry, sources) for entry in entries)
           for code, entries in (data.get("materials") or {}).items()}
    general = tuple(_reason(GENERAL, entry, sources) for entry in data.get("general") or ())
    unknown = own.keys() - set(known)
    if unknown:
        raise ValueError(f"{path.name}: reasons for unknown materials: {', '.join(sorted(unknown))}")
    repeated = {r for reasons in own.values() for r in reasons} & set(general)
    if repeated:  # offered twice under a material otherwise
        raise ValueError(f"{path.name}: a material's own reason repeats a general one: {', '.join(sorted(repeated))}")
    for reason in (*general, *(r for reasons in own.values() for r in reasons)):
        if not isinstance(reason, str) or not reason.strip() or len(reason) > MAX_PRESET_CHARS:
            raise ValueError(f"{path.name}: a reason must be 1–{MAX_PRESET_CHARS} characters: {reason!r}")
    return ReturnReasons(own, general, sources)


def _reason(code: str, entry: Any, sources: dict[tuple[str, str], tuple[Source, ...]]) -> Any:
    """The text of one entry, ``{reason, sources}`` (a bare text: one with no source, which ``kb check``
    refuses); its sources go into ``sources``."""
    if not isinstance(entry, dict):
        return entry
    text = entry.get("reason")
    sources[(code, text)] = tuple(_source(given) for given in entry.get("sources") or ())
    return text


def _source(given: Any) -> Source:
    if isinstance(given, dict) and REQUIREMENT in given:
        return Source(REQUIREMENT, "", tuple(given[REQUIREMENT] or ()))
    return Source.of(given)
