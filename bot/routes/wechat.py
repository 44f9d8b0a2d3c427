"""``/wechat``: WeChat's server verification (GET) and message callback (POST), plaintext,
compatible and safe mode.

A retry of the same message is never processed twice: its key is claimed *before* processing
(a retry can arrive while the first is still running) and the reply is cached for the retries.
"""
from __future__ import annotations

import logging
import time

from flask import Blueprint, Response, request
from wechatpy import create_reply, parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.utils import check_signature

from bot.conversation import TurnFacts
from bot.inbound import dedup_key, to_event
from bot.logs import describe_request, user_hash
from bot.metrics import FAQ_CONFIDENCE, LATENCY, MESSAGES
from bot.replies import passive_text
from bot.runtime import current_runtime

bp = Blueprint("wechat", __name__)
log = logging.getLogger(__name__)

MAX_CLOCK_SKEW = 300  # seconds; wechatpy's check_signature never looks at the timestamp
SUCCESS = "success"   # tells WeChat "received, nothing to say": no retries, nothing shown
RETRY_WAIT_SECONDS = 3.5
TRY_AGAIN = "系统有点忙，这条消息没有处理成功，请稍后再发一次。已填写的信息不会丢失。"


def _forbidden(reason: str) -> Response:
    log.warning("wechat callback rejected: %s", reason)
    return Response("forbidden", status=403, mimetype="text/plain")


def _bad_request(reason: str) -> Response:
    log.warning("wechat callback bad request: %s", reason)
    return Response("bad request", status=400, mimetype="text/plain")


def _declares_entities(body: bytes) -> bool:
    """Entities are never legitimate in WeChat's XML; refuse them before any parser sees them
    (xmltodict would expand them: billion laughs, external entities)."""
    upper = body.upper()
    return b"<!DOCTYPE" in upper or b"<!ENTITY" in upper


def _signed() -> str | None:
    """None when the query carries a valid, fresh signature; otherwise why not."""
    args = request.args
    timestamp = args.get("timestamp", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_CLOCK_SKEW:
        return "timestamp missing or outside the allowed clock skew"
    try:
        check_signature(current_runtime().config.wechat_token, args.get("signature", ""), timestamp, args.get("nonce", ""))
    except InvalidSignatureException:
        return "bad signature"
    return None


@bp.get("/wechat")
def verify():
    problem = _signed()
    if problem:
        return _forbidden(problem)
    return Response(request.args.get("echostr", ""), mimetype="text/plain")


@bp.post("/wechat")
def receive():
    started = time.perf_counter()
    problem = _signed()
    if problem:
        return _forbidden(problem)
    body = request.get_data(cache=False)
    if _declares_entities(body):
        return _bad_request("DTD or entity declaration")
    config = current_runtime().config
    encrypted = request.args.get("encrypt_type") == "aes"
    crypto = None
    if encrypted:
        if not config.safe_mode:
            return _bad_request("encrypted message but no WECHAT_ENCODING_AES_KEY configured")
        crypto = WeChatCrypto(config.wechat_token, config.wechat_aes_key, config.wechat_app_id)
        try:
            body = crypto.decrypt_message(body, request.args.get("msg_signature", ""),
                                          request.args["timestamp"], request.args.get("nonce", ""))
        except (InvalidSignatureException, InvalidAppIdException):
            return _forbidden("bad msg_signature or appid")
        except Exception:  # noqa: BLE001 - malformed XML or ciphertext is the sender's fault
            return _bad_request("undecryptable message")
        if _declares_entities(body.encode() if isinstance(body, str) else body):
            return _bad_request("DTD or entity declaration inside the encrypted message")
    try:
        msg = parse_message(body)
        if msg is None or not msg.source:
            raise ValueError("empty message")
    except Exception:  # noqa: BLE001 - xmltodict raises ValueError, KeyError, ExpatError...
        return _bad_request("malformed XML")

    facts = TurnFacts()
    try:
        reply_text = _process(msg, facts)
    except Exception:  # noqa: BLE001 - the applicant gets a sentence, never a stack trace
        log.exception("message from %s not processed", msg.type)
        reply_text = TRY_AGAIN  # its dedup key is released, so sending it again is processed anew
    response = _respond(reply_text, msg, crypto)
    _observe(msg, facts, time.perf_counter() - started)
    return response


def _respond(reply_text: str | None, msg, crypto: WeChatCrypto | None) -> Response:
    if not reply_text:
        return Response(SUCCESS, mimetype="text/plain")
    reply = create_reply(reply_text, msg)
    xml = reply.render()
    if crypto is not None:
        xml = crypto.encrypt_message(xml, request.args.get("nonce", ""), request.args["timestamp"])
    return Response(xml, mimetype="application/xml")


def _observe(msg, facts: TurnFacts, seconds: float) -> None:
    """Count and time the message, and describe it in the request's log line (by a hash of the
    sender: the openid itself never reaches the logs)."""
    MESSAGES.labels(kind=msg.type).inc()
    LATENCY.observe(seconds)
    if facts.faq_confidence is not None:
        FAQ_CONFIDENCE.observe(facts.faq_confidence)
    describe_request("wechat.message", user=user_hash(msg.source, current_runtime().config.secret_key),
                     msg_type=msg.type, state_before=facts.state_before, state_after=facts.state_after)


def _process(msg, facts: TurnFacts) -> str | None:
    """The passive reply for a message, processing it at most once across WeChat's retries."""
    event = to_event(msg)
    if event is None or isinstance(event, str):
        return event  # nothing is saved for these: a retry may safely get the same answer again
    conversations = current_runtime().conversations
    key = dedup_key(msg)
    replies = conversations.handle(msg.source, event, once=key, facts=facts)
    if replies is None:  # a retry: WeChat dropped the first delivery, so this one carries the reply
        return _wait_for_reply(conversations, key)
    return passive_text(replies)


def _wait_for_reply(conversations, key: str) -> str | None:
    """The first delivery's reply, waiting for it while that one is still running (within WeChat's 5 s)."""
    deadline = time.monotonic() + RETRY_WAIT_SECONDS
    while (reply := conversations.reply_to(key)) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return reply
