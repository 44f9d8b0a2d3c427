"""Messages/s and p50/p99 latency through the full WeChat callback (signature, XML, dialogue, dedup,
lock, store) against what one would pick instead: WeRoBot's hello-world echo robot, with its
sessions off and with its sessions in Redis (one read and one write a message, as a deployment of
several processes needs them), beside a bare Flask echo and the floor of our own stack. Every row
is served by gunicorn with the Procfile's settings (2 workers x 8 threads on Redis).
Targets: full callback >= WeRoBot echo with Redis sessions, p99 < 100 ms at 50 connections, no errors.

    .venv/bin/pip install -e '.[bench]'   # WeRoBot
    .venv/bin/python benchmarks/callback.py [--users 50] [--seconds 18] [--rounds 3] [--store redis://127.0.0.1:6379/0]

The load comes from wrk (Debian's ``wrk``) and ``benchmarks/wechat.lua``: ``--users`` connections,
each message signed with a nonce of its own (the bot refuses a signature used for another body), with
a unique MsgId, from one of the applicants walking the scripted
application (``benchmarks/wechat_load.SCRIPT``); on the bot's row a reply without its turn's
expected text counts as an error. wrk is C: the client costs the shared cores little, and the
same for every row.

A shared machine's speed drifts by several per cent within a minute, so the rows take turns:
``--rounds`` rounds of every row, each row ``--seconds / --rounds`` a turn (after a warm-up turn of
its own). Each row's figures are over its turns (msg/s summed over the time they took; p50/p99 the
median of the turns'); each round's ratios are printed too. At the end: the resident memory of
every worker (RSS, and PSS and private memory, which leave out the pages a worker shares with its
master and siblings).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the repository's benchmarks and tests importable

from benchmarks.wechat_load import SCRIPT, running_bot, with_own_prefix  # noqa: E402
from bot.config import Config  # noqa: E402
from bot.dev.simulator import sign  # noqa: E402
from tests.e2e.servers import Process, bot_env, free_port  # noqa: E402

LUA = Path(__file__).with_name("wechat.lua")
WARM_UP_SECONDS = 2  # imports, connections, caches
MAX_RATE = 6_000  # messages/s no row reaches here: a wrk run gets this many signed queries a second
FULL = "积分助手 full callback"
PEER = "WeRoBot echo, Redis sessions"
# name -> the gunicorn app of a baseline (None: the bot itself)
ROWS: dict[str, str | None] = {
    "bare Flask echo": "benchmarks.bare_app:create_app()",
    "WeRoBot echo, sessions off": "benchmarks.werobot_app:robot()",
    PEER: "benchmarks.werobot_app:robot(sessions='redis')",
    "floor (wechatpy, 1 read, 1 write)": "benchmarks.bare_app:create_app(stateful=True)",
    FULL: None,
}


@dataclass
class Turn:
    """What one wrk run measured."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    cpu_seconds: float = 0.0  # of the server's processes (master and workers) during the run

    @property
    def cpu_ms_a_message(self) -> float:
        return self.cpu_seconds / self.requests * 1000 if self.requests else float("nan")

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def wrk(port: int, users: int, seconds: float, check_replies: bool) -> Turn:
    """One wrk run against 127.0.0.1:``port``, applicants walking SCRIPT."""
    turns = [part for text, expected in SCRIPT for part in (text, expected)]
    with tempfile.NamedTemporaryFile("w", suffix=".queries") as queries:
        queries.write(signed_queries(int(MAX_RATE * (seconds + 1))))
        queries.flush()
        out = subprocess.run(
            ["wrk", "-t1", f"-c{users}", f"-d{seconds:.0f}s", "--timeout", "10s", "-s", str(LUA),
             f"http://127.0.0.1:{port}", "--", queries.name, uuid.uuid4().hex[:8], "1" if check_replies else "0",
             *turns],
            capture_output=True, text=True, check=True).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    return Turn(figures["requests"], figures["seconds"], figures["p50_ms"], figures["p99_ms"], figures["max_ms"],
                figures["socket_errors"] + figures["failed"] + figures["wrong_replies"])


def signed_queries(count: int) -> str:
    """``count`` signed query strings, one a line, each with a nonce of its own: the bot takes a
    plaintext signature for one body only."""
    ts, run = str(int(time.time())), uuid.uuid4().hex[:8]
    return "".join(urlencode({"signature": sign(Config.wechat_token, ts, nonce), "timestamp": ts, "nonce": nonce}) + "\n"
                   for nonce in (f"{run}{i}" for i in range(count)))


