"""The PDF checker's child process: bounded in time and memory, replaced when it misbehaves."""
from __future__ import annotations

import os
import signal
from concurrent.futures import ThreadPoolExecutor

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


def test_checks_from_several_threads_each_get_their_own_answer(sandbox):
    pdfs = {pages: text_pdf(pages=pages) for pages in range(1, 9)}

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = dict(zip(pdfs, pool.map(lambda pdf: sandbox.count_pages(pdf, max_pages=50), pdfs.values())))

    assert answers == {pages: pages for pages in pdfs}


def test_a_forked_worker_starts_its_own_child_instead_of_sharing_the_parents(sandbox):
    sandbox.start()
    parent_child = sandbox._child.pid

    worker = os.fork()
    if worker == 0:  # as gunicorn's workers are forked from a preloaded app
        try:
            answered = sandbox.count_pages(text_pdf(pages=2), max_pages=50) == 2
            os._exit(0 if answered and sandbox._child.pid != parent_child else 1)
        finally:
            os._exit(2)
    _, status = os.waitpid(worker, 0)

    assert os.waitstatus_to_exitcode(status) == 0
    assert sandbox.count_pages(text_pdf(pages=1), max_pages=50) == 1  # the parent's still answers
    assert sandbox._child.pid == parent_child
