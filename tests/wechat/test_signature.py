"""The callback's signature check (bot/routes/wechat.py) accepts exactly what wechatpy's ``check_signature``
accepts: the same SHA-1 of the sorted token, timestamp and nonce, worked out without its signer object."""
from __future__ import annotations

import random
import time

import pytest
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.utils import check_signature

from bot.routes.wechat import _signed, signature_of

CHARACTERS = "abcXYZ0189_-积分助手é"


def _text(rng: random.Random, longest: int) -> str:
    return "".join(rng.choice(CHARACTERS) for _ in range(rng.randint(0, longest)))


def test_the_signature_is_wechatpys_for_any_token_timestamp_and_nonce():
    rng = random.Random(19)
    cases = [(_text(rng, 40), str(rng.randint(0, 2 ** 40)), _text(rng, 20)) for _ in range(500)]
    cases += [("", "", ""), ("token", "1700000000", ""), ("b", "a", "c"), ("c", "b", "a")]
    for token, timestamp, nonce in cases:
        check_signature(token, signature_of(token, timestamp, nonce), timestamp, nonce)  # wechatpy takes it
        wrong = signature_of(token, timestamp, nonce + "x")
        with pytest.raises(InvalidSignatureException):
            check_signature(token, wrong, timestamp, nonce)


def test_a_fresh_request_is_taken_with_its_signature_and_refused_with_any_other():
    timestamp = str(int(time.time()))
    good = signature_of("tok", timestamp, "n1")
    assert _signed({"timestamp": timestamp, "nonce": "n1", "signature": good}, "tok") is None
    for bad in (good[:-1], good.upper(), "", "签名", good + "0"):
        assert _signed({"timestamp": timestamp, "nonce": "n1", "signature": bad}, "tok") == "bad signature"
    assert _signed({"timestamp": timestamp, "nonce": "n1"}, "tok") == "bad signature"
    assert _signed({"timestamp": timestamp, "nonce": "n2", "signature": good}, "tok") == "bad signature"
