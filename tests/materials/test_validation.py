"""A material PDF is judged by its content; every refusal tells the applicant what to do."""
from __future__ import annotations

import hashlib
import io
import re
import time
import tracemalloc

import pytest
from pypdf import PdfReader

from materials import MAX_BYTES, MAX_PDF_PAGES, MaterialError, Reason, to_material_pdf, validate_pdf
from materials.limits import PDF_CHECK_SECONDS
from materials.pdfcheck import inspect
from tests.support.files import deflated_zeros, photo, raw_pdf, text_pdf


def refusal(data: bytes, pool) -> MaterialError:
    with pytest.raises(MaterialError) as refused:
        validate_pdf(data, pool=pool)
    return refused.value


def test_a_valid_pdf_is_accepted_with_its_pages_size_and_sha256(pool):
    pdf = text_pdf(pages=3)

    result = validate_pdf(pdf, pool=pool)

    assert (result.pages, result.size) == (3, len(pdf))
    assert result.sha256 == hashlib.sha256(pdf).hexdigest()
    assert result.data == pdf


def test_an_encrypted_pdf_is_refused_with_remove_the_password(pool):
    error = refusal(text_pdf(password="secret"), pool)

    assert error.reason is Reason.ENCRYPTED
    assert "密码" in error.message


def test_a_pdf_that_opens_without_a_password_but_is_encrypted_is_refused_too(pool):
    assert refusal(text_pdf(password="", owner_password="owner"), pool).reason is Reason.ENCRYPTED


@pytest.mark.parametrize("keep", [0.3, 0.7, 0.95])
def test_a_truncated_pdf_is_refused_with_download_again(pool, keep):
    pdf = text_pdf(pages=5)

    error = refusal(pdf[: int(len(pdf) * keep)], pool)

    assert error.reason is Reason.TRUNCATED
    assert "重新下载" in error.message


def test_a_pdf_damaged_in_the_middle_is_refused_with_export_again(pool):
    pdf = text_pdf(pages=2)
    damaged = pdf[:9] + b"\0" * (len(pdf) - 400) + pdf[-391:]

    error = refusal(damaged, pool)

    assert error.reason is Reason.CORRUPT
    assert "重新导出" in error.message


def test_common_producer_defects_that_viewers_repair_are_accepted(pool):
    pdf = text_pdf(pages=20)
    body, _, xref = pdf.partition(b"\nxref\n")
    offsets_off_by_3 = body + b"\nxref\n" + re.sub(
        rb"(\d{10})( 00000 n)", lambda entry: b"%010d%s" % (int(entry[1]) + 3, entry[2]), xref)
    wrong_startxref = pdf.replace(b"startxref\n", b"startxref\n9")

    assert validate_pdf(offsets_off_by_3, pool=pool).pages == 20
    assert validate_pdf(wrong_startxref, pool=pool).pages == 20


def test_a_jpeg_renamed_to_pdf_gets_send_photos_in_chat(pool):
    error = refusal(photo(size=(600, 800)), pool)

    assert error.reason is Reason.IMAGE_NOT_PDF
    assert "PDF" in error.message and "对话" in error.message


def test_a_word_document_is_refused_with_export_as_pdf(pool):
    error = refusal(b"PK\x03\x04" + b"\0" * 100, pool)

    assert error.reason is Reason.NOT_PDF
    assert "导出 PDF" in error.message


def test_a_30_mb_upload_gets_the_size_message_without_being_parsed(pool):
    huge = b"%PDF-1.7\n" + bytes(30 * 1024 * 1024 - 9)  # not even a parsable PDF

    started = time.perf_counter()
    error = refusal(huge, pool)

    assert error.reason is Reason.TOO_LARGE
    assert time.perf_counter() - started < 0.05
    assert "30.0 MB" in error.message and "2 MB" in error.message
    assert "扫描App" in error.message and "分拆" in error.message


