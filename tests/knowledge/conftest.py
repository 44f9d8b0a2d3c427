from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeBase
from knowledge.data_file import read_yaml

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge base, built once for the whole run (the segmenter takes a second)."""
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def eval_set() -> dict:
    return read_yaml(HERE / "eval_set.yaml")
