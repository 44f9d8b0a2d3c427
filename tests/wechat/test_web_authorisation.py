"""WeChat's web authorisation (snsapi_base) on both sides: the stand-in's authorize page and
``sns/oauth2/access_token`` as WeChat documents them, and the bot's /upload/wechat, which the
menu's 上传材料 button opens: through the authorisation to the applicant's own upload page."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from bot.config import Config
from dialogs.events import Text
from tests.support.desk_app import make_application
from tests.support.desk_app import app, config, runtime  # noqa: F401 - fixtures

APPID, SECRET = Config.wechat_app_id, Config.wechat_app_secret


def code_for(stub, openid: str, scope: str = "snsapi_base") -> str:
    """What WeChat hands the page when ``openid`` opens it: the code on the way back."""
    session = requests.Session()
    session.get(f"{stub.url}/_stub/wechat-user", params={"openid": openid, "next": f"{stub.url}/_stub/requests"})
    answer = session.get(f"{stub.url}/connect/oauth2/authorize", allow_redirects=False, params={
        "appid": APPID, "redirect_uri": "https://jifen.example.cn/upload/wechat?x=1", "response_type": "code",
        "scope": scope, "state": "s42"})
    assert answer.status_code == 302
    back = urlsplit(answer.headers["Location"])
    query = parse_qs(back.query)
    assert back.netloc == "jifen.example.cn" and query["state"] == ["s42"] and query["x"] == ["1"]
    return query["code"][0]


def exchange(stub, **params: str) -> dict:
    defaults = {"appid": APPID, "secret": SECRET, "grant_type": "authorization_code"}
    return requests.get(f"{stub.url}/sns/oauth2/access_token", params={**defaults, **params}, timeout=5).json()


def test_the_stand_in_exchanges_a_code_once_for_the_openid(stub):
    code = code_for(stub, "oMenuUser")
    answer = exchange(stub, code=code)
    assert answer["openid"] == "oMenuUser" and answer["scope"] == "snsapi_base" and answer["expires_in"] == 7200
    assert answer["access_token"] and answer["refresh_token"]
    assert exchange(stub, code=code)["errcode"] == 40163  # a code works once


@pytest.mark.parametrize("params, errcode", [({"code": "never-issued"}, 40029), ({}, 41008),
                                             ({"code": "x", "grant_type": "client_credential"}, 40002),
                                             ({"code": "x", "appid": "wx-other"}, 40013),
                                             ({"code": "x", "secret": "wrong"}, 40125)])
def test_the_stand_in_refuses_as_wechat_does(stub, params, errcode):
    answer = exchange(stub, **params)
    assert answer["errcode"] == errcode and "rid:" in answer["errmsg"]


def test_the_authorize_page_outside_wechat_or_for_another_app_is_an_error(stub):
    params = {"appid": APPID, "redirect_uri": "https://x/", "response_type": "code", "scope": "snsapi_base"}
    assert requests.get(f"{stub.url}/connect/oauth2/authorize", params=params, allow_redirects=False).status_code == 400
    session = requests.Session()
    session.get(f"{stub.url}/_stub/wechat-user", params={"openid": "o1", "next": f"{stub.url}/_stub/requests"})
    for wrong in ({"appid": "wx-other"}, {"scope": "snsapi_login"}):
        assert session.get(f"{stub.url}/connect/oauth2/authorize", params={**params, **wrong},
                           allow_redirects=False).status_code == 400


# -- the bot's side -------------------------------------------------------------------------------------
@pytest.fixture
def entry(app):
    return app.test_client()


def test_the_menu_link_goes_to_wechats_authorize_page_with_a_state_cookie(entry):
    answer = entry.get("/upload/wechat")
    target = urlsplit(answer.headers["Location"])
    query = parse_qs(target.query)
    assert answer.status_code == 302 and target.netloc == "open.weixin.qq.com" and target.fragment == "wechat_redirect"
    assert query["scope"] == ["snsapi_base"] and query["appid"] == [APPID]
    assert query["redirect_uri"] == ["http://127.0.0.1:8000/upload/wechat"]
    assert f"jifen_oauth_state={query['state'][0]}" in answer.headers["Set-Cookie"]


def test_the_code_opens_the_applicants_own_upload_page(entry, runtime, stub):
    record = make_application(runtime, "oMenuUser", status="draft")
    state = parse_qs(urlsplit(entry.get("/upload/wechat").headers["Location"]).query)["state"][0]
    answer = entry.get("/upload/wechat", query_string={"code": code_for(stub, "oMenuUser"), "state": state})
    assert answer.status_code == 303
    token = answer.headers["Location"].rsplit("/upload/", 1)[1]
    assert runtime.upload_links.application_of(token) == record["id"]


def test_a_code_without_this_browsers_state_is_refused(entry, runtime, stub):
    make_application(runtime, "oVictimsCode", status="draft")
    answer = entry.get("/upload/wechat", query_string={"code": code_for(stub, "oVictimsCode"), "state": "forged"})
    assert answer.status_code == 400 and "没能确认您的微信身份" in answer.text
    exchanges = requests.get(f"{stub.url}/_stub/requests", params={"path": "/sns/oauth2/access_token"}).json()
    assert exchanges["requests"] == []  # the code was never even used


def test_someone_who_has_not_started_is_told_how_to(entry, runtime, stub):
    runtime.conversations.handle("oNewcomer", Text("你好"))
    state = parse_qs(urlsplit(entry.get("/upload/wechat").headers["Location"]).query)["state"][0]
    answer = entry.get("/upload/wechat", query_string={"code": code_for(stub, "oNewcomer"), "state": state})
    assert answer.status_code == 404 and "点菜单“办理”" in answer.text


def test_a_used_code_is_refused_with_a_way_back(entry, runtime, stub):
    make_application(runtime, "oTwice", status="draft")
    code = code_for(stub, "oTwice")
    state = parse_qs(urlsplit(entry.get("/upload/wechat").headers["Location"]).query)["state"][0]
    assert entry.get("/upload/wechat", query_string={"code": code, "state": state}).status_code == 303
    again = entry.get("/upload/wechat", query_string={"code": code, "state": state})
    assert again.status_code == 400 and "上传材料" in again.text