def test_a_pdf_one_byte_over_2_mb_is_refused_and_says_so(pool):
    error = refusal(b"%PDF-1.7\n" + bytes(MAX_BYTES - 9 + 1), pool)

    assert "2.1 MB" in error.message


def test_an_empty_upload_is_refused(pool):
    assert refusal(b"", pool).reason is Reason.EMPTY


def test_a_pdf_without_pages_is_refused(pool):
    assert refusal(text_pdf(pages=0), pool).reason is Reason.NO_PAGES


def test_a_pdf_with_too_many_pages_is_refused_with_the_count(pool):
    error = refusal(text_pdf(pages=MAX_PDF_PAGES + 1), pool)

    assert error.reason is Reason.TOO_MANY_PAGES
    assert f"{MAX_PDF_PAGES + 1} 页" in error.message


@pytest.mark.parametrize("nesting", [b"[" * 100_000 + b"]" * 100_000,
                                     b"<< /A " * 100_000 + b">>" * 100_000], ids=["arrays", "dictionaries"])
def test_a_pdf_nested_100000_levels_deep_is_refused_in_time(pool, nesting):
    started = time.perf_counter()

    error = refusal(raw_pdf(page_entries=b"/Deep " + nesting), pool)

    assert error.reason is Reason.CORRUPT
    assert time.perf_counter() - started < pool.pdf_seconds
    assert validate_pdf(text_pdf(), pool=pool).pages == 2  # the checker is still serving


def bomb() -> bytes:
    """A PDF of 260 KB whose one page's contents inflate to 256 MB."""
    pdf = raw_pdf(content=deflated_zeros(256), content_filter=b"/Filter /FlateDecode")
    assert len(pdf) < MAX_BYTES
    return pdf


def test_a_decompression_bomb_is_refused_and_the_checker_recovers(pool):
    error = refusal(bomb(), pool)

    assert error.reason is Reason.UNREADABLE
    assert "重新导出" in error.message
    assert validate_pdf(text_pdf(), pool=pool).pages == 2


def test_a_decompression_bomb_is_refused_without_inflating_it():
    # What a worker runs on the file, measured in this thread: its CPU time and the memory it allocates
    # do not depend on how busy the machine is, as the wall-clock time of a job through the pool does.
    tracemalloc.start()
    began = time.thread_time()
    try:
        answer = inspect(bomb(), MAX_PDF_PAGES)
        spent, (_, peak) = time.thread_time() - began, tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert answer == {"ok": False, "reason": "unreadable"}
    assert peak < 256 * 2**20  # the decoding stopped at a limit: the page's 256 MB were never held
    assert spent < PDF_CHECK_SECONDS / 5  # its CPU, a small part of the time a check may take


def test_a_photo_becomes_a_one_page_material_pdf(pool):
    result = to_material_pdf(photo(size=(1200, 1600)), "身份证正面.jpg", pool=pool)

    assert result.pages == 1 and result.size <= MAX_BYTES
    assert result.sha256 == hashlib.sha256(result.data).hexdigest()
    assert len(PdfReader(io.BytesIO(result.data)).pages) == 1


def test_a_photo_named_pdf_is_converted_because_content_decides(pool):
    assert to_material_pdf(photo(size=(600, 800)), "scan.pdf", pool=pool).pages == 1


def test_a_pdf_passes_through_unchanged(pool):
    pdf = text_pdf(pages=2)

    assert to_material_pdf(pdf, "学历证明.pdf", pool=pool).data == pdf


def test_a_refusal_names_the_file_without_its_folders(pool):
    with pytest.raises(MaterialError) as refused:
        to_material_pdf(text_pdf(password="x"), "C:\\Users\\me\\Desktop\\社保\x07记录.pdf", pool=pool)

    assert refused.value.reason is Reason.ENCRYPTED
    assert refused.value.message.startswith("「社保记录.pdf」")
