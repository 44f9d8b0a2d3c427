from __future__ import annotations

import pytest

from tests.support.wechat_user import user_for

AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


@pytest.fixture
def safe_app(make_app):
    return make_app(wechat_aes_key=AES_KEY)


@pytest.fixture
def user(app):
    return user_for(app)
