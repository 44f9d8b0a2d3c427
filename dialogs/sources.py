"""Where what the bot states comes from: a seed document's section, or public knowledge.

A statement of fact (a notice, a checklist requirement, a fixed reply) carries its sources. A seed
source names the seed by its number ("000" is the operator manual …), a heading or phrase found in
it, and the key facts: phrases the statement says as the seed says them (compared in simplified
Chinese without punctuation or spaces). A public source marks what the seeds do not say; such a
statement shows :data:`PUBLIC_CAVEAT` wherever it is shown. ``python -m bot kb check`` holds every
statement to this (see :mod:`knowledge.check`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PUBLIC = "public"
PUBLIC_CAVEAT = "依据公开信息整理，以审核要求为准"
#: The districts' mailing rules (seed 004) are the talent centres' rules, not the 外服 pre-review's:
#: a statement resting on them alone says whose they are.
DISTRICT_RULES_SEED = "004"
DISTRICT_RULES_OWNER = "人才服务中心"


@dataclass(frozen=True)
class Source:
    seed: str  # "000" … "004", or PUBLIC
    section: str = ""
    facts: tuple[str, ...] = ()

    @property
    def public(self) -> bool:
        return self.seed == PUBLIC

    @classmethod
    def of(cls, data: Any) -> Source:
        """From the rules file: ``public``, or ``{seed, section, facts}``."""
        if data == PUBLIC:
            return cls(PUBLIC)
        return cls(str(data["seed"]), data.get("section", ""), tuple(data.get("facts") or ()))


@dataclass(frozen=True)
class Sourced:
    """A text and where its facts come from."""

    text: str
    sources: tuple[Source, ...]

    @property
    def public(self) -> bool:
        return any(s.public for s in self.sources)


def seed(number: str, section: str, *facts: str) -> Source:
    return Source(number, section, facts)
