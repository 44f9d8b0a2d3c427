"""``python -m bot serve``: the web app under gunicorn, with the settings the Procfile uses.

The options are the bot's own (those of the Configuration table that shape the web process); each
sets its environment variable for gunicorn's settings (``bot/server/gunicorn_conf.py``) and the app.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bot.config import ConfigError, from_env
from materials import PoolSettings

# option -> (environment variable, help)
OPTIONS: dict[str, tuple[str, str]] = {
    "--port": ("PORT", "web port (default $PORT, else 8000)"),
    "--host": ("HOST", "address to listen on (default $HOST, else 0.0.0.0)"),
    "--workers": ("WEB_CONCURRENCY", "gunicorn processes (default $WEB_CONCURRENCY, else 2)"),
    "--threads": ("WEB_THREADS", "threads per process (default $WEB_THREADS, else 8 on Redis, 4 on SQLite)"),
    "--log-level": ("LOG_LEVEL", "INFO (one line per request) or WARNING (problems only)"),
}

# The web process's interpreter without docstrings (-OO): gunicorn's master imports every module once and
# each worker holds all their code, so the ~5 MB of docstrings in the libraries' and our own code were
# resident in every worker and never read (RSS 101 -> 96 MB a worker; nothing the web process runs reads a
# __doc__). -OO also drops ``assert`` statements: the code's own are import-time checks the tests run.
# The Procfile runs the same command.
INTERPRETER_FLAGS = ("-OO",)


def gunicorn_command(conf: Path | None = None) -> list[str]:
    """The web process as the Procfile starts it: gunicorn under this interpreter, with our settings."""
    conf = conf or Path(__file__).with_name("gunicorn_conf.py")
    return [sys.executable, *INTERPRETER_FLAGS, "-m", "gunicorn", "-c", str(conf), "bot.app:create_app()"]


def parser() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(
        prog="jifen serve", description="Run the web app (WeChat callback, upload page, staff API and console) "
                                        "under gunicorn. Every other setting comes from the environment: see the "
                                        "README's Configuration table.")
    for flag, (variable, help_text) in OPTIONS.items():
        options.add_argument(flag, dest=variable, metavar=variable, help=help_text)
    return options


def main(argv: list[str]) -> int:
    chosen = parser().parse_args(argv)  # --help prints the options above and exits 0; a bad one exits 2
    os.environ.update({variable: value for variable, value in vars(chosen).items() if value is not None})
    config = from_env()  # fail here, with a clear message, rather than in every worker
    _check_material_pool_settings()
    config.data_dir.mkdir(parents=True, exist_ok=True)
    args = gunicorn_command()
    print(f"积分助手 listening on port {config.port} (store: {config.store_url.split('?')[0]})", flush=True)
    os.execv(sys.executable, args)
    return 0  # not reached


def _check_material_pool_settings() -> None:
    """MATERIAL_WORKERS, MATERIAL_QUEUE, MATERIAL_MEMORY_MB: read by each worker's materials pool."""
    try:
        PoolSettings.from_env()
    except ValueError as error:
        raise ConfigError(str(error)) from error
