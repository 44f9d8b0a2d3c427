"""A small pool of worker processes that decode photos and check PDFs, bounded every way a
hostile upload could stretch it.

- **Memory:** each worker limits its own address space (``MATERIAL_MEMORY_MB``); a decompression
  bomb ends that worker, not the web process, whose memory never holds a decoded upload.
- **Time:** every job has a wall-clock limit (:data:`PDF_CHECK_SECONDS`, :data:`PHOTO_SECONDS` a
  photo); a worker that overruns it is killed, and a CPU-time limit set inside the worker ends it
  even if this process is gone.
- **Concurrency:** ``MATERIAL_WORKERS`` workers per process, so one slow file holds one of them, not
  every upload; at most ``MATERIAL_QUEUE`` more jobs wait for one, and the next is refused at once
  with :class:`MaterialError` (``Reason.BUSY``) rather than holding a web thread that WeChat's
  messages need. Background jobs (photos sent in chat) wait their turn instead: they hold no web
  thread, and their photos would be lost.
- **Recycling:** a worker that hit a limit, died, or served :data:`JOBS_PER_WORKER` jobs is replaced.

Workers start ahead of need (:meth:`MaterialPool.start`: starting Python and importing Pillow and
pypdf takes ~0.3 s) and are reused; a process forked from one that owns a pool gets workers of its own.
"""
from __future__ import annotations

import functools
import json
import os
import select
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from materials.errors import MaterialError, Reason
from materials.limits import JOBS_PER_WORKER, MAX_BYTES, PDF_CHECK_SECONDS, PHOTO_SECONDS, WORKER_MEMORY
from materials.protocol import LENGTH, READY, PhotoPdf

#: Starting Python and importing Pillow, pillow-heif and pypdf takes ~0.3 s; allow for a busy machine.
STARTUP_SECONDS = 30.0
#: CPU seconds per file the worker allows itself: twice the wall-clock limit, a backstop only.
CPU_SECONDS_PER_FILE = 2 * int(max(PDF_CHECK_SECONDS, PHOTO_SECONDS))
#: The most a worker may send back: an answer's JSON, and a PDF (never over a material's limit).
#: A worker that a hostile file took over must not make this process allocate at its command.
MAX_ANSWER_BYTES = 64 * 1024
#: Not ``-m materials.worker_process``: the package imports that module first, which runpy warns about.
WORKER_MAIN = "import sys; from materials.worker_process import main; main(sys.argv)"
#: One glibc malloc arena per thread reserves 64 MB of address space; decoder threads would spend
#: the worker's memory limit on reservations rather than on images.
WORKER_ENV = {"MALLOC_ARENA_MAX": "2"}


