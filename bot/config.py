"""Configuration from the environment, read once, validated, handed down.

Unset values get a working local default; a bad value stops the start with a clear message.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

from bot.client_address import Network, parse_networks
from bot.keys import KeysFileError, stored_keys

DEFAULT_API_BASE = "https://api.weixin.qq.com/cgi-bin/"
DEFAULT_OAUTH_AUTHORIZE = "https://open.weixin.qq.com/connect/oauth2/authorize"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


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
    # WeChat's web authorisation page (WECHAT_OAUTH_AUTHORIZE_URL): the stand-in's in tests and demos.
    wechat_oauth_authorize_url: str = DEFAULT_OAUTH_AUTHORIZE
    port: int = 8000
    public_url: str = "http://127.0.0.1:8000"
    secret_key: str = "dev-only-secret-change-me"
    # Run jobs' scheduler inside the web process (the embedded default: one command runs everything).
    embedded_worker: bool = False
    # Template message for status notifications (WECHAT_TEMPLATE_STATUS); None: customer-service texts only.
    wechat_template_status: str | None = None
    # How long a notification's sender holds it before another may take over (OUTBOX_LEASE_SECONDS).
    outbox_lease_seconds: int = 60
    # Fernet key for personal fields at rest (DATA_KEY); None: a development key, see dev_data_key.
    data_key: str | None = None
    # Days after an application is done before its files are deleted (RETENTION_DAYS; metadata stays).
    retention_days: int = 180
    # Bearer token /metrics requires when set (METRICS_TOKEN); unset, bind /metrics to an internal network.
    metrics_token: str | None = None
    # LOG_LEVEL: INFO logs a line per request; WARNING keeps problems only (and saves ~0.1 ms of CPU a message).
    log_level: str = "INFO"
    # scrypt's cost for console passwords, as log2(N) (PASSWORD_HASH_LOG2N); see bot.desk.accounts.
    password_hash_log2n: int = 15
    # Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); none: the socket's address is the client's.
    trusted_proxies: tuple[Network, ...] = ()

    @property
    def safe_mode(self) -> bool:
        return bool(self.wechat_aes_key)

    @property
    def encryption_key(self) -> str:
        """The key personal fields are encrypted with: DATA_KEY, or in development one derived from
        the development SECRET_KEY (public, so it protects nothing; it keeps the code path the same)."""
        return self.data_key or dev_data_key(self.secret_key)

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
    if not port_text.isdecimal() or not 0 < int(port_text) < 65536:
        raise ConfigError(f"PORT={port_text!r}: expected a TCP port number (1-65535)")
    aes_key = env.get("WECHAT_ENCODING_AES_KEY") or None
    if aes_key is not None and len(aes_key) != 43:
        raise ConfigError("WECHAT_ENCODING_AES_KEY must be the 43-character EncodingAESKey from the WeChat console")
    base = env.get("WECHAT_API_BASE_URL") or DEFAULT_API_BASE
    if urlparse(base).scheme not in ("http", "https"):
        raise ConfigError(f"WECHAT_API_BASE_URL={base!r}: expected an http(s) URL")
    if not base.endswith("/"):
        base += "/"
    authorize = env.get("WECHAT_OAUTH_AUTHORIZE_URL") or DEFAULT_OAUTH_AUTHORIZE
    if urlparse(authorize).scheme not in ("http", "https"):
        raise ConfigError(f"WECHAT_OAUTH_AUTHORIZE_URL={authorize!r}: expected an http(s) URL")
    config = Config(
        data_dir=data_dir,
        store_url=store_url,
        wechat_token=env.get("WECHAT_TOKEN") or Config.wechat_token,
        wechat_app_id=env.get("WECHAT_APP_ID") or Config.wechat_app_id,
        wechat_app_secret=env.get("WECHAT_APP_SECRET") or Config.wechat_app_secret,
        wechat_aes_key=aes_key,
        wechat_api_base_url=base,
        wechat_oauth_authorize_url=authorize,
        port=int(port_text),
        public_url=(env.get("PUBLIC_URL") or f"http://127.0.0.1:{port_text}").rstrip("/"),
        embedded_worker=urlparse(store_url).scheme == "sqlite" and env.get("EMBEDDED_WORKER", "1") != "0",
        retention_days=_whole_number(env, "RETENTION_DAYS", Config.retention_days, "days"),
        metrics_token=env.get("METRICS_TOKEN") or None,
        log_level=_log_level(env),
        wechat_template_status=env.get("WECHAT_TEMPLATE_STATUS") or None,
        outbox_lease_seconds=_whole_number(env, "OUTBOX_LEASE_SECONDS", Config.outbox_lease_seconds, "seconds"),
        password_hash_log2n=password_hash_log2n(env),
        trusted_proxies=_trusted_proxies(env),
    )
    # Last: keys are generated (and saved) only for a configuration that is otherwise valid.
    secret_key, data_key = _keys(env, data_dir, store_url)
    return replace(config, secret_key=secret_key, data_key=data_key)


def dev_data_key(secret_key: str) -> str:
    """A Fernet key derived from ``secret_key``: what personal data was encrypted with before keys were
    generated (:mod:`bot.keys`), and still is in tests that build a :class:`Config` themselves."""
    return base64.urlsafe_b64encode(hashlib.sha256(b"jifen-dev-data-key:" + secret_key.encode()).digest()).decode()


def _keys(env: Mapping[str, str], data_dir: Path, store_url: str) -> tuple[str, str]:
    """SECRET_KEY and DATA_KEY: the environment's, or for each one it leaves unset the random one
    generated under DATA_DIR (bot.keys). A store that may hold data written under the old development
    key (a SQLite file that exists; any Redis) keeps that key to decrypt with."""
    secret_key, data_key = env.get("SECRET_KEY") or None, _data_key(env)
    if secret_key and data_key:
        return secret_key, data_key
    may_hold_data = urlparse(store_url).scheme != "sqlite" or Path(store_url.removeprefix("sqlite:///")).exists()
    try:
        stored = stored_keys(data_dir, old_data_keys=(dev_data_key(Config.secret_key),) if may_hold_data else ())
    except (KeysFileError, OSError) as err:
        raise ConfigError(str(err)) from None
    return secret_key or stored.secret_key, data_key or stored.decryption_keys


def _data_key(env: Mapping[str, str]) -> str | None:
    """DATA_KEY, validated, or None when unset. Once SECRET_KEY is set, DATA_KEY must be too: a
    deployment that configures its keys configures both (several machines must share them), and
    personal data must not hang on SECRET_KEY, which operators rotate for other reasons."""
    key = env.get("DATA_KEY") or None
    if key is None:
        if env.get("SECRET_KEY"):
            raise ConfigError("DATA_KEY is required when SECRET_KEY is set: generate one with `python -m bot data key`"
                              " and keep it safe (without it the stored personal data cannot be read)")
        return None
    # Several keys, comma-separated, while rotating: the first encrypts, every one decrypts.
    if not all(_is_fernet_key(part.strip()) for part in key.split(",")):
        raise ConfigError("DATA_KEY must be a Fernet key (32 bytes, url-safe base64), or several separated by commas "
                          "while rotating: generate one with `python -m bot data key`")
    return key


def _is_fernet_key(text: str) -> bool:
    try:
        return len(base64.urlsafe_b64decode(text.encode())) == 32
    except (binascii.Error, ValueError):
        return False


def _trusted_proxies(env: Mapping[str, str]) -> tuple[Network, ...]:
    try:
        return parse_networks(env.get("TRUSTED_PROXIES") or "")
    except ValueError as err:
        raise ConfigError(f"TRUSTED_PROXIES: {err}; expected addresses or networks separated by commas, "
                          "e.g. 10.0.0.1,172.16.0.0/12") from None


def _log_level(env: Mapping[str, str]) -> str:
    level = (env.get("LOG_LEVEL") or Config.log_level).upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL={level!r}: expected one of {', '.join(LOG_LEVELS)}")
    return level


def password_hash_log2n(env: Mapping[str, str] | None = None) -> int:
    """PASSWORD_HASH_LOG2N, validated: scrypt's N is 2 to this power (15 unless set; 10 is the least
    accepted, for test suites that make hundreds of accounts)."""
    env = os.environ if env is None else env
    text = env.get("PASSWORD_HASH_LOG2N") or str(Config.password_hash_log2n)
    if not text.isdecimal() or not 10 <= int(text) <= 20:
        raise ConfigError(f"PASSWORD_HASH_LOG2N={text!r}: expected a whole number from 10 to 20")
    return int(text)


def _whole_number(env: Mapping[str, str], name: str, default: int, unit: str) -> int:
    text = env.get(name) or str(default)
    if not text.isdecimal() or int(text) < 1:
        raise ConfigError(f"{name}={text!r}: expected a whole number of {unit} (at least 1)")
    return int(text)
