"""Everything the application flow says that is more than a question's own prompt: welcome, help,
the consent text, the summary, the checklist and progress, the engine's and the material stage's
answers, and the notifications. One file, so the wording can be reviewed and changed in one place.

It reads the flow's data (questions, business types, notices, the permit rules); the flow never
reads it back: which state says what beyond its question is :data:`COMPUTED_PROMPTS`, here."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import cn2an

from dialogs import clock
from dialogs.checklist import Material, catalogue
from dialogs.events import (
    BuildMaterial, ChangeContact, ConfirmApplication, DiscardApplication, DisputeApplication, DropOptions, Effect, Escalate,
    ForgetUnconsented, ListHistory,
    OfferUploadLink, ReportCorrection, SaveApplication, SubmitApplication, WithdrawMaterial,
)
from dialogs.flows import application as flow
from dialogs import lifecycle
from dialogs.lifecycle import MATERIAL_LABELS, STATUS_LABELS, missing_materials
from dialogs.privacy import mask_id_number, mask_mobile, mask_text
from dialogs.sources import PUBLIC_CAVEAT
from dialogs.validators import add_months

WELCOME = ("您好，我是积分助手，可以帮您完成上海市居住证积分的线上预审：选择业务类型、填写基本信息、"
           "生成您的材料清单、上传材料、查看审核进度和退回原因。\n"
           "办理中随时可以直接提问，例如“闵行的材料寄到哪？”。")
COMMANDS = ("常用指令：返回（上一步）、修改 项目（如“修改 手机号码”）、进度、材料清单、暂存、重新开始、人工、帮助。")
HELP = (WELCOME + "\n" + COMMANDS + "\n说明：本平台只做预审，向预审平台上传材料并非直接向人才中心提出积分申请；"
        "预审通过后会告知您后续操作流程。")

# -- the engine: commands, corrections, questions ----------------------------------------------
HOW_TO_START = "回复“办理”开始，或直接回答："
WELCOME_BACK = "欢迎回来！我们从上次暂存的地方继续。"
GREETING_BACK = "您好，我在。"
# Small talk with its own reply: whether a person answers (no hand-off: how to reach one is said), a grumble
# about the process (acknowledged; the question waiting follows).
I_AM_THE_ASSISTANT = "我是积分助手（自动回复的预审助手），随时在线。需要真人帮忙请回复“人工”，客服会接着为您处理。"
SORRY_FOR_THE_WAIT = "抱歉让您久等了，这是您的申请现在的情况："
PERSON_IF_NEEDED = "如需工作人员处理，请回复“人工”。"
SORRY_FOR_THE_TROUBLE = "抱歉让您觉得麻烦了，这些信息是积分预审必须核对的，我们尽量快些办完。"
# Abuse ("你是猪吧", "关你屁事"): not argued with, nor repeated; the step waiting follows.
CALMLY_ON = "理解您可能有些着急，我们尽量快些办完。"
# A feeling of the applicant's own ("好累", "好紧张啊 第一次弄这个"): a kind word, then the step waiting, once.
TAKE_YOUR_TIME = "辛苦了，不着急，我们一步一步来。"
OKAY = "好的。"
ERASE_REQUESTED = ("已转告工作人员：删除您在本服务留下的个人信息。工作人员核实后会为您办理，并在这里告诉您结果；"
                   "已提交审核的申请需要先由工作人员撤回。改变主意请回复“不删了”。")
SUPPORT_NOT_NEEDED = "好的，已告诉客服您不需要人工协助了；之后需要时随时回复“人工”。"
ERASE_WITHDRAWN = "好的，已告诉工作人员您撤回了删除个人信息的申请，您的信息会保留。"
# Said after each turn while a request to erase is open: going on filling in does not take it back (try13 T44).
ERASE_STILL_ASKED = "提醒：您删除个人信息的申请还没有撤回，工作人员核实后会删除您的信息和申请。要继续办理请回复“不删了”。"
EDIT_LEFT = "好的，信息保持不变，回到材料清单。"
YOU_ARE_WELCOME = "不客气！还有问题可以直接问我，回复“进度”可以查看当前进度。"
ASK_AWAY = "请直接输入您的问题，例如“闵行的材料寄到哪？”“委托单有什么要求？”"
# an application made elsewhere (another WeChat, the HR office for them) is not visible here: said, and who can find it
NOTHING_BEGUN = ("您在这个微信里还没有开始办理，暂时没有进度可查。如果是用别的微信或由单位人事代为提交的，"
                 "请用提交时的那个微信查询，或回复“人工”，提供姓名和身份证号请客服帮您查找。")
NEW_AFTER_DONE = "上一次申请已办结，可以回复“历史”查看。现在开始新的申请："
SUMMARY_STEP = "核对信息"
# After an answer telling the asker the service is not theirs (本人是上海户籍), where nothing is begun: how to go on only
# if they still mean to, never the business types offered as though the answer had been yes (try21 X53).
IF_STILL_APPLYING = "如果您本人持有上海市居住证、确实要办理积分预审，再回复“办理”选择业务类型。"


def item_put_off(number: int | None, name: str) -> str:
    """The item chosen, none of its pages sent, put off to another day: let go, and how to choose it again."""
    again = f"到时回复 {number} 再选择它拍照发送" if number else "到时回复它的序号再选择它"
    return f"好的，“{name}”先不传了，{again}；在这之前发来的照片会先问是哪一项材料。"


SAVED_FOR_LATER = "已为您暂存，填写的信息都已保存。下次发送任意消息即可从这里继续。"
REST_LATER = "其余的等您方便时再发来就行，填写的信息都已保存。"
STILL_WITH_SUPPORT = "人工客服已经在处理您的问题，会尽快在这里回复您；您的这次提醒也已转给客服。等待期间可以继续办理。"
WITH_SUPPORT_PERSON = ("收到，您的消息已转给正在为您服务的人工客服，客服会在这里回复您，请稍候。"
                       "需要继续办理的，直接回复当前步骤要填的内容即可。")
COMPLAINT_TAKEN = "已为您转接人工客服，您的意见已记录，工作人员会尽快在这里回复您。"
COMPLAINT_WITH_SUPPORT = "您的意见已转给正在处理您问题的人工客服，工作人员会在这里回复您。"
NOT_SUBMITTED_NO_REVIEW = "您的申请还没有提交，所以还没有进入审核；材料全部上传并回复“提交”后才开始预审。"
SUPPORT_READS_IT_TOO = "（您的这条消息正在为您服务的人工客服也能看到。）"
SORRY_UPSET = "非常抱歉让您着急了。"
HANDED_TO_SUPPORT = "已为您转接人工客服，工作人员会尽快在这里回复您。等待期间您可以继续办理，已填写的信息不会丢失。"
RESTART_LOCKED = "您的申请已进入审核流程，暂时不能重新开始。如需撤回或更改，请回复“人工”。"
WITHDRAW_BY_SUPPORT = "已提交的申请不能自行撤回。如需撤回，请回复“人工”，客服会为您处理；已填写的信息不会丢失。"
NOTHING_TO_WITHDRAW = "您的申请还没有提交，不需要撤回。暂时不办可以直接离开，信息已保存；要清空重填请回复“重新开始”。"
RESTART_CONFIRM = "确定要重新开始吗？已填写的信息将被清空。回复“确定”重新开始，回复其他内容取消。"


def restart_confirm(uploaded: int) -> str:
    """重新开始 asked: what goes, uploaded materials too (only to change an answer, 修改 keeps them)."""
    if not uploaded:
        return RESTART_CONFIRM
    return (f"确定要重新开始吗？已填写的信息将被清空，已上传的 {uploaded} 项材料也会删除。"
            "只想改某一项信息的，请回复“修改 + 项目名”（例如“修改 手机号码”），材料会保留。"
            "回复“确定”重新开始，回复其他内容取消。")
RESTART_CANCELLED = "已取消重新开始，您填写的信息都还在。"
RESTARTED = "已清空，我们重新开始。"
FIRST_STEP = "已经是第一步了。"
STUCK_ESCALATED = "看起来这一步遇到了困难，已通知人工客服协助您；您也可以继续尝试。"
OUT_OF_SCOPE = "抱歉，这个问题超出了我能回答的范围（我只解答居住证积分预审相关的问题）。需要帮助请回复“人工”。"


def not_found_at(label: str) -> str:
    """A question about the step it is asked at that nothing in the sources answers: said so, and what to fill."""
    return f"这个问题公开资料里没有找到说明，我不能给您确定的答复，可以回复“人工”请工作人员解答。这一步请填写{label}。"


# After what decides an answer the applicant does not know: it can wait until they have looked.
COME_BACK_TO_IT = "弄清楚后再回复这一项就行；需要先去查，可以回复“暂存”，回来后接着填；也可以回复“人工”。"


def other_type_offered(offered: Any, chosen: Any) -> str:
    """A situation told after a business type was chosen that suggests another (``offered``, ``chosen``: the types'
    options): when each applies, and whether to change it."""
    return (f"{offered.label}适用于：{offered.note}；{chosen.label}适用于：{chosen.note}。"
            f"要改成“{offered.label}”吗？回复“是”改为{offered.label}，回复“不是”仍办{chosen.label}。")


def asked_later(label: str) -> str:
    """A question about an item of the form not yet reached: when it will be asked."""
    return f"{label}后面会单独问您，到时再填。"


# A question asked beside an answer (the answer saved) that the sources say nothing on.
NOT_FOUND_ANSWER_KEPT = "您问的这一点公开资料里没有找到说明，需要的话可以回复“人工”请工作人员解答。"
# A question whether the answer beside it was put the right way: its reply, before the answer said back.
PUT_RIGHT = "是的，这样写就可以。"
QUESTION_ESCALATED = "我已请人工客服查看您的问题，工作人员会在这里回复您。"
ANSWER_GONE = "抱歉，这条解答暂时找不到了，请重新提问或回复“人工”。"


# Why the answers can no longer change, by the application's status (the manual: once submitted,
# only returned materials change).
_LOCKED = {
    # a mistake found after confirming (a mobile the centre's SMS go to) is a person's to help with (try19 V9)
    "done": "这份申请已办结（已完成），信息不能再修改。发现信息有误（例如手机号、单位名称）请回复“人工”，由工作人员协助；"
            "开始新的申请请回复“办理”；回复“历史”查看办理记录。",
    "returned": "您的申请被退回补充材料：只需重新上传被退回的材料（回复“进度”查看），填写的信息不能再修改，"
                "只能去掉不再申请的加分项（例如回复“不要应届生加分了”）。如信息有误请回复“人工”。",
    "submitted": "您的申请已提交审核，信息不能再修改。如有填错的，请直接说明哪里有误，例如“身份证号填错了 应该是…”，"
                 "我会转给审核人员核对更正。",
    "approved": "您的预审已通过，填写的信息不能再修改。如申办信息有误，请回复“申办信息有误 + 哪里有误”。",
    "disputed": "您反馈的申办信息问题正在由工作人员核实更正，填写的信息不能再修改；还有要补充的，请回复“申办信息有误 + 哪里有误”。",
    "confirmed": "您已确认申办信息，填写的信息不能再修改。如有问题请回复“人工”。",
}


def locked_text(status: str | None) -> str:
    return _LOCKED.get(status or "", "您的申请已提交审核，信息不能再修改。如有错误请回复“人工”。")


def partly_told_note(current: str) -> str:
    """Under a many-choice question of which a mention in passing told a part: that part, and that the reply
    names every option that applies (it replaces the part told)."""
    return f"\n（您前面提到：{current}。请回复全部符合的选项，例如“1 2”）"


def current_answer_note(current: str) -> str:
    """Under a question being revisited: what it holds now, and how to keep it."""
    return f"\n（当前填写：{current}。直接回复新的内容；不改请回复“保持”）"


def answer_shown(label: str, value: str) -> str:
    """An answer asked about ("单位填对了吗"): what it holds, and how to change it."""
    return f"您填写的{label}：{value}\n需要修改请回复“修改 {label}”。"


def own_answer_shown(label: str, value: str, *, locked: bool, contact: bool, pending: str | None = None) -> str:
    """The applicant's own saved answer asked for ("我填的手机号是多少"): it (numbers masked), and how to change it —
    "修改" while a draft; once submitted, a new mobile or e-mail sent in the chat goes to staff, the rest cannot change."""
    shown = f"您填写的{label}是：{value}。"
    if pending:
        return shown + f"您提交的新{label}（{pending}）已转给工作人员，正在等待处理，处理结果会在微信上通知您。"
    if not locked:
        return shown + f"需要修改请回复“修改 {label}”。"
    if contact:
        return shown + f"申请已提交，如需更换，直接发来新的{label}，我会转给工作人员更新。"
    return shown + "申请已提交，这项不能再修改；如有错误请回复“人工”。"


def refusal_explained(reason: str) -> str:
    """"为什么" just after an answer was refused: that it was not saved, and why (the reason said again), then how to go on."""
    reason = re.sub(r"[，,]?\s*请(?:核对后)?重新(?:输入|填写|回复)[。.]?$", "。", reason.strip())
    return f"刚才您发的内容没有保存，原因是：{reason}这一项要按要求填写才能记录，请按下面的提示再发一次："


def current_step(prompt: str) -> str:
    return "当前步骤：\n" + prompt


def option_explained(number: int, label: str, note: str) -> str:
    """What an option asked about by its number is, in the flow's own words; nothing is chosen."""
    return f"选项{number}是“{label}”" + (f"：{note}。" if note else "。") + f"要选这一项请回复 {number}。"


def continue_with(prompt: str) -> str:
    """After an aside (a question answered, help): back to where the applicant was."""
    return "继续办理：\n" + prompt


def option_hinted(label: str, number: int) -> str:
    """A choice not made, with a fact said that points to one option: offered, for the applicant to choose."""
    return f"按您说的情况，应该选“{label}”，是的话请回复 {number}；不是请回复其他选项的序号。"


