"""The outbound WeChat API: what the bot asks of WeChat, on wechatpy's client.

wechatpy 1.8.18 keeps the access token per process, fetches it from a hard-coded
api.weixin.qq.com, and on a rejected token refreshes and retries without limit. Here every
endpoint, the token's included, is under ``WECHAT_API_BASE_URL``; the token lives in the Store,
shared by all processes and renewed by one of them at a time; and a rejected token is renewed
once and the call retried once.

Access tokens and the app secret travel in URLs, so they never reach a log: errors carry
WeChat's errcode and errmsg only, and the HTTP library's debug lines are masked.
"""
from __future__ import annotations

import logging
import mimetypes
import re
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import requests
from wechatpy.client import WeChatClient
from wechatpy.exceptions import WeChatClientException

from bot.config import Config
from bot.wechat.replies import split_text
from bot.wechat.wire import SignallingAdapter, request_refused
from storage.base import Store, StoreError
from storage.locks import UserLock

log = logging.getLogger(__name__)

HTTP_TIMEOUT = 10  # seconds; a photo of a few MB downloads well within it
TOKEN_REJECTED = {40001, 40014, 42001}  # invalid or replaced, malformed, expired: a new token helps
RENEW_EARLY = 300  # seconds before WeChat's expiry; its replaced tokens also live 5 more minutes
RENEW_LOCK_TTL = 30  # bounds how long a crashed renewer blocks the others
RENEW_WAIT = 15  # how long a process waits for another's renewal before giving up
HTTP_LOGGERS = ("urllib3.connectionpool", "urllib3.poolmanager", "urllib3.util.retry")  # they log URLs

# What can go wrong in a call: WeChat's answer, the HTTP exchange, or the Store holding the token.
_FAILURES = (WeChatClientException, requests.RequestException, StoreError)
_CREDENTIAL_IN_URL = re.compile(r"((?:access_token|secret)=)[^&#\s\"']+")
T = TypeVar("T")


def mask_credentials(text: str) -> str:
    """``text`` with every ``access_token=…`` and ``secret=…`` value replaced by ``***``."""
    return _CREDENTIAL_IN_URL.sub(r"\1***", text)


class WeChatAPIError(RuntimeError):
    """A WeChat API call failed.

    ``errcode`` is WeChat's (45015 outside the 48-hour window, 45047 over the message budget,
    40007 unknown media_id, …), or None when WeChat gave no answer (network, HTTP status, store);
    ``http_status`` is the HTTP status of an answer that was not WeChat's (a proxy's 502), else None.
    """

    def __init__(self, action: str, errcode: int | None, errmsg: str, http_status: int | None = None) -> None:
        super().__init__(f"wechat {action} failed: errcode={errcode} errmsg={errmsg}")
        self.action, self.errcode, self.errmsg, self.http_status = action, errcode, errmsg, http_status


