"""gunicorn settings shared by the Procfile and ``python -m bot serve``.

Start: the master builds the app and warms it (knowledge base, checklist rules) *before* it binds
the port (``preload_app``), then forks the workers, which are ready at once. A message arriving
during a start is therefore never accepted by a process that cannot answer it yet, the workers
share the master's dictionaries (copy-on-write; ``gc.freeze`` keeps the collector from touching
them), and ``kill -HUP`` replaces the workers with fresh forks of the loaded master in well under
a second while the old ones finish their requests. New code needs a new master: ``kill -USR2``
starts one beside the old (same port), then ``kill -QUIT`` the old one.

Metrics: each worker process counts on its own, so ``/metrics`` would show whichever worker
answered the scrape. prometheus_client's multiprocess mode has every worker write its values to
files in ``PROMETHEUS_MULTIPROC_DIR`` (default ``$DATA_DIR/prometheus``), and a scrape sums them.
The variable is set here, when gunicorn reads this file: before the master imports the app.
"""
import ctypes
import gc
import os
from pathlib import Path

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# On Redis a message spends part of its time waiting on its round trips, the GIL released: 8 threads keep a
# worker's core busier than 4 (2026-12-03, rows taking turns under wrk: more messages a second in 6 of 7 rounds,
# less CPU a message in all 7). On SQLite more threads only queue for its one writer: 4, as before.
threads = int(os.environ.get("WEB_THREADS") or (8 if os.environ.get("STORE_URL", "").startswith("redis") else 4))
# The threaded worker notes when each request arrived (bot/server/arrival.py): the WeChat callback answers
# within its deadline from then. With one thread gunicorn's plain sync worker serves, as before.
worker_class = "bot.server.arrival.ThreadWorker" if threads > 1 else "sync"
preload_app = True
# WeChat gives up after 5 s; a request still running at 30 s is stuck, not slow.
timeout = 30
graceful_timeout = 10
accesslog = None  # the app logs one structured line per request itself
logger_class = "bot.observe.logs.GunicornJsonLogger"  # gunicorn's own lines (start, workers, signals) as JSON too
# gunicorn's control socket defaults to one path per user (~/.gunicorn/gunicorn.ctl), not per instance: a second
# bot on the machine (another DATA_DIR, another port) took the first's, and gunicornc then spoke to the wrong one.
# Operations here use the master's signals (above); nothing needs the socket.
control_socket_disable = True

# glibc gives a thread that finds the heap busy an arena of its own (up to eight a core), and memory freed
# in one arena serves no other: with 8 threads a worker held 1.5 MB more for the same work. Two arenas
# are enough for threads that mostly wait on Redis. Set here, in the master before any thread exists;
# the workers inherit it. Not glibc (musl, macOS): nothing to set.
M_ARENA_MAX = -8
try:
    _LIBC = ctypes.CDLL("libc.so.6")
    _LIBC.mallopt(M_ARENA_MAX, 2)
except (OSError, AttributeError):
    _LIBC = None


def _metrics_dir() -> Path:
    metrics_dir = Path(os.environ.setdefault(
        "PROMETHEUS_MULTIPROC_DIR", str(Path(os.environ.get("DATA_DIR") or "data") / "prometheus")))
    metrics_dir.mkdir(parents=True, exist_ok=True)
    return metrics_dir


_metrics_dir()
# Loading builds a few hundred thousand objects that live for ever (the segmenter's dictionary, the
# knowledge base): collecting during the load only costs time (about a tenth of it). on_starting
# freezes them and collects again. Not when gunicorn reads this file again on a reload (-HUP).
if os.environ.get("JIFEN_GUNICORN_LOADED") != "1":
    gc.disable()


def on_starting(server):
    """In the master, after the app is loaded and before the port is bound or any worker exists:
    empty the metrics directory, so a restart starts counting afresh (files left by a previous
    run's processes would otherwise be summed in forever), and warm the app."""
    metrics_dir = _metrics_dir()
    for leftover in metrics_dir.glob("*.db"):
        leftover.unlink()
    runtime = _runtime(server.app.wsgi()) if server is not None else None
    if runtime is not None:
        runtime.warm_up()
    gc.collect()  # the loading's garbage (the fits' arrays read from disk, the indexes' lists), not kept
    if _LIBC is not None:
        _LIBC.malloc_trim(0)  # …and its pages given back before the fork, not resident in every worker
    gc.freeze()  # what exists now stays shared: the workers' collections never write to these pages
    gc.enable()
    os.environ["JIFEN_GUNICORN_LOADED"] = "1"


def post_worker_init(worker):
    """In each worker, before it takes requests: its own connections and background thread."""
    if _runtime(worker.wsgi) is not None:
        from bot.app import serve_in_this_process

        serve_in_this_process(worker.wsgi)


def child_exit(server, worker):
    """A worker ended: drop its live gauges (its counters stay in the sums, as Prometheus expects)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def _runtime(app):
    # benchmarks/bare_app.py and werobot_app.py share these settings and have none
    return getattr(app, "extensions", {}).get("runtime")
