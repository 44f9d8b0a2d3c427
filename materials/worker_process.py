"""What runs inside one worker process of :class:`materials.pool.MaterialPool`.

Decoding an untrusted photo or parsing an untrusted PDF can allocate, recurse or spin without
bound; here that costs a process the pool kills and replaces, never a web worker. The process
limits its own address space, runs at a lower priority than the web workers (an applicant's chat
message outranks someone's upload), then answers jobs on stdin/stdout until stdin closes:

    at start: the line READY, once imports are done and limits are set
    job:      a 4-byte length, that many bytes of JSON {"job": ..., "sizes": [...], ...}, then
              the files, their lengths as "sizes" says
    answer:   a 4-byte length, that many bytes of JSON {"ok": ..., "size": n, ...}, then n bytes
              (the PDF made from photos; nothing for a check)

An answer with ``"recycle": true`` asks the pool to replace this process: the job hit the memory
limit, and a process that ran out of memory once is not trusted with the next file.

Started by the pool as ``main([_, MEMORY_BYTES, CPU_SECONDS_PER_FILE])`` in ``python -I``.
"""
from __future__ import annotations

import json
import logging
import os
import resource
import sys
import warnings
from collections.abc import Callable
from typing import Any, BinaryIO

from materials import pdfcheck
from materials.errors import MaterialError
from materials.photos import photos_to_pdf
from materials.protocol import LENGTH, READY

#: Niceness of the worker: a busy pool slows uploads, not the web workers' answers to WeChat.
NICENESS = 5


def photos_job(request: dict[str, Any], files: list[bytes]) -> tuple[dict[str, Any], bytes]:
    """Photos → one PDF; a refusal carries its reason and the facts its message needs."""
    try:
        made = photos_to_pdf(files)
    except MaterialError as error:
        out_of_memory = isinstance(error.__cause__, MemoryError)
        return {"ok": False, "reason": error.reason.value, "facts": error.facts, "recycle": out_of_memory}, b""
    return {"ok": True, "pages": made.pages}, made.data


def check_job(request: dict[str, Any], files: list[bytes]) -> tuple[dict[str, Any], bytes]:
    """A PDF's page count after opening every page, or why it is refused."""
    verdict = pdfcheck.inspect(files[0], int(request["max_pages"]))
    # After a MemoryError or RecursionError, do not trust this process with the next file.
    return {**verdict, "recycle": verdict.get("reason") == "unreadable"}, b""


def join_job(request: dict[str, Any], files: list[bytes]) -> tuple[dict[str, Any], bytes]:
    """PDFs → one, their pages in the order given (a page added to a material saved already); a PDF that will not
    open is CORRUPT."""
    try:
        data, pages = pdfcheck.joined(files, int(request.get("replace_page") or 0))
    except MemoryError:
        return {"ok": False, "reason": "unreadable", "recycle": True}, b""
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on a damaged file: each is the file's fault
        return {"ok": False, "reason": "corrupt"}, b""
    return {"ok": True, "pages": pages}, data


JOBS: dict[str, Callable[[dict[str, Any], list[bytes]], tuple[dict[str, Any], bytes]]] = {
    "photos_to_pdf": photos_job,
    "check_pdf": check_job,
    "join_pdfs": join_job,
}


def serve(requests: BinaryIO, answers: BinaryIO, cpu_seconds: int) -> None:
    """Announce readiness, then answer jobs until the pool closes the pipe."""
    answers.write(READY)
    answers.flush()
    while (header := _read_exactly(requests, LENGTH.size)) is not None:
        body = _read_exactly(requests, LENGTH.unpack(header)[0])
        request = json.loads(body) if body is not None else None
        files = [_read_exactly(requests, size) for size in request["sizes"]] if request else [None]
        if request is None or None in files:
            return
        _allow_cpu_seconds(cpu_seconds * max(1, len(files)))
        answer, payload = JOBS[request["job"]](request, files)
        meta = json.dumps({**answer, "size": len(payload)}).encode()
        answers.write(LENGTH.pack(len(meta)) + meta + payload)
        answers.flush()


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
    """Move the soft CPU limit to ``seconds`` past what this process has used so far: the pool's
    wall-clock limit normally fires first, this ends a spinning process even if the pool is gone."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(used.ru_utime + used.ru_stime) + seconds
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def main(argv: list[str]) -> None:
    _limit_memory(int(argv[1]))
    os.nice(NICENESS)
    # Malformed files make pypdf and Pillow log and warn a lot; the verdict is what matters.
    logging.getLogger("pypdf").propagate = False
    warnings.simplefilter("ignore")
    # Keep the answer pipe for answers only: anything printed goes to stderr instead.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.stdin.buffer, answers, int(argv[2]))


if __name__ == "__main__":
    main(sys.argv)
