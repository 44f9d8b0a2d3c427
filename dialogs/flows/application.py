"""The pre-review application flow, as the operator manual (seed 000) lays it out.

Read top to bottom: the business types, the questions in the order they are asked, and the
transition table that decides which question comes next. ``dialogs.engine`` interprets it.
"""
from __future__ import annotations

from datetime import date
from functools import partial

from dialogs import validators as v
from dialogs.questions import Choice, ChooseMany, Option, Question
from dialogs.sources import Sourced, seed

# -- business types (manual, section 二) ---------------------------------------
BUSINESS_TYPES = (
    Option("new", "积分新办", ("新办", "新办积分", "首次办理", "第一次办", "新申请", "xinban"),
           "从未办理过居住证积分或人才引进居住证，第一次办理积分"),
    Option("renew", "积分续办", ("续办", "续办积分", "续签", "延期", "积分确认", "续期", "xuban"),
           "原积分到期，新一年居住证签注后申请积分延期"),
    Option("employer_change", "单位信息变更", ("单位变更", "换单位", "换工作", "变更单位", "信息变更"),
           "积分仍在有效期内，但换了工作单位，需要变更积分通知书上的单位"),
    Option("add_companion", "增加同住人", ("同住人", "加同住人", "增加同住人信息", "添加随员", "增加随员"),
           "积分仍在有效期内，单独增加配偶、子女为同住人"),
)

# The 服务须知: the manual's own notice, the same for every type, after the type's own line.
PLATFORM_NOTICE = Sourced(
    "请先在“上海市居住证积分管理系统”网上录入个人信息，再上传预审材料，否则预审信息将被退回。"
    "如需积分管理系统的登录密码，请拨打咨询电话 63721888*3230。",
    (seed("000", "服务须知", "上海市居住证积分管理系统", "录入个人信息", "预审信息将被退回", "63721888*3230"),))
TYPE_NOTICES = {
    "new": Sourced("积分新办：适用于从未办理过居住证积分或人才引进居住证、此次首次办理居住证积分的情况。",
                   (seed("000", "二、选择积分办理的业务类型", "从未办理过居住证积分或人才引进居住证",
                         "首次办理居住证积分"),)),
    "renew": Sourced("积分续办：原积分到期，新一年居住证签注后申请积分延期。请先完成居住证签注（可提早一个月办理），"
                     "每次续办需提供最新委托单。",
                     (seed("000", "二、选择积分办理的业务类型", "新一年居住证签注后", "申请积分延期"),
                      seed("000", "3、上传预审材料", "最新委托单"),
                      seed("002", "二、非沪籍续办上海居住证积分", "提早一个月"))),
    "employer_change": Sourced("单位信息变更：适用于积分仍在有效期内、工作单位变更的情况；"
                               "若上次办理的积分已经到期，请直接办理积分续办时一起办理。",
                               (seed("000", "二、选择积分办理的业务类型", "仍在有效期内", "工作单位变更",
                                     "上次办理的积分已经到期", "请直接办理积分续办时一起办理"),)),
    "add_companion": Sourced("增加同住人：适用于积分仍在有效期内、需要单独增加配偶、子女为同住人的情况；"
                             "若上次办理的积分已经到期，请直接办理积分续办时一起办理。",
                             (seed("000", "二、选择积分办理的业务类型", "仍在有效期内", "单独增加配偶、子女为同住人",
                                   "上次办理的积分已经到期", "请直接办理积分续办时一起办理"),)),
}
SERVICE_NOTICE = {code: f"{notice.text}\n{PLATFORM_NOTICE.text}" for code, notice in TYPE_NOTICES.items()}

COMMITMENT = Sourced("【居住证积分申报材料真实性承诺】\n本人了解上海市居住证积分管理有关规定，承诺所填内容及所上传的资料真实，"
                     "若有任何隐瞒及造假，本人愿承担一切后果及责任。",
                     (seed("000", "居住证积分申报材料真实性承诺", "本人了解上海市居住证积分管理有关规定",
                           "若有任何隐瞒及造假，本人愿承担一切后果及责任"),))

# Where one applies in person, for an applicant who turns the commitment down to go to the window instead: the
# knowledge base's entry on which centre takes the application (its answer and sources kept there).
IN_PERSON_ENTRY = "which-centre"

