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

The POST is answered by :func:`answer_message`, which takes the query and body as plain values:
bot/server/callback_path.py serves it in front of Flask, without Flask's request machinery (its
request and app contexts, URL matching, hooks and Response objects cost about a fifth of a message's
CPU), and gives it the same request id, log line and metrics as every other route.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, request
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.messages import BaseMessage

from bot.applicant.conversation import TurnFacts
from bot.observe.logs import user_hash
from bot.observe.metrics import FAQ_CONFIDENCE, MESSAGES, child
from bot.runtime import Runtime, current_runtime
from bot.wechat.inbound import Envelope, Malformed, Unsupported, dedup_key, envelope, parse, to_event
from bot.wechat.replies import passive_text, text_reply_xml
from dialogs import render
from storage.base import StoreError
from storage.deadline import answer_by
from storage.inbox import FirstUse, Replayed

bp = Blueprint("wechat", __name__)
log = logging.getLogger(__name__)

MAX_CLOCK_SKEW = 300  # seconds; the signature does not cover how old the timestamp is
SUCCESS = "success"   # tells WeChat "received, nothing to say": no retries, nothing shown
# WeChat gives up on an answer after 5 s from sending; leave a second for the network and the queue
# between the socket and this process.
ANSWER_WITHIN = 4.0
# A plaintext signature is used once: kept as long as its timestamp can be accepted (either side of now).
SIGNATURE_TTL = 2 * MAX_CLOCK_SKEW


@dataclass(frozen=True)
class Answer:
    """What the callback answers, and what its request's log line says of it."""

    status: int
    text: str
    mimetype: str = "text/plain"
    event: str = "request"  # the log line's event
    fields: dict[str, Any] = field(default_factory=dict)  # the log line's fields beyond method, route, status, ms


def _forbidden(reason: str) -> Answer:
    log.warning("wechat callback rejected: %s", reason)
    return Answer(403, "forbidden")


def _replayed() -> Answer:
    log.warning("wechat callback rejected: signature already used for another message")
    return Answer(403, "replayed")


def _bad_request(reason: str) -> Answer:
    log.warning("wechat callback bad request: %s", reason)
    return Answer(400, "bad request")


def _declares_entities(body: bytes) -> bool:
    """Entities are never legitimate in WeChat's XML; refuse them before any parser sees them
    (xmltodict would expand them: billion laughs, external entities)."""
    upper = body.upper()  # ``find``, not ``in``: bytes' ``in`` tries its operand as an int first, raising and clearing a TypeError
    return upper.find(b"<!DOCTYPE") != -1 or upper.find(b"<!ENTITY") != -1


def _signed(args: Mapping[str, str], token: str) -> str | None:
    """None when the query carries a valid, fresh signature; otherwise why not."""
    timestamp = args.get("timestamp", "")
    if not timestamp.isdecimal() or abs(time.time() - int(timestamp)) > MAX_CLOCK_SKEW:
        return "timestamp missing or outside the allowed clock skew"
    if not hmac.compare_digest(signature_of(token, timestamp, args.get("nonce", "")).encode(),
                               args.get("signature", "").encode()):
        return "bad signature"
    return None


def signature_of(token: str, timestamp: str, nonce: str) -> str:
    """WeChat's signature of a request: the SHA-1 of the token, timestamp and nonce sorted and joined, as
    wechatpy's ``check_signature`` works it out (its signer object and conversions cost three times this
    line, ~27K instructions a message: issue 19); compared in constant time, which its ``!=`` is not."""
    return hashlib.sha1(b"".join(sorted((token.encode(), timestamp.encode(), nonce.encode())))).hexdigest()


@bp.get("/wechat")
def verify():
    problem = _signed(request.args, current_runtime().config.wechat_token)
    if problem:
        answer = _forbidden(problem)
        return Response(answer.text, status=answer.status, mimetype=answer.mimetype)
    return Response(request.args.get("echostr", ""), mimetype="text/plain")


