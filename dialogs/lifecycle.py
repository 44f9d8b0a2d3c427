"""An application's record and its life, as the operator manual (seed 000) describes it:

    填写基本信息 (draft) → 线上材料待审核 (submitted) → 外服退材料 (returned) → … resubmitted …
                                                 ↘ 预审通过 (approved) → 确认申办信息 (confirmed) → 已完成 (done)
                                                    ↓ ↑ staff correct it and approve again (2 natural days anew)
                                                 申办信息有误 (disputed): never confirmed automatically

Pure functions over plain dicts (stored by ``storage``): each takes the current record and returns
the new one, or raises :class:`LifecycleError` with a message the person can act on. Every status
change appends to ``history`` with a sequence number, from which notifications are derived.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from dialogs import clock
from dialogs.checklist import catalogue
from dialogs.flows.application import BONUS_FOLLOW_UPS

Record = dict[str, Any]

STATUS_LABELS = {
    "draft": "填写基本信息",
    "submitted": "线上材料待审核",
    "returned": "外服退材料",
    "approved": "预审通过",
    "disputed": "申办信息有误（待核实）",
    "confirmed": "确认申办信息",
    "done": "已完成",
}
#: What the applicant reads on the upload page and in the chat's 进度: words of someone uploading, not the
#: platform's own ("外服退材料"). Statuses missing here are shown with their STATUS_LABELS word.
APPLICANT_STATUS = {"draft": "待上传材料", "submitted": "审核中", "returned": "需补充材料",
                    "approved": "预审通过，待确认", "confirmed": "已确认", "done": "已完成"}
#: The stage an applicant and staff both name: a draft whose checklist is made is uploading (its status
#: stays "draft" until it is submitted, so STATUS_LABELS alone would say 填写基本信息 to staff).
UPLOADING = "上传材料"


def stage(record: Record) -> str:
    """The stage of ``record`` in words, as the applicant sees it in 进度 and staff in their list."""
    status = record.get("status") or "draft"
    if status == "draft" and record.get("checklist"):
        return UPLOADING
    return STATUS_LABELS.get(status, "未知状态")


MATERIAL_LABELS = {"missing": "未上传", "uploaded": "已上传", "approved": "已审核", "returned": "已退回"}

# action -> (statuses it may start from, status it leads to)
MOVES: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({"draft", "returned"}), "submitted"),
    "return": (frozenset({"submitted", "disputed"}), "returned"),
    "approve": (frozenset({"submitted", "disputed"}), "approved"),
    # The manual confirms automatically only an applicant who did nothing: a dispute goes back to staff.
    "dispute": (frozenset({"approved"}), "disputed"),
    # The applicant takes the report back ("算了 不改了 确认吧"): the approval stands again, to be confirmed.
    "withdraw_dispute": (frozenset({"disputed"}), "approved"),
    # Staff withdraw a return found wrong on re-checking (the applicant contested it): back under review.
    "reopen": (frozenset({"returned"}), "submitted"),
    # ...or the return of some of its materials only (try18 U24): the others stay returned, to be uploaded again.
    "reopen_items": (frozenset({"returned"}), "returned"),
    # Staff open the bonus options for the applicant to add one missed (try18 U8): what the new option calls for is
    # to upload, as after a return; the materials approved already stay approved.
    "open_options": (frozenset({"submitted", "disputed", "returned"}), "returned"),
    "confirm": (frozenset({"approved"}), "confirmed"),
    "finish": (frozenset({"confirmed"}), "done"),
}
ACTION_LABELS = {"submit": "提交审核", "return": "退回", "approve": "预审通过", "dispute": "反馈申办信息有误",
                 "withdraw_dispute": "撤回申办信息有误", "reopen": "撤回退回", "reopen_items": "撤回部分退回",
                 "open_options": "开放加分选项", "confirm": "确认申办信息", "finish": "办结"}
REVIEWABLE = MOVES["approve"][0]  # what staff review: a submission, or a disputed approval to correct
CONFIRMATION_DAYS = 2  # manual 六: confirm within 2 natural days, else confirmed automatically


class LifecycleError(ValueError):
    """A change the record's status does not allow; ``message`` is shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _at(now: datetime) -> str:
    return clock.stamp(now)


