"""Our passive text reply is wechatpy's, character for character."""
from __future__ import annotations

import pytest
import time_machine
from wechatpy import create_reply, parse_message

from bot.wechat.replies import text_reply_xml

MESSAGE = parse_message("<xml><ToUserName>gh_jifen</ToUserName><FromUserName>oUser1</FromUserName>"
                        "<CreateTime>1700000000</CreateTime><MsgType>text</MsgType><Content>你好</Content>"
                        "<MsgId>1</MsgId></xml>")


@pytest.mark.parametrize("text", ["好的", "第一行\n\n第二行：“引号” <b>&amp;</b>", "x" * 3000])
def test_the_text_reply_renders_as_wechatpy_renders_it(text):
    with time_machine.travel(1796281816.7, tick=False):
        assert text_reply_xml(text, MESSAGE) == create_reply(text, MESSAGE).render()
