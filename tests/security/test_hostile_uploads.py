"""Issue 14, items 3 and 4, through a real gunicorn deployment: sixteen applicants' upload links
sending the hostile files at once (a 200 KB PNG that decodes to 7000×7000 RGBA, a 0.9 MB PDF of
96,000 pages) must not keep another applicant's WeChat message past WeChat's 5 seconds, must get a
refusal (never a 500), and must leave every web worker under 300 MB of RSS."""
from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
import requests

from tests.e2e.servers import BotServer, wechat_user
from tests.support.conversation import walk
from tests.security.hostile_files import huge_png, many_pages_pdf

pytestmark = pytest.mark.slow

UPLOAD_LINK = re.compile(r"https?://\S+/upload/[\w.-]+")
UPLOADERS = 16
ATTACK_SECONDS = 12
WECHAT_DEADLINE = 5.0
WORKER_RSS_LIMIT = 300 * 2**20
QUESTION = ("闵行的材料寄到哪", "闵行")


def children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def rss(pid: int) -> int:
    """VmRSS of ``pid`` in bytes (0 once it is gone, or a zombie waiting to be reaped)."""
    try:
        found = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    except FileNotFoundError:
        return 0
    return int(found.group(1)) * 1024 if found else 0


def web_workers(server: BotServer) -> list[int]:
    """gunicorn's worker processes (the master's children); their own children are materials workers."""
    return children(server.proc.pid)


class Attack:
    """``UPLOADERS`` threads, each posting the hostile files in turn to the link until stopped,
    noting each answer's status and how long it took."""

    def __init__(self, link: str, files: list[tuple[str, bytes, str]]) -> None:
        page = requests.get(link, headers={"Accept": "application/json"}, timeout=10).json()
        self.targets = [f"{link}/{code}" for code in page["missing"]]
        self.csrf = page["csrf_token"]
        self.files = files
        self.answers: list[tuple[int, float, str]] = []  # status, seconds, error field
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._upload, args=(n,)) for n in range(UPLOADERS)]

    def _upload(self, number: int) -> None:
        turn = number
        while not self.stop.is_set():
            name, data, kind = self.files[turn % len(self.files)]
            started = time.perf_counter()
            answer = requests.post(self.targets[turn % len(self.targets)], data={"csrf_token": self.csrf},
                                   files={"file": (name, data, kind)}, headers={"Accept": "application/json"},
                                   timeout=60)
            error = answer.json().get("error", "") if answer.headers.get("Content-Type", "").startswith(
                "application/json") else answer.text[:80]
            self.answers.append((answer.status_code, time.perf_counter() - started, error))
            turn += 1

    def __enter__(self) -> Attack:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=90)


def test_sixteen_hostile_uploads_at_once_leave_wechat_answering_and_the_workers_small(start_bot):
    server = start_bot("sqlite")
    applicant, bystander = wechat_user(server, "oAttacker"), wechat_user(server, "oBystander")
    walk(applicant)
    link = UPLOAD_LINK.search(applicant.say("网页上传")).group(0)
    assert QUESTION[1] in bystander.say(QUESTION[0])
    files = [("screenshot.png", huge_png(), "image/png"), ("社保记录.pdf", many_pages_pdf(), "application/pdf")]
    assert len(files[0][1]) < 300_000 and len(files[1][1]) < 1_000_000  # small on disk, as the attacker's were
    workers = web_workers(server)
    assert len(workers) == 2
    peak: dict[int, int] = {}

    waits = []
    with Attack(link, files) as attack:
        time.sleep(1)  # every uploader has a request in flight
        deadline = time.monotonic() + ATTACK_SECONDS
        while time.monotonic() < deadline:
            started = time.perf_counter()
            reply = bystander.say(QUESTION[0])
            waits.append(time.perf_counter() - started)
            assert QUESTION[1] in reply, reply
            for pid in workers + [c for w in workers for c in children(w)]:
                peak[pid] = max(peak.get(pid, 0), rss(pid))
            time.sleep(0.3)

    statuses = {status for status, _, _ in attack.answers}
    print(f"\nbystander: {len(waits)} messages, slowest {max(waits):.2f} s; uploads: {len(attack.answers)}, "
          f"statuses {sorted(statuses)}, errors {sorted({e for _, _, e in attack.answers})}, "
          f"slowest {max(s for _, s, _ in attack.answers):.2f} s; peak RSS MB "
          f"{ {pid: round(v / 2**20) for pid, v in peak.items()} }")
    assert len(attack.answers) >= UPLOADERS
    assert max(waits) < WECHAT_DEADLINE, waits
    assert statuses <= {422, 503}, attack.answers  # refused, or busy: never a 500
    assert 422 in statuses
    time.sleep(1)
    after = {pid: rss(pid) for pid in workers}
    print(f"web workers' RSS afterwards, MB: { {pid: round(v / 2**20) for pid, v in after.items()} }")
    assert all(0 < value < WORKER_RSS_LIMIT for value in after.values()), after
    assert web_workers(server) == workers  # none died or was replaced