def _moved(record: Record, action: str, now: datetime, **entry: Any) -> Record:
    sources, target = MOVES[action]
    if record.get("status") not in sources:
        raise LifecycleError(f"当前状态为“{STATUS_LABELS.get(record.get('status'), record.get('status'))}”，"
                             f"不能{ACTION_LABELS[action]}。")
    history = list(record.get("history") or [])
    history.append({"seq": len(history) + 1, "status": target, "at": _at(now),
                    **{k: v for k, v in entry.items() if v}})
    return {**record, "status": target, "history": history, "updated_at": _at(now)}



# -- the draft ---------------------------------------------------------------------
def saved_application(current: Record | None, *, application_id: str, user_id: str, business_type: str,
                      answers: dict[str, Any], checklist: Iterable[str], now: datetime) -> Record:
    """Create the record, or update its answers and checklist. Uploads for materials that are
    still required are kept; those the new answers no longer call for are set aside (``set_aside``),
    and come back when a later change calls for them again."""
    codes = list(checklist)
    if current is not None and current.get("status", "draft") != "draft":
        return _options_chosen_again(current, answers, now)
    if current is None:
        current = {"id": application_id, "user_id": user_id, "status": "draft", "created_at": _at(now),
                   "materials": {}, "history": [{"seq": 1, "status": "draft", "at": _at(now)}]}
    kept, set_aside = materials_for(current, codes)
    return {**current, "business_type": business_type, "answers": answers, "checklist": codes,
            "materials": kept, "set_aside": set_aside, "updated_at": _at(now)}


def _options_chosen_again(current: Record, answers: dict[str, Any], now: datetime) -> Record:
    """A submitted application's answers saved again: only while staff have opened its bonus options
    (:func:`options_opened`), and only those and their follow-ups changed. The checklist is made again: the materials
    kept stay as they were (approved ones approved), a new option's are to upload; the change is kept in
    ``answer_changes`` for the reviewer."""
    if not current.get("options_open") or current.get("status") != "returned":
        raise LifecycleError("申请已提交，填写的信息不能再修改。")
    before = dict(current.get("answers") or {})
    # only the fields opened are taken: the others stay as the application holds them (staff may have corrected one
    # since the chat saw it), and the checklist is made from the whole
    answers = {**{f: v for f, v in before.items() if f not in OPENED_FIELDS},
               **{f: v for f, v in answers.items() if f in OPENED_FIELDS}}
    if answers == before:
        return current
    codes = [m.code for m in catalogue().checklist(answers)]
    old = list(current.get("checklist") or [])
    materials, aside = materials_for(current, codes)
    change = {"field": "bonus_options", "before": list(before.get("bonus_options") or []),
              "after": list(answers.get("bonus_options") or []), "added": [c for c in codes if c not in old],
              "dropped": [c for c in old if c not in codes], "by": "applicant", "at": _at(now)}
    return {**current, "answers": answers, "checklist": codes, "materials": materials, "set_aside": aside,
            "answer_changes": [*(current.get("answer_changes") or []), change], "updated_at": _at(now)}


