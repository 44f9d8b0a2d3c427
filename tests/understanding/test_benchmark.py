"""The understanding benchmark scores the held-out set (never trained on) and reports it."""
from __future__ import annotations

from benchmarks.understanding import HELDOUT_DIR, score
from dialogs.understanding import interpret
from dialogs.understanding.corpus import load_examples


def test_the_held_out_score_is_reported_per_point_and_per_kind():
    heldout = load_examples(HELDOUT_DIR)
    assert len(heldout) >= 500
    report = score(heldout, lambda point, text: interpret(point, text)[0])
    assert report.total[0] == len(heldout)
    assert set(report.by_point) == {e.point for e in heldout} and set(report.by_kind) == {e.kind for e in heldout}
    # Deterministic: the same figure every run. A floor well under the figure measured (see README),
    # so the test fails on a broken classifier, not on a small change.
    assert report.accuracy(full=False) >= 0.6
