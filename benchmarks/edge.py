"""CPU a message costs at the WeChat edge alone, in one process, without HTTP or the store.

The message is a voice message without WeChat's recognised text: the callback checks its signature
and timestamp, parses it, finds it unsupported, answers a sentence as a rendered XML reply, counts
it in the metrics and writes its log line, and never reaches the conversation. So the figure is
what every message costs around its dialogue (gunicorn's own share aside); ``callback.py`` gives
the whole.

    .venv/bin/python benchmarks/edge.py [--messages 500] [--repeats 15]

Prints the fastest of ``--repeats`` runs (the least disturbed by other processes on a shared
machine) and their median, in microseconds of CPU a message.
"""
from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stderr
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the repository importable

from bot.app import create_app  # noqa: E402
from bot.config import Config  # noqa: E402
from bot.dev.simulator import message_xml, sign  # noqa: E402


def environ(config: Config, body: bytes, nonce: str) -> dict:
    """A signed POST of ``body`` to the WeChat callback, as gunicorn hands it over (``nonce``: one
    of its own, since the bot takes a plaintext signature for one body only)."""
    timestamp = str(int(time.time()))
    return {"REQUEST_METHOD": "POST", "PATH_INFO": "/wechat", "SCRIPT_NAME": "", "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1",
            "QUERY_STRING": urlencode({"signature": sign(config.wechat_token, timestamp, nonce),
                                       "timestamp": timestamp, "nonce": nonce}),
            "CONTENT_TYPE": "text/xml", "CONTENT_LENGTH": str(len(body)), "HTTP_HOST": "127.0.0.1:8000",
            "wsgi.input": io.BytesIO(body), "wsgi.errors": sys.stderr, "wsgi.url_scheme": "http",
            "wsgi.multithread": True, "wsgi.multiprocess": True, "wsgi.run_once": False}


def voice_message(number: int) -> bytes:
    """A voice message WeChat did not recognise: answered without the conversation."""
    return message_xml("oEdgeUser", "voice", {"MediaId": "m1", "Format": "amr", "MsgId": number}).encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=500, help="messages a run")
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, open(os.devnull, "w") as devnull:
        config = Config(data_dir=Path(tmp), store_url=f"sqlite:///{tmp}/bot.db")
        app = create_app(config)
        statuses: list[str] = []

        def start_response(status: str, _headers: list, _exc_info: object = None) -> None:
            statuses.append(status)

        runs = []
        for _ in range(args.repeats + 1):  # the first run warms up
            requests = [environ(config, voice_message(n), f"edge{n}") for n in range(args.messages)]
            started = time.process_time()
            with redirect_stderr(devnull):  # the log lines are written, to nowhere
                for request in requests:
                    b"".join(app(request, start_response))
            runs.append((time.process_time() - started) / args.messages * 1e6)
        app.extensions["runtime"].close()
    assert set(statuses) == {"200 OK"}, set(statuses)
    runs = runs[1:]
    print(f"edge, a message answered without the conversation: fastest run {min(runs):.0f} µs CPU a message, "
          f"median {statistics.median(runs):.0f} µs ({args.repeats} runs of {args.messages})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
