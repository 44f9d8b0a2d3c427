"""The WeChat stub running for real on a free port, and clients talking to it over HTTP."""
from __future__ import annotations

import pytest

from bot.config import Config
from bot.wechat.client import WeChatAPI, make_client


@pytest.fixture
def config(stub, tmp_path) -> Config:
    return Config(data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'store.db'}",
                  wechat_api_base_url=stub.api_base)


@pytest.fixture
def wechat(config, sqlite_store) -> WeChatAPI:
    return make_client(config, sqlite_store)
