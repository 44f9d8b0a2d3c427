"""``/upload/wechat``: the menu's 上传材料 button, opening the applicant's own upload page.

Inside WeChat the menu's link passes through WeChat's web authorisation (``snsapi_base``: nothing
is asked), which tells us the openid of whoever tapped it; their current application's page then
opens with a fresh signed link (:mod:`bot.applicant.upload_links`). Nobody types a command or waits for one.

``state`` is a random value also kept in a short-lived cookie of this browser, and the code is
accepted only when they match: otherwise someone could send a victim a link carrying the
attacker's own code, and the victim would upload their documents into the attacker's application.
"""
from __future__ import annotations

import hmac
import logging
import secrets
from typing import TYPE_CHECKING

from flask import Blueprint, Response, make_response, redirect, render_template, request, url_for

from bot.runtime import current_runtime
from bot.wechat.client import WeChatAPIError
from bot.wechat.oauth import authorize_url, openid_for_code

if TYPE_CHECKING:
    from bot.runtime import Runtime

log = logging.getLogger(__name__)

bp = Blueprint("upload_entry", __name__)
STATE_COOKIE = "jifen_oauth_state"
STATE_SECONDS = 600  # long enough for WeChat's round trip, short enough to be of no use later
#: Why the page could not open, as the applicant reads it (keys name the case).
PROBLEMS = {
    "no_application": "您还没有开始办理，所以还没有要上传的材料。请在公众号点菜单“办理”，回答几个问题后即可上传。",
    "not_authorised": "没能确认您的微信身份，请从公众号菜单“上传材料”重新打开本页。",
    "wechat_unavailable": "微信暂时没有回应，请稍后从公众号菜单“上传材料”重新打开本页。",
}


@bp.get("/upload/wechat")
def open_from_menu() -> Response:
    """Without a code: off to WeChat's authorisation; with one: to the applicant's upload page."""
    code = request.args.get("code")
    if not code:
        return _authorise()
    sent, kept = request.args.get("state", ""), request.cookies.get(STATE_COOKIE, "")
    if not kept or not hmac.compare_digest(sent.encode(), kept.encode()):
        return _problem(400, "not_authorised")
    runtime = current_runtime()
    try:
        openid = openid_for_code(runtime.config, code)
    except WeChatAPIError as err:
        log.warning("upload page from the menu: code refused (errcode=%s)", err.errcode)
        return _problem(400 if err.errcode else 502, "not_authorised" if err.errcode else "wechat_unavailable")
    application_id = current_application(runtime, openid)
    if application_id is None:
        return _problem(404, "no_application")
    response = redirect(runtime.upload_links.url_for(application_id), code=303)
    response.delete_cookie(STATE_COOKIE, path=url_for(".open_from_menu"))
    return response


def current_application(runtime: Runtime, openid: str) -> str | None:
    """The application the applicant's conversation is on, else their most recently changed one."""
    conversation = runtime.store.get("conversation", openid) or {}
    if conversation.get("application_id") and runtime.applications.get(conversation["application_id"]):
        return conversation["application_id"]
    records = sorted(runtime.applications.of_user(openid), key=lambda r: r.get("updated_at") or "")
    return records[-1]["id"] if records else None


def _authorise() -> Response:
    runtime = current_runtime()
    state = secrets.token_urlsafe(16)
    back = f"{runtime.config.public_url}{url_for('.open_from_menu')}"
    response = redirect(authorize_url(runtime.config, back, state))
    response.set_cookie(STATE_COOKIE, state, max_age=STATE_SECONDS, path=url_for(".open_from_menu"), httponly=True,
                        samesite="Lax", secure=runtime.config.public_url.startswith("https://"))
    return response


def _problem(status: int, key: str) -> Response:
    return make_response(render_template("upload/entry_problem.html", message=PROBLEMS[key]), status)
