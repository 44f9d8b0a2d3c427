"""The WeChat edge turns wechatpy's typed messages into our events; parsing never answers in words."""
from __future__ import annotations

import pytest
from wechatpy import parse_message

from bot.wechat.inbound import FIELDS_READ, NUMBERS_READ, Malformed, Unsupported, dedup_key, envelope, parse, to_event
from dialogs.render import UNSUPPORTED_OTHERWISE, unsupported_reply
from dialogs.events import Command, Image, Text

HEAD = "<ToUserName>gh_1</ToUserName><FromUserName>oUser</FromUserName><CreateTime>1700000000</CreateTime>"


def message(kind: str, body: str = "") -> object:
    return parse_message(f"<xml>{HEAD}<MsgType>{kind}</MsgType>{body}<MsgId>1</MsgId></xml>")


def event(name: str, body: str = "") -> object:
    return parse_message(f"<xml>{HEAD}<MsgType>event</MsgType><Event>{name}</Event>{body}</xml>")


CASES = [
    (message("text", "<Content>你好</Content>"), Text("你好")),
    (message("voice", "<MediaId>m</MediaId><Recognition>你好</Recognition>"), Text("你好", spoken=True)),
    (message("voice", "<MediaId>m</MediaId>"), Unsupported("voice")),
    (message("image", "<PicUrl>u</PicUrl><MediaId>m1</MediaId>"), Image("m1")),
    (message("video", "<MediaId>m</MediaId>"), Unsupported("video")),
    (message("file", "<Title>a.pdf</Title>"), Unsupported("file")),  # wechatpy has no class for it
    (event("subscribe"), Command("subscribe")),
    (event("subscribe", "<EventKey>qrscene_1</EventKey><Ticket>t</Ticket>"), Command("subscribe")),
    (event("CLICK", "<EventKey>START</EventKey>"), Command("start")),
    (event("CLICK", "<EventKey>NO_SUCH_KEY</EventKey>"), Unsupported("click")),
    (event("unsubscribe"), None),
    (event("VIEW", "<EventKey>https://example.org</EventKey>"), None),
]


@pytest.mark.parametrize(("msg", "expected"), CASES, ids=[f"{m.type}-{i}" for i, (m, _) in enumerate(CASES)])
def test_each_kind_of_message_becomes_our_event_or_unsupported(msg, expected):
    assert to_event(msg) == expected


def test_an_unsupported_kind_is_answered_at_the_route_with_its_own_sentence_or_the_general_one():
    assert "视频" in unsupported_reply("video")
    assert "文件" in unsupported_reply("file")
    assert unsupported_reply("click") == UNSUPPORTED_OTHERWISE


def _xml(kind: str, body: str) -> str:
    return f"<xml>{HEAD}<MsgType>{kind}</MsgType>{body}</xml>"


# What parse() reads itself (flat messages) and what it leaves to wechatpy (events, anything not flat)
PARSED_ALIKE = [
    _xml("text", "<Content><![CDATA[  你好 ]]></Content><MsgId>1</MsgId>"),
    _xml("TEXT", "<Content></Content><MsgId>1</MsgId>"),
    _xml("text", "<Content>a</Content><Content>b</Content>"),   # repeated: a list, which malformed() names
    _xml("text", "<Content><b>x</b></Content>"),                 # nested: a dict
    _xml("text", '<Content lang="zh">x</Content>'),              # attributes
    _xml("voice", "<MediaId>m</MediaId><Recognition>你好</Recognition><MsgId>2</MsgId>"),
    _xml("image", "<PicUrl>u</PicUrl><MediaId>m1</MediaId><MsgId>3</MsgId>"),
    _xml("file", "<Title>a.pdf</Title>"),
    _xml("event", "<Event>subscribe</Event><EventKey>qrscene_1</EventKey><Ticket>t</Ticket>"),
    _xml("event", "<Event>CLICK</Event><EventKey>START</EventKey>"),
    '<?xml version="1.0" encoding="utf-8"?>' + _xml("text", "<Content>声明</Content>"),
]


@pytest.mark.parametrize("body", PARSED_ALIKE)
def test_parse_gives_what_wechatpy_gives(body):
    for given in (body, body.encode()):
        ours, theirs = parse(given), parse_message(given)
        assert type(ours) is type(theirs) and ours._data == theirs._data


@pytest.mark.parametrize("body", ["<xml><MsgType>text</MsgType", "<other>" + HEAD + "<MsgType>text</MsgType></other>",
                                  "<xml>" + HEAD + "</xml>"])
def test_parse_refuses_what_wechatpy_refuses(body):
    with pytest.raises(Exception) as theirs:
        parse_message(body)
    with pytest.raises(type(theirs.value)):
        parse(body)


@pytest.mark.parametrize(("body", "key"), [
    ("<MsgType>text</MsgType><Content>hi</Content><MsgId>7</MsgId>", "wx:msg:oUser:7"),
    ("<MsgType>event</MsgType><Event>CLICK</Event><EventKey>START</EventKey>", "wx:evt:oUser:1700000000:click:START"),
    ("<MsgType>event</MsgType><Event>subscribe</Event>", "wx:evt:oUser:1700000000:subscribe:"),
    ("<MsgType>event</MsgType><Event>VIEW</Event><EventKey>https://example.org</EventKey>", "wx:evt:oUser:1700000000:view:"),
])
def test_a_message_is_keyed_for_its_retries_from_its_envelope_read_once(body, key):
    sent = envelope(parse(f"<xml>{HEAD}{body}</xml>"))
    assert (sent.source, sent.target, sent.time) == ("oUser", "gh_1", 1700000000)
    assert dedup_key(sent) == key


