"""Many WeChat users at a human pace: ``--users`` simulated applicants (200 by default) for ``--seconds``
(60), each walking a whole application up to its checklist with a question on the way, pausing
0.5–2 s between messages (so 200 users send about 100–300 messages/s), against the bot under
gunicorn with the Procfile's settings (web + worker) on this machine. Every reply is checked
against the one its turn must get.

    .venv/bin/python benchmarks/load.py [--users 200] [--seconds 60] [--store redis|sqlite|STORE_URL]

Prints throughput, p50/p99 latency and errors (non-200 answers, network errors, wrong replies) and
exits 1 on any error. The simulated users run in this process, on the same cores as the bot; all
traffic stays on 127.0.0.1.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: benchmarks and tests importable

from benchmarks.wechat_load import Load, Result, running_bot, with_own_prefix  # noqa: E402

THINK_SECONDS = (0.5, 2.0)
WARM_UP_USERS, WARM_UP_SECONDS = 4, 3  # every gunicorn worker loads the dialogue and the FAQ index once
STORES = {"redis": "redis://127.0.0.1:6379/0", "sqlite": None}  # None: a fresh file in a temporary directory


def run_load(users: int, seconds: float, store_url: str | None = None,
             think: tuple[float, float] = THINK_SECONDS) -> Result:
    """Start the bot on ``store_url`` (a fresh SQLite file when None), warm it up, then measure."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        url = with_own_prefix(store_url) if store_url else f"sqlite:///{tmp_path / 'load.db'}"
        with running_bot(url, tmp_path, with_worker=True) as bot:
            Load(bot.port, WARM_UP_USERS, WARM_UP_SECONDS).run()
            return Load(bot.port, users, seconds, think=think, check_replies=True).run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--store", default="redis", help="redis (127.0.0.1:6379), sqlite, or a STORE_URL")
    args = parser.parse_args(argv)
    store_url = STORES.get(args.store, args.store)
    print(f"{args.users} users, {args.seconds:.0f} s, think {THINK_SECONDS[0]}–{THINK_SECONDS[1]} s, "
          f"store {(store_url or 'sqlite').split('?')[0]}", flush=True)
    result = run_load(args.users, args.seconds, store_url)
    print(f"{'load':<8} {result.summary()}", flush=True)
    return 1 if result.error_count else 0


if __name__ == "__main__":
    sys.exit(main())
