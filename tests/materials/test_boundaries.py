"""materials/ is pure domain: importing it pulls in no web, chat or storage code."""
from __future__ import annotations

import subprocess
import sys


def test_importing_materials_loads_no_flask_wechatpy_redis_bot_or_storage():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, materials; print(' '.join(sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout.split()

    forbidden = {"flask", "wechatpy", "redis", "bot", "storage"}
    assert not {name.split(".")[0] for name in loaded} & forbidden
