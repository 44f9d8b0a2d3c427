"""Simulated WeChat users for the benchmarks (``callback.py``, ``load.py``): signed callback requests
on keep-alive connections to 127.0.0.1, a scripted conversation with the reply each turn must get,
the figures (messages/s, p50/p99 latency, errors), and the bot under gunicorn to aim them at.

Every loop here ends by itself at its deadline.
"""
from __future__ import annotations

import http.client
import itertools
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from bot.config import Config
from bot.dev.simulator import message_xml, sign
from tests.e2e.servers import BotServer, Process, bot_env, worker

# A whole application up to the checklist, with a correction, progress checks and a question on the
# way; each text with a fragment its reply must contain.
SCRIPT: list[tuple[str, str]] = [
    ("你好", "请选择您要办理的业务类型"), ("积分新办", "居住证有效期"), ("2027-08-25", "真实性承诺"),
    ("同意", "姓名"), ("张三", "身份证号码"), ("11010519491231002X", "所在单位"), ("上海某某科技有限公司", "子女"),
    ("0", "婚姻状况"), ("已婚", "手机号码"), ("13800138000", "邮箱"), ("无", "配偶"), ("0", "加分"),
    ("学历 社保", "全日制"), ("是", "国（境）外"), ("否", "学历层次"), ("本科", "院校"), ("复旦大学", "社保"),
    ("6", "请核对您填写的信息"), ("进度", "当前进度"), ("修改 手机", "手机号码"), ("13900139000", "请核对您填写的信息"),
    ("确认", "材料清单"), ("进度", "还需上传"), ("闵行的材料寄到哪", "闵行区"),
]
# gunicorn closes a keep-alive connection after 2 s idle (its default ``keepalive``); reusing one
# idle nearly that long races the close, so a user who paused longer opens a new one, as HTTP
# client pools do with connections they consider stale.
STALE_AFTER = 1.0


@dataclass
class Result:
    """What a load run measured."""

    elapsed: float
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed

    def percentile_ms(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000 if ordered else float("nan")

    def summary(self) -> str:
        kinds = ", ".join(f"{kind}: {n}" for kind, n in self.errors.most_common())
        return (f"{self.rate:8.1f} msg/s  p50={self.percentile_ms(0.5):6.1f} ms  p99={self.percentile_ms(0.99):6.1f} ms  "
                f"max={self.percentile_ms(1.0):7.1f} ms  errors={self.error_count}{f' ({kinds})' if kinds else ''}  "
                f"n={len(self.latencies)}")


class Load:
    """``users`` threads, each a WeChat user walking SCRIPT again and again (a new openid per walk)
    until ``seconds`` have passed, pausing ``think`` (a random number of seconds in that range)
    between messages. With ``check_replies``, a reply without its turn's fragment is an error too."""

    def __init__(self, port: int, users: int, seconds: float, *, think: tuple[float, float] = (0.0, 0.0),
                 check_replies: bool = False) -> None:
        self.port, self.users, self.seconds = port, users, seconds
        self.think, self.check_replies = think, check_replies
        self.result = Result(elapsed=0.0)
        self.lock = threading.Lock()

    def run(self) -> Result:
        deadline = time.perf_counter() + self.seconds
        threads = [threading.Thread(target=self.user, args=(i, deadline), name=f"user-{i}") for i in range(self.users)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.result.elapsed = time.perf_counter() - start
        return self.result

    def user(self, number: int, deadline: float) -> None:
        # Spread the first messages over the first think time, as real users do not arrive in step.
        time.sleep(random.uniform(*self.think))
        session = _Session(self.port)
        msg_ids = itertools.count(number * 10_000_000 + 1)
        tally = Result(elapsed=0.0)
        while time.perf_counter() < deadline:
            self.walk(session, f"bench-{uuid.uuid4().hex[:10]}", msg_ids, deadline, tally)
        session.close()
        with self.lock:
            self.result.latencies += tally.latencies
            self.result.errors += tally.errors

    def walk(self, session: _Session, openid: str, msg_ids: Iterator[int], deadline: float, tally: Result) -> None:
        """One applicant through SCRIPT. An error ends the walk: the turns after a lost message would
        get replies for another step, and count as errors that are only its echo."""
        for text, expected in SCRIPT:
            if time.perf_counter() >= deadline:
                return
            began = time.perf_counter()
            status, body = session.post(openid, text, next(msg_ids))
            tally.latencies.append(time.perf_counter() - began)
            problem = _problem(status, body, expected if self.check_replies else None)
            if problem:
                tally.errors[problem] += 1
                return
            time.sleep(max(0.0, min(random.uniform(*self.think), deadline - time.perf_counter())))


class _Session:
    """One simulated user's keep-alive connection to the bot, posting signed text messages."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.last_used = time.perf_counter()

    def post(self, openid: str, text: str, msg_id: int) -> tuple[int | str, bytes]:
        """The HTTP status and body, or the name of what went wrong on the wire instead of a status."""
        if time.perf_counter() - self.last_used > STALE_AFTER:
            self.conn.close()  # http.client reconnects on the next request
        ts, nonce = str(int(time.time())), str(msg_id)
        query = urlencode({"signature": sign(Config.wechat_token, ts, nonce), "timestamp": ts, "nonce": nonce,
                           "openid": openid})
        body = message_xml(openid, "text", {"Content": text, "MsgId": msg_id}).encode()
        try:
            self.conn.request("POST", f"/wechat?{query}", body, {"Content-Type": "text/xml"})
            response = self.conn.getresponse()
            return response.status, response.read()
        except TimeoutError:
            self.conn.close()
            return "timeout", b""
        except (OSError, http.client.HTTPException) as err:
            self.conn.close()
            return type(err).__name__, b""
        finally:
            self.last_used = time.perf_counter()

    def close(self) -> None:
        self.conn.close()


def _problem(status: int | str, body: bytes, expected: str | None) -> str | None:
    """None for a good answer; otherwise a short name of the error, for counting."""
    if status != 200:
        return f"HTTP {status}" if isinstance(status, int) else status
    if expected is not None and expected.encode() not in body:
        return "wrong reply"
    return None


def with_own_prefix(store_url: str) -> str:
    """A Redis store URL under a key prefix of its own (SQLite URLs unchanged)."""
    if not store_url.startswith("redis"):
        return store_url
    return store_url + ("&" if "?" in store_url else "?") + f"prefix=bench-{uuid.uuid4().hex[:6]}"


@contextmanager
def running_bot(store_url: str, tmp: Path, *, with_worker: bool = False) -> Iterator[BotServer]:
    """The bot under gunicorn with the Procfile's settings on a free port (and, with ``with_worker``
    on a Redis store, ``python -m bot worker`` as the Procfile's second process). Nothing it calls
    leaves 127.0.0.1: the WeChat API points at a closed local port. On exit the processes are
    killed and a Redis store's keys dropped."""
    env = bot_env(tmp, store_url, "http://127.0.0.1:9")
    processes: list[Process] = []
    try:
        if with_worker and store_url.startswith("redis"):
            processes.append(worker(env, tmp / "worker.log"))
        bot = BotServer(env, tmp / "bot.log")
        processes.append(bot)
        yield bot.start()
    finally:
        for process in reversed(processes):
            process.kill()
        if store_url.startswith("redis"):
            _drop(store_url)


def _drop(store_url: str) -> None:
    from storage import open_store

    with open_store(store_url) as store:
        store.drop_everything()
