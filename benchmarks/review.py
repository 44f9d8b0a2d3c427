"""A reviewer's morning in Chromium: 20 submitted applications of 11 materials (16 approved, 4 with
a material returned with its reason), cleared through the console against the bot under gunicorn.
Runs the browser test that does it (``tests/browser/test_review_day.py``, which also checks the
click budget) and prints that run's figures: seconds per application and actions per decision.

    .venv/bin/python benchmarks/review.py
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST = "tests/browser/test_review_day.py::test_a_reviewer_clears_twenty_applications_within_the_click_budget"
TIMING = ROOT / "test-artifacts" / "review-timing.json"


def main() -> int:
    TIMING.unlink(missing_ok=True)
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "browser", TEST],
                         cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0 or not TIMING.exists():
        print(run.stdout[-3000:], run.stderr[-2000:], sep="\n", file=sys.stderr)
        return 1
    figures = json.loads(TIMING.read_text(encoding="utf-8"))
    print(f"{figures['applications']} applications of {figures['materials_each']} materials cleared in Chromium")
    print(f"seconds per application: {figures['seconds_per_application']:.2f}")
    print(f"actions per approval (most): {figures['actions_per_approval']}  (budget 3)")
    print(f"actions per return with a reason (most): {figures['actions_per_return']}  (budget 6)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
