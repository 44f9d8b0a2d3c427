"""Issue 14, items 3 and 4, one file at a time: the hostile files cost the pool milliseconds, not
seconds, and leave it answering."""
from __future__ import annotations

import time

import pytest

from materials import MaterialError, Reason, pdfcheck, to_material_pdf, validate_pdf
from tests.support.files import text_pdf
from tests.security.hostile_files import HUGE_PNG_SIZE, MANY_PAGES, huge_png, many_pages_pdf


@pytest.mark.slow  # making the PNG takes Pillow 1–2 s; tests/materials/test_photos.py checks a header claiming as much
def test_a_200_kb_png_of_7000_by_7000_rgba_is_refused_before_it_is_decoded(pool):
    png = huge_png()
    assert len(png) < 300_000
    started = time.perf_counter()

    with pytest.raises(MaterialError) as refused:
        to_material_pdf(png, "screenshot.png", pool=pool)

    assert refused.value.reason is Reason.PHOTO_TOO_LARGE and refused.value.message.startswith("「screenshot.png」")
    assert time.perf_counter() - started < 0.5  # was 4.5 s of CPU and 600 MB
    assert HUGE_PNG_SIZE == (7000, 7000)


@pytest.mark.slow  # timed against the pool's limit: failed under a busy machine's load in the parallel fast suite
def test_a_pdf_of_96000_pages_in_object_streams_is_refused_by_its_declared_count(pool):
    pdf = many_pages_pdf()
    assert len(pdf) < 1_000_000

    with pytest.raises(MaterialError) as refused:
        validate_pdf(pdf, pool=pool)

    # Refused for its count, not "unreadable" after the pool's whole 5 s; the cost is CPU time in
    # this process (about 0.4 s), not wall time, which a busy CI box stretches (3.8 s once).
    assert refused.value.reason is Reason.TOO_MANY_PAGES and f"{MANY_PAGES} 页" in refused.value.message
    started = time.process_time()
    assert pdfcheck.inspect(pdf, max_pages=50) == {"ok": False, "reason": "too_many_pages", "pages": MANY_PAGES}
    assert time.process_time() - started < 2
    assert validate_pdf(text_pdf(2), pool=pool).pages == 2