def materials_for(record: Mapping[str, Any] | None, codes: Iterable[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A draft's uploads once its checklist is ``codes``: (those of its items, those set aside). An upload is
    never dropped because an answer changed (已婚 → 未婚 → 已婚 keeps 配偶身份证): it waits aside, kept
    with its file, and is the item's again when the checklist names it again."""
    wanted = set(codes)
    every = {**((record or {}).get("set_aside") or {}), **((record or {}).get("materials") or {})}
    return ({c: m for c, m in every.items() if c in wanted}, {c: m for c, m in every.items() if c not in wanted})


def set_aside_by(record: Mapping[str, Any] | None, codes: Iterable[str]) -> list[str]:
    """The uploads of a draft that a checklist of ``codes`` would set aside (said before it is confirmed)."""
    if not is_draft(record):
        return []
    wanted = set(codes)
    return [c for c in (record or {}).get("materials") or {} if c not in wanted]


def restored_by(record: Mapping[str, Any] | None, codes: Iterable[str]) -> list[str]:
    """The uploads set aside earlier that a checklist of ``codes`` takes back."""
    if not is_draft(record):
        return []
    return [c for c in codes if c in ((record or {}).get("set_aside") or {}) and c not in ((record or {}).get("materials") or {})]


def is_draft(record: Record | None) -> bool:
    return record is not None and record.get("status", "draft") == "draft"


# -- materials ---------------------------------------------------------------------
def material_status(record: Mapping[str, Any], code: str) -> str:
    return (record.get("materials") or {}).get(code, {}).get("status", "missing")


def replaceable(record: Mapping[str, Any]) -> list[str]:
    """The materials the applicant may upload now: any before submission, only the returned ones
    after a return, none while under review or after approval."""
    status = record.get("status")
    if status == "draft":
        return list(record.get("checklist") or [])
    if status == "returned":
        # (missing: called for by a bonus option added since the bonus options were opened, ``options_opened``)
        return [c for c in record.get("checklist") or [] if material_status(record, c) in ("returned", "missing")
                or (record.get("materials") or {}).get(c, {}).get("replaces_returned")]
    return []


def check_replaceable(record: Mapping[str, Any], code: str) -> None:
    if code not in (record.get("checklist") or []):
        raise LifecycleError("这项材料不在您的材料清单里。")
    if code in replaceable(record):
        return
    status = record.get("status")
    if status == "returned":
        raise LifecycleError("这项材料没有被退回，不需要重新上传；只需重新上传被退回的材料。")
    raise LifecycleError(f"申请当前状态为“{STATUS_LABELS.get(status, status)}”，材料暂时不能更改。")


def with_material(record: Record, code: str, file: Mapping[str, Any], now: datetime) -> Record:
    """The record with ``file`` (sha256, pages, size, …) as the upload for ``code``."""
    check_replaceable(record, code)
    materials = dict(record.get("materials") or {})
    # After a return, a re-upload may itself be replaced until the application is resubmitted.
    again = record.get("status") == "returned"
    returns = _returns_kept(materials.get(code) or {})
    materials[code] = {**file, "status": "uploaded", "uploaded_at": _at(now),
                       **({"replaces_returned": True} if again else {}), **({"returns": returns} if returns else {})}
    return {**record, "materials": materials, "updated_at": _at(now)}


def _returns_kept(item: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The returns a new file for ``item`` carries (oldest first, each ``{reason, by, at}``): those its earlier
    files carried, and its own when it is returned. The reviewer re-checking the new file sees what was asked."""
    returns = list(item.get("returns") or [])
    if item.get("status") == "returned":
        returns.append({"reason": item.get("reason"), "by": item.get("reviewed_by"), "at": item.get("reviewed_at")})
    return returns


def without_material(record: Record, code: str, now: datetime) -> Record:
    """The record with the upload for ``code`` removed (before submission only)."""
    if record.get("status") != "draft":
        raise LifecycleError("提交审核后不能删除材料；被退回的材料请直接上传新的文件替换。")
    materials = {c: m for c, m in (record.get("materials") or {}).items() if c != code}
    return {**record, "materials": materials, "updated_at": _at(now)}


def missing_materials(record: Mapping[str, Any]) -> list[str]:
    """Checklist items still to upload: never uploaded, or returned and not replaced."""
    return [c for c in record.get("checklist") or [] if material_status(record, c) in ("missing", "returned")]


# -- submission and review -------------------------------------------------------------
def submitted(record: Record, now: datetime) -> Record:
    """Submit for review: every material of the checklist must be there. Uploads set aside by a changed answer
    are dropped: the answers are settled (a submitted application's answers no longer change), so nothing
    brings them back, and what is submitted is all the reviewers see."""
    missing = missing_materials(record)
    if missing:
        raise LifecycleError(f"还有 {len(missing)} 项材料没有上传，全部上传后才能提交审核。")
    materials = {c: {k: v for k, v in m.items() if k != "replaces_returned"}
                 for c, m in (record.get("materials") or {}).items()}
    return {**_moved(record, "submit", now), "materials": materials, "set_aside": {}, "submitted_at": _at(now),
            "return_reason": None, "options_open": None}


def reviewed(record: Record, *, materials: Mapping[str, Mapping[str, str]], decision: str, reason: str,
             reviewer: str, now: datetime, corrections: Mapping[str, Any] | None = None,
             finding: str = "") -> Record:
    """Apply a staff review: a status per material (approved / returned + reason) and the overall
    decision, "returned" (with a summary reason) or "approved" (every material approved). A disputed
    application is reviewed again once staff have checked what the applicant reported: the answers
    they corrected (``corrections``, field -> parsed value) and/or what they found (``finding``, e.g.
    why nothing was changed) are kept for the applicant's notice; approving it without either is
    refused, and approving it starts the 2 natural days anew."""
    if record.get("status") not in REVIEWABLE:
        raise LifecycleError(f"当前状态为“{STATUS_LABELS.get(record.get('status'))}”，"
                             "只有待审核或申办信息有误的申请可以审核。")
    record = _dispute_checked(record, dict(corrections or {}), finding.strip(), decision, reviewer, now)
    current = dict(record.get("materials") or {})
    for code, verdict in materials.items():
        if code not in current:
            raise LifecycleError(f"材料“{material_name(code)}”不在这份申请里。")
        status = verdict.get("status")
        if status not in ("approved", "returned"):
            raise LifecycleError(f"材料“{material_name(code)}”的审核结果应为通过或退回。")
        if status == "returned" and not (verdict.get("reason") or "").strip():
            raise LifecycleError(f"退回“{material_name(code)}”时必须写明退回原因。")
        if status == "approved" and (verdict.get("reason") or "").strip():
            # kept, it would read as 退回原因 beside a material that passed, to the next reviewer
            raise LifecycleError(f"材料“{material_name(code)}”审核通过，却写了退回原因：要退回请改为退回，要通过请去掉原因。")
        current[code] = {**current[code], "status": status, "reason": (verdict.get("reason") or "").strip() or None,
                         "reviewed_at": _at(now), "reviewed_by": reviewer}
    updated = {**record, "materials": current}
    if decision == "approved":
        pending = [c for c in record.get("checklist") or [] if material_status(updated, c) != "approved"]
        if pending:
            raise LifecycleError(f"还有 {len(pending)} 项材料未审核通过：{'、'.join(map(material_name, pending))}。"
                                 "请逐项选“通过”，或改为退回申请。")
        deadline = confirmation_deadline(now)
        return {**_moved(updated, "approve", now, by=reviewer), "approved_at": _at(now),
                "confirm_by": _at(deadline), "return_reason": None, "reminded_at": None}
    if decision == "returned":
        returned = [c for c in record.get("checklist") or [] if material_status(updated, c) == "returned"]
        if not returned:
            raise LifecycleError("退回申请时至少要退回一项材料并写明原因。")
        summary = reason.strip() or "请按提示重新上传被退回的材料。"
        return {**_moved(updated, "return", now, by=reviewer, reason=summary), "return_reason": summary}
    raise LifecycleError("审核结论应为退回或预审通过。")


def return_withdrawn(record: Record, *, note: str, reviewer: str, now: datetime,
                     materials: Collection[str] = ()) -> Record:
    """A return withdrawn by staff (found wrong on re-checking, e.g. after the applicant contested it): the
    application is under review again, as submitted; each material still returned waits for a review again
    (its file kept, the withdrawn return kept among its ``returns`` for the next reviewer), one re-uploaded
    meanwhile is reviewed as it is. ``note`` (why) is kept on the history and told to the applicant.
    With ``materials`` (codes of returned materials), only their returns are withdrawn: while others stay
    returned the application stays returned (the applicant still uploads those), the ones withdrawn named on
    the history."""
    if not note.strip():
        raise LifecycleError("撤回退回时必须写明原因（会告诉申请人）。")
    items = record.get("materials") or {}
    returned = [code for code, item in items.items() if item.get("status") == "returned"]
    if not_returned := [code for code in materials if code not in returned]:
        raise LifecycleError(f"这些材料当前没有被退回，不能撤回退回：{'、'.join(not_returned)}。")
    withdrawn = [code for code in returned if not materials or code in materials]
    everything = len(withdrawn) == len(returned)
    if everything and (opened := record.get("options_open")) \
            and any(change.get("at", "") >= opened.get("at", "") for change in record.get("answer_changes") or []):
        # chosen again since staff opened them: under review again, the new option's material would wait unuploaded
        raise LifecycleError("申请人已按开放的加分选项重新选择，需要补传新材料，不能撤回退回；请等待申请人重新提交。")
    changed = {}
    for code, item in items.items():
        if code in withdrawn:
            # the return just withdrawn kept, marked so: the file is the one it was returned for, no new one answering it
            # (try21 X48: the console showed it as the "上次退回" a new file had to fix)
            returns = _returns_kept(item)
            returns[-1] = {**returns[-1], "withdrawn": True}
            item = {k: v for k, v in item.items() if k not in ("reason", "reviewed_at", "reviewed_by")}
            item = {**item, "status": "uploaded", "returns": returns}
        if code in withdrawn or everything:  # under review again: no longer a re-upload waiting for a submission
            item = {k: v for k, v in item.items() if k != "replaces_returned"}
        changed[code] = item
    if not everything:
        moved = _moved(record, "reopen_items", now, by=reviewer, reason=note.strip(), reopened=True, withdrawn=withdrawn)
        return {**moved, "materials": changed}
    moved = _moved(record, "reopen", now, by=reviewer, reason=note.strip(), reopened=True)
    # the bonus options opened (``options_opened`` returns the application) are closed with the return withdrawn:
    # withdrawing undoes the opening, and an application under review is never changed by the applicant
    return {**moved, "materials": changed, "return_reason": None, "reopened_at": _at(now), "options_open": None}


def correctable(record: Mapping[str, Any]) -> bool:
    """Whether staff may correct the answers as they review: a report of 申办信息有误, or a submission whose applicant
    said an answer was wrong meanwhile (``correction_reported``)."""
    return record.get("status") == "disputed" or (record.get("status") == "submitted"
                                                  and bool(open_corrections(record)))


def open_corrections(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The applicant's reports of a wrong answer (``correction_reported``) no review has acted on yet: one that
    corrected an answer or wrote a finding, or an approval, handles them (``handled_at``, review3 R6: the
    application stayed correctable, the console's warning shown, through every later review)."""
    return [c for c in record.get("reported_corrections") or [] if not c.get("handled_at")]


def _corrections_handled(record: Record, reviewer: str, now: datetime) -> Record:
    if not open_corrections(record):
        return record
    handled = [c if c.get("handled_at") else {**c, "handled_at": _at(now), "handled_by": reviewer}
               for c in record.get("reported_corrections") or []]
    return {**record, "reported_corrections": handled}


def _dispute_checked(record: Record, corrections: dict[str, Any], finding: str, decision: str, reviewer: str,
                     now: datetime) -> Record:
    """The record with staff's answer to a dispute applied: without one, a disputed application is not
    approved again (the applicant would be told it was corrected when nothing was). A submission whose applicant
    said an answer was wrong while it waited (``reported_corrections``, try18 U33) is corrected the same way, and
    may be decided without a correction (the reviewer found it right)."""
    if not correctable(record):
        if corrections or finding:
            raise LifecycleError("只有申请人反馈“申办信息有误”的申请可以更正申办信息或填写核实结果。")
        return record
    if not (corrections or finding):
        if decision == "approved" and record.get("status") == "disputed":
            raise LifecycleError("申请人反馈了申办信息有误：请更正对应的申办信息，或写明核实结果"
                                 "（例如核实后无需更正的原因），再预审通过。")
        # approved as it is: the reviewer found the answers right; a return leaves the reports to the next review
        return _corrections_handled(record, reviewer, now) if decision == "approved" else record
    answers = dict(record.get("answers") or {})
    unknown = [f for f in corrections if f not in answers]
    if unknown:
        raise LifecycleError(f"这份申请没有填写这些项目，不能更正：{'、'.join(unknown)}。")
    corrected = {**answers, **corrections}
    if [m.code for m in catalogue().checklist(corrected)] != [m.code for m in catalogue().checklist(answers)]:
        # New or dropped materials need the applicant's uploads: a return, not a silent edit.
        raise LifecycleError("这项更正会改变材料清单，不能直接更正：漏选的加分选项请“开放加分选项”由申请人重新选择，"
                             "其他请转交客服与申请人联系。")
    outcome = {"corrected": list(corrections), "finding": finding, "by": reviewer, "at": _at(now)}
    return {**_corrections_handled(record, reviewer, now), "answers": corrected, "dispute_outcome": outcome}


#: The answers an applicant may still change at a returned application: options taken off, never put on
#: (a reviewer returns a bonus's proof saying the bonus does not apply; dropping it is the way out).
DROPPABLE_AFTER_RETURN = ("bonus_options",)


def options_dropped(record: Record, field: str, kept: Iterable[str], now: datetime) -> Record:
    """A returned application with options of ``field`` taken off by the applicant (``kept``: those left):
    the checklist made again from the new answers, only ever shorter; the materials no longer called for go
    with their returns (nothing to re-upload for them), their files set aside until the resubmission drops them. The change is kept in ``answer_changes`` (the field,
    before and after, the materials dropped) for the reviewer who checks the resubmission."""
    if record.get("status") != "returned":
        raise LifecycleError("只有被退回的申请可以去掉加分项；其他情况填写的信息不能再修改。")
    if field not in DROPPABLE_AFTER_RETURN:
        raise LifecycleError("提交后只能去掉加分选项，其他信息不能再修改。")
    answers = dict(record.get("answers") or {})
    before = list(answers.get(field) or [])
    kept = [code for code in before if code in set(kept)]
    if kept == before:
        raise LifecycleError("加分选项没有变化。")
    changed = {**answers, field: kept}
    checklist = [m.code for m in catalogue().checklist(changed)]
    old = list(record.get("checklist") or [])
    if not set(checklist) <= set(old):  # taking an option off never asks for a new paper
        raise LifecycleError("这项修改会增加新的材料，不能在退回后修改，请回复“人工”。")
    dropped = [code for code in old if code not in checklist]
    materials, aside = materials_for(record, checklist)  # their files set aside: dropped at the resubmission
    change = {"field": field, "before": before, "after": kept, "dropped": dropped, "by": "applicant", "at": _at(now)}
    return {**record, "answers": changed, "checklist": checklist, "materials": materials, "set_aside": aside,
            "answer_changes": [*(record.get("answer_changes") or []), change], "updated_at": _at(now)}


#: What staff may open again for the applicant to choose after submission (try18 U8: a bonus option missed, which
#: no return could add): the bonus options, with the questions an option brings.
OPENABLE = ("bonus_options",)
OPENED_FIELDS = ("bonus_options", *(field for asked in BONUS_FOLLOW_UPS.values() for field in asked))


def options_opened(record: Record, field: str, note: str, *, reviewer: str, now: datetime) -> Record:
    """Staff open ``field`` (the bonus options) for the applicant to choose again in chat, ``note`` (what to add,
    told to them) on the history: the application is returned to them (需补充材料) until they resubmit; what they
    add calls for its materials (:func:`_options_chosen_again`), the others stay as reviewed."""
    if field not in OPENABLE:
        raise LifecycleError("提交后只能开放加分选项让申请人重新选择。")
    if not note.strip():
        raise LifecycleError("开放加分选项时必须写明说明（会告诉申请人，例如需要补选哪一项加分）。")
    if "bonus_options" not in (record.get("answers") or {}):
        raise LifecycleError("这份申请的业务类型没有加分选项。")
    opened = {"field": field, "note": note.strip(), "by": reviewer, "at": _at(now)}
    moved = _moved(record, "open_options", now, by=reviewer, reason=note.strip(), options_opened=field)
    return {**moved, "options_open": opened, "return_reason": note.strip()}


def material_name(code: str) -> str:
    """What people call a checklist item (messages never name the internal code)."""
    known = catalogue().materials.get(code)
    return known.name if known else "未知材料"


# -- after approval -----------------------------------------------------------------------
def confirmation_deadline(approved_at: datetime) -> datetime:
    """The end (23:59:59, Shanghai) of the second natural day after approval, counted in Shanghai."""
    return clock.end_of_day(clock.in_shanghai(approved_at).date() + timedelta(days=CONFIRMATION_DAYS))


def confirmed(record: Record, now: datetime, *, automatic: bool = False) -> Record:
    """The applicant confirmed (or the deadline passed): 确认申办信息, then 已完成."""
    record = _moved(record, "confirm", now, by="system" if automatic else "applicant")
    return {**_moved(record, "finish", now), "confirmed_at": _at(now), "auto_confirmed": automatic}


def dispute_withdrawn(record: Record, now: datetime) -> Record:
    """The applicant took back a report of 申办信息有误 (staff are told on the same case): approved again."""
    return _moved(record, "withdraw_dispute", now, by="applicant")


def due_for_auto_confirmation(record: Mapping[str, Any], now: datetime) -> bool:
    """Whether the clock confirms the approval now: the deadline passed and the applicant did nothing. A new mobile
    or e-mail sent and not yet decided by staff is doing something (try18 U12: the old number was confirmed and
    reported while the new one waited); the decision starts the two days again (``contact_change_decided``)."""
    deadline = record.get("confirm_by")
    return (record.get("status") == "approved" and bool(deadline) and not record.get("pending_contact")
            and clock.parse(deadline) <= clock.in_shanghai(now))


def disputed(record: Record, text: str, now: datetime) -> Record:
    """申办信息有误: the report is kept for staff and the application goes back to them (status
    disputed), out of reach of the automatic confirmation. A further report while staff check is
    added to the first."""
    status = record.get("status")
    if status not in ("approved", "disputed"):
        raise LifecycleError("只有预审通过、待确认的申请可以反馈申办信息有误。")
    text = text.strip()
    if not text:
        raise LifecycleError("请说明哪里有误，例如“单位名称不对”。")
    # The report itself stays out of the history: it may quote personal data, and only
    # ``disputes`` is encrypted at rest.
    moved = _moved(record, "dispute", now, by="applicant") if status == "approved" else record
    disputes = [*(record.get("disputes") or []), {"text": text[:500], "at": _at(now)}]
    return {**moved, "disputes": disputes, "updated_at": _at(now)}


# -- an answer said wrong while the reviewers have it ------------------------------------------------
#: Where a correction is kept for the reviewer (``correction_reported``): before the decision on the application.
CORRECTABLE_BY_REVIEW = ("submitted", "returned")


def correction_reported(record: Record, text: str, now: datetime) -> Record:
    """An answer said wrong by the applicant while the application is under review or returned for materials (try18
    U33: "我身份证号填错了 应该是…" reached no one): their words kept in ``reported_corrections`` (encrypted at rest, as
    ``disputes`` is) for the reviewer, who corrects it or asks; the answers themselves are not changed."""
    if record.get("status") not in CORRECTABLE_BY_REVIEW:
        raise LifecycleError("只有审核中或被退回的申请可以这样反馈信息有误。")
    text = text.strip()
    if not text:
        raise LifecycleError("请说明哪里有误，例如“单位名称写错了，应该是…”。")
    reported = [*(record.get("reported_corrections") or []), {"text": text[:500], "at": _at(now)}]
    return {**record, "reported_corrections": reported, "updated_at": _at(now)}


# -- contact details changed after submission ---------------------------------------------------------
#: The answers an applicant may still change once the form is locked: how staff and the review's outcome reach
#: them. The change waits for staff (``pending_contact``, encrypted at rest as the answers are), who apply it to
#: the application or decline it; the applicant is told either way.
CONTACT_FIELDS = ("mobile", "email")
CONTACT_DECISIONS = ("apply", "decline")


def contact_change_asked(record: Record, field: str, value: str, now: datetime) -> Record:
    """A new mobile or e-mail sent after submission, kept beside the answer it would replace (both values) until
    staff decide; a second one for the same field replaces the first. Not on a draft (the applicant edits it
    themselves) nor on a finished application."""
    if field not in CONTACT_FIELDS:
        raise LifecycleError("提交后只能申请更换手机号码或电子邮箱。")
    if record.get("status") in (None, "draft", "done"):
        raise LifecycleError("这份申请现在不能申请更换联系方式。")
    pending = dict(record.get("pending_contact") or {})
    pending[field] = {"old": (record.get("answers") or {}).get(field), "new": value, "at": _at(now)}
    return {**record, "pending_contact": pending, "updated_at": _at(now)}


def contact_change_decided(record: Record, field: str, decision: str, *, reviewer: str, now: datetime,
                           note: str = "") -> Record:
    """Staff apply a pending change of contact details (the answer takes the new value) or decline it (the answer
    stays); either way it leaves ``pending_contact`` and is noted, without its values, in ``contact_decisions``."""
    if decision not in CONTACT_DECISIONS:
        raise LifecycleError("处理结果应为采用（apply）或不采用（decline）。")
    pending = dict(record.get("pending_contact") or {})
    change = pending.pop(field, None)
    if change is None:
        raise LifecycleError("这份申请没有待处理的这项联系方式变更。")
    answers = dict(record.get("answers") or {})
    if decision == "apply":
        answers[field] = change["new"]
    noted = {"field": field, "decision": decision, "by": reviewer, "at": _at(now), "asked_at": change.get("at"),
             **({"note": note.strip()} if note.strip() else {})}
    # an approval waiting for its confirmation was held while the change waited: two natural days again from now,
    # as after a report of 申办信息有误 answered, once no other change waits
    again = {"confirm_by": _at(confirmation_deadline(now)), "reminded_at": None} \
        if record.get("status") == "approved" and not pending else {}
    return {**record, "answers": answers, "pending_contact": pending, **again,
            "contact_decisions": [*(record.get("contact_decisions") or []), noted], "updated_at": _at(now)}
