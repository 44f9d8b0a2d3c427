"""Every statement of fact the bot makes, with its sources, in one table: the 服务须知 and the
commitment, each checklist requirement, the notices the outbox sends and the fixed replies that state
a rule. ``python -m bot kb check`` verifies each against the seed it cites (:mod:`knowledge.check`).

A notice is listed with the function that writes it, called on a sample record, so the text checked
is the text sent.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from dialogs import render
from dialogs.checklist import catalogue
from dialogs.flows import application as flow
from dialogs.sources import Source, seed
from dialogs.why_asked import why_asked


@dataclass(frozen=True)
class Statement:
    where: str
    text: str
    sources: tuple[Source, ...]


_APPROVAL = seed("000", "六、预审通过", "人社局官网", "2个自然日", "确认申办信息", "申办信息有误", "自动确认申办信息")
_NOT_THE_APPLICATION = seed("000", "六、预审通过", "并非直接向人才中心提出积分申请", "后续操作流程邮件及短信",
                            "积分申办延迟甚至失败")
_TO_THE_CENTRE = (
    seed("002", "一、非沪籍新办上海居住证积分", "个人签字、单位盖章", "单位注册地的区人才服务中心受理点"),
    seed("003", "所有积分申请材料均须核对原件", "核对原件、留复印件"),
    seed("004", "闵行区人才服务中心", "邮寄"),
)
_RENEWAL_ONLINE = (
    seed("002", "二、非沪籍续办上海居住证积分", "等待受理", "表示网审通不过", "窗口交材料"),
    seed("004", "宝山区人才服务中心", "网上申报和网上审核", "单位人事审核通过后上传即可"),
)

SAMPLE_RECORD: Mapping[str, Any] = {
    "id": "sample", "status": "approved", "business_type": "new", "confirm_by": "2026-11-26T23:59:59+08:00",
    "checklist": ["id_card"], "return_reason": "请补充",
    "materials": {"id_card": {"status": "returned", "reason": "扫描不清晰"}},
}

# notice or reply writer -> (what it is, its sources); each is called on SAMPLE_RECORD
NOTICES: dict[Callable[[Mapping[str, Any]], str], tuple[str, tuple[Source, ...]]] = {
    render.approved_notice: ("预审通过通知", (_APPROVAL, _NOT_THE_APPLICATION, *_TO_THE_CENTRE)),
    render.confirmation_reminder: ("确认提醒", (seed("000", "六、预审通过", "确认申办信息", "申办信息有误",
                                                 "自动确认申办信息"),)),
    render.auto_confirmed_notice: ("自动确认办结通知", (seed("000", "六、预审通过", "2个自然日", "自动确认申办信息",
                                                        "后续操作流程邮件及短信"),)),
    render.reopened_notice: ("退回撤回通知", (seed("000", "3、上传预审材料", "等待外服公司的材料预审"),)),
    render.returned_notice: ("材料退回通知", (seed("000", "五、补充预审材料", "政策口径调整", "额外补充其他材料",
                                                 "积分申请失败"),)),
}

# fixed reply -> (what it is, its sources)
FIXED_REPLIES: tuple[tuple[str, str, tuple[Source, ...]], ...] = (
    ("手机号码的提问", flow.QUESTIONS["mobile"].prompt,
     (seed("000", "1、填写基本信息。", "后续办理过程中通知使用", "确保准确无误"),)),
    ("邮箱地址的提问", flow.QUESTIONS["email"].prompt, (seed("000", "六、预审通过", "后续操作流程邮件"),)),
    ("子女人数的提问", flow.QUESTIONS["children"].prompt,
     (seed("003", "填写“同住人信息”", "同住子女"), seed("001", "7、填写家庭情况", "享受积分相关待遇"))),
    ("不同意承诺并质疑时的答复", render.CONSENT_REFUSED_WITH_PROTEST,
     (seed("000", "居住证积分申报材料真实性承诺", "若有任何隐瞒及造假", "承担一切后果及责任"),)),
    ("帮助", render.HELP, (seed("000", "六、预审通过", "并非直接向人才中心提出积分申请", "后续操作流程"),)),
    ("确认申办信息后的答复", render.confirmed_text(), (seed("000", "六、预审通过", "后续操作流程邮件及短信"),)),
    ("积分续办预审通过后的下一步", render.NEXT_STEPS["renew"], (_NOT_THE_APPLICATION, *_RENEWAL_ONLINE)),
    ("居住证有效期不足", render.permit_too_short_prompt("2026-12-01", date(2026, 11, 24)),
     (seed("000", "3、上传预审材料", "两个月以上有效期"), seed("000", "居住证有效期", "居住证签注"))),
    ("调档的四个月提示", render.transfer_note("2027-01-30", date(2026, 11, 24)) or "",
     (seed("000", "3、上传预审材料", "需要调档", "四个月以上有效期"),)),
    ("材料清单的格式要求", render.materials_intro([]), (seed("000", "3、上传预审材料", "小于2M", "PDF"),)),
)


def statements() -> Iterator[Statement]:
    """Every statement of the table, as the applicant reads it."""
    yield Statement("服务须知（通用）", flow.PLATFORM_NOTICE.text, flow.PLATFORM_NOTICE.sources)
    labels = {option.code: option.label for option in flow.BUSINESS_TYPES}
    for code, notice in flow.TYPE_NOTICES.items():
        yield Statement(f"服务须知（{labels[code]}）", flow.SERVICE_NOTICE[code], notice.sources)
    yield Statement("真实性承诺", flow.COMMITMENT.text, flow.COMMITMENT.sources)
    for material in catalogue().materials.values():
        yield Statement(f"材料要求：{material.name}", material.shown_requirement, material.sources)
    for write, (where, sources) in NOTICES.items():
        yield Statement(where, write(SAMPLE_RECORD), sources)
    for where, text, sources in FIXED_REPLIES:
        yield Statement(where, text, sources)
    for field, reason in why_asked().reasons.items():  # "问这个干嘛": why each answer is asked
        label = flow.QUESTIONS[field].label if field in flow.QUESTIONS else "全部信息"
        yield Statement(f"为什么要填{label}", reason.text, reason.sources)