# The spouse said to be from Shanghai with a hukou elsewhere: the hukou option is not theirs, and the
# other (adding the spouse as a companion) is still theirs to choose.
SPOUSE_HUKOU_ELSEWHERE = ("好的，配偶户口不在上海，不选“配偶为本市户籍”。本次要把配偶新增为随员吗？"
                          "要请回复 1；不需要请回复 0。")


def answers_another(label: str) -> str:
    return f"这看起来是{label}，不是这一步要填的内容。"


def years_since(start: int, years: int, before: int = 0, month: int | None = None) -> str:
    """A start year said where the social-insurance years are asked: the count it makes, with the years of
    an earlier stretch said beside it (``before``) added, to confirm. From a month said with it, the count
    is of full years ("满7年"); from a year alone, about so many."""
    total = before + years
    example = f"，例如 {total - 1}" if total > 1 else ""
    since, about = (f"{start}年{month}月", "满") if month else (f"{start}年", "约")
    counted = f"前面的{before}年加上从{since}起的{about}{years}年，累计约{total}年" if before else f"从{since}起算{about}{years}年"
    return (f"{counted}，对吗？对请回复“是”；中间有断缴的，请回复实际缴纳的年数"
            f"（断缴的年份不算）{example}。")


def which_to_edit(labels: list[str]) -> str:
    names = "、".join(labels) or "（还没有已填写的项目）"
    return f"请告诉我要修改哪一项，例如“修改 手机号码”。可修改：{names}。"


def not_on_the_form(label: str, note: str | None, near: str | None, labels: list[str]) -> str:
    """An edit naming an item the form does not have: said so, and the answer it may have meant offered, or else
    what can be changed (nothing is opened in its place)."""
    why = f"（{note}）" if note else ""
    offered = f"您是要修改{near}吗？是的话请回复“修改 {near}”。" if near else which_to_edit(labels)
    return f"您填写的信息里没有“{label}”这一项{why}，不需要填写。{offered}"


def not_chosen_item(label: str, bonus: str | None, labels: list[str]) -> str:
    """An edit naming a question the applicant was never asked (a bonus's, the bonus not chosen): said so, and how to
    add the bonus, or what can be changed."""
    if bonus:
        return f"您没有选“{bonus}”，所以没有“{label}”这一项。需要的话请回复“加上{bonus}”。"
    return f"您目前填写的信息里没有“{label}”这一项。{which_to_edit(labels)}"


def which_question(options: list[tuple[str, str]]) -> str:
    """Several knowledge-base entries fit: offer them by letter."""
    lines = "\n".join(f"{letter}. {question}" for letter, question in options)
    return f"我不太确定您想问的是哪一个：\n{lines}\n回复字母查看解答；都不是请回复“人工”。"


def checklist_item_note(number: int, name: str) -> str:
    """Under an answer about a material on the applicant's own checklist."""
    return f"\n（对应您材料清单第 {number} 项：{name}）"


def consent_prompt(business_type: str | None) -> str:
    notice = flow.SERVICE_NOTICE.get(business_type or "", "")
    return (f"{flow.COMMITMENT.text}\n\n【服务须知】\n{notice}\n\n"
            "请阅读以上内容，回复“同意”继续；不同意将无法继续办理。")


def months(count: int) -> str:
    """A number of months as the manual writes it: 两个月, 四个月."""
    return ("两" if count == 2 else cn2an.an2cn(count)) + "个月"


ENDORSE_FIRST = ("居住证签注（续签）后才有新的有效期：请先进行居住证签注后再办理积分，签注后把新的有效期日期发给我即可继续；"
                 f"如果居住证上现在的有效期还有{months(flow.MIN_PERMIT_MONTHS)}以上，也可以直接把它发给我。")


NO_UPLOAD_BEFORE_THE_CHECKLIST = ("现在还不能上传材料：材料清单要等居住证有效期符合要求、填完基本信息并确认后才会生成，"
                                  "之后才能按清单逐项上传。")


def permit_too_short_prompt(expiry: str | None, today: date) -> str:
    if expiry is None:  # "去年就到期了": expired, no date said
        head = "您的居住证已经过期。"
    elif date.fromisoformat(expiry) < today:
        head = f"您的居住证已于 {expiry} 过期。"
    else:
        head = f"您的居住证有效期到 {expiry}，剩余不足{flow.MIN_PERMIT_MONTHS}个月。"
    return (head + f"居住证至少应有{months(flow.MIN_PERMIT_MONTHS)}以上有效期才能办理积分，请先进行居住证签注（续签）"
            "后再办理积分，签注后把新的有效期日期发给我即可继续。")


def nobody_to_add_prompt(answers: Mapping[str, Any]) -> str:
    """增加同住人 chosen, but the answers leave nobody to add: say so, and how to change them."""
    marital = flow.QUESTIONS["marital_status"].render(answers.get("marital_status", "")) or "未填写"
    return (f"您办理的是“增加同住人”（单独增加配偶、子女为同住人），但按您填写的信息（婚姻状况：{marital}，"
            f"子女人数：{answers.get('children', 0)}），没有可以增加的同住人，所以不会生成材料清单。\n"
            "如果信息填错了：有子女请直接回复子女人数；已婚并要增加配偶，请回复“修改 婚姻状况”或“修改 配偶情况”"
            "（选择“本次新增配偶随员”）；要办理其他业务，请回复“修改 业务类型”。")


def transfer_note(expiry: str, today: date) -> str | None:
    """The four-month rule, when it may bite."""
    if date.fromisoformat(expiry) < add_months(today, flow.TRANSFER_PERMIT_MONTHS):
        return (f"提示：您的居住证剩余有效期不足{flow.TRANSFER_PERMIT_MONTHS}个月。若人才中心审核后需要调档，"
                f"居住证、身份证和劳动合同至少应有{months(flow.TRANSFER_PERMIT_MONTHS)}以上有效期，建议尽早签注。")
    return None


def answer_lines(answers: Mapping[str, Any], states: Iterable[str]) -> list[str]:
    lines = []
    for state in states:
        question = flow.QUESTIONS.get(state)
        if question is None or state in ("consent",) or state not in answers:
            continue
        lines.append(f"{question.label}：{question.render(answers[state])}")
    return lines


def summary_prompt(answers: Mapping[str, Any], states: Iterable[str], set_aside: Sequence[str] = ()) -> str:
    """The answers to check; ``set_aside``: the names of uploads the changed answers no longer call for,
    said before the confirmation that applies the change (never dropped unsaid)."""
    body = "\n".join(answer_lines(answers, states))
    return ("请核对您填写的信息：\n" + body + (f"\n\n{uploads_no_longer_needed(set_aside)}" if set_aside else "") +
            "\n\n无误请回复“确认”，生成您的材料清单；需要修改请回复“修改 项目名”，例如“修改 手机号码”，"
            "也可以直接写新内容，例如“手机号码改成13900139000”。")


def uploads_no_longer_needed(names: Sequence[str]) -> str:
    quoted = "、".join(f"“{n}”" for n in names)
    return (f"注意：按修改后的信息，已上传的{quoted}不再需要。确认后它不再列在材料清单里，已上传的文件会保留，"
            "改回原来的信息就会恢复；不想改了，请回复“修改 项目名”改回去。")


def uploads_set_aside(names: Sequence[str]) -> str:
    quoted = "、".join(f"“{n}”" for n in names)
    return f"已上传的{quoted}现在不需要了，文件已为您保留：以后改回原来的信息会自动恢复。"


def uploads_restored(names: Sequence[str]) -> str:
    quoted = "、".join(f"“{n}”" for n in names)
    return f"之前上传的{quoted}已恢复，不用重新上传。"


# What a state says when it is more than its question's own text (consent, and the states where the
# flow stops): a function of the turn's view (``answers``, ``today``, ``path()``, ``materials_prompt()``;
# see ``dialogs.engine.Turn``). The flow names the states; their words live here with the rest.
COMPUTED_PROMPTS: dict[str, Callable[[Any], str]] = {
    "consent": lambda view: consent_prompt(view.answers.get("business_type")),
    "permit_too_short": lambda view: permit_too_short_prompt(view.answers.get("permit_expiry"), view.today),
    "nobody_to_add": lambda view: nobody_to_add_prompt(view.answers),
    "summary": lambda view: "\n\n".join(filter(None, (
        summary_prompt(view.answers, view.path(), view.uploads_set_aside()), view.photos_in_hand_note()))),
    "materials": lambda view: view.materials_prompt(),
}


PUBLIC_MARK = "※"


def checklist_text(materials: list[Material], statuses: Mapping[str, Mapping[str, Any]] | None = None,
                   only: Collection[str] | None = None) -> str:
    """The numbered checklist; items the seeds do not name are marked, and the caveat closes the list. ``only``: the
    codes of the items to show (each keeps its number), all when None."""
    lines, shown = [], [m for m in materials if only is None or m.code in only]
    for i, m in enumerate(materials, 1):
        if m not in shown:
            continue
        status = (statuses or {}).get(m.code, {})
        label = MATERIAL_LABELS.get(status.get("status", "missing"), "未上传")
        line = f"{i}. {m.name}{PUBLIC_MARK if m.from_public_knowledge else ''}【{label}】"
        if status.get("status") == "returned" and status.get("reason"):
            line += f"\n   退回原因：{status['reason']}"
        lines.append(line)
    if any(m.from_public_knowledge for m in shown):
        lines.append(f"{PUBLIC_MARK} 标注的材料要求{PUBLIC_CAVEAT}。")
    return "\n".join(lines)


UPLOAD_HOW = ("上传方式：回复材料序号查看要求并选择该项，然后拍照发送（可多张，每张一页，我会合成为 PDF）；"
              "已有 PDF 文件请回复“网页上传”获取上传链接。全部上传后回复“提交”。")
# "都拍好了 一起发可以吗": photos sent together are kept and filed by the order the applicant then tells.
SEND_TOGETHER = ("可以一起发：照片全部发完后，告诉我哪几张是哪一项（例如“前两张是劳动合同，第三张是身份证”），我按顺序归入各项；"
                 "也可以一项一项来：回复材料序号，拍完回复“完成”，再选下一项。已有 PDF 文件请回复“网页上传”。")
ALL_UPLOADED = "所有材料都已上传，回复“提交”提交审核。"
SEE_CHECKLIST = "回复“清单”查看全部材料和状态。"
SUMMARY_RESUME = "核对无误请回复“确认”，生成您的材料清单；需要修改请回复“修改 项目名”；回复“进度”可再看一遍您填写的信息。"

# -- the material stage: choosing, photographing, submitting ---------------------------------------
CHECKLIST_NOT_YET = "填完基本信息并回复“确认”后，我会按您的情况生成材料清单。现在这一步："
# The checklist was made, and the answers are being changed: the old list no longer holds.
# Said plainly that the checklist is not changed until the summary is confirmed (review1 H2).
CHECKLIST_REBUILT = ("您正在修改填写的信息：核对后回复“确认”，材料清单会按修改后的信息重新生成"
                     "（确认前材料清单不变，已上传且仍需要的材料会保留）。")
REBUILT_AFTER_CONFIRM = CHECKLIST_REBUILT + "现在这一步："


def checklist_changes(before: list[Material], after: list[Material]) -> str | None:
    """What the changed answers add to the checklist and take off it ("刚结婚": 结婚证), as far as they are
    given; None when nothing changes."""
    added = [m.name for m in after if m not in before]
    dropped = [m.name for m in before if m not in after]
    parts = ([f"增加：{'、'.join(added)}"] if added else []) + ([f"不再需要：{'、'.join(dropped)}"] if dropped else [])
    return f"按修改后的信息，材料清单会{'；'.join(parts)}。" if parts else None
UPLOAD_STAGE = lifecycle.UPLOADING + "（信息已确认，材料清单已生成）"
CHOOSE_MATERIAL = "回复材料序号选择要上传的材料；回复“进度”查看每项材料的状态。"
HOW_TO_PHOTOGRAPH = ("请拍照发送这项材料，可以发多张（每张一页）；发送完毕回复“完成”，发错了回复“删除上一张”。"
                     "也可以回复“网页上传”上传 PDF 文件。")
PHOTO_KEPT_FOR_LATER = ("已收到您的照片并先保存下来。现在还不需要上传材料，请先完成信息填写；"
                        "生成材料清单后告诉我这张照片属于哪一项即可。")
NOT_YET = "这一步还用不到。请先完成信息填写，生成材料清单后再上传和提交："
# An item already uploaded, chosen again: the file stays until the new photos are made into its PDF.
RETAKE_REPLACES = ("这一项已经上传过。拍照发送并回复“完成”后，我会问您是把照片追加到原文件后面，还是替换原文件"
                   "（在那之前原文件保留）。")


def returned_retake_replaces(pages: int | None) -> str:
    """A returned item chosen to send again: the new photos replace its whole file, so every page goes
    again, not only the one the reason says is missing."""
    kept = f"（原 {pages} 页）" if pages else ""
    return (f"注意：重新上传会替换这一项原来的整个文件{kept}，原来的页面不会保留。请把这一项需要的全部页面一起拍照发送"
            "（退回原因说缺少某一页的，连同原来已有的页面一起拍），发完后回复“完成”。")


def which_photo_is_which(count: int) -> str:
    """"都是" said of several photos waiting while several items are open: which photo is which item, asked."""
    return (f"这 {count} 张照片分别是哪一项材料？请按顺序说，例如“第一张是身份证 第二张是合同”；"
            "如果都是同一项的，回复它的序号。")


