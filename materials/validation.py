"""Is this upload acceptable as one material? Judged by content, not by name.

Cheap checks run here (size, signature, the end-of-file marker); decoding photos and parsing PDFs
run in :class:`materials.pool.MaterialPool`'s worker processes, with a time and memory limit,
because a hostile photo or PDF can make Pillow or pypdf recurse, spin or allocate without bound.
"""
from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from materials.errors import MaterialError, Reason
from materials.limits import MAX_BYTES, MAX_PDF_PAGES, MAX_PHOTOS
from materials.pool import MaterialPool, shared_pool
from materials.sniff import FileKind, sniff

__all__ = ["MAX_BYTES", "MAX_PDF_PAGES", "ValidatedPdf", "photos_to_material_pdf", "to_material_pdf", "validate_pdf"]

#: Readers look for %%EOF within the last 1024 bytes (ISO 32000-1, 7.5.5); missing → cut short.
EOF_WINDOW = 1024


@dataclass(frozen=True)
class ValidatedPdf:
    """A PDF fit to be one material: its bytes, page count, size and SHA-256 (hex)."""

    pages: int
    size: int
    sha256: str
    data: bytes = field(repr=False)

    @classmethod
    def of(cls, data: bytes, pages: int) -> ValidatedPdf:
        """The record of ``data``, already checked to have ``pages`` pages."""
        return cls(pages=pages, size=len(data), sha256=hashlib.sha256(data).hexdigest(), data=data)


def validate_pdf(data: bytes, *, pool: MaterialPool | None = None, patient: bool = False) -> ValidatedPdf:
    """Accept ``data`` as a material PDF or raise :class:`MaterialError` saying what to fix.

    Refused: empty; not a PDF (an image gets its own message: send photos in chat); over
    :data:`MAX_BYTES` (not parsed at all); cut short; encrypted; damaged; no pages or more than
    :data:`MAX_PDF_PAGES`; too slow or too large to parse; or the pool is busy (see
    :class:`MaterialPool`, and ``patient`` there).
    """
    if not data:
        raise MaterialError(Reason.EMPTY)
    kind = sniff(data)
    if kind is not FileKind.PDF:
        raise MaterialError(Reason.IMAGE_NOT_PDF if kind.is_image else Reason.NOT_PDF)
    if len(data) > MAX_BYTES:
        # Rounded up, so a file just over the limit never reads as "2.0 MB".
        raise MaterialError(Reason.TOO_LARGE, size_mb=math.ceil(len(data) / (1024 * 1024) * 10) / 10)
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise MaterialError(Reason.TRUNCATED)
    pages = (pool or shared_pool()).count_pages(data, MAX_PDF_PAGES, patient=patient)
    return ValidatedPdf.of(data, pages)


def to_material_pdf(data: bytes, filename: str | None = None, *, pool: MaterialPool | None = None) -> ValidatedPdf:
    """One entry point for the upload page and the chat: a photo becomes a one-page PDF, a PDF
    is validated, anything else is refused. ``filename`` only names the file in the message.
    """
    try:
        if sniff(data).is_image:
            photo_pdf = (pool or shared_pool()).photos_to_pdf([data])
            return ValidatedPdf.of(photo_pdf.data, photo_pdf.pages)
        return validate_pdf(data, pool=pool)
    except MaterialError as error:
        if filename is None:
            raise
        raise error.about(filename) from error


def pages_added(saved: bytes, added: bytes, *, pool: MaterialPool | None = None, patient: bool = False,
                replace_page: int = 0) -> ValidatedPdf:
    """A material's saved PDF with the pages of ``added`` (a PDF made from photos, or one uploaded) after its own: one
    material PDF, checked as any (its size and page count); the applicant adds a page instead of sending all again.
    ``replace_page`` (from 1): ``added`` takes the place of that page of the saved PDF instead (a page retaken)."""
    pool = pool or shared_pool()
    both = pool.join_pdfs([saved, added], patient=patient, replace_page=replace_page)
    return validate_pdf(both.data, pool=pool, patient=patient)


def photos_to_material_pdf(files: Sequence[tuple[bytes, str]], *, pool: MaterialPool | None = None) -> ValidatedPdf:
    """Several files chosen at once for one material, each ``(data, filename)``: photos (an ID card's
    two sides, a register's pages) become one PDF, a page each, in the order given. A single file is
    :func:`to_material_pdf`'s; a PDF among several is refused, as a PDF is the whole material."""
    if len(files) == 1:
        return to_material_pdf(*files[0], pool=pool)
    if len(files) > MAX_PHOTOS:
        raise MaterialError(Reason.TOO_MANY_PHOTOS, max_photos=MAX_PHOTOS, count=len(files))
    for data, filename in files:
        if not data:
            raise MaterialError(Reason.EMPTY, filename=filename)
        kind = sniff(data)
        if not kind.is_image:
            raise MaterialError(Reason.PDF_AMONG_PHOTOS if kind is FileKind.PDF else Reason.NOT_IMAGE, filename=filename)
    photo_pdf = (pool or shared_pool()).photos_to_pdf([data for data, _ in files])
    return ValidatedPdf.of(photo_pdf.data, photo_pdf.pages)
