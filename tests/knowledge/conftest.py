from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge import KnowledgeBase

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge base, built once for the whole run (the segmenter takes a second)."""
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def eval_set() -> dict:
    return yaml.safe_load((HERE / "eval_set.yaml").read_text(encoding="utf-8"))
