"""What a file is, judged by its first bytes rather than its name."""
from __future__ import annotations

from enum import StrEnum


class FileKind(StrEnum):
    """The kinds an applicant plausibly sends."""

    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    WEBP = "webp"
    HEIC = "heic"
    GIF = "gif"
    OFFICE = "office"  # .docx/.xlsx (zip) and .doc/.xls (OLE)
    UNKNOWN = "unknown"

    @property
    def is_image(self) -> bool:
        return self in _IMAGES


_IMAGES = frozenset({FileKind.JPEG, FileKind.PNG, FileKind.WEBP, FileKind.HEIC, FileKind.GIF})

_PREFIXES: tuple[tuple[bytes, FileKind], ...] = (
    (b"%PDF-", FileKind.PDF),
    (b"\xff\xd8\xff", FileKind.JPEG),
    (b"\x89PNG\r\n\x1a\n", FileKind.PNG),
    (b"GIF8", FileKind.GIF),
    (b"PK\x03\x04", FileKind.OFFICE),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", FileKind.OFFICE),
)

# ISO base media "ftyp" brands of HEIF/HEIC/AVIF photos (iPhones save HEIC by default).
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif"})


def sniff(data: bytes) -> FileKind:
    """The kind of ``data`` from its signature; UNKNOWN when nothing matches."""
    for prefix, kind in _PREFIXES:
        if data.startswith(prefix):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return FileKind.WEBP
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return FileKind.HEIC
    return FileKind.UNKNOWN
