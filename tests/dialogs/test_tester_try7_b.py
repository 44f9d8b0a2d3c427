"""What a tester playing applicants as they really write saw go wrong (try7): consent asked about or
given after a second thought, consent with a caveat, a business type told in traditional characters
or dialect, a person asked for in the first message, the spouse's hukou denied in the same breath,
a degree raised later by self-study, a spouse option corrected at the checklist, a spouse's paper
asked about, a material's requirements asked during the questions. Each through the engine."""
from __future__ import annotations

import pytest

from dialogs import render
from tests.support.chat import play

pytestmark = pytest.mark.answers_questions

AT_CONSENT = ["你好", "积分新办", "2027-10-01"]


@pytest.mark.parametrize("asked", ["为啥要同意", "凭啥非得同意", "为啥要我同意这个", "凭啥要我承担一切后果"])
def test_why_consent_is_needed_is_answered_in_colloquial_words(kb, asked):
    """T4: "为啥要同意" was "超出了我能回答的范围"."""
    outcome = play(kb, *AT_CONSENT, asked)
    assert kb.entry("commitment-and-notice").answer in outcome.replies
    assert outcome.state["state"] == "consent"


@pytest.mark.parametrize("then", ["算了还是同意吧", "想了想还是同意吧", "行吧 同意", "那就同意"])
def test_consent_given_after_a_refusal_is_taken(kb, then):
    """T4: "算了还是同意吧" read as "A还是B", a question, and answered "out of scope"."""
    outcome = play(kb, *AT_CONSENT, "不同意", then)
    assert outcome.state["answers"]["consent"] == "agree"
    assert outcome.state["state"] == "name"


@pytest.mark.parametrize("asked", ["新办还是续办", "我该办新办还是续办呢"])
def test_a_choice_between_two_still_asks(kb, asked):
    outcome = play(kb, asked)
    assert "business_type" not in outcome.state["answers"]


@pytest.mark.parametrize(("said", "entry"), [("同意 但是我还没在积分系统录入信息", "points-system-first"),
                                             ("同意，不过积分系统我还没录", "points-system-first"),
                                             ("同意，但是我不知道积分系统密码", "points-system-password-hotline")])
def test_consent_with_a_caveat_is_taken_and_the_caveat_answered(kb, said, entry):
    """T29: the caveat was dropped, though the notice just said the pre-review is returned without the entry."""
    outcome = play(kb, *AT_CONSENT, said)
    assert outcome.state["answers"]["consent"] == "agree"
    assert kb.entry(entry).answer in outcome.replies
    assert outcome.state["state"] == "name"


def test_consent_with_a_remark_nothing_answers_goes_on_quietly(kb):
    outcome = play(kb, *AT_CONSENT, "同意，不过我周末才有空")
    assert outcome.state["answers"]["consent"] == "agree" and outcome.state["state"] == "name"
    assert not any("超出" in reply for reply in outcome.replies)


@pytest.mark.parametrize(("first", "chosen"), [("我要辦理積分續辦", "renew"), ("我要办理积分续办", "renew"),
                                               ("俺要办理积分新办", "new"), ("我想辦理增加同住人", "add_companion")])
def test_a_business_type_wanted_by_its_name_is_chosen_in_any_script(kb, first, chosen):
    """T9: "我要辦理積分續辦" got the FAQ on 续办 and the type menu again."""
    outcome = play(kb, first)
    assert outcome.state["answers"]["business_type"] == chosen
    assert outcome.state["state"] == "permit_expiry"


@pytest.mark.parametrize("first", ["整啥积分啊 俺第一回整", "积分咋弄啊 我第一次办", "这个怎么弄 我以前没办过积分"])
def test_a_first_message_asking_then_telling_its_own_case_chooses_it(kb, first):
    """T9: "整啥积分啊 俺第一回整" got the FAQ on 新办, and no choice; the case told after the question is the choice."""
    outcome = play(kb, first)
    assert outcome.state["answers"]["business_type"] == "new"
    assert any("为您办理：积分新办" in reply for reply in outcome.replies)


@pytest.mark.parametrize("first", ["有没有活人啊", "有真人吗", "能不能转人工", "活人在不在"])
def test_a_person_asked_for_in_the_first_message_is_handed_over(kb, first):
    """T18: "有没有活人啊" as the first message got only the business-type menu."""
    outcome = play(kb, first)
    assert any(reply.startswith("已为您转接人工客服") for reply in outcome.replies)


