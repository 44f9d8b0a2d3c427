"""Materials speed: a 12 MP phone photo → one A4 PDF page under 2 MB (target < 1 s), and
validating a 2 MB PDF (target < 100 ms), each through the materials pool's warm worker processes
(as the bot runs them) and in this process (the work alone, what the bot paid before the pool: the
pipe to a worker is the difference); then the hostile files of issue 14 through the pool. Medians
over several runs.

    .venv/bin/python benchmarks/materials.py [--runs 7]
"""
from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import img2pdf
from PIL import Image, ImageDraw
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

# Run as a script, this file's own folder heads sys.path and its name would shadow the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for the hostile files the tests make
from materials import MAX_BYTES, MaterialPool, PoolSettings, validate_pdf  # noqa: E402
from materials.photos import photos_to_pdf  # noqa: E402
from materials.errors import MaterialError  # noqa: E402
from materials.pdfcheck import inspect  # noqa: E402
from tests.security.hostile_files import huge_png, many_pages_pdf  # noqa: E402

SIZE_12MP = (4000, 3000)


def document_photo() -> bytes:
    """A 12 MP photo of a printed page: grey paper with sensor noise and lines of text."""
    paper = Image.effect_noise(SIZE_12MP, 10).point(lambda v: 90 + v).convert("RGB")
    draw = ImageDraw.Draw(paper)
    for y in range(100, SIZE_12MP[1] - 100, 45):
        draw.text((150, y), "Shanghai residence permit points  310101199001011234  " * 4, fill="black")
    return _jpeg(paper)


def noise_photo() -> bytes:
    """The worst case: every pixel random, which JPEG cannot compress."""
    return _jpeg(Image.frombytes("RGB", SIZE_12MP, os.urandom(SIZE_12MP[0] * SIZE_12MP[1] * 3)))


def scan_near_limit() -> bytes:
    """A one-page scanned PDF just under the 2 MB limit (a noise JPEG wrapped by img2pdf)."""
    width = 2339
    while True:
        height = width * 3 // 4
        noise = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
        pdf = img2pdf.convert(_jpeg(noise, quality=85))
        if len(pdf) <= MAX_BYTES:
            return pdf
        width = int(width * 0.98)


def text_pdf(pages: int) -> bytes:
    """A typed document: ``pages`` A4 pages of 60 lines each, content streams compressed."""
    writer = PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    lines = b"".join(b"BT /F1 10 Tf 50 %d Td (Line %d of the social insurance record, 2020-2026) Tj ET\n"
                     % (800 - 12 * n, n) for n in range(60))
    for _ in range(pages):
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        content = DecodedStreamObject()
        content.set_data(lines)
        page.replace_contents(content)
        page.compress_content_streams()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _jpeg(image: Image.Image, quality: int = 92) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def median_ms(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def refusal_ms(action: Callable[[], object]) -> tuple[float, str]:
    """How long ``action`` took to be refused, and why."""
    started = time.perf_counter()
    try:
        action()
        reason = "accepted"
    except MaterialError as error:
        reason = error.reason.value
    return (time.perf_counter() - started) * 1000, reason


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement")
    args = parser.parse_args()

    with MaterialPool(PoolSettings.from_env()) as pool:
        started = time.perf_counter()
        pool.start()
        print(f"pool of {pool.settings.workers} workers started in {(time.perf_counter() - started) * 1000:.0f} ms "
              f"(once per web worker, as it starts)")

        print("photo → PDF (target < 1000 ms)                       pool   in process")
        for name, photo in (("document photo", document_photo()), ("pure noise", noise_photo())):
            pdf = pool.photos_to_pdf([photo])
            ms = median_ms(lambda: pool.photos_to_pdf([photo]), args.runs)
            here = median_ms(lambda: photos_to_pdf([photo]), args.runs)
            print(f"  12 MP {name:<15} {len(photo) / 2**20:4.1f} MB → {len(pdf.data) / 2**20:4.2f} MB PDF  "
                  f"{ms:6.0f} ms  {here:6.0f} ms")

        print("validate PDF (target < 100 ms)                        pool   in process")
        for name, pdf in (("scanned page", scan_near_limit()), ("50 text pages", text_pdf(50))):
            assert len(pdf) <= MAX_BYTES
            ms = median_ms(lambda: validate_pdf(pdf, pool=pool), max(args.runs, 20))
            here = median_ms(lambda: inspect(pdf, 50), max(args.runs, 20))
            print(f"  {name:<15} {len(pdf) / 2**20:4.2f} MB                       {ms:6.1f} ms  {here:6.1f} ms")

        print("hostile files of issue 14, through the pool (before: 4.5 s and 600 MB in a web worker; 4.9 s)")
        png, many = huge_png(), many_pages_pdf()
        for name, action in ((f"7000×7000 RGBA PNG, {len(png) / 1024:.0f} KB", lambda: pool.photos_to_pdf([png])),
                             (f"96,000-page PDF, {len(many) / 2**20:.2f} MB", lambda: validate_pdf(many, pool=pool))):
            ms, reason = refusal_ms(action)
            print(f"  {name:<32} refused ({reason}) in {ms:6.0f} ms")


if __name__ == "__main__":
    main()
