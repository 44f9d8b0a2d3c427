"""Console login, sessions, logout and CSRF, as a browser sees them."""
from __future__ import annotations

from bot.desk.accounts import audit_trail, set_disabled


def test_the_login_page_is_a_form_with_a_csrf_field(client):
    page = client.get("/console/login")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "登录工作台" in html and 'name="password"' in html and 'name="csrf_token"' in html


def test_the_right_password_logs_in_and_opens_console_pages(client, log_in):
    response = log_in(client, "staff1")
    assert response.status_code == 302 and response.headers["Location"] == "/console/"
    home = client.get("/console/")
    assert home.status_code == 200 and "欢迎，staff1" in home.get_data(as_text=True)


def test_the_session_cookie_is_http_only_and_same_site_lax(client, log_in):
    cookie = log_in(client, "staff1").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(client, log_in):
    wrong = log_in(client, "staff1", "not the password")
    unknown = log_in(client, "nobody", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert "用户名或密码不正确" in wrong.get_data(as_text=True)
    assert "用户名或密码不正确" in unknown.get_data(as_text=True)
    assert client.get("/console/").status_code == 302


def test_a_console_page_sends_a_visitor_to_login_and_back(client, tokens, password, csrf_in):
    response = client.get("/console/support-only?tab=open")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/console/login?next=")
    login_page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "请先登录" in login_page and 'value="/console/support-only?tab=open"' in login_page
    answer = client.post("/console/login", data={"name": "support1", "password": password, "csrf_token": csrf_in(login_page),
                                                 "next": "/console/support-only?tab=open"})
    assert answer.headers["Location"] == "/console/support-only?tab=open"


def test_after_login_the_next_address_stays_on_the_console(client, tokens, password, csrf_in):
    csrf = csrf_in(client.get("/console/login").get_data(as_text=True))
    answer = client.post("/console/login", data={"name": "staff1", "password": password, "csrf_token": csrf,
                                                 "next": "https://evil.example/"})
    assert answer.headers["Location"] == "/console/"


def test_a_wrong_role_sees_a_403_page_in_chinese(client, log_in):
    log_in(client, "staff1")
    page = client.get("/console/support-only")
    assert page.status_code == 403
    assert "没有权限" in page.get_data(as_text=True) and "客服" in page.get_data(as_text=True)


def test_logout_ends_the_session_even_for_a_copied_cookie(client, log_in, csrf_in):
    log_in(client, "staff1")
    copied = client.get_cookie("session").value
    home = client.get("/console/").get_data(as_text=True)
    response = client.post("/console/logout", data={"csrf_token": csrf_in(home)})
    assert response.status_code == 302 and response.headers["Location"] == "/console/login"
    assert "已退出登录" in client.get("/console/login").get_data(as_text=True)
    client.set_cookie("session", copied)
    assert client.get("/console/").status_code == 302


def test_logging_in_again_gives_a_new_csrf_token(client, log_in, csrf_in):
    before = csrf_in(client.get("/console/login").get_data(as_text=True))
    log_in(client, "staff1")
    assert csrf_in(client.get("/console/").get_data(as_text=True)) != before


def test_a_disabled_account_cannot_log_in(client, log_in, app_store):
    set_disabled(app_store, "staff1", True)
    response = log_in(client, "staff1")
    assert response.status_code == 403 and "已停用" in response.get_data(as_text=True)


def test_disabling_an_account_ends_its_console_session(client, log_in, app_store):
    log_in(client, "staff1")
    set_disabled(app_store, "staff1", True)
    assert client.get("/console/").status_code == 302


def test_login_and_logout_are_audited(client, log_in, app_store, csrf_in):
    log_in(client, "staff1")
    client.post("/console/logout", data={"csrf_token": csrf_in(client.get("/console/").get_data(as_text=True))})
    assert [(e["actor"], e["action"]) for e in audit_trail(app_store)] == [
        ("staff1", "console.login"), ("staff1", "console.logout")]


def test_console_pages_are_neither_framed_nor_cached(client):
    headers = client.get("/console/login").headers
    assert headers["X-Frame-Options"] == "DENY" and headers["Cache-Control"] == "no-store"


# -- CSRF ------------------------------------------------------------------------------
def test_a_login_without_the_csrf_token_is_refused(client, tokens, password):
    client.get("/console/login")
    response = client.post("/console/login", data={"name": "staff1", "password": password})
    assert response.status_code == 400 and "页面已过期" in response.get_data(as_text=True)
    assert client.get("/console/").status_code == 302


def test_a_logout_without_the_csrf_token_is_refused(client, log_in):
    log_in(client, "staff1")
    assert client.post("/console/logout").status_code == 400
    assert client.get("/console/").status_code == 200


def test_a_console_post_needs_the_sessions_csrf_token(client, log_in, csrf_in):
    log_in(client, "staff1")
    token = csrf_in(client.get("/console/").get_data(as_text=True))
    assert client.post("/console/probe").status_code == 400
    assert client.post("/console/probe", data={"csrf_token": "forged"}).status_code == 400
    assert client.post("/console/probe", data={"csrf_token": token}).status_code == 200
    assert client.post("/console/probe", headers={"X-CSRF-Token": token}).status_code == 200


def test_another_sessions_csrf_token_does_not_count(app, log_in, csrf_in):
    mine, theirs = app.test_client(), app.test_client()
    log_in(mine, "staff1")
    log_in(theirs, "support1")
    their_token = csrf_in(theirs.get("/console/").get_data(as_text=True))
    assert mine.post("/console/probe", data={"csrf_token": their_token}).status_code == 400
