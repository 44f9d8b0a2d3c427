"""Reading the YAML data files (entries, vocabulary, checklist rules, the labelled corpus)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml reads these files about ten times faster than PyYAML's Python parser (the knowledge base's
# entries took 0.3 s of the start, the corpus 0.9 s); the same safe constructors either way.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """The data of one UTF-8 YAML file (safe types only); raises ``yaml.YAMLError`` and ``OSError``."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)
