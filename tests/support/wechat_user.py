"""A simulated WeChat user talking to an app in this process (Flask's test client), signed and, in
safe mode, encrypted like WeChat's own requests."""
from __future__ import annotations

from typing import Any

from flask import Flask

from bot.dev.simulator import SimulatedUser


def user_for(app: Flask, openid: str = "oUser1", **kwargs: Any) -> SimulatedUser:
    client = app.test_client()
    config = app.extensions["runtime"].config

    def post(url, params, body):
        response = client.post(url, query_string=params, data=body, content_type="text/xml")
        return response.status_code, response.get_data(as_text=True)

    return SimulatedUser("/wechat", openid, config.wechat_token, aes_key=config.wechat_aes_key,
                         app_id=config.wechat_app_id, post=post, **kwargs)