@dataclass(frozen=True)
class PoolSettings:
    """The pool's size and limits; :meth:`from_env` reads them from the deployment's settings."""

    workers: int = 2
    queue: int = 1
    memory_limit: int = WORKER_MEMORY

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> PoolSettings:
        """MATERIAL_WORKERS, MATERIAL_QUEUE and MATERIAL_MEMORY_MB; a bad value raises ValueError naming it."""
        env = os.environ if env is None else env
        return cls(workers=_number(env, "MATERIAL_WORKERS", cls.workers, least=1),
                   queue=_number(env, "MATERIAL_QUEUE", cls.queue, least=0),
                   memory_limit=_number(env, "MATERIAL_MEMORY_MB", cls.memory_limit // 2**20, least=128) * 2**20)


def _number(env: Mapping[str, str], name: str, default: int, *, least: int) -> int:
    text = env.get(name) or str(default)
    if not text.isdecimal() or int(text) < least:
        raise ValueError(f"{name}={text!r}: expected a whole number, at least {least}")
    return int(text)


class _Worker:
    """One worker process and its pipes; ``ask`` answers None when it overran or died."""

    def __init__(self, memory_limit: int, cpu_seconds: int) -> None:
        self.jobs = 0
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-c", WORKER_MAIN, str(memory_limit), str(cpu_seconds)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ, **WORKER_ENV})
        os.set_blocking(self.process.stdin.fileno(), False)  # writes keep to the job's deadline too
        if _read_exactly(self.process, len(READY), time.monotonic() + STARTUP_SECONDS) \
                != READY:
            self.kill()
            raise RuntimeError("a materials worker process did not start")

    def ask(self, request: dict[str, Any], files: Sequence[bytes], seconds: float) -> tuple[dict[str, Any], bytes] | None:
        self.jobs += 1
        body = json.dumps({**request, "sizes": [len(f) for f in files]}).encode()
        deadline = time.monotonic() + seconds
        if not _write_all(self.process, LENGTH.pack(len(body)) + body + b"".join(files), deadline):
            return None
        header = _read_exactly(self.process, LENGTH.size, deadline)
        if header is None or LENGTH.unpack(header)[0] > MAX_ANSWER_BYTES:
            return None
        meta = _read_exactly(self.process, LENGTH.unpack(header)[0], deadline)
        answer = json.loads(meta) if meta else None
        if answer is None or not 0 <= answer["size"] <= MAX_BYTES:
            return None
        payload = _read_exactly(self.process, answer["size"], deadline)
        return None if payload is None else (answer, payload)

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        with self.process:  # closes the pipes and reaps the process
            self.process.kill()


class MaterialPool:
    """Worker processes that turn photos into a PDF and check PDFs; see the module's docstring."""

    def __init__(self, settings: PoolSettings = PoolSettings(), *, jobs_per_worker: int = JOBS_PER_WORKER,
                 pdf_seconds: float = PDF_CHECK_SECONDS, photo_seconds: float = PHOTO_SECONDS,
                 cpu_seconds: int = CPU_SECONDS_PER_FILE) -> None:
        self.settings = settings
        self.jobs_per_worker = jobs_per_worker
        self.pdf_seconds, self.photo_seconds, self.cpu_seconds = pdf_seconds, photo_seconds, cpu_seconds
        self._adopt()

    # -- the jobs ------------------------------------------------------------------------
    def photos_to_pdf(self, photos: Sequence[bytes], *, patient: bool = False) -> PhotoPdf:
        """:func:`materials.photos.photos_to_pdf` in a worker. A photo that overran the time or
        memory limit is PHOTO_TOO_LARGE; a full queue is BUSY unless ``patient`` (see the module)."""
        answer, payload = self._run({"job": "photos_to_pdf"}, photos, self.photo_seconds * max(1, len(photos)),
                                    patient, Reason.PHOTO_TOO_LARGE)
        return PhotoPdf(data=payload, pages=int(answer["pages"]))

    def count_pages(self, data: bytes, max_pages: int, *, patient: bool = False) -> int:
        """The number of pages of ``data`` after opening every page, checked in a worker.

        Raises :class:`MaterialError`: ENCRYPTED, NO_PAGES, TOO_MANY_PAGES, CORRUPT, UNREADABLE
        (the parse overran the time or memory limit or crashed the worker), or BUSY.
        """
        answer, _ = self._run({"job": "check_pdf", "max_pages": max_pages}, [data], self.pdf_seconds,
                              patient, Reason.UNREADABLE)
        return int(answer["pages"])

    def join_pdfs(self, pdfs: Sequence[bytes], *, patient: bool = False, replace_page: int = 0) -> PhotoPdf:
        """The PDFs as one, their pages in order (a page added to a material saved already), in a worker; with
        ``replace_page`` (from 1), the first's page of that number replaced by the second's pages. CORRUPT when one will
        not open (or has no such page), UNREADABLE when the join overran the time or memory limit; BUSY as for the others."""
        job = {"job": "join_pdfs", **({"replace_page": replace_page} if replace_page else {})}
        answer, payload = self._run(job, pdfs, self.pdf_seconds * max(1, len(pdfs)), patient, Reason.UNREADABLE)
        return PhotoPdf(data=payload, pages=int(answer["pages"]))

    # -- running ---------------------------------------------------------------------------
    def start(self) -> None:
        """Start every worker now, so that the first applicants do not wait for them."""
        workers = [self._take(patient=True) for _ in range(self.settings.workers)]
        for worker in workers:
            self._give_back(worker)

    def pids(self) -> list[int]:
        """The process ids of the idle workers (for tests and monitoring)."""
        with self._free:
            return [worker.process.pid for worker in self._idle if worker is not None and worker.alive]

    def close(self) -> None:
        """Stop the idle workers (a later job starts new ones)."""
        with self._free:
            idle, self._idle = self._idle, [None] * len(self._idle)
        for worker in idle:
            if worker is not None:
                worker.kill()

    def __enter__(self) -> MaterialPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _run(self, request: dict[str, Any], files: Sequence[bytes], seconds: float, patient: bool,
             overran: Reason) -> tuple[dict[str, Any], bytes]:
        worker = self._take(patient)
        try:
            reply = worker.ask(request, files, seconds)
        except BaseException:
            worker.kill()
            self._give_back(None)
            raise
        if reply is None or reply[0].get("recycle") or worker.jobs >= self.jobs_per_worker or not worker.alive:
            worker.kill()
            worker = None
        self._give_back(worker)
        if reply is None:  # too slow, or the file crashed the worker
            raise MaterialError(overran)
        answer, payload = reply
        if not answer["ok"]:
            reason = Reason(answer["reason"])
            if reason is Reason.TOO_MANY_PAGES:
                raise MaterialError(reason, pages=answer["pages"], max_pages=request["max_pages"])
            raise MaterialError(reason, **answer.get("facts", {}))
        return answer, payload

    def _take(self, patient: bool) -> _Worker:
        """A running worker for one job: an idle one, or one started in a free slot. Waits while
        every worker is busy; refuses at once (BUSY) when the queue is full, unless ``patient``."""
        if self._owner != os.getpid():
            self._adopt()
        with self._free:
            if not self._idle and self._waiting >= self.settings.queue and not patient:
                raise MaterialError(Reason.BUSY)
            self._waiting += 1
            try:
                self._free.wait_for(lambda: self._idle)
            finally:
                self._waiting -= 1
            worker = self._idle.pop()
        if worker is not None and worker.alive:
            return worker
        if worker is not None:  # died between jobs (an OOM kill, say): not the next file's fault
            worker.kill()
        try:
            return _Worker(self.settings.memory_limit, self.cpu_seconds)
        except BaseException:
            self._give_back(None)
            raise

    def _give_back(self, worker: _Worker | None) -> None:
        """Return a slot: a worker for the next job, or None to start a fresh one there."""
        with self._free:
            self._idle.append(worker)
            self._free.notify()

    def _adopt(self) -> None:
        """Start afresh in this process: workers inherited through fork belong to the parent."""
        self._owner = os.getpid()
        self._free = threading.Condition()
        self._idle: list[_Worker | None] = [None] * self.settings.workers  # None: a slot with no process yet
        self._waiting = 0


def _write_all(process: subprocess.Popen[bytes], data: bytes, deadline: float) -> bool:
    """Send ``data`` to the worker; False when the deadline passes first or it has gone."""
    fd = process.stdin.fileno()
    poller = select.poll()
    poller.register(fd, select.POLLOUT)
    view = memoryview(data)
    while view:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not poller.poll(remaining * 1000):
            return False
        try:
            view = view[os.write(fd, view):]
        except BlockingIOError:
            continue
        except BrokenPipeError:
            return False
    return True


def _read_exactly(process: subprocess.Popen[bytes], size: int, deadline: float) -> bytes | None:
    """``size`` bytes from the worker, or None when the deadline passes or it closes its end."""
    fd = process.stdout.fileno()
    poller = select.poll()  # not select.select: a busy server's descriptors pass 1024
    poller.register(fd, select.POLLIN)
    received = bytearray()
    while len(received) < size:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not poller.poll(remaining * 1000):
            return None
        chunk = os.read(fd, min(size - len(received), 1 << 20))
        if not chunk:
            return None
        received += chunk
    return bytes(received)


@functools.cache
def shared_pool() -> MaterialPool:
    """This process's pool, sized by the deployment's settings; the default of every material function."""
    return MaterialPool(PoolSettings.from_env())
