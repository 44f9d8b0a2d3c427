"""Dialogue engine throughput: turns/s and p50/p99 per turn (state load + transition + save),
in-process, for each Store backend. Target: >= 2,000 turns/s on one core with Redis. Personal fields
are encrypted, as the bot always has them (with a development key when DATA_KEY is unset).

"One core" is one Python process: its threads share one core through the GIL. The sequential
line waits for every Redis round trip in turn; the concurrent line (``--threads``, as the web
workers' threads do) overlaps those waits and shows what one core sustains. CPU ms per turn is
the process's own CPU time.

    .venv/bin/python benchmarks/dialogue.py [--turns 5000] [--threads 4] [--redis redis://127.0.0.1:6379/0]
"""
from __future__ import annotations

import argparse
import tempfile
import threading
import time
import uuid
from datetime import datetime
from pathlib import Path

from cryptography.fernet import Fernet

from bot.applicant.conversation import Conversations
from dialogs.events import Text
from storage import Store, open_store

SCRIPT = ["你好", "1", "2027-08-25", "同意", "张三", "11010519491231002X", "上海某某科技有限公司", "0", "未婚",
          "13800138000", "无", "2", "是", "否", "本科", "复旦大学", "修改 手机", "13900139000", "确认", "进度"]


def walk(conversations: Conversations, turns: int, latencies: list[float]) -> None:
    """Applicants one after the other, each through SCRIPT, until ``turns`` turns are taken."""
    done = 0
    while done < turns:
        user_id = f"bench-{uuid.uuid4().hex[:12]}"
        for text in SCRIPT[: turns - done]:
            start = time.perf_counter()
            conversations.handle(user_id, Text(text))
            latencies.append(time.perf_counter() - start)
            done += 1


def measure(name: str, store: Store, turns: int, threads: int) -> None:
    conversations = Conversations(store, now=lambda: datetime(2026, 11, 24))
    latencies: list[float] = []
    workers = [threading.Thread(target=walk, args=(conversations, turns // threads, latencies))
               for _ in range(threads)]
    began, cpu = time.perf_counter(), time.process_time()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
    ordered = sorted(latencies)
    p50, p99 = ordered[len(ordered) // 2] * 1000, ordered[int(len(ordered) * 0.99) - 1] * 1000
    print(f"{name:<8} threads={threads}  turns={len(latencies):>6}  {len(latencies) / elapsed:6.0f} turns/s  "
          f"p50={p50:5.2f} ms  p99={p99:5.2f} ms  cpu={cpu / len(latencies) * 1000:5.3f} ms/turn", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--turns", type=int, default=5000)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    data_key = Fernet.generate_key().decode()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}", data_key=data_key)
        measure("warm-up", store, 400, 1)
        for threads in (1, args.threads):
            measure("sqlite", store, args.turns, threads)
        store.close()
    store = open_store(f"{args.redis}?prefix=bench-{uuid.uuid4().hex[:6]}", data_key=data_key)
    try:
        for threads in (1, args.threads):
            measure("redis", store, args.turns, threads)
    finally:
        store.drop_everything()
        store.close()


if __name__ == "__main__":
    main()
