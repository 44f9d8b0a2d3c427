from __future__ import annotations

import pytest

from bot.app import create_app
from bot.config import Config
from bot.dev.simulator import SimulatedUser

AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


@pytest.fixture
def app(tmp_path):
    return create_app(Config(data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'bot.db'}"))


@pytest.fixture
def safe_app(tmp_path):
    return create_app(Config(data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'bot.db'}",
                             wechat_aes_key=AES_KEY))


def user_for(app, openid: str = "oUser1", **kwargs) -> SimulatedUser:
    client = app.test_client()
    config = app.extensions["runtime"].config

    def post(url, params, body):
        response = client.post(url, query_string=params, data=body, content_type="text/xml")
        return response.status_code, response.get_data(as_text=True)

    return SimulatedUser("/wechat", openid, config.wechat_token, aes_key=config.wechat_aes_key,
                         app_id=config.wechat_app_id, post=post, **kwargs)


@pytest.fixture
def user(app):
    return user_for(app)
