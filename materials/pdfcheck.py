"""The PDF inspection a worker process runs (see :mod:`materials.pool`).

Hostile PDFs can make pypdf recurse, allocate or spin; in a worker that costs a process the pool
kills rather than a web worker. :func:`inspect` opens the file, reads the page count its page tree
declares (a 96,000-page file is refused after reading one object, not 96,000), then touches every
page the way a reviewer's viewer would.
"""
from __future__ import annotations

import io
import logging
from typing import Any

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import LimitReachedError

#: pypdf quietly repairs small defects, common in real files (a wrong startxref, a duplicated key;
#: a file whose xref offsets are all off costs two repairs per object). Far more repairs than
#: objects means the file is damaged or built to attack parsers: nesting 100,000 levels deep
#: comes back from pypdf as tens of thousands of repaired fragments of a single object.
REPAIRS_PER_OBJECT = 4
MIN_REPAIR_ALLOWANCE = 100


class _TooManyRepairs(Exception):
    pass


class _RepairCounter(logging.Handler):
    """Counts the warnings pypdf logs, one per defect it repaired, and stops the parse (by raising
    inside pypdf's call to log) as soon as they pass ``limit``: repairing 50,000 fragments of a
    nested object costs seconds, half of them in logging, for a verdict known after the first few
    hundred."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.repairs = 0
        self.limit = float("inf")  # until the cross-reference table tells how many objects there are

    def emit(self, record: logging.LogRecord) -> None:
        self.repairs += 1
        if self.repairs > self.limit:
            raise _TooManyRepairs


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
        counter.limit = _repair_allowance(reader)
        if reader.is_encrypted:
            return {"ok": False, "reason": "encrypted"}
        declared = _declared_pages(reader)
        if declared > max_pages:
            return {"ok": False, "reason": "too_many_pages", "pages": declared}
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


def _declared_pages(reader: PdfReader) -> int:
    """The /Count of the page tree's root; 0 when missing or not a number (the pages then count)."""
    count = reader.trailer["/Root"]["/Pages"].get("/Count", 0)
    return count if isinstance(count, int) else 0


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


def joined(files: list[bytes], replace_page: int = 0) -> tuple[bytes, int]:
    """The PDFs ``files`` (each checked already: a material's file, a PDF made from photos) as one, their pages in
    order, and its page count. ``replace_page`` (from 1), with two files: the first's page of that number replaced by
    the second's pages ("第2页拍糊了 重新拍"), the pages around it kept in place. Raises what pypdf raises on a file it
    cannot read, and ValueError when the first has no such page."""
    writer = PdfWriter()
    if replace_page:
        saved, new = (PdfReader(io.BytesIO(data)) for data in files)
        if not 1 <= replace_page <= len(saved.pages):
            raise ValueError("no such page to replace")
        if replace_page > 1:
            writer.append(saved, pages=list(range(replace_page - 1)))
        writer.append(new)
        if replace_page < len(saved.pages):
            writer.append(saved, pages=list(range(replace_page, len(saved.pages))))
        files = []
    for data in files:
        writer.append(PdfReader(io.BytesIO(data)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages)