# -- answers that are more than free text ----------------------------------------
MARITAL_STATUS = (
    Option("unmarried", "未婚", ("单身", "没结婚", "weihun")),
    Option("married", "已婚", ("结婚", "结婚了", "有配偶", "复婚", "yihun")),
    Option("divorced", "离异", ("离婚", "离婚了", "离过婚", "lihun", "liyi")),
    Option("widowed", "丧偶"),
)
SPOUSE_OPTIONS = (
    Option("spouse_companion", "本次新增配偶随员", ("新增配偶随员", "配偶随员", "随员", "新增配偶")),
    Option("spouse_hukou", "配偶为本市户籍", ("配偶上海户籍", "配偶本市户籍", "上海户口", "本市户籍", "配偶户籍")),
)
BONUS_OPTIONS = (
    Option("title", "职称加分", ("职称", "技能", "职业资格", "zhicheng")),
    Option("education", "学历加分", ("学历", "学位", "教育背景", "xueli")),
    Option("social_insurance", "社保加分", ("社保", "社会保险", "shebao")),
    Option("shortage_major", "紧缺专业加分", ("紧缺专业", "紧缺")),
    Option("graduate", "应届生加分", ("应届生", "应届", "应届毕业生")),
)
EDUCATION_LEVELS = (
    Option("below_college", "大专以下", ("高中", "中专", "高中及以下", "初中", "职高", "技校", "小学")),
    Option("college", "大专", ("专科", "高职", "dazhuan")),
    Option("bachelor", "本科", ("学士", "大学本科", "专升本", "benke")),  # 专升本: a bachelor's taken after a college degree
    # 修士: Japan's master's degree (修士課程), as a returnee names it
    Option("master", "硕士研究生", ("硕士", "研究生", "硕士研究生", "修士", "mba", "emba", "shuoshi")),
    Option("doctor", "博士研究生", ("博士", "phd", "boshi")),
)
AGREE = (Option("agree", "同意", ("我同意", "同意并继续", "好的", "好", "确认", "是", "agree", "ok", "yes", "i agree", "tongyi")),)
CONFIRM = (Option("confirm", "确认", ("确认无误", "无误", "没问题", "正确", "对", "是", "生成材料", "ok", "yes", "queren")),)


def _permit_expiry(text: str) -> date:
    # A typo like 2207 is caught here without reading the clock: how far off a date is from today is
    # the flow's condition (permit_too_short), which gets today. (Only a date said from today,
    # "明年8月1号", reads Shanghai's today, as an ID number's age does.)
    value = v.parse_date(text)
    if value.year >= 2100:
        raise v.ValidationError("这个有效期太远了，请核对居住证上的有效期截止日期。")
    return value


def _yes_no(value: bool) -> str:
    return "是" if value else "否"


