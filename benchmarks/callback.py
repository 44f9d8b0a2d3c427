"""Messages/s and p50/p99 latency through the full WeChat callback (signature, XML, dialogue, store)
at 50 concurrent simulated users, side by side with a bare Flask endpoint that only checks the
signature and echoes the XML, all under gunicorn with the Procfile's settings.
Targets: ratio >= 0.5, p99 < 100 ms on 2 cores.

A third row, the floor, is the least any stateful callback on these libraries does: signature,
wechatpy's parse and reply, one Store read and one write (``benchmarks/bare_app.py``). Its ratio
to bare says how much of the target the libraries and the store's two round trips leave to the
bot's own work.

    .venv/bin/python benchmarks/callback.py [--users 50] [--seconds 15] [--rounds 3] [--store redis://127.0.0.1:6379/0]

The load comes from this process (threads on keep-alive connections, no pause between messages), on
the same 2 cores as the servers: both sides pay for it equally, so the ratio is the figure to
compare across machines. ``benchmarks/load.py`` is the other view: many users at a human pace.

A shared machine's speed drifts by several per cent within a minute, so the rows take turns:
``--rounds`` rounds of bare, floor and full, each row ``--seconds / --rounds`` a turn. Each row's
figures are over all its turns, and the ratios of each round are printed too.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the repository's benchmarks and tests importable

from benchmarks.wechat_load import Load, Result, running_bot, with_own_prefix  # noqa: E402
from tests.e2e.servers import Process, bot_env, free_port  # noqa: E402

WARM_UP_SECONDS = 2  # imports, connections, caches
ROWS = ("bare Flask (sig + echo)", "floor (+ XML, 1 read, 1 write)", "full callback")


def measure(port: int, users: int, seconds: float) -> Result:
    Load(port, users, WARM_UP_SECONDS).run()
    return Load(port, users, seconds).run()


def combined(turns: list[Result]) -> Result:
    """One row's turns as one result: every latency and error, over the time they all took."""
    return Result(elapsed=sum(t.elapsed for t in turns), latencies=[x for t in turns for x in t.latencies],
                  errors=sum((t.errors for t in turns), Counter()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15, help="load time of each row, over all rounds")
    parser.add_argument("--rounds", type=int, default=3, help="turns each row takes, alternating with the others")
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
                print(f"{args.users} concurrent users, {args.seconds:.0f} s each in {args.rounds} turns, "
                      f"store {args.store.split('?')[0]}")
                rows = {ROWS[0]: bare_port, ROWS[1]: floor_port, ROWS[2]: bot.port}
                turns: dict[str, list[Result]] = {name: [] for name in rows}
                for round_number in range(1, args.rounds + 1):
                    for name, port in rows.items():
                        turns[name].append(measure(port, args.users, args.seconds / args.rounds))
                    bare, floor, full = (turns[name][-1].rate for name in rows)
                    print(f"  round {round_number}: full/bare {full / bare:.2f}, floor/bare {floor / bare:.2f}",
                          flush=True)
                results = {name: combined(row) for name, row in turns.items()}
                for name, result in results.items():
                    print(f"{name:<31} {result.summary()}")
                bare, floor, full = (result.rate for result in results.values())
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
