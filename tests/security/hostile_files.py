"""The hostile files of issue 14, made on the spot and small on disk: a 190 KB PNG that decodes to
7000×7000 RGBA, and a PDF under 1 MB whose object streams hold 96,000 pages."""
from __future__ import annotations

import io
import zlib

from PIL import Image, ImageDraw

HUGE_PNG_SIZE = (7000, 7000)
MANY_PAGES = 96_000
PAGES_PER_STREAM = 1000


def huge_png() -> bytes:
    """A 7000×7000 RGBA screenshot-like PNG: mostly transparent, so it compresses to ~200 KB."""
    image = Image.new("RGBA", HUGE_PNG_SIZE, (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    for y in range(0, HUGE_PNG_SIZE[1], 700):
        draw.rectangle((0, y, HUGE_PNG_SIZE[0], y + 40), fill=(0, 0, 0, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=False, compress_level=9)
    return buffer.getvalue()


def many_pages_pdf(pages: int = MANY_PAGES, *, declared: int | None = None) -> bytes:
    """A PDF 1.5 file of ``pages`` blank A4 pages, the page tree and every page inside compressed
    object streams and the cross-reference a compressed stream too: under 1 MB on disk, costly to
    open page by page. ``declared``: the page count the tree claims, if not the true one (a lie
    that makes a checker count the pages one by one)."""
    kids = b" ".join(b"%d 0 R" % (3 + n) for n in range(pages))
    tree = [b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages if declared is None else declared, kids)]
    tree += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    in_streams = list(enumerate(tree, 2))  # objects 2 (the tree) and 3.. (the pages)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    rows: dict[int, tuple[int, int, int]] = {}  # object -> its cross-reference row (type, field 2, field 3)

    def write(number: int, body: bytes) -> None:
        rows[number] = (1, len(out), 0)
        out.extend(b"%d 0 obj\n" % number + body + b"\nendobj\n")

    write(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    number = len(tree) + 2
    for start in range(0, len(in_streams), PAGES_PER_STREAM):
        chunk = in_streams[start:start + PAGES_PER_STREAM]
        offsets, position = [], 0
        for slot, (member, body) in enumerate(chunk):
            offsets.append(b"%d %d" % (member, position))
            position += len(body) + 1
            rows[member] = (2, number, slot)
        head = b" ".join(offsets) + b"\n"
        data = zlib.compress(head + b"".join(body + b"\n" for _, body in chunk), 9)
        write(number, b"<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>\nstream\n"
              % (len(chunk), len(head), len(data)) + data + b"\nendstream")
        number += 1
    rows[number] = (1, len(out), 0)
    table = zlib.compress(b"".join(bytes([kind]) + second.to_bytes(4, "big") + third.to_bytes(2, "big")
                                   for kind, second, third in (rows.get(n, (0, 0, 0xFFFF)) for n in range(number + 1))), 9)
    xref_at = len(out)
    out.extend(b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d /Filter /FlateDecode >>\n"
               b"stream\n" % (number, number + 1, len(table)) + table + b"\nendstream\nendobj\n")
    out.extend(b"startxref\n%d\n%%%%EOF\n" % xref_at)
    return bytes(out)
