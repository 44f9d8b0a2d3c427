"""The preset return reasons (``return_reasons.yaml``): under each material a reviewer is offered the
reasons that material is usually returned for, then the general ones, so the right words are a
choice near the top rather than a search through every material's."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dialogs.checklist import catalogue
from knowledge.data_file import read_yaml

REASONS_FILE = Path(__file__).with_name("return_reasons.yaml")
MAX_PRESET_CHARS = 60  # a reason is at most 200 characters: room for the reviewer's own words after it


@dataclass(frozen=True)
class ReturnReasons:
    """Each material's own reasons (code -> reasons) and the reasons any material can have."""

    own: Mapping[str, tuple[str, ...]]
    general: tuple[str, ...]

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
    own = {code: tuple(reasons) for code, reasons in (data.get("materials") or {}).items()}
    general = tuple(data.get("general") or ())
    unknown = own.keys() - set(known)
    if unknown:
        raise ValueError(f"{path.name}: reasons for unknown materials: {', '.join(sorted(unknown))}")
    repeated = {r for reasons in own.values() for r in reasons} & set(general)
    if repeated:  # offered twice under a material otherwise
        raise ValueError(f"{path.name}: a material's own reason repeats a general one: {', '.join(sorted(repeated))}")
    for reason in (*general, *(r for reasons in own.values() for r in reasons)):
        if not isinstance(reason, str) or not reason.strip() or len(reason) > MAX_PRESET_CHARS:
            raise ValueError(f"{path.name}: a reason must be 1–{MAX_PRESET_CHARS} characters: {reason!r}")
    return ReturnReasons(own, general)