# -- the questions, keyed by the state that asks them --------------------------------
QUESTIONS: dict[str, Question] = {q.field: q for q in (
    Choice("business_type", "业务类型", "请选择您要办理的业务类型：", options=BUSINESS_TYPES,
           edit_names=("类型", "办理类型")),
    Question("permit_expiry", "居住证有效期",
             "请输入您的上海市居住证有效期截止日期，例如 2027-08-25 或 2027年8月25日。",
             _permit_expiry, show=str, edit_names=("居住证", "有效期", "居住证有效期")),
    Choice("consent", "承诺与服务须知", "", options=AGREE, edit_names=("承诺",), strict=True,
           hint="需要您同意以上承诺和须知才能继续办理，请回复“同意”。对承诺或须知有疑问，可以直接提问或回复“人工”。"),
    Question("name", "姓名", "请输入您的姓名（与身份证一致）。", v.parse_person_name, edit_names=("名字",),
             as_typed=True),
    Question("id_number", "身份证号码", "请输入您的18位身份证号码。", v.parse_id_number,
             edit_names=("身份证", "身份证号", "证件号")),
    Question("employer", "所在单位", "请输入您目前所在单位的全称（与劳动合同一致）。",
             v.parse_employer,
             # "单位名字改成…": the employer's own name, not the applicant's (名字)
             edit_names=("单位", "工作单位", "公司", "单位名字", "单位名称", "公司名字", "公司名称"), as_typed=True),
    # The children counted are those entered as 同住人 (003 ⑤, 001 7): their papers go on the checklist.
    # Its label says the same as its question, the summary and the knowledge base: children to be 同住人 only.
    Question("children", "同住子女人数", "您目前有几个同住子女（要填为同住人、享受积分相关待遇的子女）？请回复数字，没有请回复 0。",
             partial(v.parse_count, label="子女人数", low=0, high=20),
             edit_names=("子女", "孩子", "子女人数", "目前子女人数", "同住子女")),
    Choice("marital_status", "婚姻状况", "请选择您的婚姻状况：", options=MARITAL_STATUS, edit_names=("婚姻",)),
    Question("mobile", "手机号码", "请输入您本人的手机号码（后续办理过程中通知使用，请务必填写本人号码并确保准确无误）。", v.parse_mobile,
             edit_names=("手机", "手机号", "电话", "电话号码")),
    Question("email", "邮箱地址", "请输入您的邮箱地址，用于接收后续操作流程邮件；不填写请回复“无”。", v.parse_email,
             show=lambda e: e or "未填写", edit_names=("邮箱", "email", "电子邮箱")),
    ChooseMany("spouse_options", "配偶情况", "请选择符合您情况的配偶选项：", options=SPOUSE_OPTIONS,
               edit_names=("配偶", "配偶选项"), states_facts=True, others=BONUS_OPTIONS),
    ChooseMany("bonus_options", "加分选项", "请选择您本次申请的加分项：", options=BONUS_OPTIONS,
               edit_names=("加分", "加分项"), others=SPOUSE_OPTIONS),
    Question("edu_fulltime", "是否全日制学历", "您的最高学历是全日制学历吗？（1. 是　2. 否）", v.parse_yes_no,
             show=_yes_no, edit_names=("全日制",)),
    Question("edu_foreign", "是否国外学历", "您的最高学历是国（境）外学历吗？（1. 是　2. 否）", v.parse_yes_no,
             show=_yes_no, edit_names=("国外学历", "海外学历", "境外学历")),
    Choice("edu_level", "学历层次", "请选择您的最高学历层次：", options=EDUCATION_LEVELS,
           edit_names=("学历", "学历层次")),
    Question("edu_school", "最高学历毕业院校全称", "请输入您最高学历毕业院校的全称。",
             v.parse_school,
             edit_names=("学校", "院校", "毕业院校", "学校名字", "学校名称"), as_typed=True),
    Question("social_years", "社保累计年数", "您在本市累计缴纳职工社保多少年？请回复数字，例如 5。",
             partial(v.parse_years, label="社保累计年数", low=0, high=50), edit_names=("社保年数", "社保年限")),
    Choice("confirmed", "确认信息", "", options=CONFIRM, strict=True, numbered=False,
           hint="请回复“确认”生成材料清单；需要修改请告诉我要修改哪一项，例如“修改 手机号码”。"),
)}

# Questions whose answers cannot be taken for anything else: one of them sent where another
# question is asked ("11010519491231002X" for the name) is named as what it is.
# What a question means for one business type, said under it: 单位信息变更 changes the employer on the points
# notice to the new one, so "所在单位" is the employer after the change ("填新单位还是老单位" was left unanswered).
PROMPT_NOTES: dict[tuple[str, str], str] = {
    ("employer", "employer_change"): "办理单位信息变更，请填写变更后的新单位（现在签劳动合同、缴社保的单位）的全称。",
}

# What decides a fact the applicant may not know offhand, said when they answer that they do not know ("不知道"
# whether the degree is full-time): where to look it up, as the knowledge base's entries on it say.
HOW_TO_TELL: dict[str, str] = {
    "edu_fulltime": "是否全日制按毕业证书上的学习形式判断：普通高校统招的全日制学历选“是”；成人高考（业余、函授、夜大）、"
                    "自学考试、网络教育等选“否”。拿不准的，以学信网学历认证报告上的“学习形式”为准。",
    "edu_foreign": "最高学历是在国（境）外取得的（包括港澳台地区），选“是”，这类学历要有教育部出具的海外学历认证报告；"
                   "在国内高校取得的选“否”。",
    "permit_expiry": "居住证有效期请写到具体哪一天，以居住证上印的到期年、月、日为准。",
    "social_years": "社保累计年数以本市职工社会保险个人缴费记录为准（可在“随申办”或社保网站查询、打印），按累计缴费的整年数填写；"
                    "先填一个，查清后也可以回复“修改 社保累计年数”改正。",
    "spouse_options": "配偶是否本市户籍，看配偶的户口本（户籍登记在上海的是本市户籍）；是否新增配偶随员，"
                      "看这次是否要把配偶新增为随员（同住人）。",
}

