"""The baseline of benchmarks/callback.py: a Flask app that only checks WeChat's signature and
echoes the XML back. Served by the same gunicorn settings as the bot."""
from __future__ import annotations

from flask import Flask, Response, request
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.utils import check_signature

TOKEN = "jifen-dev-token"


def create_app() -> Flask:
    app = Flask(__name__)

    @app.post("/wechat")
    def echo() -> Response:
        try:
            check_signature(TOKEN, request.args.get("signature", ""), request.args.get("timestamp", ""),
                            request.args.get("nonce", ""))
        except InvalidSignatureException:
            return Response("forbidden", status=403)
        return Response(request.get_data(), mimetype="application/xml")

    return app
