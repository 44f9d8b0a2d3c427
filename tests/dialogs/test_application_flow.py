"""The application dialogue, walked the way applicants walk it (operator manual, seed 000)."""
from __future__ import annotations

import itertools

import pytest

from bot.applicant.conversation import Conversations
from dialogs import render
from dialogs.flow_machine import MACHINE, FlowModel, field_of, path_of
from dialogs.flows import application as flow
from storage import open_store
from tests.support.chat import Chat, TODAY
from tests.support.chat import BASIC, VALID_ID, answer_all, application_in, start

# -- every business type, first message to checklist ---------------------------------------
@pytest.mark.parametrize("business_type, extra, expected_extra", [
    ("积分新办", ["1 2 3", "是", "否", "本科", "复旦大学", "6"],
     ["title_certificate", "diploma", "chsi_report", "degree", "cdgdc_report", "social_insurance"]),
    ("2", ["职称"], ["title_certificate"]),
    ("单位信息变更", [], ["previous_notice"]),
    ("4", [], ["previous_notice", "child_birth_certificate"]),
])
def test_each_business_type_reaches_its_checklist(chat, business_type, extra, expected_extra):
    assert "请选择您要办理的业务类型" in chat.send("你好")
    assert "居住证有效期" in chat.send(business_type)
    assert "真实性承诺" in chat.send("2027-08-25")
    assert "姓名" in chat.send("同意")
    basic = [*BASIC[:3], "1", *BASIC[4:]] if business_type == "4" else BASIC  # someone to add
    answer_all(chat, basic + extra)
    assert "请核对您填写的信息" in "\n".join(chat.last)
    reply = chat.send("确认")
    assert "材料清单" in reply
    app = chat.application
    base = ["commission_form", "commitment_letter", "id_card", "residence_permit", "household_register",
            "labor_contract"]
    assert app["checklist"][:6] == base
    assert sorted(app["checklist"][6:]) == sorted(expected_extra)
    assert app["status"] == "draft" and chat.state["state"] == "materials"


def test_only_questions_that_apply_to_the_type_are_asked(chat):
    start(chat, "单位信息变更")
    asked = [chat.send(a) for a in ["张三", VALID_ID, "上海某某科技有限公司", "1", "已婚", "13800138000"]]
    last = chat.send("无")
    assert not any("加分" in r or "配偶" in r for r in asked)
    assert "请核对您填写的信息" in last  # no spouse or bonus options for a change of employer


@pytest.mark.parametrize("business_type, own_line", [
    ("积分新办", "从未办理过居住证积分或人才引进居住证"), ("积分续办", "新一年居住证签注后申请积分延期"),
    ("单位信息变更", "工作单位变更"), ("增加同住人", "单独增加配偶、子女为同住人"),
])
def test_every_service_notice_carries_the_manuals_notice_and_the_types_own_line(chat, business_type, own_line):
    chat.send("你好")
    chat.send(business_type)
    notice = chat.send("2027-08-25").split("【服务须知】")[1]
    assert own_line in notice
    assert "上海市居住证积分管理系统”网上录入个人信息" in notice and "否则预审信息将被退回" in notice
    assert "63721888*3230" in notice


def test_adding_companions_with_nobody_to_add_says_so_and_offers_to_change_the_answers(chat):
    start(chat, "增加同住人")
    reply = answer_all(chat, BASIC)  # 未婚, 0 children
    assert "没有可以增加的同住人" in reply and "修改 婚姻状况" in reply and "修改 业务类型" in reply
    assert "材料清单" not in reply.replace("不会生成材料清单", "")
    assert chat.state["state"] == "nobody_to_add" and chat.application is None
    assert "没有可以增加的同住人" in chat.send("确认")  # no checklist however it is asked for
    assert chat.state["state"] == "nobody_to_add" and chat.application is None
    assert "请核对您填写的信息" in chat.send("2")  # two children after all
    assert "child_birth_certificate" in (chat.send("确认") and chat.application["checklist"])


def test_a_married_applicant_adding_nobody_may_change_to_adding_the_spouse(chat):
    start(chat, "增加同住人")
    answer_all(chat, [*BASIC[:4], "已婚", *BASIC[5:]])
    assert "没有可以增加的同住人" in chat.send("2")  # 配偶为本市户籍 only: no spouse added, no child
    assert "配偶" in chat.send("修改 配偶情况")
    assert "请核对您填写的信息" in chat.send("1")
    chat.send("确认")
    assert {"marriage_certificate", "spouse_companion"} <= set(chat.application["checklist"])


