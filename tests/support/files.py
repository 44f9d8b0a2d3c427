"""Real files made on the spot: photos drawn with Pillow, PDFs written by pypdf, and hostile PDFs
assembled byte by byte where pypdf would refuse to write them; and a way to hold a pool's worker busy."""
from __future__ import annotations

import io
import os
import signal
import threading
import time
import zlib

from PIL import Image, ImageDraw
from pillow_heif import register_heif_opener
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from materials import MaterialError, MaterialPool

# iPhone photos are made here too; the web process no longer imports materials.photos, which
# registered HEIF for every test that happened to run after one of its tests.
register_heif_opener()


def photo(size: tuple[int, int] = (1200, 1600), *, label: str = "Page 1", fmt: str = "JPEG",
          orientation: int | None = None, quality: int = 90) -> bytes:
    """A photo of a printed page: white paper, a dark title bar across the top, lines of text."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, 0, width, height // 10), fill="black")
    for y in range(height // 8, height, max(12, height // 40)):
        draw.text((width // 20, y), f"{label}  Shanghai residence permit points 2026", fill="black")
    return encode(image, fmt=fmt, orientation=orientation, quality=quality)


def noisy_photo(size: tuple[int, int] = (4000, 3000)) -> bytes:
    """A 12 MP photo full of sensor-like noise with text on it: the worst case for JPEG size."""
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    draw = ImageDraw.Draw(image)
    for y in range(0, size[1], 60):
        draw.text((40, y), "ID 310101199001011234  Shanghai " * 6, fill="black")
    return encode(image, quality=92)


def encode(image: Image.Image, *, fmt: str = "JPEG", orientation: int | None = None,
           quality: int = 90) -> bytes:
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    buffer = io.BytesIO()
    options = {"quality": quality} if fmt == "JPEG" else {}
    image.save(buffer, fmt, exif=exif, **options)
    return buffer.getvalue()


def text_pdf(pages: int = 2, *, password: str | None = None, owner_password: str | None = None) -> bytes:
    """A text PDF written by pypdf: A4 pages, each with a line of Helvetica."""
    writer = PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    for number in range(1, pages + 1):
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        text = DecodedStreamObject()
        text.set_data(b"BT /F1 24 Tf 72 760 Td (Residence permit points, page %d) Tj ET" % number)
        page.replace_contents(text)
    if password is not None:
        writer.encrypt(user_password=password, owner_password=owner_password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def raw_pdf(*, page_entries: bytes = b"", content: bytes = b"BT ET", content_filter: bytes = b"") -> bytes:
    """A one-page PDF assembled by hand, with a correct xref, so a test can put anything in it."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " + page_entries + b" >>",
        b"<< /Length %d %s >>\nstream\n" % (len(content), content_filter) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def deflated_zeros(megabytes: int) -> bytes:
    """A FlateDecode stream of a few hundred KB that inflates to ``megabytes`` MB, made in
    milliseconds rather than by compressing every megabyte: after a full flush the compressor's
    output refers to nothing before it, so one flushed megabyte is repeated; then an empty final
    block and the Adler-32 of n zero bytes, which is ``(n mod 65521) << 16 | 1``."""
    block = bytes(1024 * 1024)
    compressor = zlib.compressobj(9)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)  # with the zlib header
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = (megabytes * len(block) % 65521) << 16 | 1
    return first + again * (megabytes - 1) + b"\x03\x00" + checksum.to_bytes(4, "big")


class Busy:
    """A slow check holding one worker while the block runs: the worker is stopped (SIGSTOP) once it
    has the job, so it stays busy however long the block takes, and killed at the end, which ends
    the job as unreadable without waiting for it."""

    def __init__(self, pool: MaterialPool, pdf: bytes) -> None:
        self.pool, self.pdf = pool, pdf
        self.thread = threading.Thread(target=self._check)
        self.error: MaterialError | None = None

    def _check(self) -> None:
        try:
            self.pool.count_pages(self.pdf, max_pages=50)
        except MaterialError as error:
            self.error = error

    def __enter__(self) -> Busy:
        idle = set(self.pool.pids())
        self.thread.start()
        while not (taken := idle - set(self.pool.pids())):
            time.sleep(0.005)
        [self.pid] = taken
        os.kill(self.pid, signal.SIGSTOP)
        return self

    def __exit__(self, *exc) -> None:
        os.kill(self.pid, signal.SIGKILL)  # still there: the pools these tests make wait 30 s for a check
        self.thread.join()
