"""The application record: what an applicant has confirmed, its checklist and material
statuses, and its status history. Pure functions over plain dicts, stored by ``storage``."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any


def saved_application(current: dict[str, Any] | None, *, application_id: str, user_id: str,
                      business_type: str, answers: dict[str, Any], checklist: Iterable[str],
                      now: datetime) -> dict[str, Any]:
    """Create the record, or update its answers and checklist. Uploads for materials that are
    still required are kept; those the new answers no longer call for are dropped."""
    codes = list(checklist)
    at = now.isoformat(timespec="seconds")
    if current is None:
        current = {"id": application_id, "user_id": user_id, "status": "draft", "created_at": at,
                   "materials": {}, "history": [{"status": "draft", "at": at}]}
    kept = {code: m for code, m in (current.get("materials") or {}).items() if code in codes}
    return {**current, "business_type": business_type, "answers": answers, "checklist": codes,
            "materials": kept, "updated_at": at}


def is_draft(record: dict[str, Any] | None) -> bool:
    return record is not None and record.get("status", "draft") == "draft"
