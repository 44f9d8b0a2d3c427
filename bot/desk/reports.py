"""What the desk reports: the exports staff download (the queue and the review decisions, as CSV) and the counts
the console's dashboard and every page's live figures show. The JSON API and the console both call these.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from bot.applicant.applications import STATUS_DAYS
from bot.desk import labels
from bot.desk.review import BUSINESS_TYPE_LABELS, DECISIONS, ApplicationFilter, claim_of, summary
from dialogs import clock, lifecycle
from dialogs.lifecycle import STATUS_LABELS, Record
from storage.base import Store


# -- exports (CSV, UTF-8 with a BOM so that Excel reads the Chinese) ----------------------------
QUEUE_COLUMNS = ("申请编号", "提交时间", "等待（分钟）", "姓名", "身份证号码", "手机号码", "业务类型", "状态",
                 "待审", "已审核", "已退回", "未上传", "审核人")
DECISION_COLUMNS = ("审核时间", "申请编号", "姓名", "业务类型", "结论", "审核人", "退回说明", "退回的材料", "各项退回原因")


def queue_csv(store: Store, records: Iterable[Record]) -> str:
    """The queue as a spreadsheet: what the list shows (personal numbers masked)."""
    now = clock.now()
    rows = []
    for record in records:
        row = summary(record, now)
        held = claim_of(store, record["id"], now)
        rows.append((row["id"], clock.minute(row["submitted_at"]), row["waiting_minutes"], row["name"],
                     row["id_number"], row["mobile"], row["business_type_label"], row["status_label"],
                     *(row["materials"][s] for s in ("uploaded", "approved", "returned", "missing")),
                     held.by if held else ""))
    return _csv(QUEUE_COLUMNS, rows)


def decisions_csv(records: Iterable[Record], wanted: ApplicationFilter) -> str:
    """Every review decision (预审通过 or 退回) in the applications, dated within ``wanted``'s range."""
    rows = []
    for record in records:
        answers = record.get("answers") or {}
        for entry in record.get("history") or []:
            day = clock.day(entry["at"])
            if entry["status"] not in DECISIONS or (wanted.submitted_from and day < wanted.submitted_from.isoformat()) \
                    or (wanted.submitted_to and day > wanted.submitted_to.isoformat()):
                continue
            returned = {lifecycle.material_name(code): reason for code, item in (record.get("materials") or {}).items()
                        if entry["status"] == "returned" and (reason := _returned_at(item, entry["at"])) is not None}
            rows.append((clock.minute(entry["at"]), record["id"], answers.get("name"),
                         BUSINESS_TYPE_LABELS.get(record.get("business_type"), "其他业务"),
                         labels.status(entry["status"]), entry.get("by"), entry.get("reason") or "", "、".join(returned),
                         "；".join(f"{name}：{reason}" for name, reason in returned.items())))
    return _csv(DECISION_COLUMNS, sorted(rows, key=lambda row: row[0]))


def _returned_at(item: Mapping[str, Any], at: str) -> str | None:
    """The reason the material was returned with by the decision taken at ``at`` (its current return, or
    one its file has been replaced since: a later resubmission does not erase what that return asked
    for); None when that decision did not return it."""
    if item.get("status") == "returned" and item.get("reviewed_at") == at:
        return item.get("reason") or ""
    return next((r.get("reason") or "" for r in item.get("returns") or [] if r.get("at") == at), None)


def _csv(columns: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return "\ufeff" + out.getvalue()


# -- counting (the dashboard) --------------------------------------------------------------------
def status_counts(store: Store) -> dict[str, int]:
    """Applications per status, every status present (from the status index: nothing is loaded)."""
    return {status: store.count("application", status=status) for status in STATUS_LABELS}


def daily_counts(store: Store, statuses: tuple[str, ...], last_day: date,
                 days: int) -> tuple[list[date], dict[str, list[int]]]:
    """How many times each of ``statuses`` was reached on each of the ``days`` up to ``last_day``
    (a resubmission counts as a submission), from the changes counted by day as they were made."""
    dates = [last_day - timedelta(days=days - 1 - i) for i in range(days)]
    per_day = [Counter(e.get("status") for e in store.read_log(STATUS_DAYS, d.isoformat())) for d in dates]
    return dates, {status: [counts.get(status, 0) for counts in per_day] for status in statuses}


#: The live counts on every console page: name -> (kind, status). A status added to the lifecycle
#: (e.g. "disputed") is counted by adding its row; a status not (yet) used counts 0.
LIVE_COUNTS: dict[str, tuple[str, str]] = {
    "new_submissions": ("application", "submitted"),
    "disputes": ("application", "disputed"),
    "open_escalations": ("escalation", "open"),
}


def live_counts(store: Store) -> dict[str, int]:
    """The figures the console refreshes without a reload (read from the indexes: nothing loaded)."""
    return {name: store.count(kind, status=status) for name, (kind, status) in LIVE_COUNTS.items()}
