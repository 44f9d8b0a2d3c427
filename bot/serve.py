"""``python -m bot serve``: the web app under gunicorn, with the settings the Procfile uses."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from bot.config import from_env


def main(argv: list[str]) -> int:
    config = from_env()  # fail here, with a clear message, rather than in every worker
    config.data_dir.mkdir(parents=True, exist_ok=True)
    conf = Path(__file__).with_name("gunicorn_conf.py")
    args = [sys.executable, "-m", "gunicorn", "-c", str(conf), *argv, "bot.app:create_app()"]
    print(f"积分助手 listening on port {config.port} (store: {config.store_url.split('?')[0]})", flush=True)
    os.execv(sys.executable, args)
    return 0  # not reached
