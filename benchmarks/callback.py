"""Messages/s and p50/p99 latency through the full WeChat callback (signature, XML, dialogue, store)
at 50 concurrent simulated users, side by side with a bare Flask endpoint that only checks the
signature and echoes the XML, both under gunicorn with the Procfile's settings.
Targets: ratio >= 0.5, p99 < 100 ms on 2 cores.

    .venv/bin/python benchmarks/callback.py [--users 50] [--seconds 15] [--store redis://127.0.0.1:6379/0]

The load comes from this process (threads on keep-alive connections), on the same 2 cores as the
servers: both sides pay for it equally, so the ratio is the figure to compare across machines.
"""
from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.simulator import message_xml, sign  # noqa: E402
from tests.e2e.servers import BotServer, Process, bot_env, free_port  # noqa: E402

TOKEN = "jifen-dev-token"
SCRIPT = ["你好", "积分新办", "2027-08-25", "同意", "张三", "11010519491231002X", "上海某某科技有限公司", "0", "已婚",
          "13800138000", "无", "0", "学历 社保", "是", "否", "本科", "复旦大学", "6", "进度", "修改 手机",
          "13900139000", "确认", "进度", "闵行的材料寄到哪"]


class Load:
    """``users`` threads, each a WeChat user walking SCRIPT again and again (a new openid per walk)."""

    def __init__(self, port: int, users: int, seconds: float) -> None:
        self.port, self.users, self.seconds = port, users, seconds
        self.latencies: list[float] = []
        self.errors = 0
        self.lock = threading.Lock()

    def run(self) -> tuple[float, list[float], int]:
        deadline = time.perf_counter() + self.seconds
        threads = [threading.Thread(target=self.user, args=(i, deadline)) for i in range(self.users)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.perf_counter() - start, self.latencies, self.errors

    def user(self, number: int, deadline: float) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        mine: list[float] = []
        errors = 0
        msg_id = number * 10_000_000
        while time.perf_counter() < deadline:
            openid = f"bench-{uuid.uuid4().hex[:10]}"
            for text in SCRIPT:
                if time.perf_counter() >= deadline:
                    break
                msg_id += 1
                ts, nonce = str(int(time.time())), str(msg_id)
                query = urlencode({"signature": sign(TOKEN, ts, nonce), "timestamp": ts, "nonce": nonce,
                                   "openid": openid})
                body = message_xml(openid, "text", {"Content": text, "MsgId": msg_id}).encode()
                began = time.perf_counter()
                try:
                    conn.request("POST", f"/wechat?{query}", body, {"Content-Type": "text/xml"})
                    response = conn.getresponse()
                    response.read()
                    if response.status != 200:
                        errors += 1
                except (OSError, http.client.HTTPException):
                    errors += 1
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                mine.append(time.perf_counter() - began)
        conn.close()
        with self.lock:
            self.latencies += mine
            self.errors += errors


def percentile(ordered: list[float], p: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000


def measure(name: str, port: int, users: int, seconds: float) -> float:
    Load(port, users, 3).run()  # warm-up: imports, connections, caches
    elapsed, latencies, errors = Load(port, users, seconds).run()
    ordered = sorted(latencies)
    rate = len(latencies) / elapsed
    print(f"{name:<26} {rate:8.0f} msg/s  p50={percentile(ordered, 0.5):6.1f} ms  "
          f"p99={percentile(ordered, 0.99):6.1f} ms  mean={statistics.mean(latencies) * 1000:6.1f} ms  "
          f"errors={errors}  n={len(latencies)}", flush=True)
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--store", default="redis://127.0.0.1:6379/0",
                        help="the bot's STORE_URL (a sqlite:/// URL works too)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        store_url = args.store
        if store_url.startswith("redis"):
            store_url += ("&" if "?" in store_url else "?") + f"prefix=bench-{uuid.uuid4().hex[:6]}"
        port = free_port()
        bare = Process([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "bot" / "gunicorn_conf.py"),
                        "benchmarks.bare_app:create_app()"],
                       {**bot_env(tmp_path, store_url, "http://127.0.0.1:9"), "PORT": str(port), "HOST": "127.0.0.1"},
                       tmp_path / "bare.log").start()
        bot = BotServer(bot_env(tmp_path, store_url, "http://127.0.0.1:9"), tmp_path / "bot.log").start()
        try:
            time.sleep(1)
            print(f"{args.users} concurrent users, {args.seconds:.0f} s each, store {args.store.split('?')[0]}")
            base = measure("bare Flask (sig + echo)", port, args.users, args.seconds)
            full = measure("full callback", bot.port, args.users, args.seconds)
            print(f"ratio full/bare = {full / base:.2f}  (target >= 0.5)")
        finally:
            bare.kill()
            bot.kill()
            if store_url.startswith("redis"):
                from storage import open_store

                store = open_store(store_url)
                store.drop_everything()
                store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
