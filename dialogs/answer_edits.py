"""Changing an answer already given: the edit command and what comes with it (a new value, an item not on the
form or not reached yet, an option taken off, another person's number kept apart, edits then a question), as the
applicant asks for it in chat, before the checklist and after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from dialogs import lifecycle, render
from dialogs.privacy import mask_text
from dialogs.asking import asks
from dialogs.events import ChangeContact, DropOptions, ReportCorrection
from dialogs.flows import application as flow
from dialogs.flow_machine import FlowModel, field_of
from dialogs.intents import value_after_name
from dialogs.materials_stage import names_an_item
from dialogs.understanding.items import NAMED, item_named
from dialogs.questions import ChooseMany
from dialogs.text import canonical
from dialogs.understanding import Interpretation, interpret
from dialogs.understanding.features import match_form
from dialogs.understanding.entities import every_shaped, extract, name_after_a_no, name_put_right
from dialogs.understanding.values import changes_in, clauses, in_words, options_declined, value_of
from dialogs.understanding.values import parse as parse_value
from dialogs.not_on_the_form import absent_item
from dialogs.validators import Offered, ValidationError, parse_ordinal, describes_an_edit
from dialogs import words

if TYPE_CHECKING:
    from dialogs.engine import CommandCall

# Questions answered by choosing or agreeing, where "这一步请填写…" would say nothing useful.
NOT_FILLED_IN = frozenset({"business_type", "consent", "confirmed"})
# The message just before, pointed at with no item named ("刚才说的不对", "上一个填错了"): the answer just given.
_JUST_SAID = re.compile(r"刚才|刚刚|上一(?:个|条|句|项)|上面(?:那|这)?(?:个|条|句|项)|前一(?:个|条|句|项)")
# The clauses of an edit, and one saying an answer is right ("姓名没问题 身份证号写错了": the ID number is edited).
_CLAUSE_BREAK = re.compile(r"[\s,，。;；]+")
# The papers whose word names an answer (the ID number) and, before another's name, whose that one is ("身份证姓名").
_DOCUMENT_WORDS = frozenset({"身份证", "证件"})
_ON_A_DOCUMENT = re.compile(r"^(?:上面?|里面?)?的?")
SAID_RIGHT = re.compile(r"没问题|没错|是对的|对的|正确|无误|不用改|不改|不变")
# Words saying an answer shown is wrong and changed ("手机号错了 是139…", "应该是…", "换号了", "不是这个，是…", "后4位是5678": a part
# of the saved one said again): without them, an ID number, mobile or e-mail unlike the saved one, sent at the summary
# ("我老婆的身份证号是…"), is kept and said (``Turn.record_found``), never put in place of the applicant's.
SAYS_A_CHANGE = re.compile(r"改|换|变了|变成|变更|错|不对|应该|应是|应为|更正|(?:其实|实际上?|确实)是|新的|新号|(?:最后|后|末|尾)\s*\S?\s*位"
                           r"|不是(?:这个|这|那个|那)")
# A number said of another person ("我老婆手机换号了", "我老公的身份证号…没填错吧") is theirs, whatever change word
# comes with it: never the applicant's own. Anyone but the employer: "公司邮箱换了" is most often the
# applicant's own work e-mail, so the contacts are left out here (interpret's _ANOTHERS takes them).
OF_ANOTHER = re.compile(words.either(words.SPOUSE, words.CHILDREN, words.PARENTS, words.FAMILY, words.KIN, words.OTHER_PEOPLE)
                        + r"(?:的)?(?:新的?)?(?:身份证|手机|电话|号码|邮箱|号)")


def says_own_number_changed(text: str) -> bool:
    """Whether ``text`` says the applicant's own saved ID number, mobile or e-mail is wrong or changed."""
    said = canonical(text)
    return SAYS_A_CHANGE.search(said) is not None and OF_ANOTHER.search(said) is None


# A business type as what is done ("应该办单位变更不是续办", "要办的是续办"): one 办s a type, never an employer, so
# the type's short names count here too (单位变更 is not the 单位 answer).
_TYPE_DONE = re.compile("办(?:的是|理的是|理)?(?:" + "|".join(sorted(
    (n for o in flow.QUESTIONS["business_type"].options for n in (o.label, *o.aliases) if not n.isascii()),
    key=len, reverse=True)) + ")")
# The words that turn an answer into its new value, with no item named ("那就改成0"): read as an item's name would be.
_TURNED_TO = ("改成", "改为", "换成", "填成", "写成", "改")
# A job change that is someone else's or only planned ("我朋友跳槽了 现在在…", "我打算跳槽 去…"): not the applicant's new
# employer (review3 R14); and the word of the move before the company told ("去上海甲乙有限公司") is no part of its name.
_NOT_ONES_OWN_MOVE = re.compile(r"(?:朋友|同事|老公|老婆|爱人|媳妇|(?<!其)他|她|别人)[^\s,，。]{0,4}(?:跳槽|换工作|换单位|离职|现在在)|"
                                r"(?:打算|准备|想|要|可能|如果|假如|计划)(?:下个月|明年|过段时间|过阵子)?(?:跳槽|换工作|换单位|离职)")
