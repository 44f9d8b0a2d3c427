"""The PDF checker's child process: bounded in time and memory, replaced when it misbehaves."""
from __future__ import annotations

import os
import signal

import pytest

from materials import MaterialError, PdfSandbox, Reason
from tests.materials.conftest import deflated_zeros, raw_pdf, text_pdf


def test_a_check_that_overruns_the_time_limit_is_unreadable_and_the_next_one_works():
    with PdfSandbox(timeout=0.0) as impatient:
        with pytest.raises(MaterialError) as refused:
            impatient.count_pages(text_pdf(pages=40), max_pages=50)
        assert refused.value.reason is Reason.UNREADABLE

        impatient.timeout = 5.0
        assert impatient.count_pages(text_pdf(pages=2), max_pages=50) == 2


def test_a_pdf_that_exhausts_the_memory_limit_is_unreadable():
    # 60 MB of content is under pypdf's own 75 MB decompression cap; the address-space limit stops it.
    with PdfSandbox(memory_limit=160 * 1024 * 1024) as small:
        assert small.count_pages(text_pdf(pages=1), max_pages=50) == 1  # fits when the file is sane
        with pytest.raises(MaterialError) as refused:
            small.count_pages(raw_pdf(content=deflated_zeros(60), content_filter=b"/Filter /FlateDecode"),
                              max_pages=50)
        assert refused.value.reason is Reason.UNREADABLE


def test_a_child_killed_between_checks_is_replaced_without_blaming_the_next_file(sandbox):
    sandbox.start()
    os.kill(sandbox._child.pid, signal.SIGKILL)
    sandbox._child.wait()

    assert sandbox.count_pages(text_pdf(pages=3), max_pages=50) == 3
