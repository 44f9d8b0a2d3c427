"""Items the form does not have, named in an edit ("修改 地址", "户口填错了"): the data in ``not_on_the_form.yaml``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.data_file import read_yaml

ITEMS_FILE = Path(__file__).with_name("not_on_the_form.yaml")


@dataclass(frozen=True)
class Absent:
    """An item the form lacks: its name in the reply, the field it may be meant for, why it is not asked."""

    label: str
    words: tuple[str, ...]
    near: str | None = None
    note: str | None = None


@lru_cache(maxsize=1)
def _items() -> tuple[Absent, ...]:
    return tuple(Absent(item["label"], tuple(item["words"]), item.get("near"), item.get("note"))
                 for item in read_yaml(ITEMS_FILE)["items"])


def absent_item(said: str) -> Absent | None:
    """The item ``said`` names that the form does not have, its longest word first; None when it names none. The
    caller rules out a field named by its own name first ("邮箱地址" names the e-mail, not 住址)."""
    found = [(len(word), item) for item in _items() for word in item.words if word in said]
    return max(found, key=lambda pair: pair[0])[1] if found else None