def measure(server: Server, users: int, seconds: float, check_replies: bool) -> Turn:
    wrk(server.port, users, WARM_UP_SECONDS, check_replies)
    cpu_before = server_cpu_seconds(server.proc.pid)
    turn = wrk(server.port, users, seconds, check_replies)
    turn.cpu_seconds = server_cpu_seconds(server.proc.pid) - cpu_before
    return turn


def summary(turns: list[Turn]) -> str:
    rate = sum(t.requests for t in turns) / sum(t.seconds for t in turns)
    return (f"{rate:8.0f} msg/s  p50 {statistics.median(t.p50_ms for t in turns):6.1f} ms  "
            f"p99 {statistics.median(t.p99_ms for t in turns):6.1f} ms  max {max(t.max_ms for t in turns):7.1f} ms  "
            f"errors {sum(t.errors for t in turns)}  CPU {statistics.median(t.cpu_ms_a_message for t in turns):.2f} ms a message")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=18, help="load time of each row, over all rounds")
    parser.add_argument("--rounds", type=int, default=3, help="turns each row takes, alternating with the others")
    parser.add_argument("--store", default="redis://127.0.0.1:6379/0",
                        help="the bot's STORE_URL (a sqlite:/// URL works too; WeRoBot's sessions need Redis)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")
    # A release's own step: with the kept fits stale (after a merge), the workers would fit them during the first rows
    subprocess.run([sys.executable, "-m", "bot", "prepare"], check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        store_url = with_own_prefix(args.store)
        servers = {name: baseline(app, store_url, tmp_path) for name, app in ROWS.items() if app is not None}
        try:
            with running_bot(store_url, tmp_path) as bot:
                servers[FULL] = bot
                time.sleep(1)
                print(f"{args.users} connections, {args.seconds:.0f} s a row in {args.rounds} turns, "
                      f"store {args.store.split('?')[0]}", flush=True)
                turns: dict[str, list[Turn]] = {name: [] for name in ROWS}
                for round_number in range(1, args.rounds + 1):
                    for name in ROWS:
                        turns[name].append(measure(servers[name], args.users, args.seconds / args.rounds,
                                                   check_replies=name == FULL))
                    rates = {name: row[-1].rate for name, row in turns.items()}
                    print(f"  round {round_number}: " + ", ".join(
                        f"{name} {rate:.0f}" for name, rate in rates.items())
                        + f"; full/peer {rates[FULL] / rates[PEER]:.2f}", flush=True)
                for name, row in turns.items():
                    print(f"{name:<34} {summary(row)}")
                rate = {name: sum(t.requests for t in row) / sum(t.seconds for t in row) for name, row in turns.items()}
                print("ratios: " + ", ".join(f"full/{name} {rate[FULL] / rate[name]:.2f}" for name in ROWS if name != FULL)
                      + "  (target: full/" + PEER + " >= 1.0)")
                print("memory per worker (MB): RSS / PSS / private")
                for name, server in servers.items():
                    print(f"  {name:<34} " + "   ".join(
                        f"{m['rss']:.0f}/{m['pss']:.0f}/{m['private']:.0f}" for m in worker_memory(server.proc.pid)))
        finally:
            for name, server in servers.items():
                if name != FULL:
                    server.kill()
    return 0


@dataclass
class Server:
    process: Process
    port: int

    @property
    def proc(self):
        return self.process.proc

    def kill(self) -> None:
        self.process.kill()


def baseline(app: str, store_url: str, tmp: Path) -> Server:
    """One of the baselines under the bot's gunicorn settings."""
    port = free_port()
    process = Process([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "bot" / "server" / "gunicorn_conf.py"), app],
                      {**bot_env(tmp, store_url, "http://127.0.0.1:9"), "PORT": str(port), "HOST": "127.0.0.1"},
                      tmp / f"baseline-{port}.log").start()
    return Server(process, port)


def worker_memory(master: int) -> list[dict[str, float]]:
    """RSS, PSS and private memory (MB) of each child of gunicorn's master, oldest first."""
    return [_memory(pid) for pid in _children(master)]


def server_cpu_seconds(master: int) -> float:
    """User and system CPU seconds of gunicorn's master and its workers so far: the CPU a message
    costs is less disturbed by other processes on a shared machine than messages a second are."""
    ticks = 0
    for pid in [master, *_children(master)]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _children(master: int) -> list[int]:
    return sorted(int(p.name) for p in Path("/proc").glob("[0-9]*") if _parent(p) == master)


def _parent(proc: Path) -> int | None:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _memory(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    return {"rss": fields["Rss"], "pss": fields["Pss"],
            "private": fields["Private_Clean"] + fields["Private_Dirty"]}


if __name__ == "__main__":
    sys.exit(main())
