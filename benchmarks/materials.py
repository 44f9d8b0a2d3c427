"""Materials speed: a 12 MP phone photo → one A4 PDF page under 2 MB (target < 1 s), and
validating a 2 MB PDF in the warm sandbox (target < 100 ms). Medians over several runs.

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

from PIL import Image, ImageDraw
from pypdf import PdfWriter

# Run as a script, this file's own folder heads sys.path and its name would shadow the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
from materials import MAX_BYTES, PdfSandbox, photos_to_pdf, validate_pdf  # noqa: E402

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


def text_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def median_ms(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement")
    args = parser.parse_args()

    print("photo → PDF (target < 1000 ms)")
    for name, photo in (("document photo", document_photo()), ("pure noise", noise_photo())):
        pdf = photos_to_pdf([photo])
        ms = median_ms(lambda: photos_to_pdf([photo]), args.runs)
        print(f"  12 MP {name:<15} {len(photo) / 2**20:5.1f} MB in → {len(pdf.data) / 2**20:4.2f} MB PDF  "
              f"median {ms:6.0f} ms")

    print("validate PDF (target < 100 ms, warm sandbox)")
    big_scan = photos_to_pdf([noise_photo(), noise_photo()]).data  # as close to 2 MB as it gets
    with PdfSandbox() as sandbox:
        started = time.perf_counter()
        sandbox.start()
        print(f"  sandbox start (once per worker process)      {(time.perf_counter() - started) * 1000:6.0f} ms")
        for name, pdf in (("two-page scan", big_scan), ("50 blank pages", text_pdf(50))):
            assert len(pdf) <= MAX_BYTES
            ms = median_ms(lambda: validate_pdf(pdf, sandbox=sandbox), max(args.runs, 20))
            print(f"  {name:<15} {len(pdf) / 2**20:5.2f} MB                     median {ms:6.1f} ms")


if __name__ == "__main__":
    main()