def planned_photos_replace(items: Sequence[tuple[str, int, int]]) -> str:
    """Photos sent, shared out by their order among items that have a file already (name, photos for it, its pages):
    each item's whole file is replaced by its photos, asked before they are filed (try21 X46)."""
    said = "；".join(f"“{name}”{f'原来的文件有 {pages} 页，' if pages else ''}这次只有 {count} 张照片" for name, count, pages in items)
    return (f"注意：按这个顺序归入，会用这几张照片替换这些材料原来的整个文件，原来的页面不会保留：{said}。"
            "退回原因说缺少某一页的，要连同原来已有的页面一起拍。确定这样归入请回复“确定”；"
            "要补拍齐全，请回复材料序号，逐项把全部页面重新拍照发送。")


def planned_items_replaced(items: Sequence[tuple[str, int, int]]) -> str:
    """Photos to come shared out by order among items with a file already: what they will replace."""
    names = "、".join(f"“{name}”" for name, _, _ in items)
    return (f"注意：{names}已有文件，这次发的照片会替换原来的整个文件，原来的页面不会保留；"
            "退回原因说缺少某一页的，请连同原来已有的页面一起拍。")


def photo_while_locked(status: str) -> str:
    """A photo sent while the application's materials cannot change: why, and the way that is open."""
    if status in ("approved", "disputed"):
        return ("收到照片，但预审已通过，材料不能再更改。如果申办信息有误，请回复“申办信息有误 + 哪里有误”；"
                "需要补充材料请回复“人工”。")
    if status == "submitted":
        return "收到照片，但您的材料正在审核中，暂时不能更改，审核结果会在这里通知您。需要补充材料请回复“人工”。"
    return "收到照片，但本次预审已办结，材料不能再更改。需要帮助请回复“人工”。"


NO_PHOTOS_YET = "还没有收到这项材料的照片。请先回复材料序号，再拍照发送。"
NOTHING_TO_UPLOAD = "现在没有需要上传的材料。回复“进度”查看当前状态。"
CONFIRM_NOT_NOW = "只有预审通过后才需要确认申办信息。回复“进度”查看当前状态。"
# "确认" again once the 申办信息 is confirmed: nothing more to confirm (the status line follows).
CONFIRMED_ALREADY = "申办信息已经确认过了，不用再确认。"
# An irreversible command refused or put off in the same message ("我确认不了 先等等", "先别提交"): nothing done.
HELD_BACK = {
    "confirm_application": "好的，先不确认，您的申办信息仍待确认。",
    "submit": "好的，先不提交，材料都还在。准备好了再回复“提交”。",
    "withdraw": "好的，不撤回，申请保持原样。",
    "cancel": "好的，不取消，已发的照片都还在。",
    "erase": "好的，不删除，您的信息保持原样。",
    "drop_photo": "好的，没有删除照片，已发的照片都还在。",
    "retake": "好的，不重拍，已发的照片都还在。",
    "delete_item": "好的，不删，材料清单和已上传的材料都保持原样。",
}
NONE_OF_THE_MENU = "好的，那几个都不是您要问的。请换个说法把问题再说具体一点，或回复“人工”由客服解答。"


def company_or_branch() -> str:
    """An employer named with a branch of it spoken of: which one to enter is asked, nothing saved."""
    return ("您提到了公司和它的分支机构。所在单位请填与您签劳动合同、为您缴纳社保的那一家：是总公司就发总公司的全称；"
            "是分公司就发分公司的完整名称（例如“某某有限公司上海分公司”）。")


def children_not_all_with_you(count: int) -> str:
    """A count of children said with some of them not living with the applicant: how many to enter is asked."""
    return (f"这里只填跟您一起在上海生活、这次要加为同住人的子女。您说的 {count} 个里有不跟您同住的，"
            "请回复同住子女的人数（只算跟您一起生活的；都不在一起的请回复 0）。")


def children_count_open(total: int, here: int) -> str:
    """A count of children said with where some of them are, not whether the others are entered as 同住人: which
    count to enter is asked, nothing recorded."""
    return (f"您说有 {total} 个孩子，其中 {here} 个在上海。这里填的是这次要加为同住人、跟您一起在上海生活的子女人数，"
            f"请回复数字：只加在上海的请回复 {here}，{total} 个都加请回复 {total}。")


def children_counted_with_away(label: str, total: int, away: int, place: str) -> str:
    """A count of children said with some of them elsewhere ("2个 一个在老家"): the count recorded, and what was
    understood said, with how to leave those out if they are not to be entered as 同住人."""
    return (f"好的，{label}按 {total} 记录（含在{place}的 {away} 个）。"
            f"在{place}的孩子这次不加为同住人的话，请回复“修改 {label}”改为 {total - away}。")


def yes_while_with_support(own_word: str) -> str:
    """A bare yes while a support person has the applicant's request open: whom it answers is not clear."""
    return (f"客服正在处理您的人工请求，您这条回复客服那边也能看到。如果是回答下面这个问题，请直接回复“{own_word}”，"
            "我再为您记录。")


DISPUTE_WITHDRAWN = "好的，已撤回您反馈的申办信息有误，并告知了工作人员不用更正。"
# A report taken back in words that confirm nothing ("看错了 是对的 不用改了"): the confirmation is final, so asked for.
DISPUTE_TAKE_BACK_ASKED = ("要撤回您反馈的申办信息问题吗？不需要更正了，请回复“不改了 确认”：撤回反馈并确认申办信息（确认后不能再修改）；"
                           "还需要更正的，等工作人员核实更正后再确认即可。")
DISPUTE_HOW_TO_WITHDRAW = "如果不需要更正了，回复“不改了 确认”即可撤回反馈并确认申办信息。"
DISPUTE_NOT_NOW = "只有预审通过、待确认时才可以反馈申办信息有误。其他问题请回复“人工”。"
DISPUTE_HOW = "请在“申办信息有误”后面写明哪里有误，例如“申办信息有误 单位名称不对”。"
DISPUTE_BEING_CHECKED = ("您反馈的申办信息问题正在核实更正，暂时不需要确认。更正后会重新通知您，"
                         "届时再回复“确认申办信息”（重新计算 2 个自然日）。")


def upload_next(number: int, name: str) -> str:
    return f"下一项建议上传：{number}. {name}。"


def which_material(materials: list[Material], statuses: Mapping[str, Mapping[str, Any]] | None,
                   only: Collection[str] | None = None) -> str:
    """A photo arrived while no material is chosen: which one is it? The list with each item's status
    as saved (an item uploaded shown 未上传 tells the applicant their upload is gone); after a return, the items
    that can take a file alone (``only``)."""
    return "收到照片。请问这是哪一项材料？回复序号：\n" + checklist_text(materials, statuses, only)


def only_item_left(number: int, name: str) -> str:
    """Under that list, when a single item is still to send: most likely the photo's, offered (never filed unasked)."""
    return f"现在只差第 {number} 项“{name}”：是这一项的照片请回复 {number}。"


def which_material_for(count: int, materials: list[Material], statuses: Mapping[str, Mapping[str, Any]] | None,
                       only: Collection[str] | None = None) -> str:
    """"完成" said with photos sent before any item was chosen: they are kept until it is said."""
    return (f"已收到 {count} 张照片，但还不知道是哪一项材料。请回复序号，照片会归入那一项：\n"
            + checklist_text(materials, statuses, only))


def photos_left_at_move(count: int, status: str) -> str:
    """Photos sent in chat and never made into a material when the application moved on (submitted, returned)."""
    return (f"您之前在聊天里发送、还没有生成材料的 {count} 张照片，申请现在是“{status}”，这些照片不再使用；"
            "需要时请重新发送。")


def photos_waiting_before_submit(count: int, number: int | None = None, name: str | None = None) -> str:
    """"提交" with photos sent but never said to be an item: which they are comes first (the one item left offered)."""
    offer = f"是第 {number} 项“{name}”的吗？是的话回复 {number}；" if number else "请回复它们是哪一项材料的序号；"
    return f"您发送的 {count} 张照片还没有归入任何材料，提交前请先说明：{offer}不需要了请回复“取消”。"


def earlier_photos_unfiled(count: int, name: str) -> str:
    return (f"另外，您之前发送的 {count} 张照片还没有归入任何材料。它们是“{name}”的吗？"
            "是的话回复“是”归入这一项；不是就不用管，选到对应的材料时再告诉我。")


def pages_in_hand(name: str, pages: int, chosen: str) -> str:
    """Another item chosen while pages of ``name`` are in hand, not yet made into its PDF: what to do with them."""
    return (f"“{name}”已收到 {pages} 页，还没有生成 PDF。换到“{chosen}”之前，这 {pages} 页怎么处理？\n"
            f"A. 先生成“{name}”的 PDF，再上传“{chosen}”\n"
            f"B. 这 {pages} 页其实是“{chosen}”的，改放到那一项\n"
            f"C. 不要这 {pages} 页，直接上传“{chosen}”\n"
            f"请回复 A、B 或 C；要继续拍“{name}”，请回复“继续拍”。")


def photo_kept_at_switch(chosen: str) -> str:
    """A photo sent while the question above is open: the applicant had typed the other item, so it is kept for that one."""
    return f"刚收到的这张照片先为“{chosen}”保存着，选好下面的处理方式后就归入“{chosen}”。"


def pages_moved(pages: int, name: str) -> str:
    return f"已把这 {pages} 页改放到“{name}”。继续发送下一页，或回复“完成”生成 PDF。"


def kept_photos_labelled(count: int, item: str) -> str:
    """Photos sent before the checklist, said to be an item: kept, and when they are filed."""
    return (f"好的，这 {count} 张照片（{item}）先为您保存着。现在还不用上传材料：回复“确认”生成材料清单后，"
            "回复这一项的序号，照片就会归入那一项。")


def kept_photos_to_file(count: int) -> str:
    return f"您之前发送的 {count} 张照片还为您保存着：回复它们所属材料的序号，照片就会归入那一项。"


def photo_kept_for(name: str, index: int, left: int, number: int, other: str) -> str:
    """One of several pages in hand said to be another item's: taken out, kept for that item."""
    return (f"已把第 {index} 张从“{name}”移出（“{name}”现在共 {left} 页），先为“{other}”保存着。"
            f"“{name}”拍完回复“完成”；之后回复 {number} 选择“{other}”，这张照片会归入那一项。")


def pages_dropped(name: str, pages: int) -> str:
    return f"已放弃“{name}”未完成的 {pages} 页。"


def earlier_photos_assigned(count: int) -> str:
    return f"您之前发送的 {count} 张照片已归入这项材料。继续发送下一页，或回复“完成”生成 PDF。"


def pages_kept_in_hand(name: str, pages: int, at_summary: bool) -> str:
    """Pages of an item being photographed, kept while the answers were corrected (see ``Turn.photos_in_hand_note``)."""
    if at_summary:
        return (f"您正在上传的“{name}”已收到 {pages} 页，还没有生成 PDF，先为您保留：确认信息后回复“完成”生成 PDF；"
                f"修改后的清单如果不再需要这一项，这些照片不会保留。")
    return f"您之前上传的“{name}”已收到 {pages} 页，仍为您保留：继续拍照发送，或回复“完成”生成 PDF。"


def pages_of_an_item_gone(name: str, pages: int) -> str:
    """The item being photographed is no longer on the checklist made again: its pages not kept."""
    return f"修改后的材料清单不再需要“{name}”，之前为它发的 {pages} 页照片没有保留。如果发错了项目，请选择对应的材料重新发送。"


def photographing(name: str, pages: int) -> str:
    """Where an applicant photographing one material is."""
    got = f"已收到 {pages} 页，" if pages else "还没有收到照片，"
    return f"正在上传“{name}”：{got}请继续拍照发送，发送完毕回复“完成”；换一项请回复“取消”。"


def photos_planned(items: list[str], sent: bool = False) -> str:
    """The photos to come given out to items by their order, said back: "接下来第1、2张→劳动合同，第3张→身份证"; ``sent``:
    the photos were sent already, and are filed so now (never told to be sent again)."""
    groups: list[tuple[str, list[int]]] = []
    for place, name in enumerate(items, 1):
        if groups and groups[-1][0] == name:
            groups[-1][1].append(place)
        else:
            groups.append((name, [place]))
    said = "，".join(f"第{'、'.join(map(str, places))}张→{name}" for name, places in groups)
    if sent:
        return f"好的：您发的照片{said}，已按这个顺序归入。"
    return f"好的：接下来{said}。请按这个顺序发送照片。"


def planned_page_received(name: str, pages: int, following: str | None) -> str:
    """A photo filed as the order said; ``following``: the item the next photo is, when another."""
    if following is None:
        return page_received(name, pages)
    return f"已收到“{name}”第 {pages} 页。下一张将归入“{following}”。"


def page_received(name: str, pages: int) -> str:
    return f"已收到“{name}”第 {pages} 页。继续发送下一页，或回复“完成”生成 PDF。"


def too_many_pages(most: int) -> str:
    return f"一项材料最多 {most} 页。请回复“完成”生成 PDF，或回复“取消”重新拍。"


def photo_dropped(name: str, place: int, pages: int) -> str:
    """Which photo was taken out (its place among those sent before) and how many remain."""
    which = "最后一张" if place == pages + 1 else f"第 {place} 张"
    return f"已删除“{name}”的{which}照片，现在共 {pages} 页。继续发送下一页，或回复“完成”生成 PDF。"


def photos_dropped(name: str, places: list[int], pages: int) -> str:
    """Several photos taken out at once, by their places among those sent, and how many remain."""
    which = "、".join(f"第 {p} 张" for p in places)
    return f"已删除“{name}”的{which}照片，现在共 {pages} 页。继续发送下一页，或回复“完成”生成 PDF。"


