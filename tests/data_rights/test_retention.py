"""RETENTION_DAYS: the files of an application done longer ago are deleted by a scheduled job;
the record, its material metadata included, stays and says when the files went."""
from __future__ import annotations

from datetime import datetime, timedelta

import time_machine

from bot.desk.accounts import audit_trail
from bot.desk.data_rights import purge_expired_files
from bot.background.tasks import run
from bot.background.schedule import TASKS
from tests.support.data_rights import finish, make_applicant
from tests.support.zones import SHANGHAI_OFFSET

DONE_AT = datetime(2026, 1, 10, 9, 30, tzinfo=SHANGHAI_OFFSET)
RETENTION = timedelta(days=180)


def purge(runtime, now):
    return purge_expired_files(runtime.store, runtime.files, retention=RETENTION, now=now)


def test_files_of_an_application_done_longer_ago_than_the_retention_are_deleted_and_the_record_kept(
        runtime, applicant):
    finish(runtime, applicant.application_id, DONE_AT)
    assert purge(runtime, DONE_AT + RETENTION + timedelta(minutes=1)) == 1
    assert not any(runtime.files.exists(sha) for sha in applicant.shas.values())
    record = runtime.store.get("application", applicant.application_id)
    assert record["status"] == "done" and record["files_purged_at"] == "2026-07-09T09:31:00+08:00"
    assert {code: m["sha256"] for code, m in record["materials"].items()} == applicant.shas  # metadata kept
    assert audit_trail(runtime.store)[-1]["detail"] == {"applications": 1, "files_deleted": len(applicant.shas),
                                                        "files_kept_shared": 0}


def test_an_application_done_more_recently_keeps_its_files(runtime, applicant):
    finish(runtime, applicant.application_id, DONE_AT)
    assert purge(runtime, DONE_AT + RETENTION - timedelta(minutes=1)) == 0
    assert all(runtime.files.exists(sha) for sha in applicant.shas.values())


def test_an_application_not_done_keeps_its_files_however_old(runtime, applicant):
    assert purge(runtime, datetime.now() + timedelta(days=3650)) == 0
    assert all(runtime.files.exists(sha) for sha in applicant.shas.values())


def test_a_file_another_live_application_uses_is_kept(runtime, applicant):
    code, sha = next(iter(applicant.shas.items()))
    neighbour = make_applicant(runtime, "oApplicantB", contents={code: runtime.files.read(sha)})
    finish(runtime, applicant.application_id, DONE_AT)
    purge(runtime, DONE_AT + RETENTION + timedelta(days=1))
    assert runtime.files.exists(sha) and runtime.files.exists(neighbour.shas[code])
    assert sum(runtime.files.exists(s) for s in applicant.shas.values()) == 1


def test_a_second_run_finds_nothing_more_to_purge(runtime, applicant):
    finish(runtime, applicant.application_id, DONE_AT)
    later = DONE_AT + RETENTION + timedelta(days=1)
    assert (purge(runtime, later), purge(runtime, later)) == (1, 0)


def test_the_scheduled_task_purges_once_retention_days_have_passed(runtime, applicant):
    finish(runtime, applicant.application_id, DONE_AT)
    job = TASKS["retention"][1]
    with time_machine.travel(DONE_AT + timedelta(days=179), tick=False):
        run(runtime, job, {})
        assert "files_purged_at" not in runtime.store.get("application", applicant.application_id)
    with time_machine.travel(DONE_AT + timedelta(days=181), tick=False):
        run(runtime, job, {})
        assert runtime.store.get("application", applicant.application_id)["files_purged_at"].startswith("2026-07-10")


def test_the_transcript_of_an_applicant_quiet_past_the_retention_with_nothing_in_progress_goes(runtime, applicant):
    from bot.desk.data_rights import purge_quiet_transcripts

    quiet = make_applicant(runtime, "oQuiet")
    finish(runtime, quiet.application_id, DONE_AT)
    [escalation] = runtime.store.find("escalation", user_id="oQuiet")
    assert escalation["status"] == "open"
    runtime.store.append("transcript", "oNoApplication", {"at": DONE_AT.isoformat(timespec="seconds"), "in": "你好"})
    last_said = max(entry["at"] for user in ("oQuiet", applicant.openid)
                    for entry in runtime.store.read_log("transcript", user))
    later = datetime.fromisoformat(last_said) + RETENTION + timedelta(minutes=1)

    assert purge_quiet_transcripts(runtime.store, retention=RETENTION, now=later - timedelta(minutes=2)) == 1
    assert purge_quiet_transcripts(runtime.store, retention=RETENTION, now=later) == 0  # support still has it open
    runtime.store.update("escalation", escalation["id"], lambda e: {**e, "status": "closed"})
    assert purge_quiet_transcripts(runtime.store, retention=RETENTION, now=later) == 1
    assert runtime.store.read_log("transcript", "oQuiet") == [] == runtime.store.read_log("transcript", "oNoApplication")
    assert runtime.store.read_log("transcript", applicant.openid)  # a draft still in progress: kept
    assert runtime.store.get("application", quiet.application_id)["status"] == "done"  # records stay
    assert audit_trail(runtime.store)[-1]["detail"] == {"transcripts": 1}


def test_files_no_application_points_to_are_collected_after_a_day(runtime, applicant):
    from bot.desk.data_rights import collect_unreferenced_files

    orphan = runtime.files.put(b"%PDF-1.7 a replaced upload")
    now = datetime.now()
    assert collect_unreferenced_files(runtime.store, runtime.files, now=now) == 0  # too new: maybe in flight
    assert collect_unreferenced_files(runtime.store, runtime.files, now=now + timedelta(days=2)) == 1
    assert not runtime.files.exists(orphan)
    assert all(runtime.files.exists(sha) for sha in applicant.shas.values())


def test_an_upload_set_aside_by_a_changed_answer_is_no_orphan(runtime, applicant):
    """已婚 → 未婚 sets 配偶身份证 aside: its file waits for a change back, never collected meanwhile (fix26, T44)."""
    from bot.desk.data_rights import collect_unreferenced_files

    code, sha = next(iter(applicant.shas.items()))
    runtime.store.update("application", applicant.application_id, lambda r: {
        **r, "materials": {c: m for c, m in r["materials"].items() if c != code},
        "set_aside": {code: r["materials"][code]}})
    assert collect_unreferenced_files(runtime.store, runtime.files, now=datetime.now() + timedelta(days=2)) == 0
    assert runtime.files.exists(sha)