class SharedAccessToken:
    """The app's access token, kept in the Store for every process and renewed by one at a time."""

    def __init__(self, store: Store, app_id: str, fetch: Callable[[], dict[str, Any]]) -> None:
        self.store, self.fetch = store, fetch
        self.key = f"wechat:access-token:{app_id}"
        self.lock_name = f"wechat:access-token-renewal:{app_id}"
        self.lock = UserLock(store, ttl=RENEW_LOCK_TTL, wait=RENEW_WAIT)

    def get(self) -> str:
        """The cached token, fetched first when there is none."""
        return self.store.recall(self.key) or self.renew(rejected=None)

    def renew(self, rejected: str | None) -> str:
        """A token other than ``rejected``: fetched here, or by whichever process renewed it while
        this one waited for the lock (so a crowd of callers costs WeChat one token request)."""
        with self.lock.hold(self.lock_name):
            current = self.store.recall(self.key)
            if current and current != rejected:
                return current
            answer = self.fetch()
            expires_in = int(answer.get("expires_in", 7200))
            self.store.remember(self.key, answer["access_token"],
                                ttl_seconds=max(expires_in - RENEW_EARLY, expires_in // 2))
            log.info("wechat access token renewed, valid for %ss", expires_in)
            return answer["access_token"]


class _SharedTokenClient(WeChatClient):
    """wechatpy's client under the configured base URL, taking its token from the shared cache."""

    def __init__(self, app_id: str, secret: str, api_base_url: str, store: Store) -> None:
        # auto_retry off: wechatpy's own retry renews and retries for as long as WeChat says no.
        super().__init__(app_id, secret, timeout=HTTP_TIMEOUT, auto_retry=False)
        self.API_BASE_URL = api_base_url
        self._http.mount(api_base_url, SignallingAdapter())  # lets the outbox see a request leave
        self.tokens = SharedAccessToken(store, app_id, self.fetch_access_token)

    @property
    def access_token(self) -> str:
        return self.tokens.get()

    def fetch_access_token(self) -> dict[str, Any]:
        """A new token from the token endpoint under the configured base (wechatpy hard-codes WeChat's)."""
        response = self._http.get(f"{self.API_BASE_URL}token", timeout=self.timeout, params={
            "grant_type": "client_credential", "appid": self.appid, "secret": self.secret})
        response.raise_for_status()
        answer = self._handle_result(response)  # raises WeChatClientException on an errcode
        if not isinstance(answer, dict) or "access_token" not in answer:
            raise WeChatClientException(None, "token endpoint answered without an access_token")
        return answer


class WeChatAPI:
    """What the bot asks of WeChat. Every method raises :class:`WeChatAPIError` when it fails."""

    def __init__(self, client: _SharedTokenClient) -> None:
        self._client = client

    def send_text(self, openid: str, text: str) -> int:
        """Send ``text`` as customer-service messages of at most 2048 bytes each; returns how many.
        A failure stops at that piece: the pieces before it have been delivered."""
        pieces = split_text(text)
        for piece in pieces:
            self._call("send_text", self._client.message.send_text, openid, piece)
        return len(pieces)

    def send_image(self, openid: str, media_id: str) -> None:
        """Send an image, uploaded with :meth:`upload_image`, as a customer-service message."""
        self._call("send_image", self._client.message.send_image, openid, media_id)

    def send_template(self, openid: str, template_id: str, data: dict[str, Any], url: str | None = None) -> int:
        """Send a template message (status pushes: not limited by the 48-hour window); returns its msgid."""
        answer = self._call("send_template", self._client.message.send_template, openid, template_id, data, url)
        return int(answer["msgid"])

    def download_media(self, media_id: str) -> bytes:
        """The bytes of a temporary media file (a photo the user sent)."""
        answer = self._call("download_media", self._client.media.download, media_id)
        if isinstance(answer, dict):  # JSON without an errcode, e.g. a video's URL: not a file
            raise _failure("download_media", None, f"expected a file, got JSON with {sorted(answer)}")
        return answer.content

    def upload_image(self, data: bytes, filename: str = "image.jpg") -> str:
        """Upload an image as temporary media (kept 3 days by WeChat); returns its media_id."""
        content_type = mimetypes.guess_type(filename)[0] or "image/jpeg"
        answer = self._call("upload_image", self._client.media.upload, "image", (filename, data, content_type))
        return str(answer["media_id"])

    def create_menu(self, menu: dict[str, Any]) -> None:
        """Replace the official account's menu."""
        self._call("create_menu", self._client.menu.create, menu)

    def _call(self, action: str, request: Callable[..., T], *args: Any) -> T:
        """``request(*args)``; when WeChat rejects the token, renew it once and retry once."""
        try:
            return request(*args)
        except _FAILURES as err:
            _report_refusal(err)
            if getattr(err, "errcode", None) not in TOKEN_REJECTED:
                raise _failure(action, *_explain(err)) from None
            log.info("wechat %s: errcode=%s, renewing the access token and retrying once", action, err.errcode)
            rejected = _token_sent(err)
        try:
            self._client.tokens.renew(rejected)
            return request(*args)
        except _FAILURES as err:
            _report_refusal(err)
            raise _failure(action, *_explain(err)) from None


def _report_refusal(err: Exception) -> None:
    """Tell whoever watches the wire that WeChat refused this request (it answered an errcode)."""
    url = getattr(getattr(err, "request", None), "url", None)
    if getattr(err, "errcode", None) is not None and url:
        request_refused(url)


def _token_sent(err: WeChatClientException) -> str | None:
    """The access token of the request WeChat rejected (not re-read: another process may have renewed it)."""
    url = getattr(err.request, "url", None) or ""
    return parse_qs(urlsplit(url).query).get("access_token", [None])[0]


def _failure(action: str, errcode: int | None, errmsg: str, http_status: int | None = None) -> WeChatAPIError:
    log.warning("wechat %s failed: errcode=%s errmsg=%s", action, errcode, errmsg)
    return WeChatAPIError(action, errcode, errmsg, http_status)


def _explain(err: Exception) -> tuple[int | None, str, int | None]:
    """WeChat's errcode and errmsg for ``err``, and the HTTP status of an answer that was not WeChat's;
    the HTTP library's messages quote the URL, so they are masked."""
    response = getattr(err, "response", None)
    status = response.status_code if response is not None and response.status_code >= 400 else None
    if not isinstance(err, WeChatClientException):
        return None, mask_credentials(f"{type(err).__name__}: {err}"), status
    if err.errcode is not None:
        return int(err.errcode), str(err.errmsg), None
    if status is not None:  # wechatpy's wrapping of an HTTP error status
        return None, f"HTTP {status}", status
    return None, str(err.errmsg), None


class _MaskCredentials(logging.Filter):
    """Masks tokens and secrets in records of loggers that print request URLs."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_credentials(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


_MASK = _MaskCredentials()


def _mask_http_logs() -> None:
    for name in HTTP_LOGGERS:
        logger = logging.getLogger(name)
        if _MASK not in logger.filters:
            logger.addFilter(_MASK)


def make_client(config: Config, store: Store) -> WeChatAPI:
    """The WeChat API for this configuration, sharing its access token through ``store``."""
    _mask_http_logs()
    base_url = config.wechat_api_base_url.rstrip("/") + "/"
    return WeChatAPI(_SharedTokenClient(config.wechat_app_id, config.wechat_app_secret, base_url, store))
