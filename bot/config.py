"""Configuration from the environment, read once, validated, handed down.

Unset values get a working local default; a bad value stops the start with a clear message.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse

DEFAULT_API_BASE = "https://api.weixin.qq.com/cgi-bin/"


class ConfigError(ValueError):
    """A setting is present but unusable; the message names it and says what is expected."""


@dataclass(frozen=True)
class Config:
    data_dir: Path = Path("data")
    store_url: str = ""
    wechat_token: str = "jifen-dev-token"
    wechat_app_id: str = "wx-dev-appid"
    wechat_app_secret: str = "dev-secret"
    wechat_aes_key: str | None = None
    wechat_api_base_url: str = DEFAULT_API_BASE
    port: int = 8000
    public_url: str = "http://127.0.0.1:8000"
    secret_key: str = "dev-only-secret-change-me"
    # Run jobs' scheduler inside the web process (the embedded default: one command runs everything).
    embedded_worker: bool = False
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def safe_mode(self) -> bool:
        return bool(self.wechat_aes_key)

    def with_overrides(self, **changes: object) -> "Config":
        return replace(self, **changes)


def from_env(env: Mapping[str, str] | None = None) -> Config:
    """The configuration the environment describes (``os.environ`` by default)."""
    env = os.environ if env is None else env
    data_dir = Path(env.get("DATA_DIR") or "data")
    store_url = env.get("STORE_URL") or f"sqlite:///{data_dir / 'jifen.db'}"
    if urlparse(store_url).scheme not in ("sqlite", "redis", "rediss"):
        raise ConfigError(f"STORE_URL={store_url!r}: expected sqlite:///path/to/file.db or redis://host:port/db")
    port_text = env.get("PORT") or "8000"
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ConfigError(f"PORT={port_text!r}: expected a TCP port number (1-65535)")
    aes_key = env.get("WECHAT_ENCODING_AES_KEY") or None
    if aes_key is not None and len(aes_key) != 43:
        raise ConfigError("WECHAT_ENCODING_AES_KEY must be the 43-character EncodingAESKey from the WeChat console")
    base = env.get("WECHAT_API_BASE_URL") or DEFAULT_API_BASE
    if urlparse(base).scheme not in ("http", "https"):
        raise ConfigError(f"WECHAT_API_BASE_URL={base!r}: expected an http(s) URL")
    if not base.endswith("/"):
        base += "/"
    return Config(
        data_dir=data_dir,
        store_url=store_url,
        wechat_token=env.get("WECHAT_TOKEN") or Config.wechat_token,
        wechat_app_id=env.get("WECHAT_APP_ID") or Config.wechat_app_id,
        wechat_app_secret=env.get("WECHAT_APP_SECRET") or Config.wechat_app_secret,
        wechat_aes_key=aes_key,
        wechat_api_base_url=base,
        port=int(port_text),
        public_url=(env.get("PUBLIC_URL") or f"http://127.0.0.1:{port_text}").rstrip("/"),
        secret_key=env.get("SECRET_KEY") or Config.secret_key,
        embedded_worker=urlparse(store_url).scheme == "sqlite" and env.get("EMBEDDED_WORKER", "1") != "0",
    )