def fewer_pages_than_named(material: Material, sent: int) -> str:
    """"完成" with fewer photos than the item's requirement names (the front of an ID card alone)."""
    return (f"“{material.name}”的要求是：{material.requirement.split('；')[0].rstrip('。')}，一般有 {material.pages_at_least} 页，"
            f"您现在发了 {sent} 张。还有的页请继续发送，发完回复“完成”；如果这 {sent} 张已经包含全部内容"
            "（例如正反面复印在同一张纸上），请再回复“完成”。")


def photos_reordered(name: str, order: list[int]) -> str:
    """Photos of an item put in a new order: where each one sent now is (none deleted)."""
    now = "、".join(f"原第 {was} 张" for was in order)
    return (f"已调整“{name}”的照片顺序，没有删除任何照片：现在依次是{now}，共 {len(order)} 页。"
            "继续发送下一页，或回复“完成”生成 PDF。")


def photos_not_reordered(name: str, pages: int) -> str:
    return (f"“{name}”现在只有 {pages} 页，顺序没有改动，也没有删除照片。请说要把第几张放到第几张，"
            "例如“把第2张放到第1张”。")


def photo_already_dropped(name: str, pages: int) -> str:
    return (f"刚才那张已经删除了，“{name}”现在共 {pages} 页。如果还要再删一张，请回复“删除上一张”；"
            "否则继续发送下一页，或回复“完成”生成 PDF。")


def no_such_photo(name: str, pages: int) -> str:
    return f"“{name}”现在只有 {pages} 页，没有删除任何照片。请说要删第几张，例如“删掉第1张”。"


def page_to_retake(name: str, page: int) -> str:
    """A page of the item's saved file said to be retaken ("第2页拍糊了 重新拍"): the next photos take its place."""
    return f"好的，请重新拍“{name}”的第{page}页发送，发送完毕回复“完成”，会替换原来的第{page}页，其他页不变。"


# Several pages, or more than one page, said to be retaken (review7 R7-2, R7-8): none replaced by itself.
PAGES_RETAKEN_ASKED_AT_DONE = ("好的，请把要重拍的页拍好发送，发送完毕回复“完成”，到时我会问您是追加到原文件后面，还是替换整份原文件"
                               "（单独替换某一页，一次只能换一页）。")


def page_retake_taken_back(page: int, photos: int) -> str:
    """A page said to be retaken taken back: none replaced by itself; the photos (if any) stay."""
    kept = f"已收到的 {photos} 张照片还在，" if photos else ""
    return f"好的，不替换第{page}页。{kept}拍好后发送，发送完毕回复“完成”，我会问您是追加到原文件后面还是替换整份原文件。"


def photos_for_one_page(page: int, photos: int) -> str:
    """Photos sent for the one page said to be retaken, more than one: no page replaced by itself."""
    return f"您说要重拍第{page}页，但这次收到 {photos} 张照片，所以没有直接替换第{page}页。"


def photos_cleared(name: str, dropped: int) -> str:
    return f"已清空“{name}”已收到的 {dropped} 张照片，请重新拍照发送，发送完毕回复“完成”。"


def unassigned_photo_dropped(left: int, place: int | None = None) -> str:
    """A photo sent before its item was said, taken back: the last one, or the one at ``place``; those left."""
    which = "最后收到的那张照片" if place is None else f"您发的第 {place} 张照片"
    return f"已删除{which}。" + (f"之前的 {left} 张还在，回复材料序号即可归入该项。" if left else "")


def goes_in_item(number: int, name: str) -> str:
    """Which item of the checklist a paper asked about goes in."""
    return f"传到第 {number} 项“{name}”：回复 {number} 选择这一项后拍照发送。"


def kept_photos_dropped(places: list[int]) -> str:
    """Photos sent before their item was said, some said not to be wanted as the others were given out."""
    return f"已删除您发的{'、'.join(f'第 {p} 张' for p in places)}照片。"


def no_such_kept_photo(count: int) -> str:
    """A photo named by a place past those sent before their item was said: nothing deleted."""
    return f"您一共发了 {count} 张照片，没有这一张，没有删除。要删除哪一张，请回复例如“删除第1张”。"


# No photo in hand to change or take again ("换一张", "重拍"), none sent or all made into PDFs (a PDF just being made is
# in no record yet): how either is sent, or replaced.
NOTHING_TO_DROP = ("现在没有待生成 PDF 的照片，没有要删除或重拍的。还没传的材料，回复它的序号后拍照发送；"
                   "已生成（或正在生成）的材料要换掉，回复它的序号重新拍照发送即可，新的会替换旧的。")


def how_to_delete_photos(name: str, pages: int) -> str:
    """How photos in hand are deleted ("发错了怎么删" while ``name`` is photographed), in the stage's own commands."""
    return (f"“{name}”已收到 {pages} 张照片，还没合成 PDF：删掉最后一张回复“删除上一张”，删掉其中一张回复“删除第几张”"
            "（如“删除第2张”）；这一项全部重拍回复“重拍”，不传这一项了回复“取消”。")


def how_to_delete_unfiled(pages: int) -> str:
    """How photos sent with no item chosen are deleted."""
    return f"您发来的 {pages} 张照片还没归到哪一项：删掉最后一张回复“删除上一张”，全部不要回复“取消”。"


def how_to_replace_files(items: Sequence[tuple[int, str]]) -> str:
    """How a file already made for an item is replaced or deleted; ``items``: the items holding one (number, name)."""
    held = "、".join(f"第 {number} 项“{name}”" for number, name in items)
    return (f"已上传的材料（{held}）传错了：回复它的序号重新拍照发送，回复“完成”后新的会替换传错的文件；"
            "也可以回复“网页上传”打开上传页面，在这一项下删除或重新上传。清单上的材料本身是按您填的信息生成的，不能删掉。")


def no_photo_of_it_yet(name: str) -> str:
    """A photo to change or take again while ``name`` is chosen and none of its photos has come."""
    return f"“{name}”还没有收到照片，没有要换或删除的：直接拍照发送这一项，发送完毕回复“完成”。"


def building_pdf(name: str, photos: int, added_to: int = 0, replacing: int = 0) -> str:
    """The photos are being made into the item's PDF; ``added_to``: the pages of its saved file they are put after;
    ``replacing``: the page of it they take the place of."""
    if replacing:
        return (f"正在用这次的 {photos} 张照片替换“{name}”原来的第{replacing}页，其他页不变，"
                "完成后马上通知您。这期间可以继续选择下一项材料。")
    if added_to:
        return (f"正在把 {photos} 张照片追加到“{name}”原来的 {added_to} 页后面，合成后共 {added_to + photos} 页，"
                "完成后马上通知您。这期间可以继续选择下一项材料。")
    return f"正在把 {photos} 张照片合成为“{name}”的 PDF，完成后马上通知您。这期间可以继续选择下一项材料。"


def add_or_replace_pages(name: str, saved: int, photos: int) -> str:
    """完成 with photos of an item whose file is saved already: add them as pages, or replace the file (A/B), as the
    upload page offers 追加 beside its 上传并替换."""
    return (f"“{name}”已经上传过 {saved} 页。这次的 {photos} 张照片要怎么处理？\n"
            f"A. 追加：加在原来的 {saved} 页后面（合成后共 {saved + photos} 页）\n"
            f"B. 替换：只用这次的 {photos} 张照片，原来的 {saved} 页不再保留\n请回复 A 或 B。")


def add_or_replace_unclear(name: str, saved: int, photos: int) -> str:
    """A reply to :func:`add_or_replace_pages` that chose neither and would drop the photos ("不要了", "取消"): nothing
    dropped, the question put again."""
    return f"这次的 {photos} 张照片还在，没有删除。请问是要追加，还是替换原来的文件？\n" + add_or_replace_pages(name, saved, photos)


def photos_cancelled(name: str | None, dropped: int) -> str:
    """What a cancel stopped: the photos of ``name`` (the item being photographed), or photos sent with no item chosen."""
    if name:
        stopped = f"已取消“{name}”的上传" + (f"，未完成的 {dropped} 张照片已放弃。" if dropped else "。")
    else:
        stopped = f"已放弃还没归到哪一项的 {dropped} 张照片。"
    return stopped + "回复材料序号重新选择。"


def item_skipped(name: str, dropped: int, more: bool) -> str:
    """The item being photographed skipped for now ("先跳过"): left not sent, and on to the next one still to send
    (``more``), or none is left but it."""
    told = f"好的，“{name}”先跳过，暂不上传" + (f"（刚发的 {dropped} 张照片没有保存）" if dropped else "")
    if more:
        return told + "，之后回复它的序号再传。下一项："
    return told + "。其他材料都已上传，只差这一项；准备好后回复它的序号拍照发送，传齐后回复“提交”。"


# A cancel ("不传了") with no item being photographed and no photo waiting: nothing stopped; how to stop for now.
NOTHING_TO_CANCEL = ("现在没有正在上传的材料，没有要取消的。想先停一停，回复“暂存”即可，已填的信息和已上传的材料都会保留，"
                     "下次发任意消息接着办。")


def back_with_photos(name: str, sent: int) -> str:
    return f"“{name}”已收到 {sent} 张照片：回复“完成”生成 PDF 后再回清单；不要这些照片请回复“取消”。"


def photos_not_built(name: str) -> str:
    return f"“{name}”的照片还没有生成 PDF，请先回复“完成”。"


READY_TO_SUBMIT = "材料都已上传。确认无误后回复“提交”，提交审核；提交后材料不能再修改，审核结果会在这里通知您。"
CAN_SUBMIT = "可以提交了。" + READY_TO_SUBMIT


def missing_before_submit(names: list[str]) -> str:
    return (f"还有 {len(names)} 项材料没有上传：{'、'.join(names)}。全部上传后才能提交审核，"
            "传齐后回复“提交”即可。")


APPROVED_KEPT_AT_RETURN = "已审核通过的材料会保留，不用重新上传；只需重新上传被退回的材料。"


def returned_to_retake(items: list[tuple[int, str]]) -> str:
    """Asked to take the photos again after a return that sent back several items: which one first."""
    named = "、".join(f"{n}. {name}" for n, name in items)
    return f"被退回的材料有：{named}。请回复其中一项的序号，按要求重新拍照发送。"


def returned_not_received(items: list[tuple[int, str]]) -> str:
    """Said to have sent the returned items again, or asking to submit, while no new file of them has come."""
    named = "、".join(f"{n}. {name}" for n, name in items)
    return (f"还没有收到被退回的 {named} 的新文件。请回复序号选择该项后拍照发送（或回复“网页上传”上传 PDF）；"
            "如果是从网页上传的，请稍等片刻再回复“进度”查看。传齐后回复“提交”即可。")