_MOVED_TO = re.compile(r"^(?:去|到|进)(?=\S{4})")
# Once submitted, what only sounds like a correction (review3 R5): a worry ("我怕手机号填错了", "会不会身份证号填错了"),
# unless the right value comes with it ("我怕…填错了 应该是…"), and another person's case ("我同事的手机号填错了"): the
# person first in the message, the applicant not the object of what they say ("老婆说我手机号填错了" is a report).
_WORRIED = re.compile(r"(?<!恐)怕|担心|担忧|万一|会不会|是不是|不会.{0,10}错了?吧|不知道.{0,10}(?:有没有|是不是|对不对)|不确定")
_RIGHT_VALUE_GIVEN = re.compile(r"应该|应是|应为|正确|改成|改为|换成|其实是|实际|\d{4}")
_ANOTHERS_CASE = re.compile(r"^(?:我|俺)?(?:的|家|们)?(?:有个|有位|有人)?"
                            + words.either(words.OTHER_PEOPLE, words.SPOUSE_PLAIN, words.CHILDREN, words.PARENTS,
                                           words.KIN, ("别人", "人家", "邻居", "同学", "领导"))
                            + r"(?![^我]*我)")
# The applicant's own answers about their family (fix71, review5 Q1): "孩子数量填错了", "配偶户籍填错了 她不是上海的" name
# the family member only as the answer's subject, so they are the applicant's correction, never another's case.
# (the person's word alone, "孩子的身份证号填错了", stays the child's own case)
_PERSON_WORDS = {*words.CHILDREN, *words.SPOUSE_PLAIN}
_FAMILY_ANSWER = re.compile("|".join(sorted({re.escape(n) for field in ("children", "spouse_options", "marital_status")
                                             for n in (*flow.QUESTIONS[field].names(),
                                                       *(n for o in getattr(flow.QUESTIONS[field], "options", ())
                                                         for n in o.names())) if n not in _PERSON_WORDS and not n.isascii()}
                                            | {"数量", "人数", "户籍", "户口", "随员"},
                                            key=len, reverse=True)))
# Someone other than the applicant (spouse, relative, colleague): their job or situation is not the applicant's.
_ANOTHER_PERSON = re.compile(words.either(words.SPOUSE_PLAIN, words.PARENTS, words.KIN, words.OTHER_PEOPLE, words.CHILDREN))
# Someone whose own form it is, never the applicant's family on the applicant's form: a colleague, a neighbour, and a
# parent or sibling ("我姐姐的户籍填错了" is her case, review6 P3), where a spouse or child is the form's own answer.
_THIRD_PERSON = re.compile(r"^(?:我|俺)?(?:的|们)?(?:有个|有位|有人)?"
                           + words.either(words.OTHER_PEOPLE, words.PARENTS, words.KIN, ("别人", "人家", "邻居", "同学", "领导")))
# Typed for a relative, who is then the applicant ("帮老婆办的 她手机号填错了").
_FOR_THEM = re.compile(r"帮|替|代(?:办|填|理)")
# A polite tag after the new value of an edit ("手机号码改成1390…可以吗", "…好吗"): asks nothing about it.
_POLITE_TAG = re.compile(r"[\s,，]*(?:可以吗|好吗|行吗|成吗|可以不|行不行|好不好|谢谢)[?？。.!！~～]*$")
# After an answer's name, words that give no value but ask: which of two ("…名字还是旧名字"), or what it was
# ("我叫什么名字来着": 来着 asks to be reminded).
_TWO_OFFERED = re.compile(r"^(?:还是|或者|或是)")
_ASKED_WHAT_IT_WAS = re.compile(r"来着")
# An answer put to check, not said wrong ("我身份证号没填错吧", "单位写对了吗"): shown, nothing changed.
_PUT_TO_CHECK = re.compile(r"(?:没|没有)(?:填|写|输|打)?错(?:吧|吗|么|嘛|啊|哈)|(?:填|写|输|打)(?:得)?对(?:了)?(?:吧|吗|么|没|不)|"
                           r"对不对|对吧|是不是对的|有没有(?:填|写)?错")
# The spouse said not to be added after all ("老公不加了", "不加配偶了", "媳妇先不加"), not another's ("孩子不加").
_SPOUSE = words.either(words.SPOUSE)
_SPOUSE_DROPPED = re.compile(rf"{_SPOUSE}(?:就|也|先|暂时|这次|这回|还是){{0,2}}(?:不|别|不用|不要)(?:加|添加|增加|随迁|带)"
                             rf"|(?:不|别|不用|不要)(?:加|添加|增加)(?:我的?)?{_SPOUSE}")