@pytest.mark.parametrize("asked", ["有没有活人啊", "能不能转人工"])
def test_a_person_asked_for_at_a_question_is_handed_over(kb, asked):
    outcome = play(kb, *AT_CONSENT, "同意", asked)
    assert any(reply.startswith("已为您转接人工客服") for reply in outcome.replies)
    assert outcome.state["state"] == "name" and "name" not in outcome.state["answers"]


# A married applicant at the spouse options.
AT_SPOUSE = [*AT_CONSENT, "同意", "刘强", "500101198503034517", "上海浦东发展银行股份有限公司", "1", "已婚", "13912345678", "无"]


@pytest.mark.parametrize("told", ["老公是上海人 但户口在外地", "老婆上海人 不过户口不在上海", "我老公是上海本地的 但户口迁出去了",
                                  "媳妇是上海的 户口在安徽"])
def test_a_spouse_from_shanghai_with_a_hukou_elsewhere_is_not_ticked_as_shanghai_hukou(kb, told):
    """T35: "老公是上海人 但户口在外地" was saved as 配偶为本市户籍."""
    outcome = play(kb, *AT_SPOUSE, told)
    assert "spouse_options" not in outcome.state["answers"]
    assert render.SPOUSE_HUKOU_ELSEWHERE in outcome.replies
    assert play(kb, *AT_SPOUSE, told, "0").state["answers"]["spouse_options"] == []


@pytest.mark.parametrize("told", ["老公是上海户口", "老婆户口在上海"])
def test_a_spouse_with_a_shanghai_hukou_is_still_ticked(kb, told):
    assert play(kb, *AT_SPOUSE, told).state["answers"]["spouse_options"] == ["spouse_hukou"]


# An unmarried applicant who chose the education bonus, said it is full-time and domestic: the level is asked.
AT_LEVEL = [*AT_CONSENT, "同意", "刘强", "500101198503034517", "上海浦东发展银行股份有限公司", "0", "未婚", "13912345678",
            "无", "学历", "是", "否"]


@pytest.mark.parametrize(("told", "level"), [("大专 后来自考了本科", "bachelor"), ("先读的大专 后来专升本", "bachelor"),
                                             ("大专，后来函授拿了本科", "bachelor"), ("本科 后来读了在职研究生", "master")])
def test_a_degree_taken_later_is_the_highest_level(kb, told, level):
    """T31: "大专 后来自考了本科" saved 大专 as the highest level."""
    assert play(kb, *AT_LEVEL, told).state["answers"]["edu_level"] == level


def test_an_earlier_full_time_answer_said_otherwise_is_replaced_and_said_so(kb):
    """T31: the full-time "是" given two messages earlier was flipped to 否 without a word."""
    outcome = play(kb, *AT_LEVEL, "大专 后来自考了本科")
    assert outcome.state["answers"]["edu_fulltime"] is False
    assert render.earlier_answer_replaced("是否全日制学历", "是", "否") in outcome.replies


def test_one_level_said_alone_is_that_level(kb):
    assert play(kb, *AT_LEVEL, "本科").state["answers"]["edu_level"] == "bachelor"


# A married applicant with a child, no spouse option and no bonus, at the checklist.
AT_CHECKLIST = [*AT_SPOUSE, "0", "0", "确认"]


@pytest.mark.parametrize(("told", "options"), [("配偶是上海户口 忘了勾", ["spouse_hukou"]),
                                               ("我老公上海户口的 忘记勾选了", ["spouse_hukou"]),
                                               ("老婆其实是上海户口", ["spouse_hukou"]),
                                               ("配偶随员刚才漏选了", ["spouse_companion"])])
def test_a_spouse_option_left_out_said_at_the_checklist_changes_it(kb, told, options):
    """T22: "配偶是上海户口 忘了勾" was answered with the FAQ on the tick box, nothing changed."""
    outcome = play(kb, *AT_CHECKLIST, told)
    assert outcome.state["answers"]["spouse_options"] == options
    assert outcome.state["state"] == "summary"
    made = play(kb, *AT_CHECKLIST, told, "确认")
    assert made.state["answers"]["spouse_options"] == options and made.state["state"] == "materials"


def test_a_question_about_the_spouse_option_at_the_checklist_is_still_answered(kb):
    outcome = play(kb, *AT_CHECKLIST, "配偶是上海户口要传什么")
    assert outcome.state["answers"]["spouse_options"] == []
    assert any(kb.entry("material-spouse-hukou").answer in reply for reply in outcome.replies)


