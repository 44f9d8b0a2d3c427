"""``/wechat``: WeChat's server verification (GET) and message callback (POST), plaintext,
compatible and safe mode.

A retry of the same message is never processed twice: its key is claimed *before* processing
(a retry can arrive while the first is still running) and the reply is cached for the retries;
a claim whose holder died is taken over by the retry (storage/inbox.py).

What a request must show before anything is processed: a fresh timestamp and a valid signature;
in safe mode, ``encrypt_type=aes`` and a ``msg_signature`` over the encrypted body (the plain
``signature`` covers no body: anyone who saw a query string could write as anyone); in plaintext
mode, a (timestamp, nonce, signature) not already used for another body; XML without entity
declarations, with each field WeChat's kind of value. Every answer comes within ``ANSWER_WITHIN``
of the request's arrival (bot/server/arrival.py), whatever the queue it waited in or the store's state.
"""
from __future__ import annotations

import hashlib
import logging
import time

from flask import Blueprint, Response, request
from wechatpy import create_reply, parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.messages import BaseMessage
from wechatpy.utils import check_signature

from bot.server.arrival import arrived_at
from bot.applicant.conversation import TurnFacts
from bot.wechat.inbound import Unsupported, dedup_key, malformed, to_event, unsupported_reply
from bot.observe.logs import describe_request, user_hash
from bot.observe.metrics import FAQ_CONFIDENCE, LATENCY, MESSAGES
from bot.wechat.replies import passive_text
from bot.runtime import current_runtime
from storage.base import StoreError
from storage.deadline import answer_by
from storage.inbox import FirstUse, Replayed

bp = Blueprint("wechat", __name__)
log = logging.getLogger(__name__)

MAX_CLOCK_SKEW = 300  # seconds; wechatpy's check_signature never looks at the timestamp
SUCCESS = "success"   # tells WeChat "received, nothing to say": no retries, nothing shown
# WeChat gives up on an answer after 5 s from sending; leave a second for the network and the queue
# between the socket and this process.
ANSWER_WITHIN = 4.0
# A plaintext signature is used once: kept as long as its timestamp can be accepted (either side of now).
SIGNATURE_TTL = 2 * MAX_CLOCK_SKEW
TRY_AGAIN = "系统有点忙，这条消息没有处理成功，请稍后再发一次。已填写的信息不会丢失。"


def _forbidden(reason: str) -> Response:
    log.warning("wechat callback rejected: %s", reason)
    return Response("forbidden", status=403, mimetype="text/plain")


def _replayed() -> Response:
    log.warning("wechat callback rejected: signature already used for another message")
    return Response("replayed", status=403, mimetype="text/plain")


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
    arrived = arrived_at() or time.monotonic()
    problem = _signed()
    if problem:
        return _forbidden(problem)
    config = current_runtime().config
    encrypted = request.args.get("encrypt_type") == "aes"
    if config.safe_mode and not encrypted:
        return _forbidden("plaintext message in safe mode")
    if encrypted and not config.safe_mode:
        return _bad_request("encrypted message but no WECHAT_ENCODING_AES_KEY configured")
    body = request.get_data(cache=False)
    if _declares_entities(body):
        return _bad_request("DTD or entity declaration")
    crypto = None
    if encrypted:
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
    except Exception:  # noqa: BLE001 - xmltodict raises ValueError, KeyError, ExpatError, AttributeError...
        return _bad_request("malformed XML")
    problem = malformed(msg)
    if problem:
        return _bad_request(problem)

    facts = TurnFacts()
    try:
        with answer_by(arrived + ANSWER_WITHIN):
            reply_text = _process(msg, facts, None if crypto is not None else _first_use_of_signature(body))
    except Replayed:
        return _replayed()
    except StoreError as err:  # the store failed or hung, or the deadline came: say so in time
        log.warning("message from %s not processed: %s", msg.type, err)
        reply_text = TRY_AGAIN
    except Exception:  # noqa: BLE001 - the applicant gets a sentence, never a stack trace
        log.exception("message from %s not processed", msg.type)
        reply_text = TRY_AGAIN  # its claim is given up, so sending it again is processed anew
    response = _respond(reply_text, msg, crypto)
    _observe(msg, facts, time.perf_counter() - started)
    return response


def _first_use_of_signature(body: bytes | str) -> FirstUse:
    """A plaintext request's signature, to be held with its body's digest. The signature covers the
    token, timestamp and nonce only: whoever saw one query string (an access log, a proxy) could
    sign any body with it for five minutes, so another body with it is refused. The same body again
    is WeChat sending the same message again, which the message's own claim handles. Only messages
    that reach a conversation need it: the other answers read and change nothing."""
    digest = hashlib.sha256(body if isinstance(body, bytes) else body.encode()).hexdigest()[:32]
    return f"wx:sig:{request.args.get('signature', '')}", SIGNATURE_TTL, digest


def _respond(reply_text: str | None, msg: BaseMessage, crypto: WeChatCrypto | None) -> Response:
    if not reply_text:
        return Response(SUCCESS, mimetype="text/plain")
    reply = create_reply(reply_text, msg)
    xml = reply.render()
    if crypto is not None:
        xml = crypto.encrypt_message(xml, request.args.get("nonce", ""), request.args["timestamp"])
    return Response(xml, mimetype="application/xml")


def _observe(msg: BaseMessage, facts: TurnFacts, seconds: float) -> None:
    """Count and time the message, and describe it in the request's log line (by a hash of the
    sender: the openid itself never reaches the logs)."""
    MESSAGES.labels(kind=msg.type).inc()
    LATENCY.observe(seconds)
    if facts.faq_confidence is not None:
        FAQ_CONFIDENCE.observe(facts.faq_confidence)
    describe_request("wechat.message", user=user_hash(msg.source, current_runtime().config.secret_key),
                     msg_type=msg.type, state_before=facts.state_before, state_after=facts.state_after)


def _process(msg: BaseMessage, facts: TurnFacts, first_use: FirstUse | None) -> str | None:
    """The passive reply for a message, processing it once across WeChat's retries (None: the
    first delivery is still running, and answers it)."""
    event = to_event(msg)
    if event is None:
        return None
    if isinstance(event, Unsupported):
        return unsupported_reply(event)  # nothing is saved: a retry may safely get the same answer again
    replies = current_runtime().conversations.handle(msg.source, event, once=dedup_key(msg), first_use=first_use,
                                                     facts=facts)
    return None if replies is None else passive_text(replies)
