"""Dialogue engine throughput: turns/s and p50/p99 per turn (state load + transition + save),
in-process, for each Store backend. Target: >= 2,000 turns/s on one core with Redis.

    .venv/bin/python benchmarks/dialogue.py [--turns 5000] [--redis redis://127.0.0.1:6379/0]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

from bot.conversation import Conversations
from dialogs.events import Text
from storage import open_store

SCRIPT = ["你好", "1", "2027-08-25", "同意", "张三", "11010519491231002X", "上海某某科技有限公司", "0", "未婚",
          "13800138000", "无", "2", "是", "否", "本科", "复旦大学", "修改 手机", "13900139000", "确认", "进度"]


def run(store, turns: int) -> list[float]:
    conversations = Conversations(store, now=lambda: datetime(2026, 11, 24))
    latencies = []
    user = 0
    done = 0
    while done < turns:
        user_id = f"bench-{uuid.uuid4().hex[:8]}-{user}"
        for text in SCRIPT:
            start = time.perf_counter()
            conversations.handle(user_id, Text(text))
            latencies.append(time.perf_counter() - start)
            done += 1
            if done >= turns:
                break
        user += 1
    return latencies


def report(name: str, latencies: list[float]) -> None:
    ordered = sorted(latencies)
    total = sum(latencies)
    p50 = ordered[len(ordered) // 2] * 1000
    p99 = ordered[int(len(ordered) * 0.99) - 1] * 1000
    print(f"{name:<8} turns={len(latencies):>6}  {len(latencies) / total:8.0f} turns/s  "
          f"p50={p50:6.2f} ms  p99={p99:6.2f} ms  mean={statistics.mean(latencies) * 1000:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--turns", type=int, default=5000)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    run(open_store(f"sqlite:///{tempfile.mkdtemp()}/warm.db"), 200)  # import and cache warm-up
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        report("sqlite", run(store, args.turns))
        store.close()
    prefix = f"bench{uuid.uuid4().hex[:6]}"
    store = open_store(f"{args.redis}?prefix={prefix}")
    try:
        report("redis", run(store, args.turns))
    finally:
        store.close()
        import redis

        client = redis.Redis.from_url(args.redis)
        for key in client.scan_iter(f"{prefix}*", count=1000):
            client.delete(key)


if __name__ == "__main__":
    main()