DISTINCTIVE_ANSWERS = ("id_number", "mobile", "email", "permit_expiry")

# Answers given for another answer: when that one changes, they are asked again (the consent was
# given to the old business type's 服务须知).
ASKED_AGAIN_WHEN_CHANGED = {"business_type": ("consent",)}
# Answers a change to one value gives another meaning: under 单位信息变更 "所在单位" is the new employer, which
# the one given under another business type (the employer the points were scored with) is not.
ASKED_AGAIN_WHEN_CHANGED_TO = {("business_type", "employer_change"): ("employer",)}

# -- states: every question, plus where the flow stops or hands over --------------------------
# (What consent and these states say beyond a question's own text: ``render.COMPUTED_PROMPTS``.)
# States that hold the applicant, asking one of their answers again, until it changes.
HOLD_STATES = ("permit_too_short", "nobody_to_add")
STOP_STATES = (*HOLD_STATES, "summary", "materials")
STATES = [*(field for field in QUESTIONS if field != "confirmed"), *STOP_STATES]
# The state that asks a question, when it is not named after the field it fills.
ASKS = {"permit_too_short": "permit_expiry", "nobody_to_add": "children", "summary": "confirmed"}
INITIAL = "business_type"

# -- which question comes next: the first row whose condition holds -----------------------
FLOW = [
    # source              dest                 condition (a FlowModel method)
    ("business_type",     "permit_expiry",     None),
    ("permit_expiry",     "permit_too_short",  "permit_too_short"),
    ("permit_expiry",     "consent",           None),
    ("permit_too_short",  "permit_too_short",  "permit_too_short"),
    ("permit_too_short",  "consent",           None),
    ("consent",           "name",              None),
    ("name",              "id_number",         None),
    ("id_number",         "employer",          None),
    ("employer",          "children",          None),
    ("children",          "marital_status",    None),
    ("marital_status",    "mobile",            None),
    ("mobile",            "email",             None),
    ("email",             "nobody_to_add",     "unmarried_without_children"),
    ("email",             "spouse_options",    "asks_spouse"),
    ("email",             "bonus_options",     "asks_bonus"),
    ("email",             "summary",           None),
    ("spouse_options",    "nobody_to_add",     "nobody_to_add"),
    ("spouse_options",    "bonus_options",     "asks_bonus"),
    ("spouse_options",    "summary",           None),
    ("bonus_options",     "edu_fulltime",      "chose_education"),
    ("bonus_options",     "social_years",      "chose_social_insurance"),
    ("bonus_options",     "summary",           None),
    ("edu_fulltime",      "edu_foreign",       None),
    ("edu_foreign",       "edu_level",         None),
    ("edu_level",         "edu_school",        None),
    ("edu_school",        "social_years",      "chose_social_insurance"),
    ("edu_school",        "summary",           None),
    ("social_years",      "summary",           None),
    ("nobody_to_add",     "nobody_to_add",     "nobody_to_add"),
    ("nobody_to_add",     "spouse_options",    "asks_spouse"),
    ("nobody_to_add",     "summary",           None),
    # A draft confirmed long after its permit date was given (resumed after months): the date is checked
    # again against the day of the confirmation, as when it was typed.
    ("summary",           "permit_too_short",  "permit_too_short"),
    ("summary",           "materials",         None),
]

def certainly_ahead(state: str) -> list[str]:
    """The states that follow ``state`` whatever the answers: while a state has one row above, its
    destination comes next (from the children question: marital status, then the mobile)."""
    ahead: list[str] = []
    while len(rows := [dest for source, dest, _ in FLOW if source == state]) == 1 and rows[0] not in ahead:
        state = rows[0]
        ahead.append(state)
    return ahead


# The questions a bonus option brings (the rows after "bonus_options" above): an answer to one of
# them is given for that option, which is chosen with it.
BONUS_FOLLOW_UPS = {"education": ("edu_fulltime", "edu_foreign", "edu_level", "edu_school"),
                    "social_insurance": ("social_years",)}

