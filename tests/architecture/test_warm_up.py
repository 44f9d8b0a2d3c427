"""How the test processes share a fresh clone's first work (tests/support/warm_up.py): threads stand in
for the xdist workers, since the locks are taken per open file as they are per process."""
from __future__ import annotations

import sys
import threading

from tests.support.warm_up import build_in_parts, first_collection


def test_a_part_being_built_elsewhere_is_left_for_one_nobody_builds(tmp_path):
    fit_started, fit_may_end, other_took_the_rest = threading.Event(), threading.Event(), threading.Event()
    done: list[tuple[str, str]] = []

    def part(name: str, who: str):
        def build() -> None:
            done.append((who, name))
            if (who, name) == ("slow", "fit"):
                fit_started.set()
                assert fit_may_end.wait(10)
            if (who, name) == ("other", "knowledge-base"):
                other_took_the_rest.set()
        return build

    def worker(who: str) -> None:
        build_in_parts(tmp_path, part("dictionary", who), [(name, part(name, who)) for name in ("fit", "knowledge-base")])

    slow = threading.Thread(target=worker, args=("slow",))
    slow.start()
    assert fit_started.wait(10)
    other = threading.Thread(target=worker, args=("other",))
    other.start()
    assert other_took_the_rest.wait(10)  # while the fit is still being built elsewhere
    assert ("other", "fit") not in done
    fit_may_end.set()
    slow.join(10), other.join(10)
    assert done[-1] in {("slow", "knowledge-base"), ("other", "fit")}
    assert sorted(done) == sorted((who, name) for who in ("slow", "other") for name in ("dictionary", "fit", "knowledge-base"))


def test_the_first_collection_of_a_fresh_clone_runs_alone_while_the_others_prepare(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "pycache"))
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    events: list[str] = []
    prepared = threading.Event()

    def second() -> None:
        with first_collection(tmp_path, ["tests"], lambda: (events.append("prepare"), prepared.set())):
            events.append("second collects")

    with first_collection(tmp_path, ["tests"], lambda: events.append("prepare in the first")):
        events.append("first collects")
        other = threading.Thread(target=second)
        other.start()
        assert prepared.wait(10)
        other.join(0.2)
        assert other.is_alive()  # waiting for the first collection to end
    other.join(10)
    assert events == ["first collects", "prepare", "second collects"]

    with first_collection(tmp_path, ["tests"], lambda: events.append("prepare again")):
        events.append("warm: collects at once")
    with first_collection(tmp_path, ["tests/storage"], lambda: events.append("prepare for other arguments")):
        events.append("other arguments collect first")
    assert events[3:] == ["warm: collects at once", "other arguments collect first"]
