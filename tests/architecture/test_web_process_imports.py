"""A web worker never loads the libraries that decode untrusted files: photos and PDFs are opened only
in the materials pool's worker processes (materials/protocol.py is all the pool's side needs), so
the web process neither spends its start importing them nor keeps their memory."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DECODERS = ("PIL", "pillow_heif", "img2pdf", "pikepdf", "pypdf")


@pytest.mark.slow  # a fresh interpreter that loads and warms the whole app
def test_the_warmed_web_app_imports_no_file_decoder(tmp_path):
    script = ("import sys, bot.app\n"
              "bot.app.create_app().extensions['runtime'].warm_up()\n"
              f"print(sorted(m for m in {DECODERS!r} if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**{k: v for k, v in os.environ.items() if not k.startswith(("STORE_URL", "WECHAT_"))},
                               "DATA_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