def materials_intro(materials: list[Material], statuses: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    return ("已根据您的情况生成材料清单，共 {n} 项：\n{items}\n\n"
            "每项材料为一个小于 2MB 的 PDF 文件。\n{how}\n回复“进度”随时查看每项材料的状态。"
            ).format(n=len(materials), items=checklist_text(materials, statuses), how=UPLOAD_HOW)


def material_detail(m: Material) -> str:
    return f"{m.name}：{m.shown_requirement}"


RETURNED_SHOWN = f"{lifecycle.APPLICANT_STATUS['returned']}（有材料被退回）"


def progress_text(step_label: str, step_no: int, answered: list[str],
                  application: Mapping[str, Any] | None, *, rebuilding: bool = False) -> str:
    """Where the applicant is: the form's step and what is filled in (``rebuilding``: the answers of a
    made checklist are being changed, so the list shown later is rebuilt), or the application's
    status and materials."""
    if not application:
        done = "、".join(answered) if answered else "尚未填写"
        text = f"当前进度：填写基本信息（第 {step_no} 步：{step_label}）。\n已填写：{done}。"
        return text + "\n" + CHECKLIST_REBUILT if rebuilding else text
    status = application.get("status", "draft")
    stage = lifecycle.stage(application)
    # a returned application in the applicant's words (the upload page's), never the platform's 外服退材料
    shown = RETURNED_SHOWN if status == "returned" else UPLOAD_STAGE if stage == lifecycle.UPLOADING else stage
    lines = [f"当前状态：{shown}"]
    for event in application.get("history", []):
        said = lifecycle.APPLICANT_STATUS["returned"] if event["status"] == "returned" else STATUS_LABELS.get(event["status"], event["status"])
        lines.append(f"· {said}　{clock.day(event['at'])}")
    if application.get("return_reason"):
        lines.append(f"退回原因：{application['return_reason']}")
    if status == "approved":  # the one step left is the applicant's, and it has a deadline
        lines.append(approved_summary(application) + "。")
    if status == "disputed":
        lines.append(DISPUTE_BEING_CHECKED)
    materials = [catalogue().materials[c] for c in application.get("checklist", []) if c in catalogue().materials]
    lines.append("材料：\n" + checklist_text(materials, application.get("materials")))
    missing = still_to_upload(materials, application.get("materials"))
    if missing:
        lines.append(missing)
    return "\n".join(lines)


def still_to_upload(materials: list[Material], statuses: Mapping[str, Mapping[str, Any]] | None) -> str:
    """How many checklist items are still to upload and which, by their numbers ("还差几个" asks for
    the count: a list of statuses leaves it to be counted); "" when none is."""
    missing = [f"{i}. {m.name}" for i, m in enumerate(materials, 1)
               if (statuses or {}).get(m.code, {}).get("status", "missing") in ("missing", "returned")]
    return f"还需上传 {len(missing)} 项：" + "、".join(missing) if missing else ""


def returned_brief(materials: list[Material], statuses: Mapping[str, Mapping[str, Any]] | None,
                   options_open: bool = False) -> str:
    """A returned application's next step in a line, after an answer: the items to send again, by number; the bonus
    options to choose again while staff have them open (``lifecycle.options_opened``), then a new option's items."""
    returned = [f"{i}. {m.name}" for i, m in enumerate(materials, 1)
                if (statuses or {}).get(m.code, {}).get("status") == "returned"]
    added = [f"{i}. {m.name}" for i, m in enumerate(materials, 1)
             if (statuses or {}).get(m.code, {}).get("status", "missing") == "missing"]
    if options_open and not returned and not added:
        return "审核人员为您重新开放了加分选项：回复“修改 加分选项”补选；不需要补选的，回复“提交”再次提交预审。"
    if added and not returned:
        return f"还需上传新增的材料：{'、'.join(added)}（回复序号选择该项），传齐后回复“提交”。"
    if not returned:
        return "被退回的材料都已重新上传，回复“提交”再次提交预审。"
    return f"还需重新上传：{'、'.join(returned)}（回复序号选择该项；回复“进度”查看退回原因）。"


# -- results of the material stage (sent by the transport once the work is done) ------------------
def upload_link_text(url: str, hours: int) -> str:
    return (f"请在手机或电脑浏览器中打开下面的链接上传 PDF 材料（{hours} 小时内有效，仅限本人使用，请勿转发）：\n{url}")


def submitted_text(record: Mapping[str, Any]) -> str:
    return (f"已提交审核，当前状态：{STATUS_LABELS['submitted']}（{clock.day(record.get('submitted_at'))}）。"
            "审核结果会通过微信通知您；回复“进度”随时查看。")


def submission_received(record: Mapping[str, Any]) -> str:
    """"你们收到了吗" once the application is submitted (from the chat or the upload page): yes, when, and where it stands."""
    if record.get("status") == "submitted":
        when = f"（提交于 {_day_and_time(record['submitted_at'])}）" if record.get("submitted_at") else ""
        return (f"已收到您提交的材料{when}，当前状态：{STATUS_LABELS['submitted']}。"
                "预审人员审核后，结果会通过微信通知您；回复“进度”查看每项材料。")
    return "已收到您提交的材料。" + status_brief(record)


def confirmed_text() -> str:
    return ("已确认申办信息，本次预审已办结（已完成）。预审并不是积分申请本身：请按后续操作流程邮件及短信提醒，"
            "向人才中心办理积分申请；回复“历史”可查看办理记录。")


def dispute_text(report: str = "") -> str:
    """The 申办信息有误 report taken: what was reported said back (numbers masked, as every chat reply masks them)."""
    said = f"（“{mask_text(report.strip())}”）" if report.strip() else ""
    return (f"已收到您反馈的申办信息问题{said}，已转给工作人员核实更正；在此之前系统不会自动确认。"
            "更正后会重新通知您确认（重新计算 2 个自然日）。")


def correction_passed_to_reviewer(report: str) -> str:
    """An answer said wrong while the application is with the reviewers: what was said back (numbers masked), and
    that the reviewer sees it (``lifecycle.correction_reported``)."""
    return (f"已把您说的信息有误（“{mask_text(report.strip())}”）转给审核人员，审核时会一并核对更正；需要您补充的，"
            "会通过微信通知您。填写的信息您这边不能再改，不用重新提交。")


def wrong_file_passed_to_reviewer(report: str) -> str:
    """A file said sent wrong while the application is with the reviewers (try21 X8): passed on (numbers masked), and
    what happens to it: no file is swapped during the review; the reviewer returns the item for a new upload."""
    return (f"已把您说的（“{mask_text(report.strip())}”）转给审核人员。材料审核中不能自己更换文件：审核人员看到后，"
            "需要换的会把这一项退回，您收到退回通知后按原因重新上传这一项再提交即可。")


def type_wrong_after_submission(report: str) -> str:
    """The business type said wrong once submitted: passed on, but no review can change it (another type's checklist
    differs), so a person is who helps (try21 X8)."""
    return (f"已把您说的（“{mask_text(report.strip())}”）转给审核人员。业务类型决定材料清单，审核时不能直接更正；"
            "请回复“人工”，工作人员会告诉您怎么处理（例如撤回后按正确的业务类型重新申请）。")


def correction_passed_at_return(report: str, waiting: str, *, changes_papers: bool = False) -> str:
    """An answer said wrong while the application is returned for materials (try21 X14, X56): passed to the reviewers,
    who correct it when the returned items come again; what still waits, never "不用重新提交". A change that calls for
    other papers (the marital status) is no reviewer's correction: a person's."""
    said = f"已把您说的（“{mask_text(report.strip())}”）转给审核人员。"
    how = ("这项更改会改变需要上传的材料，审核人员不能直接更正，请回复“人工”由工作人员协助。" if changes_papers
           else "您重新提交后，审核时会一并核对更正。")
    return f"{said}{how}申请仍是退回状态：被退回的材料还要重新上传，再回复“提交”。\n{waiting}"


def how_to_correct_at_mismatch() -> str:
    """"修改 姓名" at a return saying the name or ID number typed disagree with the card (try21 X56): what to do."""
    return ("退回原因是填写的姓名或身份证号码与材料不一致。如果是填写的信息错了，请直接告诉我正确的，例如“姓名填错了 应该是…”"
            "或“身份证号填错了 应该是…”，我会转给审核人员，在您重新提交后一并更正；材料本身没问题的，重新上传这一项后回复“提交”即可。"
            "如果是材料上的信息有误，请按退回原因重新上传正确的材料。")


def worry_of_a_wrong_answer(shown: tuple[str, str] | None, *, to_reviewer: bool) -> str:
    """A worry that an answer is wrong, once submitted ("我怕手机号填错了"): the answer it names (label, value masked),
    and how to report it if it is wrong; nothing is reported."""
    who = "审核人员" if to_reviewer else "工作人员"
    check = f"您填写的{shown[0]}是：{shown[1]}，请核对一下。" if shown else "提交的信息审核时会逐项核对。"
    return (check + f"如果确实填错了，直接告诉我哪里错、正确的是什么（例如“身份证号填错了 应该是…”），我会转给{who}"
            "核对更正；没有错就不用处理。")


def history_text(records: list[Mapping[str, Any]]) -> str:
    if not records:
        return "您还没有已完成的申请。"
    names = {o.code: o.label for o in flow.BUSINESS_TYPES}
    lines = ["您的办理记录（已完成）："]
    for i, r in enumerate(records, 1):
        how = "（系统自动确认）" if r.get("auto_confirmed") else ""
        lines.append(f"{i}. {names.get(r.get('business_type'), r.get('business_type'))}　"
                     f"提交 {clock.day(r.get('submitted_at'))}　办结 {clock.day(r.get('confirmed_at'))}{how}")
    return "\n".join(lines)


def material_saved_text(name: str, pages: int, size: int, record: Mapping[str, Any], added: int = 0,
                        replaced: int = 0) -> str:
    """A material's PDF saved: its pages and size (``added``: pages put after those saved already; ``replaced``: the
    page retaken), what is left."""
    missing = missing_materials(record)
    after = f"还有 {len(missing)} 项材料待上传，回复“进度”查看。" if missing else ALL_UPLOADED
    how = f"已替换第{replaced}页，共" if replaced else f"已追加 {added} 页，共" if added else ""
    return f"“{name}”已保存：{how}{pages} 页，{size / 1024 / 1024:.2f} MB。{after}"


def web_upload_meanwhile(name: str, pages: int | None, photos: int) -> str:
    """完成 after the item got a file on the web page while its photos were being sent: which one to keep."""
    what = f"（{pages} 页）" if pages else ""
    return (f"“{name}”在您拍照期间已通过网页上传了文件{what}。要用这次的 {photos} 张照片替换它吗？\n"
            "A. 替换：用照片合成的 PDF 替换网页上传的文件\nB. 保留：保留网页上传的文件，这些照片不保存\n请回复 A 或 B。")


def uploaded_on_the_web(number: int | None, name: str, pages: int | None) -> str:
    """An item chosen in the chat that was uploaded on the web page instead: it arrived, and nothing is awaited here."""
    item = f"第 {number} 项“{name}”" if number else f"“{name}”"
    return f"{item}已在网页上传{f'（{pages} 页）' if pages else ''}，不用再拍照发送了。"


def web_upload_kept(name: str, photos: int) -> str:
    return f"好的，“{name}”保留网页上传的文件，这次的 {photos} 张照片没有保存。"


def photos_left_out(name: str, dropped: Mapping[int, str], sent: int) -> str:
    """Photos of several that could not be read, by their place ("第 2 张"), said before the material saved
    from the others: which page to send again."""
    lines = [f"“{name}”的 {sent} 张照片中，第 {number} 张没有用上：{why}" for number, why in sorted(dropped.items())]
    return "\n".join(lines) + "\n其余照片已保存。如缺的是这项材料需要的页面，请回复该材料的序号，把所有页面重新拍照发送（新的会替换）。\n"


def same_photo_again(first: int) -> str:
    return f"和第 {first} 张是同一张照片（重复发送了），只用了一张。"


def material_failed_text(name: str, reason: str) -> str:
    return f"“{name}”没有保存成功：{reason}\n请回复该材料的序号重新拍照上传；已保存的其他材料不受影响。"


# -- the transport's own answers: a message it cannot take or could not process ------------------
# WeChat message kind (the transport's ``Unsupported``) -> what the applicant is told; any other kind
# gets UNSUPPORTED_OTHERWISE.
UNSUPPORTED_REPLIES = {
    # A voice message carries text only where the account has WeChat's speech recognition on.
    "voice": "暂时听不了语音，请用文字输入您的回答或问题。",
    "video": "暂时无法处理视频。材料请拍照发送，或回复“上传”获取网页上传链接上传 PDF。",
    "shortvideo": "暂时无法处理视频。材料请拍照发送，或回复“上传”获取网页上传链接上传 PDF。",
    "location": "收到您的位置啦。各区人才服务中心的办理方式可以直接问我，例如“闵行的材料寄到哪？”",
    "link": "暂时无法打开链接。如需上传材料，请拍照发送，或使用网页上传链接上传 PDF。",
    "file": "公众号聊天里无法接收文件。PDF 材料请通过网页上传链接上传；也可以直接拍照发送。",
}
UNSUPPORTED_OTHERWISE = "暂时无法处理这种消息。请发送文字或照片；需要帮助请回复“帮助”。"


def unsupported_reply(kind: str) -> str:
    return UNSUPPORTED_REPLIES.get(kind, UNSUPPORTED_OTHERWISE)


# The store failed or the answer's deadline came: the message's claim is given up, so sending it again works.
MESSAGE_NOT_PROCESSED = "系统有点忙，这条消息没有处理成功，请稍后再发一次。已填写的信息不会丢失。"
# Why a material's photos did not become its PDF (after the material's name, see material_failed_text).
PHOTOS_NOT_PROCESSED = "系统暂时出错，请重新拍照发送。"
PHOTOS_GONE = "照片已无法从微信取回（微信只保留 3 天），请重新拍照发送。"


# -- notifications: what the applicant is told when staff, support or the clock act -------------
def heard(text: str) -> str:
    return f"（听到您说：“{text}”。没听对的话请打字发送。）"


LONG_MESSAGE_TAIL = "\n……（内容较长，回复“进度”查看全部）"


def _day_and_time(at: str | None) -> str:
    """"2026-11-26T23:59:59+08:00" → "2026-11-26 23:59", in Shanghai time whatever the value's offset."""
    return clock.minute(at)


def _returned_materials(record: Mapping[str, Any]) -> list[tuple[int, str, str]]:
    """(checklist number, name, reason) of each returned material: the number is the one the
    applicant replies with to upload it again."""
    names = {code: m.name for code, m in catalogue().materials.items()}
    materials = record.get("materials") or {}
    return [(number, names.get(code, code), materials[code].get("reason") or "请按要求重新上传")
            for number, code in enumerate(record.get("checklist") or [], 1)
            if materials.get(code, {}).get("status") == "returned"]


def returned_notice(record: Mapping[str, Any]) -> str:
    """外服退材料: why, and what to upload again, material by material."""
    if (record.get("history") or [{}])[-1].get("options_opened"):
        return options_opened_notice(record)
    withdrawn = (record.get("history") or [{}])[-1].get("withdrawn") or []
    if withdrawn:  # staff withdrew the return of some materials only (try18 U24): those said, the rest still to upload
        names = {code: m.name for code, m in catalogue().materials.items()}
        why = ((record.get("history") or [{}])[-1].get("reason") or "").rstrip("。")
        lines = [f"审核人员已撤回对{'、'.join(f'“{names.get(c, c)}”' for c in withdrawn)}的退回{'：' + why if why else ''}。"
                 "这些材料按您原来上传的文件重新审核，不需要重新上传；下面列出的材料仍需重新上传。"]
    else:
        lines = ["您的居住证积分预审材料已被退回，需要补充材料。"]
    if record.get("return_reason"):
        lines.append(f"退回说明：{record['return_reason']}")
    returned = _returned_materials(record)
    everything = len(returned) == len(record.get("checklist") or []) > 1
    reasons = {reason for _, _, reason in returned}
    if len(returned) > 1 and len(reasons) == 1:  # one reason for all: said once, not once per item
        lines.append("全部材料都需要重新上传：" if everything else "需要重新上传的材料：")
        lines += [f"{number}. {name}" for number, name, _ in returned]
        lines.append(f"退回原因（各项相同）：{reasons.pop()}")
    else:
        lines.append("全部材料都需要重新上传：" if everything else "需要重新上传的材料：")
        lines += [f"{number}. {name}\n   退回原因：{reason}" for number, name, reason in returned]
    said = " ".join([record.get("return_reason") or "", *(reason for _, _, reason in returned)])
    if SCANS_ASKED.search(said):  # photos are what the reviewer refused: the page's PDF route first
        how = "审核意见要求扫描件：请用扫描仪或扫描App扫描成 PDF 后回复“网页上传”上传，每项一个 PDF"
    else:
        how = "请回复材料序号重新拍照上传，或回复“网页上传”上传 PDF"
    kept = "" if everything else "只需重新上传被退回的材料，其他材料已保留。"
    lines.append(f"{how}；全部补齐后回复“提交”。{kept}长时间未补充材料，可能因政策口径调整需要额外补充其他材料，"
                 "甚至导致积分申请失败。")
    return "\n".join(lines)


# A reviewer asking for scans, not photos ("请用扫描仪重新扫描", "不要用手机直接拍摄").
SCANS_ASKED = re.compile(r"扫描仪|扫描App|扫描APP|扫描件|不要用手机|不要手机|勿用手机")


def options_opened_notice(record: Mapping[str, Any]) -> str:
    """Staff opened the bonus options for the applicant to choose again (``lifecycle.options_opened``, try18 U8): what
    they said to add, how to choose in chat, and that nothing reviewed is to upload again."""
    why = ((record.get("history") or [{}])[-1].get("reason") or "").rstrip("。")
    current = flow.QUESTIONS["bonus_options"].render((record.get("answers") or {}).get("bonus_options") or [])
    return (f"审核人员为您重新开放了加分选项，可以补选漏选的加分项{'：' + why if why else ''}。\n"
            f"您现在选的加分项：{current}。请回复“修改 加分选项”重新选择，确认后材料清单会加上新加分项需要的材料。"
            "已审核通过的材料不需要重新上传；补齐新增的材料后回复“提交”。")


def options_opened_summary(record: Mapping[str, Any]) -> str:
    return "加分选项已重新开放，请回复“修改 加分选项”补选"


def returned_summary(record: Mapping[str, Any]) -> str:
    """The reason line of the status template: which materials, briefly."""
    if (record.get("history") or [{}])[-1].get("options_opened"):
        return options_opened_summary(record)
    returned = _returned_materials(record)
    names = "、".join(name for _, name, _ in returned)
    return f"{len(returned)} 项材料需重新上传：{names}。回复“进度”查看退回原因"


# What follows an approval, as the seeds tell it: the pre-review is not the application (000 六); the
# employer's HR submits the signed application form with the materials to the district's talent
# centre (002, 003), some by e-mail or post (004); a renewal is declared and reviewed online, and
# goes to the window only when the online review fails (002, 004).
NOT_THE_APPLICATION = ("接下来：向外服预审平台上传材料并非直接向人才中心提出积分申请。您还会收到后续操作流程邮件及短信提醒，"
                       "请按提示配合办理，否则可能导致积分申办延迟甚至失败。")
TO_THE_TALENT_CENTRE = ("通常由单位人事在积分系统中审核通过后，打印积分申请表（个人签字、单位盖章），连同申请材料递交到"
                        "单位注册地的区人才服务中心受理点，受理时核对原件、留复印件；部分区人才服务中心也接受电子邮件或邮寄，"
                        "可以问我“闵行的材料寄到哪”。")
RENEWAL_ONLINE = ("积分续办一般采用网上申报和网上审核：单位人事审核通过后上传即可；若积分系统显示“等待受理”，"
                  "表示网审通不过，需要到区人才服务中心窗口交材料。")
NEXT_STEPS = {"renew": NOT_THE_APPLICATION + RENEWAL_ONLINE}
NEXT_STEPS_OTHERWISE = NOT_THE_APPLICATION + TO_THE_TALENT_CENTRE


# Personal numbers said back in a notice as the lists show them.
MASKED_IN_NOTICES: dict[str, Callable[[str], str]] = {"id_number": mask_id_number, "mobile": mask_mobile}


def dispute_outcome(record: Mapping[str, Any]) -> str:
    """What staff did about a reported 申办信息有误, as they recorded it: the answers corrected (with their
    new values) and what they found; nothing when there was no report."""
    outcome = record.get("dispute_outcome")
    if not outcome:
        return ""
    answers = record.get("answers") or {}
    said = []
    for name in outcome.get("corrected") or []:
        question = flow.QUESTIONS[name]
        value = question.render(answers.get(name))
        said.append(f"{question.label}已更正为“{MASKED_IN_NOTICES.get(name, str)(value)}”")
    if outcome.get("finding"):
        said.append(f"核实结果：{outcome['finding'].rstrip('。.')}")
    return "关于您反馈的申办信息问题：" + "；".join(said) + "。请核对后重新确认。"


def reopened_notice(record: Mapping[str, Any]) -> str:
    """A return withdrawn by staff after re-checking: nothing to upload again, the review goes on."""
    why = ((record.get("history") or [{}])[-1].get("reason") or "").rstrip("。")
    return (f"您的材料退回已由审核人员撤回{'：' + why if why else ''}。申请已重新进入预审，被退回的材料按您原来上传的文件"
            "重新审核，不需要重新上传；请等待外服公司的材料预审，审核结果会通过微信通知您，回复“进度”可随时查看。")


def options_closed_meanwhile(bonus: str, status: str | None) -> str:
    """The bonus options chosen again after staff had closed them (the return withdrawn meanwhile): nothing saved."""
    return (f"审核人员已撤回这次退回，开放的加分选项也随之关闭：您刚才重新选择的加分项没有保存，申请按原来提交的信息审核"
            f"（加分项：{bonus}）。\n{locked_text(status)}")


def reopened_summary(record: Mapping[str, Any]) -> str:
    return "退回已撤回，重新进入预审，无需重新上传"


def approved_notice(record: Mapping[str, Any]) -> str:
    """预审通过: confirm within 2 natural days, or say what is wrong; then what comes next."""
    deadline = _day_and_time(record.get("confirm_by"))
    again = dispute_outcome(record)
    return (f"您的居住证积分材料已预审通过。{again}我们会为您在人社局官网上报信息，"
            "请登录上海市居住证积分管理系统核对上报的信息。\n"
            f"请在 {deadline} 前（2个自然日内）回复“确认申办信息”；如信息有误，请回复“申办信息有误 + 哪里有误”，"
            "例如“申办信息有误 单位名称不对”。超过期限未做任何操作，系统将自动确认申办信息，之后很可能无法修改。\n"
            + NEXT_STEPS.get(record.get("business_type"), NEXT_STEPS_OTHERWISE))


NOT_SUBMITTED_YET = "您的申请还没有提交，也就没有被退回。"


def not_in_status(asked: str, current: str) -> str:
    """A question about a status the applicant's application is not in ("为什么被退回", under review)."""
    return f"您的申请目前没有处于“{STATUS_LABELS[asked]}”状态，当前状态：{STATUS_LABELS.get(current, current)}。"


_RECHECK = "请对照要求检查后重新{what}；如果您认为审核有误，可以回复“人工”请工作人员复核。"


# A contested return taken to a person: what happens next, and what to do if the reviewer keeps it.
RETURN_CONTEST_TAKEN = ("已把您对退回的意见转给工作人员复核，工作人员会在这里回复您，请稍候。"
                        "如复核后确认退回有误，工作人员会撤回退回并通知您；如维持退回，请按要求重新上传这一项。")
RETURN_CONTEST_TO_PERSON = ("您的意见已转给正在为您处理的工作人员复核，会在这里回复您，请稍候。"
                            "如复核后确认退回有误，工作人员会撤回退回并通知您。")
# Said while a request of theirs or one the bot opened for them is open (try19 V3: "您已请工作人员处理" to one who never asked).
RETURN_WITH_PERSON = "请对照要求检查后重新拍照上传这一项；工作人员正在跟进您的事项，有疑问直接在这里说明，工作人员会看到。"


def returned_item(name: str, reason: str | None, detail: str, then: str | None = None) -> str:
    """A returned item asked about (or argued over): the reviewer's reason, the item's requirement, what to do
    (``then``: the contest taken to a person, or a person already on it)."""
    return f"“{name}”被退回，审核意见：{reason or '见审核意见'}。\n{detail}\n" + (then or _RECHECK.format(what="拍照上传这一项"))


def own_return_reasons(record: Mapping[str, Any], materials: list[Material]) -> str:
    """Why this applicant's application came back: the reviewer's reason, then each returned material's."""
    lines = [f"您的申请被退回的原因：{record['return_reason']}" if record.get("return_reason") else "您的申请被退回："]
    for i, m in enumerate(materials, 1):
        status = (record.get("materials") or {}).get(m.code, {})
        if status.get("status") == "returned":
            lines.append(f"· {i}. {m.name}：{status.get('reason') or '见审核意见'}")
    return "\n".join(lines)


def own_reported_answers(answers: Mapping[str, Any], states: Iterable[str]) -> str:
    """The answers an approved application was reported with, for the applicant checking them before
    confirming ("我先确认一下单位名称对不对": to see them, not yet to say one is wrong)."""
    return "您的申办信息（按您在这里填写并确认的内容上报）：\n" + "\n".join(answer_lines(answers, states))


def status_brief(record: Mapping[str, Any]) -> str:
    """A submitted application's status in a line, with what is the applicant's to do (said after a
    question is answered: the whole list of materials buried the answer under a dozen lines)."""
    status = record.get("status")
    if status == "approved" and record.get("pending_contact"):  # held until staff decide on the new contact
        return "您的预审已通过；您发来的新联系方式正在等工作人员更新，处理后会通知您确认申办信息，在此之前不会自动确认。"
    if status == "approved":  # the one step left is the applicant's, with its deadline
        return f"您的预审已通过，申办信息还需要您确认：{approved_summary(record)}（上海时间，逾期将自动确认）。"
    if status == "disputed":
        return DISPUTE_BEING_CHECKED
    if status == "done":
        return DONE_BRIEF
    if status == "returned":  # the applicant's to act on, in their words (try18 U37: 外服退材料, "wait for the result")
        names = "、".join(f"{number}. {name}" for number, name, _ in _returned_materials(record))
        if not names:
            return f"您的申请当前状态：{lifecycle.APPLICANT_STATUS['returned']}，退回的材料都已重新上传，回复“提交”重新提交审核。"
        return (f"您的申请当前状态：{lifecycle.APPLICANT_STATUS['returned']}，还需重新上传：{names}；"
                "回复序号重新上传，全部补齐后回复“提交”，回复“进度”查看退回原因。")
    return f"您的申请当前状态：{STATUS_LABELS.get(status, status)}；审核结果会通过微信通知您，回复“进度”查看每项材料。"


FOR_ANOTHER_AFTER_DONE = ("要给家人办理积分预审，可以在这里开始新的申请：回复业务类型（例如“积分新办”），按家人本人的信息填写；"
                          "申请保存在您这个微信下，进度也用这个微信查看。如果是把配偶、子女加为您的同住人，请回复“增加同住人”。")
DONE_BRIEF = "本次预审已办结，回复“历史”可查看；要办理新的申请，请回复业务类型，例如“积分续办”。"


def approved_summary(record: Mapping[str, Any]) -> str:
    return f"请在 {_day_and_time(record.get('confirm_by'))} 前回复“确认申办信息”，有误请回复“申办信息有误”"


def confirmation_reminder(record: Mapping[str, Any]) -> str:
    """About a day before the automatic confirmation."""
    return (f"提醒：您的预审已通过，申办信息尚未确认。请在 {_day_and_time(record.get('confirm_by'))} 前回复"
            "“确认申办信息”；如信息有误，请回复“申办信息有误 + 哪里有误”。超过期限系统将自动确认申办信息。")


def reminder_summary(record: Mapping[str, Any]) -> str:
    return f"申办信息待确认，{_day_and_time(record.get('confirm_by'))} 后将自动确认"


def auto_confirmed_notice(record: Mapping[str, Any]) -> str:
    """已完成 without the applicant: the 2 days passed."""
    return ("您预审通过后 2 个自然日内未确认申办信息，系统已自动确认申办信息，本次预审已办结（已完成）。"
            "预审并不是积分申请本身：请按后续操作流程邮件及短信提醒，向人才中心办理积分申请；回复“历史”可查看办理记录。")


def auto_confirmed_summary(record: Mapping[str, Any]) -> str:
    return "确认期限已过，系统已自动确认申办信息。回复“历史”查看办理记录"


def support_reply_notice(text: str) -> str:
    """A support person's answer, as the applicant reads it in chat."""
    return f"【人工客服】{text.strip()}"


def escalation_closed_notice() -> str:
    return ("【人工客服】本次人工服务已结束。您填写的信息和办理进度都没有变化，直接回复即可从刚才的地方继续；"
            "回复“进度”查看当前进度，还有问题可以再回复“人工”。")


NOT_DONE = "系统有点忙，这一步没有完成（已填写的信息都已保存）。请稍后再发一次。"
# effect -> what the applicant is told when it could not be carried out (the answers themselves are
# saved); every effect the dialogue can ask for has its line, so a new one chooses its words.
EFFECT_FAILED: dict[type[Effect], str] = {
    BuildMaterial: "系统有点忙，刚才的照片没有处理成功。请重新回复材料序号并再次发送照片。",
    SaveApplication: NOT_DONE,
    DiscardApplication: NOT_DONE,
    SubmitApplication: NOT_DONE,
    OfferUploadLink: NOT_DONE,
    ConfirmApplication: NOT_DONE,
    DisputeApplication: NOT_DONE,
    DropOptions: NOT_DONE,
    ChangeContact: "系统有点忙，刚才的新联系方式没有转给工作人员，请稍后再发一次。",
    ReportCorrection: "系统有点忙，刚才说的信息有误没有转给审核人员，请稍后再发一次。",
    ListHistory: NOT_DONE,
    Escalate: NOT_DONE,
    WithdrawMaterial: "系统有点忙，文件没有删除成功，这一项仍是已上传。请稍后再发一次，或回复“网页上传”在上传页面删除。",
    ForgetUnconsented: "系统有点忙，聊天记录里您之前发来的个人信息还没有删除成功，已经不会再使用；需要彻底删除可以回复“人工”。",
}


def effect_failed_text(effect: Effect) -> str:
    """When what a turn asked for could not be done."""
    return EFFECT_FAILED[type(effect)]


# -- understanding: saying what was understood, and why something was not ----------------------
ENGLISH_NOTE = ("本服务目前只支持中文，请用中文回复；需要帮助请回复“人工”。"
                "This service is in Chinese only; reply 人工 (or \"human\") to reach a person who can help.")


def chosen_business_type(label: str) -> str:
    """A business type taken from free text ("我换单位了"), said back in one short line."""
    return f"好的，为您办理：{label}"


def whole_years(label: str, years: int) -> str:
    """Years said with a part of a year ("七年半"): the whole years saved, said so."""
    return f"好的，{label}按整年计：{years} 年（不足一年的部分不计）。如有出入，可回复“修改 {label}”。"


def bonus_offered(bonus: str, told: bool) -> str:
    """At the summary, a bonus not chosen named, or (``told``) told about: whether to add it."""
    why = f"刚才说的这些只在申请{bonus}时才要填写，所以还没有记录。" if told else ""
    return (f"您目前没有选{bonus}，{why}"
            f"要加上{bonus}吗？要加请回复“是”，我接着问几项；不加请回复“确认”生成材料清单。")


# A bare no ("没有", "不是") to the address offered: it answers that yes-or-no, not whether there is an e-mail.
EMAIL_OFFER_TURNED_DOWN = "好的，那请重新发送正确的邮箱地址（例如 zhangsan@qq.com）；不填写邮箱请回复“无”。"


def email_meant(typed: str, meant: str) -> str:
    """An e-mail address with a slip in a well-known provider's domain, or dictated ("zw艾特qq点com", "QQ邮箱
    123456789"): the one meant, to confirm."""
    if "@" not in typed:
        return f"您说的邮箱是 {meant} 吗？是请回复“是”；不是请直接发送邮箱地址（例如 zhangsan@qq.com），不填写请回复“无”。"
    return (f"您发送的邮箱“{typed}”看起来少了或错了几个字符，是 {meant} 吗？是请回复“是”；"
            f"不是请重新发送正确的邮箱地址（确实是“{typed}”的话再发一次即可），不填写请回复“无”。")


def email_slip_set_aside(typed: str, meant: str) -> str:
    """An e-mail with a slip sent beside another answer: not saved, asked for again at its own question."""
    return f"邮箱“{typed}”看起来少了或错了几个字符（是 {meant} 吗？），先没有记录，问到邮箱时请再发一次。"


def another_documents_date(document: str) -> str:
    """A date said of another paper (the ID card's expiry) where the residence permit's is asked."""
    return (f"这是{document}的日期吧？这一步要填的是上海市居住证的有效期截止日期，和{document}的不一样，"
            "请照居住证上写的有效期截止日期填写，例如 2027-08-25。")


def put_right(label: str, value: str) -> str:
    """An answer just saved, asked about ("这么写行吗"): yes, and the answer as saved."""
    return f"{PUT_RIGHT}{label}：{value}"


# Where an organisation's full name is printed, by the answer that asks for it.
_FULL_NAME_ON = {"employer": "劳动（聘用）合同上的单位全称", "edu_school": "最高学历毕业证书上的学校全称"}


def full_name_wanted(field: str, label: str, value: str) -> str:
    """A short name saved ("上海华为"), asked about ("这样写对吗"): the full name is what is filled in."""
    return (f"“{value}”像是简称：{label}要填{_FULL_NAME_ON[field]}，一字不差，例如 上海某某科技有限公司。"
            "请把全称发给我，我帮您改过来。")


def understood_choice(label: str, value: str) -> str:
    """Any other choice taken from free text, said back in one short line."""
    return f"好的，{label}：{value}"


def spouse_papers_not_listed(spouse_options: str) -> str:
    """The spouse's papers asked about where no spouse option is chosen: none needed, and when they would be."""
    return (f"您填写的配偶情况为“{spouse_options}”，材料清单里没有配偶的材料，不用上传配偶的证件。"
            "配偶的材料只在选了“本次新增配偶随员”（配偶身份证）或“配偶为本市户籍”（配偶本市户籍证明）时需要，"
            "两种情况都要加交结婚证。如需加上，请回复“修改 配偶情况”。")


def item_not_listed(name: str, question: str | None, options: Sequence[str]) -> str:
    """A material named to be sent that the applicant's checklist does not hold ("我先拍社保那个" with no 社保加分
    chosen): not theirs to send, the answer that would add it (``question``, ``options``), and how to choose one."""
    when = (f"只有{question}选了{'或'.join(f'“{o}”' for o in options)}才需要它" if question and options
            else f"只有{question}符合时才需要它" if question else "它不是根据您填写的信息需要的材料")
    change = f"回复“修改 {question}”" if question else "回复“修改 项目名”"
    return (f"您的材料清单里没有“{name}”：{when}，按您现在填写的信息不用上传。"
            f"如果需要加上，请{change}更正信息；要上传清单里的材料，请回复它的序号。")


def edits_not_made(labels: list[str]) -> str:
    """Changes asked for in one message beside others that were made, which could not be read."""
    return f"以下项目没能按您说的修改：{'、'.join(labels)}。请逐项发送，例如“修改 {labels[0]}”。"


def earlier_answer_replaced(label: str, before: str, after: str) -> str:
    """An answer given earlier that a later message says otherwise in passing ("大专 后来自考了本科" after
    全日制 "是"): replaced, and said, never silently."""
    return f"注意：“{label}”您之前回复的是“{before}”，按您刚才说的情况已改为“{after}”；如不对请回复“修改 {label}”。"


def answer_changed(label: str, value: str) -> str:
    """An earlier answer corrected in the same message that names it ("手机号填错了 应该是139…")."""
    return f"已将{label}改为：{value}"


def answer_unchanged(label: str, value: str) -> str:
    """A correction that leaves the answer as it was (the same value given again, or the words read as it): said to
    be no change, never "已将…改为", so an applicant who meant another is not left believing it was put right."""
    return f"{label}没有变化，仍为：{value}。如果要改成别的，请回复“修改 {label}”，再按提示回答。"


def _if_wrong(label: str, cue: str = "不对") -> str:
    """How to put right an answer said back as saved (every such line ends the same way)."""
    return f"（{cue}请回复“修改 {label}”）"


def read_from_sentence(label: str, value: str) -> str:
    """A name, employer or school taken out of the words around it, said back as saved."""
    return f"好的，{label}记录为：{value}{_if_wrong(label)}"


def welcome_back_after(days: int, step: str | None) -> str:
    """The first line for an applicant back after more than a week: welcome, and the step they left off at."""
    where = f"您上次办到“{step}”，" if step else ""
    return f"欢迎回来！距离上次已经过去 {days} 天，{where}填写的信息都还在，我们接着办。"


def foreign_school_check(school: str) -> str:
    """A school that sounds foreign, after the degree was said not to be 国（境）外: which is right."""
    return (f"“{school}”听起来是国（境）外院校，可前面“是否国外学历”您答的是“否”。哪个对？\n"
            "1. 是国（境）外学历（改为“是”）\n2. 不是国外学历，学校名称没错")


# A murmur alone where a yes brings papers of its own (``flow.MURMUR_ASKED``): asked about once.
MURMURED_YES = {"edu_foreign": "是国外/境外的学历吗？是请回复“是”；不是请回复“否”。"}


def unlikely_answer(field: str, value: int) -> str:
    """An answer seldom true (``flow.UNLIKELY_ABOVE``), asked about once before it is saved."""
    said = {"children": f"{value}个同住子女"}.get(field, str(value))
    return f"您填的是{said}，对吗？对请回复“是”；不对请直接回复正确的数字。"


def read_as(label: str, value: str) -> str:
    """A value read from other words than its own ("一儿一女", "明年2月底", "幺三九…"), said back as saved."""
    return f"好的，{label}按 {value} 记录{_if_wrong(label)}"


def former_name_not_needed(label: str, value: str) -> str:
    """A name given with a former or other name: the ID card's name saved, the other one said not to be needed."""
    return f"好的，{label}记录为：{value}。这里只填身份证上的现用名，曾用名、小名不用填{_if_wrong(label)}"


def own_of_several(label: str, value: str, typed_for: str | None = None) -> str:
    """Of several numbers sent, the one said to be the applicant's own (or, typed for someone, theirs: "儿子"),
    said back as saved."""
    whose = f"申请人（您{typed_for}）本人" if typed_for else "您本人"
    return f"好的，{label}按{whose}的 {value} 记录{_if_wrong(label)}"


# Policy (the seeds do not say): the mobile is where the notices go, so it must be one the applicant reads; what to do
# without one is for a person to decide, as a support desk would hand it on.
NO_OWN_PHONE = ("手机号码用于接收办理过程中的通知，需要填写申请人本人能接收短信的号码。公开资料没有说明本人没有手机号码时怎么办，"
                "请回复“人工”由工作人员为您确认；也可以回复“暂停”，办好号码后再回来接着填。")


def writers_own_not_applicants(label: str, typed_for: str | None) -> str:
    """The writer's own number, where they type for the applicant (their son, an employee): the applicant's is asked."""
    return (f"您是帮{typed_for}办理的，这里需要申请人（{typed_for}）本人的{label}，您自己的不用填在这里，请发送{typed_for}本人的"
            f"{label}。如果申请人就是您自己，请回复“我就是申请人”后再发送。")


def saved_in_simplified(label: str, value: str) -> str:
    """A name, employer or school typed in traditional characters, said back as saved."""
    return f"好的，{label}已按简体字记录：{value}{_if_wrong(label, '与证件不一致')}"


def kept_as_typed(label: str, value: str) -> str:
    """A value given again in the characters saved in simplified form before: kept as the applicant typed it."""
    return f"好的，{label}按您输入的字形记录：{value}"


def which_one(label: str, given: Sequence[str]) -> str:
    """Two answers of the same kind sent for one question: neither saved, the applicant chooses."""
    return f"您发来的{label}不止一个：{'、'.join(given)}。请回复要填写的那一个。"


def saved_with_middle_dot(label: str, value: str) -> str:
    """A name typed in parts with spaces, said back as saved: joined by the ID card's middle dot."""
    return f"好的，{label}已按身份证写法（间隔号“·”）记录：{value}{_if_wrong(label, '与证件不一致')}"


# Said after 单位信息变更 or 增加同住人 is taken from a story ("刚跳槽到新公司"): both need points still valid,
# which a story of a job change does not say, so the way to the other two is given at once.
IF_NO_VALID_POINTS = "如果您之前没办过积分，请回复“改成积分新办”；积分已经到期的，请回复“改成积分续办”。"
NO_BONUS_FOR_TYPE = "学历、社保等加分项只在积分新办和积分续办时填写，您办理的业务不需要，这些内容没有记录。"


def another_value_kept(label: str, saved: str, sent: str) -> str:
    """A second ID number, mobile or e-mail sent where another question is asked, unlike the one saved:
    kept as it was (it may be a family member's), the applicant says whether to change it."""
    return f"已记录的{label}是：{saved}，这次发来的是 {sent}，没有替换。要改用新的请回复“修改 {label}”。"


def several_saved(saved: list[tuple[str, str]]) -> str:
    """Answers to several questions found in one message, listed as saved."""
    lines = "\n".join(f"· {label}：{value}" for label, value in saved)
    return f"{SAVED_HEAD}\n{lines}"


SAVED_HEAD = "已为您记录："
KEPT_UNTIL_CONSENT = "这些内容已先为您保存，同意后不用重新填写。"
# A refusal at the consent with a plan to apply in person: taken as said (the online pre-review needs the consent),
# before where to go; then the way back.
CONSENT_REFUSED_IN_PERSON = "好的，您不同意承诺和须知，这里就不能为您办理线上预审了，您可以到人才服务中心窗口办理："
# A refusal with a protest ("不同意 凭甚要我担一切后果"): the protest heard, what the commitment binds one to (the
# commitment's own words: only a concealment or a falsehood), what refusing means, and the way back.
CONSENT_REFUSED_WITH_PROTEST = ("理解您的顾虑。承诺的是所填内容及所上传的资料真实：若有任何隐瞒及造假，才由本人承担一切后果及责任，"
                                "如实填写的不涉及。您不同意的话，这里就不能为您继续办理线上预审了，已选的业务类型和居住证有效期会为您保留；"
                                "想继续随时回复“同意”，也可以回复“人工”咨询，或到人才服务中心窗口办理。")
CONSENT_STILL_OPEN = "去之前建议先电话咨询或预约。之后想在这里线上预审，随时回复“同意”即可；已选的业务类型和居住证有效期会为您保留。"


def type_change_refused(new_type: str, kept_type: str) -> str:
    """The consent asked again for a new business type, refused: the change not made, nothing deleted."""
    return (f"好的，不改为“{new_type}”，业务类型仍为“{kept_type}”，您之前填写的信息都保留着。"
            f"如果确实要办理{new_type}，请回复“修改 业务类型”后重新选择并同意承诺和须知。")


def unconsented_forgotten(labels: list[str]) -> str:
    """The consent refused after personal answers were sent before it ("我叫王芳 身份证…"): none of them is kept."""
    return f"您在同意之前发来的个人信息（{'、'.join(labels)}）没有保存，已经删除；同意后需要时再填即可。"


def occupation_not_a_title(job: str) -> str:
    """An occupation told at the bonus question ("我是会计师"): no option is chosen from it, and how the title is."""
    return (f"“{job}”没有按职称加分记录：职称加分要有评定的职称证书（如中级会计师、高级工程师）。"
            "如果您有，请在核对信息时回复“加上职称加分”。")


def not_recorded(label: str, reason: str) -> str:
    """An answer to another question found in a message but not taken, and why: "身份证号码未记录：
    校验位不正确…" (the validators' reasons name their field first)."""
    return f"{label}未记录：{reason.removeprefix(label)}"


# What to send instead when a typed answer was not taken: its full form, as on the document it
# comes from (the question follows, so this stays one short, friendly line).
_AS_ON_THE_DOCUMENT = {
    "employer": "请填写单位的完整全称，与劳动合同上的一致",
    "edu_school": "请填写院校的完整全称，与毕业证书上的一致",
    "name": "请填写与身份证上一致的姓名",
}


def not_an_answer(field: str | None, said: str) -> str:
    """A reply that gives nothing usable ("随便", "上海 马氏 贸易"): what is needed instead, without
    doubting the applicant."""
    shown = said[:20]
    if not field:
        return f"没看懂“{shown}”，请按提示回复。"
    wanted = _AS_ON_THE_DOCUMENT.get(field, "请按提示回复")
    return f"还不能确定“{shown}”是您的{flow.QUESTIONS[field].label}，{wanted}。不清楚可以直接提问或回复“人工”。"


def no_such_item(number: int, count: int) -> str:
    return f"您的材料清单共 {count} 项，没有第 {number} 项。请回复 1 到 {count} 之间的序号："


def cannot_delete_item(name: str | None, answers: Sequence[str] = ()) -> str:
    """Materials follow from the answers: none can be struck off the list by hand. ``answers``: the
    names of the answers that put it on the list ("同住子女人数"), the ones to change if it is wrong."""
    what = f"“{name}”" if name else "清单中的材料"
    change = "、".join(f"“修改 {label}”" for label in answers) if answers else "“修改 项目名”"
    return (f"{what}是根据您填写的信息生成的，不能单独删除。已上传的文件传错了，重新选择这一项上传即可替换；"
            f"如果您认为不需要这项材料，请回复{change}更正信息，或回复“人工”咨询。")


def nothing_uploaded_for(number: int, name: str) -> str:
    """A wrong file said sent for an item that holds none: nothing there to replace; how to send it."""
    return (f"第 {number} 项“{name}”还没有上传过文件，没有需要替换的。要上传这一项，请回复“{number}”后拍照发送；"
            "如果传错的是另一项，请回复那一项的序号重新拍照，新的会替换传错的文件。")


def withdrawal_asked(name: str) -> str:
    """A delete of an item's uploaded file said in the chat: asked once, as the upload page's 删除 asks."""
    return f"确定删除“{name}”已上传的文件吗？删除后这一项回到【未上传】，需要重新上传。确定请回复“是”，不删请回复“否”。"


def withdrawal_kept(name: str) -> str:
    """A no to deleting an item's uploaded file: it stays."""
    return f"好的，“{name}”已上传的文件没有删除，仍是【已上传】。"


def material_withdrawn_text(name: str) -> str:
    """The file of an item taken back from the chat: the item stays on the list, to be uploaded before submitting."""
    return (f"已删除“{name}”已上传的文件，这一项回到【未上传】。这项材料仍在您的清单里，找到正确的文件后回复它的序号"
            "拍照发送，或回复“网页上传”上传；全部上传后才能提交。")


def wrong_file_of_item(number: int, name: str) -> str:
    """The file uploaded for an item is the wrong one: how to put the right one in its place, or delete it."""
    return (f"“{name}”上传的文件传错了的话：回复“{number}”重新拍照发送并回复“完成”，新的会替换传错的文件；"
            "也可以回复“网页上传”打开上传页面，在这一项下删除或重新上传文件。")


def item_next(items: Sequence[tuple[int, str]]) -> str:
    """Several items asked for at once ("拍3和4"): one is photographed at a time, the others after."""
    said = "、".join(f"第 {number} 项“{name}”" for number, name in items)
    return f"一次拍一项：这一项回复“完成”后，再回复序号拍{said}。"


def item_uploaded(number: int, name: str) -> str:
    """"第6项我重新传了" about a file uploaded on the upload page: it arrived."""
    return f"第 {number} 项“{name}”已经上传。"


def no_photo_of_item(number: int, name: str, chosen: bool) -> str:
    """"7拍好了" with no photo of item 7 in hand: nothing of it arrived in the chat. ``chosen``: it is
    the item being photographed."""
    choose = "" if chosen else f"请先回复“{number}”选择这一项，再"
    return (f"还没有收到第 {number} 项“{name}”的照片。{choose or '请'}在对话里拍照发送，"
            "发送完毕回复“完成”；已有 PDF 文件请回复“网页上传”。")


def anothers_not_own(label: str) -> str:
    """A number or address said to be a family member's where the applicant's own is asked."""
    return f"这里需要您本人的{label}（家人的不用填在这里），请发送您自己的{label}。"


def bonus_options_not_had(labels: list[str]) -> str:
    """Bonus options said not to be had while a chosen option's question is asked ("职称和社保都没有" at the school):
    noted (none of them is chosen), never the answer; the question follows."""
    return f"好的，{'、'.join(labels)}没有就不选。"


def anothers_fact_not_own(label: str) -> str:
    """Another person's fact told where the applicant's own is asked ("我老公单位是…", "我爸有职称"): not recorded."""
    return f"您说的是家人的情况，没有记录：这里需要您本人的{label}。请回复您自己的{label}。"


def whole_value_wanted(label: str) -> str:
    """A change to a name described ("后面少了个（集团）"): the whole name is asked for, the one saved shown."""
    return f"好的，请直接发改好后的{label}全称（与证件或合同上的一致），我来替换。"


# Someone else's time abroad told at the foreign-degree question ("女儿以后想出国读书"): not the applicant's degree.
ANOTHERS_DEGREE_NOT_TAKEN = "这里问的是您本人的最高学历是不是国（境）外取得的，家人或朋友的学历不算，所以没有记录。"


def anothers_kept_out(labels: list[str]) -> str:
    """Numbers or addresses given beside the question but said to be a family member's: not recorded."""
    return f"您发的是家人的{'、'.join(labels)}，没有记录（这里填写的都是申请人本人的信息）。"


def employees_name(label: str, value: str) -> str:
    """A name given by someone at the employer for an employee ("我是人事 帮同事办 他叫…"): saved, said back with
    the note that the applicant is the employee, whose own details the next questions ask for."""
    return (f"好的，{label}记录为：{value}。申请人是员工本人：后面的身份证号码、手机号码等都请填写{value}本人的"
            f"{_if_wrong(label)}")


def guess_asked(label: str, value: str) -> str:
    """A yes-or-no said as a guess ("不是全日制吧"), after the way to tell: the answer asked for once more."""
    return f"您刚才的回答像是估计的。{label}确定是“{value}”吗？确定请再回复“{value}”，不是请回复正确的选项。"


def spelled_name_asked(label: str, value: str) -> str:
    """A name read from a message that spells it out by voice ("我叫李娜木子李娜是女字旁一个那字"): asked before it is saved."""
    return f"您的{label}是“{value}”吗？对请回复“是”；不对请直接发送您的{label}（只发名字即可）。"


def relatives_name_asked(label: str, value: str) -> str:
    """A name said as a family member's ("我老婆叫李娜"): not saved (this asks for the applicant's own, as a
    relative's ID number is refused), but asked about, since someone typing for the applicant names them so."""
    return (f"您说的“{value}”是您的家人，还没有记录：这里要填申请人本人的{label}。如果申请人就是{value}（您替家人办理），"
            f"请回复“是”；如果不是，请直接发送申请人本人的{label}。")


def helpers_own_name(label: str, value: str, relative: str) -> str:
    """A name followed by a remark of applying for a family member ("林晓（帮女儿办）"): most likely the writer's
    own, so not saved; the applicant's own name asked for (try11 T41)."""
    return (f"您是替{relative}办理的话，这里的{label}要填申请人（您{relative}）本人的姓名，和{relative}的身份证一致。"
            f"请发{relative}身份证上的姓名；如果{value}就是申请人本人，请再发一次“{value}”。")


def child_to_add_not_counted(child: str, label: str) -> str:
    """A child said to be added at the spouse options while the children count is 0 (try11 T17)."""
    return (f"您前面填的{label}是 0：要把{child}加为同住人，请回复“修改 {label}”改成要加的子女人数，"
            f"清单会列出{child}的出生医学证明和户籍证明。")


def minor_id_check(label: str, value: str, born: str, adult: int) -> str:
    """An ID number whose holder is under ``adult`` (16 or 17): saved, and said back to check, since such a number
    is most often a child's or has a mistyped birth year (try10 T11)."""
    return (f"好的，{label}记录为：{value}。按这个号码，申请人出生于{born}，未满{adult}周岁，请核对是否为申请人本人的号码、"
            f"出生年份是否输错；如有误请回复“修改 {label}”。")


def options_dropped_text(label: str, after: str, dropped: list[str], still_returned: list[str]) -> str:
    """What changed when the applicant took options off a returned application, and what is left to do."""
    lines = [f"已将{label}改为：{after}。"]
    if dropped:
        lines.append(f"材料清单已更新，不再需要：{'、'.join(dropped)}（其中被退回的也不用再上传）。")
    lines.append(f"还需重新上传被退回的：{'、'.join(still_returned)}；上传后回复“提交”。" if still_returned
                 else "被退回的材料都已处理，确认无误后回复“提交”重新提交审核。")
    lines.append("这项修改会随申请一起给审核人员看到。")
    return "\n".join(lines)


_WEEKDAYS = "一二三四五六日"


def todays_date(today: date) -> str:
    """Today's date (Shanghai), as asked in passing."""
    return f"今天是{today.year}年{today.month}月{today.day}日，星期{_WEEKDAYS[today.weekday()]}（北京时间）。"


CHANGES_UNTIL_SUBMITTED = ("可以。这里回复“确认”是按您填写的信息生成材料清单；之后在提交审核之前，填写的信息都还可以修改"
                           "（回复“修改 项目名”），材料清单会跟着更新。提交审核后就不能再修改了。")


LINK_NOT_OPENED = "暂时无法打开您发来的链接，下面只按您写的文字回复。"


def answers_submitted(lines: str, status: str | None) -> str:
    """The answers of an application no longer a draft, as asked to be seen (numbers masked as in every chat
    reply after the summary), and why they cannot change here."""
    return f"您提交的申办信息（证件号、手机号已部分隐藏）：\n{lines}\n{locked_text(status)}"


def confirmation_days_counted(confirm_by: str | None) -> str:
    """How the 2 natural days to confirm after an approval are counted, as the deadline is set
    (``lifecycle.confirmation_deadline``); the applicant's own deadline when approved."""
    own = f"您的申请请在 {confirm_by[:10]} {confirm_by[11:16]} 前确认。" if confirm_by else "预审通过的通知里会写明您的具体截止时间。"
    return ("2个自然日从预审通过的第二天算起，周末和节假日也算在内，到第2天的 23:59（北京时间）截止。"
            "例如周六预审通过的，周一 23:59 前确认都来得及。" + own)


NO_APPLICATION_DEADLINE = ("我们的资料（预审操作手册和积分办理说明）没有写积分申请的截止日期，我不能替您确定。办理中要注意的期限有："
                           "委托单上传时距盖章落款日期不能超过两个月，预审通过后要在2个自然日内确认申办信息。"
                           "具体安排以人社部门公布的为准，也可以回复“人工”咨询。")


# Where a handed-in application stands, said before why its form is locked: a returned one is no longer "已提交"
# (try20 W19: a returned applicant changing the mobile was told so), an approved one is past its review.
_HANDED_IN = {"returned": "您的申请已进入审核流程，目前需补充材料", "approved": "您的预审已通过",
              "disputed": "您的预审已通过"}


def new_contact_wanted(label: str, status: str | None = None) -> str:
    """A mobile or e-mail said replaced after submission without the new one: asked for, to pass to staff."""
    example = "13900139000" if "手机" in label else "zhangsan@qq.com"
    return (f"{_HANDED_IN.get(status or '', '您的申请已提交审核')}，填写的信息不能自己修改；新的{label}可以转给工作人员核对后更新。"
            f"请直接发送新的{label}，例如“{example}”。")


def contact_passed_to_staff(label: str, value: str, status: str | None = None) -> str:
    """A new mobile or e-mail sent after the application was handed in: the form is locked, so the change waits for
    staff, who apply it or not; the applicant hears which (try10 T28, try14 T24). At approval the confirmation waits
    for it too (try18 U12)."""
    held = "在此之前系统不会自动确认申办信息，处理后会重新计算 2 个自然日请您确认；" if status == "approved" else ""
    return (f"{_HANDED_IN.get(status or '', '您的申请已提交审核')}，填写的信息不能自己修改；新的{label} {value} 已转给工作人员，"
            f"核对后由他们更新，处理结果会在微信上通知您。{held}您不用再另外联系人工。")


def confirm_after_contact(labels: list[str]) -> str:
    """"确认申办信息" while a new mobile or e-mail waits for staff: confirming would report the old one."""
    return (f"您发来的新的{'、'.join(labels)}还在等工作人员更新，现在确认会按原来填写的内容上报。"
            "工作人员处理后会在微信上通知您，届时再回复“确认申办信息”即可。")


def contact_change_notice(label: str, value: str, applied: bool, note: str = "", confirm_by: str | None = None) -> str:
    """Staff's decision on a new mobile or e-mail sent after submission, told on WeChat; at approval, the confirmation's
    new deadline (``confirm_by``: the two days start again once no change waits)."""
    again = (f"\n请在 {_day_and_time(confirm_by)} 前（2个自然日内）回复“确认申办信息”；如信息有误，请回复“申办信息有误 + 哪里有误”。"
             if confirm_by else "")
    if applied:
        return f"您提交的新{label}（{value}）已由工作人员更新到申请中，之后的通知会发到新的{label}。{again}"
    why = f"说明：{note}。" if note else ""
    return (f"您提交的新{label}（{value}）工作人员未予更新，申请中仍是原来填写的{label}。{why}"
            f"如有疑问请回复“人工”。{again}")