@pytest.mark.parametrize(("body", "why"), [
    ("<ToUserName>gh_1</ToUserName><CreateTime>1700000000</CreateTime><MsgType>text</MsgType><Content>a</Content>",
     "source missing"),
    (HEAD + "<MsgType>text</MsgType><Content>a</Content><Content>b</Content>", "content repeated or nested"),
    (HEAD + "<MsgType>text</MsgType><Content>a</Content><MsgId>seven</MsgId>", "id not a number"),
    ("<ToUserName>gh_1</ToUserName><FromUserName>oUser</FromUserName><MsgType>text</MsgType>", "time missing"),
])
def test_a_message_wechat_would_not_send_has_no_envelope(body, why):
    with pytest.raises(Malformed, match=why):
        envelope(parse(f"<xml>{body}</xml>"))


def test_the_callbacks_query_arguments_are_what_parse_qsl_gives():
    # split as they are when nothing is escaped (WeChat's own), through parse_qsl otherwise: the same arguments
    from urllib.parse import parse_qsl

    from bot.server.callback_path import query_args

    def flask_like(query):
        args = {}
        for name, value in parse_qsl(query, keep_blank_values=True):
            args.setdefault(name, value)
        return args

    for query in ("", "signature=ab12&timestamp=1733300000&nonce=42&openid=oAbC-d_E", "a=1&a=2&b=", "a&&b=2&=3",
                  "openid=o%2Bx&x=a+b", "a=1=2&b", "encrypt_type=aes&msg_signature=f00&signature=ab", "&a=1&"):
        assert query_args(query) == flask_like(query), query


def _through_descriptors(msg):
    """What :func:`envelope` read before it read the message's dict itself: every field through wechatpy's
    descriptors (the reference its reading is held equal to)."""
    read, lacks = {}, object()
    for name, required in FIELDS_READ:
        value = read[name] = getattr(msg, name) if hasattr(type(msg), name) else lacks
        if value is None or value is lacks or value == "":
            if required:
                raise Malformed(f"{name} missing")
        elif not isinstance(value, str):
            raise Malformed(f"{name} repeated or nested")
    for name, required in NUMBERS_READ:
        try:
            value = read[name] = getattr(msg, name, None)
        except (TypeError, ValueError):
            raise Malformed(f"{name} not a number") from None
        if value is None and required:
            raise Malformed(f"{name} missing")
    return (read["source"], read["target"], read["id"] or 0, read["time"],
            "" if read["event"] is lacks else read["event"], "" if read["key"] is lacks else read["key"])


def _bodies():
    heads = [HEAD, "<ToUserName>gh_1</ToUserName><CreateTime>1700000000</CreateTime>",  # no sender
             "<ToUserName> </ToUserName><FromUserName>oUser</FromUserName>",  # blank recipient, no time
             HEAD.replace("1700000000", " 1700000000 "), HEAD.replace("1700000000", "soon"),
             HEAD + "<FromUserName>again</FromUserName>", HEAD.replace("oUser", "<b>o</b>")]
    kinds = ["<MsgType>text</MsgType><Content>你好</Content>", "<MsgType>text</MsgType><Content></Content>",
             "<MsgType>TEXT</MsgType><Content>a</Content><Content>b</Content>",
             "<MsgType>voice</MsgType><MediaId>m</MediaId><Recognition>你好</Recognition>",
             "<MsgType>voice</MsgType><MediaId>m</MediaId>", "<MsgType>image</MsgType><PicUrl>u</PicUrl><MediaId>m1</MediaId>",
             "<MsgType>video</MsgType><MediaId>m</MediaId>", "<MsgType>file</MsgType><Title>a.pdf</Title>",
             "<MsgType>location</MsgType><Location_X>31.2</Location_X><Label>x</Label>",
             "<MsgType>event</MsgType><Event>subscribe</Event>", "<MsgType>event</MsgType><Event>unsubscribe</Event>",
             "<MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_1</EventKey><Ticket>t</Ticket>",
             "<MsgType>event</MsgType><Event>CLICK</Event><EventKey>START</EventKey>",
             "<MsgType>event</MsgType><Event>CLICK</Event><EventKey></EventKey>",
             "<MsgType>event</MsgType><Event>VIEW</Event><EventKey>https://example.org</EventKey>",
             "<MsgType>event</MsgType><Event>SCAN</Event><EventKey>1</EventKey>", "<MsgType>event</MsgType>"]
    ids = ["", "<MsgId>7</MsgId>", "<MsgId>seven</MsgId>", "<MsgId></MsgId>", "<MsgId>1</MsgId><MsgId>2</MsgId>"]
    return [f"<xml>{head}{kind}{msg_id}</xml>" for head in heads for kind in kinds for msg_id in ids]


def test_the_envelope_read_from_the_messages_dict_is_what_wechatpys_descriptors_give():
    for body in _bodies():
        for parsed in (parse, parse_message):
            try:
                ours, theirs = parsed(body), parsed(body)
            except Exception:  # noqa: BLE001 - not XML: no envelope to read (refused alike: see above)
                continue
            try:
                expected = _through_descriptors(theirs)
            except Malformed as why:
                with pytest.raises(Malformed, match=f"^{why}$"):
                    envelope(ours)
            else:
                assert tuple(envelope(ours)) == expected, body
            assert ours._data == theirs._data, body
