"""``python -m bot data export``: everything kept about one applicant, as JSON."""
from __future__ import annotations

import json
from datetime import datetime

from bot.cli.data import main
from bot.desk.data_rights import export_user
from tests.support.data_rights import ID_NUMBER, MOBILE, make_applicant, messages_sent
from tests.support.zones import SHANGHAI_OFFSET


def test_an_export_holds_state_applications_with_answers_materials_and_history_escalations_and_transcript(
        runtime, applicant):
    export = export_user(runtime.store, runtime.files, applicant.openid, datetime(2026, 11, 25, 12, 0, tzinfo=SHANGHAI_OFFSET))
    assert export["user_id"] == applicant.openid and export["exported_at"] == "2026-11-25T12:00:00+08:00"
    assert export["conversation"]["state"] == "materials"
    [record] = export["applications"]
    assert record["answers"]["id_number"] == ID_NUMBER and record["answers"]["mobile"] == MOBILE  # decrypted
    assert {code: m["sha256"] for code, m in record["materials"].items()} == applicant.shas
    assert [entry["status"] for entry in record["history"]] == ["draft"]
    assert [e["reason"] for e in export["escalations"]] == ["requested"]
    assert [n["id"] for n in export["notifications"]] == [f"{applicant.application_id}:2"]
    assert export["transcript"][0]["in"] == "你好" and len(export["transcript"]) == messages_sent()
    assert sorted(f["sha256"] for f in export["files"]) == sorted(applicant.shas.values())
    assert all(f["stored"] and f["application_id"] == applicant.application_id for f in export["files"])


def test_an_export_holds_nothing_of_another_applicant(runtime, applicant):
    other = make_applicant(runtime, "oApplicantB")
    export = export_user(runtime.store, runtime.files, applicant.openid, datetime.now())
    assert other.openid not in json.dumps(export)


def test_the_command_prints_json_and_copies_the_files_by_sha256(runtime, applicant, env, capsys, tmp_path):
    assert main(["export", "--user", applicant.openid, "--files-to", str(tmp_path / "copy")]) == 0
    export = json.loads(capsys.readouterr().out)
    assert export["applications"][0]["id"] == applicant.application_id
    copied = {path.name: path.read_bytes() for path in (tmp_path / "copy").iterdir()}
    assert copied == {f"{sha}.pdf": runtime.files.read(sha) for sha in applicant.shas.values()}


def test_the_command_exits_1_when_nothing_is_kept_for_that_openid(runtime, env, capsys):
    assert main(["export", "--user", "oNobody"]) == 1
    assert "nothing is stored" in capsys.readouterr().err