# -- the conditions, in the applicant's terms ---------------------------------------------
MIN_PERMIT_MONTHS = 2       # manual: "至少应有两个月以上有效期"
TRANSFER_PERMIT_MONTHS = 4  # manual: "若人才中心审核后需要调档至少应有四个月以上有效期"
SPOUSE_TYPES = {"new", "renew", "add_companion"}
# The business types for points still valid (the seed's 积分仍在有效期内).
NEEDS_VALID_POINTS = frozenset({"employer_change", "add_companion"})
BONUS_TYPES = {"new", "renew"}
# Answers possible but seldom true, above these: most often a slip ("10" for 1) or another count (the family's),
# so asked once whether they are meant before they are saved (and the checklist asks papers for each child).
UNLIKELY_ABOVE = {"children": 5}
# Yes-or-no questions whose yes brings papers of its own (a foreign degree's certification): a murmur alone ("嗯")
# is no sure yes there, and is asked about once before it is saved.
MURMUR_ASKED = frozenset({"edu_foreign"})


class Conditions:
    """Mixed into the flow's model: each method reads the answers given so far."""

    answers: dict
    today: date

    def permit_too_short(self) -> bool:
        expiry = self.answers.get("permit_expiry")
        return expiry is not None and date.fromisoformat(str(expiry)) < v.add_months(self.today, MIN_PERMIT_MONTHS)

    def asks_spouse(self) -> bool:
        return self.answers.get("business_type") in SPOUSE_TYPES and self.answers.get("marital_status") == "married"

    def unmarried_without_children(self) -> bool:
        """增加同住人 adds a spouse or children (manual 二): with neither there is nobody to add."""
        return (self.answers.get("business_type") == "add_companion" and not int(self.answers.get("children") or 0)
                and self.answers.get("marital_status") != "married")

    def nobody_to_add(self) -> bool:
        """… and a married applicant with no child who does not add the spouse (新增配偶随员) neither."""
        if self.answers.get("business_type") != "add_companion" or int(self.answers.get("children") or 0):
            return False
        spouse = self.answers.get("spouse_options")
        return self.unmarried_without_children() or (spouse is not None and "spouse_companion" not in spouse)

    def asks_bonus(self) -> bool:
        return self.answers.get("business_type") in BONUS_TYPES

    def chose_education(self) -> bool:
        return "education" in (self.answers.get("bonus_options") or [])

    def chose_social_insurance(self) -> bool:
        return "social_insurance" in (self.answers.get("bonus_options") or [])


def with_bonus_options(answers: dict, fields: dict) -> dict:
    """Answers found in one message (``fields``), with the bonus options their follow-up answers
    belong to ("全日制本科，社保交了4年": 学历加分 and 社保加分), so that the follow-ups still missing
    are asked; where the business type has no bonus, without those follow-ups (never kept alone). Before
    a type is chosen they are kept with their options: the save drops what the chosen type does not use."""
    implied = {option for option, asked in BONUS_FOLLOW_UPS.items() if any(f in fields for f in asked)}
    answered = set(answers.get("bonus_options") or ())
    if "education" in implied and ("graduate" in fields.get("bonus_options", ()) or implied - {"education"} & answered):
        # A degree told beside the answer of an option chosen already ("硕士毕业以后交了三年", "我是本科 交了4年" at the
        # social years) or beside 应届生 ("应届生 硕士 复旦大学": the graduation's): a fact, a time reference or the other
        # option's, never 学历加分 chosen for the applicant (its questions would be skipped and its papers asked).
        # Told alone, or beside an option being added, it still brings 学历加分 ("全日制硕士" at the summary).
        implied.discard("education")
    if not implied:
        return fields
    business_type = fields.get("business_type", answers.get("business_type"))
    if business_type is not None and business_type not in BONUS_TYPES:
        return {k: v for k, v in fields.items() if not any(k in asked for asked in BONUS_FOLLOW_UPS.values())}
    chosen = set(fields.get("bonus_options", answers.get("bonus_options")) or []) | implied
    return {**fields, "bonus_options": [o.code for o in BONUS_OPTIONS if o.code in chosen]}
