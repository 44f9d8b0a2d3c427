"""An e-mail address dictated as voice input writes it ("zhangwei艾特qq点com", "liuyang at gmail dot com") or a QQ
number said to be the QQ mailbox ("QQ邮箱 123456789") is offered for a yes; it was refused as a malformed address
(try8 T6b, try9 T50). Nothing is saved before the yes."""
from __future__ import annotations

import pytest

from tests.support.chat import at_question


@pytest.mark.parametrize("said, address", [("zhangwei艾特qq点com", "zhangwei@qq.com"),
                                           ("liuyang at gmail dot com", "liuyang@gmail.com"),
                                           ("QQ邮箱 123456789", "123456789@qq.com")])
def test_a_dictated_address_is_offered_and_saved_on_a_yes(chat, said, address):
    at_question(chat, "email")
    reply = chat.send(said)
    assert address in reply and "email" not in chat.state["answers"]
    chat.send("是")
    assert chat.state["answers"]["email"] == address
