"""Instructions a message of the whole WeChat callback, counted by valgrind's callgrind: unlike CPU
time, the count does not move with what else the machine runs, so base and branch compare on a
shared machine by a single run each.

The app and the messages are ``callback_cpu.py``'s (the Procfile's app on Redis, personal fields
sealed, applicants walking the scripted application in turns, each reply checked). After a warm-up
walk, the counters are zeroed when the driver calls ``getppid`` and dumped when it calls
``getpgrp`` (two libc calls nothing else in the loop makes), so the dump holds the measured
messages only:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \\
        --zero-before=getppid --dump-before=getpgrp \\
        .venv/bin/python benchmarks/callback_instructions.py [--users 10] [--messages 240]
    callgrind_annotate /tmp/cg.out.1 | head    # the dump's total over --messages messages

Without valgrind it only checks the replies (and the zero and dump calls do nothing).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from contextlib import redirect_stderr
from pathlib import Path
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the repository's benchmarks and tests importable
_METRICS = tempfile.TemporaryDirectory()
os.environ["PROMETHEUS_MULTIPROC_DIR"] = _METRICS.name  # as gunicorn_conf.py sets it

from benchmarks.callback_cpu import requests, served_app  # noqa: E402
from benchmarks.edge import environ  # noqa: E402
from benchmarks.wechat_load import _drop, with_own_prefix  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--messages", type=int, default=240, help="messages measured (and as many to warm up)")
    parser.add_argument("--store", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, open(os.devnull, "w") as devnull:
        store_url = with_own_prefix(args.store)
        app = served_app(Path(tmp), store_url)
        runtime = app.extensions["runtime"]
        run = uuid.uuid4().hex[:6]
        warm, measured = (requests(runtime.config, args.users, args.messages, f"{run}{part}") for part in "wm")
        wrong = 0
        try:
            with redirect_stderr(devnull):  # the log lines are written, to nowhere
                for batch in (warm, measured):
                    if batch is measured:
                        os.getppid()  # callgrind zeroes its counters here
                    for request, expected, _place in batch:
                        # Signed again as it is sent: under valgrind on a busy machine a batch takes
                        # longer than the five minutes a timestamp is accepted for. The same small cost
                        # in every message counted, base and branch alike.
                        request = environ(runtime.config, request["wsgi.input"].getvalue(),
                                          parse_qs(request["QUERY_STRING"])["nonce"][0])
                        body = b"".join(app(request, lambda _status, _headers, _exc=None: None))
                        wrong += expected.encode() not in body
                os.getpgrp()  # and dumps them here
        finally:
            runtime.close()
            _drop(store_url)
    assert not wrong, wrong
    print(f"{args.messages} messages measured, {args.users} applicants, every reply as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