# Words after an item's name that say something of their own, not a particle alone ("不留邮箱了": "了").
_SAYS_SOMETHING = re.compile(r"[^\W了吧啊呀哦啦的_]")


# A file said sent wrong or to be swapped ("身份证那个传错了 能换一下吗", "合同传成别人的了"), beside an item's name.
_A_FILE_SENT_WRONG = re.compile(r"(?:传|发|拍|上传)(?:错|成)|换一?(?:个|张|份|下)|替换|重新传|重传")
# The business type said wrong ("其实应该办续办", "办错业务了"): the word 办 with 续办/新办/变更/同住人 after 应该.
_TYPE_WRONG = re.compile(r"应该(?:是|办|选)?(?:积分)?(?:续办|新办|变更|单位信息变更|增加同住人)|(?:办|选)错(?:了)?(?:业务|类型)")


@dataclass(frozen=True)
class EditsThenQuestion:
    """A message that changes answers, then asks something in the clauses after (``Turn.edits_then_question``)."""

    edits: str  # the clauses before the question
    question: str  # the question and all after it
    changed: dict[str, Any]  # the saved answers given new values in words that say a change ("改成", "换了"); {} when
    # the clauses are only read as an edit ("身份证号码有误 正确的是…")


# The answers the checklist is made from (checklist_rules.yaml's conditions, and the marital status the spouse's
# options follow): a change of one calls for other papers, which no reviewer's correction can bring.
_FIELDS_OF_THE_CHECKLIST = frozenset({"business_type", "bonus_options", "edu_foreign", "edu_level", "marital_status",
                                      "spouse_options", "children"})
# A return saying the answers typed disagree with a document ("姓名或身份证号码与填写信息不一致")
_MISMATCH_REASON = re.compile(r"(?:姓名|名字|身份证号).{0,12}(?:与|和|跟)?填写(?:的)?信息不一致|与填写信息不一致")