@pytest.mark.parametrize("asked", ["我老婆的身份证要传吗", "配偶的户口本要不要交", "媳妇的身份证需要上传吗"])
def test_the_spouses_papers_asked_about_without_a_spouse_option_are_not_needed(kb, asked):
    """T11: "我老婆的身份证要传吗" was answered with the applicant's own ID card, item 3."""
    outcome = play(kb, *AT_CHECKLIST, asked)
    assert outcome.replies[0] == render.spouse_papers_not_listed("无")
    assert outcome.state["answers"]["spouse_options"] == []


def test_the_spouses_papers_asked_about_with_the_companion_chosen_are_its_item(kb):
    outcome = play(kb, *AT_SPOUSE, "1", "0", "确认", "我老婆的身份证要传吗")
    assert outcome.replies[0].startswith("配偶身份证(正反面)")


def test_the_applicants_own_id_card_asked_about_is_still_item_3(kb):
    outcome = play(kb, *AT_CHECKLIST, "我的身份证要正反面吗")
    assert "第 3 项" in outcome.replies[0]


# At the children question, the employer just answered.
AT_CHILDREN = [*AT_CONSENT, "同意", "刘强", "500101198503034517", "上海浦东发展银行股份有限公司"]


@pytest.mark.parametrize("asked", ["看看身份证要啥材料", "身份证要准备什么", "身份证材料有啥要求"])
def test_a_materials_requirements_asked_during_the_questions_are_answered(kb, asked):
    """T19: "看看身份证要啥材料" was answered with the saved ID number and "修改 身份证号码"."""
    outcome = play(kb, *AT_CHILDREN, asked)
    assert kb.entry("material-id-card").answer in outcome.replies
    assert outcome.state["state"] == "children"


@pytest.mark.parametrize("asked", ["先别问了 我想看下要准备哪些材料", "等一下 先看看要交什么材料"])
def test_the_list_of_materials_asked_for_during_the_questions_says_when_it_is_made(kb, asked):
    """T19: "先别问了 我想看下要准备哪些材料" got the progress (第 7 步), not a word about the materials."""
    outcome = play(kb, *AT_CHILDREN, asked)
    assert outcome.replies[0].startswith("填完基本信息并回复“确认”后，我会按您的情况生成材料清单")


@pytest.mark.parametrize("none", ["木有", "莫得", "冇", "啥都没有", "一个都木有"])
def test_none_said_in_dialect_at_the_many_choice_questions_is_none(kb, none):
    """T5: "木有" at the bonus options was "没有找到“木有”这个选项"."""
    outcome = play(kb, *AT_SPOUSE, none, none)
    assert outcome.state["answers"]["spouse_options"] == [] and outcome.state["answers"]["bonus_options"] == []
    assert outcome.state["state"] == "summary"


def test_a_mostly_chinese_first_message_with_an_english_verb_is_asked_its_type(kb):
    """T12: "hi 我想apply积分" was "本服务目前只支持中文"; then "new", "ok", "agree" were not understood."""
    outcome = play(kb, "hi 我想apply积分")
    assert not any("only" in reply for reply in outcome.replies)
    assert outcome.state["state"] == "business_type"
    outcome = play(kb, "hi 我想apply积分", "新办", "2027-10-01", "agree")
    assert outcome.state["answers"]["business_type"] == "new" and outcome.state["answers"]["consent"] == "agree"


@pytest.mark.parametrize("asked", ["帮我算算我能有多少分", "帮我算一算能打多少分"])
def test_counting_ones_points_is_answered_with_the_estimate_not_out_of_scope(kb, asked):
    """T26: "帮我算算我能有多少分" was "超出了我能回答的范围"."""
    outcome = play(kb, asked)
    assert kb.entry("points-threshold").answer in outcome.replies


@pytest.mark.parametrize("asked", ["我现在要干嘛", "现在该干嘛了", "接下来要干啥"])
def test_what_to_do_now_at_the_checklist_is_where_they_are(kb, asked):
    """T26: "我现在要干嘛" at the checklist was "超出了我能回答的范围"."""
    outcome = play(kb, *AT_CHECKLIST, asked)
    assert not any("超出" in reply for reply in outcome.replies)
    assert any("咨询服务委托单" in reply for reply in outcome.replies)


@pytest.mark.parametrize("asked", ["😭材料好多 能不能少交点", "材料太多了 能少交几样吗", "这么多材料 可以不交全吗"])
def test_fewer_materials_asked_for_is_told_the_checklist_is_made_for_their_case(kb, asked):
    """T26: offered 材料被退回/改了信息/窗口交材料, none of which fits."""
    outcome = play(kb, *AT_CONSENT, "同意", asked)
    assert kb.entry("checklist-is-the-list").answer in outcome.replies
