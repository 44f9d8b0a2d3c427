"""Messages/s and p50/p99 latency through the full WeChat callback (signature, XML, dialogue, store)
at 50 concurrent simulated users, side by side with a bare Flask endpoint that only checks the
signature and echoes the XML, all under gunicorn with the Procfile's settings.
Targets: ratio >= 0.5, p99 < 100 ms on 2 cores.

A third row, the floor, is the least any stateful callback on these libraries does: signature,
wechatpy's parse and reply, one Store read and one write (``benchmarks/bare_app.py``). Its ratio
to bare says how much of the target the libraries and the store's two round trips leave to the
bot's own work.

    .venv/bin/python benchmarks/callback.py [--users 50] [--seconds 15] [--store redis://127.0.0.1:6379/0]

The load comes from this process (threads on keep-alive connections, no pause between messages), on
the same 2 cores as the servers: both sides pay for it equally, so the ratio is the figure to
compare across machines. ``benchmarks/load.py`` is the other view: many users at a human pace.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the repository's benchmarks and tests importable

from benchmarks.wechat_load import Load, running_bot, with_own_prefix  # noqa: E402
from tests.e2e.servers import Process, bot_env, free_port  # noqa: E402

WARM_UP_SECONDS = 2  # imports, connections, caches


def measure(name: str, port: int, users: int, seconds: float) -> float:
    Load(port, users, WARM_UP_SECONDS).run()
    result = Load(port, users, seconds).run()
    print(f"{name:<31} {result.summary()}", flush=True)
    return result.rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--store", default="redis://127.0.0.1:6379/0",
                        help="the bot's STORE_URL (a sqlite:/// URL works too)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        store_url = with_own_prefix(args.store)
        bare_port, floor_port = free_port(), free_port()
        baselines = [baseline("create_app()", bare_port, store_url, tmp_path),
                     baseline("create_app(stateful=True)", floor_port, store_url, tmp_path)]
        try:
            with running_bot(store_url, tmp_path) as bot:
                time.sleep(1)
                print(f"{args.users} concurrent users, {args.seconds:.0f} s each, store {args.store.split('?')[0]}")
                bare = measure("bare Flask (sig + echo)", bare_port, args.users, args.seconds)
                floor = measure("floor (+ XML, 1 read, 1 write)", floor_port, args.users, args.seconds)
                full = measure("full callback", bot.port, args.users, args.seconds)
                print(f"ratio full/bare = {full / bare:.2f}  (target >= 0.5); floor/bare = {floor / bare:.2f}; "
                      f"full/floor = {full / floor:.2f}")
        finally:
            for process in baselines:
                process.kill()
    return 0


def baseline(factory: str, port: int, store_url: str, tmp: Path) -> Process:
    """One of ``benchmarks/bare_app.py``'s apps under the bot's gunicorn settings."""
    return Process([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "bot" / "gunicorn_conf.py"),
                    f"benchmarks.bare_app:{factory}"],
                   {**bot_env(tmp, store_url, "http://127.0.0.1:9"), "PORT": str(port), "HOST": "127.0.0.1"},
                   tmp / f"baseline-{port}.log").start()


if __name__ == "__main__":
    sys.exit(main())