class AnswerEdits:
    """Mixed into the engine's ``Turn``: ``answers``, ``conv``, ``ctx``, ``say``, ``effects``, ``prompt``, ``jump``
    and the rest come from there."""

    def never_asked(self, field: str) -> bool:
        """Whether the answers given already rule ``field`` out ("修改 配偶选项" from someone unmarried is never "asked
        later"): the spouse options once the marital status or type leaves them out, a bonus's follow-ups once the
        options chosen leave the bonus out."""
        if field == "spouse_options":
            return "marital_status" in self.answers and not FlowModel(dict(self.answers), self.ctx.today).asks_spouse()
        chosen = self.answers.get("bonus_options")
        return chosen is not None and any(field in asked and code not in chosen for code, asked in flow.BONUS_FOLLOW_UPS.items())

    def contact_changed(self, text: str) -> bool:
        """A new mobile or e-mail sent once the form is locked (the number and address the review's outcome reaches):
        kept on the application for staff to apply or decline, and the applicant told they will hear which (try14
        T24: handed to support masked, staff could not apply it). False where the text holds neither, or the
        application is finished."""
        if self.application_status() == "done":
            return False
        saved = (self.ctx.application or {}).get("answers") or {}
        for field in lifecycle.CONTACT_FIELDS:
            values = every_shaped(field, text)
            if len(values) == 1 and values[0] != saved.get(field):
                self.effects.append(ChangeContact(self.ctx.application["id"], field, values[0]))
                self.say(render.contact_passed_to_staff(flow.QUESTIONS[field].label, mask_text(values[0]),
                                                        self.application_status()))
                return True
        return False

    def correction_reported(self, text: str) -> None:
        """An answer said wrong while the reviewers have the application (submitted, or returned): the words kept for
        the reviewer, and said back. Returned, nothing is reviewed until the returned items come again and it is
        resubmitted, so what still waits is said, never "不用重新提交" (try21 X14); a change that would call for other
        papers (已婚) is no correction a reviewer can make: a person's."""
        self.effects.append(ReportCorrection(self.conv.application_id, text))
        if self.application_status() == "returned":
            field = self.find_field(canonical(text).lower(), list(flow.QUESTIONS))
            self.say(render.correction_passed_at_return(text, self.next_step_brief(),
                                                        changes_papers=field in _FIELDS_OF_THE_CHECKLIST))
            return
        if self.application_status() == "submitted" and _A_FILE_SENT_WRONG.search(canonical(text)) \
                and item_named(text, [m.name for m in self.checklist()], least=NAMED):
            # "身份证那个传错了 能换一下吗": a file, not a filled-in answer (try21 X8): it cannot be swapped while
            # reviewed; the reviewer, who sees the report, returns it for a new upload
            self.say(render.wrong_file_passed_to_reviewer(text))
            return
        if self.find_field(canonical(text).lower(), ["business_type"]) is not None or _TYPE_WRONG.search(canonical(text)):
            # "我其实应该办续办 弄错了": no reviewer's correction can change the business type (its checklist differs)
            self.say(render.type_wrong_after_submission(text))
            return
        self.say(render.correction_passed_to_reviewer(text))

    def identity_mismatch_returned(self) -> bool:
        """Whether the application is returned with a material whose reason says the name or ID number typed disagree
        with the document (the general preset "姓名或身份证号码与填写信息不一致", or a reviewer's words of it)."""
        record = self.ctx.application or {}
        if record.get("status") != "returned":
            return False
        return any(item.get("status") == "returned" and _MISMATCH_REASON.search(item.get("reason") or "")
                   for item in (record.get("materials") or {}).values())

    def intent_edit(self, call: CommandCall) -> None:
        if self.application_locked() and self.contact_changed(call.text or call.argument):
            return
        if self.application_status() == "returned" and self.options_dropped_after_return(call.text or call.argument):
            return
        if self.no_correction_said(call.text or call.argument):
            return
        if self.application_status() == "approved" and SAYS_A_CHANGE.search(canonical(call.argument)):
            # "身份证号填错了 应该是1101…" once approved: the answers are no longer the applicant's to change, and what
            # they say is wrong is the 申办信息有误 report the approval waits on (it was refused unless typed as that command);
            # "修改 姓名" alone says nothing wrong yet: how to report it, as before
            self.intent_dispute(replace(call, argument=call.text or call.argument))
            return
        if self.application_status() in lifecycle.CORRECTABLE_BY_REVIEW and not self.opened_by_staff(call.argument) \
                and SAYS_A_CHANGE.search(canonical(call.argument)):
            # "身份证号填错了 应该是…" while the reviewers have it: the answers are not the applicant's to change, and the
            # reviewer checking them is who should know (try18 U33: told only to ask for a person)
            self.correction_reported(call.text or call.argument)
            return
        if self.application_locked() and not self.opened_by_staff(call.argument) and self.identity_mismatch_returned():
            # "修改 姓名" at a return saying the typed name or ID number disagree with the card (try21 X56): how to put
            # the typed answer right (said to the reviewer, corrected at the resubmission), not "回复“人工”" alone
            self.say(render.how_to_correct_at_mismatch(), render.continue_with(self.next_step_brief()))
            return
        if self.application_locked() and not self.opened_by_staff(call.argument):
            self.say_locked()
            return
        if self.application_locked():  # the options opened by staff: the rest as the application holds it, shown so
            saved = (self.ctx.application or {}).get("answers") or {}
            self.answers.update({f: v for f, v in saved.items() if f not in lifecycle.OPENED_FIELDS})
        if self.spouse_dropped(call.text or call.argument):
            return
        if (split := self.edits_then_question(call.text or call.argument)) is not None and split.changed:
            # "我公司换了 现在叫…有限公司 合同要重新传吗": the change made and said back as an edit of its own, then the
            # question answered of the answer changed, the step waiting (the question made the whole an enquiry about
            # the answer saved: it was shown, nothing changed, nothing answered)
            self.intent_edit(replace(call, argument=split.edits, text=split.edits))
            self.try_faq(split.question, quiet_miss=True, answer_kept=True, about=next(iter(split.changed)))
            return
        beyond = self.kept_beyond()  # before an answer to the question waiting, given first, moves past it
        self.answer_before_an_edit(call.text or call.argument)
        if self.changed_beyond(call.text or call.argument, beyond):
            return
        path = self.path()
        editable = [s for s in path if s in flow.QUESTIONS and s in self.answers and s != "consent"] + self.kept_beyond()
        target = self.find_field(call.argument.lower(), editable)
        if target in (None, "name") and "name" in editable \
                and ((right := name_put_right(call.text or call.argument)) is not None
                     or self.just_answered == "name" and (right := name_after_a_no(call.text or call.argument)) is not None):
            # "我叫错了 是张玮", "名字输错了，正确的是张玮": the name said wrong, and the right one given at once; right after
            # the name was saved, a bare no and a name ("不对，是李那，那是那个的那") put that name right
            self.answers.pop("confirmed", None)
            self.jump("name")
            self.conv.failures = 0
            self.answer_directly("name", right, call.text)
            return
        if (line := parse_ordinal(call.argument)) is not None:  # "修改 第3项": a line of the list on screen
            target = editable[line - 1] if self.state == "summary" and 0 < line <= len(editable) else None
        # A business type named in full wins over the field a word of it names ("其实是单位信息变更": not 单位).
        names_a_type = any(o.label in call.argument for o in flow.QUESTIONS["business_type"].options) \
            or _TYPE_DONE.search(call.argument) is not None
        if target is None and not names_a_type and self.edits_the_question_waiting(call):
            return
        # "我老公换过单位的", "我同事是换过单位的": another person's situation never retypes the applicant's application
        retyped = self.restart_as(call.argument, replying=False) \
            if (target is None or names_a_type) and "business_type" in editable \
            and (names_a_type or _ANOTHER_PERSON.search(call.text or call.argument) is None) else None
        if retyped is not None:  # "我选错了 其实是续办": the type taken back and named again
            self.answers.pop("confirmed", None)
            self.jump("business_type")
            self.changed_to("business_type", retyped)
            return
        if target is None and "business_type" in editable and self.other_type_offered(call.text or call.argument):
            return
        later = [s for s in flow.QUESTIONS if s not in self.answers and s not in ("consent", "confirmed", field_of(self.state))
                 and self.state not in ("summary", "materials") and not self.never_asked(s)]
        named = next((s for s in later if self.find_field(call.argument.lower(), [s])), None)  # the first asked of them
        if target is None and named is not None and absent_item(call.argument.lower()) is None:
            # "学历加分" at the ID number: an item not reached yet, so nothing to change; when it is asked (try17 T13).
            # Before the items off the applicant's path (not_on_the_form): one not reached is not yet on it
            self.say(render.asked_later(flow.QUESTIONS[named].label), render.current_step(self.prompt()))
            return
        if target in (None, "email") and (told := self.not_on_the_form(call.argument, editable)) is not None:
            self.say(told, render.current_step(self.prompt()))  # "修改 地址": no 住址 on the form, never the e-mail opened
            return
        if target is None and self.conv.application_id and names_an_item(call.argument):  # "看一下第十项"
            self.not_at_checklist()
            return
        if target is None and self.just_answered in editable and _JUST_SAID.search(match_form(call.argument)) \
                and self.find_field(call.argument.lower(), list(flow.QUESTIONS)) is None:
            target = self.just_answered  # "刚才说的不对" (no item named): the answer just given, asked again
        if target is None and (explained := self.just_explained) is not None \
                and (new := _POLITE_TAG.sub("", value_after_name(call.argument, _TURNED_TO))):
            # "那就改成0" right after the bot explained 子女人数 (asked what it means): that answer is the one changed, or
            # given where it is the question waiting (try19 V4: which item was asked)
            if explained == field_of(self.state) and explained not in self.answers:
                self.conv.failures = 0
                self.answer_directly(explained, new, call.text)
                return
            target = explained if explained in editable else None
            call = replace(call, argument=f"{flow.QUESTIONS[explained].label}改成{new}") if target else call
        if target is None:
            self.say(render.which_to_edit([flow.QUESTIONS[s].label for s in editable]), render.current_step(self.prompt()))
            return
        question = flow.QUESTIONS[target]
        if isinstance(question, ChooseMany) and (declined := set(options_declined(question, call.text or call.argument))
                                                 & set(self.answers[target] or ())):
            self.answers.pop("confirmed", None)  # "唔要應屆生加分": the option taken off, the rest kept
            self.jump(target)
            self.changed_to(target, [code for code in self.answers[target] if code not in declined])
            return
        new_value = _POLITE_TAG.sub("", value_after_name(call.argument, question.names()))
        if question.as_typed and isinstance(told := changes_in(call.text or call.argument, self.answers).get(target), str) \
                and told not in new_value and not _NOT_ONES_OWN_MOVE.search(match_form(call.text or call.argument)):
            # "我上个月跳槽了 现在在…有限公司", "我跳槽到…有限公司了": the answer's own name is inside the new value ("公司"),
            # so what follows it is nothing or debris ("了"); the value told in everyday words is the new one (try18 U21:
            # the employer was asked again)
            new_value = _MOVED_TO.sub("", told)
        if self.another_persons_number(target, new_value, call.text):
            return
        if _TWO_OFFERED.match(match_form(new_value)):
            # "学校改名了 填新名字还是旧名字": which of two names to write is asked, no name given: answered as a question
            self.answer_question(Interpretation("question", 1.0, asks=True), call.text or call.argument)
            return
        if asks(match_form(new_value)) or _PUT_TO_CHECK.search(match_form(call.argument)) \
                or _ASKED_WHAT_IT_WAS.search(match_form(new_value)) \
                or question.as_typed and asks(match_form(call.text or call.argument)):
            # (a name, an employer or a school typed as anything: in a message that asks — "我叫什么名字来着" —
            # what follows the name is no new value, try15 T61, T56)
            # "单位填对了吗 想看下填了啥", "确认一下，我身份证号没填错吧": the answer shown, nothing changed
            self.say(render.answer_shown(question.label, question.render(self.answers[target])),
                     render.continue_with(self.prompt()))
            return
        self.answers.pop("confirmed", None)
        self.jump(target)
        self.conv.failures = 0  # failures are counted at the question asked: the one revisited starts afresh
        if new_value and question.as_typed and describes_an_edit(new_value):
            # "单位后面少了个（集团）": a change described, not the name; the question again with the name as it is
            self.say(render.whole_value_wanted(question.label), self.prompt())
        elif new_value:  # "修改手机号码为1390…": answered in the same message
            self.answer_directly(target, new_value, call.text)
        else:
            self.say(self.prompt())

    def edits_the_question_waiting(self, call: CommandCall) -> bool:
        """"修改 所在单位" at the employer question not answered yet (the bot's own "修改 项目名" form): that question,
        asked again, or answered with the value given beside it. It had been read as a business type named in words
        (单位 → 单位信息变更) and switched the type unasked, or as an item not on the form (try19 V23)."""
        waiting = field_of(self.state)
        if waiting not in flow.QUESTIONS or waiting in self.answers \
                or self.find_field(call.argument.lower(), [waiting]) is None:
            return False
        question = flow.QUESTIONS[waiting]
        new_value = _POLITE_TAG.sub("", value_after_name(call.argument, question.names()))
        if new_value and not asks(match_form(new_value)) and not describes_an_edit(new_value):
            self.conv.failures = 0
            self.answer_directly(waiting, new_value, call.text)
        else:
            self.say(self.prompt())
        return True

    def edits_then_question(self, text: str) -> EditsThenQuestion | None:
        """Clauses that change answers with their new values, then a question in the clauses after them ("学校改成某某学院
        另外社保要交满几年", "我公司换了 现在叫…有限公司 合同要重新传吗"); None otherwise: an edit that gives no value
        ("手机号 怎么改"), a fact put to the question with no change asked ("如果我结婚了 要加什么材料")."""
        parts = clauses(text)
        at = next((i for i, part in enumerate(parts) if asks(match_form(part))), 0)
        if not at:
            return None
        edits, question = " ".join(parts[:at]), " ".join(parts[at:])
        says_a_change = SAYS_A_CHANGE.search(canonical(edits)) is not None
        changed = changes_in(edits, self.answers) if says_a_change else {}
        if not changed:  # no change said in its words: the clauses read as an edit that gives the new value
            said = interpret(self.point(), edits, kb=self.ctx.kb)[0]
            if said.kind != "command" or said.command != "edit":
                return None
            target = self.find_field(said.argument.lower(), list(flow.QUESTIONS))
            gives = target is not None and value_after_name(said.argument, flow.QUESTIONS[target].names()).strip()
            if not gives and (says_a_change or not changes_in(edits, self.answers)):
                return None
        return EditsThenQuestion(edits, question, changed)

    def not_on_the_form(self, argument: str, editable: list[str]) -> str | None:
        """What to say of an edit naming no answer the applicant has by its own name but an item the form lacks
        ("地址", "户口": ``not_on_the_form.yaml``) or a question off their path ("学校" with no 学历加分); None
        when it names an answer they have, or nothing (the usual list of what can be changed)."""
        said = argument.lower()
        if not said or any(name.lower() in said for state in editable for name in flow.QUESTIONS[state].names()):
            return None
        labels = [flow.QUESTIONS[s].label for s in editable]
        if (absent := absent_item(said)) is not None:
            near = flow.QUESTIONS[absent.near].label if absent.near in editable else None
            return render.not_on_the_form(absent.label, absent.note, near, labels)
        path = self.path()
        unasked = self.find_field(said, [f for f in flow.QUESTIONS if f not in path and f not in NOT_FILLED_IN])
        if unasked is None:
            return None
        bonus = next((code for code, asked in flow.BONUS_FOLLOW_UPS.items() if unasked in asked), None)
        offered = flow.QUESTIONS["bonus_options"].render([bonus]) if bonus and "bonus_options" in editable else None
        return render.not_chosen_item(flow.QUESTIONS[unasked].label, offered, labels)

    def answer_before_an_edit(self, text: str) -> None:
        """The question asked answered in a clause of its own before an edit of an earlier answer ("一个 对了我姓名写错了
        应该是张玮", "职称和学历都有 邮箱也改一下 …"): saved too, as an answer beside a correction is (try15 T14, T15)."""
        field = field_of(self.state)
        parts = clauses(text)
        if field not in flow.QUESTIONS or field in self.answers or len(parts) < 2 \
                or self.find_field(parts[0].lower(), [f for f in flow.QUESTIONS if f in self.answers]) is not None:
            return  # (a clause naming an answer given is the edit's own: "手机号 写错了 …")
        value, error = value_of(field, parts[0])
        if error is None and value is not None and interpret(self.point(), parts[0], kb=self.ctx.kb)[0].kind == "answer":
            self.set_answer(field, value)
            self.say(self.saved_list([field]))

    def no_correction_said(self, text: str) -> bool:
        """Once the application is with the reviewers or approved, a worry of a wrong answer or another person's case
        said in a correction's words (review3 R5): neither is passed on as the applicant's correction (a worry had been
        kept for the reviewer, or had opened a dispute of an approval). A worry is shown the answer it names, with how to
        report it if it is wrong; another's case is answered as the question it is. False for anything else."""
        status = self.application_status()
        said = match_form(text)
        if status not in ("approved", *lifecycle.CORRECTABLE_BY_REVIEW) or not SAYS_A_CHANGE.search(said) \
                or self.opened_by_staff(text):
            return False
        if _ANOTHERS_CASE.search(said) and not _FOR_THEM.search(said) and not self.conv.typing_for \
                and not (_FAMILY_ANSWER.search(said) and not _THIRD_PERSON.match(said)):
            self.answer_question(Interpretation("question", 1.0, asks=True), text)
            return True
        if not (_WORRIED.search(said) or _PUT_TO_CHECK.search(said)) or _RIGHT_VALUE_GIVEN.search(said):
            return False
        answers = (self.ctx.application or {}).get("answers") or {}
        field = self.find_field(said, [f for f in flow.QUESTIONS if f in answers and f not in ("consent", "confirmed")])
        question = flow.QUESTIONS[field] if field else None
        shown = (question.label, mask_text(question.render(answers[field]))) if question else None
        self.say(render.worry_of_a_wrong_answer(shown, to_reviewer=status != "approved"))
        return True

    def opened_by_staff(self, argument: str) -> bool:
        """Whether the answer ``argument`` names is one staff opened for the applicant to choose again after submission
        (``lifecycle.options_opened``: a bonus option missed, try18 U8): edited as in the draft, its follow-ups asked,
        the checklist made again at the confirmation."""
        app = self.ctx.application or {}
        if not app.get("options_open") or app.get("status") != "returned":  # (under review again: closed, review3 R1)
            return False
        opened = [field for field in lifecycle.OPENED_FIELDS if field in self.answers or field == "bonus_options"]
        return self.find_field(argument.lower(), opened) is not None

    def options_dropped_after_return(self, text: str) -> bool:
        """At a returned application, an option said to be no longer applied for ("那我不要应届生加分了", as a
        reviewer's return may ask): taken off the application (``DropOptions``: the checklist made again, what
        changed said by it); only taking off, never putting on. False when no chosen option is declined."""
        answers = (self.ctx.application or {}).get("answers") or self.answers
        for field in lifecycle.DROPPABLE_AFTER_RETURN:
            chosen = list(answers.get(field) or [])
            declined = set(options_declined(flow.QUESTIONS[field], text)) & set(chosen)
            if declined:
                kept = [code for code in chosen if code not in declined]
                self.effects.append(DropOptions(self.conv.application_id, field, tuple(kept)))
                self.answers[field] = kept
                self.drop_photos_of_an_item_gone()  # pages of the proof no longer asked for go with it, said so
                return True
        return False

    def spouse_dropped(self, text: str) -> bool:
        """The spouse chosen to be added, then said not to be ("算了，老公不加了，只加儿子"): 本次新增配偶随员 taken off
        the spouse options, said back, so the checklist asks no spouse papers. False when nothing was dropped."""
        chosen = self.answers.get("spouse_options") or []
        if "spouse_companion" not in chosen or not _SPOUSE_DROPPED.search(match_form(text)):
            return False
        self.answers.pop("confirmed", None)
        self.jump("spouse_options")
        self.changed_to("spouse_options", [code for code in chosen if code != "spouse_companion"])
        return True

    def number_saved(self, field: str) -> Any:
        """The ID number, mobile or e-mail saved; None where none is, the e-mail left out ("") included: one sent
        later ("邮箱加一个 hxm@126.com") fills it, it replaces nothing."""
        return self.answers.get(field) or None

    def another_persons_number(self, field: str, value: str, text: str) -> bool:
        """An ID number, mobile or e-mail read as an edit from words that do not say the saved one is wrong
        ("我老婆的身份证号是3101…", "配偶手机139…"): most likely a family member's, so kept apart and said, with
        how to change the applicant's own; False for any other edit."""
        if field not in flow.DISTINCTIVE_ANSWERS or not value or says_own_number_changed(text):
            return False
        if self.number_saved(field) is None and not OF_ANOTHER.search(canonical(text)):
            return False  # none saved: one sent fills it, unless it is said to be another person's ("我老婆邮箱 …")
        shaped = every_shaped(field, value)  # the number itself, not the words around it ("换了 139… 帮我改下")
        if not shaped:  # no number given ("我爸的手机号写错了吗"): nothing to keep apart
            return False
        question = flow.QUESTIONS[field]
        self.say(render.another_value_kept(question.label, question.render(self.answers.get(field)), shaped[0]),
                 render.continue_with(self.resume_prompt()))
        return True

    def answer_directly(self, field: str, text: str, whole: str = "") -> None:
        """A new value given with the edit: the question's parser decides (it was asked for), or the
        words that can mean nothing else ("9年 不是10年", "我是全日制的"), in ``text`` or, when it says nothing of its
        own, the ``whole`` message ("不留邮箱了": none, the words after the item's name only "了"). The change is said, and the
        question the applicant was at comes again (the answers between are kept)."""
        if field == "email" and self.offer_email_meant(text):  # "邮箱改成 zw艾特qq点com": offered for a yes, as at its question
            return
        try:
            value = parse_value(field, text)
        except ValidationError as err:
            # a number found by its shape, or else words that can mean nothing else ("邮箱不填了": none)
            value = extract(text).get(field) if field in flow.DISTINCTIVE_ANSWERS else None
            value = in_words(field, text) if value is None else value
            value = in_words(field, whole) if value is None and whole and not _SAYS_SOMETHING.search(text) else value
            if value is None:  # "输错了一位，正确的是6101…": a number found by its shape among the words
                self.on_invalid(err)
                return
        if not self.asks_if_meant(field, value):
            self.changed_to(field, value)

    def other_type_offered(self, text: str) -> bool:
        """"等下 我其实是换了单位" once 积分新办 is chosen: the situation told suggests another business type, asked whether
        to change to it (try20 W7: read as the employer told early, the type stayed new, and so did the checklist)."""
        _, offered = value_of("business_type", text)
        chosen = self.answers.get("business_type")
        if not isinstance(offered, Offered) or offered.value == chosen:
            return False
        options = {o.code: o for o in flow.QUESTIONS["business_type"].options}
        self.conv.pending = {"type_offered": offered.value}
        self.say(render.other_type_offered(options[offered.value], options[chosen]))  # the step waits for the yes or no
        return True

    def changed_to(self, field: str, value: Any) -> None:
        """An answer changed on request: saved, the change said, and the question the applicant was at next."""
        self.say_changed(field, value)
        self.after_answer()

    def say_changed(self, field: str, value: Any) -> None:
        """Save ``value`` and say the change; a "change" to the very value saved is said to be none (try13 T3:
        "已将配偶情况改为：本次新增配偶随员" while it stayed, and the applicant believed it put right)."""
        before = self.answers.get(field)
        self.set_answer(field, value)
        question = flow.QUESTIONS[field]
        said = question.render(self.answers[field])
        self.say(render.answer_unchanged(question.label, said) if before == self.answers[field]
                 else render.answer_changed(question.label, said))

    def changed_beyond(self, text: str, beyond: list[str]) -> bool:
        """The answers kept after the question waiting (``beyond``: ``kept_beyond``) that ``text`` changes: changed and
        said so, and the question waiting asked again; False when it changes none of them."""
        changed = {f: v for f, v in changes_in(text, self.answers).items() if f in beyond} if beyond else {}
        for field, value in changed.items():
            self.say_changed(field, value)
        if changed and field_of(self.state) in self.answers:
            self.after_answer()  # "1 学历加分不要了": the question waiting answered first, so on from it
        elif changed:
            self.say(render.current_step(self.prompt()))
        return bool(changed)

    def kept_beyond(self) -> list[str]:
        """The answers kept after the question waiting, where a change at the summary asked a new one (已婚 now: the
        spouse options): they stand, and are theirs to change while it waits ("学历加分不要了", try17 T14). Nothing
        on the way through the form, where nothing after the question waiting is answered yet."""
        waiting = field_of(self.state)
        if waiting not in flow.QUESTIONS or waiting in self.answers:
            return []
        after = list(flow.QUESTIONS)[list(flow.QUESTIONS).index(waiting) + 1:]
        return [s for s in after if s in self.answers and s not in NOT_FILLED_IN]

    @staticmethod
    def find_field(arg: str, candidates: list[str]) -> str | None:
        if not arg:
            return None
        # The field named first is the one edited, the longer name of it first ("名字 冯晓刚 身份证上是晓": the
        # name, whose spelling the ID card shows; "单位名字改成…": the employer's), except one said to be right
        # ("姓名没问题 身份证号写错了": the ID number).
        arg = " ".join(part for part in _CLAUSE_BREAK.split(arg) if not SAID_RIGHT.search(part)) or arg
        best: tuple[tuple[int, int, int], str, str] | None = None
        for state in candidates:
            for name in flow.QUESTIONS[state].names():
                name = name.lower()
                if name == arg or name in arg or (len(arg) >= 2 and arg in name):
                    score = (name == arg, -max(arg.find(name), 0), len(name))
                    if best is None or score > best[0]:
                        best = (score, state, name)
        if best is None:
            return None
        # "身份证姓名填错了", "身份证上的名字…": a document's word before another answer's name is whose it is, the
        # name as the ID card shows it (the ID number is not said wrong)
        after = _ON_A_DOCUMENT.sub("", arg[max(arg.find(best[2]), 0) + len(best[2]):], count=1)
        if best[2] in _DOCUMENT_WORDS and (owned := next((state for state in candidates if state != best[1] for name in
                                                          flow.QUESTIONS[state].names() if after.startswith(name.lower())),
                                                         None)):
            return owned
        # "学校名字改成…" with no school answered: the school's name, not the applicant's (try17 T1 set the 姓名 to it)
        before = arg[:max(arg.find(best[2]), 0)].rstrip("的 ")
        owner = best[1] == "name" and any(before.endswith(n.lower()) for f, q in flow.QUESTIONS.items()
                                          if f != "name" for n in q.names() if len(n) > 1)
        return None if owner else best[1]
