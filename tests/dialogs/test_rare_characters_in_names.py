"""A name with a rare character (生僻字) of the extension blocks is a name: the ID card prints it, and the
applicant had no way on when it was refused as "not Chinese characters" (try9 T12)."""
from __future__ import annotations

import pytest

from tests.support.chat import start


@pytest.mark.parametrize("said, name", [("刘䶮", "刘䶮"), ("王𬌗", "王𬌗"), ("我叫𠮷野家", "𠮷野家")])
def test_a_name_with_a_rare_character_is_saved(chat, said, name):
    start(chat, "积分新办")
    chat.send(said)
    assert chat.state["answers"]["name"] == name
