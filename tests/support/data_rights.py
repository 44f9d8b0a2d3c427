"""An applicant with something of everything the bot keeps: a conversation that reached the
materials, an application with uploaded files, an escalation, a notification, a transcript."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.applicant.applications import Applications
from bot.runtime import Runtime
from dialogs import lifecycle
from dialogs.events import Text

ID_NUMBER = "11010519491231002X"
MOBILE = "13800138000"


def messages_sent() -> int:
    """How many messages :func:`make_applicant` sends: the script, then 人工."""
    return len(script()) + 1


@dataclass
class Applicant:
    openid: str
    application_id: str
    shas: dict[str, str]  # material code -> SHA-256 of its file


def script() -> list[str]:
    expiry = date.today().replace(year=date.today().year + 2).isoformat()
    return ["你好", "积分新办", expiry, "同意", "张三", ID_NUMBER, "上海某某科技有限公司", "0", "已婚", MOBILE, "无",
            "0", "0", "确认"]


def make_applicant(runtime: Runtime, openid: str, *, contents: dict[str, bytes] | None = None) -> Applicant:
    """Chat up to the materials, upload a file per checklist item (``contents`` by code, else a file
    of the applicant's own), ask for a person, and be notified once."""
    for text in script():
        runtime.conversations.handle(openid, Text(text))
    application_id = runtime.store.get("conversation", openid)["application_id"]
    applications = Applications(runtime.store)  # no outbox listener: nothing is sent to WeChat here
    shas = {}
    for code in applications.get(application_id)["checklist"]:
        data = (contents or {}).get(code) or f"%PDF-1.7 {openid} {code}".encode()
        shas[code] = sha = runtime.files.put(data)
        applications.change(application_id, lambda r, code=code, sha=sha: lifecycle.with_material(
            r, code, {"sha256": sha, "pages": 1, "size": len(data), "source": "upload"}, datetime.now()))
    runtime.conversations.handle(openid, Text("人工"))
    runtime.store.put("notification", f"{application_id}:2", {
        "id": f"{application_id}:2", "user_id": openid, "status": "sent", "text": "您的申请已提交"})
    return Applicant(openid, application_id, shas)


def finish(runtime: Runtime, application_id: str, at: datetime) -> None:
    """Submit, approve and confirm the application at ``at``: it is done (已完成) from then on."""
    applications = Applications(runtime.store)
    record = applications.change(application_id, lambda r: lifecycle.submitted(r, at))
    verdicts = {code: {"status": "approved"} for code in record["checklist"]}
    applications.change(application_id, lambda r: lifecycle.reviewed(
        r, materials=verdicts, decision="approved", reason="", reviewer="staff1", now=at))
    applications.change(application_id, lambda r: lifecycle.confirmed(r, at))