def answer_message(runtime: Runtime, args: Mapping[str, str], body: bytes, arrived: float) -> Answer:
    """The answer to one POST of WeChat's: ``args`` its query (first value of each name), ``body``
    its bytes, ``arrived`` the ``time.monotonic()`` it arrived at (the deadline counts from then)."""
    config = runtime.config
    problem = _signed(args, config.wechat_token)
    if problem:
        return _forbidden(problem)
    encrypted = args.get("encrypt_type") == "aes"
    if config.safe_mode and not encrypted:
        return _forbidden("plaintext message in safe mode")
    if encrypted and not config.safe_mode:
        return _bad_request("encrypted message but no WECHAT_ENCODING_AES_KEY configured")
    if _declares_entities(body):
        return _bad_request("DTD or entity declaration")
    crypto = None
    if encrypted:
        crypto = WeChatCrypto(config.wechat_token, config.wechat_aes_key, config.wechat_app_id)
        try:
            body = crypto.decrypt_message(body, args.get("msg_signature", ""), args["timestamp"], args.get("nonce", ""))
        except (InvalidSignatureException, InvalidAppIdException):
            return _forbidden("bad msg_signature or appid")
        except Exception:  # noqa: BLE001 - malformed XML or ciphertext is the sender's fault
            return _bad_request("undecryptable message")
        if _declares_entities(body.encode() if isinstance(body, str) else body):
            return _bad_request("DTD or entity declaration inside the encrypted message")
    try:
        msg = parse(body)
    except Exception:  # noqa: BLE001 - xmltodict raises ValueError, KeyError, ExpatError, AttributeError...
        return _bad_request("malformed XML")
    try:
        sent = envelope(msg)
    except Malformed as problem:
        return _bad_request(str(problem))

    facts = TurnFacts()
    try:
        with answer_by(arrived + ANSWER_WITHIN):
            first_use = None if crypto is not None else _first_use_of_signature(args, body)
            reply_text = _process(runtime, msg, sent, facts, first_use)
    except Replayed:
        return _replayed()
    except StoreError as err:  # the store failed or hung, or the deadline came: say so in time
        log.warning("message from %s not processed: %s", msg.type, err)
        reply_text = render.MESSAGE_NOT_PROCESSED
    except Exception:  # noqa: BLE001 - the applicant gets a sentence, never a stack trace
        log.exception("message from %s not processed", msg.type)
        reply_text = render.MESSAGE_NOT_PROCESSED  # its claim is given up, so sending it again is processed anew
    answer = _reply(reply_text, sent, crypto, args)
    return Answer(answer.status, answer.text, answer.mimetype, "wechat.message",
                  _observe(runtime, msg, sent, facts))


def _first_use_of_signature(args: Mapping[str, str], body: bytes | str) -> FirstUse:
    """A plaintext request's signature, to be held with its body's digest. The signature covers the
    token, timestamp and nonce only: whoever saw one query string (an access log, a proxy) could
    sign any body with it for five minutes, so another body with it is refused. The same body again
    is WeChat sending the same message again, which the message's own claim handles. Only messages
    that reach a conversation need it: the other answers read and change nothing."""
    digest = hashlib.sha256(body if isinstance(body, bytes) else body.encode()).hexdigest()[:32]
    return f"wx:sig:{args.get('signature', '')}", SIGNATURE_TTL, digest


def _reply(reply_text: str | None, sent: Envelope, crypto: WeChatCrypto | None, args: Mapping[str, str]) -> Answer:
    if not reply_text:
        return Answer(200, SUCCESS)
    xml = text_reply_xml(reply_text, sent)
    if crypto is not None:
        xml = crypto.encrypt_message(xml, args.get("nonce", ""), args["timestamp"])
    return Answer(200, xml, "application/xml")


def _observe(runtime: Runtime, msg: BaseMessage, sent: Envelope, facts: TurnFacts) -> dict[str, Any]:
    """Count the message (bot/server/callback_path.py times it, as /wechat's request); what the request's
    log line says of it (the sender by a hash: the openid itself never reaches the logs)."""
    child(MESSAGES, msg.type).inc()
    if facts.faq_confidence is not None:
        FAQ_CONFIDENCE.observe(facts.faq_confidence)
    return {"user": user_hash(sent.source, runtime.config.secret_key), "msg_type": msg.type,
            "state_before": facts.state_before, "state_after": facts.state_after}


def _process(runtime: Runtime, msg: BaseMessage, sent: Envelope, facts: TurnFacts,
             first_use: FirstUse | None) -> str | None:
    """The passive reply for a message, processing it once across WeChat's retries (None: the
    first delivery is still running, and answers it)."""
    event = to_event(msg)
    if event is None:
        return None
    if isinstance(event, Unsupported):
        return render.unsupported_reply(event.kind)  # nothing is saved: a retry may safely get the same answer again
    replies = runtime.conversations.handle(sent.source, event, once=dedup_key(sent), first_use=first_use, facts=facts)
    return None if replies is None else passive_text(replies)
