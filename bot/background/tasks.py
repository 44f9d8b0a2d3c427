"""What each background job does, as a table: job name -> the function, given the process's parts.

This is the one module that turns "a job name and its keyword arguments" into a call on the
services, handing each service what it uses (the outbox, the WeChat client, the files…). The
runners (:mod:`bot.background.jobs`) and the schedule only ever name a job."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.applicant.material_jobs import build_material
from bot.desk import confirmations, data_rights
from bot.observe.metrics import count_job_failure

if TYPE_CHECKING:
    from bot.runtime import Runtime

log = logging.getLogger(__name__)


def _housekeeping(runtime: Runtime) -> None:
    """Expired keys out of SQLite (Redis expires its own)."""
    purge = getattr(runtime.store, "purge_expired", None)
    if purge is not None:
        purge()


def _build_material(runtime: Runtime, **kwargs: Any) -> None:
    build_material(runtime.wechat, runtime.files, runtime.applications, **kwargs)


# name -> function taking the runtime and the job's keyword arguments
TASKS: dict[str, Callable[..., None]] = {
    "build_material": _build_material,
    "housekeeping": _housekeeping,
    "deliver": lambda runtime, *, notification_id: runtime.outbox.deliver(notification_id),
    "outbox_reconcile": lambda runtime: runtime.outbox.reconcile(),
    "outbox_sweep": lambda runtime: runtime.outbox.sweep(),
    "confirmation_sweep": lambda runtime: confirmations.sweep(runtime.applications, runtime.outbox),
    "purge_finished_files": lambda runtime: data_rights.purge_finished_files(
        runtime.store, runtime.files, retention_days=runtime.config.retention_days),
}


def run(runtime: Runtime, name: str, kwargs: dict[str, Any]) -> None:
    """Run one job now, logging (never raising) its failure: a job failure must not kill a runner."""
    try:
        TASKS[name](runtime, **kwargs)
    except Exception:  # noqa: BLE001
        log.exception("job %s failed", name)
        try:
            count_job_failure(runtime.store, name)
        except Exception:  # noqa: BLE001 - the Store may be why the job failed; the log line stays
            log.warning("job %s failure not counted: the store is unavailable", name)
