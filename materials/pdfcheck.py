"""The PDF inspector that runs in its own process (see :mod:`materials.sandbox`).

Hostile PDFs can make pypdf recurse, allocate or spin; here that costs a process we can kill
rather than a web worker. The process limits its own address space and CPU time, then answers
requests on stdin/stdout until stdin closes:

    at start: the line READY, once imports are done and limits are set
    request:  HEADER (length of the PDF, page limit) followed by the PDF's bytes
    response: one line of JSON, {"ok": true, "pages": n} or {"ok": false, "reason": "...", ...}

It is started as a script by path with ``python -I``, so it imports nothing from this project
and works however the project is installed.
"""
from __future__ import annotations

import io
import json
import logging
import os
import resource
import struct
import sys
import warnings
from typing import Any, BinaryIO

from pypdf import PdfReader, PageObject
from pypdf.errors import LimitReachedError

HEADER = struct.Struct("!II")
READY = b"ready\n"
#: pypdf quietly repairs small defects, common in real files (a wrong startxref, a duplicated key;
#: a file whose xref offsets are all off costs two repairs per object). Far more repairs than
#: objects means the file is damaged or built to attack parsers: nesting 100,000 levels deep
#: comes back from pypdf as tens of thousands of repaired fragments of a single object.
REPAIRS_PER_OBJECT = 4
MIN_REPAIR_ALLOWANCE = 100
#: CPU seconds one inspection may use; the parent's wall-clock timeout normally fires first,
#: this ends a spinning child even if the parent is gone.
CPU_SECONDS_PER_CHECK = 10


class _RepairCounter(logging.Handler):
    """Counts the warnings pypdf logs, one per defect it repaired."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.repairs = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.repairs += 1


def inspect(data: bytes, max_pages: int) -> dict[str, Any]:
    """Open the PDF and touch every page the way a reviewer's viewer would; never raises."""
    counter = _RepairCounter()
    pypdf_logger = logging.getLogger("pypdf")
    pypdf_logger.addHandler(counter)
    try:
        return _inspect(data, max_pages, counter)
    finally:
        pypdf_logger.removeHandler(counter)


def _inspect(data: bytes, max_pages: int, counter: _RepairCounter) -> dict[str, Any]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return {"ok": False, "reason": "encrypted"}
        pages = len(reader.pages)
        if pages == 0:
            return {"ok": False, "reason": "no_pages"}
        if pages > max_pages:
            return {"ok": False, "reason": "too_many_pages", "pages": pages}
        for page in reader.pages:
            _open_page(page)
        if counter.repairs > _repair_allowance(reader):
            return {"ok": False, "reason": "corrupt"}
        return {"ok": True, "pages": pages}
    except (RecursionError, MemoryError, LimitReachedError):
        return {"ok": False, "reason": "unreadable"}
    except Exception:  # pypdf signals broken structure with many exception types
        return {"ok": False, "reason": "corrupt"}


def _repair_allowance(reader: PdfReader) -> int:
    objects = sum(len(numbers) for numbers in reader.xref.values()) + len(reader.xref_objStm)
    return max(MIN_REPAIR_ALLOWANCE, REPAIRS_PER_OBJECT * objects)


def _open_page(page: PageObject) -> None:
    box = page.mediabox
    if box.width <= 0 or box.height <= 0:
        raise ValueError("page has no area")
    if page.rotation % 90:
        raise ValueError("pages turn in quarter turns only")
    contents = page.get_contents()
    if contents is not None:
        contents.get_data()  # decodes the page's streams: truncation and bad filters show here


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    chunks, remaining = [], size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _limit_memory(max_bytes: int) -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        max_bytes = min(max_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, hard))


def _allow_cpu_seconds(seconds: int) -> None:
    """Move the soft CPU limit to ``seconds`` past what this process has used so far."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(used.ru_utime + used.ru_stime) + seconds
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def serve(requests: BinaryIO, responses: BinaryIO) -> None:
    """Announce readiness, then answer requests until the parent closes the pipe."""
    responses.write(READY)
    responses.flush()
    while (header := _read_exactly(requests, HEADER.size)) is not None:
        length, max_pages = HEADER.unpack(header)
        data = _read_exactly(requests, length)
        if data is None:
            return
        _allow_cpu_seconds(CPU_SECONDS_PER_CHECK)
        responses.write(json.dumps(inspect(data, max_pages)).encode() + b"\n")
        responses.flush()


def main(argv: list[str]) -> None:
    _limit_memory(int(argv[1]))
    # Malformed files make pypdf log and warn a lot; the verdict is what matters, not the noise.
    logging.getLogger("pypdf").propagate = False
    warnings.simplefilter("ignore")
    # Keep the response pipe for responses only: anything printed goes to stderr instead.
    responses = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.stdin.buffer, responses)


if __name__ == "__main__":
    main(sys.argv)
