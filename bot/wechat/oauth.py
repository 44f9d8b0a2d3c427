"""WeChat's web authorisation for the official account's own pages (网页授权, scope ``snsapi_base``):
a page opened from the menu inside WeChat learns who opened it without asking them anything.

1. The bot redirects the browser to WeChat's authorize page (``WECHAT_OAUTH_AUTHORIZE_URL``) with
   the app id, where to come back, ``scope=snsapi_base`` and a ``state``; WeChat sends the browser
   straight back with ``?code=…&state=…`` (snsapi_base asks the user nothing).
2. The bot exchanges the code (valid 5 minutes, once) for the user's openid at
   ``sns/oauth2/access_token``, beside the ``cgi-bin/`` API under ``WECHAT_API_BASE_URL``'s host.

The web access token this returns is not the API's access token and is not kept: snsapi_base
needs only the openid.
"""
from __future__ import annotations

from urllib.parse import urlencode

import requests

from bot.config import Config
from bot.wechat.client import HTTP_TIMEOUT, WeChatAPIError, mask_credentials

SCOPE = "snsapi_base"


def authorize_url(config: Config, redirect_uri: str, state: str) -> str:
    """WeChat's authorize page for ``redirect_uri`` (parameters in WeChat's documented order)."""
    query = urlencode({"appid": config.wechat_app_id, "redirect_uri": redirect_uri, "response_type": "code",
                       "scope": SCOPE, "state": state})
    return f"{config.wechat_oauth_authorize_url}?{query}#wechat_redirect"


def token_url(config: Config) -> str:
    """``…/sns/oauth2/access_token`` on the host of the configured ``…/cgi-bin/`` base."""
    root = config.wechat_api_base_url.rstrip("/").removesuffix("cgi-bin").rstrip("/")
    return f"{root}/sns/oauth2/access_token"


def openid_for_code(config: Config, code: str) -> str:
    """The openid of whoever WeChat gave ``code`` to; WeChatAPIError when WeChat refuses the code
    (40029 wrong or expired, 40163 already used) or cannot be reached."""
    try:
        answer = requests.get(token_url(config), timeout=HTTP_TIMEOUT, params={
            "appid": config.wechat_app_id, "secret": config.wechat_app_secret, "code": code,
            "grant_type": "authorization_code"})
        body = answer.json()
    except (requests.RequestException, ValueError) as err:
        raise WeChatAPIError("oauth_code", None, mask_credentials(f"{type(err).__name__}: {err}")) from None
    if not isinstance(body, dict) or body.get("errcode") or not body.get("openid"):
        body = body if isinstance(body, dict) else {}
        raise WeChatAPIError("oauth_code", body.get("errcode"), str(body.get("errmsg", "no openid in the answer")))
    return str(body["openid"])
