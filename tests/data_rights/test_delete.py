"""``python -m bot data delete``: everything kept about one applicant goes, files included unless
another application uses the same content; the audit log keeps counts and a hash, nothing personal."""
from __future__ import annotations

import json

import pytest

from bot.desk.accounts import audit_trail
from bot.cli.data import main
from bot.desk.data_rights import delete_user
from bot.observe.logs import user_hash
from tests.support.data_rights import ID_NUMBER, MOBILE, make_applicant, messages_sent


@pytest.fixture
def neighbour(runtime, applicant):
    """Another applicant, one of whose materials is byte for byte the same file as the first's."""
    shared_code, shared_sha = next(iter(applicant.shas.items()))
    return make_applicant(runtime, "oApplicantB", contents={shared_code: runtime.files.read(shared_sha)})


def delete(runtime, openid):
    return delete_user(runtime.store, runtime.files, openid, actor="cli", secret_key=runtime.config.secret_key)


def test_deleting_an_applicant_removes_their_records_transcript_and_files(runtime, applicant):
    deletion = delete(runtime, applicant.openid)
    store = runtime.store
    assert store.get("conversation", applicant.openid) is None
    for kind in ("application", "escalation", "notification"):
        assert store.find(kind, user_id=applicant.openid) == []
    assert store.read_log("transcript", applicant.openid) == []
    assert not any(runtime.files.exists(sha) for sha in applicant.shas.values())
    assert (deletion.conversation, deletion.applications, deletion.escalations, deletion.notifications,
            deletion.transcript_entries, deletion.files_deleted) == (1, 1, 1, 1, messages_sent(), len(applicant.shas))


def test_another_applicants_data_and_a_file_they_share_stay(runtime, applicant, neighbour):
    shared = next(iter(applicant.shas.values()))
    deletion = delete(runtime, applicant.openid)
    assert deletion.files_kept_shared == 1 and deletion.files_deleted == len(applicant.shas) - 1
    assert runtime.files.exists(shared)
    assert all(runtime.files.exists(sha) for sha in neighbour.shas.values())
    assert runtime.store.get("conversation", neighbour.openid)["state"] == "materials"
    assert len(runtime.store.find("application", user_id=neighbour.openid)) == 1
    assert len(runtime.store.find("escalation", user_id=neighbour.openid)) == 1
    assert len(runtime.store.read_log("transcript", neighbour.openid)) == messages_sent()


def test_the_audit_entry_names_the_user_by_hash_and_holds_counts_only(runtime, applicant):
    delete(runtime, applicant.openid)
    entry = audit_trail(runtime.store)[-1]
    assert entry["action"] == "data.delete" and entry["actor"] == "cli"
    assert entry["target"] == f"user:{user_hash(applicant.openid, runtime.config.secret_key)}"
    assert entry["detail"]["applications"] == 1
    written = json.dumps(entry, ensure_ascii=False)
    assert applicant.openid not in written and ID_NUMBER not in written and MOBILE not in written


def test_the_command_deletes_and_prints_the_counts(runtime, applicant, env, capsys):
    assert main(["delete", "--user", applicant.openid]) == 0
    assert "applications: 1" in capsys.readouterr().out
    assert runtime.store.find("application", user_id=applicant.openid) == []
