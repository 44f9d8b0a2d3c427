"""The words that name a command in a question (human, progress) are data, read by interpret's guard: every word of
the file holds the command a question read as it by the model alone (fix52: the list was a growing pattern in code)."""
from __future__ import annotations

import importlib
from pathlib import Path

from knowledge.data_file import read_yaml

interpret = importlib.import_module("dialogs.understanding.interpret")  # the module (the package exports its function)
NAMED = read_yaml(Path(interpret.__file__).with_name("commands_named.yaml"))


def test_every_word_of_the_file_names_its_command_and_no_other_list_is_kept():
    assert set(NAMED) == set(interpret._NAMED_BY_ITS_WORDS) == {"human", "progress"}
    for command, said in NAMED.items():
        assert said and all(interpret._NAMED_BY_ITS_WORDS[command].fullmatch(word) for word in said)
