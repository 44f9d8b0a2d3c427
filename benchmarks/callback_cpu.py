"""CPU a message of the whole WeChat callback in one process, without HTTP or gunicorn: where
``callback.py``'s figure goes apart from the server's share, with the machine's noise far smaller.

The app as the Procfile builds it (Redis store, personal fields encrypted, metrics in multiprocess
mode, loaded and frozen as gunicorn's master does) answers signed text messages from ``--users``
applicants walking the scripted application in turns (``benchmarks/wechat_load.SCRIPT``, each reply
checked), so every message claims, locks, reads and writes as under load. ``--profile FILE`` keeps a
cProfile of the last run, timed in CPU seconds (``python -m pstats FILE``).

    .venv/bin/python benchmarks/callback_cpu.py [--users 50] [--messages 2400] [--repeats 3] [--profile FILE]

Prints each run's microseconds of CPU a message (the first run, which warms up, left out), and the
least each message of the script took, averaged: on a machine other processes share, the figure to
compare (they only ever add to a message's CPU).
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import os
import sys
import tempfile
import time
import uuid
from contextlib import redirect_stderr
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the repository's benchmarks and tests importable
# Metrics in multiprocess mode, as gunicorn_conf.py sets them: prometheus_client chooses when imported.
_METRICS = tempfile.TemporaryDirectory()
os.environ["PROMETHEUS_MULTIPROC_DIR"] = _METRICS.name

from benchmarks.edge import environ  # noqa: E402
from benchmarks.wechat_load import SCRIPT, _drop, with_own_prefix  # noqa: E402
from bot.app import create_app, serve_in_this_process  # noqa: E402
from bot.config import Config, from_env  # noqa: E402
from bot.dev.simulator import message_xml  # noqa: E402
from tests.e2e.servers import bot_env  # noqa: E402


def requests(config: Config, users: int, count: int, run: str) -> list[tuple[dict, str, int]]:
    """``count`` signed messages from ``users`` applicants taking turns, each with its expected reply
    fragment and its place in the script; an applicant at the end of the script is followed by a new one."""
    walkers = [[f"cpu{run}u{i}", 0] for i in range(users)]
    made, out = users, []
    for number in range(count):
        walker = walkers[number % users]
        text, expected = SCRIPT[walker[1]]
        body = message_xml(walker[0], "text", {"Content": text, "MsgId": number + 1}).encode()
        out.append((environ(config, body, f"{run}n{number}"), expected, walker[1]))
        walker[1] += 1
        if walker[1] == len(SCRIPT):
            made += 1
            walker[:] = [f"cpu{run}u{made}", 0]
    return out


def served_app(tmp: Path, store_url: str) -> Flask:
    """The Procfile's app on ``store_url``, warmed and frozen as gunicorn's master leaves it before it forks
    (gunicorn_conf.on_starting), serving in this process."""
    app = create_app(from_env(bot_env(tmp, store_url, "http://127.0.0.1:9")))
    app.extensions["runtime"].warm_up()
    gc.collect()
    gc.freeze()
    serve_in_this_process(app)
    return app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--messages", type=int, default=2400, help="messages a run")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--store", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--profile", help="write a cProfile (CPU time) of the last run here")
    parser.add_argument("--by-message", action="store_true", help="print each scripted message's least CPU")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, open(os.devnull, "w") as devnull:
        store_url = with_own_prefix(args.store)
        app = served_app(Path(tmp), store_url)
        runtime = app.extensions["runtime"]
        statuses: set[str] = set()
        wrong, runs, kernel = 0, [], []
        lowest: dict[int, float] = {}  # the script's place -> the least CPU a message there took
        try:
            for repeat in range(args.repeats + 1):  # the first run warms up
                batch = requests(runtime.config, args.users, args.messages, f"{uuid.uuid4().hex[:6]}r{repeat}")
                profile = cProfile.Profile(time.process_time) if args.profile and repeat == args.repeats else None
                started, times = time.process_time(), os.times()
                with redirect_stderr(devnull):  # the log lines are written, to nowhere
                    if profile:
                        profile.enable()
                    for request, expected, place in batch:
                        before = time.process_time()
                        body = b"".join(app(request, lambda status, _headers, _exc=None: statuses.add(status)))
                        spent = time.process_time() - before
                        if repeat and not profile:  # the warm-up and a profiled run left out
                            lowest[place] = min(lowest.get(place, spent), spent)
                        wrong += expected.encode() not in body
                    if profile:
                        profile.disable()
                runs.append((time.process_time() - started) / args.messages * 1e6)
                kernel.append((os.times().system - times.system) / args.messages * 1e6)
                if profile:
                    profile.dump_stats(args.profile)
        finally:
            runtime.close()
            _drop(store_url)
    assert statuses == {"200 OK"} and not wrong, (statuses, wrong)
    print(f"full callback in one process: CPU a message {', '.join(f'{r:.0f}' for r in runs[1:])} µs "
          f"(of which in the kernel {', '.join(f'{k:.0f}' for k in kernel[1:])}; "
          f"{args.repeats} runs of {args.messages} messages, {args.users} applicants)"
          + (" (the last one profiled)" if args.profile else ""))
    # Other processes only ever add to a message's CPU time: each scripted message's least, over every
    # applicant and run, is what it costs on a quiet machine, and moves far less than the means above.
    print(f"least CPU of each scripted message, averaged over the script: {sum(lowest.values()) / len(lowest) * 1e6:.0f} µs")
    if args.by_message:
        print("  " + ", ".join(f"{SCRIPT[place][0]} {spent * 1e6:.0f}" for place, spent in sorted(lowest.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
