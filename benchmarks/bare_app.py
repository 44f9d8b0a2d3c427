"""The baselines of benchmarks/callback.py, served by the same gunicorn settings as the bot.

- ``create_app()``: the issue's bare endpoint, which only checks WeChat's signature and echoes the XML.
- ``create_app(stateful=True)``: the floor of any stateful callback built on these libraries. It
  checks the signature, parses the message and renders the reply with wechatpy, and makes one
  read and one write in the Store (``STORE_URL``). Whatever the full callback costs beyond this
  row is the bot's own work: the dialogue, the dedup and lock, encryption, the transcript, logs
  and metrics.
"""
from __future__ import annotations

import json
import os

from flask import Flask, Response, request
from wechatpy import create_reply, parse_message
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.utils import check_signature

TOKEN = "jifen-dev-token"
STATE_SECONDS = 600


def create_app(stateful: bool = False) -> Flask:
    app = Flask(__name__)
    store = None
    if stateful:
        from storage import open_store

        store = open_store(os.environ["STORE_URL"])

    @app.post("/wechat")
    def answer() -> Response:
        try:
            check_signature(TOKEN, request.args.get("signature", ""), request.args.get("timestamp", ""),
                            request.args.get("nonce", ""))
        except InvalidSignatureException:
            return Response("forbidden", status=403)
        if store is None:
            return Response(request.get_data(), mimetype="application/xml")
        msg = parse_message(request.get_data())
        key = f"floor:{msg.source}"
        turns = json.loads(store.recall(key) or "[]")
        turns.append(msg.content)
        store.remember(key, json.dumps(turns[-20:], ensure_ascii=False), STATE_SECONDS)
        reply = create_reply(f"第 {len(turns)} 条：{msg.content}", msg)
        return Response(reply.render(), mimetype="application/xml")

    return app
