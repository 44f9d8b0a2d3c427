"""A warm child process that inspects PDFs under a wall-clock and a memory limit.

Starting Python and importing pypdf takes ~0.1 s, so the child is kept and reused; a check
then costs the pipe transfer and the parse. A child that overruns the time limit, dies, or
met a hostile file is killed and replaced at the next check. One check at a time per sandbox
(a lock), and a process that forked after the child started gets a child of its own.
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
from pathlib import Path
from types import TracebackType
from typing import Any

from materials import pdfcheck
from materials.errors import MaterialError, Reason
from materials.limits import PDF_CHECK_MEMORY, PDF_CHECK_SECONDS

_SCRIPT = Path(pdfcheck.__file__).resolve()
#: Starting Python and importing pypdf takes ~0.1 s; allow for a busy machine.
STARTUP_SECONDS = 30.0


class PdfSandbox:
    """Counts a PDF's pages in a child process; refusals come back as :class:`MaterialError`."""

    def __init__(self, timeout: float = PDF_CHECK_SECONDS, memory_limit: int = PDF_CHECK_MEMORY) -> None:
        self.timeout = timeout
        self.memory_limit = memory_limit
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None
        self._child_owner = 0  # pid of the process that started the child

    def count_pages(self, data: bytes, max_pages: int) -> int:
        """The number of pages of ``data`` after opening every page.

        Raises :class:`MaterialError` (ENCRYPTED, NO_PAGES, TOO_MANY_PAGES, CORRUPT, or
        UNREADABLE when the parse overran the time or memory limit or crashed the child), and
        RuntimeError when no child process can be started (a server fault, not the file's).
        """
        with self._lock:
            verdict = self._ask(data, max_pages)
        if verdict.get("ok"):
            return int(verdict["pages"])
        reason = Reason(verdict["reason"])
        if reason is Reason.TOO_MANY_PAGES:
            raise MaterialError(reason, pages=verdict["pages"], max_pages=max_pages)
        raise MaterialError(reason)

    def start(self) -> None:
        """Start the child now, so the first applicant does not wait for it."""
        with self._lock:
            self._running_child()

    def close(self) -> None:
        """Stop the child (a later check starts a new one)."""
        with self._lock:
            self._stop()

    def __enter__(self) -> PdfSandbox:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # -- the child ---------------------------------------------------------------------
    def _ask(self, data: bytes, max_pages: int) -> dict[str, Any]:
        request = pdfcheck.HEADER.pack(len(data), max_pages) + data
        try:
            child = self._running_child()
            child.stdin.write(request)
            child.stdin.flush()
        except (BrokenPipeError, ValueError):
            # The child died between checks (an OOM kill, say); that is not this file's fault.
            self._stop()
            child = self._running_child()
            child.stdin.write(request)
            child.stdin.flush()
        line = self._read_line(child, deadline=time.monotonic() + self.timeout)
        if line is None:  # too slow, or the file crashed the child
            self._stop()
            return {"ok": False, "reason": Reason.UNREADABLE.value}
        verdict = json.loads(line)
        if verdict.get("reason") == Reason.UNREADABLE.value:
            self._stop()  # after a MemoryError or RecursionError, do not trust that process
        return verdict

    def _running_child(self) -> subprocess.Popen[bytes]:
        if self._child is not None and self._child_owner != os.getpid():
            self._child = None  # inherited through fork: it belongs to the parent process
        if self._child is not None and self._child.poll() is not None:
            self._stop()
        if self._child is None:
            self._child = subprocess.Popen(
                [sys.executable, "-I", str(_SCRIPT), str(self.memory_limit)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            )
            self._child_owner = os.getpid()
            # Wait for the child's imports here, so that a check's time limit is the file's alone.
            if self._read_line(self._child, time.monotonic() + STARTUP_SECONDS) != pdfcheck.READY:
                self._stop()
                raise RuntimeError("the PDF checker process did not start")
        return self._child

    def _stop(self) -> None:
        child, self._child = self._child, None
        if child is None or self._child_owner != os.getpid():
            return
        with child:  # closes the pipes and reaps the process
            child.kill()

    @staticmethod
    def _read_line(child: subprocess.Popen[bytes], deadline: float) -> bytes | None:
        """One response line, or None when the deadline passes or the child closes its end."""
        fd = child.stdout.fileno()
        poller = select.poll()  # not select.select: a busy server's descriptors pass 1024
        poller.register(fd, select.POLLIN)
        received = b""
        while not received.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not poller.poll(remaining * 1000):
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            received += chunk
        return received


@functools.cache
def shared_sandbox() -> PdfSandbox:
    """The process-wide sandbox that :func:`materials.validation.validate_pdf` uses by default."""
    return PdfSandbox()
