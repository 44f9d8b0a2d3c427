"""gunicorn settings shared by the Procfile and ``python -m bot serve``."""
import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
# WeChat gives up after 5 s; a request still running at 30 s is stuck, not slow.
timeout = 30
graceful_timeout = 10
accesslog = None  # the app logs one structured line per message itself


def post_worker_init(worker):
    """Warm each worker before it takes requests, so no WeChat message waits for the knowledge base."""
    runtime = getattr(worker.wsgi, "extensions", {}).get("runtime")
    if runtime is not None:  # benchmarks/bare_app.py shares these settings and has none
        runtime.warm_up()
