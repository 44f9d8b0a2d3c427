"""An application's life, as the operator manual describes it (seed 000, sections 四 to 七)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from dialogs import lifecycle as lc
from dialogs.clock import SHANGHAI

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI)
CHECKLIST = ["commission_form", "id_card"]
FILE = {"sha256": "a" * 64, "pages": 1, "size": 1000}


def draft() -> dict:
    return lc.saved_application(None, application_id="app1", user_id="u1", business_type="new",
                                answers={"name": "张三"}, checklist=CHECKLIST, now=NOW)


def complete() -> dict:
    record = draft()
    for code in CHECKLIST:
        record = lc.with_material(record, code, FILE, NOW)
    return record


def test_submission_needs_every_material():
    record = lc.with_material(draft(), "commission_form", FILE, NOW)
    with pytest.raises(lc.LifecycleError, match="还有 1 项材料没有上传"):
        lc.submitted(record, NOW)
    record = lc.submitted(complete(), NOW)
    assert record["status"] == "submitted" and record["history"][-1]["status"] == "submitted"


def test_nothing_changes_while_under_review():
    record = lc.submitted(complete(), NOW)
    with pytest.raises(lc.LifecycleError, match="线上材料待审核"):
        lc.with_material(record, "id_card", FILE, NOW)


def test_a_return_needs_a_reason_per_material_and_reopens_only_those():
    record = lc.submitted(complete(), NOW)
    with pytest.raises(lc.LifecycleError, match="必须写明退回原因"):
        lc.reviewed(record, materials={"id_card": {"status": "returned"}}, decision="returned", reason="",
                    reviewer="staff1", now=NOW)
    record = lc.reviewed(record, materials={"commission_form": {"status": "approved"},
                                            "id_card": {"status": "returned", "reason": "扫描不清晰"}},
                         decision="returned", reason="请补充", reviewer="staff1", now=NOW)
    assert record["status"] == "returned" and record["return_reason"] == "请补充"
    assert lc.replaceable(record) == ["id_card"] and lc.missing_materials(record) == ["id_card"]
    with pytest.raises(lc.LifecycleError, match="没有被退回"):
        lc.with_material(record, "commission_form", FILE, NOW)
    record = lc.with_material(record, "id_card", FILE, NOW)
    record = lc.with_material(record, "id_card", {**FILE, "sha256": "b" * 64}, NOW)  # a wrong file, replaced
    assert lc.replaceable(record) == ["id_card"] and lc.missing_materials(record) == []
    record = lc.submitted(record, NOW)
    assert record["materials"]["id_card"]["sha256"] == "b" * 64 and lc.replaceable(record) == []
    assert "replaces_returned" not in record["materials"]["id_card"]
    assert [h["status"] for h in record["history"]] == ["draft", "submitted", "returned", "submitted"]


def test_approval_needs_every_material_approved():
    record = lc.submitted(complete(), NOW)
    with pytest.raises(lc.LifecycleError, match="未审核通过"):
        lc.reviewed(record, materials={"id_card": {"status": "approved"}}, decision="approved", reason="",
                    reviewer="s", now=NOW)
    record = lc.reviewed(record, materials={c: {"status": "approved"} for c in CHECKLIST}, decision="approved",
                         reason="", reviewer="s", now=NOW)
    assert record["status"] == "approved" and record["confirm_by"] == "2026-11-26T23:59:59+08:00"


def test_progress_of_an_approved_application_names_the_step_left_and_its_deadline():
    from dialogs.render import progress_text

    record = lc.reviewed(lc.submitted(complete(), NOW), materials={c: {"status": "approved"} for c in CHECKLIST},
                         decision="approved", reason="", reviewer="s", now=NOW)
    assert "请在 2026-11-26 23:59 前回复“确认申办信息”，有误请回复“申办信息有误”。" in progress_text("", 0, [], record)
    assert "确认申办信息”" not in progress_text("", 0, [], lc.submitted(complete(), NOW))


def test_confirmation_by_the_applicant_or_after_two_natural_days():
    record = lc.reviewed(lc.submitted(complete(), NOW), materials={c: {"status": "approved"} for c in CHECKLIST},
                         decision="approved", reason="", reviewer="s", now=NOW)
    assert not lc.due_for_auto_confirmation(record, datetime(2026, 11, 26, 23, 0, tzinfo=SHANGHAI))
    assert lc.due_for_auto_confirmation(record, datetime(2026, 11, 27, 0, 0, tzinfo=SHANGHAI))
    done = lc.confirmed(record, datetime(2026, 11, 27, tzinfo=SHANGHAI), automatic=True)
    assert done["status"] == "done" and done["auto_confirmed"] is True
    assert [h["status"] for h in done["history"]][-2:] == ["confirmed", "done"]
    with pytest.raises(lc.LifecycleError):
        lc.confirmed(done, NOW)


def approved() -> dict:
    return lc.reviewed(lc.submitted(complete(), NOW), materials={c: {"status": "approved"} for c in CHECKLIST},
                       decision="approved", reason="", reviewer="s", now=NOW)


def test_a_dispute_goes_back_to_staff_and_out_of_the_automatic_confirmation():
    record = lc.disputed(approved(), "单位名称不对", NOW)
    assert record["status"] == "disputed" and lc.STATUS_LABELS["disputed"].startswith("申办信息有误")
    assert record["disputes"][0]["text"] == "单位名称不对"
    assert record["history"][-1] == {"seq": 4, "status": "disputed", "at": "2026-11-24T10:00:00+08:00",
                                     "by": "applicant"}  # the report's text stays in the encrypted field only
    assert not lc.due_for_auto_confirmation(record, datetime(2026, 12, 31, tzinfo=SHANGHAI))
    with pytest.raises(lc.LifecycleError, match="申办信息有误"):
        lc.confirmed(record, NOW)
    record = lc.disputed(record, "职称也不对", NOW)  # a second report joins the first
    assert record["status"] == "disputed" and len(record["disputes"]) == 2 and len(record["history"]) == 4


def test_staff_re_approve_a_disputed_application_and_the_two_days_start_again():
    record = lc.disputed(approved(), "单位名称不对", NOW)
    record = {**record, "reminded_at": "2026-11-26T00:30:00+08:00"}
    later = datetime(2026, 11, 27, 15, 0, tzinfo=SHANGHAI)
    with pytest.raises(lc.LifecycleError, match="核实结果"):  # "corrected" with nothing corrected or said
        lc.reviewed(record, materials={}, decision="approved", reason="", reviewer="s", now=later)
    record = lc.reviewed(record, materials={}, decision="approved", reason="", reviewer="s", now=later,
                         finding="单位名称与劳动合同一致，无需更正")
    assert record["status"] == "approved" and record["confirm_by"] == "2026-11-29T23:59:59+08:00"
    assert record["reminded_at"] is None and record["approved_at"] == "2026-11-27T15:00:00+08:00"
    assert not lc.due_for_auto_confirmation(record, datetime(2026, 11, 29, 23, 0, tzinfo=SHANGHAI))


def test_the_deadline_counts_natural_days_in_shanghai():
    # 23:30 in Shanghai is 15:30 UTC the same day, but 01:30 the next day is still the 24th in UTC.
    late_evening = datetime(2026, 11, 24, 15, 30, tzinfo=timezone.utc)
    after_midnight = datetime(2026, 11, 24, 17, 30, tzinfo=timezone.utc)
    assert lc.confirmation_deadline(late_evening).isoformat() == "2026-11-26T23:59:59+08:00"
    assert lc.confirmation_deadline(after_midnight).isoformat() == "2026-11-27T23:59:59+08:00"


def test_an_old_record_with_naive_local_times_still_reads():
    record = {**approved(), "confirm_by": "2026-11-26T23:59:59"}  # written before timestamps had offsets
    local_deadline = datetime(2026, 11, 26, 23, 59, 59).astimezone()
    assert not lc.due_for_auto_confirmation(record, local_deadline - timedelta(seconds=1))
    assert lc.due_for_auto_confirmation(record, local_deadline)


def test_history_entries_are_numbered_for_notifications():
    record = lc.submitted(complete(), NOW)
    assert [h["seq"] for h in record["history"]] == [1, 2]


@pytest.mark.parametrize("business_type, next_step", [
    ("new", "连同申请材料递交到单位注册地的区人才服务中心受理点"),
    ("add_companion", "连同申请材料递交到单位注册地的区人才服务中心受理点"),
    ("renew", "若积分系统显示“等待受理”，表示网审通不过，需要到区人才服务中心窗口交材料"),
])
def test_the_approval_notice_says_the_pre_review_is_not_the_application_and_what_comes_next(business_type, next_step):
    from dialogs.render import approved_notice

    text = approved_notice({**approved(), "business_type": business_type})
    assert "向外服预审平台上传材料并非直接向人才中心提出积分申请" in text
    assert "后续操作流程邮件及短信提醒" in text and next_step in text
    assert "申办信息问题" not in text
