"""Every word the desk shows for a code: one table, read by the console's templates, the API's
Chinese messages and the upload page. A code that reaches a person is a bug; ``label`` falls back
to a neutral word, never to the code itself.

Application statuses come from ``dialogs.lifecycle.STATUS_LABELS`` (where the flow defines them),
so a status added there (e.g. "disputed") is named here, counted on the dashboard and offered as a
queue filter without another change.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from bot.desk.accounts import ROLE_LABELS
from dialogs.checklist import catalogue
from dialogs.flows.application import QUESTIONS
from dialogs.lifecycle import APPLICANT_STATUS, MATERIAL_LABELS, STATUS_LABELS

APPLICANT_MATERIAL = {"missing": "未上传", "uploaded": "已上传", "approved": "审核通过", "returned": "需重新上传"}

ESCALATION_REASON = {"requested": "申请人要求人工", "low_confidence": "问答没有把握", "repeated_failure": "多次填写失败",
                     "dispute": "申办信息有误", "staff_flag": "预审人员转交", "erase": "申请删除个人信息",
                     "erase_withdrawn": "撤回删除个人信息申请", "human_withdrawn": "申请人表示不再需要人工",
                     "dispute_withdrawn": "申请人撤回申办信息有误并已确认", "mobile_changed": "提交后更换手机号码",
                     "return_contested": "申请人对退回有异议", "complaint": "申请人投诉"}
ESCALATION_STATUS = {"open": "处理中", "closed": "已结束"}
#: What a review answered in an escalation (request reason → note): the system closes the escalation with it, or notes it
#: on one still holding a request for a person. ``{outcome}``: what the reviewer corrected or found, and the decision.
ESCALATION_ANSWERED = {"dispute": "申办信息已由预审人员核实：{outcome}", "dispute_withdrawn": "申办信息已由预审人员核实：{outcome}",
                       "return_contested": "退回异议：申请已预审通过"}
#: The note the system closes a contested return's escalation with when staff withdraw the return (try21 X32).
CONTEST_RETURN_WITHDRAWN = "退回异议：退回已由预审人员撤回（{note}）"
#: The note the system closes a dispute's escalation with when the applicant took the dispute back and confirmed.
DISPUTE_TAKEN_BACK = "申请人已撤回申办信息有误，并确认了申办信息"
NOTIFICATION_EVENT = {"returned": "材料退回", "submitted": "退回已撤回", "approved": "预审通过", "done": "自动确认办结", "reminder": "确认提醒",
                      "support_reply": "客服回复", "escalation_closed": "人工服务结束",
                      "contact_change": "联系方式变更结果"}
NOTIFICATION_STATE = {"pending": "待发送", "sending": "发送中", "sent": "已发送", "retrying": "等待重试",
                      "failed": "发送失败", "unconfirmed": "结果未知", "superseded": "已过时未发送"}
CHANNEL = {"text": "客服消息", "template": "模板消息"}
WHO = {"applicant": "申请人", "bot": "积分助手", "support": "客服"}
CHART_SERIES = {"submitted": "提交审核", "returned": "退回"}
AUDIT_ACTION = {
    "console.login": "登录工作台", "console.logout": "退出工作台",
    "review.returned": "退回申请", "review.approved": "预审通过", "review.reopened": "撤回退回",
    "review.options_opened": "开放加分选项", "application.flag": "转交客服",
    "application.view_personal": "查看完整证件号和手机号",
    "application.claim": "领取申请",
    "application.contact_applied": "采用申请人新的联系方式", "application.contact_declined": "不采用申请人新的联系方式",
    "application.assign": "指派申请", "application.release": "放回队列", "application.export": "导出表格",
    "application.auto_confirm": "到期自动确认", "notification.resend": "重发通知",
    "escalation.reply": "回复申请人", "escalation.close": "结束人工服务",
    "account.add": "新建账号", "account.token": "重新生成令牌", "account.password": "修改密码",
    "account.disable": "停用账号", "account.enable": "启用账号",
    "data.delete": "删除个人数据", "data.export": "导出个人数据", "data.rekey": "重新加密数据",
    "retention.purge_transcripts": "到期删除聊天记录", "retention.collect_files": "清理无用文件",
    "retention.purge_files": "到期删除材料文件",
}
#: The audit log's detail keys, as the log page names them.
AUDIT_DETAIL = {"reason": "原因", "materials": "材料", "status": "结果", "note": "说明", "escalation": "人工服务编号",
                "reply": "第几条回复", "chars": "字数", "ip": "地址", "role": "角色", "files": "文件数",
                "files_deleted": "删除文件数", "transcripts": "聊天记录数", "applications": "申请数",
                "to": "指派给", "until": "有效至", "rows": "行数", "what": "内容", "fields": "字段",
                "previous": "重发前状态", "field": "项目"}
#: Actors that are not accounts: in the audit log, and in an application's history (the applicant
#: confirms or reports wrong details; the system confirms at the deadline).
AUDIT_ACTOR = {"cli": "命令行", "system": "系统", "applicant": "申请人"}
#: What the target's kind is called ("application:42" → 申请 42).
TARGET_KIND = {"application": "申请", "escalation": "人工服务", "account": "账号", "user": "申请人",
               "store": "数据库", "files": "文件", "transcripts": "聊天记录", "applications": "申请",
               "notification": "通知"}
#: Menu clicks and other events the transcript writes as "[name]".
EVENT = {"subscribe": "关注公众号", "start": "点击菜单“办理”", "progress": "点击菜单“进度”", "faq": "点击菜单“常见问题”",
         "human": "点击菜单“人工”"}
#: Where an applicant was in the conversation (escalation notes name the step).
STEP = {**{name: question.label for name, question in QUESTIONS.items()},
        "permit_too_short": "居住证有效期不足", "summary": "核对信息", "materials": "上传材料"}
#: WeChat's refusals of a notification, in words (errcode -> why); others are named by their code.
WECHAT_ERROR = {45015: "超出 48 小时客服消息时限", 45047: "客服消息条数已用完", 40003: "微信用户标识无效",
                40037: "模板编号无效", 43004: "用户已取消关注", 47001: "消息格式有误", 45002: "消息过长",
                -1: "微信系统繁忙"}
IN_DOUBT_ERROR = "请求已送达微信，但没有收到答复；为免重复，不自动重发"
_ERRCODE = re.compile(r"errcode=(-?\d+)")
EARLIER_ERROR = "；此前："  # between why a notice lapsed and the error its earlier attempts met (the outbox writes it)
_OWN_WORDS = re.compile(r"[\u4e00-\u9fff]")  # the outbox's own reasons are Chinese; what WeChat and the network say is not

#: The console's live counts (bot.desk.reports.LIVE_COUNTS); "disputed" is named by the lifecycle once it has it.
LIVE_COUNT = {"new_submissions": "待审核", "disputes": STATUS_LABELS.get("disputed", "申办信息有误"),
              "open_escalations": "人工服务待处理"}


def status(code: str | None) -> str:
    return STATUS_LABELS.get(code or "", "未知状态")


def applicant_status(code: str | None) -> str:
    return APPLICANT_STATUS.get(code or "") or status(code)


def label(table: Mapping[str, str], code: str | None, fallback: str = "其他") -> str:
    """``table[code]``, or ``fallback`` (never the code)."""
    return table.get(code or "", fallback)


_STEP_NOTE = re.compile(r"(当前步骤：|^)([a-z_]{3,})(?=$|[:：])")
_EVENT = re.compile(r"\[([a-z_]+)\]")


def readable(text: str) -> str:
    """A note or transcript line with the flow's step names and event names in words:
    "当前步骤：materials" → "当前步骤：上传材料", "id_number: 格式不对" → "身份证号码：格式不对",
    "[subscribe]" → "[关注公众号]"."""
    text = _STEP_NOTE.sub(lambda m: m.group(1) + STEP.get(m.group(2), "其他步骤"), text)
    text = re.sub(r"^(\S+): ", r"\1：", text)
    return _EVENT.sub(lambda m: f"[{EVENT.get(m.group(1), '其他操作')}]", text)


def audit_detail(detail: Mapping[str, object]) -> str:
    """An audit entry's detail in words: "原因：…；材料：持证人身份证 退回（不清晰）"."""
    def shown(key: str, value: object) -> str:
        if key == "materials" and isinstance(value, Mapping):
            parts = []
            for code, verdict in value.items():
                known = catalogue().materials.get(code)
                verdict = verdict if isinstance(verdict, Mapping) else {}
                word = MATERIAL_LABELS.get(str(verdict.get("status")), "")
                reason = f"（{verdict['reason']}）" if verdict.get("reason") else ""
                parts.append(f"{known.name if known else '材料'} {word}{reason}")
            return "、".join(parts)
        if key == "role":
            return ROLE_LABELS.get(str(value), "其他角色")
        if key == "previous":  # a resent notification's state before
            return label(NOTIFICATION_STATE, str(value))
        if isinstance(value, Mapping):
            return "，".join(f"{AUDIT_DETAIL.get(k, '其他')} {v}" for k, v in value.items())
        if isinstance(value, list | tuple):
            return "、".join(str(v) for v in value)
        return str(value)

    return "；".join(f"{AUDIT_DETAIL.get(key, '其他')}：{shown(key, value)}" for key, value in detail.items()
                     if value not in (None, "", {}, []))


