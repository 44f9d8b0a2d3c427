"""The materials pool: worker processes bounded in memory and time, replaced when a file breaks
one, several at once so one slow file holds one of them, and a queue that refuses at once when full."""
from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image

from materials import MaterialError, MaterialPool, PoolSettings, Reason, to_material_pdf, validate_pdf
from tests.support.files import Busy, deflated_zeros, encode, photo, raw_pdf, text_pdf
from tests.security.hostile_files import many_pages_pdf

#: Opening 20,000 pages one by one (the tree says 1, so no shortcut) keeps a worker busy ~1 s.
SLOW_PAGES = 20_000


def refused(action) -> MaterialError:
    with pytest.raises(MaterialError) as refusal:
        action()
    return refusal.value


@pytest.fixture(scope="module")
def slow_pdf() -> bytes:
    return many_pages_pdf(SLOW_PAGES, declared=1)


def test_photos_and_pdfs_from_several_threads_each_get_their_own_answer():
    pool = MaterialPool(PoolSettings(workers=2, queue=6))
    pdfs = {pages: text_pdf(pages=pages) for pages in range(1, 7)}
    photos = {width: photo(size=(width, 1200)) for width in (600, 700, 800)}

    with ThreadPoolExecutor(max_workers=6) as threads:
        pages = dict(zip(pdfs, threads.map(lambda pdf: validate_pdf(pdf, pool=pool).pages, pdfs.values())))
        made = list(threads.map(lambda data: to_material_pdf(data, pool=pool), photos.values()))
    pool.close()

    assert pages == {n: n for n in range(1, 7)}
    assert [m.pages for m in made] == [1, 1, 1] and all(m.data.startswith(b"%PDF-") for m in made)
    assert len({m.sha256 for m in made}) == 3


def test_a_check_that_overruns_its_time_is_unreadable_and_its_worker_is_replaced():
    with MaterialPool(PoolSettings(workers=1), pdf_seconds=0.0) as impatient:
        impatient.start()
        [first] = impatient.pids()
        assert refused(lambda: impatient.count_pages(text_pdf(pages=40), max_pages=50)).reason is Reason.UNREADABLE

        impatient.pdf_seconds = 5.0
        assert impatient.count_pages(text_pdf(pages=2), max_pages=50) == 2
        assert impatient.pids() and impatient.pids() != [first]


@pytest.mark.slow  # ~3 s of CPU by design, and timed: with the slow ones, which run one at a time (-n 0)
def test_a_worker_that_spins_past_its_cpu_seconds_ends_itself_before_the_wall_clock_limit(slow_pdf):
    slower = many_pages_pdf(3 * SLOW_PAGES, declared=1)  # ~3 s of CPU
    with MaterialPool(PoolSettings(workers=1), pdf_seconds=60.0, cpu_seconds=1) as stingy:
        stingy.start()
        started = time.perf_counter()

        assert refused(lambda: stingy.count_pages(slower, max_pages=50)).reason is Reason.UNREADABLE
        assert time.perf_counter() - started < 10
        assert stingy.count_pages(text_pdf(pages=2), max_pages=50) == 2


def test_a_pdf_that_exhausts_the_memory_limit_is_unreadable_and_the_worker_is_replaced():
    # 60 MB of content is under pypdf's own 75 MB decompression cap; the address-space limit stops it.
    with MaterialPool(PoolSettings(workers=1, memory_limit=200 * 2**20)) as small:
        assert small.count_pages(text_pdf(pages=1), max_pages=50) == 1  # fits when the file is sane
        [first] = small.pids()
        bomb = raw_pdf(content=deflated_zeros(60), content_filter=b"/Filter /FlateDecode")

        assert refused(lambda: small.count_pages(bomb, max_pages=50)).reason is Reason.UNREADABLE
        assert small.count_pages(text_pdf(pages=3), max_pages=50) == 3
        assert small.pids() != [first]


@pytest.mark.slow  # decodes a photo until the worker's memory limit: ~2.4 s, with the slow ones
def test_a_photo_that_exhausts_the_memory_limit_is_too_large_and_the_worker_is_replaced():
    # 25 MP: within the pixel and decoded-size limits, beyond what 200 MB leaves after imports.
    big = encode(Image.new("RGB", (5000, 5000), "white"), fmt="PNG")
    with MaterialPool(PoolSettings(workers=1, memory_limit=200 * 2**20)) as small:
        small.start()
        [first] = small.pids()

        assert refused(lambda: small.photos_to_pdf([big])).reason is Reason.PHOTO_TOO_LARGE
        assert small.photos_to_pdf([photo(size=(600, 800))]).pages == 1
        assert small.pids() != [first]


