"""The Flask application factory: configuration in, blueprints wired, nothing done at import."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request

from bot.observe import logs
from bot.routes.auth import error_page
from bot.config import Config, from_env
from bot.observe.metrics import count_requests
from bot.runtime import Runtime
from bot.applicant.upload_links import LINK_HOURS
from bot.background.schedule import Scheduler
from bot.routes import api, console, health, metrics, session, upload, upload_entry, wechat
from bot.server.callback_path import CallbackPath

MAX_BODY_BYTES = 64 * 1024  # WeChat's XML messages are a few hundred bytes; uploads set their own limit


def create_app(config: Config | None = None) -> Flask:
    """A ready-to-serve app; ``config`` defaults to the environment's."""
    config = config or from_env()
    logs.configure(config.log_level)
    app = Flask(__name__)
    app.config.update(SECRET_KEY=config.secret_key, MAX_CONTENT_LENGTH=MAX_BODY_BYTES, JSON_AS_ASCII=False)
    app.json.ensure_ascii = False
    runtime = Runtime(config)
    app.extensions["runtime"] = runtime

    app.register_blueprint(health.bp)
    app.register_blueprint(metrics.bp)
    app.register_blueprint(wechat.bp)
    app.register_blueprint(session.bp)
    app.register_blueprint(upload_entry.bp)
    app.register_blueprint(upload.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(console.bp)

    for status, code, message in APP_ERRORS:
        app.register_error_handler(status, _error_answer(status, code, message))

    logs.log_requests(app)
    count_requests(app)
    # WeChat's messages skip Flask's per-request machinery (bot/server/callback_path.py says why).
    app.wsgi_app = CallbackPath(app.wsgi_app, runtime, MAX_BODY_BYTES,  # type: ignore[method-assign]
                                {status: (code, message) for status, code, message in APP_ERRORS})
    return app


# status -> (code, message): what any route answers when Flask itself refuses a request
APP_ERRORS = (
    (404, "not_found", "没有这个地址"),
    (405, "method_not_allowed", "不支持这个请求方法"),
    (413, "request_too_large", "请求体过大"),
    (500, "internal_error", "服务器内部错误，请稍后再试"),
)


def _error_answer(status: int, code: str, message: str):
    """JSON for the API and machines; a page in Chinese where a person is looking at pages."""
    def answer(_error: Exception):
        path = request.path
        if path.startswith("/upload/"):
            return render_template("upload/gone.html", message=message, link_hours=LINK_HOURS), status
        if path == "/console" or path.startswith("/console/"):
            return error_page(status, message, "请返回工作台首页重试；问题仍在请联系管理员。")
        return jsonify(error=code, message=message), status

    return answer


def serve_in_this_process(app: Flask) -> None:
    """Make a web process of ``app``, as each gunicorn worker starts (the app itself was built in
    the master, before the fork): its own store connections and, on the embedded default, the
    scheduler's thread."""
    runtime = runtime_of(app)
    runtime.after_fork()
    if runtime.config.embedded_worker:
        app.extensions["scheduler"] = Scheduler(runtime).start()


def runtime_of(app: Flask) -> Runtime:
    return app.extensions["runtime"]
