"""The Flask application factory: configuration in, blueprints wired, nothing done at import."""
from __future__ import annotations

from flask import Flask, jsonify

from bot import logs
from bot.config import Config, from_env
from bot.runtime import Runtime

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
    if config.embedded_worker:
        from bot.schedule import Scheduler

        app.extensions["scheduler"] = Scheduler(runtime).start()

    from bot.routes import api, console, health, metrics, session, upload, wechat

    app.register_blueprint(health.bp)
    app.register_blueprint(metrics.bp)
    app.register_blueprint(wechat.bp)
    app.register_blueprint(session.bp)
    app.register_blueprint(upload.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(console.bp)

    @app.errorhandler(413)
    def too_large(_):
        return jsonify(error="request_too_large", message="请求体过大"), 413

    @app.errorhandler(404)
    def not_found(_):
        return jsonify(error="not_found", message="没有这个地址"), 404

    @app.errorhandler(405)
    def wrong_method(_):
        return jsonify(error="method_not_allowed", message="不支持这个请求方法"), 405

    @app.errorhandler(500)
    def server_error(_):
        return jsonify(error="internal_error", message="服务器内部错误，请稍后再试"), 500

    logs.log_requests(app)
    return app


def runtime_of(app: Flask) -> Runtime:
    return app.extensions["runtime"]