def test_a_worker_killed_between_jobs_is_replaced_without_blaming_the_next_file():
    with MaterialPool(PoolSettings(workers=1)) as pool:
        pool.start()
        [worker] = pool.pids()
        os.kill(worker, signal.SIGKILL)
        time.sleep(0.1)

        assert pool.count_pages(text_pdf(pages=3), max_pages=50) == 3
        assert pool.pids() != [worker]


def test_a_worker_is_replaced_after_its_share_of_jobs():
    with MaterialPool(PoolSettings(workers=1), jobs_per_worker=2) as pool:
        pool.start()
        [first] = pool.pids()
        pool.count_pages(text_pdf(pages=1), max_pages=50)
        assert pool.pids() == [first]

        pool.count_pages(text_pdf(pages=1), max_pages=50)
        assert pool.pids() != [first]


def test_one_slow_pdf_holds_one_worker_and_the_others_keep_answering(slow_pdf):
    with MaterialPool(PoolSettings(workers=2, queue=0), pdf_seconds=30) as pool:
        pool.start()
        with Busy(pool, slow_pdf) as busy:
            started = time.perf_counter()
            assert pool.count_pages(text_pdf(pages=2), max_pages=50) == 2
            assert time.perf_counter() - started < 0.5
            assert busy.thread.is_alive()  # the slow one is still being read
        assert busy.error is not None and busy.error.reason is Reason.UNREADABLE


def test_when_every_worker_is_busy_and_the_queue_is_full_a_job_is_refused_at_once(slow_pdf):
    with MaterialPool(PoolSettings(workers=1, queue=0), pdf_seconds=30) as pool:
        pool.start()
        with Busy(pool, slow_pdf):
            started = time.perf_counter()
            error = refused(lambda: pool.count_pages(text_pdf(pages=1), max_pages=50))
            assert time.perf_counter() - started < 0.05
        assert error.reason is Reason.BUSY and "系统繁忙，请稍后再上传" in error.message
        assert pool.count_pages(text_pdf(pages=1), max_pages=50) == 1  # free again afterwards


def test_a_job_waits_in_the_queue_while_there_is_room_and_a_patient_one_always_waits(slow_pdf):
    with MaterialPool(PoolSettings(workers=1, queue=1), pdf_seconds=30) as pool:
        pool.start()
        with ThreadPoolExecutor(max_workers=2) as threads:
            with Busy(pool, slow_pdf):
                queued = threads.submit(pool.count_pages, text_pdf(pages=2), 50)
                time.sleep(0.1)
                assert refused(lambda: pool.count_pages(text_pdf(pages=1), max_pages=50)).reason is Reason.BUSY
                patient = threads.submit(pool.photos_to_pdf, [photo(size=(600, 800))], patient=True)
                time.sleep(0.1)
                assert not queued.done() and not patient.done()
            assert queued.result(timeout=30) == 2
            assert patient.result(timeout=30).pages == 1


def test_a_forked_process_starts_its_own_workers_instead_of_sharing_the_parents():
    with MaterialPool(PoolSettings(workers=1)) as pool:
        pool.start()
        [parents] = pool.pids()
        child = os.fork()
        if child == 0:  # as gunicorn's workers are forked from a preloaded app
            try:
                answered = pool.count_pages(text_pdf(pages=2), max_pages=50) == 2
                os._exit(0 if answered and pool.pids() not in ([], [parents]) else 1)
            finally:
                os._exit(2)
        _, status = os.waitpid(child, 0)

        assert os.waitstatus_to_exitcode(status) == 0
        assert pool.count_pages(text_pdf(pages=1), max_pages=50) == 1  # the parent's still answers
        assert pool.pids() == [parents]


@pytest.mark.parametrize("name, value", [("MATERIAL_WORKERS", "0"), ("MATERIAL_QUEUE", "many"),
                                         ("MATERIAL_MEMORY_MB", "64")])
def test_a_bad_setting_is_refused_with_its_name(name, value):
    with pytest.raises(ValueError, match=name):
        PoolSettings.from_env({name: value})


def test_the_settings_default_to_two_workers_a_queue_of_one_and_512_mb():
    assert PoolSettings.from_env({}) == PoolSettings(workers=2, queue=1, memory_limit=512 * 2**20)
    assert PoolSettings.from_env({"MATERIAL_WORKERS": "4", "MATERIAL_MEMORY_MB": "1024"}).workers == 4