def delivery_error(error: str) -> str:
    """A notification's recorded error as staff read it: WeChat's refusal in words, never its English; our own
    words (why a notice lapsed) as they are, with the error its earlier attempts met."""
    own, earlier, before = error.partition(EARLIER_ERROR)
    if earlier:
        return own + earlier + delivery_error(before)
    if _OWN_WORDS.search(error) and not _ERRCODE.search(error):
        return error
    if error.startswith("request reached WeChat"):
        return IN_DOUBT_ERROR
    found = _ERRCODE.search(error)
    if found is None or found.group(1) == "None":
        return "网络或服务异常，未收到微信的答复"
    code = int(found.group(1))
    return f"微信拒收（错误码 {code}）：{WECHAT_ERROR.get(code, '见微信接口文档')}"


def audit_target(target: str) -> str:
    kind, _, ident = target.partition(":")
    return f"{TARGET_KIND.get(kind, '其他')} {ident}".strip()


def template_labels() -> dict[str, object]:
    """The tables as the console's templates use them."""
    return {"status_labels": STATUS_LABELS, "material_labels": MATERIAL_LABELS, "role_labels": ROLE_LABELS,
            "labels": {"ESCALATION_REASON": ESCALATION_REASON, "ESCALATION_STATUS": ESCALATION_STATUS,
                       "NOTIFICATION_EVENT": NOTIFICATION_EVENT, "NOTIFICATION_STATE": NOTIFICATION_STATE,
                       "CHANNEL": CHANNEL, "WHO": WHO, "CHART_SERIES": CHART_SERIES, "AUDIT_ACTION": AUDIT_ACTION,
                       "AUDIT_ACTOR": AUDIT_ACTOR, "LIVE_COUNT": LIVE_COUNT},
            "readable": readable, "audit_detail": audit_detail, "audit_target": audit_target,
            "delivery_error": delivery_error}
