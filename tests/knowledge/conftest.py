from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeBase, load_default
from knowledge.data_file import read_yaml

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge base, the one built for the whole test process (the segmenter takes a second):
    load_default()'s, which tests/dialogs, tests/understanding and every app's runtime use too; a
    KnowledgeBase.load() of its own was a second build (~1 s of CPU) in each worker that ran both."""
    return load_default()


@pytest.fixture(scope="session")
def eval_set() -> dict:
    return read_yaml(HERE / "eval_set.yaml")
