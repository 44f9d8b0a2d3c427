"""What a fresh clone builds before its first test, shared by the test processes instead of done by each.

Two things cost a fresh clone (nothing kept in the cache folders yet) what a warm one does not: what
``bot prepare`` keeps (the segmenter's dictionary, the understanding fit, the knowledge base's re-ranking
and pinyin reading: ~9 s of CPU), and the compiled test modules (pytest rewrites every test's asserts,
~5 s of CPU a process, and Python compiles our modules). Each xdist worker collects every test module,
so the three workers each rewrote all of them at once. Here one worker collects first while the others
build what ``bot prepare`` keeps, and they collect after it from its compiled modules.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def prepared_parts() -> tuple[Callable[[], object], list[tuple[str, Callable[[], object]]]]:
    """What ``bot prepare`` keeps, as :func:`build_in_parts` takes it: the segmenter's dictionary
    (both other parts need it), then the fit and the knowledge base, in any order."""
    from dialogs.understanding.classifier import trained
    from knowledge import load_default
    from knowledge.segment import dictionary

    def knowledge_base() -> None:
        _ = load_default().pinyin

    return dictionary, [("fit", trained), ("knowledge-base", knowledge_base)]


def build_in_parts(folder: Path, first: Callable[[], object], parts: list[tuple[str, Callable[[], object]]]) -> None:
    """Build (or load, where another process has kept it) ``first``, then each of ``parts``, behind a
    lock per part in ``folder``, so no part is built twice. A process takes a part nobody is building
    and waits only when every part left is being built: two processes fit the corpus and build the
    knowledge base at the same time instead of one after the other."""
    parts = list(parts)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with _locked(folder / ".tests-prepare-first.lock"):
        first()
    while parts:
        for index, (name, build) in enumerate(parts):
            with _locked(folder / f".tests-prepare-{name}.lock", wait=False) as free:
                if free:
                    build()
                    del parts[index]
                    break
        else:  # every part left is being built elsewhere: wait for the first, then load it
            name, build = parts.pop(0)
            with _locked(folder / f".tests-prepare-{name}.lock"):
                build()


@contextmanager
def _locked(path: Path, *, wait: bool = True) -> Iterator[bool]:
    """Hold an exclusive lock on ``path`` (released when the file closes); with ``wait=False``, yield
    False at once where another process holds it."""
    with open(path, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
        else:
            yield True


@contextmanager
def first_collection(root: Path, args: list[str], prepare: Callable[[], None]) -> Iterator[None]:
    """Around one xdist worker's collection: where this checkout's tests were never collected under
    this pytest and Python (no stamp), the first worker to come collects alone (compiling them into
    the pycache prefix), and each other worker runs ``prepare()`` meanwhile and collects after it.
    Once a collection of the same arguments has finished, every worker collects at once as before."""
    from importlib.metadata import version

    key = hashlib.sha256("\n".join([str(root), version("pytest"), sys.version, *args]).encode()).hexdigest()[:24]
    stamps = Path(sys.pycache_prefix or root / "__pycache__") / "jifen-collected"
    stamp = stamps / key
    if "PYTEST_XDIST_WORKER" not in os.environ or stamp.exists():
        yield
        return
    stamps.mkdir(parents=True, exist_ok=True)
    with _locked(stamps / f"{key}.lock", wait=False) as first:
        if first:
            yield
            stamp.touch()
            return
    prepare()
    with _locked(stamps / f"{key}.lock"):
        pass  # the first worker's collection has finished (or failed): its compiled modules are there
    yield
