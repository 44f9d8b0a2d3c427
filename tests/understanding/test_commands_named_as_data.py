"""The words that name a command in a question (human, progress) are data, read by interpret's guard (fix52: the list
was a growing pattern in code). What the file says is what the guard reads: interpret's own module, loaded beside a
changed copy of the file, reads a question differently for a word added or taken out, and alike for the file as it is.
"""
from __future__ import annotations

import importlib
import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from knowledge import load_default
from knowledge.data_file import read_yaml

interpret = importlib.import_module("dialogs.understanding.interpret")  # the module (the package exports its function)
NAMED_FILE = Path(interpret.__file__).with_name("commands_named.yaml")
NAMED = read_yaml(NAMED_FILE)
POINT = "materials"
# The model reads a person wanted in both, and the knowledge base answers the question beside it.
NAMED_BY_A_WORD_OF_THE_FILE = "我要找客服 社保断缴有影响吗"  # 客服: a word of the file's human list
NAMED_BY_NO_WORD_OF_IT = "我要找你们负责人 社保断缴有影响吗"  # 负责人: no word of it


@pytest.fixture
def beside(tmp_path, monkeypatch):
    """interpret's module as shipped, loaded from a folder where ``commands_named.yaml`` is the data given."""
    def load(named: dict[str, list[str]]) -> ModuleType:
        folder = tmp_path / f"copy{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        shutil.copy(interpret.__file__, folder / "interpret.py")
        (folder / "commands_named.yaml").write_text(yaml.safe_dump(named, allow_unicode=True), encoding="utf-8")
        name = f"interpret_beside_{folder.name}"
        spec = importlib.util.spec_from_file_location(name, folder / "interpret.py")
        module = importlib.util.module_from_spec(spec)
        monkeypatch.setitem(sys.modules, name, module)  # its dataclasses look their module up there
        spec.loader.exec_module(module)
        return module
    return load


def reading(module: ModuleType, said: str) -> tuple[str, str | None]:
    best = module.interpret(POINT, said, kb=load_default())[0]
    return best.kind, best.command


def test_the_file_names_the_commands_the_guard_reads():
    assert set(NAMED) == set(interpret._NAMED_BY_ITS_WORDS) == {"human", "progress"}
    assert all(said for said in NAMED.values())
    assert "客服" in NAMED["human"] and not any(word in NAMED_BY_NO_WORD_OF_IT for word in NAMED["human"])


def test_the_file_as_it_is_reads_as_the_shipped_module_does(beside):
    copy = beside(NAMED)
    for said in (NAMED_BY_A_WORD_OF_THE_FILE, NAMED_BY_NO_WORD_OF_IT):
        assert reading(copy, said) == reading(interpret, said)
    assert reading(interpret, NAMED_BY_A_WORD_OF_THE_FILE) == ("command", "human")
    assert reading(interpret, NAMED_BY_NO_WORD_OF_IT) == ("question", None)


def test_a_word_added_to_the_file_keeps_a_question_naming_it_the_command(beside):
    added = {**NAMED, "human": [*NAMED["human"], "负责人"]}
    assert reading(beside(added), NAMED_BY_NO_WORD_OF_IT) == ("command", "human")


def test_a_word_taken_out_of_the_file_lets_a_question_naming_only_it_be_answered(beside):
    taken_out = {**NAMED, "human": [word for word in NAMED["human"] if word != "客服"]}
    assert reading(beside(taken_out), NAMED_BY_A_WORD_OF_THE_FILE) == ("question", None)
