"""gunicorn settings shared by the Procfile and ``python -m bot serve``.

Metrics: each worker process counts on its own, so ``/metrics`` would show whichever worker
answered the scrape. prometheus_client's multiprocess mode has every worker write its values to
files in ``PROMETHEUS_MULTIPROC_DIR`` (default ``$DATA_DIR/prometheus``), and a scrape sums them.
"""
import os
from pathlib import Path

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
# The threaded worker notes when each request arrived (bot/arrival.py): the WeChat callback answers
# within its deadline from then. With one thread gunicorn's plain sync worker serves, as before.
worker_class = "bot.arrival.ThreadWorker" if threads > 1 else "sync"
# WeChat gives up after 5 s; a request still running at 30 s is stuck, not slow.
timeout = 30
graceful_timeout = 10
accesslog = None  # the app logs one structured line per message itself


def post_worker_init(worker):
    """Warm each worker before it takes requests, so no WeChat message waits for the knowledge base."""
    runtime = getattr(worker.wsgi, "extensions", {}).get("runtime")
    if runtime is not None:  # benchmarks/bare_app.py shares these settings and has none
        runtime.warm_up()


def on_starting(server):
    """Before any worker exists: point the workers at an empty metrics directory. It must be set
    before a worker imports prometheus_client, and emptied so a restart starts counting afresh
    (files left by a previous run's processes would otherwise be summed in forever)."""
    metrics_dir = Path(os.environ.setdefault(
        "PROMETHEUS_MULTIPROC_DIR", str(Path(os.environ.get("DATA_DIR") or "data") / "prometheus")))
    metrics_dir.mkdir(parents=True, exist_ok=True)
    for leftover in metrics_dir.glob("*.db"):
        leftover.unlink()


def child_exit(server, worker):
    """A worker ended: drop its live gauges (its counters stay in the sums, as Prometheus expects)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
