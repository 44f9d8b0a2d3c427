"""``python -m bot serve``: the web app under gunicorn, with the settings the Procfile uses."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from bot.config import ConfigError, from_env


def main(argv: list[str]) -> int:
    config = from_env()  # fail here, with a clear message, rather than in every worker
    _check_material_pool_settings()
    config.data_dir.mkdir(parents=True, exist_ok=True)
    conf = Path(__file__).with_name("gunicorn_conf.py")
    args = [sys.executable, "-m", "gunicorn", "-c", str(conf), *argv, "bot.app:create_app()"]
    print(f"积分助手 listening on port {config.port} (store: {config.store_url.split('?')[0]})", flush=True)
    os.execv(sys.executable, args)
    return 0  # not reached


def _check_material_pool_settings() -> None:
    """MATERIAL_WORKERS, MATERIAL_QUEUE, MATERIAL_MEMORY_MB: read by each worker's materials pool."""
    from materials import PoolSettings

    try:
        PoolSettings.from_env()
    except ValueError as error:
        raise ConfigError(str(error)) from error