def test_changing_the_business_type_shows_the_new_notice_and_asks_for_consent_again(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    assert "请核对您填写的信息" in "\n".join(chat.last)
    chat.send("修改 业务类型")
    reply = chat.send("积分续办")
    assert "【服务须知】" in reply and "签注" in reply and "回复“同意”" in reply
    assert chat.state["state"] == "consent" and "consent" not in chat.state["answers"]
    assert "请核对您填写的信息" in chat.send("同意")
    assert "业务类型：积分续办" in "\n".join(chat.last)


def test_choosing_the_same_business_type_again_keeps_the_consent(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("修改 业务类型")
    assert "请核对您填写的信息" in chat.send("积分新办")


# -- validation failures are re-asked with a reason ----------------------------------------
def test_wrong_id_checksum_is_explained_and_reasked(chat):
    start(chat, "积分新办")
    chat.send("张三")
    reply = chat.send("110105194912310021")
    assert "校验位不正确" in reply and "18位身份证号码" in reply
    assert chat.state["state"] == "id_number"
    assert "所在单位" in chat.send(VALID_ID)


def test_seventeen_digits_are_rejected_with_the_count(chat):
    start(chat, "积分新办")
    chat.send("张三")
    assert "您输入了17位" in chat.send("11010519491231002")


def test_lowercase_x_and_full_width_digits_are_accepted(chat):
    start(chat, "积分新办")
    chat.send("張三")  # saved in simplified characters, as the ID card prints it
    chat.send("１１０１０５１９４９１２３１００２ｘ")
    assert chat.state["answers"]["id_number"] == VALID_ID
    assert chat.state["answers"]["name"] == "张三"


def test_bad_mobile_is_reasked(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC[:5])
    assert "11位" in chat.send("1380013800")
    assert "号段不存在" in chat.send("12345678901")
    assert "邮箱" in chat.send("138 0013 8000")


@pytest.mark.parametrize("typed", ["2027-08-25", "2027/8/25", "2027年8月25日", "20270825", "２０２７－０８－２５", "2027.8.25",
                                   "27年8月25日", "二〇二七年八月二十五日"])
def test_permit_dates_in_the_formats_people_type(chat, typed):
    chat.send("你好")
    chat.send("积分新办")
    chat.send(typed)
    assert chat.state["answers"]["permit_expiry"] == "2027-08-25"
    assert chat.state["state"] == "consent"


def test_permit_expiring_next_month_stops_until_renewed(chat):
    chat.send("你好")
    chat.send("积分新办")
    reply = chat.send("2026-12-20")
    assert "签注" in reply and "两个月" in reply
    assert chat.state["state"] == "permit_too_short"
    assert "签注" in chat.send("同意")  # nothing proceeds
    assert "真实性承诺" in chat.send("2027-12-20")


def test_expired_permit_is_called_expired(chat):
    chat.send("你好")
    chat.send("积分新办")
    assert "过期" in chat.send("2026-01-01")


def test_permit_under_four_months_mentions_the_transfer_rule(chat):
    chat.send("你好")
    chat.send("积分新办")
    assert "调档" in chat.send("2027-02-10")


def test_unrecognised_date_is_reasked_with_an_example(chat):
    chat.send("你好")
    chat.send("积分新办")
    reply = chat.send("明年八月")
    assert "2027-08-25" in reply and chat.state["state"] == "permit_expiry"
    assert "不是有效的日期" in chat.send("2027-02-30")


def test_unknown_option_reasks_with_the_choices(chat):
    chat.send("你好")
    reply = chat.send("7")
    assert "没有找到" in reply and "1.积分新办" in reply
    assert chat.state["state"] == "business_type"
    start_reply = chat.send("续签")  # a close variant
    assert chat.state["answers"]["business_type"] == "renew" and "有效期" in start_reply


def test_a_reply_close_to_some_options_is_asked_among_those_only(chat):
    chat.send("你好")
    reply = chat.send("我想办积分")
    assert "可能是：1.积分新办、2.积分续办。" in reply and "单位信息变更" not in reply


@pytest.mark.parametrize("text", ["Li Ming", "single", "zhangwei@qq.com", "ByteDance"])
def test_latin_letters_are_never_close_to_an_option_by_two_letters_of_its_pinyin(chat, text):
    chat.send("你好")
    assert "可能是" not in chat.send(text)
    assert chat.state["state"] == "business_type"
    chat.send("2")
    assert chat.state["answers"]["business_type"] == "renew"


def test_a_reply_close_to_every_option_lists_them_all(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    reply = chat.send("加分")  # in every bonus option's name: no narrowing
    assert "没有找到“加分”" in reply and "5.应届生加分" in reply


def test_an_answer_to_another_question_is_kept_said_and_the_question_asked_again(chat):
    """A valid answer is never lost nor a failure (issue 15 point 6): saved, said, and the question
    waiting asked again."""
    start(chat, "积分新办")
    reply = chat.send(VALID_ID)  # sent for the name
    assert f"身份证号码：{VALID_ID}" in reply and "姓名" in reply
    assert chat.state["state"] == "name" and chat.state["failures"] == 0
    chat.send("张三")
    assert chat.state["state"] == "employer"  # the ID number is not asked again
    reply = chat.send("13800138000")  # for the employer, whose name could be anything
    assert "手机号码：13800138000" in reply and "所在单位的全称" in reply
    assert "employer" not in chat.state["answers"]
    chat.send("3M中国有限公司")
    assert chat.state["answers"]["employer"] == "3M中国有限公司"


def test_unknown_bonus_option_reasks(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC)
    assert "没有找到“9”" in chat.send("1 9")
    assert chat.state["state"] == "bonus_options"


def test_empty_answer_is_reasked(chat):
    start(chat, "积分新办")
    reply = chat.send("   ")
    assert "不能为空" in reply and "姓名" in reply
    assert chat.state["state"] == "name"


def test_consent_is_required(chat):
    chat.send("你好")
    chat.send("积分新办")
    chat.send("2027-08-25")
    assert "需要您同意以上承诺和须知才能继续办理，请回复“同意”" in chat.send("不同意")
    assert "需要您同意以上承诺和须知才能继续办理，请回复“同意”" in chat.send("嗯")
    assert chat.state["state"] == "consent"
    assert "姓名" in chat.send("同意")


def test_consent_sent_twice_is_not_taken_for_the_name(chat):
    start(chat, "积分新办")
    reply = chat.send("同意")  # a double tap, or a message WeChat delivered late
    assert "“同意”不像是姓名" in reply and "请输入您的姓名" in reply
    assert chat.state["state"] == "name" and "name" not in chat.state["answers"]
    chat.send("张三")
    assert chat.state["answers"]["name"] == "张三"


def test_email_may_be_left_blank_but_not_malformed(chat):
    start(chat, "单位信息变更")
    answer_all(chat, BASIC[:6])
    assert "格式不正确" in chat.send("zhangsan@")
    chat.send("无")
    assert chat.state["answers"]["email"] == ""


# -- back, edit, restart, save, resume -----------------------------------------------------
def test_back_returns_to_the_previous_question_and_keeps_the_answer(chat):
    start(chat, "积分新办")
    chat.send("张三")
    reply = chat.send("返回")
    assert "姓名" in reply and "当前填写：张三" in reply
    assert chat.state["state"] == "name"
    assert "身份证" in chat.send("保持")


def test_back_on_the_first_question_says_so(chat):
    chat.send("你好")
    assert "已经是第一步" in chat.send("上一步")


def test_edit_from_the_summary_comes_back_to_the_summary(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    reply = chat.send("修改 手机号码")
    assert "当前填写：13800138000" in reply
    reply = chat.send("13900139000")
    assert "请核对您填写的信息" in reply and "13900139000" in reply


@pytest.mark.parametrize("typed", ["手机号码改成13900139000", "修改手机号码为13900139000", "修改 手机 13900139000",
                                   "我想把手机号改为 139 0013 9000", "手机号换成13900139000"])
def test_a_change_stated_with_its_new_value_is_applied_in_one_message(chat, typed):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    reply = chat.send(typed)
    assert chat.state["answers"]["mobile"] == "13900139000"
    assert "请核对您填写的信息" in reply and chat.state["state"] == "summary"


def test_a_new_value_keeps_its_case_and_a_bad_one_asks_that_question_again(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("修改邮箱为 Zhang@Example.com")
    assert chat.state["answers"]["email"] == "Zhang@example.com"  # the domain alone is case-free
    reply = chat.send("手机号码改成123")
    assert "应为11位" in reply and "当前填写：13800138000" in reply
    assert chat.state["state"] == "mobile" and chat.state["answers"]["mobile"] == "13800138000"


def test_a_changed_answer_that_opens_a_new_question_asks_it(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    assert "配偶" in chat.send("修改婚姻状况 已婚")
    assert chat.state["answers"]["marital_status"] == "married" and chat.state["state"] == "spouse_options"


@pytest.mark.parametrize("reply", ["确认", "好的", "对"])
def test_confirming_an_answer_shown_again_for_editing_keeps_it(chat, reply):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("修改 手机号码")
    assert "请核对您填写的信息" in chat.send(reply)
    assert chat.state["answers"]["mobile"] == "13800138000" and chat.state["failures"] == 0


def test_edit_in_the_middle_returns_to_where_the_applicant_was(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC[:3])
    chat.send("修改姓名")
    reply = chat.send("李四")
    assert "子女" in reply and chat.state["state"] == "children"


def test_editing_marital_status_asks_the_new_spouse_question_and_drops_stale_answers(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    chat.send("修改 婚姻状况")
    assert "配偶" in chat.send("已婚")
    assert "请核对" in chat.send("2")
    chat.send("修改 婚姻")
    chat.send("离异")
    assert "spouse_options" not in chat.state["answers"]


def test_editing_an_answer_regenerates_the_checklist_and_keeps_uploads_still_required(chat, conversations):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["1"])
    chat.send("确认")
    app_id = chat.application["id"]
    store = conversations.store
    store.update("application", app_id, lambda a: {**a, "materials": {
        "id_card": {"status": "uploaded", "sha256": "a" * 64},
        "title_certificate": {"status": "uploaded", "sha256": "b" * 64}}})
    chat.send("修改 加分")
    chat.send("社保")
    chat.send("8")
    assert "材料清单" in chat.send("确认")
    app = chat.application
    assert app["id"] == app_id
    assert "social_insurance" in app["checklist"] and "title_certificate" not in app["checklist"]
    assert app["materials"] == {"id_card": {"status": "uploaded", "sha256": "a" * 64}}


def test_edit_names_an_unknown_item(chat):
    start(chat, "积分新办")
    chat.send("张三")
    reply = chat.send("修改 星座")
    assert "请告诉我要修改哪一项" in reply and "姓名" in reply.split("可修改：")[1]


def test_restart_asks_to_confirm_and_can_be_cancelled(chat):
    start(chat, "积分新办")
    chat.send("张三")
    assert "确定要重新开始吗" in chat.send("重新开始")
    assert "已取消" in chat.send("不了")
    assert chat.state["answers"]["name"] == "张三"
    chat.send("重新开始")
    assert "业务类型" in chat.send("确定")
    assert chat.state["answers"] == {} and chat.state["state"] == "business_type"
    chat.send("积分新办")
    chat.send("重新开始")
    assert "业务类型" in chat.send("是的，重新开始")  # yes in words and the command's own
    assert chat.state["answers"] == {}


@pytest.mark.parametrize("yes", ["确定要重新开始", "好的我要重新开始", "是的 重新开始"])
def test_a_yes_said_with_the_restart_it_confirms_restarts(chat, yes):
    """It was asked again (try8 T4c); "确定要重新开始吗" still asks, and is no yes."""
    start(chat, "积分新办")
    chat.send("张三")
    chat.send("重新开始")
    assert "已清空" in chat.send(yes)
    assert chat.state["answers"] == {}


def test_the_restart_asked_back_is_no_yes(chat):
    start(chat, "积分新办")
    chat.send("张三")
    chat.send("重新开始")
    chat.send("确定要重新开始吗")
    assert chat.state["answers"]["name"] == "张三"


@pytest.mark.parametrize("named, business_type", [("我要办积分续办", "renew"), ("换单位那个", "employer_change"),
                                                  ("不是新办，是续办", "renew")])
def test_naming_a_business_type_when_asked_to_confirm_a_restart_restarts_as_that(chat, named, business_type):
    start(chat, "积分新办")
    chat.send("张三")
    chat.send("重新开始")
    reply = chat.send(named)
    assert "已清空" in reply and "为您办理" in reply
    assert chat.state["answers"] == {"business_type": business_type} and chat.state["state"] == "permit_expiry"


@pytest.mark.parametrize("kept", ["算了，还是新办吧", "不用了 新办继续", "新办", "算了，不换续办了"])
def test_a_reply_to_a_restart_that_goes_on_keeps_everything_whatever_type_it_names(chat, kept):
    start(chat, "积分新办")
    chat.send("张三")
    chat.send("重新开始")
    assert "已取消重新开始" in chat.send(kept)
    assert chat.state["answers"]["name"] == "张三"


def test_withdrawing_a_draft_needs_nothing_and_a_submitted_one_goes_to_support(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    reply = chat.send("撤回")
    assert "还没有提交，不需要撤回" in reply and chat.state["state"] == "materials"
    app_id = chat.state["application_id"]
    chat.conversations.store.update("application", app_id, lambda record: {**record, "status": "submitted"})
    reply = chat.send("撤回申请")
    assert "不能自行撤回" in reply and "人工" in reply
    assert chat.conversations.store.get("application", app_id)["status"] == "submitted"


def test_restart_after_the_checklist_discards_the_draft(chat):
    start(chat, "单位信息变更")
    answer_all(chat, BASIC)
    chat.send("确认")
    app_id = chat.application["id"]
    chat.send("重新开始")
    chat.send("确定")
    assert chat.conversations.store.get("application", app_id) is None


def test_save_and_resume_after_a_restart_of_the_process(tmp_path):
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    first = open_store(url)
    chat = Chat(Conversations(first, now=lambda: TODAY))
    start(chat, "积分新办")
    chat.send("张三")
    assert "已为您暂存" in chat.send("暂存")
    first.close()

    second = open_store(url)  # a new process: new Store object, same file
    chat = Chat(Conversations(second, now=lambda: TODAY))
    reply = chat.send(VALID_ID)
    assert "欢迎回来" in reply and "所在单位" in reply
    assert chat.state["answers"]["name"] == "张三"
    second.close()


def test_a_greeting_after_saving_for_later_welcomes_back_to_the_same_step(chat):
    start(chat, "积分新办")
    chat.send("张三")
    chat.send("暂存")
    reply = chat.send("你好")
    assert "欢迎回来" in reply and reply.rstrip().endswith("请输入您的18位身份证号码。")
    assert chat.state["paused"] is False


def test_progress_and_help_keep_the_place(chat):
    start(chat, "积分新办")
    chat.send("张三")
    progress = chat.send("进度")
    assert "第 5 步：身份证号码" in progress and "已填写：业务类型、居住证有效期、姓名" in progress
    assert progress.rstrip().endswith("请输入您的18位身份证号码。")  # and the question waiting
    assert "返回" in chat.send("帮助")
    assert chat.state["state"] == "id_number"
    assert "所在单位" in chat.send(VALID_ID)


@pytest.mark.answers_questions
@pytest.mark.parametrize("first", [["进度"], ["你好", "查看进度"]])
def test_progress_with_nothing_begun_says_so_and_how_progress_is_followed(chat, kb, first):
    """"进度" as a first message, often of an application made elsewhere: no step 1 of a form it never began,
    but that nothing is begun here, the knowledge base's answer on following progress, and the start."""
    for text in first:
        progress = chat.send(text)
    assert render.NOTHING_BEGUN in progress and kb.entry("progress-query").answer in progress
    # try17 T19: one made from another WeChat or by the HR office is not lost: where to look, and a person to find it
    assert "别的微信" in progress and "单位人事" in progress and "回复“人工”" in progress
    assert "当前进度" not in progress and progress.rstrip().endswith("请回复序号或名称。")
    assert chat.state["state"] == "business_type" and chat.state["answers"] == {}
    start(chat, "积分新办")  # once begun, the form's step as before
    assert "当前进度：填写基本信息" in chat.send("进度")


def test_progress_while_changing_an_answer_after_the_checklist_repeats_the_question_waiting(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认", "修改 姓名"])
    progress = chat.send("进度")
    assert "第 4 步：姓名" in progress and "重新生成" in progress  # the old checklist no longer holds
    assert progress.rstrip().endswith("（当前填写：张三。直接回复新的内容；不改请回复“保持”）")
    assert chat.state["state"] == "name"


def test_human_records_one_escalation_and_the_form_goes_on(chat, conversations):
    start(chat, "积分新办")
    assert "人工客服" in chat.send("人工")
    chat.send("转人工")
    escalations = conversations.store.find("escalation", user_id=chat.user, status="open")
    assert len(escalations) == 1 and len(escalations[0]["requests"]) == 2
    assert "身份证" in chat.send("张三")


def test_three_failures_at_one_step_escalate(chat, conversations):
    start(chat, "积分新办")
    chat.send("张三")
    for _ in range(3):
        chat.send("123")
    assert conversations.store.find("escalation", user_id=chat.user)[0]["reason"] == "repeated_failure"


def test_asking_for_a_person_after_an_automatic_escalation_shows_what_the_applicant_asked(chat, conversations):
    # try17 T16/T23: support's list headed the request with the bot's own reason (多次填写失败, an ID typo long
    # passed) and "当前步骤：materials"; the applicant's words were only in the transcript
    start(chat, "积分新办")
    chat.send("张三")
    for _ in range(3):
        chat.send("123")
    chat.send("110101199003078515")
    chat.send("我要人工 我是hr 帮3个员工一起办变更 能不能批量")
    escalation, = conversations.store.find("escalation", user_id=chat.user, status="open")
    assert escalation["reason"] == "requested" and len(escalation["requests"]) == 2
    assert "我是hr 帮3个员工一起办变更 能不能批量" in escalation["note"]
    assert escalation["note"].endswith("当前步骤：employer")


def test_a_number_in_a_request_for_a_person_is_masked_before_the_note_is_cut(chat, conversations):
    # review of try17's fix: the note kept the applicant's words unmasked and was cut at 200 characters, where an ID
    # number cut short is no longer one the mask knows; masked where it is written, then cut
    start(chat, "积分新办")
    chat.send("转人工 我身份证110101199003078515 系统一直说不对")
    escalation, = conversations.store.find("escalation", user_id=chat.user, status="open")
    assert "110101199003078515" not in escalation["note"] and "系统一直说不对" in escalation["note"]


def test_two_applicants_do_not_see_each_other(conversations):
    alice, bob = Chat(conversations, "alice"), Chat(conversations, "bob")
    start(alice, "积分新办")
    alice.send("张三")
    bob.send("你好")
    assert "张三" not in bob.send("进度")
    assert bob.state["answers"] == {}


def test_a_finished_application_cannot_be_changed_and_a_new_one_can_start(chat, conversations):
    app_id = application_in(chat, "done")
    assert "已办结" in chat.send("修改 手机号码")
    assert "已办结" in chat.send("返回")
    assert conversations.store.get("application", app_id)["answers"]["mobile"] == "13800138000"
    reply = chat.send("重新开始")
    assert "开始新的申请" in reply and "请选择您要办理的业务类型" in reply
    assert chat.state["application_id"] is None
    assert conversations.store.get("application", app_id)["status"] == "done"  # history kept


def test_naming_a_business_type_after_a_finished_application_starts_the_next_one_with_it(chat, conversations):
    app_id = application_in(chat, "done")
    assert "开始新的申请" not in chat.send("续办要准备什么？")  # a question is answered, nothing started
    reply = chat.send("积分续办")  # a year later
    assert "开始新的申请" in reply and "居住证有效期" in reply
    assert chat.state["answers"] == {"business_type": "renew"} and chat.state["application_id"] is None
    assert conversations.store.get("application", app_id)["status"] == "done"


def test_a_permit_date_typed_centuries_off_is_asked_again(chat):
    chat.send("你好")
    chat.send("积分新办")
    assert "太远了" in chat.send("2207-08-25")
    assert chat.state["state"] == "permit_expiry"


@pytest.mark.parametrize("choice", ["3", "第3项", "第三项", "三", "3号"])
def test_a_material_is_chosen_by_its_number_however_it_is_written(chat, choice):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    assert chat.send(choice).startswith("持证人身份证(正反面)：")
    assert chat.state["material"] == "id_card"


def test_asking_for_the_checklist_shows_it_with_what_is_missing(chat):
    start(chat, "积分新办")
    not_yet = chat.send("材料清单")
    assert "回复“确认”后，我会按您的情况生成材料清单" in not_yet and not_yet.rstrip().endswith("请输入您的姓名（与身份证一致）。")
    answer_all(chat, BASIC + ["0", "确认"])
    for ask in ("清单", "还差什么"):
        reply = chat.send(ask)
        assert "1. 咨询服务委托单【未上传】" in reply and "下一项建议上传：1. 咨询服务委托单。" in reply
        assert "超出" not in reply


@pytest.mark.parametrize("status, says", [
    ("submitted", "已提交审核，信息不能再修改"),
    ("returned", "只需重新上传被退回的材料"),
    ("approved", "申办信息有误 + 哪里有误"),
    ("disputed", "正在由工作人员核实更正"),
    ("done", "已办结（已完成）"),
])
def test_once_submitted_a_change_of_answers_is_refused_saying_why_for_that_status(chat, status, says):
    application_in(chat, status)
    assert says in chat.send("修改 手机")
    assert says in chat.send("返回")
    assert chat.state["state"] == "materials" and chat.state["answers"]["mobile"] == "13800138000"


def test_a_question_about_submitting_or_confirming_does_neither(chat):
    # Neither can be taken back by the applicant: asked about, they are explained, not done.
    app_id = application_in(chat, "draft")
    uploaded = {code: {"status": "uploaded", "sha256": "a" * 64} for code in chat.application["checklist"]}
    chat.conversations.store.update("application", app_id, lambda a: {**a, "materials": uploaded})
    for asked in ("都传好了，现在可以交了吗？", "可以提交了吧"):
        chat.send(asked)
        assert chat.application["status"] == "draft", asked
    chat.send("提交")
    assert chat.application["status"] == "submitted"

    chat.conversations.store.update("application", app_id, lambda a: {
        **a, "status": "approved", "confirm_by": "2026-11-26T23:59:59+08:00"})
    chat.send("我要确认哪些信息？")
    assert chat.application["status"] == "approved"
    assert "已确认申办信息" in chat.send("确认申办信息")


def test_saying_the_uploading_is_done_is_told_how_to_submit_not_submitted(chat):
    app_id = application_in(chat, "draft")
    uploaded = {code: {"status": "uploaded", "sha256": "a" * 64} for code in chat.application["checklist"]}
    chat.conversations.store.update("application", app_id, lambda a: {**a, "materials": uploaded})
    for said in ("我都传完了", "传好了", "都弄好了"):
        assert render.READY_TO_SUBMIT in chat.send(said), said
        assert chat.application["status"] == "draft", said
    chat.send("那就提交吧")
    assert chat.application["status"] == "submitted"


@pytest.mark.parametrize("status, fields, line", [
    ("submitted", {}, "当前状态：线上材料待审核"),
    ("approved", {"confirm_by": "2026-11-26T23:59:59+08:00"}, "请在 2026-11-26 23:59 前回复“确认申办信息”"),
    ("done", {}, "要办理新的申请，请回复业务类型"),
])
def test_after_a_question_once_submitted_one_line_says_the_status_not_the_whole_list(chat, status, fields, line):
    application_in(chat, status, **fields)
    reply = chat.send("审核要几天啊")
    assert line in reply and "【" not in reply  # no material listed with its status


def test_after_a_finished_application_another_one_can_be_begun_in_words(chat):
    application_in(chat, "done")
    assert "现在开始新的申请" in chat.send("再办一个") and chat.state["state"] == "business_type"


def test_while_a_dispute_is_checked_confirming_waits_and_progress_says_why(chat):
    application_in(chat, "disputed", confirm_by="2026-11-26T23:59:59+08:00")
    assert "正在核实更正，暂时不需要确认" in chat.send("确认申办信息")
    assert "正在核实更正" in chat.send("申办信息有误 单位名称写错了")  # reported already, not "only when approved"
    progress = chat.send("进度")
    assert "申办信息有误（待核实）" in progress and "重新计算 2 个自然日" in progress and "请在" not in progress


def test_none_of_the_options_said_in_words_and_a_partial_none_asked_again():
    from dialogs.flows.application import QUESTIONS
    from dialogs.validators import ValidationError

    bonus, spouse, marital = QUESTIONS["bonus_options"], QUESTIONS["spouse_options"], QUESTIONS["marital_status"]
    assert bonus.parse("没有加分") == [] and bonus.parse("无加分项") == [] and spouse.parse("没有配偶") == []
    with pytest.raises(ValidationError):
        bonus.parse("没有社保")  # not "none": which of them, then?
    assert marital.parse("离过婚") == "divorced"
    assert spouse.parse("都有") == ["spouse_companion", "spouse_hukou"] == spouse.parse("以上都是")
    with pytest.raises(ValidationError, match="请回复具体是哪一项的序号"):
        spouse.parse("有")


@pytest.mark.parametrize("text, intent", [
    ("我要改单位", ("edit", "单位")), ("我想修改手机号码", ("edit", "手机号码")), ("帮我改一下邮箱", ("edit", "邮箱")),
    ("改天再说", ("pause", "")), ("要不要本人去", None), ("手机号码改成13900139000", ("edit", "手机号码改成13900139000")),
    ("修改邮箱为A@B.com", ("edit", "邮箱为A@B.com")), ("把单位改为新公司", ("edit", "单位改为新公司")),
])
def test_commands_said_with_what_one_wants(text, intent):
    from dialogs.intents import match_intent

    assert match_intent(text) == intent


def test_asking_to_change_an_answer_in_a_sentence_goes_to_that_question(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0"])
    assert "请输入您目前所在单位的全称" in chat.send("我要改单位")
    assert chat.state["state"] == "employer"


def test_while_photographing_a_material_the_current_step_is_that_material(chat):
    start(chat, "积分新办")
    answer_all(chat, BASIC + ["0", "确认"])
    assert chat.send("我要上传身份证").startswith("持证人身份证(正反面)：")
    assert chat.state["material"] == "id_card"
    waiting = "正在上传“持证人身份证(正反面)”：还没有收到照片，请继续拍照发送"
    assert waiting in chat.send("在吗") and "下一项建议上传" not in chat.last[-1]
    assert waiting in chat.send("完成")  # nothing to build yet: say what is awaited, not "choose a material"
    assert waiting in chat.send("帮助")


# -- the path the answers lead through ------------------------------------------------------------
def test_the_path_read_from_the_machine_is_the_one_its_triggers_walk():
    """``path_of`` reads the machine's rows and conditions instead of firing them: for every mix of the
    answers the conditions read, it finds the states the fired triggers go through."""
    def fired(answers, today):
        scratch, path = FlowModel(dict(answers), today), [flow.INITIAL]
        while scratch.state not in ("materials", *flow.HOLD_STATES) and field_of(scratch.state) in answers:
            scratch.next()
            path.append(scratch.state)
        return path

    rest = {f: "x" for f in ("consent", "name", "id_number", "employer", "mobile", "email", "edu_fulltime",
                             "edu_foreign", "edu_level", "edu_school", "social_years")}
    for kind, expiry, children, married, spouse, bonus, confirmed, gap in itertools.product(
            ("new", "renew", "add_companion", "change_employer"), ("2027-08-25", "2026-12-20"), (0, 2),
            ("married", "unmarried"), ([], ["spouse_companion"]), ([], ["education"], ["education", "social_insurance"]),
            (True, None), (None, "employer", "bonus_options")):
        answers = {"business_type": kind, "permit_expiry": expiry, "children": children, "marital_status": married,
                   "spouse_options": spouse, "bonus_options": bonus, "confirmed": confirmed, **rest}
        answers = {k: v for k, v in answers.items() if v is not None and k != gap}
        assert path_of(answers, TODAY) == fired(answers, TODAY), answers


def test_a_mobile_answer_is_checked_by_phonenumbers_once(chat, monkeypatch):
    """The number is looked at four times in its message (the validator, the answers found by their
    shape, every mobile it holds): phonenumbers' check (~0.1 ms) runs once, the fixed line still refused."""
    import phonenumbers

    from dialogs import validators

    parsed = []
    real_parse = phonenumbers.parse
    monkeypatch.setattr(phonenumbers, "parse", lambda *args, **kw: parsed.append(args[0]) or real_parse(*args, **kw))
    validators._number_type.cache_clear()
    start(chat, "积分新办")
    answer_all(chat, BASIC[:5])
    assert "固定电话" in chat.send("02161234567")
    assert "邮箱" in chat.send("13900139000")
    assert chat.state["answers"]["mobile"] == "13900139000"
    assert parsed.count("13900139000") == 1 and parsed.count("02161234567") == 1


def test_the_answer_a_state_asks_for_is_read_from_the_flow_tables():
    for state in [*MACHINE.states, "start", "photographing", "no_such_state", ""]:
        name = flow.ASKS.get(state, state)
        assert field_of(state) == (name if name in flow.QUESTIONS else None), state
